package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDocument asserts the invariants every reader promises: paragraph
// spans inside Text, ordered, non-overlapping, non-empty and trimmed;
// positions valid and never going backwards; counts consistent.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	prev := 0
	for i, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(d.Text) {
			t.Fatalf("paragraph %d span %v out of order or outside text (len %d, previous end %d)", i, p, len(d.Text), prev)
		}
		s := d.Slice(p)
		if trimBlank(s) != s {
			t.Fatalf("paragraph %d %q not trimmed", i, s)
		}
		prev = p.End
	}
	if d.Header < 0 || d.Header > len(d.Text) {
		t.Fatalf("header %d outside text", d.Header)
	}
	if d.Meta.Paragraphs != len(d.Paragraphs) {
		t.Fatalf("Meta.Paragraphs = %d, want %d", d.Meta.Paragraphs, len(d.Paragraphs))
	}
	if d.Meta.Words != countWords(d.Text) {
		t.Fatalf("Meta.Words = %d, want %d", d.Meta.Words, countWords(d.Text))
	}
	if d.Meta.ID != "" {
		t.Fatalf("Meta.ID = %q, want empty", d.Meta.ID)
	}
	pl, pc := 0, 0
	step := 1
	for off := 0; off <= len(d.Text); off += step {
		if off > 4000 {
			step = 97 // long texts: sample
		}
		if off < len(d.Text) && !utf8.RuneStart(d.Text[off]) {
			continue
		}
		l, c := d.Position(off)
		if l < 1 || c < 1 {
			t.Fatalf("Position(%d) = %d:%d", off, l, c)
		}
		if l < pl || l == pl && c < pc {
			t.Fatalf("Position(%d) = %d:%d goes back from %d:%d", off, l, c, pl, pc)
		}
		pl, pc = l, c
	}
	for _, dt := range d.Meta.Dates {
		if dt.Line < 1 || dt.Column < 1 || dt.Text == "" {
			t.Fatalf("bad date %+v", dt)
		}
	}
}

// fuzzRead is the body of the fuzz targets: reading never panics, is
// deterministic, and gives a valid Document or a *SkipError.
func fuzzRead(t *testing.T, path string, data []byte) {
	d1, err1 := ReadBytes(path, data)
	d2, err2 := ReadBytes(path, data)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("two reads disagree: %v / %v", err1, err2)
	}
	if err1 != nil {
		var se *SkipError
		if !errors.As(err1, &se) || se.Reason == "" {
			t.Fatalf("error %v is not a *SkipError with a reason", err1)
		}
		if err1.Error() != err2.Error() {
			t.Fatalf("two reads disagree: %v / %v", err1, err2)
		}
		return
	}
	if d1.Text != d2.Text || !reflect.DeepEqual(d1.Paragraphs, d2.Paragraphs) || !reflect.DeepEqual(d1.Meta, d2.Meta) || !reflect.DeepEqual(d1.anchors, d2.anchors) {
		t.Fatalf("two reads differ")
	}
	if !utf8.ValidString(d1.Text) {
		t.Fatalf("text is not valid UTF-8: %q", d1.Text)
	}
	checkDocument(t, d1)
}

// makeDOCX builds a .docx in memory with the given document.xml body
// (the inside of w:body) and, if title is not empty, docProps/core.xml.
func makeDOCX(t testing.TB, body, title string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`+body+`</w:body></w:document>`)
	if title != "" {
		add("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`+title+`</dc:title><dc:creator>Office User</dc:creator></cp:coreProperties>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// para builds a w:p with one run per piece of text.
func para(pieces ...string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>")
	for _, p := range pieces {
		b.WriteString(`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + p + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// skipReason returns the reason of a *SkipError, or fails.
func skipReason(t *testing.T, err error) string {
	t.Helper()
	var se *SkipError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a *SkipError", err)
	}
	return se.Reason
}

// posOf returns the line:col of the first occurrence of sub in d.Text.
func posOf(t *testing.T, d *Document, sub string) (int, int) {
	t.Helper()
	i := strings.Index(d.Text, sub)
	if i < 0 {
		t.Fatalf("%q not in text %q", sub, d.Text)
	}
	return d.Position(i)
}
