package check

import (
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func anon(mention string) result.Speaker {
	return result.Speaker{Mention: mention, Kind: result.KindAnonymous}
}

func TestAnonymousSourceFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", ""+
		"“We have not closed any school,” a Taliban spokesperson told The Telegraph.\n"+
		"“The talks will resume,” a source said.\n"+
		"“I saw the convoy myself,” officials said.\n"+
		"“The visa office is shut,” said an official, who asked not to be named.\n"+
		"An activist in Herat, who wrote anonymously for fear of reprisal, said: “Nobody listens to us.”\n"+
		"“The reason is for fear of reprisal,” a diplomat said.\n")
	fx.quote("q1", "S1", "We have not closed any school,", 0, anon("a Taliban spokesperson"))
	fx.quote("q2", "S1", "The talks will resume,", 0, anon("a source"))
	fx.quote("q3", "S1", "I saw the convoy myself,", 0, anon("officials"))
	fx.quote("q4", "S1", "The visa office is shut,", 0, anon("an official"))
	fx.quote("q5", "S1", "Nobody listens to us.", 0, anon("An activist in Herat"))
	// A reason inside the quotation is the speaker's words, not the
	// article's explanation.
	fx.quote("q6", "S1", "The reason is for fear of reprisal,", 0, anon("a diplomat"))
	wantFindings(t, fx.run(anonymousSource()), `
warning S1:1:2 q1 | We have not closed any school, | Anonymous source "a Taliban spokesperson": the article does not say why the speaker is not named.
warning S1:2:2 q2 | The talks will resume, | Attributed only to "a source": the reader cannot tell who this is or how they know.
warning S1:3:2 q3 | I saw the convoy myself, | Attributed to "officials" in the plural, but the quotation speaks as one person (“I”).
warning S1:4:2 q4 | The visa office is shut, | Anonymous source "an official": the only reason given, "who asked not to be named", is a formula, not a motive.
info S1:5:74 q5 | Nobody listens to us. | Anonymous source "An activist in Herat"; reason given: "for fear of reprisal".
warning S1:6:2 q6 | The reason is for fear of reprisal, | Anonymous source "a diplomat": the article does not say why the speaker is not named.
`)
}

func TestAnonymousSourceSilentOnNamedSpeakers(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We have not closed any school,” Zabihullah Mujahid told The Telegraph.\n“Our doors are open,” the ministry said.\n")
	fx.quote("q1", "S1", "We have not closed any school,", 0, result.Speaker{Mention: "Zabihullah Mujahid", Name: "Zabihullah Mujahid", Kind: result.KindPerson})
	fx.quote("q2", "S1", "Our doors are open,", 0, result.Speaker{Mention: "the ministry", Kind: result.KindOrganization})
	wantFindings(t, fx.run(anonymousSource()), ``)
}

func TestAnonymousReasonInAttributionParagraph(t *testing.T) {
	// The attribution cue stands in the paragraph before the quotation.
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "A nurse, who spoke on condition of anonymity for her safety, described the ward.\n“There are no beds left.”\n")
	q := fx.quote("q1", "S1", "There are no beds left.", 0, anon("A nurse"))
	q.Speaker.Line, q.Speaker.Column = 1, 1
	// "on condition of anonymity" is a formula, but "for her safety" is a
	// motive: listed as info with the motive.
	wantFindings(t, fx.run(anonymousSource()), `
info S1:2:2 q1 | There are no beds left. | Anonymous source "A nurse"; reason given: "for her safety".
`)
}

func TestAnonymousSourceNamedInMention(t *testing.T) {
	// The extractor took a descriptor followed by a name for an anonymous
	// speaker: the speaker is named, so nothing is reported. A spokesman
	// of a named body is reported with a specific suggestion.
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "Party spokeswoman for women Sandra Gidley said: “Mothers deserve more.”\n“No decision was taken,” an IAAF spokesman said.\n")
	fx.quote("q1", "S1", "Mothers deserve more.", 0, anon("Party spokeswoman for women Sandra Gidley"))
	fx.quote("q2", "S1", "No decision was taken,", 0, anon("an IAAF spokesman"))
	fs := fx.run(anonymousSource())
	if len(fs) != 1 || fs[0].Quote != "q2" || !strings.Contains(fs[0].Suggestion, "organisation") {
		t.Fatalf("got %s", attrSummary(fs))
	}
}
