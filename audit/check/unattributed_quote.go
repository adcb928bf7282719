package check

import "github.com/quoteaudit/quoteaudit/audit/result"

// unattributedQuote reports full quotations nobody is said to have said.
func unattributedQuote() *Check {
	return &Check{
		Slug:  "unattributed-quote",
		Title: "quotation with no speaker",
		Doc: "A full quotation (not a fragment or scare quote) whose speaker could not be " +
			"found in its sentence, the sentences around it or the paragraph before it. " +
			"Readers must know who said every quoted sentence: name the speaker by the end " +
			"of the first sentence of the quotation. An interrupted or multi-paragraph " +
			"quotation is reported once, at its first part. Fragments are listed in the " +
			"reports, never flagged. Example: “We will not be forgotten.” (no speaker " +
			"anywhere near) → unattributed-quote.",
		Severity: result.Error,
		Run:      runUnattributedQuote,
	}
}

func runUnattributedQuote(pass *Pass) {
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Fragment || q.Speaker.Known() {
			continue
		}
		if q.Continues != "" {
			root := quotationRoot(pass.Index, q)
			if root != q && (root.Fragment || sameSpeaker(root.Speaker, q.Speaker)) {
				continue // reported (or deliberately not) at the first part
			}
		}
		pass.ReportQuote(q,
			"Quotation with no speaker: nothing around it says who said it.",
			"Name the speaker in the quotation's first sentence (“…,” said NAME, ROLE).")
	}
}
