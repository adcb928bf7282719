package source

import (
	"strings"
	"unicode/utf8"
)

// emitter builds a Document's Text from pieces of a file and records an
// anchor whenever the next piece does not continue where the previous
// one left off, so that Position maps every byte back to its file
// line:col while keeping the anchor list short.
type emitter struct {
	b       strings.Builder
	anchors []Anchor
	// line and col are where the text emitted so far would continue in
	// the file if no anchor were added.
	line, col int
	// paragraph bookkeeping
	paras     []Span
	paraStart int // -1 when no paragraph is open
	paraEnd   int
	// sep is set when a paragraph break is due before the next text.
	sep bool
}

func newEmitter() *emitter {
	return &emitter{line: 1, col: 1, paraStart: -1}
}

// emit appends s, which stands at line:col of the file.
func (e *emitter) emit(s string, line, col int) {
	if s == "" {
		return
	}
	if line != e.line || col != e.col {
		off := e.b.Len()
		if n := len(e.anchors); n > 0 && e.anchors[n-1].Offset == off {
			e.anchors[n-1] = Anchor{Offset: off, Line: line, Column: col}
		} else {
			e.anchors = append(e.anchors, Anchor{Offset: off, Line: line, Column: col})
		}
	}
	e.b.WriteString(s)
	e.line, e.col = advance(s, line, col)
}

// text emits s as paragraph content: it opens a paragraph when none is
// open and extends the open paragraph over s, leaving surrounding blank
// runes outside the span.
func (e *emitter) text(s string, line, col int) {
	if e.sep {
		if lo, hi := trimSpan(s); lo >= hi {
			return
		}
		e.sep = false
		if e.b.Len() > 0 {
			e.breakText()
		}
	}
	start := e.b.Len()
	e.emit(s, line, col)
	lo, hi := trimSpan(s)
	if lo >= hi {
		return
	}
	if e.paraStart < 0 {
		e.paraStart = start + lo
	}
	e.paraEnd = start + hi
}

// endParagraph closes the open paragraph, if any.
func (e *emitter) endParagraph() {
	if e.paraStart >= 0 && e.paraEnd > e.paraStart {
		e.paras = append(e.paras, Span{Start: e.paraStart, End: e.paraEnd})
	}
	e.paraStart = -1
}

// inParagraph reports whether a paragraph holds text.
func (e *emitter) inParagraph() bool { return e.paraStart >= 0 }

// separator asks for a paragraph break ("\n\n", outside every
// paragraph) before the next text.
func (e *emitter) separator() { e.sep = true }

// breakText writes the "\n\n" between two paragraphs so that positions
// never go backwards: both line breaks map to where the previous text
// ended, and the next text is always anchored.
func (e *emitter) breakText() {
	line, col := e.line, e.col
	e.emit("\n", line, col)
	e.anchors = append(e.anchors, Anchor{Offset: e.b.Len(), Line: line, Column: col})
	e.b.WriteByte('\n')
	e.line, e.col = -1, -1
}

func (e *emitter) String() string { return e.b.String() }

// advance moves line:col over s the way Document.Position does.
func advance(s string, line, col int) (int, int) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			i++
		case c == '\r':
			line, col = line+1, 1
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c < utf8.RuneSelf:
			col++
			i++
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			col++
			i += n
		}
	}
	return line, col
}

// isBlank reports whether r is white space or an invisible character that
// should not start or end a paragraph (NBSP, BOM, zero-width space).
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
		0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// trimSpan returns the byte range of s without leading and trailing blank runes.
func trimSpan(s string) (lo, hi int) {
	lo, hi = 0, len(s)
	for lo < hi {
		r, n := utf8.DecodeRuneInString(s[lo:])
		if !isBlank(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(s[lo:hi])
		if !isBlank(r) {
			break
		}
		hi -= n
	}
	return lo, hi
}

// trimBlank trims blank runes (see isBlank) from both ends of s.
func trimBlank(s string) string {
	lo, hi := trimSpan(s)
	return s[lo:hi]
}
