package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// quoteVariantMinSimilarity: a member of a group this unlike its first
// quotation was joined through a third one; its diff says nothing useful.
const quoteVariantMinSimilarity = 0.5

// quoteVariant reports the same quotation worded differently.
func quoteVariant() *Check {
	return &Check{
		Slug:  "quote-variant",
		Title: "the same quotation worded differently",
		Doc: "Quotations are verbatim, so the same quotation must read the same wherever it " +
			"stands. Reported when two versions of a quotation (a near or contained match) " +
			"differ in wording — a word changed, dropped or added, a typo — with the " +
			"word-level difference; punctuation, case and quotation-mark styles do not " +
			"count, nor do the words a shorter version leaves out at either end. The " +
			"finding is placed at the later version (by source date, else the second) " +
			"and points at the other. Raised one level (to error by default) when a " +
			"negation or qualifier (not, never, no, only, n't, …) is dropped or added: the " +
			"meaning changed. Example: “… approach to prevent terrorism …” in b.txt against " +
			"“… approach to preventing terrorism …” in a.txt → quote-variant: “preventing” " +
			"in a.txt became “prevent” in b.txt.",
		Severity: result.Warning,
		Options: []Option{{
			Name: "max_listed", Default: 3,
			Doc: "the most word differences spelled out in one message",
		}},
		Run: runQuoteVariant,
	}
}

func runQuoteVariant(pass *Pass) {
	maxListed := max(pass.IntOption("max_listed"), 1)
	for i := range pass.Result.Matches {
		m := &pass.Result.Matches[i]
		if (m.Kind != result.MatchNear && m.Kind != result.MatchContained) || len(m.Members) < 2 {
			continue
		}
		first := m.Members[0]
		for _, mem := range m.Members[1:] {
			if mem.Similarity < quoteVariantMinSimilarity {
				continue
			}
			ops := mem.Diff
			if m.Kind == result.MatchContained {
				ops = match.InteriorOps(ops)
			}
			if !quoteVariantDiffers(ops) {
				continue
			}
			from, to := first, mem
			if m.Earliest != "" && m.Earliest == mem.Source && first.Source != mem.Source {
				from, to, ops = mem, first, match.Invert(ops)
			}
			at, other := pass.Index.Quote(to.Quote), pass.Index.Quote(from.Quote)
			if at == nil || other == nil {
				continue
			}
			fromName, toName := matchSourceName(pass.Index, from.Source), matchSourceName(pass.Index, to.Source)
			if from.Source == to.Source {
				fromName, toName = fromName+" (first)", toName+" (again)"
			}
			msg := "The same quotation is worded differently: " + quoteVariantChanges(ops, fromName, toName, maxListed) + "."
			sev := pass.Severity
			suggestion := "Check the wording against the original: a quotation is verbatim."
			if qc := match.QualifierChanges(ops); len(qc) > 0 {
				sev = quoteVariantRaise(sev)
				msg += fmt.Sprintf(" A negation or qualifier differs (%s): the meaning changed.", strings.Join(qc, ", "))
				suggestion = "Settle which version the speaker said before publishing: the two say different things."
			}
			pass.Report(result.Finding{
				Severity: sev, Source: at.Source, Line: at.Line, Column: at.Column, Quote: at.ID,
				Evidence: at.Text, Message: msg, Suggestion: suggestion,
				Related: []result.Related{matchRelated(other, "the quotation as "+matchSourceName(pass.Index, from.Source)+" prints it")},
			})
		}
	}
}

// quoteVariantDiffers reports whether ops change any word (not just
// punctuation, dashes or ellipses).
func quoteVariantDiffers(ops []result.DiffOp) bool {
	for _, op := range ops {
		if op.Op != result.OpEqual && match.Normalize(op.Old) != match.Normalize(op.New) {
			return true
		}
	}
	return false
}

// quoteVariantChanges spells out the word changes of ops.
func quoteVariantChanges(ops []result.DiffOp, from, to string, maxListed int) string {
	var parts []string
	n := 0
	for _, op := range ops {
		if op.Op == result.OpEqual || match.Normalize(op.Old) == match.Normalize(op.New) {
			continue
		}
		n++
		if len(parts) == maxListed {
			continue
		}
		switch op.Op {
		case result.OpReplace:
			parts = append(parts, fmt.Sprintf("“%s” in %s became “%s” in %s", op.Old, from, op.New, to))
		case result.OpDelete:
			parts = append(parts, fmt.Sprintf("“%s” in %s is missing in %s", op.Old, from, to))
		case result.OpInsert:
			parts = append(parts, fmt.Sprintf("“%s” was added in %s", op.New, to))
		}
	}
	if n > len(parts) {
		parts = append(parts, fmt.Sprintf("and %d more", n-len(parts)))
	}
	return strings.Join(parts, "; ")
}

// quoteVariantRaise returns the severity one level above sev.
func quoteVariantRaise(sev result.Severity) result.Severity {
	if sev == result.Info {
		return result.Warning
	}
	return result.Error
}
