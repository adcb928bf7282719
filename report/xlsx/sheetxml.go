package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetXML writes the worksheet part of a list sheet straight into its
// entry of the archive. It writes what excelize's StreamWriter writes for
// the calls writeList used to make (SetColWidth, SetPanes, SetRow with
// excelize.Cell values, AutoFilter, AddDataValidation, SetCellHyperLink,
// SetPageLayout), byte for byte: TestListSheetsAsStreamWriter compares the
// two. It costs a fraction: excelize escapes each string through a
// strings.Builder and a regular expression, boxes and formats each cell,
// and looks each new hyperlink up among all the sheet's others.
//
// Values are those list rows carry: nil (an empty, styled cell), strings,
// numbers, booleans and times, written as excelize writes them.
type sheetXML struct {
	out io.Writer
	b   []byte // pending output
	err error  // the first write error
	// row is the current row's number in decimal, written in each of its
	// cells' references.
	row []byte
}

// sheetXMLFlushAt is how much output is gathered before it is written.
const sheetXMLFlushAt = 64 << 10

// worksheetStart is the XML declaration and root element excelize's
// StreamWriter writes, then the dimension excelize's new sheets carry.
const worksheetStart = xml.Header + `<worksheet` + worksheetNamespaces + `><dimension ref="A1"></dimension>`

// worksheetNamespaces are the root element's attributes as excelize
// v2.11.0 writes them (its templateNamespaceIDMap).
const worksheetNamespaces = ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:ap="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:op="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing" xmlns:comp="http://schemas.openxmlformats.org/drawingml/2006/compatibility" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:lc="http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xne="http://schemas.microsoft.com/office/excel/2006/main" xmlns:mso="http://schemas.microsoft.com/office/2006/01/customui" xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" xmlns:cppr="http://schemas.microsoft.com/office/2006/coverPageProps" xmlns:cdip="http://schemas.microsoft.com/office/2006/customDocumentInformationPanel" xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType" xmlns:ntns="http://schemas.microsoft.com/office/2006/metadata/customXsn" xmlns:lp="http://schemas.microsoft.com/office/2006/metadata/longProperties" xmlns:ma="http://schemas.microsoft.com/office/2006/metadata/properties/metaAttributes" xmlns:msink="http://schemas.microsoft.com/ink/2010/main" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart" xmlns:cdr14="http://schemas.microsoft.com/office/drawing/2010/chartDrawing" xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" xmlns:pic14="http://schemas.microsoft.com/office/drawing/2010/picture" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xdr14="http://schemas.microsoft.com/office/excel/2010/spreadsheetDrawing" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:dsp="http://schemas.microsoft.com/office/drawing/2008/diagram" xmlns:mso14="http://schemas.microsoft.com/office/2009/07/customui" xmlns:dgm14="http://schemas.microsoft.com/office/drawing/2010/diagram" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x12ac="http://schemas.microsoft.com/office/spreadsheetml/2011/1/ac" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xmlns:xr4="http://schemas.microsoft.com/office/spreadsheetml/2016/revision4" xmlns:xr5="http://schemas.microsoft.com/office/spreadsheetml/2016/revision5" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr7="http://schemas.microsoft.com/office/spreadsheetml/2016/revision7" xmlns:xr8="http://schemas.microsoft.com/office/spreadsheetml/2016/revision8" xmlns:xr9="http://schemas.microsoft.com/office/spreadsheetml/2016/revision9" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr11="http://schemas.microsoft.com/office/spreadsheetml/2016/revision11" xmlns:xr12="http://schemas.microsoft.com/office/spreadsheetml/2016/revision12" xmlns:xr13="http://schemas.microsoft.com/office/spreadsheetml/2016/revision13" xmlns:xr14="http://schemas.microsoft.com/office/spreadsheetml/2016/revision14" xmlns:xr15="http://schemas.microsoft.com/office/spreadsheetml/2016/revision15" xmlns:x16="http://schemas.microsoft.com/office/spreadsheetml/2014/11/main" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" mc:Ignorable="c14 cdr14 a14 pic14 x14 xdr14 x14ac dsp mso14 dgm14 x15 x12ac x15ac xr xr2 xr3 xr4 xr5 xr6 xr7 xr8 xr9 xr10 xr11 xr12 xr13 xr14 xr15 x15 x16 x16r2 mo mx mv o v" xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xr:uid="{00000000-0001-0000-0000-000000000000}"`

