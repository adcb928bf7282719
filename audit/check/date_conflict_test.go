package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestDateConflict(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "Thursday, December 04, 2025\n\nRussia recognises the Taliban\n\nJuly 8, 2025\nBody.\n")
	fx.addDoc("S2", "b.txt", "July 8, 2025\nBody.\n")
	fx.source("S1").Dates = []result.Date{
		{Text: "Thursday, December 04, 2025", ISO: "2025-12-04", Line: 1, Column: 1},
		{Text: "July 8, 2025", ISO: "2025-07-08", Line: 5, Column: 1},
		{Text: "8 July", Line: 6, Column: 1},                         // no ISO: not compared
		{Text: "8 July 2025", ISO: "2025-07-08", Line: 6, Column: 1}, // same as the second: reported once
	}
	fx.source("S2").Dates = []result.Date{
		{Text: "July 8, 2025", ISO: "2025-07-08", Line: 1, Column: 1},
		{Text: "8 July 2025", ISO: "2025-07-08", Line: 2, Column: 1},
	}
	fs := fx.run(dateConflict())
	wantFindings(t, fs, `
warning S1:5:1  | July 8, 2025 | The source gives two dates: "Thursday, December 04, 2025" (2025-12-04) and "July 8, 2025" (2025-07-08).
`)
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Line != 1 || fs[0].Related[0].Path != "a.txt") {
		t.Errorf("related: %+v", fs[0].Related)
	}
}
