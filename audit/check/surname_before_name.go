package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// surnameBeforeName reports a speaker called by surname before the
// article introduces them by full name.
func surnameBeforeName() *Check {
	return &Check{
		Slug:  "surname-before-name",
		Title: "surname used before the full name is introduced",
		Doc: "House style gives the full name (and title) on first reference and the " +
			"surname alone afterwards. This check looks at the speakers of quotations: " +
			"when a speaker is attributed by surname alone (“Kabulov said”, “Mr " +
			"Kabulov said”) and the article has not yet given their full name (“Zamir " +
			"Kabulov”) at that point, or never gives it, the first such attribution is " +
			"reported, pointing at where the full name first appears. Example: “Kabulov " +
			"said” in paragraph 2, “Zamir Kabulov, Russia's envoy” only in paragraph 5 → " +
			"surname-before-name.",
		Severity: result.Warning,
		Run:      runSurnameBeforeName,
	}
}

func runSurnameBeforeName(pass *Pass) {
	lx := pass.Lexicon()
	type use struct {
		q   *result.Quote
		off int
	}
	// First surname-only attribution per source and full name.
	first := map[string]map[string]use{}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Speaker.Kind != result.KindPerson {
			continue
		}
		doc := pass.Docs[q.Source]
		if doc == nil {
			continue
		}
		name := fullNameOf(pass.Index, q.Speaker)
		nameWords := strings.Fields(name)
		if len(nameWords) < 2 || !isSurnameMention(lx, q.Speaker.Mention, nameWords) {
			continue
		}
		off := offsetOfPosition(doc, q.Speaker.Line, q.Speaker.Column)
		if off < 0 {
			off = q.Start
		}
		bySource := first[q.Source]
		if bySource == nil {
			bySource = map[string]use{}
			first[q.Source] = bySource
		}
		if u, ok := bySource[name]; !ok || off < u.off {
			bySource[name] = use{q: q, off: off}
		}
	}
	for _, id := range sortedSourceIDs(pass.Result, pass.Docs) {
		if len(first[id]) == 0 {
			continue
		}
		doc := pass.Docs[id]
		toks := wordTokens(doc.Text, 0, len(doc.Text)) // once per document, for every name
		names := make([]string, 0, len(first[id]))
		for n := range first[id] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			u := first[id][name]
			full, at := firstFullName(toks, pass, u.q.Speaker, name)
			if at >= 0 && at <= u.off {
				continue
			}
			line, col := doc.Position(u.off) // the cue's position, kept inside the document
			f := result.Finding{
				Source: id, Line: line, Column: col, Quote: u.q.ID, Evidence: u.q.Speaker.Mention,
			}
			if at < 0 {
				f.Message = fmt.Sprintf("%q is attributed by surname only; the article never gives the full name (%s).", u.q.Speaker.Mention, name)
				f.Suggestion = fmt.Sprintf("Introduce the speaker in full on first reference: %s, with their role.", name)
			} else {
				fl, fc := doc.Position(at)
				f.Message = fmt.Sprintf("%q is attributed by surname before the full name %q is introduced (line %d).", u.q.Speaker.Mention, full, fl)
				f.Suggestion = fmt.Sprintf("Give the full name here (%s) and the surname afterwards.", full)
				f.Related = []result.Related{{Source: id, Line: fl, Column: fc, Message: "the full name first appears here"}}
			}
			pass.Report(f)
		}
	}
}

// fullNameOf is the speaker's full name: the resolved name, or the
// person's canonical name when the resolved name is a surname alone.
func fullNameOf(ix *result.Index, sp result.Speaker) string {
	name := sp.Name
	if len(strings.Fields(name)) >= 2 {
		return name
	}
	if p := ix.Person(sp.Person); p != nil && len(strings.Fields(p.Name)) >= 2 &&
		(name == "" || strings.EqualFold(lastWordOf(p.Name), name)) {
		return p.Name
	}
	return name
}

// isSurnameMention reports whether mention is the surname of the name
// (its last word), with or without a personal title.
func isSurnameMention(lx *lexicon.Lexicon, mention string, nameWords []string) bool {
	m := strings.Fields(mention)
	for len(m) > 1 && lx.Title(m[0]) {
		m = m[1:]
	}
	if len(m) != 1 {
		return false
	}
	w := strings.TrimRight(m[0], ".,;:")
	for _, suf := range []string{"’s", "'s"} {
		w = strings.TrimSuffix(w, suf)
	}
	return strings.EqualFold(w, strings.TrimRight(nameWords[len(nameWords)-1], ".,;:"))
}

// firstFullName finds where a full spelling of the speaker's name first
// appears in a document, given as its word tokens: the resolved name, or
// any multi-word variant of the person that ends with the same surname. It
// returns the spelling and its offset, or -1.
func firstFullName(toks []wordToken, pass *Pass, sp result.Speaker, name string) (string, int) {
	spellings := []string{name}
	if p := pass.Index.Person(sp.Person); p != nil {
		surname := strings.ToLower(lastWordOf(name))
		for _, v := range p.Variants {
			if len(strings.Fields(v.Text)) >= 2 && strings.ToLower(lastWordOf(v.Text)) == surname {
				spellings = append(spellings, v.Text)
			}
		}
		if len(strings.Fields(p.Name)) >= 2 {
			spellings = append(spellings, p.Name)
		}
	}
	best, bestAt := name, -1
	for _, s := range spellings {
		if at := indexWholeWords(toks, s); at >= 0 && (bestAt < 0 || at < bestAt) {
			best, bestAt = s, at
		}
	}
	return best, bestAt
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// indexWholeWords finds phrase as whole words in a text given as its word
// tokens, with any run of white space between its words and case ignored;
// it returns the offset in the text, or -1 when absent.
func indexWholeWords(toks []wordToken, phrase string) int {
	want := strings.Fields(strings.ToLower(phrase))
	if len(want) == 0 {
		return -1
	}
	wantNorm := make([]string, 0, len(want))
	for _, w := range want {
		for _, t := range wordTokens(w, 0, len(w)) {
			wantNorm = append(wantNorm, t.Norm)
		}
	}
	if len(wantNorm) == 0 {
		return -1
	}
	for i := 0; i+len(wantNorm) <= len(toks); i++ {
		ok := true
		for j := range wantNorm {
			if toks[i+j].Norm != wantNorm[j] {
				ok = false
				break
			}
		}
		if ok {
			return toks[i].Start
		}
	}
	return -1
}
