package pdf

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/breakline"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/phpdave11/gofpdf"
)

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

// fontFamily is the name the embedded DejaVu Sans is registered under.
const fontFamily = "dejavu"

// mmPerPt converts a font size in points to millimetres.
const mmPerPt = 25.4 / 72

// style is how a span of text is drawn.
type style struct {
	bold      bool
	size      float64 // points
	color     props.Color
	bg        *props.Color
	strike    bool
	underline bool
}

// span is a piece of text in one style. Spaces at its edges count.
type span struct {
	text string
	st   style
	brk  bool // a forced line break; text and st are unused
}

// nl is a forced line break.
func nl() span { return span{brk: true} }

// measurer measures text exactly as the PDF backend will: gofpdf adds
// the per-glyph advance widths of the font (no kerning), so a private
// gofpdf instance with the same font gives the same numbers.
type measurer struct {
	pdf   *gofpdf.Fpdf
	units [2]map[rune]int
	// ascii holds the units of ASCII runes plus one (0: not measured
	// yet), regular then bold, in front of units.
	ascii [2][utf8.RuneSelf]int32
}

func newMeasurer() (*measurer, error) {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	if err := f.Error(); err != nil {
		return nil, fmt.Errorf("load font: %w", err)
	}
	return &measurer{pdf: f, units: [2]map[rune]int{{}, {}}}, nil
}

func (m *measurer) runeUnits(r rune, bold bool) int {
	k := 0
	if bold {
		k = 1
	}
	if r >= 0 && r < utf8.RuneSelf {
		if u := m.ascii[k][r]; u > 0 {
			return int(u - 1)
		}
	} else if u, ok := m.units[k][r]; ok {
		return u
	}
	st := ""
	if bold {
		st = "B"
	}
	m.pdf.SetFont(fontFamily, st, 10)
	u := m.pdf.GetStringSymbolWidth(string(r))
	if r >= 0 && r < utf8.RuneSelf {
		m.ascii[k][r] = int32(u + 1)
	} else {
		m.units[k][r] = u
	}
	return u
}

// width returns the width of s in millimetres.
func (m *measurer) width(s string, st style) float64 {
	u := 0
	for _, r := range s {
		u += m.runeUnits(r, st.bold)
	}
	return float64(u) * st.size * mmPerPt / 1000
}

// token is one word (or a piece of one) placed on a line.
type token struct {
	text string // visual order
	st   style
	w    float64
	gap  float64 // space before it on the line
	rtl  bool
}

// frag is a run of tokens of one style drawn with one text operation.
type frag struct {
	x, w float64
	text string
	st   style
}

// textLine is one laid-out line; h is its height (0 for an empty line,
// which takes the box's default line height).
type textLine struct {
	frags []frag
	h     float64
}

// words splits spans into words; glued reports that a word continues the
// previous one with no space between (a style change inside a word).
type word struct {
	text  string
	st    style
	glued bool
	brk   bool
}

func splitWords(spans []span) []word {
	n := 0 // about the number of words: spaces and breaks, plus one a span
	for _, sp := range spans {
		n += strings.Count(sp.text, " ") + 1
	}
	out := make([]word, 0, n)
	pendingSpace := true
	for _, sp := range spans {
		if sp.brk {
			out = append(out, word{brk: true})
			pendingSpace = true
			continue
		}
		// A word drawn as written is a slice of the span's text,
		// sp.text[start:i]; one with a rune dropped or replaced is built
		// in cur from the point where it first differs (verbatim false).
		var cur strings.Builder
		start, verbatim := -1, true
		flush := func(end int) {
			text := cur.String()
			if verbatim && start >= 0 {
				text = sp.text[start:end]
			}
			if text != "" {
				out = append(out, word{text: text, st: sp.st, glued: !pendingSpace && len(out) > 0})
				pendingSpace = false
			}
			cur.Reset()
			start, verbatim = -1, true
		}
		for i, r := range sp.text {
			x, ok := sanitizeRune(r)
			if ok && x == ' ' {
				flush(i)
				pendingSpace = true
				continue
			}
			if verbatim && (!ok || x != r || r == utf8.RuneError) {
				verbatim = false
				if start >= 0 {
					cur.WriteString(sp.text[start:i])
				}
			}
			if !ok {
				continue
			}
			if verbatim {
				if start < 0 {
					start = i
				}
				continue
			}
			cur.WriteRune(x)
		}
		flush(len(sp.text))
	}
	return out
}

