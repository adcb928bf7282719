package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestAlteredQuoteFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "Bennett wrote ‘[we are] Disappointed by Russia’s recognition…’\nShe said “… the camps are full” and left.\n")
	fx.addDoc("S2", "b.txt", "“We will not … accept it,” he said.\n")
	fx.addDoc("S3", "c.txt", "“We will not, under any circumstances, accept it,” he said.\n")
	sp := result.Speaker{Mention: "Bennett", Kind: result.KindPerson}
	q := fx.quote("q1", "S1", "[we are] Disappointed by Russia’s recognition…", 0, sp)
	q.Insertions = []string{"[we are]"}
	fx.quote("q2", "S1", "… the camps are full", 0, sp)
	q = fx.quote("q3", "S2", "We will not … accept it,", 0, sp)
	q.Match, q.Ellipses = "m1", 1
	q = fx.quote("q4", "S3", "We will not, under any circumstances, accept it,", 0, sp)
	q.Match = "m1"
	fx.res.Matches = []result.Match{{ID: "m1", Kind: result.MatchNear, Quotes: []string{"q3", "q4"}, Sources: []string{"S2", "S3"},
		Members: []result.MatchMember{{Quote: "q3", Source: "S2", Text: "We will not … accept it,"}, {Quote: "q4", Source: "S3", Text: "We will not, under any circumstances, accept it,"}}}}
	fs := fx.run(alteredQuote())
	if len(fs) == 3 && (len(fs[2].Related) != 1 || fs[2].Related[0].Source != "S3") {
		t.Errorf("related: %+v", fs[2].Related)
	}
	wantFindings(t, fs, `
info S1:1:16 q1 | [we are] Disappointed by Russia’s recognition… | Edited quotation: it ends with an ellipsis, adds "[we are]".
info S1:2:11 q2 | … the camps are full | Edited quotation: it begins with an ellipsis.
warning S2:1:2 q3 | We will not … accept it, | Edited quotation: it has an ellipsis inside. The ellipsis leaves out "under any circumstances", which c.txt has.
`)
}

func TestAlteredQuoteSilentOnVerbatimQuotes(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We wait. We hope. We pray.” she said. Ellipses outside quotes… are not quotes.\n")
	fx.quote("q1", "S1", "We wait. We hope. We pray.", 0, result.Speaker{Mention: "she", Kind: result.KindPerson})
	wantFindings(t, fx.run(alteredQuote()), ``)
}

func TestWordsAcrossEllipses(t *testing.T) {
	for _, tc := range []struct{ cut, full, want string }{
		{"We will not … accept it", "We will not, under any circumstances, accept it", "under any circumstances"},
		{"… accept it", "We will never accept it", "We will never"},
		{"We will never …", "We will never accept it, ever", "accept it, ever"},
		{"We will … accept it", "We will accept it", ""},    // nothing dropped
		{"One … two", "three four five", ""},                // unrelated wording
		{"a ... b ... c", "a x b y c", "x … y"},             // two cuts
		{"no ellipsis here", "no ellipsis here at all", ""}, // no ellipsis
		{"We . . . left", "We quietly left", "quietly"},     // spaced form
	} {
		if got := wordsAcrossEllipses(tc.cut, tc.full); got != tc.want {
			t.Errorf("wordsAcrossEllipses(%q, %q) = %q, want %q", tc.cut, tc.full, got, tc.want)
		}
	}
}
