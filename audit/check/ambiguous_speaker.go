package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// ambiguousSpeaker reports a short attribution that could name more than
// one person.
func ambiguousSpeaker() *Check {
	return &Check{
		Slug:  "ambiguous-speaker",
		Title: "speaker named so briefly that it could be more than one person",
		Doc: "A quotation is attributed by a first name or a surname alone, and the sources " +
			"name more than one person it could be (the resolver's Speaker.Candidates). " +
			"Example: an article introduces “Maria Ivanova, a Russian citizen” and later " +
			"“Founding member of the movement, Maria”; a quotation closed by “Maria said” " +
			"could be either. Give the full name at the attribution. Reported once per " +
			"quotation (at its first part), at the attribution cue when it is known.",
		Severity: result.Warning,
		Run:      runAmbiguousSpeaker,
	}
}

func runAmbiguousSpeaker(pass *Pass) {
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Continues != "" || len(q.Speaker.Candidates) < 2 {
			continue
		}
		var who []string
		var related []result.Related
		for _, id := range q.Speaker.Candidates {
			p := pass.Index.Person(id)
			if p == nil {
				who = append(who, id)
				continue
			}
			desc := fmt.Sprintf("%s (%s)", p.Name, id)
			if len(p.Roles) > 0 {
				desc = fmt.Sprintf("%s, %s (%s)", p.Name, p.Roles[0].Text, id)
			}
			who = append(who, desc)
			if id != q.Speaker.Person && len(p.Variants) > 0 && len(p.Variants[0].Places) > 0 {
				pl := p.Variants[0].Places[0]
				related = append(related, result.Related{Source: pl.Source, Line: pl.Line, Column: pl.Column, Message: "another " + q.Speaker.Mention + ": " + p.Name})
			}
		}
		mention := q.Speaker.Mention
		if mention == "" {
			mention = q.Speaker.Name
		}
		line, col := q.Line, q.Column
		if q.Speaker.Line > 0 {
			line, col = q.Speaker.Line, q.Speaker.Column
		}
		pass.Report(result.Finding{
			Source: q.Source, Line: line, Column: col, Quote: q.ID,
			Evidence:   mention,
			Message:    fmt.Sprintf("%q could be any of: %s", mention, strings.Join(who, "; ")),
			Suggestion: "name the speaker in full at the attribution",
			Related:    related,
		})
	}
}
