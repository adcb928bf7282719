// Package xlsx writes quoteaudit's Excel workbook: a Summary sheet with
// the verdict, the run and counts by check and severity that link into
// the lists, then one list sheet each for Findings (with the editor's
// Status, Editor and Note columns), Quotes, Matches, People, Sources,
// Skipped files and the Checks catalogue.
//
// Every list has a frozen header row and an autofilter; severities are
// written as text and coloured; numbers are numbers and dates are dates.
// Text is always written as a string, never a formula, so a quotation
// beginning with "=" (or "+", "-", "@") cannot run in the editor's
// spreadsheet. The list sheets' XML is written straight into the
// compressed archive (sheetXML writes what excelize's StreamWriter would,
// at a fraction of the cost), so memory grows slowly with the size of the
// audit.
//
// The editor's columns survive re-runs: ReadPrevious reads them back from
// an earlier workbook by finding ID, and Write carries them over and lists
// the findings resolved since.
package xlsx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/xuri/excelize/v2"
)

// Sheet names, in workbook order.
const (
	SheetSummary  = "Summary"
	SheetFindings = "Findings"
	SheetQuotes   = "Quotes"
	SheetMatches  = "Matches"
	SheetPeople   = "People"
	SheetSources  = "Sources"
	SheetSkipped  = "Skipped"
	SheetChecks   = "Checks"
)

// Sheets lists the workbook's sheets in order.
func Sheets() []string {
	return []string{SheetSummary, SheetFindings, SheetQuotes, SheetMatches, SheetPeople, SheetSources, SheetSkipped, SheetChecks}
}

// Editor statuses offered by the Status drop-down.
const (
	StatusOpen          = "Open"
	StatusFixed         = "Fixed"
	StatusAccepted      = "Accepted"
	StatusFalsePositive = "False positive"
	StatusIgnored       = "Ignored"
)

// Statuses lists the values of the Status drop-down.
func Statuses() []string {
	return []string{StatusOpen, StatusFixed, StatusAccepted, StatusFalsePositive, StatusIgnored}
}

// Options tunes Write.
type Options struct {
	// Previous holds the editor's columns of an earlier workbook
	// (--previous), or nil.
	Previous *Previous
}

// writer holds one workbook being written.
type writer struct {
	f    *excelize.File
	r    *result.Result
	ix   *result.Index
	opts Options
	st   styles

	// findings in sheet order, and where things landed.
	findings   []*result.Finding
	quoteRow   map[string]int // quote ID → row on Quotes
	matchRow   map[string]int // match ID → first row on Matches
	findingsBy map[string]int // finding count by source ID
	// linksCapped lists the sheets whose links stop at maxLinks;
	// rowsCapped the sheets cut at maxRows, with their counts.
	linksCapped []string
	rowsCapped  []string
	limits

	// sheetPath is the archive entry of each sheet's worksheet part;
	// lists the list sheets added by writeList, and parts their entries,
	// once renderLists has written them.
	sheetPath map[string]string
	lists     []listJob
	parts     []*zipEntry
	// deflaters lends compressors and buffers to every entry of the
	// archive.
	deflaters *deflaters
	// streamList, when set, writes the list sheets instead of writeList:
	// the tests' reference, excelize's StreamWriter.
	streamList func(*writer, list) error
}

// limits are the workbook's caps, parameters for tests.
type limits struct {
	maxLinks int // hyperlinks per sheet
	maxRows  int // data rows per sheet
}

// Write writes the workbook for r to w. The same input gives the same
// bytes: document properties are pinned to r.GeneratedAt and the archive's
// entries are written in a fixed order (see sortedZip).
func Write(w io.Writer, r *result.Result, opts Options) error {
	return write(w, r, opts, limits{maxLinks: maxLinks, maxRows: maxRows})
}

// write is Write with the caps as parameters, for tests.
func write(w io.Writer, r *result.Result, opts Options, lim limits) error {
	return writeWith(w, r, opts, lim, nil)
}

