package check

import (
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/internal/ordered"
)

// Helpers shared by the attribution, quote-integrity and source checks.
// Names are deliberately specific: three engineers share this package.

// quotationRoot returns the first part of the quotation q belongs to,
// following Continues links (q itself when it is a first part). A broken
// or cyclic chain stops at the last part that could be found.
func quotationRoot(ix *result.Index, q *result.Quote) *result.Quote {
	root := q
	seen := map[string]bool{q.ID: true}
	for root.Continues != "" {
		prev := ix.Quote(root.Continues)
		if prev == nil || seen[prev.ID] {
			break
		}
		seen[prev.ID] = true
		root = prev
	}
	return root
}

// sameSpeaker reports whether two quotes are attributed alike.
func sameSpeaker(a, b result.Speaker) bool {
	return a.Kind == b.Kind && a.Name == b.Name && a.Mention == b.Mention && a.Person == b.Person
}

// severityAtLeast returns the more serious of sev and floor.
func severityAtLeast(sev, floor result.Severity) result.Severity {
	if floor.Rank() > sev.Rank() {
		return floor
	}
	return sev
}

// severityAtMost returns the less serious of sev and ceiling.
func severityAtMost(sev, ceiling result.Severity) result.Severity {
	if sev.Rank() > ceiling.Rank() {
		return ceiling
	}
	return sev
}

// textExcerpt returns s with its white space collapsed, cut to at most max
// characters (runes) at a word boundary when possible, with "…" when cut.
// A byte that is not UTF-8 counts as one character, kept as written when
// nothing is cut and given as U+FFFD in a cut excerpt.
func textExcerpt(s string, max int) string {
	s = collapseSpaces(s, max+1)
	if len(s) <= max { // at most one rune a byte
		return s
	}
	// Read max runes, noting where the last of them starts: more after
	// them means a cut before it.
	i, off, valid := 0, 0, true
	for runes := 0; runes < max && i < len(s); runes++ {
		if runes == max-1 {
			off = i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		valid = valid && (r != utf8.RuneError || size > 1 || runes == max-1)
		i += size
	}
	if i == len(s) {
		return s
	}
	cut := s[:off]
	if !valid {
		cut = string([]rune(cut)) // each byte that is not UTF-8 becomes U+FFFD
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// collapseSpaces is strings.Join(strings.Fields(s), " ") cut after limit
// runes: an excerpt reads only the start of a long passage. When that is
// a slice of s (no white space to drop or replace in it), it is that
// slice, not a copy: most passages are written with single spaces.
func collapseSpaces(s string, limit int) string {
	// Until the first white space that is not a single ' ' between two
	// words, the result is s[start:end]; b is used only from there on.
	var b strings.Builder
	start, end, copied := -1, 0, false
	n, space := 0, false
	for i, size := 0, 0; i < len(s); i += size {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = start >= 0
			continue
		}
		if start < 0 {
			start = i
		}
		if space {
			if n == limit {
				break
			}
			if !copied && (end != i-1 || s[end] != ' ') {
				b.Grow(min(len(s)-start, 4*limit))
				b.WriteString(s[start:end])
				copied = true
			}
			if copied {
				b.WriteByte(' ')
			} else {
				end = i // the single ' ' before s[i]
			}
			n++
			space = false
		}
		if n == limit {
			break
		}
		if copied {
			b.WriteString(s[i : i+size]) // as written, even when not valid UTF-8
		}
		end = i + size
		n++
	}
	if copied {
		return b.String()
	}
	if start < 0 {
		return ""
	}
	return s[start:end]
}

// offsetOfPosition returns the byte offset of the 1-based line and column
// in doc (the inverse of Document.Position), or -1 when line is not
// positive. Positions past the end map to len(doc.Text).
func offsetOfPosition(doc *source.Document, line, col int) int {
	if line <= 0 {
		return -1
	}
	if col <= 0 {
		col = 1
	}
	return sort.Search(len(doc.Text)+1, func(off int) bool {
		l, c := doc.Position(off)
		return l > line || (l == line && c >= col)
	})
}

// quoteSpansBySource returns, for every source with a document, the
// byte spans of its quotes, marks included when they can be seen around
// the text, sorted by start. One pass over the quotes: build it once per
// check run.
func quoteSpansBySource(r *result.Result, docs map[string]*source.Document) map[string][]source.Span {
	out := map[string][]source.Span{}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		doc := docs[q.Source]
		if doc == nil {
			continue
		}
		s, e := q.Start, q.End
		if s < 0 || e > len(doc.Text) || s > e {
			continue
		}
		if q.OpenMark != "" && strings.HasSuffix(doc.Text[:s], q.OpenMark) {
			s -= len(q.OpenMark)
		}
		if q.CloseMark != "" && strings.HasPrefix(doc.Text[e:], q.CloseMark) {
			e += len(q.CloseMark)
		}
		out[q.Source] = append(out[q.Source], source.Span{Start: s, End: e})
	}
	for _, spans := range out {
		sort.Slice(spans, func(i, j int) bool {
			if spans[i].Start != spans[j].Start {
				return spans[i].Start < spans[j].Start
			}
			return spans[i].End < spans[j].End
		})
	}
	return out
}

// blankSpans returns text[start:end] with every byte inside one of spans
// (absolute offsets, sorted by start, as quoteSpansBySource gives them)
// replaced by a space, so that offsets are kept and quoted words are never
// searched. The result is built in one allocation, a slice of text when
// no span touches the range.
func blankSpans(text string, start, end int, spans []source.Span) string {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if start > end {
		return ""
	}
	var b strings.Builder
	at := start // text before at is written
	for _, sp := range spans {
		s, e := max(sp.Start, at), min(sp.End, end)
		if s >= e {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(end - start)
		}
		b.WriteString(text[at:s])
		for range e - s {
			b.WriteByte(' ')
		}
		at = e
	}
	if at == start {
		return text[start:end]
	}
	b.WriteString(text[at:end])
	return b.String()
}

// sentenceAbbreviations end with a dot without ending a sentence.
var sentenceAbbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true,
}

