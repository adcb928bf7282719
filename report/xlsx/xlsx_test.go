package xlsx_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
	"github.com/quoteaudit/quoteaudit/report/xlsx"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// write writes r and opens the workbook again.
func write(t testing.TB, r *result.Result, opts xlsx.Options) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, r, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%s): %v", sheet, err)
	}
	return rs
}

// column returns the 0-based index of a header on sheet.
func column(t testing.TB, f *excelize.File, sheet, header string) int {
	t.Helper()
	i := slices.Index(rows(t, f, sheet)[0], header)
	if i < 0 {
		t.Fatalf("%s has no %q column", sheet, header)
	}
	return i
}

func cellRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

var listHeaders = map[string][]string{
	xlsx.SheetFindings: {"ID", "Severity", "Check", "Title", "Source", "Line", "Column", "Speaker", "Excerpt", "Message", "Suggestion", "Related", "Quote", "Status", "Editor", "Note"},
	xlsx.SheetQuotes:   {"ID", "Source", "Line", "Column", "Quote", "Fragment?", "Speaker as written", "Resolved person", "Role", "Verb", "Kind", "Via", "Continues", "Match group"},
	xlsx.SheetMatches:  {"Group", "Kind", "Quote ID", "Similarity", "Source", "Speaker", "Quote", "Difference from the first"},
	xlsx.SheetPeople:   {"ID", "Person", "Roster?", "Variants", "Roles", "Quotes", "Possibly the same as"},
	xlsx.SheetSources:  {"ID", "Path", "Format", "Title", "Byline", "Date", "Dates as written", "Encoding", "Words", "Paragraphs", "Quotes", "Findings", "Notes"},
	xlsx.SheetSkipped:  {"Path", "Reason"},
	xlsx.SheetChecks:   {"Slug", "Title", "Severity", "Enabled", "Findings", "What it looks for"},
}