// frozenHeader is the view of every list: the header row frozen, the
// cursor below it.
const frozenHeader = `<sheetViews><sheetView workbookViewId="0"><pane activePane="bottomLeft" state="frozen" topLeftCell="A2" ySplit="1"></pane>` +
	`<selection activeCell="A2" pane="bottomLeft" sqref="A2"></selection></sheetView></sheetViews>`

func (x *sheetXML) flush() {
	if x.err == nil && len(x.b) > 0 {
		_, x.err = x.out.Write(x.b)
	}
	x.b = x.b[:0]
}

// start writes everything before the first row: the root, the frozen
// header view and the column widths.
func (x *sheetXML) start(widths []float64) {
	x.b = append(x.b, worksheetStart...)
	x.b = append(x.b, frozenHeader...)
	if len(widths) > 0 {
		x.b = append(x.b, "<cols>"...)
		for i, w := range widths {
			x.b = append(x.b, `<col min="`...)
			x.b = strconv.AppendInt(x.b, int64(i+1), 10)
			x.b = append(x.b, `" max="`...)
			x.b = strconv.AppendInt(x.b, int64(i+1), 10)
			x.b = append(x.b, `" width="`...)
			x.b = strconv.AppendFloat(x.b, w, 'f', -1, 64)
			x.b = append(x.b, `" customWidth="1"/>`...)
		}
		x.b = append(x.b, "</cols>"...)
	}
	x.b = append(x.b, "<sheetData>"...)
}

// startRow opens row r (1-based); a height of 0 leaves it to the reader.
func (x *sheetXML) startRow(r int, height float64) {
	x.row = strconv.AppendInt(x.row[:0], int64(r), 10)
	x.b = append(x.b, `<row r="`...)
	x.b = append(x.b, x.row...)
	x.b = append(x.b, '"')
	if height > 0 {
		x.b = append(x.b, ` ht="`...)
		x.b = strconv.AppendFloat(x.b, height, 'f', -1, 64)
		x.b = append(x.b, `" customHeight="1"`...)
	}
	x.b = append(x.b, '>')
}

func (x *sheetXML) endRow() {
	x.b = append(x.b, "</row>"...)
	if len(x.b) >= sheetXMLFlushAt {
		x.flush()
	}
}

// appendCellStart appends the start of the cell in column col (letters)
// of row (its number in decimal) with style s, up to its type.
func appendCellStart(b []byte, col string, row []byte, s int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, col...)
	b = append(b, row...)
	b = append(b, '"')
	if s != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(s), 10)
		b = append(b, '"')
	}
	return b
}

// text writes a text cell: cell(col, s, v) without boxing v.
func (x *sheetXML) text(col string, s int, v string) {
	x.b = appendInlineStr(appendCellStart(x.b, col, x.row, s), v)
}

// cell writes the cell in column col (letters) of the current row (see
// startRow) with style s.
func (x *sheetXML) cell(col string, s int, v any) {
	b := appendCellStart(x.b, col, x.row, s)
	switch v := v.(type) {
	case nil:
		b = append(b, "></c>"...)
	case string:
		b = appendInlineStr(b, v)
	case []byte:
		b = appendInlineStr(b, string(v))
	case bool:
		if v {
			b = append(b, ` t="b"><v>1</v></c>`...)
		} else {
			b = append(b, ` t="b"><v>0</v></c>`...)
		}
	case int:
		b = strconv.AppendInt(append(b, "><v>"...), int64(v), 10)
		b = append(b, "</v></c>"...)
	case int8, int16, int32, int64:
		b = strconv.AppendInt(append(b, "><v>"...), reflect.ValueOf(v).Int(), 10)
		b = append(b, "</v></c>"...)
	case uint, uint8, uint16, uint32, uint64:
		b = strconv.AppendUint(append(b, "><v>"...), reflect.ValueOf(v).Uint(), 10)
		b = append(b, "</v></c>"...)
	case float64:
		b = appendFloat(b, v, 64)
	case float32:
		b = appendFloat(b, float64(v), 32)
	case time.Duration:
		b = strconv.AppendFloat(append(b, "><v>"...), v.Seconds()/86400, 'f', -1, 32)
		b = append(b, "</v></c>"...)
	case time.Time:
		if serial := excelTime(v); serial > 0 {
			b = strconv.AppendFloat(append(b, "><v>"...), serial, 'f', -1, 64)
			b = append(b, "</v></c>"...)
		} else {
			b = appendInlineStr(b, v.Format(time.RFC3339Nano))
		}
	default:
		b = appendInlineStr(b, fmt.Sprint(v))
	}
	x.b = b
}

