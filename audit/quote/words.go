package quote

import (
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
)

// set builds a lookup table of lower-case words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Word classes used by the attribution parser. They are grammar, not
// vocabulary of any article: function words, auxiliaries, role nouns.
var (
	// connectives may open a clause before its subject.
	connectives = set(`and but yet so however meanwhile then also now still instead while although though
		because since thus therefore indeed moreover furthermore later earlier separately elsewhere nonetheless`)

	// auxiliaries and adverbs that may stand between a subject and its verb.
	auxiliaries = set(`has have had was were is are be been will would could should may might must shall can
		also later then previously recently further again once did does do just only already still yesterday
		today tonight publicly privately repeatedly simply subsequently finally quickly earlier never not always
		often reportedly has since last week this month year on friday monday tuesday wednesday thursday saturday sunday
		himself herself itself themselves`)

	// stopAfterName ends a subject noun phrase read forwards.
	stopForward = set(`on in at when after before as while during who which that adding but and yesterday today
		last this earlier later told said says tells to from with about how adding noting saying in`)

	// tailPrepositions start a tail after the head of a noun phrase.
	tailPrepositions = set(`of for at from in with on to who which`)

	// determiners open a common noun phrase ("a spokesman", "one activist").
	determiners = set(`a an the one another some two three several many its his her their our this that these those`)

	pronouns = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "it": 'n', "i": 'i', "we": 'w'}

	// roleWords are titles and offices that stand before a name in a
	// capitalised run ("Foreign Minister Amir Khan Muttaqi", "Reform MP
	// Richard Tice"); the name is what follows the last of them.
	roleWords = set(`minister secretary president chairman chairwoman chair chancellor governor senator
		representative rep congressman congresswoman mayor premier leader director chief executive officer
		ceo cfo coo spokesman spokeswoman spokesperson ambassador envoy general commissioner judge justice
		king queen prince princess pope cardinal bishop archbishop coach manager captain boss head
		professor prof dr mr mrs ms miss sir dame lord lady rev reverend father sister sheikh mx
		mp mep msp am ms deputy vice shadow foreign home interior defence defense finance trade culture health
		education environment transport justice economy culture sports sport international development
		prime first foreign special analyst economist editor correspondent reporter producer founder
		chairperson inspector superintendent sergeant constable detective commander colonel major lieutenant
		admiral officer striker midfielder defender goalkeeper winger forward player star singer actor actress
		director-general secretary-general vice-president president-elect attorney solicitor barrister
		counsel partner treasurer sheriff marshal prosecutor councilman councilwoman councillor alderman
		assemblyman assemblywoman trooper pastor rabbi imam priest doctor nurse quarterback pitcher dean provost
		principal lawyer adviser advisor aide pollster historian novelist poet photographer designer architect
		engineer scientist researcher lecturer teacher analyst strategist economist trader dealer rapporteur`)

	// timeWords make a time adverbial ("last year", "on Monday"), which
	// describes no one.
	timeWords = set(`last next this yesterday today tonight tomorrow earlier later ago year years week weeks month months
		day days weekend morning afternoon evening night decade century season time
		january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday`)

	// prepositions that put the noun after them out of subject position.
	prepositions = set(`by about against like than as over under between among through without within upon toward towards
		of for with to into onto via per versus despite including`)

	// describing words open a description of a person ("former
	// minister", "chief executive", "then-leader").
	describing = set(`former ex late chief senior junior deputy acting interim outgoing incoming retired veteran
		fellow leading top new young old then current joint sole lead principal co`)

	// honorifics are dropped from a name but kept in the mention.
	honorifics = map[string]byte{"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "dr": 0, "sir": 'm', "dame": 'f',
		"lord": 'm', "lady": 'f', "prof": 0, "professor": 0, "rev": 0, "reverend": 0, "sheikh": 'm', "mx": 0,
		"father": 'm', "sister": 'f', "rt": 0, "hon": 0, "lt": 0, "sgt": 0, "capt": 0, "col": 0, "gen": 0, "maj": 0, "cpl": 0, "det": 0,
		"insp": 0, "supt": 0, "adm": 0, "cmdr": 0, "gov.": 0, "amb": 0, "atty": 0, "president": 0, "senator": 0, "sen": 0, "gov": 0, "rep": 0}

	// particles may stand inside a name ("Nick Van den Brul", "Lula da Silva").
	particles = set(`van von der den de da di du del della dos das le la al el bin ibn ben ter ten op`)

	// orgWords mark a capitalised run as an organisation or a place.
	orgWords = set(`ministry department office party council union association group company corporation corp
		inc ltd plc llc co bank reserve fund board commission committee agency federation organisation
		organization institute institution foundation trust society league club united city fc airways
		airlines airline service services government parliament assembly senate congress army navy police
		exchange network movement times news post telegraph journal media television tv radio records studios
		pictures games motors systems technologies software house court university college school hospital
		authority bureau centre center council forum alliance coalition front church network channel
		industries holdings partners capital securities investments research press daily weekly monthly magazine
		kingdom states republic nations emirate street square road hall island county province region
		administration cabinet treasury commons lords brigade regiment force forces guard tribunal
		chamber chambers rail railway railways airport theatre theater museum gallery stadium arena dems olympics championships championship cup open tournament series awards festival prize report review
		taliban tories labour conservatives democrats republicans opec nato eu un who wto imf fifa uefa iaaf
		microsoft google apple sony nintendo yahoo amazon ebay intel ibm`)

	// orgNouns are heads of a common noun phrase naming an organisation
	// ("the company", "the ministry", "the statement").
	orgNouns = set(`company firm group ministry ministries government bank airline carrier union party council
		association club statement report department agency organisation organization team regulator
		commission committee board club retailer maker manufacturer operator network broadcaster channel
		authority authorities administration embassy ministry court magazine newspaper paper website
		journal station studio label publisher council's office campaign charity service`)

	// notNames are capitalised words that never begin or make a person's
	// name: function words, months, days.
	notNames = set(`the a an but and or so yet in on at for with by from as if when while after before however
		meanwhile this that these those it he she they we i his her their our its my there here last next some
		many most all both such one two no not what who how why where also still even only just now then today
		yesterday tomorrow january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr sir according despite although
		though during since until unlike like over under about against between among through into onto upon
		speaking asked writing said says told ultimately finally additionally separately similarly eventually
		currently recently previously fortunately unfortunately interestingly importantly initially originally
		subsequently consequently clearly obviously apparently certainly basically essentially generally
		typically usually traditionally personally frankly honestly hopefully naturally significantly notably
		overall instead indeed still`)

	// personNouns are heads of a definite description that refers back to
	// a person named earlier ("the Bishop said", "said the world indoor
	// champion", "the Oscar-nominated actor said").
	personNouns = set(`champion actor actress singer star winner runner athlete sprinter artist artists writer author
		novelist director player manager coach boss chief chairman chairwoman leader president minister secretary
		chancellor bishop archbishop presenter host producer veteran striker midfielder defender goalkeeper
		captain skipper governor senator premier mayor founder economist analyst musician rapper comedian
		co-chairman co-founder king queen prince judge youngster teenager veteran
		wife husband son daughter mother father brother sister widow partner friend model`)

	// describeVerbs attribute the words of a short quoted description
	// ("dismissed the plan as "desperate"", "branded it "vacuous"").
	describeVerbs = set(`dismiss brand label dub hail attack accuse praise criticise criticize condemn welcome term name
		characterise characterize refer`)

	// objectVerbs take the person spoken to or about as their object, so
	// a name after them is not the speaker ("told Mr Blair").
	objectVerbs = set(`tell ask call describe urge address express accuse praise criticise criticize condemn welcome
		dismiss brand label dub hail attack term promise answer thank name`)

	// invertible object verbs may still open an inverted cue after a quote
	// (""Who can forget it?" asked the magazine", ""Act now," urged Smith").
	invertible = set(`ask answer urge promise`)

	// multiFirst are the first words of multi-word attribution verbs
	// ("according to", "went on", "put it", "pointed out", "hit out").
	multiFirst = set(`according go goes went going gone put puts putting point points pointed pointing hit hits
		hitting lash lashes lashed lashing say says said`)

	// functionWords cannot stand right before a name that heads a phrase.
	functionWords = set(`as like than about against into over after before by under between through during without
		within upon toward towards via per versus and or but nor so yet if that which who whom whose when where
		while because although though to of for at from in with on is was are were be been has have had
		depicted called named dubbed`)

	// afterVerb may follow a verb that closes an attribution ("he said of
	// the plan", "she said then").
	afterVerb = set(`of by via through over then again there here now tonight afterward afterwards too also once
		during outside inside before after`)

	// viaWords stand before the outlet a quote was given to.
	viaWords = set(`told tell tells telling on to with in via`)

	// nameSuffixes follow a person's name ("Guy Mansfield QC").
	nameSuffixes = set(`qc kc mp mep msp mla obe mbe cbe kbe jr sr md phd ii iii iv`)

	// countries written as acronyms are places, not organisations.
	countries = set(`us usa uk gb uae nz drc prc`)

	// locatives before a capitalised run make it a place.
	locatives = set(`in at from into near across outside inside around throughout via towards toward`)
)

