package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestUnbalancedQuoteFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "‘We are disappointed,” the envoy said.\nShe said: “We will go home and never\n")
	sp := result.Speaker{Mention: "the envoy", Kind: result.KindAnonymous}
	q := fx.quote("q1", "S1", "We are disappointed,", 0, sp)
	q.Mismatched = true
	q = fx.quote("q2", "S1", "We will go home and never", 0, sp)
	q.Unclosed, q.CloseMark = true, ""
	wantFindings(t, fx.run(unbalancedQuote()), `
warning S1:1:2 q1 | We are disappointed, | Quotation opened with ‘ but closed with ”.
warning S1:2:12 q2 | We will go home and never | Quotation opened with “ is never closed.
`)
}

func TestUnbalancedQuoteSilentOnMultiParagraphConvention(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "She said: “We packed at night.\n“We crossed at dawn.”\n")
	sp := result.Speaker{Mention: "She", Kind: result.KindPerson}
	q := fx.quote("q1", "S1", "We packed at night.", 0, sp)
	q.Unclosed = true // the extractor should not set it, but if it does, the convention holds
	q = fx.quote("q2", "S1", "We crossed at dawn.", 0, sp)
	q.Continues = "q1"
	wantFindings(t, fx.run(unbalancedQuote()), ``)
}
