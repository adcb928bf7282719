package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// unbalancedQuote reports quotation marks that do not pair up.
func unbalancedQuote() *Check {
	return &Check{
		Slug:  "unbalanced-quote",
		Title: "quotation marks that do not pair up",
		Doc: "A quotation opened with one kind of mark and closed with another, or opened " +
			"and never closed. An opening mark without a closing one is legitimate only in " +
			"the multi-paragraph convention (each paragraph of a long quotation re-opens, " +
			"only the last closes), which is not reported. Where the quotation ends is a " +
			"guess until the mark is fixed, so its speaker and matches may be wrong too. " +
			"Example: ‘We are disappointed,” he said. → unbalanced-quote.",
		Severity: result.Warning,
		Run:      runUnbalancedQuote,
	}
}

func runUnbalancedQuote(pass *Pass) {
	// A part continued by a part in a later paragraph is a multi-paragraph
	// quotation: its missing closing mark is the convention, not an error.
	continuedLater := map[string]bool{}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Continues == "" {
			continue
		}
		if prev := pass.Index.Quote(q.Continues); prev != nil && q.Paragraph > prev.Paragraph {
			continuedLater[prev.ID] = true
		}
	}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		switch {
		case q.Mismatched:
			pass.ReportQuote(q,
				fmt.Sprintf("Quotation opened with %s but closed with %s.", q.OpenMark, q.CloseMark),
				"Use a matching pair of marks, or check where the quotation really ends.")
		case q.Unclosed && !continuedLater[q.ID]:
			pass.ReportQuote(q,
				fmt.Sprintf("Quotation opened with %s is never closed.", q.OpenMark),
				"Add the closing mark where the speaker's words end.")
		}
	}
}