// wordClass is a set of the word classes above, as bits: a token carries
// the classes of its lower case, looked up once in grammar, so that the
// parser's many questions about one word cost a bit test each.
type wordClass uint32

const (
	cConnective wordClass = 1 << iota
	cAuxiliary
	cStopForward
	cTailPreposition
	cDeterminer
	cPronoun
	cRole
	cTime
	cPreposition
	cDescribing
	cHonorific
	cParticle
	cOrgWord
	cOrgNoun
	cNotName
	cPersonNoun
	cMultiFirst
	cFunctionWord
	cAfterVerb
	cVia
	cNameSuffix
	cCountry
	cLocative
	cDescribeForm
	// cMayBeVerb is set by classify on a word that is a verb of the
	// lexicon or may begin one (cMultiFirst, cDescribeForm).
	cMayBeVerb
)

// grammar maps each word of the classes above to its classes.
var grammar = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, set := range []struct {
		class wordClass
		words map[string]bool
	}{
		{cConnective, connectives}, {cAuxiliary, auxiliaries}, {cStopForward, stopForward},
		{cTailPreposition, tailPrepositions}, {cDeterminer, determiners}, {cRole, roleWords},
		{cTime, timeWords}, {cPreposition, prepositions}, {cDescribing, describing},
		{cParticle, particles}, {cOrgWord, orgWords}, {cOrgNoun, orgNouns}, {cNotName, notNames},
		{cPersonNoun, personNouns}, {cMultiFirst, multiFirst}, {cFunctionWord, functionWords},
		{cAfterVerb, afterVerb}, {cVia, viaWords}, {cNameSuffix, nameSuffixes},
		{cCountry, countries}, {cLocative, locatives},
	} {
		for w := range set.words {
			m[w] |= set.class
		}
	}
	for w := range pronouns {
		m[w] |= cPronoun
	}
	for w := range honorifics {
		m[w] |= cHonorific
	}
	for w := range describeForms {
		m[w] |= cDescribeForm
	}
	return m
}()

// grammarSieve stops most words that are in no class before grammar is
// hashed.
var grammarSieve = lexicon.NewSieve(grammar)
