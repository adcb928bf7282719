package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// styles are the workbook's cell styles by role.
type styles struct {
	header, editorHeader      int
	text, wrap, link          int
	sevError, sevWarning      int
	sevInfo                   int
	editor                    int
	similarity, date, number  int
	title, label, verdict     int
	sectionHeader, totalLabel int
}

// Severity fills: light fill, dark text of the same hue (Excel's "Bad",
// "Neutral" and a blue for info). The severity is also written as text.
const (
	fillError   = "FFC7CE"
	fillWarning = "FFEB9C"
	fillInfo    = "DDEBF7"
	fillEditor  = "E2EFDA"
	fillHeader  = "D9D9D9"
)

func newStyles(f *excelize.File) (styles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(c string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
	}
	bottom := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	numFmt := func(s string) *string { return &s }
	defs := []struct {
		dst *int
		s   excelize.Style
	}{}
	var st styles
	add := func(dst *int, s excelize.Style) {
		defs = append(defs, struct {
			dst *int
			s   excelize.Style
		}{dst, s})
	}
	add(&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(fillHeader), Border: bottom, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&st.editorHeader, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("A9D08E"), Border: bottom, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&st.text, excelize.Style{Alignment: top})
	add(&st.wrap, excelize.Style{Alignment: wrapTop})
	add(&st.link, excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: top})
	add(&st.sevError, excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: fill(fillError), Alignment: top})
	add(&st.sevWarning, excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C5700"}, Fill: fill(fillWarning), Alignment: top})
	add(&st.sevInfo, excelize.Style{Font: &excelize.Font{Color: "1F4E78"}, Fill: fill(fillInfo), Alignment: top})
	add(&st.editor, excelize.Style{Fill: fill(fillEditor), Alignment: wrapTop, Border: []excelize.Border{{Type: "left", Color: "A9D08E", Style: 1}}})
	add(&st.similarity, excelize.Style{CustomNumFmt: numFmt("0.00"), Alignment: top})
	add(&st.date, excelize.Style{CustomNumFmt: numFmt("yyyy-mm-dd"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	add(&st.number, excelize.Style{Alignment: top})
	add(&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	add(&st.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	add(&st.verdict, excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: wrapTop})
	add(&st.sectionHeader, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Border: bottom})
	add(&st.totalLabel, excelize.Style{Font: &excelize.Font{Bold: true}, Border: []excelize.Border{{Type: "top", Color: "808080", Style: 1}}})
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return st, fmt.Errorf("style: %w", err)
		}
		*d.dst = id
	}
	return st, nil
}

// dateTimeStyle is created on demand by the summary (one cell).
func dateTimeStyle(f *excelize.File) (int, error) {
	s := "yyyy-mm-dd hh:mm \"UTC\""
	return f.NewStyle(&excelize.Style{CustomNumFmt: &s, Alignment: &excelize.Alignment{Horizontal: "left"}})
}
