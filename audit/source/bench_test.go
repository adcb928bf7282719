package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusFiles lists the BBC research corpus, or skips.
func corpusFiles(b *testing.B) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "bbc-news", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC corpus not available")
	}
	return files
}

// BenchmarkRead reads the whole BBC corpus (2,225 articles) per iteration.
func BenchmarkRead(b *testing.B) {
	files := corpusFiles(b)
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if _, err := Read(f, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadBytes parses the corpus from memory: the reader's own
// cost, without the file system.
func BenchmarkReadBytes(b *testing.B) {
	files := corpusFiles(b)
	data := make([][]byte, len(files))
	var size int64
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data[i]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, f := range files {
			if _, err := ReadBytes(f, data[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWalk expands the corpus folder.
func BenchmarkWalk(b *testing.B) {
	files := corpusFiles(b)
	dir := filepath.Dir(files[0])
	for b.Loop() {
		got, _, err := Walk([]string{dir}, nil)
		if err != nil || len(got) != len(files) {
			b.Fatalf("%d files, %v", len(got), err)
		}
	}
}

// BenchmarkFormats reads one article-sized input in each format.
func BenchmarkFormats(b *testing.B) {
	para := strings.Repeat("“We will not stop,” said the minister, who spoke to reporters on Friday. ", 8)
	var txt, md, htm, docxBody strings.Builder
	txt.WriteString("Headline\n\nBy: A Writer\nJuly 8, 2025\n\n")
	md.WriteString("---\ntitle: Headline\n---\n# Headline\n\n")
	htm.WriteString("<html><head><title>Headline</title></head><body><nav>x</nav><article>")
	for i := 0; i < 40; i++ {
		txt.WriteString(para + "\n\n")
		md.WriteString("*" + para + "* [link](http://x)\n\n")
		htm.WriteString("<p>" + strings.ReplaceAll(para, "“", "&ldquo;") + "</p>\n")
		docxBody.WriteString(`<w:p><w:r><w:t>` + para + `</w:t></w:r></w:p>`)
	}
	htm.WriteString("</article></body></html>")
	inputs := map[string][]byte{
		"a.txt": []byte(txt.String()), "a.md": []byte(md.String()), "a.html": []byte(htm.String()),
		"a.docx": makeDOCX(b, docxBody.String(), "Headline"),
	}
	for _, name := range []string{"a.txt", "a.md", "a.html", "a.docx"} {
		data := inputs[name]
		b.Run(filepath.Ext(name)[1:], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadBytes(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHostile reads 1 MB inputs built to defeat naive parsers: one
// line of unmatched brackets, backticks, tags and entities. Each must stay
// linear (compare ns/op per byte with BenchmarkFormats).
func BenchmarkHostile(b *testing.B) {
	const n = 1 << 20
	inputs := []struct{ name, path, data string }{
		{"md-brackets", "a.md", strings.Repeat("[", n)},
		{"md-link-text", "a.md", strings.Repeat("[a](", n/4)},
		{"md-backticks", "a.md", strings.Repeat("`` ` ", n/5)},
		{"md-emphasis", "a.md", strings.Repeat("*_~", n/3)},
		{"md-tags", "a.md", strings.Repeat("<a ", n/3)},
		{"html-entities", "a.html", strings.Repeat("&amp;&#1;&bogus", n/15)},
		{"html-nesting", "a.html", strings.Repeat("<div><span>x", n/12)},
		{"txt-one-line", "a.txt", strings.Repeat("word ", n/5)},
		{"txt-dates", "a.txt", strings.Repeat("By July 8, 2025\n", n/16)},
	}
	for _, in := range inputs {
		data := []byte(in.data)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ReadBytes(in.path, data)
			}
		})
	}
}

// BenchmarkCountWords counts the words of the BBC corpus's texts.
func BenchmarkCountWords(b *testing.B) {
	var texts []string
	var size int64
	for _, f := range corpusFiles(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, t := range texts {
			countWords(t)
		}
	}
}
