package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mark families: quotation marks pair within a family; a quote closed by
// a mark of the other family is mismatched.
const (
	famDouble = 'd'
	famSingle = 's'
)

// Mark roles as read from the surrounding characters.
const (
	roleOpen  = 'o'
	roleClose = 'c'
	roleAmbig = 'a' // either: decided by what is open
)

// mark is one quotation mark found in a paragraph.
type mark struct {
	pos, end int // byte range in the document text
	fam      byte
	role     byte
	straight bool // " or '
}

// span is one extracted quote before attribution.
type span struct {
	open, start, end, close int // open mark start, text start/end, close mark end
	openMark, closeMark     string
	unclosed, mismatched    bool
	contPrev                bool // continues the previous span (split piece or next paragraph)
	openAtEnd               bool // paragraph ended inside this quote
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }

// runeBefore returns the rune ending at i within [lo, i), or ' ' at the start.
func runeBefore(t string, lo, i int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(t[lo:i])
	return r
}

// runeAfter returns the rune starting at i within [i, hi), or ' ' at the end.
func runeAfter(t string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(t[i:hi])
	return r
}

// openerContext reports whether r may stand before an opening mark.
func openerContext(r rune) bool {
	if isSpaceRune(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', '\'', '«', '‹', '„', ':':
		return true
	}
	return false
}

// closerNext reports whether r may follow a closing mark.
func closerNext(r rune) bool {
	if isSpaceRune(r) {
		return true
	}
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '”', '’', '"', '\'', '»', '›', '…', '/':
		return true
	}
	return false
}

// isWordRune reports whether r is a letter or a digit (small enough to
// inline: ASCII from a table).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneUnicode(r)
}

// isWordRuneUnicode is isWordRune beyond ASCII, kept out of line so that
// isWordRune inlines.
//
//go:noinline
func isWordRuneUnicode(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return w
}()

// markLeads are the bytes a quotation mark can begin with: " ' ` and
// the lead bytes of « » (C2) and of the marks in U+2018–U+203A (E2). No
// other byte, and no byte inside a valid UTF-8 sequence, begins one.
const markLeads = "\"'`\xc2\xe2"

// markLead marks the bytes of markLeads.
var markLead = func() (m [256]bool) {
	for i := range len(markLeads) {
		m[markLeads[i]] = true
	}
	return m
}()

// leadFinder finds the next byte of markLeads in t[:hi] with one
// strings.IndexByte per lead byte and occurrence, rather than a test of
// every byte.
type leadFinder struct {
	t    string
	hi   int
	next [len(markLeads)]int // the next occurrence of each lead byte, or hi
}

func newLeadFinder(t string, lo, hi int) leadFinder {
	f := leadFinder{t: t, hi: hi}
	for k := range f.next {
		f.next[k] = f.index(lo, k)
	}
	return f
}

// index returns the first occurrence of lead byte k in t[from:hi], or hi.
func (f *leadFinder) index(from, k int) int {
	if j := strings.IndexByte(f.t[from:f.hi], markLeads[k]); j >= 0 {
		return from + j
	}
	return f.hi
}

// from returns the first lead byte at or after i, or hi.
func (f *leadFinder) from(i int) int {
	m := f.hi
	for k, n := range f.next {
		if n < i {
			n = f.index(i, k)
			f.next[k] = n
		}
		m = min(m, n)
	}
	return m
}

