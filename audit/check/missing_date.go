package check

import "github.com/quoteaudit/quoteaudit/audit/result"

// missingDate reports sources with no date near the top.
func missingDate() *Check {
	return &Check{
		Slug:  "missing-date",
		Title: "source with no date",
		Doc: "No date was found in the top matter of the source. Without one, the order in " +
			"which outlets published a quotation (and so who should be credited for it) " +
			"cannot be told. Example: an article that opens straight on its headline and " +
			"body → missing-date.",
		Severity: result.Warning,
		Run: func(pass *Pass) {
			for _, id := range sortedSourceIDs(pass.Result, pass.Docs) {
				s := pass.Index.Source(id)
				if len(s.Dates) > 0 {
					continue
				}
				pass.Report(result.Finding{
					Source: id, Line: 1, Column: 1, Evidence: s.Title,
					Message:    "No date: the source does not say when it was published.",
					Suggestion: "Find the publication date (the page, the archive, the author).",
				})
			}
		},
	}
}
