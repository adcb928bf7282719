package source

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func addFixtures(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sources", pattern))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func FuzzReadTXT(f *testing.F) {
	addFixtures(f, "*.txt")
	for _, s := range []string{"", " \u00a0\n", "By: A B\r\nJuly 8, 2025\r\n\"x\" he said", "a\x00b\nc", "\xef\xbb\xbfBOM\r\rx", "\xff\xfeA\x00\n\x00", "caf\xe9 \xe2\x80\x9cok\xe2\x80\x9d"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.txt", data)
		// Valid UTF-8 without NULs is kept byte for byte.
		if d, err := ReadBytes("f.txt", data); err == nil && d.Meta.Encoding != "utf-16le" && d.Meta.Encoding != "utf-16be" &&
			utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && d.Text != string(data) {
			t.Fatalf("text %q is not the file %q", d.Text, data)
		}
	})
}

func FuzzReadMarkdown(f *testing.F) {
	addFixtures(f, "*.md")
	for _, s := range []string{"# T\n\n*a* [b](c) ![d](e)\n> \"q\"", "---\ntitle: x\n---\n", "```\nx\n", "<!-- a\nb -->c", "[a](b", "\\*x\\* __y__ `z`", "- [ ] task\n1. one"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.md", data) })
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, "*.html")
	for _, s := range []string{"<p>a &amp; b</p>", "<article><p>x<br>y</article>", "<meta charset=windows-1252><p>caf\xe9</p>", "<nav><p>a</nav><p>b", "&#0;&#xFFFFFFF;&bogus;", "<time datetime=\"2025-13-45\">"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.html", data) })
}

func FuzzReadDOCX(f *testing.F) {
	f.Add(makeDOCX(f, para("Title")+para("Hello ", "world")+`<w:p><w:r><w:t>a</w:t><w:br/><w:tab/><w:t>b</w:t></w:r></w:p>`, "T"))
	f.Add(makeDOCX(f, `<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>kept</w:t></w:r></w:p>`, ""))
	f.Add([]byte("PK\x03\x04 not really"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.docx", data) })
}
