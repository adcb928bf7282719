package names

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// Spelling is a proper noun spelt one edit away from a much more frequent
// form of the corpus.
type Spelling struct {
	Text        string // the rare spelling, as written
	Common      string // the frequent spelling it is probably a typo of
	Count       int
	CommonCount int
	// Places are where Text stands: places outside quotations first, then
	// those inside quotations, each group in source order (at most
	// maxSpellingPlaces).
	Places []result.Place
	// InQuote counts the occurrences of Text inside quotations.
	InQuote int
}

// Thresholds of Spellings.
const (
	minSpellingRunes  = 5 // shorter words are too often real, different names (Bush/Rush)
	commonRatio       = 4 // the common form is at least this many times as frequent
	minCommonCount    = 3
	maxRareCount      = 3 // a spelling used more often is a choice, not a slip (name-variant's business)
	maxSpellingPlaces = 10
)

type occurrence struct{ doc, off int }

// Spellings finds proper nouns (capitalised words of five letters or
// more, used at most three times) spelt one edit away from a form at
// least four times as frequent (and seen three times or more) in the
// corpus and standing beside it in at least one source: "Taiban" beside
// "Taliban", "Aghan" beside "Afghan". Both forms must start with the same
// letter; a form that extends the other ("Afghans", "Russian") or two
// inflections of one stem ("Afghanis", "Afghans") are not typos; a name
// of the built-in guard list (countries, capitals, demonyms, common given
// names: Iran/Iraq, Maria/Marie) is never reported, nor any name in allow
// (the rules' names.allow, compared folded, word by word). Words the
// corpus also writes in lower case are common words, not names, on
// either side of a pair. Occurrences are counted everywhere, quotations
// included: a misspelt name inside a quotation is a transcription error
// to check against the recording, never a quote to correct silently.
// Candidates are found through single-deletion keys (symmetric delete),
// never by comparing all pairs.
func Spellings(docs []*source.Document, quotes []result.Quote, allow []string) []Spelling {
	allowed := map[string]bool{}
	for _, a := range allow {
		allowed[Fold(a)] = true
		for _, t := range tokens(a) {
			allowed[t] = true
		}
	}
	inQuote := map[string][][2]int{}
	for _, q := range quotes {
		inQuote[q.Source] = append(inQuote[q.Source], [2]int{q.Start, q.End})
	}
	// One map look-up per capitalised word: forms are numbered, their
	// occurrences kept by number, and the maps by form built once.
	formID := map[string]int32{}
	var formOcc [][]occurrence
	lower := map[string]bool{}
	var w word
	for d, doc := range docs {
		if doc == nil {
			continue
		}
		s := wordScanner{text: doc.Text}
		for s.next(&w) {
			if !w.cap {
				lower[w.lower] = true
				continue
			}
			if w.acronym || isStopword(w.text) {
				continue
			}
			id, ok := formID[w.text]
			if !ok {
				id = int32(len(formOcc))
				formID[w.text] = id
				formOcc = append(formOcc, nil)
			}
			formOcc[id] = append(formOcc[id], occurrence{d, w.start})
		}
	}
	counts := make(map[string]int, len(formID))
	occ := make(map[string][]occurrence, len(formID))
	for f, id := range formID {
		counts[f] = len(formOcc[id])
		occ[f] = formOcc[id]
	}
	forms := make([]string, 0, len(counts))
	for f := range counts {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	foldedForms := map[string]bool{}
	folded := make(map[string]string, len(forms))
	index := map[string][]string{}
	for _, f := range forms {
		ff := Fold(f)
		folded[f] = ff
		foldedForms[ff] = true
		for _, k := range deletions(ff) {
			index[k] = append(index[k], f)
		}
	}
	var out []Spelling
	for _, f := range forms {
		ff := folded[f]
		n := counts[f]
		if runeLen(ff) < minSpellingRunes || n > maxRareCount || lower[strings.ToLower(f)] || allowed[ff] || guardWords[ff] {
			continue
		}
		best := ""
		seen := map[string]bool{}
		for _, k := range deletions(ff) {
			for _, c := range index[k] {
				if c == f || seen[c] {
					continue
				}
				seen[c] = true
				cf := folded[c]
				cn := counts[c]
				if cn < commonRatio*n || cn < minCommonCount || allowed[cf] || cf == ff || lower[strings.ToLower(c)] {
					continue
				}
				if !sharesSource(occ[f], occ[c]) {
					continue
				}
				if guardWords[ff] && guardWords[cf] {
					continue
				}
				if strings.HasPrefix(ff, cf) || strings.HasPrefix(cf, ff) {
					continue
				}
				// Two inflections of one stem ("Afghanis", "Afghans").
				if p := commonPrefix(ff, cf); runeLen(p) >= 4 && foldedForms[p] {
					continue
				}
				r1, _ := utf8.DecodeRuneInString(ff)
				r2, _ := utf8.DecodeRuneInString(cf)
				if r1 != r2 {
					continue
				}
				if d, ok := Distance(ff, cf, 1); !ok || d != 1 {
					continue
				}
				if best == "" || cn > counts[best] || (cn == counts[best] && c < best) {
					best = c
				}
			}
		}
		if best == "" {
			continue
		}
		s := Spelling{Text: f, Common: best, Count: n, CommonCount: counts[best]}
		var outside, inside []result.Place
		for _, o := range occ[f] {
			doc := docs[o.doc]
			pl := doc.Place(o.off)
			if within(inQuote[doc.Meta.ID], o.off) {
				s.InQuote++
				inside = append(inside, pl)
			} else {
				outside = append(outside, pl)
			}
		}
		s.Places = append(outside, inside...)
		if len(s.Places) > maxSpellingPlaces {
			s.Places = s.Places[:maxSpellingPlaces]
		}
		out = append(out, s)
	}
	first := func(s Spelling) occurrence { return occ[s.Text][0] }
	sort.Slice(out, func(i, j int) bool {
		a, b := first(out[i]), first(out[j])
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		if a.off != b.off {
			return a.off < b.off
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// isStopword is stopwords[strings.ToLower(w)], without a copy for short
// ASCII words.
func isStopword(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return stopwords[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return stopwords[strings.ToLower(w)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return stopwords[string(buf[:len(w)])]
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) && i < len(a) {
		i--
	}
	return a[:i]
}

// sharesSource reports whether two forms occur in one source.
func sharesSource(a, b []occurrence) bool {
	docs := map[int]bool{}
	for _, o := range a {
		docs[o.doc] = true
	}
	for _, o := range b {
		if docs[o.doc] {
			return true
		}
	}
	return false
}

// deletions returns s and every string made by deleting one rune of s.
func deletions(s string) []string {
	out := []string{s}
	for i, r := range s {
		out = append(out, s[:i]+s[i+utf8.RuneLen(r):])
	}
	return out
}

func within(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}