// findMarks lists the quotation marks of text[lo:hi] with their roles.
// Apostrophes are left out.
func findMarks(t string, lo, hi int, out []mark) []mark {
	leads := newLeadFinder(t, lo, hi)
	for i := lo; i < hi; {
		c := t[i]
		if !markLead[c] {
			// nothing to see, whether ASCII or within a UTF-8 sequence,
			// up to the next byte a mark may begin with
			if i = leads.from(i); i >= hi {
				break
			}
			c = t[i]
		}
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				p, n := runeBefore(t, lo, i), runeAfter(t, i+1, hi)
				m := mark{pos: i, end: i + 1, fam: famDouble, straight: true, role: roleAmbig}
				switch {
				case openerContext(p) && !isSpaceRune(n):
					m.role = roleOpen
				case !isSpaceRune(p) && closerNext(n):
					m.role = roleClose
				}
				out = append(out, m)
			case '\'':
				if i+1 < hi && t[i+1] == '\'' { // '' closes ``
					out = append(out, mark{pos: i, end: i + 2, fam: famDouble, role: roleClose})
					i += 2
					continue
				}
				p, n := runeBefore(t, lo, i), runeAfter(t, i+1, hi)
				switch {
				case openerContext(p) && unicode.IsLetter(n):
					out = append(out, mark{pos: i, end: i + 1, fam: famSingle, role: roleOpen, straight: true})
				case (unicode.IsLetter(p) || strings.ContainsRune(".,!?", p)) && closerNext(n) && !(p == 's' || p == 'S'):
					out = append(out, mark{pos: i, end: i + 1, fam: famSingle, role: roleClose, straight: true})
				}
			case '`':
				if i+1 < hi && t[i+1] == '`' {
					out = append(out, mark{pos: i, end: i + 2, fam: famDouble, role: roleOpen})
					i += 2
					continue
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:hi])
		p, n := runeBefore(t, lo, i), runeAfter(t, i+size, hi)
		m := mark{pos: i, end: i + size}
		switch r {
		case '“':
			m.fam, m.role = famDouble, roleOpen
			if !openerContext(p) && closerNext(n) {
				m.role = roleAmbig
			}
		case '”':
			m.fam, m.role = famDouble, roleClose
			if openerContext(p) && !isSpaceRune(n) && !closerNext(n) {
				m.role = roleAmbig
			}
		case '„', '«':
			m.fam, m.role = famDouble, roleOpen
		case '»':
			m.fam, m.role = famDouble, roleClose
		case '‹':
			m.fam, m.role = famSingle, roleOpen
		case '›':
			m.fam, m.role = famSingle, roleClose
		case '‚':
			if !isSpaceRune(p) || !unicode.IsLetter(n) {
				i += size
				continue
			}
			m.fam, m.role = famSingle, roleOpen
		case '‘':
			m.fam = famSingle
			switch {
			case isWordRune(p) && isWordRune(n):
				i += size // apostrophe typed with the wrong mark
				continue
			case unicode.IsDigit(n) && decade(t, i+size, hi):
				i += size // ‘90s
				continue
			case openerContext(p) && !isSpaceRune(n):
				m.role = roleOpen
			case !isSpaceRune(p) && closerNext(n):
				m.role = roleClose
			default:
				i += size
				continue
			}
		case '’':
			m.fam = famSingle
			switch {
			case isWordRune(p) && isWordRune(n):
				i += size // don’t, Russia’s
				continue
			case !isSpaceRune(p) && closerNext(n) && !openerContext(p):
				m.role = roleClose
			case openerContext(p) && unicode.IsLetter(n) && !elision(t, i+size, hi):
				m.role = roleAmbig // ’ typed as an opener
			default:
				i += size // ’90s, ’n’
				continue
			}
		default:
			i += size
			continue
		}
		out = append(out, m)
		i += size
	}
	return out
}

// decade reports whether t[i:] reads like the digits of ’90s or ’05.
func decade(t string, i, hi int) bool {
	n := 0
	for i < hi && t[i] >= '0' && t[i] <= '9' {
		i++
		n++
	}
	return n == 2 && (i >= hi || t[i] == 's' || !isWordRune(runeAfter(t, i, hi)))
}

