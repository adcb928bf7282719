package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// dateConflict reports sources whose own dates disagree.
func dateConflict() *Check {
	return &Check{
		Slug:  "date-conflict",
		Title: "source that gives two different dates",
		Doc: "The top matter of one source carries dates that disagree, so when it was " +
			"published is unclear (often a scrape date beside the publication date). Each " +
			"date that differs from the first one is reported, pointing back at the first. " +
			"Example: “Thursday, December 04, 2025” above the headline and “July 8, 2025” " +
			"below it → date-conflict.",
		Severity: result.Warning,
		Run:      runDateConflict,
	}
}

func runDateConflict(pass *Pass) {
	for _, id := range sortedSourceIDs(pass.Result, pass.Docs) {
		s := pass.Index.Source(id)
		var first *result.Date
		reported := map[string]bool{}
		for i := range s.Dates {
			d := &s.Dates[i]
			if d.ISO == "" {
				continue
			}
			if first == nil {
				first = d
				continue
			}
			if d.ISO == first.ISO || reported[d.ISO] {
				continue
			}
			reported[d.ISO] = true
			pass.Report(result.Finding{
				Source: id, Line: d.Line, Column: d.Column, Evidence: d.Text,
				Message: fmt.Sprintf("The source gives two dates: %q (%s) and %q (%s).",
					first.Text, first.ISO, d.Text, d.ISO),
				Suggestion: "Check which is the publication date; the other may be when the page was copied.",
				Related: []result.Related{{
					Source: id, Line: first.Line, Column: first.Column,
					Message: fmt.Sprintf("first date: %q", first.Text),
				}},
			})
		}
	}
}
