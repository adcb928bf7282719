package names

import (
	"runtime"
	"sort"
	"strings"
	"sync"
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

// occurrence is where a form stands: a document index and a byte offset.
type occurrence struct{ doc, off int32 }

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
	for i := range quotes {
		// By pointer: a copy of the quote would read its Speaker.Person and
		// Match, which are still being resolved when the spelling-variant
		// check runs (early).
		q := &quotes[i]
		inQuote[q.Source] = append(inQuote[q.Source], [2]int{q.Start, q.End})
	}
	// The documents are read in contiguous parts side by side, and the
	// parts' forms joined in document order: the forms and their
	// occurrences are those of one reading from the first document on.
	sc := scanSpellings(docs)
	forms, lower := sc.forms, sc.lower
	byText := make([]int32, len(forms))
	foldedForms := map[string]bool{}
	index := map[string][]int32{}
	for id := range forms {
		f := &forms[id]
		byText[id] = int32(id)
		f.fold = Fold(f.text)
		foldedForms[f.fold] = true
		for _, k := range deletions(f.fold) {
			index[k] = append(index[k], int32(id))
		}
	}
	sort.Slice(byText, func(i, j int) bool { return forms[byText[i]].text < forms[byText[j]].text })
	var out []Spelling
	var firsts []occurrence // of each spelling in out
	for _, id := range byText {
		f := &forms[id]
		ff := f.fold
		n := len(f.occ)
		if runeLen(ff) < minSpellingRunes || n > maxRareCount || lower.has(strings.ToLower(f.text)) || allowed[ff] || guardWords[ff] {
			continue
		}
		best := int32(-1)
		seen := map[int32]bool{}
		for _, k := range deletions(ff) {
			for _, ci := range index[k] {
				if ci == id || seen[ci] {
					continue
				}
				seen[ci] = true
				c := &forms[ci]
				cf := c.fold
				cn := len(c.occ)
				if cn < commonRatio*n || cn < minCommonCount || allowed[cf] || cf == ff || lower.has(strings.ToLower(c.text)) {
					continue
				}
				if !sharesSource(f.occ, c.occ) {
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
				if bn := 0; best >= 0 {
					bn = len(forms[best].occ)
					if cn < bn || cn == bn && c.text >= forms[best].text {
						continue
					}
				}
				best = ci
			}
		}
		if best < 0 {
			continue
		}
		s := Spelling{Text: f.text, Common: forms[best].text, Count: n, CommonCount: len(forms[best].occ)}
		var outside, inside []result.Place
		for _, o := range f.occ {
			doc := docs[o.doc]
			off := int(o.off)
			pl := doc.Place(off)
			if within(inQuote[doc.Meta.ID], off) {
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
		firsts = append(firsts, f.occ[0])
	}
	if len(out) == 0 {
		return nil
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := firsts[order[i]], firsts[order[j]]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		if a.off != b.off {
			return a.off < b.off
		}
		return out[order[i]].Text < out[order[j]].Text
	})
	sorted := make([]Spelling, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// spellScan is what Spellings reads of a run of documents: the
// capitalised forms, numbered in order of first occurrence, with their
// occurrences, and the lower-case words.
type spellScan struct {
	formID map[string]int32 // -1: a stopword, never a form
	forms  []spellForm
	lower  wordSet
}

// scanSpellings reads docs on up to GOMAXPROCS goroutines, each a
// contiguous part of them, and joins the parts in order.
func scanSpellings(docs []*source.Document) *spellScan {
	parts := min(runtime.GOMAXPROCS(0), max(len(docs)/minSpellingPart, 1))
	scans := make([]*spellScan, parts)
	problems := make([]any, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { problems[k] = recover() }()
			scans[k] = newSpellScan()
			scans[k].read(docs, k*len(docs)/parts, (k+1)*len(docs)/parts)
		}()
	}
	wg.Wait()
	for _, p := range problems {
		if p != nil {
			panic(p) // on the caller's goroutine, where the run recovers it
		}
	}
	for _, o := range scans[1:] {
		scans[0].join(o)
	}
	return scans[0]
}

// minSpellingPart is the fewest documents worth a goroutine of their own.
const minSpellingPart = 256

func newSpellScan() *spellScan {
	return &spellScan{formID: map[string]int32{}, lower: wordSet{short: map[uint64]struct{}{}, long: map[string]struct{}{}}}
}

// read adds the words of docs[from:to].
//
// One map look-up per capitalised word: forms are numbered and their
// occurrences kept by number (a stopword has its number too, -1, so it
// is looked up once). A word of fewer than four ASCII bytes folds to
// fewer than four letters: it can be neither side of a pair (the rare
// form has five or more, the common form one less at least) nor the stem
// of two inflections (four or more), so it is neither counted nor looked
// up in lower case.
func (sc *spellScan) read(docs []*source.Document, from, to int) {
	var w word
	for d := from; d < to; d++ {
		doc := docs[d]
		if doc == nil {
			continue
		}
		s := wordScanner{text: doc.Text}
		for s.next(&w) {
			if len(w.text) < 4 && isASCII(w.text) {
				continue
			}
			if !w.cap {
				sc.lower.add(w.lower)
				continue
			}
			if w.acronym {
				continue
			}
			id, ok := sc.formID[w.text]
			if !ok {
				id = sc.add(w.text)
			}
			if id >= 0 {
				sc.forms[id].occ = append(sc.forms[id].occ, occurrence{int32(d), int32(w.start)})
			}
		}
	}
}

// add numbers a new form (-1 for a stopword).
func (sc *spellScan) add(text string) int32 {
	if isStopword(text) {
		sc.formID[text] = -1
		return -1
	}
	id := int32(len(sc.forms))
	sc.formID[text] = id
	sc.forms = append(sc.forms, spellForm{text: text})
	return id
}

// join adds o, read from later documents, to sc.
func (sc *spellScan) join(o *spellScan) {
	for _, f := range o.forms {
		id, ok := sc.formID[f.text]
		if !ok {
			id = sc.add(f.text)
		}
		sc.forms[id].occ = append(sc.forms[id].occ, f.occ...)
	}
	sc.lower.join(o.lower)
}

// wordSet is a set of words: those of at most seven ASCII bytes packed in
// an integer with their length (a look-up then compares no text), the
// others by their text.
type wordSet struct {
	short map[uint64]struct{}
	long  map[string]struct{}
}

// packShort returns w packed with its length, or false when w is longer
// than seven bytes or not ASCII.
func packShort(w string) (uint64, bool) {
	if len(w) > 7 {
		return 0, false
	}
	k := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return 0, false
		}
		k |= uint64(w[i]) << (8 * i)
	}
	return k, true
}

func (s wordSet) add(w string) {
	if k, ok := packShort(w); ok {
		if _, seen := s.short[k]; !seen { // a look-up is cheaper than an assignment
			s.short[k] = struct{}{}
		}
		return
	}
	if _, seen := s.long[w]; !seen {
		s.long[w] = struct{}{}
	}
}

func (s wordSet) has(w string) bool {
	if k, ok := packShort(w); ok {
		_, seen := s.short[k]
		return seen
	}
	_, seen := s.long[w]
	return seen
}

func (s wordSet) join(o wordSet) {
	for k := range o.short {
		s.short[k] = struct{}{}
	}
	for w := range o.long {
		s.long[w] = struct{}{}
	}
}

// spellForm is one capitalised form of Spellings: its text as written,
// its Fold, and its occurrences in corpus order.
type spellForm struct {
	text, fold string
	occ        []occurrence
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

// sharesSource reports whether two forms occur in one source; both lists
// are in corpus order.
func sharesSource(a, b []occurrence) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc == b[j].doc:
			return true
		case a[i].doc < b[j].doc:
			i++
		default:
			j++
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
