package source

import (
	"strings"
)

// readTXT builds a Document from a plain-text file: the text is the file
// (transcoded to UTF-8 when needed) and every non-blank line is a paragraph.
// With owned (see Options.owned) valid UTF-8 data becomes the text
// without a copy.
func readTXT(path string, data []byte, owned bool) (*Document, error) {
	dec, reason := decodeText(data, owned)
	if reason != "" {
		return nil, &SkipError{Path: path, Reason: reason}
	}
	d := &Document{}
	d.Meta.Format = "txt"
	d.Meta.Encoding = dec.encoding
	d.Meta.Notes = dec.notes
	text := dec.text
	if dec.bom > 0 || strings.IndexByte(text, 0) >= 0 {
		var anchors []Anchor
		if strings.IndexByte(text, 0) >= 0 {
			d.Meta.Notes = append(d.Meta.Notes, "NUL bytes removed")
		}
		text, anchors = cleanLines(text, dec.bom)
		d.SetAnchors(anchors)
	}
	d.Text = text
	d.Paragraphs = lineParagraphs(text)
	fillTextMeta(d, formatMeta{})
	return d, nil
}

// cleanLines drops NUL characters and gives every line an anchor, so that
// positions stay those of the file: a kept byte-order mark takes no
// column, and a removed NUL keeps its column.
func cleanLines(s string, bom int) (string, []Anchor) {
	var b strings.Builder
	b.Grow(len(s))
	var anchors []Anchor
	line, col := 1, 1
	start := 0
	if bom > 0 {
		b.WriteString(s[:bom])
		start = bom
	}
	anchors = append(anchors, Anchor{Offset: b.Len(), Line: 1, Column: 1})
	pieceStart := start
	flush := func(end int) {
		if end > pieceStart {
			b.WriteString(s[pieceStart:end])
			line, col = advance(s[pieceStart:end], line, col)
		}
	}
	for i := start; i < len(s); i++ {
		switch s[i] {
		case 0:
			flush(i)
			col++
			pieceStart = i + 1
			anchors = append(anchors, Anchor{Offset: b.Len(), Line: line, Column: col})
		case '\n', '\r':
			end := i + 1
			if s[i] == '\r' && end < len(s) && s[end] == '\n' {
				end++
			}
			flush(end)
			pieceStart = end
			i = end - 1
			anchors = append(anchors, Anchor{Offset: b.Len(), Line: line, Column: col})
		}
	}
	flush(len(s))
	// Drop anchors that repeat an offset (keep the last).
	out := anchors[:0]
	for _, a := range anchors {
		if n := len(out); n > 0 && out[n-1].Offset == a.Offset {
			out[n-1] = a
			continue
		}
		out = append(out, a)
	}
	return b.String(), out
}

// lineParagraphs makes each non-blank line of s a paragraph.
func lineParagraphs(s string) []Span {
	var paras []Span
	breaks := newLineBreaks(s)
	for start := 0; ; {
		end, next := breaks.line()
		if lo, hi := trimSpan(s[start:end]); lo < hi {
			paras = append(paras, Span{Start: start + lo, End: start + hi})
		}
		if next < 0 {
			return paras
		}
		start = next
	}
}
