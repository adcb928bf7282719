package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Previous holds the editor's columns of an earlier workbook by finding
// ID: every ID its Findings sheet listed is a key of Rows.
type Previous struct {
	Path string
	Rows map[string]EditorColumns // by finding ID
}

// EditorColumns are the editor's columns of one finding. Check and
// Message are the finding's as the earlier workbook showed them, kept so
// that resolved findings can be described.
type EditorColumns struct {
	Status, Editor, Note string
	Check, Message       string
}

// ErrNotWorkbook is wrapped by ReadPrevious when the file opens but is not
// a quoteaudit workbook.
var ErrNotWorkbook = errors.New("not a quoteaudit workbook")

// ReadPrevious reads the editor's columns from the Findings sheet of a
// workbook Write made earlier. Columns are found by their header, so an
// editor may reorder or add columns.
func ReadPrevious(path string) (*Previous, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("read previous workbook %s: %w", path, err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), SheetFindings) {
		return nil, fmt.Errorf("read previous workbook %s: %w: it has no %s sheet", path, ErrNotWorkbook, SheetFindings)
	}
	rows, err := f.Rows(SheetFindings)
	if err != nil {
		return nil, fmt.Errorf("read previous workbook %s: %w", path, err)
	}
	defer rows.Close()
	col := map[string]int{}
	if rows.Next() {
		header, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("read previous workbook %s: header: %w", path, err)
		}
		for i, h := range header {
			h = strings.TrimSpace(h)
			if _, dup := col[h]; !dup {
				col[h] = i
			}
		}
	}
	for _, need := range []string{"ID", "Status", "Editor", "Note"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("read previous workbook %s: %w: its %s sheet has no %q column", path, ErrNotWorkbook, SheetFindings, need)
		}
	}
	raw := func(cells []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(cells) {
			return ""
		}
		return cells[i]
	}
	get := func(cells []string, name string) string { return strings.TrimSpace(raw(cells, name)) }
	p := &Previous{Path: path, Rows: map[string]EditorColumns{}}
	for n := 2; rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("read previous workbook %s: row %d: %w", path, n, err)
		}
		id := get(cells, "ID")
		if id == "" {
			continue
		}
		p.Rows[id] = EditorColumns{
			Status: canonicalStatus(get(cells, "Status")), Editor: get(cells, "Editor"), Note: raw(cells, "Note"),
			Check: get(cells, "Check"), Message: get(cells, "Message"),
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("read previous workbook %s: %w", path, err)
	}
	return p, nil
}

// canonicalStatus spells a status typed by hand ("false positive ") as the
// drop-down does; anything else is kept as the editor wrote it.
func canonicalStatus(s string) string {
	for _, st := range Statuses() {
		if strings.EqualFold(s, st) {
			return st
		}
	}
	return s
}
