package check

import "github.com/quoteaudit/quoteaudit/audit/result"

// missingByline reports sources that do not say who wrote them.
func missingByline() *Check {
	return &Check{
		Slug:  "missing-byline",
		Title: "source with no byline",
		Doc: "The top of the source names no author. A source nobody signs is harder to " +
			"weigh and to credit; find the author or say why the piece is unsigned. An " +
			"empty \"Written by:\" line counts as no byline. Example: a scraped page whose " +
			"\"By:\" line is blank → missing-byline.",
		Severity: result.Warning,
		Run: func(pass *Pass) {
			for _, id := range sortedSourceIDs(pass.Result, pass.Docs) {
				s := pass.Index.Source(id)
				if s.Byline != "" {
					continue
				}
				pass.Report(result.Finding{
					Source: id, Line: 1, Column: 1, Evidence: s.Title,
					Message:    "No byline: the source does not say who wrote it.",
					Suggestion: "Find the author, or note why the piece is unsigned.",
				})
			}
		},
	}
}
