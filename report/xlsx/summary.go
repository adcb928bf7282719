package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Summary layout: labels in column A, values from column B on.
const (
	summaryLabelWidth = 24
	summaryValueWidth = 60
)

// checkCounts is one row of the summary's findings table.
type checkCounts struct {
	slug     string
	bySev    map[result.Severity]int
	firstSev map[result.Severity]int // first Findings row of the check at a severity
	ignored  int
	firstIgn int
}

// countByCheck counts the findings by check and severity in catalogue
// order (checks outside the catalogue after, by slug), remembering the
// first row of each on the Findings sheet.
func (w *writer) countByCheck() []*checkCounts {
	by := map[string]*checkCounts{}
	for i, f := range w.findings {
		c := by[f.Check]
		if c == nil {
			c = &checkCounts{slug: f.Check, bySev: map[result.Severity]int{}, firstSev: map[result.Severity]int{}}
			by[f.Check] = c
		}
		row := i + 2
		if f.Ignored {
			if c.ignored == 0 {
				c.firstIgn = row
			}
			c.ignored++
			continue
		}
		if c.bySev[f.Severity] == 0 {
			c.firstSev[f.Severity] = row
		}
		c.bySev[f.Severity]++
	}
	var out []*checkCounts
	for _, ci := range w.r.Checks {
		if c := by[ci.Slug]; c != nil {
			out = append(out, c)
			delete(by, ci.Slug)
		}
	}
	rest := make([]string, 0, len(by))
	for slug := range by {
		rest = append(rest, slug)
	}
	slices.Sort(rest)
	for _, slug := range rest {
		out = append(out, by[slug])
	}
	return out
}

// summaryWriter fills the Summary sheet row by row with the normal API:
// the sheet is small.
type summaryWriter struct {
	w   *writer
	row int
	err error
}

func (s *summaryWriter) set(col int, v any, style int) {
	if s.err != nil {
		return
	}
	f, c := s.w.f, ref(col, s.row)
	switch v := v.(type) {
	case string:
		s.err = f.SetCellStr(SheetSummary, c, cellText(v)) // a string, never a formula
	case nil:
	default:
		s.err = f.SetCellValue(SheetSummary, c, v)
	}
	if s.err == nil && style != 0 {
		s.err = f.SetCellStyle(SheetSummary, c, c, style)
	}
}

func (s *summaryWriter) link(col int, target string) {
	if s.err == nil && target != "" {
		s.err = s.w.f.SetCellHyperLink(SheetSummary, ref(col, s.row), target, "Location")
		if s.err == nil {
			s.err = s.w.f.SetCellStyle(SheetSummary, ref(col, s.row), ref(col, s.row), s.w.st.link)
		}
	}
}

// pair writes a label and a value on a new row.
func (s *summaryWriter) pair(label string, v any, style int) {
	s.row++
	s.set(0, label, s.w.st.label)
	s.set(1, v, style)
}

func (s *summaryWriter) section(title string) {
	s.row += 2
	s.set(0, title, s.w.st.sectionHeader)
}