// sentenceSpans splits text[start:end] into sentences: a sentence ends at
// . ! ? or … (followed by any closing quotes or brackets) when white space
// and then an upper-case letter, a digit or an opening mark follow, and
// at every line break. Abbreviations ("Mr.", "Dec.") and initials do not
// end a sentence. Spans are absolute and trimmed.
func sentenceSpans(text string, start, end int) []source.Span {
	var out []source.Span
	emit := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, source.Span{Start: s, End: e})
		}
	}
	from := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\n' || r == '\r':
			emit(from, i)
			from = i + n
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			for j < end {
				c, m := utf8.DecodeRuneInString(text[j:end])
				if !strings.ContainsRune("\"'”’)]».!?", c) {
					break
				}
				j += m
			}
			k := j
			for k < end && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k == j || k >= end {
				break
			}
			next, _ := utf8.DecodeRuneInString(text[k:end])
			if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘«(", next) {
				break
			}
			if r == '.' && endsWithAbbreviation(text[from:i]) {
				break
			}
			emit(from, j)
			from = k
			i = k
			continue
		}
		i += n
	}
	emit(from, end)
	return out
}

func endsWithAbbreviation(s string) bool {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	w := strings.ToLower(s[i:])
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 { // an initial: "J. Smith"
		r, _ := utf8.DecodeRuneInString(s[i:])
		return unicode.IsUpper(r)
	}
	return sentenceAbbreviations[w]
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// wordToken is one word of a text with its byte span.
type wordToken struct {
	Norm       string // lower case, letters and digits only
	Start, End int
}

// wordTokens splits text[start:end] into words (runs of letters, digits,
// and apostrophes or hyphens between them), normalised for comparison.
func wordTokens(text string, start, end int) []wordToken {
	return appendWordTokens(make([]wordToken, 0, (end-start)/6+1), text, start, end)
}

// appendWordTokens appends the word tokens of text[start:end] to out.
// Norm is a slice of text when the word is already plain lower-case ASCII
// (most words); only the others are copied.
func appendWordTokens(out []wordToken, text string, start, end int) []wordToken {
	for r := newWordCursor(text, start, end); r.next(); {
		out = append(out, wordToken{Norm: r.norm(), Start: r.ws, End: r.we})
	}
	return out
}

// wordReader gives a text's words (as wordTokens splits them) as far as
// they are asked for, reading the text a stretch at a time. It keeps a
// word as its span and, when the word is not its own normal form, where
// that form stands in one shared buffer: no string a word.
type wordReader struct {
	text  string
	read  int // bytes read: a line break or the end of the text
	words []readWord
	norms []byte     // the normal forms of the words that are not plain
	cur   wordCursor // kept from stretch to stretch, with its buffer
}

// reset makes r read text from the start, keeping its buffers.
func (r *wordReader) reset(text string) {
	r.text, r.read, r.words, r.norms = text, 0, r.words[:0], r.norms[:0]
	r.cur = wordCursor{buf: r.cur.buf}
}

// readWord is one word a wordReader read: text[start:end], whose normal
// form is itself when normEnd is 0 (plain), norms[normAt:normEnd] when not.
type readWord struct{ start, end, normAt, normEnd int32 }

// wordReadStretch is about how many bytes a wordReader reads at a time.
const wordReadStretch = 256

// upTo reads until at least n words are read, or all of them, and returns
// how many are.
func (r *wordReader) upTo(n int) int {
	for len(r.words) < n && r.read < len(r.text) {
		// Stretches end at a line break, which no word crosses, so the
		// words are those of the whole text.
		end := len(r.text)
		if from := r.read + wordReadStretch; from < len(r.text) {
			if i := strings.IndexByte(r.text[from:], '\n'); i >= 0 {
				end = from + i
			}
		}
		c := &r.cur
		c.text, c.i, c.end = r.text, r.read, end
		for c.next() {
			w := readWord{start: int32(c.ws), end: int32(c.we)}
			if !c.plain {
				w.normAt = int32(len(r.norms))
				r.norms = append(r.norms, c.buf...)
				w.normEnd = int32(len(r.norms))
			}
			r.words = append(r.words, w)
		}
		r.read = end
	}
	return len(r.words)
}

// norm is the normal form of word i (read).
func (r *wordReader) norm(i int) string {
	w := r.words[i]
	if w.normEnd == 0 {
		return r.text[w.start:w.end]
	}
	return string(r.norms[w.normAt:w.normEnd])
}

// wordsAt reports whether the words from i on (read) are the normal forms
// want.
func (r *wordReader) wordsAt(i int, want []string) bool {
	if i+len(want) > len(r.words) {
		return false
	}
	for j, norm := range want {
		w := r.words[i+j]
		if w.normEnd == 0 {
			if r.text[w.start:w.end] != norm {
				return false
			}
		} else if string(r.norms[w.normAt:w.normEnd]) != norm {
			return false
		}
	}
	return true
}

// wordCursor reads the words of text[i:end] one at a time, as
// wordTokens splits them: runs of letters and digits, with an apostrophe
// or hyphen inside a word when a letter or digit follows it.
type wordCursor struct {
	text   string
	i, end int
	// ws and we span the word read last; plain when it is its own normal
	// form (lower-case ASCII letters and digits only), which text[ws:we]
	// then gives without a copy; otherwise its normal form is in buf
	// (valid until the next word).
	ws, we int
	plain  bool
	buf    []byte
}

// Byte classes of wordClass: what a byte is to a word.
const (
	wordGap      = iota // ASCII, ends a word
	wordPlain           // a-z, 0-9: its own normal form
	wordUpper           // A-Z
	wordJoiner          // ' and -: inside a word when a letter or digit follows
	wordNonASCII        // a byte of a multi-byte rune (or not UTF-8)
)

// wordClass gives each byte its class, so that the loop over a plain word
// is one table look-up a byte.
var wordClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c+'A'-'a'] = wordPlain, wordUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wordPlain
	}
	t['\''], t['-'] = wordJoiner, wordJoiner
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = wordNonASCII
	}
	return t
}()

