package pdf

import (
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/line"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Type sizes, points.
const (
	sizeBody  = 9.0
	sizeSmall = 7.5
	sizeH1    = 20.0
	sizeH2    = 14.0
	sizeH3    = 10.5
)

// Colours. They are read, never written; each use takes a copy.
var (
	colInk     = props.Color{Red: 33, Green: 33, Blue: 33}
	colMuted   = props.Color{Red: 110, Green: 110, Blue: 110}
	colRule    = props.Color{Red: 200, Green: 200, Blue: 200}
	colPanel   = props.Color{Red: 244, Green: 245, Blue: 247}
	colWhite   = props.Color{Red: 255, Green: 255, Blue: 255}
	colError   = props.Color{Red: 192, Green: 45, Blue: 35}
	colWarning = props.Color{Red: 204, Green: 122, Blue: 0}
	colInfo    = props.Color{Red: 40, Green: 96, Blue: 163}
	colErrBg   = props.Color{Red: 251, Green: 226, Blue: 223}
	colWarnBg  = props.Color{Red: 253, Green: 240, Blue: 214}
	colInfoBg  = props.Color{Red: 222, Green: 234, Blue: 248}
	colDelText = props.Color{Red: 165, Green: 25, Blue: 25}
	colDelBg   = props.Color{Red: 252, Green: 214, Blue: 214}
	colInsText = props.Color{Red: 15, Green: 105, Blue: 45}
	colInsBg   = props.Color{Red: 205, Green: 240, Blue: 212}
)

func sevColor(s result.Severity) props.Color {
	switch s {
	case result.Error:
		return colError
	case result.Warning:
		return colWarning
	}
	return colInfo
}

func sevTint(s result.Severity) props.Color {
	switch s {
	case result.Error:
		return colErrBg
	case result.Warning:
		return colWarnBg
	}
	return colInfoBg
}

// Text styles.
var (
	stBody  = style{size: sizeBody, color: colInk}
	stBold  = style{size: sizeBody, color: colInk, bold: true}
	stSmall = style{size: sizeSmall, color: colMuted}
	stSmInk = style{size: sizeSmall, color: colInk}
)

func (s style) with(f func(*style)) style { f(&s); return s }

func tx(text string, st style) span { return span{text: text, st: st} }

// linesPerRow is how many lines of one cell go into one row: rows never
// split across pages, so long text is cut into rows of this many lines
// (a page holds about 55 lines of body text).
const linesPerRow = 10

// Cell padding, millimetres.
const (
	padX = 1.5
	padY = 1.0
)

// cell is one column of a row: a grid size out of 12, its text and an
// optional background.
type cell struct {
	size  int
	spans []span
	bg    *props.Color
	right bool
}

func c(size int, spans ...span) cell { return cell{size: size, spans: spans} }

func (x cell) on(bg props.Color) cell { x.bg = &bg; return x }

func (x cell) alignRight() cell { x.right = true; return x }

// doc builds the report.
type doc struct {
	m    core.Maroto
	meas *measurer
	r    *result.Result
	ix   *result.Index
	opts Options

	activeSorted []*result.Finding // active's answer, sorted once
	activeDone   bool
}

func newDoc(m core.Maroto, meas *measurer, r *result.Result, opts Options) *doc {
	return &doc{m: m, meas: meas, r: r, ix: result.NewIndex(r), opts: opts}
}

func lineHeight(spans []span) float64 {
	size := sizeSmall
	for _, s := range spans {
		if s.st.size > size {
			size = s.st.size
		}
	}
	return size * mmPerPt * lineSpacing
}

// row lays out the cells side by side. Text longer than linesPerRow
// lines continues in further rows, so no row is taller than a page and
// maroto never cuts one.
func (d *doc) row(cells ...cell) {
	laid := make([][]textLine, len(cells))
	chunks := 1
	for i, x := range cells {
		w := contentW*float64(x.size)/12 - 2*padX
		laid[i] = d.meas.layout(x.spans, w)
		if n := (len(laid[i]) + linesPerRow - 1) / linesPerRow; n > chunks {
			chunks = n
		}
	}
	for k := 0; k < chunks; k++ {
		rw := row.New()
		for i, x := range cells {
			var lines []textLine
			if lo := k * linesPerRow; lo < len(laid[i]) {
				lines = laid[i][lo:min(lo+linesPerRow, len(laid[i]))]
			}
			fb := &flowBox{lines: lines, lh: lineHeight(x.spans), padLeft: padX, right: x.right}
			if k == 0 {
				fb.padTop = padY
			}
			if k == chunks-1 {
				fb.padBottom = padY
			}
			cl := col.New(x.size).Add(fb)
			if x.bg != nil {
				bg := *x.bg
				cl.WithStyle(&props.Cell{BackgroundColor: &bg})
			}
			rw.Add(cl)
		}
		d.m.AddRows(rw)
	}
}

// para is a full-width paragraph.
func (d *doc) para(spans ...span) { d.row(c(12, spans...)) }

func (d *doc) gap(h float64) { d.m.AddRows(row.New(h)) }

// rule draws a thin horizontal line.
func (d *doc) rule(color props.Color, thick float64) {
	d.m.AddRows(row.New(2.5).Add(col.New(12).Add(line.New(props.Line{
		Color: &color, Thickness: thick, Style: linestyle.Solid, SizePercent: 100, OffsetPercent: 50,
	}))))
}

// keep starts a new page unless h millimetres fit on the current one,
// so that a heading is not left alone at the foot of a page.
func (d *doc) keep(h float64) {
	if !d.m.FitlnCurrentPage(h) {
		d.newPage()
	}
}

func (d *doc) newPage() { d.m.AddPages(page.New()) }

func (d *doc) h1(text string) {
	d.newPage()
	d.para(tx(text, style{size: sizeH1, bold: true, color: colInk}))
	d.rule(colInk, 0.6)
	d.gap(2)
}

func (d *doc) h2(text string, extra ...span) {
	d.keep(40)
	d.gap(3)
	d.para(append([]span{tx(text+" ", style{size: sizeH2, bold: true, color: colInk})}, extra...)...)
	d.gap(1)
}

func (d *doc) h3(spans ...span) {
	d.keep(28)
	d.gap(2)
	d.para(spans...)
}

// header registers the running head of every page.
func (d *doc) header() error {
	title := clean(d.opts.Title)
	left := tx(shorten(title, 90), style{size: sizeSmall, bold: true, color: colMuted})
	right := tx("run "+runDate(d.r), stSmall)
	hr := d.headerRow(c(8, left), c(4, right).alignRight())
	color := colRule
	ln := row.New(2).Add(col.New(12).Add(line.New(props.Line{Color: &color, Thickness: 0.2, SizePercent: 100, OffsetPercent: 30})))
	return d.m.RegisterHeader(hr, ln)
}

func (d *doc) headerRow(cells ...cell) core.Row {
	rw := row.New()
	for _, x := range cells {
		w := contentW*float64(x.size)/12 - 2*padX
		lines := d.meas.layout(x.spans, w)
		if len(lines) > 1 {
			lines = lines[:1]
		}
		rw.Add(col.New(x.size).Add(&flowBox{lines: lines, lh: lineHeight(x.spans), padLeft: padX, right: x.right}))
	}
	return rw
}
