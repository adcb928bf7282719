package check

import (
	"fmt"
	"sort"
	"strings"
	"sync"

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
	lx := pass.Lexicon() // built here, read by the workers
	// The quotes of people per source, in result order; each source is
	// then read on its own, side by side.
	quotes := map[string][]*result.Quote{}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Speaker.Kind == result.KindPerson && pass.Docs[q.Source] != nil {
			quotes[q.Source] = append(quotes[q.Source], q)
		}
	}
	ids := sortedSourceIDs(pass.Result, pass.Docs)
	var readers sync.Pool // wordReaders done with, to read another source
	reportInOrder(pass, len(ids), func(i int) []result.Finding {
		r, _ := readers.Get().(*wordReader)
		if r == nil {
			r = &wordReader{}
		}
		fs := surnameFindings(pass, lx, ids[i], quotes[ids[i]], r)
		readers.Put(r)
		return fs
	})
}

// surnameFindings are the findings of source id, given the quotes of
// people in it; toks is a reader to read its text with.
func surnameFindings(pass *Pass, lx *lexicon.Lexicon, id string, quotes []*result.Quote, toks *wordReader) []result.Finding {
	doc := pass.Docs[id]
	type use struct {
		q   *result.Quote
		off int
	}
	// First surname-only attribution per full name.
	first := map[string]use{}
	for _, q := range quotes {
		name := fullNameOf(pass.Index, q.Speaker)
		if !hasTwoWords(name) || !isSurnameMention(lx, q.Speaker.Mention, lastWordOf(name)) {
			continue
		}
		off := offsetOfPosition(doc, q.Speaker.Line, q.Speaker.Column)
		if off < 0 {
			off = q.Start
		}
		if u, ok := first[name]; !ok || off < u.off {
			first[name] = use{q: q, off: off}
		}
	}
	if len(first) == 0 {
		return nil
	}
	names := make([]string, 0, len(first))
	for n := range first {
		names = append(names, n)
	}
	sort.Strings(names)
	toks.reset(doc.Text) // read once per document, as far as the names need
	var out []result.Finding
	for _, name := range names {
		u := first[name]
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
		out = append(out, f)
	}
	return out
}

// fullNameOf is the speaker's full name: the resolved name, or the
// person's canonical name when the resolved name is a surname alone.
func fullNameOf(ix *result.Index, sp result.Speaker) string {
	name := sp.Name
	if hasTwoWords(name) {
		return name
	}
	if p := ix.Person(sp.Person); p != nil && hasTwoWords(p.Name) &&
		(name == "" || strings.EqualFold(lastWordOf(p.Name), name)) {
		return p.Name
	}
	return name
}

// isSurnameMention reports whether mention is the surname (the last word
// of the name), with or without a personal title.
func isSurnameMention(lx *lexicon.Lexicon, mention, surname string) bool {
	// The mention's last word, once the titles before it are dropped:
	// each word but the last must be a title.
	last, titles := "", true
	for f := range strings.FieldsSeq(mention) {
		if last != "" {
			titles = titles && lx.Title(last)
		}
		last = f
	}
	if last == "" || !titles {
		return false
	}
	w := strings.TrimRight(last, ".,;:")
	for _, suf := range []string{"’s", "'s"} {
		w = strings.TrimSuffix(w, suf)
	}
	return strings.EqualFold(w, strings.TrimRight(surname, ".,;:"))
}

// firstFullName finds where a full spelling of the speaker's name first
// appears in a document, read as word tokens: the resolved name, or any
// multi-word variant of the person that ends with the same surname. It
// returns the spelling and its offset (the first spelling listed when two
// start at one word), or -1. The document is read only as far as the
// first spelling found.
func firstFullName(toks *wordReader, pass *Pass, sp result.Speaker, name string) (string, int) {
	spellings := []string{name}
	if p := pass.Index.Person(sp.Person); p != nil {
		surname := strings.ToLower(lastWordOf(name))
		for _, v := range p.Variants {
			if hasTwoWords(v.Text) && strings.ToLower(lastWordOf(v.Text)) == surname {
				spellings = append(spellings, v.Text)
			}
		}
		if hasTwoWords(p.Name) {
			spellings = append(spellings, p.Name)
		}
	}
	wants := make([][]string, len(spellings))
	longest := 0
	for k, s := range spellings {
		wants[k] = phraseWords(s)
		longest = max(longest, len(wants[k]))
	}
	if longest == 0 {
		return name, -1
	}
	for i := 0; ; i++ {
		if i >= toks.upTo(i+longest) {
			return name, -1
		}
		for k, want := range wants {
			if len(want) > 0 && toks.wordsAt(i, want) {
				return spellings[k], int(toks.words[i].start)
			}
		}
	}
}

// lastWordOf is the last of the words strings.Fields would give, or "".
func lastWordOf(s string) string {
	last := ""
	for f := range strings.FieldsSeq(s) {
		last = f
	}
	return last
}

// hasTwoWords reports whether strings.Fields(s) would give two words or
// more.
func hasTwoWords(s string) bool {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n == 2 {
			return true
		}
	}
	return false
}

// phraseWords are the normalised words of a phrase, case ignored.
func phraseWords(phrase string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		for _, t := range wordTokens(w, 0, len(w)) {
			out = append(out, t.Norm)
		}
	}
	return out
}