// newWordCursor reads the words of text[start:end]. Its buffer is made
// when a word first needs it.
func newWordCursor(text string, start, end int) wordCursor {
	return wordCursor{text: text, i: start, end: end}
}

// wordRuneAt reads the rune at text[i] (i < end), a byte a wordCursor's
// table does not settle: the rune, its size, and its class, wordPlain for
// a letter or digit of the word, wordJoiner for a mark inside a word (one
// is being read, and a letter or digit follows), wordGap otherwise.
func wordRuneAt(text string, i, end int, inWord bool) (ru rune, n int, class uint8) {
	ru, n = utf8.DecodeRuneInString(text[i:end])
	switch {
	case ru >= utf8.RuneSelf && (unicode.IsLetter(ru) || unicode.IsDigit(ru)):
		return ru, n, wordPlain
	case inWord && (ru == '\'' || ru == '’' || ru == '-') && i+n < end:
		nr, _ := utf8.DecodeRuneInString(text[i+n : end])
		if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
			return ru, n, wordJoiner
		}
	}
	return ru, n, wordGap
}

// next reads the next word, reporting false when there is none.
func (r *wordCursor) next() bool {
	text, end := r.text, r.end
	ws, plain := -1, true
	// unplain keeps the normal form in buf from here on: until then the
	// word is text[ws:i] itself.
	unplain := func(i int) {
		if plain {
			r.buf = append(r.buf[:0], text[ws:i]...)
			plain = false
		}
	}
	i := r.i
	for i < end {
		c := text[i]
		switch wordClass[c] {
		case wordPlain:
			if ws < 0 {
				ws = i
			}
			if !plain {
				r.buf = append(r.buf, c)
			}
			i++
			continue
		case wordUpper:
			if ws < 0 {
				ws = i
			}
			unplain(i)
			r.buf = append(r.buf, c+'a'-'A')
			i++
			continue
		case wordGap:
			if ws >= 0 {
				r.ws, r.we, r.plain, r.i = ws, i, plain, i+1
				return true
			}
			i++
			continue
		}
		ru, n, class := wordRuneAt(text, i, end, ws >= 0)
		switch class {
		case wordPlain:
			if ws < 0 {
				ws = i
			}
			unplain(i)
			r.buf = utf8.AppendRune(r.buf, unicode.ToLower(ru))
			i += n
			continue
		case wordJoiner:
			unplain(i) // the mark is left out of the normal form
			i += n
			continue
		}
		if ws >= 0 {
			r.ws, r.we, r.plain, r.i = ws, i, plain, i+n
			return true
		}
		i += n
	}
	r.i = end
	if ws >= 0 {
		r.ws, r.we, r.plain = ws, end, plain
		return true
	}
	return false
}

