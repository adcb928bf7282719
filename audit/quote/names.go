package quote

import "strings"

// Common English given names with a usual gender, so that "she said"
// does not resolve to the last man named. A name not listed has no known
// gender and is compatible with either pronoun.
var (
	femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
		margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
		rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
		katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce
		victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
		frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
		amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
		alexis kayla jane lucy sophie chloe ella mia ava zoe claire fiona gillian harriet patricia theresa
		tessa hazel sheila sandra jackie barbara hillary condoleezza nancy kamala ursula angela margaret
		priya aisha fatima mariam maryam layla leila nadia yasmin sonia carla lena rosa dana karine ann anne
		kate katie caroline louise joanna jo paula susanna hayley kelly kirsty gemma`)
	maleNames = set(`james robert john michael william david richard joseph thomas charles christopher daniel
		matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
		jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
		gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
		zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl
		arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne
		elijah randy roy vincent ralph eugene russell bobby mason philip louis tony tom tim jim bob bill mike
		steve dave chris nick ben sam harry charlie oliver jamie ian colin gordon liam alastair nigel graham
		neil martin simon gareth rhodri dai tony digby ed ken ted rod vladimir dmitry sergei boris ivan
		mohammed muhammad ahmed ali omar hassan hamid amir zamir ismail jamal naseer rangin salman zia
		richard stephen rick ken murdoch jeremy barry`)
)

// givenGender returns 'm' or 'f' for a full name whose first word is a
// common given name, or 0.
func givenGender(name string) byte {
	first, _, _ := strings.Cut(name, " ")
	first = strings.ToLower(first)
	switch {
	case femaleNames[first] && !maleNames[first]:
		return 'f'
	case maleNames[first] && !femaleNames[first]:
		return 'm'
	}
	return 0
}