// layout breaks spans into lines no wider than width (mm). Words longer
// than a line are broken between characters; nothing is dropped.
func (m *measurer) layout(spans []span, width float64) []textLine {
	if width < 5 {
		width = 5
	}
	words := splitWords(spans)
	// The tokens of every line, line after line, in one slice: ends[i]
	// is where line i's end (an empty line ends where the one before
	// does); start is where the current line begins.
	toks := make([]token, 0, len(words)+1)
	var ends []int
	start, curW := 0, 0.0
	push := func(t token) {
		toks = append(toks, t)
		curW += t.gap + t.w
	}
	newLine := func() {
		if len(toks) > start {
			ends = append(ends, len(toks))
		}
		start, curW = len(toks), 0
	}
	for _, w := range words {
		if w.brk {
			if len(toks) == start {
				ends = append(ends, len(toks)) // an empty line
			}
			newLine()
			continue
		}
		t := token{text: w.text, st: w.st, w: m.width(w.text, w.st), rtl: hasRTL(w.text)}
		if len(toks) > start && !w.glued {
			t.gap = m.width(" ", w.st)
		}
		if curW+t.gap+t.w <= width {
			push(t)
			continue
		}
		if len(toks) > start && t.w <= width {
			newLine()
			t.gap = 0
			push(t)
			continue
		}
		// too long for any line: fill the current line, then break
		// between characters.
		rs := []rune(t.text)
		gap := t.gap
		for len(rs) > 0 {
			room := width - curW - gap
			n, used := 0, 0.0
			for n < len(rs) {
				cw := m.width(string(rs[n]), t.st)
				if used+cw > room && (n > 0 || len(toks) > start) {
					break
				}
				used += cw
				n++
			}
			if n == 0 {
				newLine()
				gap = 0
				continue
			}
			push(token{text: string(rs[:n]), st: t.st, w: used, gap: gap, rtl: t.rtl})
			rs = rs[n:]
			gap = 0
			if len(rs) > 0 {
				newLine()
			}
		}
	}
	newLine()
	out := make([]textLine, 0, len(ends))
	from := 0
	for _, end := range ends {
		ln := toks[from:end:end]
		from = end
		size := 0.0
		for _, t := range ln {
			size = max(size, t.st.size)
		}
		out = append(out, textLine{frags: toFrags(visualOrder(ln)), h: size * mmPerPt * lineSpacing})
	}
	return out
}

// visualOrder shapes right-to-left words and reverses each run of
// consecutive right-to-left words, keeping the gaps between them.
func visualOrder(ln []token) []token {
	for i := range ln {
		if ln[i].rtl {
			ln[i].text = visualWord(ln[i].text)
		}
	}
	for a := 0; a < len(ln); {
		if !ln[a].rtl {
			a++
			continue
		}
		b := a
		for b+1 < len(ln) && ln[b+1].rtl {
			b++
		}
		if b > a {
			gaps := make([]float64, 0, b-a)
			for k := a + 1; k <= b; k++ {
				gaps = append(gaps, ln[k].gap)
			}
			first := ln[a].gap
			for i, j := a, b; i < j; i, j = i+1, j-1 {
				ln[i], ln[j] = ln[j], ln[i]
			}
			ln[a].gap = first
			for k := a + 1; k <= b; k++ {
				ln[k].gap = gaps[b-k]
			}
		}
		a = b + 1
	}
	return ln
}

func sameStyle(a, b style) bool {
	if a.bold != b.bold || a.size != b.size || a.color != b.color || a.strike != b.strike || a.underline != b.underline {
		return false
	}
	if (a.bg == nil) != (b.bg == nil) {
		return false
	}
	return a.bg == nil || *a.bg == *b.bg
}

