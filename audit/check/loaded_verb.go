package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// loadedVerb reports attribution verbs that editorialise.
func loadedVerb() *Check {
	return &Check{
		Slug:  "loaded-verb",
		Title: "attribution verb that editorialises",
		Doc: "The verb that attributes a quotation comments on it: “claimed” casts doubt, " +
			"“admitted” and “conceded” imply guilt, “insisted” and “maintained” suggest " +
			"resistance, “revealed” implies a secret, and people do not “laugh” or " +
			"“smile” words. Use “said” (or “told” with an audience). The list is the rule " +
			"files' verbs.loaded. Only the attribution is reported, never words inside the " +
			"quotation. Example: “We respect women's rights,” the spokesman claimed. → " +
			"loaded-verb, suggestion “said”.",
		Severity: result.Warning,
		Run:      runLoadedVerb,
	}
}

// loadedVerbWhy explains what a loaded verb implies.
var loadedVerbWhy = map[string]string{
	"claim":    "casts doubt on the speaker",
	"allege":   "casts doubt on the speaker",
	"admit":    "implies the speaker owned up to a fault",
	"concede":  "implies the speaker gave ground",
	"confess":  "implies guilt",
	"insist":   "suggests the speaker is resisting doubt",
	"maintain": "suggests the speaker is resisting doubt",
	"reveal":   "implies the words disclose a secret",
	"laugh":    "people do not laugh words",
	"smile":    "people do not smile words",
	"sneer":    "judges the speaker's tone",
	"scoff":    "judges the speaker's tone",
	"boast":    "judges the speaker's tone",
	"declare":  "makes a plain statement sound like a proclamation",
}

func runLoadedVerb(pass *Pass) {
	lx := pass.Lexicon()
	seen := map[string]bool{}
	spans := quoteSpansBySource(pass.Result, pass.Docs)
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Verb == "" {
			continue
		}
		base, ok := loadedBase(lx, q.Verb)
		if !ok {
			continue
		}
		// One finding per attribution: the parts of one quotation share it.
		root := quotationRoot(pass.Index, q)
		key := fmt.Sprintf("%s|%d:%d|%s", q.Source, q.Speaker.Line, q.Speaker.Column, base)
		if q.Speaker.Line == 0 {
			key = root.ID + "|" + base
		}
		if seen[key] {
			continue
		}
		seen[key] = true

		f := result.Finding{
			Source: q.Source, Line: q.Line, Column: q.Column, Quote: root.ID, Evidence: q.Verb,
			Suggestion: "said",
		}
		if doc := pass.Docs[q.Source]; doc != nil {
			if tok, ok := findVerbNear(doc, q, lx, base, spans[q.Source]); ok {
				f.Evidence = doc.Text[tok.Start:tok.End]
				f.Line, f.Column = doc.Position(tok.Start)
			}
		}
		why := loadedVerbWhy[base]
		if why == "" {
			why = "editorialises"
		}
		f.Message = fmt.Sprintf("Attribution verb %q %s; attribution should be neutral.", f.Evidence, why)
		pass.Report(f)
	}
}

// findVerbNear finds the verb as written, outside quotation marks, in the
// paragraph of q (or of its attribution cue), nearest the quote.
func findVerbNear(doc *source.Document, q *result.Quote, lx *lexicon.Lexicon, base string, spans []source.Span) (wordToken, bool) {
	p := doc.ParagraphAt(q.Start)
	if off := offsetOfPosition(doc, q.Speaker.Line, q.Speaker.Column); off >= 0 {
		if sp := doc.ParagraphAt(off); sp >= 0 {
			p = sp
		}
	}
	if p < 0 {
		return wordToken{}, false
	}
	sp := doc.Paragraphs[p]
	text := blankSpans(doc.Text, sp.Start, sp.End, spans)
	best, bestDist := wordToken{}, -1
	for _, tok := range wordTokens(text, 0, len(text)) {
		if b, ok := loadedBase(lx, tok.Norm); !ok || b != base {
			continue
		}
		abs := wordToken{Norm: tok.Norm, Start: tok.Start + sp.Start, End: tok.End + sp.Start}
		d := abs.Start - q.End
		if d < 0 {
			d = q.Start - abs.End
		}
		if d < 0 {
			d = 0
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = abs, d
		}
	}
	return best, bestDist >= 0
}

// loadedBase returns the base form of verb when it is a loaded verb. The
// lexicon's inflections are tried first, then a plain de-inflection
// ("quipped" → "quip", "scoffs" → "scoff") for forms it does not derive.
func loadedBase(lx *lexicon.Lexicon, verb string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(verb))
	if base, ok := lx.Verb(w); ok && lx.Loaded(base) {
		return base, true
	}
	cands := []string{w}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) > 1 {
			cands = append(cands, stem, stem+"e")
			if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
				cands = append(cands, stem[:n-1]) // quipped → quip
			}
		}
	}
	if stem, ok := strings.CutSuffix(w, "ied"); ok {
		cands = append(cands, stem+"y")
	}
	if stem, ok := strings.CutSuffix(w, "ies"); ok {
		cands = append(cands, stem+"y")
	}
	for _, c := range cands {
		if lx.Loaded(c) {
			return c, true
		}
	}
	return "", false
}
