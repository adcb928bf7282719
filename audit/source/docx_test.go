package source

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestDOCX(t *testing.T) {
	body := para("Mayor opens new bridge") +
		para("By Clara ", "Nunes") +
		para("July 8, 2025") +
		`<w:p><w:r><w:t xml:space="preserve">“It is </w:t></w:r><w:del w:id="1"><w:r><w:delText>not </w:delText></w:r></w:del>` +
		`<w:r><w:t>finished,” she said.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:t>Link text</w:t></w:r></w:p>` +
		`<w:p></w:p>` +
		`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden note. </w:t></w:r><w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>Shown</w:t></w:r></w:p>` +
		`<mc:AlternateContent><mc:Choice Requires="wps"><w:p><w:r><w:t>In a box</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>In a box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>` +
		`<w:p><w:r><w:t>First line</w:t><w:br/><w:t>second</w:t><w:tab/><w:t>tabbed</w:t></w:r></w:p>` +
		`<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`
	d, err := ReadBytes("bridge.docx", makeDOCX(t, body, "Bridge story"))
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, d.Slice(p))
	}
	want := []string{"Mayor opens new bridge", "By Clara Nunes", "July 8, 2025", "“It is finished,” she said.", "Link text", "Shown", "In a box", "First line\nsecond\ttabbed"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paragraphs %q, want %q", got, want)
	}
	if d.Meta.Title != "Bridge story" || d.Meta.Byline != "Clara Nunes" || len(d.Meta.Dates) != 1 || d.Meta.Dates[0].Line != 3 || d.Meta.Format != "docx" {
		t.Errorf("meta %+v", d.Meta)
	}
	// Positions are paragraph:column, also after a line break.
	for _, tc := range []struct {
		sub       string
		line, col int
	}{
		{"Mayor", 1, 1}, {"finished", 4, 8}, {"Link", 5, 1}, {"Shown", 6, 1}, {"In a box", 7, 1}, {"second", 8, 12}, {"tabbed", 8, 19},
	} {
		if l, c := posOf(t, d, tc.sub); l != tc.line || c != tc.col {
			t.Errorf("%q at %d:%d, want %d:%d", tc.sub, l, c, tc.line, tc.col)
		}
	}
}

func TestDOCXTitleFromText(t *testing.T) {
	d, err := ReadBytes("a.docx", makeDOCX(t, para("Short headline")+para("Body text."), ""))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Short headline" {
		t.Errorf("title %q", d.Meta.Title)
	}
}

func TestDOCXRejects(t *testing.T) {
	good := makeDOCX(t, para("Hello"), "")
	var noDoc bytes.Buffer
	zw := zip.NewWriter(&noDoc)
	w, _ := zw.Create("word/other.xml")
	w.Write([]byte("<x/>"))
	zw.Close()
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"not a zip", []byte("plain text, not a zip"), "corrupt .docx: zip: not a valid zip file"},
		{"truncated", good[:len(good)/2], "corrupt .docx: zip: not a valid zip file"},
		{"no document.xml", noDoc.Bytes(), "corrupt .docx: no word/document.xml"},
		{"bad xml", makeDOCX(t, "<w:p><w:r><w:t>unclosed", ""), "corrupt .docx: XML syntax error on line 1: element <t> closed by </body>"},
		{"no text", makeDOCX(t, "<w:p></w:p>", ""), "no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("a.docx", tt.data)
			if got := skipReason(t, err); got != tt.reason {
				t.Fatalf("reason %q, want %q", got, tt.reason)
			}
		})
	}
}

func TestDOCXZipBomb(t *testing.T) {
	// 4 MB of text compresses to a few KB; with a 64 KB limit the cap is 1.25 MB.
	body := para(strings.Repeat("a", 4<<20))
	data := makeDOCX(t, body, "")
	_, err := readBytes("bomb.docx", data, Options{MaxFileSize: 64 << 10})
	if got := skipReason(t, err); !strings.Contains(got, "decompressed") {
		t.Fatalf("reason %q, want a decompressed-size refusal", got)
	}
}
