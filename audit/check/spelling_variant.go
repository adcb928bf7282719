package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// spellingVariant reports proper nouns one letter away from a much more
// frequent spelling.
func spellingVariant() *Check {
	return &Check{
		Slug:  "spelling-variant",
		Title: "proper noun one letter away from a much more frequent spelling",
		Doc: "A capitalised word of five letters or more, used at most three times, is one " +
			"edit away from a form at least four times as frequent, starting with the same " +
			"letter and standing beside it in at least one source: “Taiban” beside " +
			"“Taliban”, “Aghan” beside “Afghan”. Inflections (“Afghans”, “Afghanis”), real " +
			"places and common given names (Iran beside Iraq, Maria beside Marie), words " +
			"the sources also write in lower case, and the rule files' names.allow are never " +
			"reported. Occurrences inside quotations count and " +
			"are reported too, because a misspelt name in a quotation is a transcription " +
			"error to check against the recording, not a quote to reword; the finding stands " +
			"at the first occurrence outside a quotation when there is one, and says so " +
			"when every occurrence is quoted.",
		Severity: result.Info,
		Run:      runSpellingVariant,
		Early:    true,
	}
}

func runSpellingVariant(pass *Pass) {
	var docs []*source.Document
	for _, s := range pass.Result.Sources {
		if d := pass.Docs[s.ID]; d != nil {
			docs = append(docs, d)
		}
	}
	var allow []string
	if pass.Rules != nil {
		allow = pass.Rules.Names.Allow
	}
	for _, s := range pass.Spellings.Spellings(docs, pass.Result.Quotes, allow) {
		if len(s.Places) == 0 {
			continue
		}
		at := s.Places[0]
		msg := fmt.Sprintf("%q (%s) may be a misspelling of %q (%s)", s.Text, spellingVariantTimes(s.Count), s.Common, spellingVariantTimes(s.CommonCount))
		if s.InQuote == s.Count {
			msg += "; it stands inside a quotation: check the transcription"
		}
		var related []result.Related
		for _, pl := range s.Places[1:] {
			related = append(related, result.Related{Source: pl.Source, Line: pl.Line, Column: pl.Column, Message: fmt.Sprintf("%q again", s.Text)})
		}
		pass.Report(result.Finding{
			Source: at.Source, Line: at.Line, Column: at.Column,
			Evidence: s.Text, Message: msg, Suggestion: s.Common, Related: related,
		})
	}
}

func spellingVariantTimes(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
