package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// sharedQuote notes quotations that stand in several sources.
func sharedQuote() *Check {
	return &Check{
		Slug:  "shared-quote",
		Title: "the same quotation in several sources",
		Doc: "A quotation that stands, word for word or nearly, in several different " +
			"sources: provenance to settle before publishing. The finding is placed at the " +
			"quotation in the source with the earliest date when the dates are known (the " +
			"likely origin; credit it if the words were not gathered first-hand) and lists " +
			"the other places. Repeats within one source and fragments are not counted. " +
			"Example: “Supporting the de facto government in Kabul is the most pragmatic " +
			"approach to preventing terrorism on our southern borders.” in a.txt and b.txt " +
			"→ shared-quote.",
		Severity: result.Info,
		Options: []Option{{
			Name: "min_sources", Default: 2,
			Doc: "the number of different sources a quotation must stand in to be noted",
		}},
		Run: runSharedQuote,
	}
}

func runSharedQuote(pass *Pass) {
	minSources := max(pass.IntOption("min_sources"), 2)
	// "the same quotation in SOURCE", made once per source: the findings
	// hold them until the reports are written.
	sameIn := map[string]string{}
	for i := range pass.Result.Matches {
		m := &pass.Result.Matches[i]
		if m.Kind == result.MatchFragment || len(m.Members) == 0 {
			continue
		}
		var srcs []string
		seen := map[string]bool{}
		for _, mem := range m.Members {
			if !seen[mem.Source] {
				seen[mem.Source] = true
				srcs = append(srcs, mem.Source)
			}
		}
		if len(srcs) < minSources {
			continue
		}
		anchor := 0
		if m.Earliest != "" {
			for j, mem := range m.Members {
				if mem.Source == m.Earliest {
					anchor = j
					break
				}
			}
		}
		q := pass.Index.Quote(m.Members[anchor].Quote)
		if q == nil {
			continue
		}
		names := make([]string, len(srcs))
		for j, s := range srcs {
			names[j] = matchSourceName(pass.Index, s)
		}
		what := "The same quotation"
		switch m.Kind {
		case result.MatchNear:
			what = "The same quotation, worded slightly differently,"
		case result.MatchContained:
			what = "The same quotation, in full or in part,"
		}
		earliest := "unknown (dates missing or equal)"
		if m.Earliest != "" {
			earliest = matchSourceName(pass.Index, m.Earliest)
		}
		msg := fmt.Sprintf("%s stands in %d sources: %s; earliest: %s.", what, len(srcs), strings.Join(names, ", "), earliest)
		related := make([]result.Related, 0, len(m.Members)-1)
		for j, mem := range m.Members {
			if j == anchor {
				continue
			}
			if oq := pass.Index.Quote(mem.Quote); oq != nil {
				label, ok := sameIn[mem.Source]
				if !ok {
					label = "the same quotation in " + matchSourceName(pass.Index, mem.Source)
					sameIn[mem.Source] = label
				}
				related = append(related, matchRelated(oq, label))
			}
		}
		pass.ReportQuote(q, msg,
			"Check that the quotation was gathered first-hand; if it was taken from another outlet, credit it.",
			related...)
	}
}
