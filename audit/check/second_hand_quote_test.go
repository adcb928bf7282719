package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func secondHandFixture(t *testing.T) *attrFixture {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We are ready to talk,” the minister told the BBC.\n")
	fx.addDoc("S2", "b.txt", "“We are ready to talk,” the minister said on Monday.\n")
	sp := result.Speaker{Mention: "the minister", Kind: result.KindAnonymous}
	q := fx.quote("q1", "S1", "We are ready to talk,", 0, sp)
	q.Via, q.Match = "BBC", "m1"
	q = fx.quote("q2", "S2", "We are ready to talk,", 0, sp)
	q.Match = "m1"
	fx.res.Matches = []result.Match{{ID: "m1", Kind: result.MatchExact, Quotes: []string{"q1", "q2"}, Sources: []string{"S1", "S2"}, Earliest: "S1",
		Members: []result.MatchMember{{Quote: "q1", Source: "S1", Text: "We are ready to talk,"}, {Quote: "q2", Source: "S2", Text: "We are ready to talk,"}}}}
	return fx
}

func TestSecondHandQuoteFires(t *testing.T) {
	fx := secondHandFixture(t)
	fs := fx.run(secondHandQuote())
	wantFindings(t, fs, `
info S1:1:2 q1 | We are ready to talk, | Second-hand quotation: credited to BBC.
warning S2:1:2 q2 | We are ready to talk, | This quotation appeared first in a.txt, but nothing here credits it.
`)
	if len(fs) < 2 {
		return
	}
	if r := fs[1].Related; len(r) != 1 || r[0].Source != "S1" || r[0].Path != "a.txt" || r[0].Line != 1 {
		t.Errorf("related: %+v", r)
	}
}

func TestSecondHandQuoteSilentOnOwnQuotes(t *testing.T) {
	fx := secondHandFixture(t)
	fx.res.Quotes[0].Via = ""
	fx.res.Matches[0].Earliest = "" // dates unknown: no order, no warning
	wantFindings(t, fx.run(secondHandQuote()), ``)
	fx.res.Matches[0].Earliest = "S2" // S2 was first: it is S1 that is late, and S1 credits nobody
	wantFindings(t, fx.run(secondHandQuote()), `
warning S1:1:2 q1 | We are ready to talk, | This quotation appeared first in b.txt, but nothing here credits it.
`)
}

func TestSecondHandCreditOnLaterPart(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We are ready,” the minister told LBC. “We always were.”\n")
	sp := result.Speaker{Mention: "the minister", Kind: result.KindAnonymous}
	fx.quote("q1", "S1", "We are ready,", 0, sp)
	q := fx.quote("q2", "S1", "We always were.", 0, sp)
	q.Continues, q.Via = "q1", "LBC"
	wantFindings(t, fx.run(secondHandQuote()), `
info S1:1:2 q1 | We are ready, | Second-hand quotation: credited to LBC.
`)
}
