package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestUnattributedQuoteFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "Refugees in Peshawar\n“We don’t know if we will be forgotten.”\nThe flag went up at dawn, and ‘hope’ was scarce.\n“We waited,” she said. “Then we left.”\n")
	fx.quote("q1", "S1", "We don’t know if we will be forgotten.", 0, result.Speaker{})
	fx.quote("q2", "S1", "hope", 0, result.Speaker{})
	fx.res.Quotes[1].Fragment = true
	fx.quote("q3", "S1", "We waited,", 0, result.Speaker{})
	fx.quote("q4", "S1", "Then we left.", 0, result.Speaker{})
	fx.res.Quotes[3].Continues = "q3"
	wantFindings(t, fx.run(unattributedQuote()), `
error S1:2:2 q1 | We don’t know if we will be forgotten. | Quotation with no speaker: nothing around it says who said it.
error S1:4:2 q3 | We waited, | Quotation with no speaker: nothing around it says who said it.
`)
}

func TestUnattributedQuoteSilentWhenAttributed(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We waited,” Amina Rahimi said. “Then we left.”\n")
	sp := result.Speaker{Mention: "Amina Rahimi", Name: "Amina Rahimi", Kind: result.KindPerson}
	fx.quote("q1", "S1", "We waited,", 0, sp)
	q := fx.quote("q2", "S1", "Then we left.", 0, sp)
	q.Continues = "q1"
	wantFindings(t, fx.run(unattributedQuote()), ``)
}

func TestUnattributedContinuationWithOtherSpeaker(t *testing.T) {
	// The first part is attributed, the later part lost its speaker: the
	// later part is reported on its own.
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“We waited,” Amina said. “Then we left.”\n")
	fx.quote("q1", "S1", "We waited,", 0, result.Speaker{Mention: "Amina", Kind: result.KindPerson})
	q := fx.quote("q2", "S1", "Then we left.", 0, result.Speaker{})
	q.Continues = "q1"
	fs := fx.run(unattributedQuote())
	if len(fs) != 1 || fs[0].Quote != "q2" {
		t.Fatalf("got %s", attrSummary(fs))
	}
}