func (w *writer) summarySheet() error {
	f, r := w.f, w.r
	s := &summaryWriter{w: w, row: 1}
	for i, wd := range []float64{summaryLabelWidth, summaryValueWidth, 10, 10, 10, 10, 10} {
		if err := f.SetColWidth(SheetSummary, colName(i), colName(i), wd); err != nil {
			return fmt.Errorf("sheet %s: %w", SheetSummary, err)
		}
	}
	title := r.Title
	if title == "" {
		title = "quoteaudit report"
	}
	s.set(0, title, w.st.title)
	s.row++
	s.set(0, r.Verdict(), w.st.verdict)
	if s.err == nil {
		s.err = f.MergeCell(SheetSummary, ref(0, s.row), ref(6, s.row))
	}
	if s.err == nil {
		s.err = f.SetRowHeight(SheetSummary, s.row, float64(wrappedLines(r.Verdict(), 140))*18)
	}

	s.section("Run")
	dt, err := dateTimeStyle(f)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", SheetSummary, err)
	}
	if !r.GeneratedAt.IsZero() {
		s.pair("Generated", r.GeneratedAt.UTC(), dt)
	}
	s.pair("Tool", strings.TrimSpace(r.Tool.Name+" "+r.Tool.Version), 0)
	s.pair("Inputs", strings.Join(r.Inputs, "\n"), w.st.wrap)
	if len(r.RuleFiles) == 0 {
		s.pair("Rule files", "none", 0)
	}
	for i, rf := range r.RuleFiles {
		label := ""
		if i == 0 {
			label = "Rule files (SHA-256)"
		}
		s.pair(label, rf.Path, 0)
		s.set(2, rf.SHA256, 0)
	}
	if len(w.linksCapped) > 0 {
		s.pair("Links", fmt.Sprintf("Links to other sheets stop after %d rows on %s: filter by ID to find the rest.",
			w.maxLinks, strings.Join(w.linksCapped, ", ")), w.st.wrap)
	}
	if len(w.rowsCapped) > 0 {
		s.pair("Rows", fmt.Sprintf("A worksheet holds at most %d rows: %s stop there. quoteaudit.json has them all.",
			maxRows+1, strings.Join(w.rowsCapped, ", ")), w.st.wrap)
	}
	s.pair("Sources audited", len(r.Sources), w.st.number)
	s.link(1, location(SheetSources, 1))
	s.pair("Files skipped", len(r.Skipped), w.st.number)
	s.link(1, location(SheetSkipped, 1))
	for _, sk := range r.Skipped {
		s.row++
		s.set(1, sk.Path, 0)
		s.set(2, sk.Reason, 0)
	}

	s.section("Findings by check")
	s.row++
	for i, h := range []string{"Check", "Title", "Errors", "Warnings", "Info", "Ignored", "Total"} {
		s.set(i, h, w.st.header)
	}
	var totals [5]int
	for _, c := range w.countByCheck() {
		s.row++
		s.set(0, c.slug, 0)
		if ci := w.ix.Check(c.slug); ci != nil {
			s.set(1, ci.Title, 0)
		}
		total := 0
		for j, sev := range result.Severities() {
			n := c.bySev[sev]
			total += n
			totals[j] += n
			s.set(2+j, n, w.st.number)
			if n > 0 {
				s.link(2+j, location(SheetFindings, c.firstSev[sev]))
			}
		}
		s.set(5, c.ignored, w.st.number)
		if c.ignored > 0 {
			s.link(5, location(SheetFindings, c.firstIgn))
		}
		totals[3] += c.ignored
		s.set(6, total, w.st.number)
		totals[4] += total
	}
	s.row++
	s.set(0, "Total", w.st.totalLabel)
	s.set(1, "", w.st.totalLabel)
	for j, n := range totals {
		s.set(2+j, n, w.st.totalLabel)
	}

	if p := w.opts.Previous; p != nil {
		w.resolved(s, p)
	}
	if s.err != nil {
		return fmt.Errorf("sheet %s: %w", SheetSummary, s.err)
	}
	return nil
}

// resolved lists the findings of the previous workbook that this run no
// longer reports, with the editor's old columns.
func (w *writer) resolved(s *summaryWriter, p *Previous) {
	now := make(map[string]bool, len(w.findings))
	for _, f := range w.findings {
		now[f.ID] = true
	}
	var gone []string
	for id := range p.Rows {
		if !now[id] {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	title := fmt.Sprintf("Resolved since the last run (%d)", len(gone))
	if p.Path != "" {
		title = fmt.Sprintf("Resolved since %s (%d)", p.Path, len(gone))
	}
	s.section(title)
	if len(gone) == 0 {
		s.row++
		s.set(0, "Every finding of the earlier workbook is still reported.", 0)
		return
	}
	s.row++
	for i, h := range []string{"ID", "Finding", "Status", "Editor", "Note"} {
		s.set(i, h, w.st.header)
	}
	for _, id := range gone {
		old := p.Rows[id]
		what := old.Message
		if old.Check != "" {
			what = old.Check + ": " + what
		}
		s.row++
		s.set(0, id, 0)
		s.set(1, strings.TrimSuffix(what, ": "), w.st.wrap)
		s.set(2, old.Status, 0)
		s.set(3, old.Editor, 0)
		s.set(4, old.Note, 0)
	}
}
