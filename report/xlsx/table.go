package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Column widths, in Excel's character units.
const (
	minWidth  = 6.0
	maxWidth  = 80.0
	sampleFor = 2000 // rows measured to fit column widths
)

// column describes one column of a list sheet.
type column struct {
	name  string
	width float64 // fixed width; 0 fits the content (capped at maxWidth)
	wrap  bool    // long text: wrapped, and rows grow to show it
	// editor marks the editor's own columns (Status, Editor, Note).
	editor bool
}

// cell is one value of a list row, with an optional style overriding the
// column's and an optional link to a place in the workbook.
type cell struct {
	v     any
	style int
	link  string // "Sheet!A1" location, or ""
}

// list is a list sheet written through excelize's StreamWriter: header
// row frozen, autofilter over the whole list, column widths fitted to the
// content, wrapped long text, hyperlinks and an optional drop-down. The
// extras are attached before Flush, or excelize silently drops them.
type list struct {
	sheet string
	cols  []column
	n     int                // rows
	row   func(i int) []cell // the cells of row i (0-based), one per column
	// dropdown, when set, is a data validation for one column of every row.
	dropdown *dropdown
}

type dropdown struct {
	col    int // 0-based column
	values []string
	title  string
	prompt string
}

// colName returns the letters of 0-based column i.
func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// ref returns the reference of 0-based column c in 1-based row r.
func ref(c, r int) string { return fmt.Sprintf("%s%d", colName(c), r) }

// write writes l to the workbook.
func (w *writer) writeList(l list) error {
	f := w.f
	sw, err := f.NewStreamWriter(l.sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", l.sheet, err)
	}
	widths := w.fitWidths(l)
	// excelize puts each new <col> first: set them last to first so that
	// they come out in the ascending order the format requires.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return fmt.Errorf("sheet %s: column width: %w", l.sheet, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return fmt.Errorf("sheet %s: panes: %w", l.sheet, err)
	}
	header := make([]any, len(l.cols))
	for i, c := range l.cols {
		st := w.st.header
		if c.editor {
			st = w.st.editorHeader
		}
		header[i] = excelize.Cell{StyleID: st, Value: c.name}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 20}); err != nil {
		return fmt.Errorf("sheet %s: header: %w", l.sheet, err)
	}
	vals := make([]any, len(l.cols))
	links := 0
	if l.n > w.maxRows {
		w.rowsCapped = append(w.rowsCapped, fmt.Sprintf("%s (%d of %d rows)", l.sheet, w.maxRows, l.n))
		l.n = w.maxRows
	}
	for i := 0; i < l.n; i++ {
		cells := l.row(i)
		lines := 1
		for j, c := range cells {
			col := l.cols[j]
			st := c.style
			if st == 0 {
				st = w.columnStyle(col)
			}
			v := c.v
			if s, ok := v.(string); ok {
				v = cellText(s)
				if s == "" {
					v = nil // an empty cell, styled
				}
				if col.wrap {
					lines = max(lines, wrappedLines(s, widths[j]))
				}
			}
			vals[j] = excelize.Cell{StyleID: st, Value: v}
			if c.link != "" && links == w.maxLinks {
				w.linksCapped = append(w.linksCapped, l.sheet)
				links++ // counted once
			}
			if c.link != "" && links < w.maxLinks {
				if err := f.SetCellHyperLink(l.sheet, ref(j, i+2), c.link, "Location"); err != nil {
					return fmt.Errorf("sheet %s: link %s: %w", l.sheet, ref(j, i+2), err)
				}
				links++
			}
		}
		opts := excelize.RowOpts{}
		if lines > 1 {
			opts.Height = min(maxRowHeight, float64(lines)*lineHeight)
		}
		if err := sw.SetRow(ref(0, i+2), vals, opts); err != nil {
			return fmt.Errorf("sheet %s: row %d: %w", l.sheet, i+2, err)
		}
	}
	last := ref(len(l.cols)-1, l.n+1)
	if err := f.AutoFilter(l.sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("sheet %s: autofilter: %w", l.sheet, err)
	}
	if d := l.dropdown; d != nil && l.n > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", colName(d.col), colName(d.col), l.n+1))
		if err := dv.SetDropList(d.values); err != nil {
			return fmt.Errorf("sheet %s: drop-down: %w", l.sheet, err)
		}
		dv.SetInput(d.title, d.prompt)
		dv.SetError(excelize.DataValidationErrorStyleWarning, d.title, "Choose one of: "+strings.Join(d.values, ", ")+".")
		if err := f.AddDataValidation(l.sheet, dv); err != nil {
			return fmt.Errorf("sheet %s: drop-down: %w", l.sheet, err)
		}
	}
	// Printing: landscape, the header row repeated on every page.
	landscape := "landscape"
	if err := f.SetPageLayout(l.sheet, &excelize.PageLayoutOptions{Orientation: &landscape}); err != nil {
		return fmt.Errorf("sheet %s: page layout: %w", l.sheet, err)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", l.sheet), Scope: l.sheet}); err != nil {
		return fmt.Errorf("sheet %s: print titles: %w", l.sheet, err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", l.sheet, err)
	}
	return nil
}

// maxLinks caps the hyperlinks of one sheet. excelize looks through a
// sheet's links for each new one (quadratic: 40,000 links cost 8 s of CPU)
// and refuses more than 65,529. Cells past the cap keep their text, and
// the Summary says the links stop there.
const maxLinks = 10000

// maxRows caps the data rows of one sheet: a worksheet holds 1,048,576
// rows, the header included. Past it the JSON report has everything, and
// the Summary says which sheets were cut.
const maxRows = excelize.TotalRows - 1

// fitWidths returns the width of each column: fixed, or fitted to the
// header and the first sampleFor rows, between minWidth and maxWidth.
func (w *writer) fitWidths(l list) []float64 {
	widths := make([]float64, len(l.cols))
	fit := false
	for i, c := range l.cols {
		if c.width > 0 {
			widths[i] = c.width
			continue
		}
		fit = true
		widths[i] = float64(textWidth(c.name)) + 3 // room for the filter button
	}
	if !fit {
		return widths
	}
	for i := 0; i < min(l.n, sampleFor); i++ {
		for j, c := range l.row(i) {
			if l.cols[j].width > 0 {
				continue
			}
			var n int
			switch v := c.v.(type) {
			case string:
				n = textWidth(v)
			case nil:
			default:
				n = len(fmt.Sprint(v))
			}
			widths[j] = max(widths[j], float64(n)+2)
		}
	}
	for i := range widths {
		widths[i] = min(max(widths[i], minWidth), maxWidth)
	}
	return widths
}

func (w *writer) columnStyle(c column) int {
	switch {
	case c.editor:
		return w.st.editor
	case c.wrap:
		return w.st.wrap
	}
	return w.st.text
}