func TestSheetsHeadersPanesFilters(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	want := []string{"Summary", "Findings", "Quotes", "Matches", "People", "Sources", "Skipped", "Checks"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	counts := map[string]int{
		xlsx.SheetFindings: len(r.Findings), xlsx.SheetQuotes: len(r.Quotes), xlsx.SheetMatches: 4,
		xlsx.SheetPeople: len(r.People), xlsx.SheetSources: len(r.Sources), xlsx.SheetSkipped: len(r.Skipped),
		xlsx.SheetChecks: len(r.Checks),
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	for sheet, header := range listHeaders {
		rs := rows(t, f, sheet)
		if !slices.Equal(rs[0], header) {
			t.Errorf("%s header = %q, want %q", sheet, rs[0], header)
		}
		if len(rs) != counts[sheet]+1 {
			t.Errorf("%s has %d rows, want %d + header", sheet, len(rs), counts[sheet])
		}
		for i, row := range rs[1:] {
			if len(row) == 0 || row[0] == "" {
				t.Errorf("%s row %d is blank in its first column", sheet, i+2)
			}
		}
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
			t.Errorf("%s panes = %+v, %v; want the header row frozen", sheet, p, err)
		}
		last := cellRef(len(header)-1, counts[sheet]+1)
		last = "$" + strings.TrimRight(last, "0123456789") + "$" + strings.TrimLeft(last, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		if got, want := filters[sheet], fmt.Sprintf("'%s'!$A$1:%s", sheet, last); got != want {
			t.Errorf("%s autofilter = %q, want %q", sheet, got, want)
		}
	}
}

func TestFindingsSheet(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	rs := rows(t, f, xlsx.SheetFindings)[1:]
	rank := map[string]int{"error": 3, "warning": 2, "info": 1}
	for i := 1; i < len(rs); i++ {
		a, b := rs[i-1], rs[i]
		if rank[a[1]] < rank[b[1]] || (a[1] == b[1] && a[4] > b[4]) {
			t.Errorf("rows %d and %d out of order: %q %q before %q %q", i+1, i+2, a[1], a[4], b[1], b[4])
		}
	}
	byID := map[string][]string{}
	for _, row := range rs {
		byID[row[0]] = row
	}
	for _, fd := range r.Findings {
		row, ok := byID[fd.ID]
		if !ok {
			t.Errorf("finding %s missing", fd.ID)
			continue
		}
		if row[1] != string(fd.Severity) || row[2] != fd.Check || row[9] != fd.Message {
			t.Errorf("finding %s row = %q", fd.ID, row)
		}
		wantStatus := "Open"
		if fd.Ignored {
			wantStatus = "Ignored"
		}
		if row[13] != wantStatus {
			t.Errorf("finding %s status = %q, want %q", fd.ID, row[13], wantStatus)
		}
	}
	// One finding in full: the name variant with a related place.
	var nv []string
	for _, row := range rs {
		if row[2] == "name-variant" && row[1] == "warning" {
			nv = row
		}
	}
	want := []string{"", "warning", "name-variant", "a person's name spelled differently", "articles/embassy-moscow.txt", "18", "1", "",
		"Richard Bernett", "“Richard Bernett” differs from the roster spelling “Richard Bennett”.", "Richard Bennett",
		"articles/recognition.md:12:80 Richard Bennett", "", "Open"}
	if nv == nil || !slices.Equal(nv[1:14], want[1:]) {
		t.Errorf("name-variant row = %q,\nwant %q", nv, want)
	}
	// Speaker comes from the finding's quote; the long excerpt is cut.
	for _, row := range rs {
		if row[2] == "second-hand-quote" {
			if row[7] != "a Taliban spokesperson" || !strings.HasSuffix(row[8], " …") || len([]rune(row[8])) > 410 {
				t.Errorf("second-hand-quote row: speaker %q, excerpt %d runes", row[7], len([]rune(row[8])))
			}
		}
	}
}

func TestStatusDropDown(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	dvs, err := f.GetDataValidations(xlsx.SheetFindings)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("data validations = %v, %v; want one", dvs, err)
	}
	dv := dvs[0]
	status := column(t, f, xlsx.SheetFindings, "Status")
	col, _ := excelize.ColumnNumberToName(status + 1)
	if want := fmt.Sprintf("%s2:%s%d", col, col, len(r.Findings)+1); dv.Sqref != want || dv.Type != "list" {
		t.Errorf("validation on %q of type %q, want list on %q", dv.Sqref, dv.Type, want)
	}
	if want := `"Open,Fixed,Accepted,False positive,Ignored"`; dv.Formula1 != want {
		t.Errorf("drop-down = %s, want %s", dv.Formula1, want)
	}
}

func TestHyperlinks(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	// target resolves "'Sheet'!A5" to the row it points at.
	target := func(link string) (string, []string) {
		t.Helper()
		sheet, cell, ok := strings.Cut(link, "!")
		if !ok {
			t.Fatalf("link %q is not a location", link)
		}
		sheet = strings.Trim(sheet, "'")
		_, row, err := excelize.CellNameToCoordinates(cell)
		if err != nil {
			t.Fatalf("link %q: %v", link, err)
		}
		rs := rows(t, f, sheet)
		if row > len(rs) {
			t.Fatalf("link %q points past the end of %s", link, sheet)
		}
		return sheet, rs[row-1]
	}
	// Findings → Quotes.
	fr := rows(t, f, xlsx.SheetFindings)
	qcol := column(t, f, xlsx.SheetFindings, "Quote")
	links := 0
	for i, row := range fr[1:] {
		if qcol >= len(row) || row[qcol] == "" {
			continue
		}
		ok, link, err := f.GetCellHyperLink(xlsx.SheetFindings, cellRef(qcol, i+2))
		if err != nil || !ok {
			t.Fatalf("finding row %d: quote %s has no link (%v)", i+2, row[qcol], err)
		}
		if sheet, to := target(link); sheet != xlsx.SheetQuotes || to[0] != row[qcol] {
			t.Errorf("quote link %s of row %d lands on %s %q", link, i+2, sheet, to[0])
		}
		links++
	}
	if links < 10 {
		t.Errorf("only %d quote links", links)
	}
	// Quotes → Matches.
	mcol := column(t, f, xlsx.SheetQuotes, "Match group")
	matched := 0
	for i, row := range rows(t, f, xlsx.SheetQuotes)[1:] {
		if mcol >= len(row) || row[mcol] == "" {
			continue
		}
		ok, link, _ := f.GetCellHyperLink(xlsx.SheetQuotes, cellRef(mcol, i+2))
		if !ok {
			t.Fatalf("quote %s: match %s has no link", row[0], row[mcol])
		}
		if sheet, to := target(link); sheet != xlsx.SheetMatches || to[0] != row[mcol] {
			t.Errorf("match link of %s lands on %s %q", row[0], sheet, to)
		}
		matched++
	}
	if matched != 4 {
		t.Errorf("%d quotes linked to matches, want 4", matched)
	}
	// Summary counts → the first finding of that check and severity.
	sr := rows(t, f, xlsx.SheetSummary)
	head := -1
	for i, row := range sr {
		if len(row) > 2 && row[0] == "Check" && row[2] == "Errors" {
			head = i
		}
	}
	if head < 0 {
		t.Fatalf("summary has no findings table: %q", sr)
	}
	sevs := []string{"error", "warning", "info"}
	checked := 0
	for i := head + 1; i < len(sr) && sr[i][0] != "Total"; i++ {
		for j, sev := range sevs {
			n, _ := strconv.Atoi(sr[i][2+j])
			ok, link, _ := f.GetCellHyperLink(xlsx.SheetSummary, cellRef(2+j, i+1))
			if n == 0 {
				if ok {
					t.Errorf("summary %s %s: zero count with a link", sr[i][0], sev)
				}
				continue
			}
			if !ok {
				t.Errorf("summary %s %s: count %d has no link", sr[i][0], sev, n)
				continue
			}
			_, to := target(link)
			if to[1] != sev || to[2] != sr[i][0] {
				t.Errorf("summary %s %s links to a %s %s finding", sr[i][0], sev, to[1], to[2])
			}
			checked++
		}
	}
	if checked < 12 {
		t.Errorf("only %d summary links checked", checked)
	}
}

func TestSummary(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	sr := rows(t, f, xlsx.SheetSummary)
	if sr[0][0] != r.Title || sr[1][0] != r.Verdict() {
		t.Errorf("summary opens with %q / %q", sr[0], sr[1])
	}
	text := fmt.Sprint(sr)
	for _, want := range []string{"2025-07-09 14:30 UTC", "quoteaudit 0.1.0-sample", "rules/newsroom.yaml", r.RuleFiles[1].SHA256,
		"articles/photo.jpg", "unsupported format .jpg"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// The totals row adds up to the findings.
	for _, row := range sr {
		if len(row) > 6 && row[0] == "Total" {
			got := row[2:7]
			want := []string{strconv.Itoa(r.Stats.Errors), strconv.Itoa(r.Stats.Warnings), strconv.Itoa(r.Stats.Infos),
				strconv.Itoa(r.Stats.Ignored), strconv.Itoa(r.Stats.Errors + r.Stats.Warnings + r.Stats.Infos)}
			if !slices.Equal(got, want) {
				t.Errorf("totals = %q, want %q", got, want)
			}
			return
		}
	}
	t.Error("no totals row")
}

func TestStylesAndTypes(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	fill := func(sheet, cell string) string {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return strings.ToUpper(st.Fill.Color[0])
	}
	want := map[string]string{"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
	fr := rows(t, f, xlsx.SheetFindings)
	status := column(t, f, xlsx.SheetFindings, "Status")
	seen := map[string]bool{}
	for i, row := range fr[1:] {
		if got := fill(xlsx.SheetFindings, cellRef(1, i+2)); got != want[row[1]] {
			t.Errorf("row %d: %s fill %q, want %q", i+2, row[1], got, want[row[1]])
		}
		seen[row[1]] = true
		for c := status; c < status+3; c++ {
			if got := fill(xlsx.SheetFindings, cellRef(c, i+2)); got != "E2EFDA" {
				t.Errorf("editor cell %s fill %q", cellRef(c, i+2), got)
			}
		}
		if got := fill(xlsx.SheetFindings, cellRef(0, i+2)); got != "" {
			t.Errorf("ID cell filled %q", got)
		}
	}
	if len(seen) != 3 {
		t.Errorf("severities seen: %v", seen)
	}
	// Numbers, booleans and dates are typed.
	typ := func(sheet, cell string) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	if ct := typ(xlsx.SheetFindings, "F2"); ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
		t.Errorf("Line is of type %v, want a number", ct)
	}
	if ct := typ(xlsx.SheetQuotes, "F2"); ct != excelize.CellTypeBool {
		t.Errorf("Fragment? is of type %v, want bool", ct)
	}
	if v, _ := f.GetCellValue(xlsx.SheetQuotes, "F4"); v != "TRUE" {
		t.Errorf("S1-Q3 Fragment? = %q, want TRUE", v)
	}
	if v, _ := f.GetCellValue(xlsx.SheetSources, "F2"); v != "2025-07-04" {
		t.Errorf("source date shows %q", v)
	}
	if v, _ := f.GetCellValue(xlsx.SheetSources, "F2", excelize.Options{RawCellValue: true}); v != "45842" {
		t.Errorf("source date serial = %q, want 45842 (2025-07-04)", v)
	}
	if v, _ := f.GetCellValue(xlsx.SheetMatches, "D5", excelize.Options{RawCellValue: true}); v != "0.8333" {
		t.Errorf("similarity raw = %q, want 0.8333", v)
	}
}

func TestDocProps(t *testing.T) {
	r := sample.Result()
	f, _ := write(t, r, xlsx.Options{})
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != r.Title || p.Creator != "quoteaudit 0.1.0-sample" || p.Created != "2025-07-09T14:30:00Z" || p.Modified != "2025-07-09T14:30:00Z" {
		t.Errorf("doc props = %+v", p)
	}
}

// TestFormulaGuard writes text that a spreadsheet would read as a formula
// everywhere text goes, and checks it arrives as text.
func TestFormulaGuard(t *testing.T) {
	r := sample.Result()
	dangerous := []string{sample.SumQuote, sample.HyperlinkQuote, "+1+2", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"}
	for i, s := range dangerous[2:] {
		q := r.Quotes[0]
		q.ID, q.Text, q.Speaker.Mention = fmt.Sprintf("S1-Q%d", 100+i), s, s
		r.Quotes = append(r.Quotes, q)
	}
	r.Title = "=1+1"
	r.Sources[0].Title = "=cmd|' /C calc'!A0"
	r.Findings[0].Message = "@danger"
	r.Findings[0].Suggestion = "-1"
	f, _ := write(t, r, xlsx.Options{})
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		for i, row := range rows(t, f, sheet) {
			for j, v := range row {
				c := cellRef(j, i+1)
				if formula, _ := f.GetCellFormula(sheet, c); formula != "" {
					t.Errorf("%s!%s holds formula %q", sheet, c, formula)
				}
				found[v] = true
			}
		}
	}
	for _, s := range append(dangerous, "=1+1", "=cmd|' /C calc'!A0", "@danger", "-1") {
		if !found[s] {
			t.Errorf("%q did not arrive as text", s)
		}
	}
}

func TestLongAndOverlongText(t *testing.T) {
	r := sample.Result()
	huge := strings.Repeat("word ", 9000) + "end"
	r.Quotes[1].Text = huge
	f, _ := write(t, r, xlsx.Options{})
	qr := rows(t, f, xlsx.SheetQuotes)
	var long, cut string
	for _, row := range qr {
		switch row[0] {
		case "S1-Q6":
			long = row[4]
		case "S1-Q2":
			cut = row[4]
		}
	}
	if long != sample.LongQuote() {
		t.Errorf("the 3,000-word quote lost text: %d of %d bytes", len(long), len(sample.LongQuote()))
	}
	if len(cut) > 32767 || !strings.HasPrefix(cut, "word word") || !strings.Contains(cut, "[cut: 45003 characters in all") {
		t.Errorf("overlong text not cut visibly: %d bytes, ends %q", len(cut), cut[max(0, len(cut)-80):])
	}
	// The wrapped row grows, to Excel's limit.
	for i, row := range qr {
		if row[0] == "S1-Q6" {
			h, _ := f.GetRowHeight(xlsx.SheetQuotes, i+1)
			if h != 409 {
				t.Errorf("long quote row height = %v, want 409", h)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	_, a := write(t, sample.Result(), xlsx.Options{})
	_, b := write(t, sample.Result(), xlsx.Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same result differ")
	}
}

func TestEmptyResult(t *testing.T) {
	f, _ := write(t, &result.Result{}, xlsx.Options{})
	for sheet, header := range listHeaders {
		rs := rows(t, f, sheet)
		if len(rs) != 1 || !slices.Equal(rs[0], header) {
			t.Errorf("%s of an empty result = %q", sheet, rs)
		}
	}
	if err := xlsx.Write(&bytes.Buffer{}, nil, xlsx.Options{}); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

// saveFile writes r to a workbook file in dir.
func saveFile(t *testing.T, dir, name string, r *result.Result, opts xlsx.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, r, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPreviousRoundTrip(t *testing.T) {
	dir := t.TempDir()
	r := sample.Result()
	first := saveFile(t, dir, "first.xlsx", r, xlsx.Options{})

	// The editor marks two findings by hand.
	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	fr := rows(t, f, xlsx.SheetFindings)
	status := slices.Index(fr[0], "Status")
	keep, gone := fr[1][0], fr[2][0]
	set := func(row, col int, v string) {
		if err := f.SetCellStr(xlsx.SheetFindings, cellRef(col, row), v); err != nil {
			t.Fatal(err)
		}
	}
	set(2, status, "False positive")
	set(2, status+1, "Zoë")
	set(2, status+2, "The desk checked the recording.")
	set(3, status, "Fixed")
	set(3, status+2, "corrected in print")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	prev, err := xlsx.ReadPrevious(first)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.Rows) != len(r.Findings) || prev.Path != first {
		t.Fatalf("previous has %d rows (want %d), path %q", len(prev.Rows), len(r.Findings), prev.Path)
	}
	if got := prev.Rows[keep]; got.Status != "False positive" || got.Editor != "Zoë" || got.Note != "The desk checked the recording." {
		t.Errorf("read back %+v", got)
	}

	// The next run no longer reports the second finding.
	r2 := sample.Result()
	r2.Findings = slices.DeleteFunc(r2.Findings, func(f result.Finding) bool { return f.ID == gone })
	sample.Finish(r2)
	g, _ := write(t, r2, xlsx.Options{Previous: prev})
	carried := false
	for _, row := range rows(t, g, xlsx.SheetFindings)[1:] {
		switch row[0] {
		case keep:
			carried = slices.Equal(row[status:status+3], []string{"False positive", "Zoë", "The desk checked the recording."})
		case gone:
			t.Errorf("resolved finding %s still listed", gone)
		default:
			if row[status] != "Open" && row[status] != "Ignored" {
				t.Errorf("finding %s status %q, want a default", row[0], row[status])
			}
		}
	}
	if !carried {
		t.Error("the editor's columns were not carried over")
	}
	sr := rows(t, g, xlsx.SheetSummary)
	var resolved []string
	for i, row := range sr {
		if len(row) > 0 && strings.HasPrefix(row[0], "Resolved since "+first) && i+2 < len(sr) {
			resolved = sr[i+2]
			if !strings.HasSuffix(row[0], "(1)") {
				t.Errorf("resolved heading %q", row[0])
			}
		}
	}
	if len(resolved) < 5 || resolved[0] != gone || resolved[2] != "Fixed" || resolved[4] != "corrected in print" {
		t.Errorf("resolved row = %q, want %s Fixed … corrected in print", resolved, gone)
	}
}

func TestReadPreviousErrors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(text, []byte("just some text"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := excelize.NewFile()
	_ = other.SetCellStr("Sheet1", "A1", "hello")
	plain := filepath.Join(dir, "plain.xlsx")
	if err := other.SaveAs(plain); err != nil {
		t.Fatal(err)
	}
	other.Close()
	wrongCols := excelize.NewFile()
	_ = wrongCols.SetSheetName("Sheet1", "Findings")
	_ = wrongCols.SetCellStr("Findings", "A1", "ID")
	noStatus := filepath.Join(dir, "nostatus.xlsx")
	if err := wrongCols.SaveAs(noStatus); err != nil {
		t.Fatal(err)
	}
	wrongCols.Close()

	for _, c := range []struct {
		path       string
		notOurs    bool
		mentioning string
	}{
		{filepath.Join(dir, "missing.xlsx"), false, "missing.xlsx"},
		{text, false, "notes.xlsx"},
		{plain, true, "no Findings sheet"},
		{noStatus, true, `no "Status" column`},
	} {
		_, err := xlsx.ReadPrevious(c.path)
		if err == nil {
			t.Errorf("ReadPrevious(%s) succeeded", c.path)
			continue
		}
		if !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.mentioning) {
			t.Errorf("ReadPrevious(%s) = %v; want the path and %q", c.path, err, c.mentioning)
		}
		if errors.Is(err, xlsx.ErrNotWorkbook) != c.notOurs {
			t.Errorf("ReadPrevious(%s): errors.Is(ErrNotWorkbook) = %v", c.path, !c.notOurs)
		}
	}
}

func TestLarge(t *testing.T) {
	r := sample.Large(300)
	f, _ := write(t, r, xlsx.Options{})
	for sheet, n := range map[string]int{xlsx.SheetQuotes: 3000, xlsx.SheetFindings: 1200, xlsx.SheetSources: 300, xlsx.SheetMatches: 300} {
		if got := len(rows(t, f, sheet)) - 1; got != n {
			t.Errorf("%s: %d rows, want %d", sheet, got, n)
		}
	}
	dvs, _ := f.GetDataValidations(xlsx.SheetFindings)
	if len(dvs) != 1 || dvs[0].Sqref != "N2:N1201" {
		t.Errorf("validations after streaming 1,200 rows: %+v", dvs)
	}
	if ok, link, _ := f.GetCellHyperLink(xlsx.SheetFindings, "M1201"); !ok || !strings.HasPrefix(link, "'Quotes'!A") {
		t.Errorf("last finding's quote link: %v %q", ok, link)
	}
}

// TestGolden compares the contents of every sheet (not the bytes: the
// zip and XML layout are excelize's business) with testdata/sample.golden.
func TestGolden(t *testing.T) {
	f, _ := write(t, sample.Result(), xlsx.Options{})
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		for _, row := range rows(t, f, sheet) {
			for j, v := range row {
				if j > 0 {
					b.WriteString("\t")
				}
				if len(v) > 200 {
					v = fmt.Sprintf("%s…(%d bytes)", v[:strings.LastIndex(v[:200], " ")], len(v))
				}
				b.WriteString(strconv.Quote(v)[1 : len(strconv.Quote(v))-1])
			}
			b.WriteString("\n")
		}
	}
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("sheet contents differ from %s at line %d:\n got %s\nwant %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("sheet contents differ from %s in length: %d lines, want %d", golden, len(gl), len(wl))
	}
}

func BenchmarkWriteLarge(b *testing.B) {
	r := sample.Large(10000) // 100,000 quotes, 40,000 findings
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, r, xlsx.Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len()), "file-bytes")
	}
}

// FuzzWriteText writes arbitrary text into a quote, a speaker and a
// finding and reads it back: it must arrive as text, never as a formula,
// and unchanged when it is valid XML text that fits in a cell.
func FuzzWriteText(f *testing.F) {
	for _, s := range []string{sample.SumQuote, sample.HyperlinkQuote, "+1", "-1", "@A1", "\t=1", "\r=1", "Мы 🌍 سنبقى", " lead and trail ", "a\nb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := tiny(s)
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, r, xlsx.Options{}); err != nil {
			t.Fatalf("Write: %v", err)
		}
		g, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer g.Close()
		for _, c := range []struct{ sheet, cell string }{{xlsx.SheetQuotes, "E2"}, {xlsx.SheetQuotes, "G2"}} {
			if formula, _ := g.GetCellFormula(c.sheet, c.cell); formula != "" {
				t.Fatalf("%s!%s is a formula %q", c.sheet, c.cell, formula)
			}
			got, err := g.GetCellValue(c.sheet, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			if plainXMLText(s) && got != s {
				t.Fatalf("%s!%s = %q, want %q", c.sheet, c.cell, got, s)
			}
		}
	})
}

// tiny is a one-source, one-quote, one-finding result carrying s as the
// quote, the speaker and the finding's message.
func tiny(s string) *result.Result {
	r := &result.Result{
		Sources: []result.Source{{ID: "S1", Path: "a.txt"}},
		Quotes:  []result.Quote{{ID: "S1-Q1", Source: "S1", Line: 1, Column: 1, Text: s, Speaker: result.Speaker{Mention: s}}},
		Findings: []result.Finding{{ID: "f1", Check: "unattributed-quote", Severity: result.Error, Source: "S1", Path: "a.txt",
			Line: 1, Column: 1, Quote: "S1-Q1", Evidence: s, Message: s}},
	}
	sample.Finish(r)
	return r
}

// plainXMLText reports whether s survives XML unchanged: valid UTF-8 with
// only characters XML 1.0 allows, and no CR (XML turns CR LF into LF).
func plainXMLText(s string) bool {
	if !utf8.ValidString(s) || len(s) > 10000 {
		return false
	}
	for _, r := range s {
		if r == '\r' || r == 0xFFFE || r == 0xFFFF || (r < 0x20 && r != '\t' && r != '\n') {
			return false
		}
	}
	return true
}

// FuzzReadPrevious feeds arbitrary bytes to ReadPrevious: it must return
// an error naming the file or a usable result, never panic.
func FuzzReadPrevious(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, sample.Result(), xlsx.Options{}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04 not really"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "prev.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := xlsx.ReadPrevious(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if p.Rows == nil || p.Path != path {
			t.Fatalf("ReadPrevious = %+v", p)
		}
		for id := range p.Rows {
			if id == "" {
				t.Fatal("empty ID read")
			}
		}
	})
}