// elision reports the common elisions after an apostrophe: ’n’, ’em, ’til, ’cause.
func elision(t string, i, hi int) bool {
	rest := t[i:hi]
	for _, w := range []string{"n’", "n'", "em ", "til ", "cause ", "tis "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// sentenceEndBefore reports whether the text just before pos (skipping
// spaces) ends a sentence: . ! ? or … possibly followed by a closing mark.
func sentenceEndBefore(t string, lo, pos int) bool {
	i := pos
	sawSpace := false
	for i > lo {
		r, n := utf8.DecodeLastRuneInString(t[lo:i])
		if !isSpaceRune(r) {
			break
		}
		sawSpace = true
		i -= n
	}
	if !sawSpace || i <= lo {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[lo:i])
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// scanParagraph pairs the marks of one paragraph into spans. nextOpens
// tells whether the next paragraph begins with an opening mark (the
// multi-paragraph convention).
func scanParagraph(t string, lo, hi int, marks []mark, nextOpens bool, out []span) []span {
	type open struct {
		m            mark
		contentStart int
		sym          string
	}
	var stack []open
	var cont bool // the next outer quote continues the previous span
	// laterClose[i]: a closing-capable mark of family f occurs after mark i.
	hasLaterClose := func(from int, fam byte) bool {
		for j := from; j < len(marks); j++ {
			if marks[j].fam == fam && marks[j].role != roleOpen {
				return true
			}
		}
		return false
	}
	emit := func(o open, endText, closeEnd int, closeSym string, unclosed, mismatched bool) {
		s, e := trimSpan(t, o.contentStart, endText)
		if s >= e {
			cont = false
			return
		}
		out = append(out, span{open: o.m.pos, start: s, end: e, close: closeEnd, openMark: o.sym, closeMark: closeSym,
			unclosed: unclosed, mismatched: mismatched, contPrev: cont})
		cont = false
	}
	for i := 0; i < len(marks); i++ {
		m := marks[i]
		sym := t[m.pos:m.end]
		if len(stack) == 0 {
			if m.role == roleClose {
				continue // stray closing mark
			}
			if m.straight && m.fam == famSingle && !pairedSingle(t, marks, i) {
				continue
			}
			stack = append(stack, open{m: m, contentStart: m.end, sym: sym})
			continue
		}
		top := &stack[len(stack)-1]
		if m.pos == top.contentStart && m.role != roleOpen && m.fam != top.m.fam {
			top.contentStart = m.end // ‘” : a run of marks opens the quote
			top.sym += sym
			continue
		}
		if m.role == roleOpen {
			if m.fam == famDouble && stack[0].m.fam == famDouble && sentenceEndBefore(t, lo, m.pos) {
				// A new piece: the paragraph break before it was lost.
				emit(stack[0], m.pos, m.pos, "", false, false)
				cont = true
				stack = stack[:0]
				stack = append(stack, open{m: m, contentStart: m.end, sym: sym})
				continue
			}
			if m.straight && m.fam == famSingle && !pairedSingle(t, marks, i) {
				continue
			}
			stack = append(stack, open{m: m, contentStart: m.end, sym: sym})
			continue
		}
		// closing or ambiguous
		k := -1
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].m.fam == m.fam {
				k = j
				break
			}
		}
		if k > 0 {
			stack = stack[:k] // closes a nested quote
			continue
		}
		if k == 0 {
			if ok := sameKind(stack[0].sym, sym); !ok {
				// “… "…" …”: a straight or other-style mark inside a quote
				// whose own closing mark comes later is a nested quote.
				if hasLaterKindClose(t, marks, i+1, stack[0].sym) {
					stack = append(stack, open{m: m, contentStart: m.end, sym: sym})
					continue
				}
				emit(stack[0], m.pos, m.end, sym, false, true) // «…" : mismatched
				stack = stack[:0]
				continue
			}
			emit(stack[0], m.pos, m.end, sym, false, false)
			stack = stack[:0]
			continue
		}
		// The other family: a mismatched close of the outer quote, when
		// nothing of the outer's own family closes it later.
		if m.role == roleAmbig {
			if m.straight && m.fam == famSingle {
				continue
			}
			stack = append(stack, open{m: m, contentStart: m.end, sym: sym})
			continue
		}
		if len(stack) == 1 && !hasLaterClose(i+1, stack[0].m.fam) {
			emit(stack[0], m.pos, m.end, sym, false, true)
			stack = stack[:0]
		}
	}
	if len(stack) > 0 {
		emit(stack[0], hi, hi, "", !nextOpens, false)
		if len(out) > 0 && out[len(out)-1].close == hi && out[len(out)-1].closeMark == "" {
			out[len(out)-1].openAtEnd = true
		}
	}
	return out
}

// markKind is the style of a quotation mark: straight (" '), curly
// (“ ” „ ‘ ’ ‚ and the TeX “ ” pair) or guillemet (« » ‹ ›). The
// first rune of a run of marks decides.
func markKind(sym string) byte {
	r, _ := utf8.DecodeRuneInString(sym)
	switch r {
	case '"', '\'':
		if strings.HasPrefix(sym, "''") {
			return 'c'
		}
		return 's'
	case '«', '»', '‹', '›':
		return 'g'
	}
	return 'c'
}

// sameKind reports whether a quote opened with open may close with close
// without being mismatched.
func sameKind(open, close string) bool { return markKind(open) == markKind(close) }

// hasLaterKindClose reports whether a mark that can close a quote opened
// with open, in open's own style, follows marks[from] in the paragraph.
func hasLaterKindClose(t string, marks []mark, from int, open string) bool {
	for j := from; j < len(marks); j++ {
		if marks[j].role != roleOpen && sameKind(open, t[marks[j].pos:marks[j].end]) {
			return true
		}
	}
	return false
}

// pairedSingle reports whether the straight ' opener at marks[i] has a
// straight ' closer later in the paragraph that leaves more than a letter
// between them.
func pairedSingle(t string, marks []mark, i int) bool {
	for j := i + 1; j < len(marks); j++ {
		if marks[j].straight && marks[j].fam == famSingle && marks[j].role == roleClose {
			return marks[j].pos-marks[i].end > 1
		}
	}
	return false
}

// trimSpan trims white space from both ends of t[s:e].
func trimSpan(t string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if !isSpaceRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if !isSpaceRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

// opensWithMark reports whether text[lo:hi] begins with an opening mark.
func opensWithMark(t string, lo, hi int) bool {
	ms := findMarks(t, lo, min(hi, lo+8), nil)
	return len(ms) > 0 && ms[0].pos == lo && ms[0].role != roleClose
}
