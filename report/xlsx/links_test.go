package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/report/internal/sample"
	"github.com/xuri/excelize/v2"
)

// TestLinkCap shows links stopping at the cap, the text staying, and the
// Summary saying so.
func TestLinkCap(t *testing.T) {
	r := sample.Large(10) // 40 findings, each about a quote
	var buf bytes.Buffer
	if err := write(&buf, r, Options{}, limits{maxLinks: 25, maxRows: maxRows}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for row := 2; row <= 41; row++ {
		cell := fmt.Sprintf("M%d", row)
		ok, _, err := f.GetCellHyperLink(SheetFindings, cell)
		if err != nil {
			t.Fatal(err)
		}
		if want := row <= 26; ok != want {
			t.Errorf("%s linked = %v, want %v", cell, ok, want)
		}
		if v, _ := f.GetCellValue(SheetFindings, cell); !strings.Contains(v, "-Q") {
			t.Errorf("%s lost its quote ID: %q", cell, v)
		}
	}
	rows, _ := f.GetRows(SheetSummary)
	if !strings.Contains(fmt.Sprint(rows), "Links to other sheets stop after 25 rows on Findings") {
		t.Error("summary does not say that links were capped")
	}
}

// A sheet stops at the row cap (a worksheet holds 1,048,576 rows) and the
// Summary says which sheets stop and where.
func TestRowCap(t *testing.T) {
	r := sample.Large(10) // 40 findings
	var buf bytes.Buffer
	if err := write(&buf, r, Options{}, limits{maxLinks: maxLinks, maxRows: 30}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetFindings)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 31 {
		t.Errorf("Findings has %d rows, want the header and 30", len(rows))
	}
	summary, _ := f.GetRows(SheetSummary)
	if !strings.Contains(fmt.Sprint(summary), "Findings (30 of 40 rows)") {
		t.Errorf("the Summary does not say where Findings stops:\n%v", summary)
	}
}