// nextHash reads the next word as next does, reporting false when there
// is none, and returns wordHash of its normal form, hashed as the word is
// read: the normal form is never written out (buf and plain are left as
// they were).
func (r *wordCursor) nextHash() (uint64, bool) {
	const offset64, prime64 = 14695981039346656037, 1099511628211
	text, end := r.text, r.end
	ws, h := -1, uint64(offset64)
	i := r.i
	for i < end {
		c := text[i]
		switch wordClass[c] {
		case wordPlain:
			if ws < 0 {
				ws = i
			}
			h = (h ^ uint64(c)) * prime64
			i++
			continue
		case wordUpper:
			if ws < 0 {
				ws = i
			}
			h = (h ^ uint64(c+'a'-'A')) * prime64
			i++
			continue
		case wordGap:
			if ws >= 0 {
				r.ws, r.we, r.i = ws, i, i+1
				return h, true
			}
			i++
			continue
		}
		ru, n, class := wordRuneAt(text, i, end, ws >= 0)
		switch class {
		case wordPlain:
			if ws < 0 {
				ws = i
			}
			var enc [utf8.UTFMax]byte
			for _, b := range utf8.AppendRune(enc[:0], unicode.ToLower(ru)) {
				h = (h ^ uint64(b)) * prime64
			}
			i += n
			continue
		case wordJoiner:
			i += n // the mark is left out of the normal form
			continue
		}
		if ws >= 0 {
			r.ws, r.we, r.i = ws, i, i+n
			return h, true
		}
		i += n
	}
	r.i = end
	if ws >= 0 {
		r.ws, r.we = ws, end
		return h, true
	}
	return 0, false
}

// norm is the word's normal form, a slice of the text when it is plain.
func (r *wordCursor) norm() string {
	if r.plain {
		return r.text[r.ws:r.we]
	}
	return string(r.buf)
}

// normalizeWords is the text's words joined by single spaces.
func normalizeWords(text string) string {
	out := make([]byte, 0, len(text))
	for r := newWordCursor(text, 0, len(text)); r.next(); {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		if r.plain {
			out = append(out, text[r.ws:r.we]...)
		} else {
			out = append(out, r.buf...)
		}
	}
	return string(out)
}

// sortedSourceIDs returns the IDs of the result's sources that have a
// document, in a stable order.
func sortedSourceIDs(r *result.Result, docs map[string]*source.Document) []string {
	var ids []string
	for _, s := range r.Sources {
		if docs[s.ID] != nil {
			ids = append(ids, s.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// sourceLabel names a source for a message: the base name of its path
// (the finding's Related entry carries the full path), or its ID.
func sourceLabel(ix *result.Index, id string) string {
	if s := ix.Source(id); s != nil && s.Path != "" {
		return path.Base(filepath.ToSlash(s.Path))
	}
	return id
}

// reportInOrder reports the findings of every i in [0, n), found on
// ordered.Map's goroutines, in order of i.
func reportInOrder(pass *Pass, n int, findings func(i int) []result.Finding) {
	ordered.Map(n, findings, func(_ int, fs []result.Finding) {
		for _, f := range fs {
			pass.Report(f)
		}
	})
}
