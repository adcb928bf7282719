package names

import (
	"cmp"
	"runtime"
	"slices"
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
	// The documents are read in contiguous parts side by side, and the
	// parts' forms joined in document order: the forms and their
	// occurrences are those of one reading from the first document on.
	sources, vocabs := scanSpellings(docs)
	lower := func(w string) bool { return anySeenLower(vocabs, w) }
	return spellings(docs, mergeForms(sources), lower, quotes, allow)
}

// spellings is Spellings of the forms read in docs, in corpus order;
// lower reports whether the corpus writes a word in lower case.
func spellings(docs []*source.Document, forms []spellForm, lower func(string) bool, quotes []result.Quote, allow []string) []Spelling {
	allowed := map[string]bool{}
	for _, a := range allow {
		allowed[Fold(a)] = true
		for _, t := range tokens(a) {
			allowed[t] = true
		}
	}
	// Only a form used commonRatio times or more (and minCommonCount)
	// can be the common side of a pair, as the rarest spelling is used
	// once: the others, most forms of a corpus, are left out of the
	// index of deletions.
	minCommon := max(commonRatio, minCommonCount)
	foldedForms := make(map[string]bool, len(forms))
	keyCount := 0 // at most, of the common forms
	for id := range forms {
		f := &forms[id]
		f.fold = Fold(f.text)
		foldedForms[f.fold] = true
		if len(f.occ) >= minCommon {
			keyCount += len(f.fold) + 1
		}
	}
	index := newDeletionIndex(keyCount)
	var keys []uint64
	for id := range forms {
		if f := &forms[id]; len(f.occ) >= minCommon {
			keys = appendDeletionKeys(keys[:0], f.fold)
			index.add(keys, int32(id))
		}
	}
	var pairs []spellPair
	seenBy := make([]int32, len(forms)) // id+1 of the rare form that last saw a form
	for id := range forms {
		f := &forms[id]
		ff := f.fold
		n := len(f.occ)
		if n > maxRareCount || runeLen(ff) < minSpellingRunes || allowed[ff] || guardWords[ff] || lower(strings.ToLower(f.text)) {
			continue
		}
		best := int32(-1)
		consider := func(ci int32) {
			if ci == int32(id) || seenBy[ci] == int32(id)+1 {
				return
			}
			seenBy[ci] = int32(id) + 1
			c := &forms[ci]
			cf := c.fold
			cn := len(c.occ)
			if cn < commonRatio*n || cn < minCommonCount || allowed[cf] || cf == ff || lower(strings.ToLower(c.text)) {
				return
			}
			if !sharesSource(f.occ, c.occ) {
				return
			}
			if guardWords[ff] && guardWords[cf] {
				return
			}
			if strings.HasPrefix(ff, cf) || strings.HasPrefix(cf, ff) {
				return
			}
			// Two inflections of one stem ("Afghanis", "Afghans").
			if p := commonPrefix(ff, cf); runeLen(p) >= 4 && foldedForms[p] {
				return
			}
			r1, _ := utf8.DecodeRuneInString(ff)
			r2, _ := utf8.DecodeRuneInString(cf)
			if r1 != r2 {
				return
			}
			if d, ok := Distance(ff, cf, 1); !ok || d != 1 {
				return
			}
			if bn := 0; best >= 0 {
				bn = len(forms[best].occ)
				if cn < bn || cn == bn && c.text >= forms[best].text {
					return
				}
			}
			best = ci
		}
		keys = appendDeletionKeys(keys[:0], ff)
		for _, k := range keys {
			for e := index.last[k]; e > 0; e = index.entries[e-1].prev {
				consider(index.entries[e-1].form)
			}
		}
		if best >= 0 {
			pairs = append(pairs, spellPair{int32(id), best})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	// The spellings in order of their first occurrences.
	slices.SortFunc(pairs, func(a, b spellPair) int {
		oa, ob := forms[a.rare].occ[0], forms[b.rare].occ[0]
		if oa.doc != ob.doc {
			return cmp.Compare(oa.doc, ob.doc)
		}
		if oa.off != ob.off {
			return cmp.Compare(oa.off, ob.off)
		}
		return strings.Compare(forms[a.rare].text, forms[b.rare].text)
	})
	inQuote := quoteSpans(docs, forms, pairs, quotes)
	out := make([]Spelling, len(pairs))
	for i, p := range pairs {
		f, c := &forms[p.rare], &forms[p.common]
		s := Spelling{Text: f.text, Common: c.text, Count: len(f.occ), CommonCount: len(c.occ)}
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
		out[i] = s
	}
	return out
}

// spellPair is a rare form and the common form it is probably a typo
// of, by their numbers.
type spellPair struct{ rare, common int32 }

// quoteSpans returns the spans of quotes in the sources where the rare
// forms of pairs stand, by source ID, each source's in the order of
// quotes.
func quoteSpans(docs []*source.Document, forms []spellForm, pairs []spellPair, quotes []result.Quote) map[string][][2]int {
	spans := map[string][][2]int{}
	for _, p := range pairs {
		for _, o := range forms[p.rare].occ {
			spans[docs[o.doc].Meta.ID] = nil
		}
	}
	for i := range quotes {
		// By pointer: a copy of the quote would read its Speaker.Person and
		// Match, which are still being resolved when the spelling-variant
		// check runs (early).
		q := &quotes[i]
		if sp, ok := spans[q.Source]; ok {
			spans[q.Source] = append(sp, [2]int{q.Start, q.End})
		}
	}
	return spans
}

// SpellingScan is what Spellings reads of a run's sources, gathered by
// the run's Scanners while they scan (see Scanner.GatherSpellings), so
// that the spelling-variant check does not read every document again:
// the capitalised forms of each source with their offsets, and, in the
// Scanners' vocabularies, the words the corpus writes in lower case.
// Once the scans are done it is only read (beside ResolveFound, which
// reads the Scanners too), by one Spellings call, which then clears it.
type SpellingScan struct {
	docs    []*source.Document
	sources []sourceForms // of docs[d]
	vocabs  []*vocab
	// missing is set when a source was added that its Scanner did not
	// gather: Spellings then reads the documents.
	missing bool
}

// NewSpellingScan returns an empty SpellingScan of the sources that
// scanners read.
func NewSpellingScan(scanners []*Scanner) *SpellingScan {
	sc := &SpellingScan{}
	for _, s := range scanners {
		sc.vocabs = append(sc.vocabs, s.vocab)
	}
	return sc
}

// Add appends the source doc, whose names f one of the Scanners found,
// and takes its spelling forms out of f (ResolveFound takes f over).
func (sc *SpellingScan) Add(doc *source.Document, f *Found) {
	if f.spell.table == nil {
		sc.missing = true
	}
	sc.docs = append(sc.docs, doc)
	sc.sources = append(sc.sources, f.spell)
	f.spell = sourceForms{}
}

// Spellings is Spellings(docs, quotes, allow), from the forms gathered
// when docs are the documents added, in order; otherwise (or on a nil
// SpellingScan) it reads docs. A SpellingScan serves one call: the
// forms gathered are released.
func (sc *SpellingScan) Spellings(docs []*source.Document, quotes []result.Quote, allow []string) []Spelling {
	if sc == nil || sc.missing || !slices.Equal(docs, sc.docs) {
		return Spellings(docs, quotes, allow)
	}
	forms, vocabs := mergeForms(sc.sources), sc.vocabs
	*sc = SpellingScan{}
	lower := func(w string) bool { return anySeenLower(vocabs, w) }
	return spellings(docs, forms, lower, quotes, allow)
}

// formTable numbers the capitalised forms that one scanner reads, in
// order of first occurrence, so that a source keeps its forms' numbers
// and not their texts.
type formTable struct {
	ids   map[string]int32
	texts []string
}

func newFormTable() *formTable { return &formTable{ids: map[string]int32{}} }

// formOcc is one occurrence of a capitalised form in a source: the
// form's number in its scanner's formTable and its byte offset.
type formOcc struct{ form, off int32 }

// sourceForms is what Spellings reads of one source: the occurrences of
// its capitalised forms in text order, numbered in table.
type sourceForms struct {
	table *formTable
	occ   []formOcc
}

// gather appends the word w, described by a vocab, to occ when it is a
// form that Spellings counts, and returns occ: a capitalised word, but
// no acronym nor stopword (whose lower-case forms the vocab marks).
//
// A word of fewer than four ASCII bytes folds to fewer than four
// letters: it can be neither side of a pair (the rare form has five or
// more, the common form one less at least) nor the stem of two
// inflections (four or more), so it is not counted.
func (t *formTable) gather(occ []formOcc, w *word) []formOcc {
	if !w.cap || w.acronym || w.is(classStop) || len(w.text) < 4 && isASCII(w.text) {
		return occ
	}
	id, ok := t.ids[w.text]
	if !ok {
		id = int32(len(t.texts))
		t.ids[w.text] = id
		t.texts = append(t.texts, w.text)
	}
	return append(occ, formOcc{id, int32(w.start)})
}

// scanSpellings reads docs as the Scanners do, on up to GOMAXPROCS
// goroutines, each a contiguous part of them with a vocab and a
// formTable of its own. It returns each document's forms and the vocabs.
func scanSpellings(docs []*source.Document) ([]sourceForms, []*vocab) {
	parts := min(runtime.GOMAXPROCS(0), max(len(docs)/minSpellingPart, 1))
	sources := make([]sourceForms, len(docs))
	vocabs := make([]*vocab, parts)
	problems := make([]any, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { problems[k] = recover() }()
			v, t := newVocab(nil), newFormTable()
			vocabs[k] = v
			var occ []formOcc
			var w word
			for d := k * len(docs) / parts; d < (k+1)*len(docs)/parts; d++ {
				if docs[d] == nil {
					continue
				}
				occ = occ[:0]
				s := wordScanner{text: docs[d].Text}
				for s.next(&w) {
					v.describe(&w)
					occ = t.gather(occ, &w)
				}
				sources[d] = sourceForms{table: t, occ: slices.Clone(occ)}
			}
		}()
	}
	wg.Wait()
	for _, p := range problems {
		if p != nil {
			panic(p) // on the caller's goroutine, where the run recovers it
		}
	}
	return sources, vocabs
}

// minSpellingPart is the fewest documents worth a goroutine of their own.
const minSpellingPart = 256

// mergeForms numbers the forms of sources (source d being document d)
// across their tables in order of first occurrence, and lists each
// form's occurrences in corpus order: those of one reading from the
// first document on. The occurrences share one array, counted first.
func mergeForms(sources []sourceForms) []spellForm {
	var forms []spellForm
	var counts []int
	remaps := map[*formTable][]int32{} // a table's numbers -> forms'
	// The forms of all tables, no fewer than the distinct forms, size
	// the map of their texts.
	tables := 0
	for d := range sources {
		if t := sources[d].table; t != nil {
			if _, ok := remaps[t]; !ok {
				remaps[t] = nil
				tables += len(t.texts)
			}
		}
	}
	ids := make(map[string]int32, tables)
	remapOf := func(t *formTable) []int32 {
		r := remaps[t]
		if r == nil {
			r = make([]int32, len(t.texts))
			for i := range r {
				r[i] = -1
			}
			remaps[t] = r
		}
		return r
	}
	var table *formTable
	var remap []int32
	total := 0
	for d := range sources {
		s := &sources[d]
		if len(s.occ) == 0 {
			continue
		}
		if s.table != table {
			table, remap = s.table, remapOf(s.table)
		}
		for _, o := range s.occ {
			id := remap[o.form]
			if id < 0 {
				text := table.texts[o.form]
				var ok bool
				if id, ok = ids[text]; !ok {
					id = int32(len(forms))
					ids[text] = id
					forms = append(forms, spellForm{text: text})
					counts = append(counts, 0)
				}
				remap[o.form] = id
			}
			counts[id]++
		}
		total += len(s.occ)
	}
	all := make([]occurrence, total)
	at := 0
	for id := range forms {
		forms[id].occ = all[at : at : at+counts[id]]
		at += counts[id]
	}
	table = nil
	for d := range sources {
		s := &sources[d]
		if len(s.occ) == 0 {
			continue
		}
		if s.table != table {
			table, remap = s.table, remaps[s.table]
		}
		for _, o := range s.occ {
			f := &forms[remap[o.form]]
			f.occ = append(f.occ, occurrence{int32(d), o.off})
		}
	}
	return forms
}

// anySeenLower reports whether any of vocabs read w in lower case. A
// word of fewer than four ASCII bytes is never asked about as a form
// (see gather), and is answered false.
func anySeenLower(vocabs []*vocab, w string) bool {
	if len(w) < 4 && isASCII(w) {
		return false
	}
	for _, v := range vocabs {
		if v.seenLower(w) {
			return true
		}
	}
	return false
}

// spellForm is one capitalised form of Spellings: its text as written,
// its Fold, and its occurrences in corpus order.
type spellForm struct {
	text, fold string
	occ        []occurrence
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

// deletionIndex finds the forms that share a single-deletion key with
// a word: the hashes (appendDeletionKeys) of the forms' deletions, each
// key's forms chained in one array (a map of strings would cost a
// string and a slice per key). A key is a hash: two forms that share one
// are only candidates, and every candidate pair is checked by Distance;
// as two forms one edit apart always share a deletion, a collision adds
// no pair and loses none.
type deletionIndex struct {
	last    map[uint64]int32 // a key's latest entry, +1
	entries []deletionEntry
}

// deletionEntry is one form of a key, and the key's previous entry (+1;
// 0: none).
type deletionEntry struct {
	form, prev int32
}

// newDeletionIndex returns an index with room for n keys.
func newDeletionIndex(n int) *deletionIndex {
	return &deletionIndex{last: make(map[uint64]int32, n), entries: make([]deletionEntry, 0, n)}
}

func (x *deletionIndex) add(keys []uint64, form int32) {
	for _, k := range keys {
		x.entries = append(x.entries, deletionEntry{form, x.last[k]})
		x.last[k] = int32(len(x.entries))
	}
}

// appendDeletionKeys appends to dst the hashes (FNV-1a) of s and of
// every string made by deleting one rune of s.
func appendDeletionKeys(dst []uint64, s string) []uint64 {
	dst = append(dst, hashWithout(s, 0, 0))
	for i, r := range s {
		dst = append(dst, hashWithout(s, i, i+utf8.RuneLen(r)))
	}
	return dst
}

// hashWithout is the FNV-1a hash of s without its bytes [i, j).
func hashWithout(s string, i, j int) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for k := 0; k < i; k++ {
		h = (h ^ uint64(s[k])) * prime
	}
	for k := j; k < len(s); k++ {
		h = (h ^ uint64(s[k])) * prime
	}
	return h
}

func within(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}