// writeWith is write with the list sheets written by streamList when it
// is set (tests).
func writeWith(w io.Writer, r *result.Result, opts Options, lim limits, streamList func(*writer, list) error) error {
	if r == nil {
		return errors.New("write workbook: no result")
	}
	f := excelize.NewFile()
	defer f.Close()
	wr := &writer{f: f, r: r, ix: result.NewIndex(r), opts: opts, limits: lim, streamList: streamList, deflaters: &deflaters{}}
	defer func() { releaseAll(wr.parts) }() // when excelize never reached Close
	// The archive goes straight to w: excelize hands its ZipWriter a
	// buffer that would hold the whole workbook in memory, grown by
	// doubling (on 100,000 articles a 300 MB workbook cost 600 MB of
	// allocations and a 512 MB buffer), and then copies it to w.
	// Nothing is left for excelize to write after the archive.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSortedZip(w, wr.parts, wr.deflaters) })
	if err := wr.build(); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	if err := f.Write(pastArchive{}); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// pastArchive receives what excelize writes after its ZipWriter is
// closed: nothing, since sortedZip writes the archive to the destination
// itself. Were excelize to write anything there (it could only be a
// change to the archive), the workbook would be wrong, so it is an error.
type pastArchive struct{}

func (pastArchive) Write(p []byte) (int, error) {
	return 0, fmt.Errorf("excelize wrote %d bytes outside the archive", len(p))
}

func (w *writer) build() error {
	f := w.f
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, name := range Sheets()[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	w.mapSheets()
	var err error
	if w.st, err = newStyles(f); err != nil {
		return err
	}
	w.index()
	// The Summary comes last: it says where the lists' links and rows
	// stop.
	steps := []func() error{w.findingsSheet, w.quotesSheet, w.matchesSheet, w.peopleSheet,
		w.sourcesSheet, w.skippedSheet, w.checksSheet, w.renderLists, w.summarySheet}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	// The list sheets' parts are written: nothing set on them through
	// excelize from here on would reach the file (such as SetActiveSheet's
	// tab selection). Summary, the first sheet, is active already.
	return f.SetDocProps(w.docProps())
}

// mapSheets finds the archive entry of each sheet's worksheet part:
// excelize names the part of a new sheet after its ID. (Were that to
// change, sortedZip would find no entry to replace and say so.)
func (w *writer) mapSheets() {
	w.sheetPath = map[string]string{}
	for id, name := range w.f.GetSheetMap() {
		w.sheetPath[name] = fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
	}
}

func (w *writer) docProps() *excelize.DocProperties {
	at := w.r.GeneratedAt.UTC().Format(time.RFC3339)
	creator := "quoteaudit"
	if v := w.r.Tool.Version; v != "" {
		creator += " " + v
	}
	title := w.r.Title
	if title == "" {
		title = "quoteaudit report"
	}
	return &excelize.DocProperties{
		Title:          title,
		Subject:        "Quotation audit",
		Description:    w.r.Verdict(),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        at,
		Modified:       at,
		Keywords:       "quoteaudit",
		Category:       "quoteaudit workbook",
		Language:       "en",
	}
}

// index sorts the findings and places quotes and match groups on their
// sheets, so that links can be written before the rows they point to.
func (w *writer) index() {
	r := w.r
	w.findings = make([]*result.Finding, len(r.Findings))
	w.findingsBy = map[string]int{}
	for i := range r.Findings {
		w.findings[i] = &r.Findings[i]
		w.findingsBy[r.Findings[i].Source]++
	}
	slices.SortStableFunc(w.findings, func(a, b *result.Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(w.findingPath(a), w.findingPath(b)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Check, b.Check),
			cmp.Compare(a.ID, b.ID),
		)
	})
	w.quoteRow = make(map[string]int, len(r.Quotes))
	for i := range r.Quotes {
		if _, dup := w.quoteRow[r.Quotes[i].ID]; !dup {
			w.quoteRow[r.Quotes[i].ID] = i + 2
		}
	}
	w.matchRow = make(map[string]int, len(r.Matches))
	row := 2
	for i := range r.Matches {
		m := &r.Matches[i]
		if _, dup := w.matchRow[m.ID]; !dup {
			w.matchRow[m.ID] = row
		}
		row += memberCount(m)
	}
}

// findingPath is the path a finding is listed under.
func (w *writer) findingPath(f *result.Finding) string {
	if f.Path != "" {
		return f.Path
	}
	if s := w.ix.Source(f.Source); s != nil {
		return s.Path
	}
	return f.Source
}

func (w *writer) sourcePath(id string) string {
	if s := w.ix.Source(id); s != nil {
		return s.Path
	}
	return id
}

// location is a hyperlink target on another sheet.
func location(sheet string, row int) string {
	b := make([]byte, 0, len(sheet)+16)
	b = append(b, '\'')
	b = append(b, sheet...)
	b = append(b, "'!A"...)
	return string(strconv.AppendInt(b, int64(row), 10))
}

// intOrBlank writes positions of 0 (unknown) as empty cells.
func intOrBlank(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func (w *writer) severityStyle(s result.Severity) int {
	switch s {
	case result.Error:
		return w.st.sevError
	case result.Warning:
		return w.st.sevWarning
	case result.Info:
		return w.st.sevInfo
	}
	return 0
}

// status returns the editor's columns for f: carried from the previous
// workbook when it had f, else the default (Ignored for an ignored finding).
func (w *writer) status(f *result.Finding) EditorColumns {
	def := EditorColumns{Status: StatusOpen}
	if f.Ignored {
		def.Status = StatusIgnored
	}
	if p := w.opts.Previous; p != nil {
		if old, ok := p.Rows[f.ID]; ok {
			// A default status follows the finding's current state;
			// anything the editor chose is kept.
			if old.Status == "" || old.Status == StatusOpen || old.Status == StatusIgnored {
				old.Status = def.Status
			}
			return EditorColumns{Status: old.Status, Editor: old.Editor, Note: old.Note}
		}
	}
	return def
}
