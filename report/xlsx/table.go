package xlsx

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

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
//
// Text goes in text, not v: a string stored in an interface is copied to
// the heap, once a cell, which on 100,000 articles was a few seconds of
// allocation and collection. A cell with neither (v nil, text "") is
// empty, as one whose v is "".
type cell struct {
	v     any    // a value other than text: number, boolean, time; or nil
	text  string // the cell's text, when v is nil
	style int
	link  string // "Sheet!A1" location, or ""
}

// str returns the cell's text and true, or false when its value is not
// text.
func (c *cell) str() (string, bool) {
	if c.v == nil {
		return c.text, true
	}
	s, ok := c.v.(string)
	return s, ok
}

// list is a list sheet, written by writeList: header row frozen,
// autofilter over the whole list, column widths fitted to the content,
// wrapped long text, hyperlinks and an optional drop-down.
type list struct {
	sheet string
	cols  []column
	n     int // rows
	// row appends the cells of row i (0-based), one per column, to dst
	// (empty; the writer reuses it from row to row).
	row func(dst []cell, i int) []cell
	// dropdown, when set, is a data validation for one column of every row.
	dropdown *dropdown
}

type dropdown struct {
	col    int // 0-based column
	values []string
	title  string
	prompt string
}

// validation is the drop-down over the first rows rows below the header.
func (d *dropdown) validation(rows int) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", colName(d.col), colName(d.col), rows+1))
	if err := dv.SetDropList(d.values); err != nil {
		return nil, err
	}
	dv.SetInput(d.title, d.prompt)
	dv.SetError(excelize.DataValidationErrorStyleWarning, d.title, "Choose one of: "+strings.Join(d.values, ", ")+".")
	return dv, nil
}

// colName returns the letters of 0-based column i.
func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// ref returns the reference of 0-based column c in 1-based row r.
func ref(c, r int) string { return fmt.Sprintf("%s%d", colName(c), r) }

// writeList adds l to the workbook. The workbook's names for it, the
// autofilter's and the print titles, are set here through excelize; its
// worksheet part is rendered later by renderLists.
func (w *writer) writeList(l list) error {
	if w.streamList != nil {
		return w.streamList(w, l)
	}
	f := w.f
	job := listJob{l: l, n: l.n}
	if job.n > w.maxRows {
		w.rowsCapped = append(w.rowsCapped, fmt.Sprintf("%s (%d of %d rows)", l.sheet, w.maxRows, l.n))
		job.n = w.maxRows
	}
	last := ref(len(l.cols)-1, job.n+1)
	if err := f.AutoFilter(l.sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("sheet %s: autofilter: %w", l.sheet, err)
	}
	if d := l.dropdown; d != nil && job.n > 0 {
		dv, err := d.validation(job.n)
		if err != nil {
			return fmt.Errorf("sheet %s: drop-down: %w", l.sheet, err)
		}
		job.dv = dv
	}
	// Printing: landscape (see sheetXML.end), the header row repeated on
	// every page.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", l.sheet), Scope: l.sheet}); err != nil {
		return fmt.Errorf("sheet %s: print titles: %w", l.sheet, err)
	}
	var ok bool
	if job.path, ok = w.sheetPath[l.sheet]; !ok {
		return fmt.Errorf("sheet %s: no worksheet part", l.sheet)
	}
	w.lists = append(w.lists, job)
	return nil
}

// listJob is a list sheet waiting to be rendered.
type listJob struct {
	l    list
	n    int                      // rows to write: l.n, capped
	dv   *excelize.DataValidation // the drop-down, or nil
	path string                   // the worksheet part's entry

	// Set by render.
	part        *zipEntry
	linksCapped bool
	err         error
}

// renderLists renders the list sheets added by writeList, up to
// GOMAXPROCS side by side, in sheet order (Findings, the largest, first):
// they only read the result and what index placed. Links capped are noted
// in sheet order.
func (w *writer) renderLists() error {
	next := make(chan *listJob)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(w.lists)) {
		wg.Go(func() {
			for job := range next {
				w.render(job)
			}
		})
	}
	for i := range w.lists {
		next <- &w.lists[i]
	}
	close(next)
	wg.Wait()
	for _, job := range w.lists {
		if job.part != nil {
			w.parts = append(w.parts, job.part) // released by writeWith, even on error
		}
	}
	for _, job := range w.lists {
		if job.err != nil {
			return fmt.Errorf("sheet %s: %w", job.l.sheet, job.err)
		}
		if job.linksCapped {
			w.linksCapped = append(w.linksCapped, job.l.sheet)
		}
	}
	w.lists = nil
	return nil
}

// render writes the worksheet part of job's list, by sheetXML, into an
// archive entry that takes the place of excelize's (see sortedZip).
func (w *writer) render(job *listJob) {
	l := job.l
	widths := w.fitWidths(l) // sampled before the cap, as they always were
	e, err := newZipEntry(job.path, w.deflaters)
	if err != nil {
		job.err = err
		return
	}
	x := &sheetXML{out: e}
	x.start(widths)
	cols := make([]string, len(l.cols))
	for i := range cols {
		cols[i] = colName(i)
	}
	x.startRow(1, 20)
	for i, c := range l.cols {
		st := w.st.header
		if c.editor {
			st = w.st.editorHeader
		}
		x.text(cols[i], st, c.name)
	}
	x.endRow()
	var links []sheetLink
	nlinks := 0
	var cells []cell
	for i := 0; i < job.n; i++ {
		cells = l.row(cells[:0], i)
		row := i + 2
		lines := 1
		for j, c := range cells {
			if s, ok := c.str(); ok && l.cols[j].wrap {
				lines = max(lines, wrappedLines(s, widths[j]))
			}
		}
		height := 0.0
		if lines > 1 {
			height = min(maxRowHeight, float64(lines)*lineHeight)
		}
		x.startRow(row, height)
		for j, c := range cells {
			st := c.style
			if st == 0 {
				st = w.columnStyle(l.cols[j])
			}
			switch s, ok := c.str(); {
			case !ok:
				x.cell(cols[j], st, c.v)
			case s == "":
				x.cell(cols[j], st, nil) // an empty cell, styled
			default:
				x.text(cols[j], st, cellText(s))
			}
			if c.link != "" && nlinks == w.maxLinks {
				job.linksCapped = true
				nlinks++ // counted once
			}
			if c.link != "" && nlinks < w.maxLinks {
				links = append(links, sheetLink{col: cols[j], row: row, location: c.link})
				nlinks++
			}
		}
		x.endRow()
	}
	first, _ := excelize.CoordinatesToCellName(1, 1, true)
	end, _ := excelize.CoordinatesToCellName(len(l.cols), job.n+1, true)
	x.end(first+":"+end, job.dv, links)
	if x.err == nil {
		x.err = e.close()
	}
	job.part, job.err = e, x.err
}

// maxLinks caps the hyperlinks of one sheet. It was set when links went
// through excelize, which looks through a sheet's links for each new one
// (quadratic: 40,000 links cost 8 s of CPU) and refuses more than 65,529;
// sheetXML writes them in linear time. Cells past the cap keep their
// text, and the Summary says the links stop there.
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
	var cells []cell
	for i := 0; i < min(l.n, sampleFor); i++ {
		cells = l.row(cells[:0], i)
		for j, c := range cells {
			if l.cols[j].width > 0 {
				continue
			}
			var n int
			switch v := c.v.(type) {
			case string:
				n = textWidth(v)
			case nil:
				n = textWidth(c.text)
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
