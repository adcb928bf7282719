package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestMissingBylineAndDate(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "Refugees wait at the border\nWritten by:\nThe camp is full.\n")
	fx.addDoc("S2", "b.txt", "Talks resume\nBy Jane Roe\nMarch 3, 2025\nThe talks resumed.\n")
	fx.source("S1").Title = "Refugees wait at the border"
	s2 := fx.source("S2")
	s2.Title, s2.Byline = "Talks resume", "Jane Roe"
	s2.Dates = []result.Date{{Text: "March 3, 2025", ISO: "2025-03-03", Line: 3, Column: 1}}
	wantFindings(t, fx.run(missingByline()), `
warning S1:1:1  | Refugees wait at the border | No byline: the source does not say who wrote it.
`)
	wantFindings(t, fx.run(missingDate()), `
warning S1:1:1  | Refugees wait at the border | No date: the source does not say when it was published.
`)
	// Clean corpus: both silent.
	s1 := fx.source("S1")
	s1.Byline = "A. Writer"
	s1.Dates = s2.Dates
	wantFindings(t, fx.run(missingByline()), ``)
	wantFindings(t, fx.run(missingDate()), ``)
}