// toFrags joins neighbouring tokens of one style, each run's text built
// once.
func toFrags(ln []token) []frag {
	var out []frag
	x := 0.0
	for i := 0; i < len(ln); {
		x += ln[i].gap
		f := frag{x: x, w: ln[i].w, text: ln[i].text, st: ln[i].st}
		x += ln[i].w
		j, size := i+1, len(ln[i].text)
		for ; j < len(ln) && sameStyle(f.st, ln[j].st); j++ {
			size += len(ln[j].text) + 1
		}
		if j > i+1 {
			var b strings.Builder
			b.Grow(size)
			b.WriteString(ln[i].text)
			for _, t := range ln[i+1 : j] {
				x += t.gap
				if t.gap > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.text)
				f.w = x + t.w - f.x
				x += t.w
			}
			f.text = b.String()
		}
		out = append(out, f)
		i = j
	}
	return out
}

// lineSpacing is the line height as a multiple of the font size.
const lineSpacing = 1.32

// flowBox is a maroto component that draws lines laid out in advance,
// each fragment with its own colour, weight, background and strike.
type flowBox struct {
	lines     []textLine
	lh        float64 // height of an empty line
	padTop    float64
	padBottom float64
	padLeft   float64
	right     bool // align lines to the right edge
}

func (f *flowBox) lineH(ln textLine) float64 {
	if ln.h > 0 {
		return ln.h
	}
	return f.lh
}

func (f *flowBox) SetConfig(*entity.Config) {}

func (f *flowBox) GetStructure() *node.Node[core.Structure] {
	var b strings.Builder
	for i, ln := range f.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, fr := range ln.frags {
			b.WriteString(fr.text)
		}
	}
	return node.New(core.Structure{Type: "flow", Value: b.String()})
}

func (f *flowBox) GetHeight(core.Provider, *entity.Cell) float64 {
	h := f.padTop + f.padBottom
	for _, ln := range f.lines {
		h += f.lineH(ln)
	}
	return h
}

func (f *flowBox) Render(p core.Provider, cell *entity.Cell) {
	y := cell.Y + f.padTop
	for _, ln := range f.lines {
		lh := f.lineH(ln)
		dx := 0.0
		if n := len(ln.frags); f.right && n > 0 {
			dx = cell.Width - 2*f.padLeft - (ln.frags[n-1].x + ln.frags[n-1].w)
		}
		for _, fr := range ln.frags {
			x := cell.X + f.padLeft + fr.x + dx
			fh := fr.st.size * mmPerPt
			if fr.st.bg != nil {
				bg := *fr.st.bg
				p.AddLine(&entity.Cell{X: x - 0.4, Y: y, Width: fr.w + 0.8, Height: lh}, &props.Line{
					Color: &bg, Style: linestyle.Solid, Thickness: lh * 0.92,
					Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100,
				})
			}
			fs := fontstyle.Normal
			if fr.st.bold {
				fs = fontstyle.Bold
			}
			if fr.st.strike {
				fs += fontstyle.Strikethrough
			}
			if fr.st.underline {
				fs += fontstyle.Underline
			}
			c := fr.st.color
			p.AddText(fr.text, &entity.Cell{X: x, Y: y + lh/2 - 0.74*fh, Width: fr.w + 2, Height: lh}, &props.Text{
				Family: fontFamily, Style: fs, Size: fr.st.size, Color: &c,
				Align: align.Left, BreakLineStrategy: breakline.EmptySpaceStrategy,
			})
		}
		y += lh
	}
}

// bar is a drawn horizontal bar: a filled rectangle whose length is frac
// of the column, over a light track.
type bar struct {
	frac  float64
	color props.Color
	h     float64
}

func (b *bar) SetConfig(*entity.Config) {}

func (b *bar) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "bar", Value: b.frac})
}

func (b *bar) GetHeight(core.Provider, *entity.Cell) float64 { return b.h }

func (b *bar) Render(p core.Provider, cell *entity.Cell) {
	track := props.Color{Red: 236, Green: 236, Blue: 236}
	p.AddLine(&entity.Cell{X: cell.X, Y: cell.Y, Width: cell.Width, Height: cell.Height}, &props.Line{
		Color: &track, Style: linestyle.Solid, Thickness: b.h,
		Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100,
	})
	if b.frac <= 0 {
		return
	}
	w := cell.Width * b.frac
	if w < 0.8 {
		w = 0.8
	}
	c := b.color
	p.AddLine(&entity.Cell{X: cell.X, Y: cell.Y, Width: w, Height: cell.Height}, &props.Line{
		Color: &c, Style: linestyle.Solid, Thickness: b.h,
		Orientation: orientation.Horizontal, OffsetPercent: 50, SizePercent: 100,
	})
}
