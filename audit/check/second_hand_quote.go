package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// secondHandQuote lists quotations gathered by another outlet.
func secondHandQuote() *Check {
	return &Check{
		Slug:  "second-hand-quote",
		Title: "quotation gathered by another outlet",
		Doc: "A quotation the article credits to another outlet (“told the BBC”, “in an " +
			"interview with The Telegraph”, “said on LBC”) is listed as info with the " +
			"outlet, so the editor knows it was not gathered first hand and keeps the " +
			"credit. A quotation that appears earlier in another source of the corpus (by " +
			"the dates of the match group) but carries no credit here is a warning: it may " +
			"have been lifted without credit. Example: “We are open to talks,” the minister " +
			"told the BBC. → second-hand-quote (info, BBC).",
		Severity: result.Info,
		Run:      runSecondHandQuote,
	}
}

func runSecondHandQuote(pass *Pass) {
	// The credit may stand at a later part ("“…,” he told the BBC. “…”").
	partVia := map[string]string{}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Continues != "" && q.Via != "" {
			root := quotationRoot(pass.Index, q)
			if partVia[root.ID] == "" {
				partVia[root.ID] = q.Via
			}
		}
	}
	earliest := map[string]*result.Quote{} // match ID -> its earliest member, found once per group
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Continues != "" {
			continue // the quotation is reported at its first part
		}
		via := q.Via
		if via == "" {
			via = partVia[q.ID]
		}
		if via != "" {
			pass.ReportQuote(q,
				fmt.Sprintf("Second-hand quotation: credited to %s.", via),
				fmt.Sprintf("Keep the credit to %s wherever this quotation is used.", via))
			continue
		}
		if q.Match == "" {
			continue
		}
		m := pass.Index.Match(q.Match)
		if m == nil || m.Earliest == "" || m.Earliest == q.Source {
			continue
		}
		earlier, ok := earliest[m.ID]
		if !ok {
			earlier = earliestMember(pass, m)
			earliest[m.ID] = earlier
		}
		var related []result.Related
		if earlier != nil {
			related = append(related, result.Related{
				Source: earlier.Source, Line: earlier.Line, Column: earlier.Column,
				Message: "the same quotation, published earlier",
			})
		}
		pass.Report(result.Finding{
			Severity: severityAtLeast(pass.Severity, result.Warning),
			Source:   q.Source, Line: q.Line, Column: q.Column, Quote: q.ID, Evidence: q.Text,
			Message: fmt.Sprintf("This quotation appeared first in %s, but nothing here credits it.",
				sourceLabel(pass.Index, m.Earliest)),
			Suggestion: "Credit the outlet that gathered it (“told …”, “said in an interview with …”), or confirm it was gathered first hand.",
			Related:    related,
		})
	}
}

// earliestMember returns the first quote of match group m that stands in
// m's earliest source, or nil.
func earliestMember(pass *Pass, m *result.Match) *result.Quote {
	for _, id := range m.Quotes {
		if q := pass.Index.Quote(id); q != nil && q.Source == m.Earliest {
			return q
		}
	}
	for _, mem := range m.Members {
		if q := pass.Index.Quote(mem.Quote); q != nil && q.Source == m.Earliest {
			return q
		}
	}
	return nil
}
