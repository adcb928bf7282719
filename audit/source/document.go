package source

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Document is one source as the tool read it: its text, its paragraphs,
// and a map from byte offsets in the text back to line and column in the
// file on disk (or paragraph and column for .docx).
type Document struct {
	// Meta is the source's metadata as it appears in the result.
	Meta result.Source
	// Text is the source's text as the tool read it. For a UTF-8 .txt file
	// it is the file itself, byte for byte (BOM and CR included).
	Text string
	// Paragraphs are the byte spans of the paragraphs of Text, in order,
	// with surrounding white space trimmed. Headings and one-line blocks
	// are paragraphs too.
	Paragraphs []Span
	// Header is the end offset of the top matter (title, byline, dates)
	// the reader recognised; 0 when none.
	Header int

	anchors []Anchor

	linesOnce  sync.Once
	lineStarts []int     // byte offsets where each line of Text starts (no anchors only)
	colMarks   []colMark // column checkpoints inside long lines (no anchors only)
}

// colMark records the column of a byte offset inside a long line, so that
// Position counts characters from the nearest checkpoint rather than from
// the start of a line that may be megabytes long.
type colMark struct {
	off, col int
}

// colMarkStep is the distance in bytes between column checkpoints: a
// paragraph of a .txt file is one line, and positions are asked for all
// along it (quotes, speakers, findings), each counting the characters
// from the checkpoint before it.
const colMarkStep = 256

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start, End int
}

// Anchor ties a byte offset of Document.Text to a position in the file:
// the text from Offset on reads forward from Line:Column, one column per
// character and a new line at each line break, until the next anchor.
type Anchor struct {
	Offset int
	Line   int
	Column int
}

// SetAnchors installs the position map. Anchors must be sorted by Offset;
// a document without anchors maps as if it were the file itself.
func (d *Document) SetAnchors(a []Anchor) { d.anchors = a }

// Position returns the 1-based line and column (in characters) of the byte
// offset off of d.Text.
func (d *Document) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	if len(d.anchors) == 0 {
		d.linesOnce.Do(d.indexLines)
		i := lastAtOrBefore(d.lineStarts, off, func(start int) int { return start })
		from, col := d.lineStarts[i], 1
		if off-from > colMarkStep {
			k := lastAtOrBefore(d.colMarks, off, func(m colMark) int { return m.off })
			if k >= 0 && d.colMarks[k].off >= from {
				from, col = d.colMarks[k].off, d.colMarks[k].col
			}
		}
		return i + 1, utf8.RuneCountInString(d.Text[from:off]) + col
	}
	a := Anchor{Offset: 0, Line: 1, Column: 1}
	{
		i := sort.Search(len(d.anchors), func(i int) bool { return d.anchors[i].Offset > off }) - 1
		if i >= 0 {
			a = d.anchors[i]
		}
	}
	return advance(d.Text[a.Offset:off], a.Line, a.Column)
}

// lastAtOrBefore returns the index of the last element of xs, sorted by
// offset, whose offset is at most off, or -1.
func lastAtOrBefore[T any](xs []T, off int, offset func(T) int) int {
	lo, hi := 0, len(xs) // the answer + 1 is in [lo, hi]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if offset(xs[mid]) <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// indexLines records where each line starts (\r\n, \r and \n end a
// line) and a column checkpoint every colMarkStep bytes of a long line.
// Characters are counted only up to each checkpoint.
func (d *Document) indexLines() {
	t := d.Text
	d.lineStarts = append(d.lineStarts, 0)
	breaks := newLineBreaks(t)
	for start := 0; ; {
		end, next := breaks.line()
		col, counted := 1, start
		for at := start + colMarkStep; at < end; at += colMarkStep {
			for at < end && !utf8.RuneStart(t[at]) {
				at++
			}
			if at == end {
				break
			}
			col += utf8.RuneCountInString(t[counted:at])
			counted = at
			d.colMarks = append(d.colMarks, colMark{off: at, col: col})
		}
		if next < 0 {
			return
		}
		d.lineStarts = append(d.lineStarts, next)
		start = next
	}
}

// lineBreaks finds the lines of a text one after another (\r\n, \r and
// \n end a line) with strings.IndexByte, which scans many bytes at a
// time, and in one pass: it remembers the next \n and the next \r.
type lineBreaks struct {
	t      string
	lf, cr int // offsets of the next \n and \r, or len(t)
}

func newLineBreaks(t string) lineBreaks {
	b := lineBreaks{t: t}
	b.lf, b.cr = b.find('\n', 0), b.find('\r', 0)
	return b
}

func (b *lineBreaks) find(c byte, from int) int {
	if k := strings.IndexByte(b.t[from:], c); k >= 0 {
		return from + k
	}
	return len(b.t)
}

// line returns the end of the next line (the offset of its break, or
// len(t)) and the start of the line after it, -1 when there is none.
func (b *lineBreaks) line() (end, next int) {
	end = min(b.lf, b.cr)
	if end == len(b.t) {
		return end, -1
	}
	next = end + 1
	if b.t[end] == '\r' && next < len(b.t) && b.t[next] == '\n' {
		next++
	}
	if b.lf < next {
		b.lf = b.find('\n', next)
	}
	if b.cr < next {
		b.cr = b.find('\r', next)
	}
	return end, next
}

// Place returns the result.Place of a byte offset.
func (d *Document) Place(off int) result.Place {
	line, col := d.Position(off)
	return result.Place{Source: d.Meta.ID, Line: line, Column: col}
}

// ParagraphAt returns the index of the paragraph containing off, or -1.
func (d *Document) ParagraphAt(off int) int {
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].End > off })
	if i < len(d.Paragraphs) && d.Paragraphs[i].Start <= off {
		return i
	}
	return -1
}

// Slice returns the text of a span.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }
