package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
	"github.com/xuri/excelize/v2"
)

// streamList writes l through excelize's StreamWriter, as writeList did
// before it wrote the XML itself: the reference sheetXML must match byte
// for byte.
func streamList(w *writer, l list) error {
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
		cells := l.row(nil, i)
		lines := 1
		for j, c := range cells {
			col := l.cols[j]
			st := c.style
			if st == 0 {
				st = w.columnStyle(col)
			}
			v := c.v
			if v == nil {
				v = c.text
			}
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
		dv, err := d.validation(l.n)
		if err != nil {
			return fmt.Errorf("sheet %s: drop-down: %w", l.sheet, err)
		}
		if err := f.AddDataValidation(l.sheet, dv); err != nil {
			return fmt.Errorf("sheet %s: drop-down: %w", l.sheet, err)
		}
	}
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

// sameArchives fails t unless a and b hold the same entries with the same
// contents, in the same order.
func sameArchives(t *testing.T, a, b []byte) {
	t.Helper()
	read := func(data []byte) ([]string, map[string][]byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		files := map[string][]byte{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			names = append(names, f.Name)
			files[f.Name] = b
		}
		return names, files
	}
	an, af := read(a)
	bn, bf := read(b)
	if strings.Join(an, " ") != strings.Join(bn, " ") {
		t.Fatalf("entries differ:\n%v\n%v", an, bn)
	}
	for _, name := range an {
		x, y := af[name], bf[name]
		if bytes.Equal(x, y) {
			continue
		}
		i := 0
		for i < min(len(x), len(y)) && x[i] == y[i] {
			i++
		}
		t.Errorf("%s differs at byte %d of %d/%d:\n got …%q\nwant …%q", name, i, len(x), len(y),
			x[max(0, i-80):min(len(x), i+80)], y[max(0, i-80):min(len(y), i+80)])
	}
	if !t.Failed() && !bytes.Equal(a, b) {
		t.Error("same entries, different archives")
	}
}

// oddText is text a cell must carry as written, or as excelize writes it.
var oddText = []string{
	" lead", "trail ", "\tTab", "line\n", "\r\nCRLF", "a\nb\tc\rd", `"quoted" & <tagged> 'single'`,
	"_x0041_ and _x005F_x0041_ and _x005F_ and _xD800_ and _x12G4_", "_x005F_xD800_ _x005f_ _x005F_x12g4_ __x0041__x0042_ _xdfff_ _xE000_ _x00", "=1+1", "Мы 🌍 سنبقى",
	"bad \xff\xfe utf-8", "nul \x00 bell \x07 del \x7f", "\ufffe\uffff\ufffd", "\u2028\u2029", "&#xA; literal",
	strings.Repeat("ж", 20000), strings.Repeat("🌍", 9000),
}

// TestListSheetsAsStreamWriter writes workbooks with the list sheets
// written by writeList and by excelize's StreamWriter: they must be the
// same, byte for byte.
func TestListSheetsAsStreamWriter(t *testing.T) {
	odd := sample.Result()
	for i, s := range oddText {
		q := odd.Quotes[i%len(odd.Quotes)]
		q.ID, q.Text, q.Speaker.Mention, q.Speaker.Role = fmt.Sprintf("S1-Q%d", 200+i), s, s, s
		odd.Quotes = append(odd.Quotes, q)
		f := odd.Findings[i%len(odd.Findings)]
		f.ID, f.Message, f.Evidence, f.Quote = fmt.Sprintf("odd-%d", i), s, s, q.ID
		odd.Findings = append(odd.Findings, f)
	}
	odd.Sources[0].Dates = append([]result.Date{{Text: "1850", ISO: "1850-01-01"}}, odd.Sources[0].Dates...)
	odd.Matches[0].Similarity = math.NaN()
	sample.Finish(odd)
	prev := &Previous{Path: "old.xlsx", Rows: map[string]EditorColumns{
		odd.Findings[0].ID: {Status: StatusFixed, Editor: " ZR\t", Note: "kept\nover <two> lines"},
		"gone":             {Status: "needs lawyer", Check: "c", Message: "m"},
	}}
	for _, c := range []struct {
		name string
		r    *result.Result
		opts Options
		lim  limits
	}{
		{"sample", sample.Result(), Options{}, limits{maxLinks: maxLinks, maxRows: maxRows}},
		{"odd text", odd, Options{Previous: prev}, limits{maxLinks: maxLinks, maxRows: maxRows}},
		{"capped", sample.Large(30), Options{}, limits{maxLinks: 25, maxRows: 70}},
		{"empty", &result.Result{}, Options{}, limits{maxLinks: maxLinks, maxRows: maxRows}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := write(&got, c.r, c.opts, c.lim); err != nil {
				t.Fatal(err)
			}
			if err := writeWith(&want, c.r, c.opts, c.lim, streamList); err != nil {
				t.Fatal(err)
			}
			sameArchives(t, got.Bytes(), want.Bytes())
		})
	}
}

type label string

// valueList is a list with a cell of every kind of value excelize takes.
func valueList(text string) list {
	at := time.Date(2026, 1, 2, 15, 4, 5, 6, time.FixedZone("X", 5*3600))
	values := []any{
		nil, "", text, []byte(text), label(text), label(""), true, false,
		0, -7, int8(-8), int16(16), int32(-32), int64(math.MaxInt64), uint(1), uint8(8), uint16(16), uint32(32), uint64(math.MaxUint64),
		0.5, -1.25, 1e21, 1e-7, float32(0.1), math.NaN(), math.Inf(1), math.Inf(-1),
		at, at.UTC(), time.Date(1900, 2, 28, 12, 0, 0, 0, time.UTC), time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{},
		time.Date(1900, 2, 28, 23, 59, 59, 999999999, time.UTC), time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 31, 0, 0, 0, 1, time.UTC), time.Date(2300, 6, 30, 18, 30, 0, 0, time.FixedZone("Y", -7*3600)),
		90 * time.Minute, struct{ A, B int }{1, 2},
	}
	cols := make([]column, len(values))
	for i := range cols {
		cols[i] = column{name: fmt.Sprintf("Col %d %s", i, text), wrap: i%3 == 0, editor: i == 5, width: float64(i % 4 * 7)}
	}
	return list{
		sheet: "Values",
		cols:  cols,
		n:     3,
		row: func(_ []cell, i int) []cell {
			cells := make([]cell, len(values))
			for j, v := range values {
				cells[j] = cell{v: v, style: (i + j) % 3}
				if j%5 == i {
					cells[j].link = fmt.Sprintf("'Sheet %s'!A%d", text, j)
				}
			}
			return cells
		},
		dropdown: &dropdown{col: 2, values: []string{"a", text[:min(len(text), 20)], "<&>"}, title: text[:min(len(text), 30)], prompt: text[:min(len(text), 200)]},
	}
}

// writeOneList writes a workbook of l alone, with streamList if set.
func writeOneList(t *testing.T, l list, streamList func(*writer, list) error) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f, r: &result.Result{}, limits: limits{maxLinks: 4, maxRows: maxRows}, streamList: streamList, deflaters: &deflaters{}}
	f.SetZipWriter(func(out io.Writer) excelize.ZipWriter { return newSortedZip(out, w.parts, w.deflaters) })
	if _, err := f.NewSheet(l.sheet); err != nil {
		t.Fatal(err)
	}
	w.mapSheets()
	var err error
	if w.st, err = newStyles(f); err != nil {
		t.Fatal(err)
	}
	if err := w.writeList(l); err != nil {
		t.Fatal(err)
	}
	if err := w.renderLists(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestListValuesAsStreamWriter writes every kind of value, odd text, links
// and a drop-down both ways.
func TestListValuesAsStreamWriter(t *testing.T) {
	for _, s := range oddText {
		l := valueList(s)
		sameArchives(t, writeOneList(t, l, nil), writeOneList(t, l, streamList))
	}
}

// FuzzListText writes arbitrary text both ways.
func FuzzListText(f *testing.F) {
	for _, s := range oddText {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := valueList(s)
		l.dropdown = nil // excelize refuses long or odd drop-down lists
		sameArchives(t, writeOneList(t, l, nil), writeOneList(t, l, streamList))
	})
}
