package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// alteredQuote lists quotations the article has edited.
func alteredQuote() *Check {
	return &Check{
		Slug:  "altered-quote",
		Title: "quotation edited with an ellipsis or brackets",
		Doc: "Quotations are verbatim; an ellipsis or a bracketed insertion changes what the " +
			"speaker said and must be used with care. Listed as info: an ellipsis at the " +
			"start or end of a quotation (never needed: the quotation marks already show " +
			"that words were left out), an ellipsis inside it, and each bracketed " +
			"insertion. Raised to a warning when another source's version of the same " +
			"quotation has words where this one has an ellipsis: the reader can check " +
			"whether the cut changes the meaning. Example: ‘[we are] Disappointed by " +
			"Russia's recognition …’ → altered-quote.",
		Severity: result.Info,
		Run:      runAlteredQuote,
	}
}

func runAlteredQuote(pass *Pass) {
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		var notes []string
		t := strings.TrimSpace(q.Text)
		lead, trail := hasLeadingEllipsis(t), hasTrailingEllipsis(t)
		if lead {
			notes = append(notes, "begins with an ellipsis")
		}
		if trail {
			notes = append(notes, "ends with an ellipsis")
		}
		inner := countEllipses(t)
		if lead {
			inner--
		}
		if trail && (!lead || countEllipses(t) > 1) {
			inner--
		}
		if inner > 0 {
			if inner == 1 {
				notes = append(notes, "has an ellipsis inside")
			} else {
				notes = append(notes, fmt.Sprintf("has %d ellipses inside", inner))
			}
		}
		for _, ins := range q.Insertions {
			notes = append(notes, fmt.Sprintf("adds %q", ins))
		}
		if len(notes) == 0 {
			continue
		}
		f := result.Finding{
			Source: q.Source, Line: q.Line, Column: q.Column, Quote: q.ID, Evidence: q.Text,
			Message:    "Edited quotation: it " + strings.Join(notes, ", ") + ".",
			Suggestion: "Check the cut or insertion against the original; drop an ellipsis at the start or end.",
		}
		if dropped, other := droppedByEllipsis(pass, q); dropped != "" {
			f.Severity = severityAtLeast(pass.Severity, result.Warning)
			f.Message += fmt.Sprintf(" The ellipsis leaves out %q, which %s has.", dropped, sourceLabel(pass.Index, other.Source))
			f.Related = append(f.Related, result.Related{
				Source: other.Source, Line: other.Line, Column: other.Column,
				Message: "the same quotation with the words the ellipsis leaves out",
			})
		}
		pass.Report(f)
	}
}

var ellipsisForms = []string{"…", ". . .", "..."}

// mayStartEllipsis reports whether an ellipsis form can start with c
// (every form starts with a dot or the first byte of "…").
func mayStartEllipsis(c byte) bool { return c == '.' || c == "…"[0] }

func hasLeadingEllipsis(t string) bool {
	t = strings.TrimLeft(t, " \t([")
	for _, e := range ellipsisForms {
		if strings.HasPrefix(t, e) {
			return true
		}
	}
	return false
}

func hasTrailingEllipsis(t string) bool {
	t = strings.TrimRight(t, " \t)].,;:")
	if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") || strings.HasSuffix(t, ". . .") {
		return true
	}
	return false
}

// countEllipses counts the ellipses in t ("…", "..." or ". . .").
func countEllipses(t string) int {
	n := 0
	for i := 0; i < len(t); {
		if !mayStartEllipsis(t[i]) {
			i++
			continue
		}
		matched := false
		for _, e := range ellipsisForms {
			if strings.HasPrefix(t[i:], e) {
				n++
				i += len(e)
				for i < len(t) && t[i] == '.' {
					i++
				}
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return n
}

// droppedByEllipsis looks for another source's version of q's quotation
// (same match group) that has words where q has an ellipsis; it returns
// those words and the other quote.
func droppedByEllipsis(pass *Pass, q *result.Quote) (string, *result.Quote) {
	if countEllipses(q.Text) == 0 {
		return "", nil
	}
	root := quotationRoot(pass.Index, q)
	if root.Match == "" {
		return "", nil
	}
	m := pass.Index.Match(root.Match)
	if m == nil {
		return "", nil
	}
	// A group may hold the same wording many times over: each wording is
	// compared once.
	tried := map[string]bool{}
	for _, mem := range m.Members {
		if mem.Source == q.Source {
			continue
		}
		other := pass.Index.Quote(mem.Quote)
		if other == nil {
			continue
		}
		text := mem.Text
		if text == "" {
			text = other.Text
		}
		if tried[text] {
			continue
		}
		tried[text] = true
		if words := wordsAcrossEllipses(q.Text, text); words != "" {
			return words, other
		}
	}
	return "", nil
}

// wordsAcrossEllipses returns the words of full that stand where cut has
// an ellipsis: for each ellipsis of cut, the words before it (up to
// three) and after it (up to three) are found in order in full, and the
// words between them are returned. Leading and trailing ellipses compare
// with the start and end of full.
func wordsAcrossEllipses(cut, full string) string {
	fullToks := wordTokens(full, 0, len(full))
	fw := make([]string, len(fullToks))
	for i, t := range fullToks {
		fw[i] = t.Norm
	}
	var dropped []string
	pieces := splitOnEllipses(cut)
	for k := 0; k+1 < len(pieces); k++ {
		before := lastWords(normalizeWords(pieces[k]), 3)
		after := firstWords(normalizeWords(pieces[k+1]), 3)
		var lo, hi int
		switch {
		case len(before) == 0 && len(after) == 0:
			continue
		case len(before) == 0: // leading ellipsis
			hi = indexWords(fw, after, 0)
			if hi <= 0 {
				continue
			}
			lo = 0
		case len(after) == 0: // trailing ellipsis
			b := indexWords(fw, before, 0)
			if b < 0 || b+len(before) >= len(fw) {
				continue
			}
			lo, hi = b+len(before), len(fw)
		default:
			b := indexWords(fw, before, 0)
			if b < 0 {
				continue
			}
			lo = b + len(before)
			hi = indexWords(fw, after, lo)
			if hi <= lo {
				continue
			}
		}
		seg := full[fullToks[lo].Start:fullToks[hi-1].End]
		dropped = append(dropped, strings.Join(strings.Fields(seg), " "))
	}
	return strings.Join(dropped, " … ")
}

// splitOnEllipses cuts t at each ellipsis.
func splitOnEllipses(t string) []string {
	var out []string
	from := 0
	for i := 0; i < len(t); {
		if !mayStartEllipsis(t[i]) {
			i++
			continue
		}
		matched := false
		for _, e := range ellipsisForms {
			if strings.HasPrefix(t[i:], e) {
				out = append(out, t[from:i])
				i += len(e)
				for i < len(t) && t[i] == '.' {
					i++
				}
				from = i
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return append(out, t[from:])
}

func lastWords(s string, n int) []string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return f
}

func firstWords(s string, n int) []string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return f
}

// indexWords returns the index of the first occurrence of seq in words at
// or after from, or -1.
func indexWords(words, seq []string, from int) int {
	for i := max(from, 0); i+len(seq) <= len(words); i++ {
		ok := true
		for j := range seq {
			if words[i+j] != seq[j] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