// appendFloat appends the rest of a number cell, or of a text cell for a
// value that is not a number.
func appendFloat(b []byte, v float64, bits int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return appendInlineStr(b, fmt.Sprint(v))
	}
	b = strconv.AppendFloat(append(b, "><v>"...), v, 'f', -1, bits)
	return append(b, "</v></c>"...)
}

// appendInlineStr appends the rest of an inline string cell holding s:
// cut to what a cell holds, spaces at either end kept, escaped.
func appendInlineStr(b []byte, s string) []byte {
	if len(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if n := len(s); n > 0 && (isXMLSpace(s[0]) || isXMLSpace(s[n-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	start := len(b)
	b = appendEscaped(b, s, false)
	if strings.Contains(s, "_x") { // escaping neither makes nor breaks "_x"
		esc := keepExcelEscapes(string(b[start:]))
		b = append(b[:start], esc...)
	}
	return append(b, "</t></is></c>"...)
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// truncateUTF16 cuts s after n UTF-16 units.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// escapeByte marks the bytes appendEscaped must look at: XML's special
// characters, control characters and the start of multi-byte runes.
var escapeByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 || c >= utf8.RuneSelf
	}
	for _, c := range `"'&<>` {
		t[c] = true
	}
	return t
}()

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes it,
// but for newlines, which are kept unless escapeNewline: excelize escapes
// cell text with EscapeText and then turns "&#xA;" back into newlines.
func appendEscaped(b []byte, s string, escapeNewline bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !escapeByte[c] {
			i++
			continue
		}
		var esc string
		width := 1
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !escapeNewline {
				i++
				continue
			}
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if c < utf8.RuneSelf { // another control character
				esc = "\uFFFD"
				break
			}
			if n := validRuneLen(s, i); n > 0 {
				i += n
				continue
			}
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && width == 1 || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// validRuneLen is the length of the rune starting at s[i] when it is a
// valid two- or three-byte sequence that needs no escaping, without
// decoding it: the common accented letters, punctuation and symbols
// (curly quotes, dashes) of news text. It is 0 for anything else
// (sequences with a restricted second byte, four-byte runes, invalid
// bytes, U+FFFE and U+FFFF), which appendEscaped decodes.
func validRuneLen(s string, i int) int {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			!(c == 0xEF && s[i+1] == 0xBF && s[i+2] >= 0xBE) {
			return 3
		}
	}
	return 0
}

// keepExcelEscapes makes text that Excel would read as one of its escaped
// characters (_xHHHH_, H a hex digit) read as written, by escaping its
// underscore as _x005F. It gives what excelize writes for the same cell,
// quirks included, so that the sheets stay byte-identical to excelize's
// (TestListValuesAsStreamWriter and FuzzListText compare with excelize
// itself):
//   - "_x005F_" becomes "_x005F_x005F_", or "_x005F_x005F_x005F_" when
//     "xHHHH_" follows it;
//   - any other _xHHHH_ gets "_x005F" in front;
//   - an _xHHHH_ whose code is a UTF-16 surrogate (D800–DFFF) is left
//     out, as excelize leaves it out.
//
// Sequences are found left to right without overlapping.
func keepExcelEscapes(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+7 <= len(s); {
		if !excelEscapeAt(s, i) {
			i++
			continue
		}
		b.WriteString(s[last:i])
		switch {
		case s[i:i+7] == "_x005F_":
			b.WriteString("_x005F_x005F_")
			if i+13 <= len(s) && s[i+7] == 'x' && s[i+12] == '_' && hexCodeNotSurrogate(s[i+8:i+12]) {
				b.WriteString("x005F_")
			}
		case hexCodeNotSurrogate(s[i+2 : i+6]):
			b.WriteString("_x005F")
			b.WriteString(s[i : i+7])
		}
		i += 7
		last = i
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// excelEscapeAt reports whether s[i:] starts with _xHHHH_.
func excelEscapeAt(s string, i int) bool {
	return i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6])
}

func isHex4(h string) bool {
	for k := range 4 {
		c := h[k]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// hexCodeNotSurrogate reports whether the four hex digits h are a code
// point outside the UTF-16 surrogates.
func hexCodeNotSurrogate(h string) bool {
	if !isHex4(h) {
		return false
	}
	v, _ := strconv.ParseUint(h, 16, 32)
	return v < 0xD800 || v > 0xDFFF
}

// Excel's 1900 date system: day 1 is 1 January 1900, and Excel counts a
// 29 February 1900 that never was, so from 1 March 1900 on a serial
// number is one more than the days elapsed.
var (
	excelEpoch      = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelLeapBugEnd = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

const day = 24 * time.Hour

// excelTime is t's serial number in the 1900 date system, read on t's
// wall clock: whole days since excelEpoch plus the fraction of the day,
// the value excelize writes for a time; 0 before 1900. Whole days are
// counted in seconds, so dates past the year 2192 (where a Duration
// overflows) come out right too.
func excelTime(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if wall.Before(excelEpoch) {
		return 0
	}
	secs := wall.Unix() - excelEpoch.Unix()
	days := secs / 86400
	rem := time.Duration(secs%86400)*time.Second + time.Duration(wall.Nanosecond())
	serial := float64(days) + float64(rem)/float64(day)
	if wall.After(excelLeapBugEnd) {
		serial++
	}
	return serial
}

// sheetLink is a hyperlink from a cell to a place in the workbook.
type sheetLink struct {
	col      string
	row      int
	location string
}

// end writes everything after the last row: the autofilter over ref
// ("A1:P39"), the drop-down (or nil), the links and the page setup.
func (x *sheetXML) end(filter string, dv *excelize.DataValidation, links []sheetLink) {
	x.b = append(x.b, "</sheetData>"...)
	x.b = append(x.b, `<autoFilter ref="`...)
	x.b = appendEscaped(x.b, filter, true)
	x.b = append(x.b, `"></autoFilter>`...)
	if dv != nil {
		v := xmlDataValidation{
			AllowBlank: dv.AllowBlank, Error: dv.Error, ErrorStyle: dv.ErrorStyle, ErrorTitle: dv.ErrorTitle,
			Operator: dv.Operator, Prompt: dv.Prompt, PromptTitle: dv.PromptTitle, ShowDropDown: dv.ShowDropDown,
			ShowErrorMessage: dv.ShowErrorMessage, ShowInputMessage: dv.ShowInputMessage, Sqref: dv.Sqref, Type: dv.Type,
		}
		if dv.Formula1 != "" {
			v.Formula1 = &xmlInner{Content: dv.Formula1}
		}
		if dv.Formula2 != "" {
			v.Formula2 = &xmlInner{Content: dv.Formula2}
		}
		data, err := xml.Marshal(xmlDataValidations{Count: 1, DataValidation: []xmlDataValidation{v}})
		if err != nil && x.err == nil {
			x.err = err
		}
		x.b = append(x.b, data...)
	}
	if len(links) > 0 {
		x.b = append(x.b, "<hyperlinks>"...)
		for _, l := range links {
			x.b = append(x.b, `<hyperlink ref="`...)
			x.b = append(x.b, l.col...)
			x.b = strconv.AppendInt(x.b, int64(l.row), 10)
			x.b = append(x.b, `" location="`...)
			x.b = appendEscaped(x.b, l.location, true)
			x.b = append(x.b, `"></hyperlink>`...)
			if len(x.b) >= sheetXMLFlushAt {
				x.flush()
			}
		}
		x.b = append(x.b, "</hyperlinks>"...)
	}
	x.b = append(x.b, `<pageSetup orientation="landscape"></pageSetup></worksheet>`...)
	x.flush()
}

// xmlDataValidations and xmlDataValidation are excelize's
// xlsxDataValidations and xlsxDataValidation, as far as a drop-down needs.
type xmlDataValidations struct {
	XMLName        xml.Name            `xml:"dataValidations"`
	Count          int                 `xml:"count,attr,omitempty"`
	DataValidation []xmlDataValidation `xml:"dataValidation"`
}

type xmlDataValidation struct {
	AllowBlank       bool      `xml:"allowBlank,attr"`
	Error            *string   `xml:"error,attr"`
	ErrorStyle       *string   `xml:"errorStyle,attr"`
	ErrorTitle       *string   `xml:"errorTitle,attr"`
	Operator         string    `xml:"operator,attr,omitempty"`
	Prompt           *string   `xml:"prompt,attr"`
	PromptTitle      *string   `xml:"promptTitle,attr"`
	ShowDropDown     bool      `xml:"showDropDown,attr,omitempty"`
	ShowErrorMessage bool      `xml:"showErrorMessage,attr,omitempty"`
	ShowInputMessage bool      `xml:"showInputMessage,attr,omitempty"`
	Sqref            string    `xml:"sqref,attr"`
	Type             string    `xml:"type,attr,omitempty"`
	Formula1         *xmlInner `xml:"formula1"`
	Formula2         *xmlInner `xml:"formula2"`
}

type xmlInner struct {
	Content string `xml:",innerxml"`
}
