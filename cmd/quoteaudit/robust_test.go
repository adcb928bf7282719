package main

// Robustness: every kind of bad input an editor's folder may hold is
// either audited (with a note where the tool had to guess) or skipped with
// a reason that shows in the terminal and in the JSON; broken rule files
// are clear errors; untrusted article text never acts in a report or on
// the terminal. Every input is generated here, in t.TempDir().

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// goodArticle is a plain article that always audits; it keeps the run from
// ending with "nothing to audit" so each bad input's own outcome shows.
const goodArticle = "Council backs new bridge\nBy Ana Lind\nMarch 3, 2025\n\n" +
	"“We will build it this year,” said Mayor Tom Berg.\n"

// robustRun audits the given paths with JSON and text reports into a fresh
// output folder and returns the exit code, stdout, stderr and the JSON
// result (nil when no JSON was written).
func robustRun(t *testing.T, extra []string, paths ...string) (int, string, string, *result.Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	args := append([]string{"--date", "2025-07-10", "--fail-on", "none", "-f", "json,text", "-o", out}, extra...)
	args = append(args, paths...)
	code, stdout, stderr := quoteaudit(t, args...)
	var r *result.Result
	if _, err := os.Stat(filepath.Join(out, "quoteaudit.json")); err == nil {
		r = readResult(t, filepath.Join(out, "quoteaudit.json"))
	}
	return code, stdout, stderr, r
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// findSource returns the audited source with path p, or nil.
func findSource(r *result.Result, p string) *result.Source {
	for i := range r.Sources {
		if r.Sources[i].Path == p {
			return &r.Sources[i]
		}
	}
	return nil
}

// findSkipped returns the skipped entry with path p, or nil.
func findSkipped(r *result.Result, p string) *result.Skipped {
	for i := range r.Skipped {
		if r.Skipped[i].Path == p {
			return &r.Skipped[i]
		}
	}
	return nil
}

func quotesOf(r *result.Result, s *result.Source) []result.Quote {
	var qs []result.Quote
	for _, q := range r.Quotes {
		if q.Source == s.ID {
			qs = append(qs, q)
		}
	}
	return qs
}

// wantSkipped asserts p was skipped with a reason containing reason, in
// the JSON and on the terminal, and that the run still audited the rest.
func wantSkipped(t *testing.T, code int, stdout, stderr string, r *result.Result, p, reason string) {
	t.Helper()
	if code != exitClean {
		t.Fatalf("exit %d, want 0 (the other sources were audited)\nstderr: %s", code, stderr)
	}
	if r == nil {
		t.Fatal("no JSON report")
	}
	s := findSkipped(r, p)
	if s == nil {
		t.Fatalf("%s not in skipped[]; sources %v, skipped %v", p, r.Sources, r.Skipped)
	}
	if !strings.Contains(s.Reason, reason) {
		t.Errorf("%s skipped with reason %q, want %q", p, s.Reason, reason)
	}
	if line := p + ": skipped: " + s.Reason; !strings.Contains(stdout, line) {
		t.Errorf("terminal output lacks %q:\n%s", line, stdout)
	}
	if findSource(r, p) != nil {
		t.Errorf("%s is both skipped and audited", p)
	}
	if r.Stats.Skipped != len(r.Skipped) {
		t.Errorf("stats.skipped %d, %d skipped", r.Stats.Skipped, len(r.Skipped))
	}
}

// wantAudited asserts p was audited and, when note is set, that the
// source carries a note containing it.
func wantAudited(t *testing.T, code int, stderr string, r *result.Result, p, note string) *result.Source {
	t.Helper()
	if code != exitClean {
		t.Fatalf("exit %d, want 0\nstderr: %s", code, stderr)
	}
	if r == nil {
		t.Fatal("no JSON report")
	}
	s := findSource(r, p)
	if s == nil {
		t.Fatalf("%s not audited; skipped: %v", p, r.Skipped)
	}
	if note != "" && !strings.Contains(strings.Join(s.Notes, "; "), note) {
		t.Errorf("%s notes %q, want one containing %q", p, s.Notes, note)
	}
	return s
}

// utf16Bytes encodes s as UTF-16, with or without a byte-order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// docxBytes builds a minimal Word file whose paragraphs are paras.
func docxBytes(t *testing.T, paras ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	var body strings.Builder
	for _, p := range paras {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body.String()+`</w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRobustInputs feeds one bad input at a time, beside a good article,
// and checks its outcome: audited (with a note when the tool had to
// guess), or skipped with its reason in skipped[] and on the terminal.
func TestRobustInputs(t *testing.T) {
	type outcome struct {
		skip string // skip reason (substring); "" means audited
		note string // for audited sources: a note (substring) it must carry
	}
	for _, tc := range []struct {
		name string
		file string
		data func(t *testing.T) []byte
		want outcome
		// then, when set, checks the audited source further.
		then func(t *testing.T, r *result.Result, s *result.Source, stdout string)
	}{
		{name: "empty file", file: "empty.txt",
			data: func(*testing.T) []byte { return nil },
			want: outcome{skip: "empty file"}},
		{name: "whitespace only", file: "blank.md",
			data: func(*testing.T) []byte { return []byte(" \n\t\r\n   \n\u00a0\n") },
			want: outcome{skip: "whitespace only"}},
		{name: "binary with a text extension", file: "photo.txt",
			data: func(*testing.T) []byte {
				b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
				for i := 0; i < 4096; i++ {
					b = append(b, byte(i*7), byte(i), 0, 0x01)
				}
				return b
			},
			want: outcome{skip: "binary file"}},
		{name: "a few NUL bytes", file: "nul.txt",
			data: func(*testing.T) []byte {
				return []byte("Harbour plan\n\n“We\x00 will not move the port,” said Ana Lind.\x00\nThe vote is on Monday.\n")
			},
			want: outcome{note: "NUL bytes removed"},
			then: func(t *testing.T, r *result.Result, s *result.Source, _ string) {
				for _, q := range quotesOf(r, s) {
					if strings.ContainsRune(q.Text, 0) {
						t.Errorf("quote keeps a NUL: %q", q.Text)
					}
				}
			}},
		{name: "invalid UTF-8 mid-file", file: "mixed.txt",
			data: func(*testing.T) []byte {
				return []byte("Café owners protest\n\n“We are \xff\xfe not leaving,” said Zoë Brandt.\nThe café stays open.\n")
			},
			want: outcome{note: "invalid UTF-8"}},
		{name: "UTF-16LE with BOM", file: "utf16bom.txt",
			data: func(*testing.T) []byte { return utf16Bytes(goodArticle, false, true) },
			want: outcome{},
			then: wantQuote("We will build it this year,", "utf-16le")},
		{name: "UTF-16BE with BOM", file: "utf16be.txt",
			data: func(*testing.T) []byte { return utf16Bytes(goodArticle, true, true) },
			want: outcome{},
			then: wantQuote("We will build it this year,", "utf-16be")},
		{name: "UTF-16LE without BOM", file: "utf16.txt",
			data: func(*testing.T) []byte { return utf16Bytes(goodArticle, false, false) },
			want: outcome{note: "no byte-order mark"},
			then: wantQuote("We will build it this year,", "utf-16le")},
		{name: "Windows-1252", file: "cp1252.txt",
			data: func(*testing.T) []byte {
				// \x93 \x94 are curly double quotes, \x92 an apostrophe.
				return []byte("Port deal\n\n\x93We won\x92t sign it,\x94 said Jos\xe9 Ortega.\n")
			},
			want: outcome{note: "windows-1252"},
			then: wantQuote("We won’t sign it,", "windows-1252")},
		{name: "Latin-1", file: "latin1.md",
			data: func(*testing.T) []byte {
				return []byte("# M\xfcller wins\n\n\"Das ist gut f\xfcr alle,\" said J\xfcrgen M\xfcller.\n")
			},
			want: outcome{note: "windows-1252"},
			then: wantQuote("Das ist gut für alle,", "windows-1252")},
		{name: "truncated docx", file: "cut.docx",
			data: func(t *testing.T) []byte {
				b := docxBytes(t, "“We will build it,” said Tom Berg.")
				return b[:len(b)/2]
			},
			want: outcome{skip: "corrupt .docx"}},
		{name: "corrupt docx", file: "junk.docx",
			data: func(*testing.T) []byte { return []byte("PK\x03\x04 this is not really a zip file at all") },
			want: outcome{skip: "corrupt .docx"}},
		{name: "docx without document.xml", file: "hollow.docx",
			data: func(t *testing.T) []byte {
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				w, _ := zw.Create("word/styles.xml")
				w.Write([]byte("<styles/>"))
				zw.Close()
				return buf.Bytes()
			},
			want: outcome{skip: "no word/document.xml"}},
		{name: "valid docx", file: "ok.docx",
			data: func(t *testing.T) []byte {
				return docxBytes(t, "Bridge vote", "“We will build it,” said Tom Berg.")
			},
			want: outcome{},
			then: wantQuote("We will build it,", "utf-8")},
		{name: "HTML that is mostly scripts", file: "scripts.html",
			data: func(*testing.T) []byte {
				var b strings.Builder
				b.WriteString("<!doctype html><html><head><title>Bridge vote</title>")
				for i := 0; i < 200; i++ {
					fmt.Fprintf(&b, "<script>var s%d = \"not a quote %d\"; document.write('“injected %d”');</script>\n", i, i, i)
				}
				b.WriteString("<style>p:before{content:\"“styled”\"}</style></head><body>")
				b.WriteString("<article><p>“We will build it,” said Tom Berg.</p></article>")
				b.WriteString("<script>window.x = {\"quote\": \"“tracking”\"};</script></body></html>")
				return []byte(b.String())
			},
			want: outcome{},
			then: func(t *testing.T, r *result.Result, s *result.Source, _ string) {
				wantQuote("We will build it,", "")(t, r, s, "")
				for _, q := range quotesOf(r, s) {
					if strings.Contains(q.Text, "injected") || strings.Contains(q.Text, "quote") || strings.Contains(q.Text, "styled") || strings.Contains(q.Text, "tracking") {
						t.Errorf("script or style text taken as a quote: %q", q.Text)
					}
				}
			}},
		{name: "HTML that is only scripts", file: "onlyscripts.htm",
			data: func(*testing.T) []byte {
				return []byte("<html><head><script>var a = \"“x”\";</script></head><body><script>alert(\"“y”\")</script></body></html>")
			},
			want: outcome{skip: "no text"}},
		{name: "Markdown that is all front matter", file: "frontmatter.md",
			data: func(*testing.T) []byte {
				return []byte("---\ntitle: \"Bridge vote\"\nauthor: Ana Lind\ndate: 2025-03-03\ntags: [council, \"quote: “x”\"]\n---\n")
			},
			want: outcome{skip: "no text"}},
		{name: "control, zero-width, bidi, combining characters and emoji", file: "unicode.txt",
			data: func(*testing.T) []byte {
				return []byte("Bridge \u200bvote \U0001F309\n\n" +
					"“We will\u200d build it \U0001F477\u200d\u2642\ufe0f,” said Tom Berg\u202e.\n" +
					"“Cafe\u0301 owners \u200fagree\x1b[31m and \x1b]0;pwned\x07 so do I,” said Zoe\u0308 Brandt.\n")
			},
			want: outcome{},
			then: func(t *testing.T, r *result.Result, s *result.Source, stdout string) {
				doc := quotesOf(r, s)
				if len(doc) < 2 {
					t.Errorf("want 2 quotes, got %d: %+v", len(doc), doc)
				}
				for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u200f", "\u200b"} {
					if strings.Contains(stdout, bad) {
						t.Errorf("stdout carries %q", bad)
					}
				}
			}},
		{name: "a 5,000-word quote that never closes", file: "unclosed.txt",
			data: func(*testing.T) []byte {
				var b strings.Builder
				b.WriteString("Long speech\n\nThe mayor said: “")
				for i := 0; i < 5000; i++ {
					fmt.Fprintf(&b, "word%d ", i%97)
				}
				b.WriteString("\nThe vote is on Monday.\n")
				return []byte(b.String())
			},
			want: outcome{},
			then: func(t *testing.T, r *result.Result, s *result.Source, _ string) {
				qs := quotesOf(r, s)
				if len(qs) == 0 || !qs[0].Unclosed {
					t.Errorf("want an unclosed quote, got %+v", qs)
				}
			}},
		{name: "10,000 quote marks in one paragraph", file: "marks.txt",
			data: func(*testing.T) []byte {
				marks := []string{"“", "”", "\"", "‘", "’", "'", "«", "»"}
				var b strings.Builder
				b.WriteString("Marks\n\n")
				for i := 0; i < 10000; i++ {
					b.WriteString(marks[i*7%len(marks)])
					if i%3 == 0 {
						b.WriteString("a ")
					}
				}
				b.WriteString(" said Tom Berg.\n")
				return []byte(b.String())
			},
			want: outcome{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
			p := writeFile(t, filepath.Join(dir, tc.file), tc.data(t))
			code, stdout, stderr, r := robustRun(t, nil, dir)
			if tc.want.skip != "" {
				wantSkipped(t, code, stdout, stderr, r, p, tc.want.skip)
				return
			}
			s := wantAudited(t, code, stderr, r, p, tc.want.note)
			if tc.then != nil {
				tc.then(t, r, s, stdout)
			}
			checkQuoteOffsets(t, r, s, tc.data(t))
		})
	}
}

// wantQuote checks the source has a quote with text want (and, when
// encoding is set, that encoding).
func wantQuote(want, encoding string) func(*testing.T, *result.Result, *result.Source, string) {
	return func(t *testing.T, r *result.Result, s *result.Source, _ string) {
		t.Helper()
		if encoding != "" && s.Encoding != encoding {
			t.Errorf("encoding %q, want %q", s.Encoding, encoding)
		}
		var got []string
		for _, q := range quotesOf(r, s) {
			if q.Text == want {
				return
			}
			got = append(got, q.Text)
		}
		t.Errorf("no quote %q; quotes: %q", want, got)
	}
}

// checkQuoteOffsets checks every quote's span is in range, and, for a
// UTF-8 text file read as it is, that the span is the quote's text.
func checkQuoteOffsets(t *testing.T, r *result.Result, s *result.Source, data []byte) {
	t.Helper()
	verbatim := s.Format == "txt" && s.Encoding == "utf-8" && len(s.Notes) == 0
	for _, q := range quotesOf(r, s) {
		if q.Start < 0 || q.End < q.Start || q.Line < 1 || q.Column < 1 {
			t.Errorf("quote %s has a bad span %d..%d at %d:%d", q.ID, q.Start, q.End, q.Line, q.Column)
			continue
		}
		if verbatim && (q.End > len(data) || string(data[q.Start:q.End]) != q.Text) {
			t.Errorf("quote %s: text %q is not bytes %d..%d of the file", q.ID, q.Text, q.Start, q.End)
		}
	}
}

// procReadBytes returns how many bytes this process has read through
// read(2) so far (Linux /proc/self/io rchar); ok is false elsewhere.
func procReadBytes() (n int64, ok bool) {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, found := strings.CutPrefix(line, "rchar: "); found {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// TestRobustHugeFile: a 200 MB single-line file is refused by its size,
// before a byte of it is read. The file is sparse: it begins with text
// and is extended with os.Truncate, so it costs no disk and no time.
func TestRobustHugeFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	huge := writeFile(t, filepath.Join(dir, "huge.txt"), []byte("“This line never ends,” said Tom Berg, "))
	if err := os.Truncate(huge, 200<<20); err != nil {
		t.Fatal(err)
	}
	small := writeFile(t, filepath.Join(dir, "small-limit.md"), bytes.Repeat([]byte("word "), 400))

	before, measured := procReadBytes()
	code, stdout, stderr, r := robustRun(t, nil, dir)
	after, _ := procReadBytes()
	wantSkipped(t, code, stdout, stderr, r, huge, "larger than --max-file-size (200 MB > 32 MB)")
	if measured && after-before > 50<<20 {
		t.Errorf("the run read %d MB: the huge file was read, not refused by its size", (after-before)>>20)
	}
	if !measured {
		t.Log("no /proc/self/io: not measuring the bytes read")
	}

	// A lower limit from the command line applies the same way.
	code, stdout, stderr, r = robustRun(t, []string{"--max-file-size", "1KB"}, dir)
	wantSkipped(t, code, stdout, stderr, r, small, "larger than --max-file-size (2 KB > 1 KB)")
	wantAudited(t, code, stderr, r, filepath.Join(dir, "good.txt"), "")
}

// TestRobustManyTinyFiles audits 10,000 one-line articles.
func TestRobustManyTinyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 files: skipped in -short mode")
	}
	dir := t.TempDir()
	const n = 10000
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("Note %d\n\n“Item %d is ready,” said Clerk%d Smith.\n", i, i, i%50)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("a%05d.txt", i)), []byte(body))
	}
	code, _, stderr, r := robustRun(t, []string{"-q"}, dir)
	if code != exitClean || r == nil {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if len(r.Sources) != n || len(r.Skipped) != 0 {
		t.Errorf("%d sources, %d skipped; want %d and 0", len(r.Sources), len(r.Skipped), n)
	}
	if r.Stats.Quotations != n {
		t.Errorf("%d quotations, want %d", r.Stats.Quotations, n)
	}
}

// TestRobustDeepNesting walks 200 nested folders.
func TestRobustDeepNesting(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	p := dir
	var mid string
	for i := 0; i < 200; i++ {
		p = filepath.Join(p, "d")
		if i == 99 {
			mid = filepath.Join(p, "middle.txt")
		}
	}
	deep := writeFile(t, filepath.Join(p, "deep.txt"), []byte("Deep\n\n“Down here,” said Ana Lind.\n"))
	writeFile(t, mid, []byte("Middle\n\n“Half way,” said Ana Lind.\n"))
	code, _, stderr, r := robustRun(t, nil, dir)
	wantAudited(t, code, stderr, r, deep, "")
	wantAudited(t, code, stderr, r, mid, "")
}

// TestRobustSymlinkLoops: folder loops end, file loops are skipped with
// the reason, and nothing is read twice.
func TestRobustSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	writeFile(t, filepath.Join(dir, "sub", "inner.txt"), []byte("Inner\n\n“Inside,” said Ana Lind.\n"))
	for _, l := range []struct{ target, link string }{
		{"..", filepath.Join(dir, "sub", "up")},  // a folder loop
		{".", filepath.Join(dir, "sub", "self")}, // a folder that is itself
		{"b.txt", filepath.Join(dir, "a.txt")},   // a file loop: a -> b -> a
		{"a.txt", filepath.Join(dir, "b.txt")},
		{"nowhere.txt", filepath.Join(dir, "broken.txt")},
	} {
		if err := os.Symlink(l.target, l.link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	code, stdout, stderr, r := robustRun(t, nil, dir)
	wantSkipped(t, code, stdout, stderr, r, filepath.Join(dir, "a.txt"), "symlink loop")
	wantSkipped(t, code, stdout, stderr, r, filepath.Join(dir, "b.txt"), "symlink loop")
	wantSkipped(t, code, stdout, stderr, r, filepath.Join(dir, "broken.txt"), "broken symlink")
	wantAudited(t, code, stderr, r, good, "")
	wantAudited(t, code, stderr, r, filepath.Join(dir, "sub", "inner.txt"), "")
	if len(r.Sources) != 2 {
		t.Errorf("%d sources, want 2 (each file once): %v", len(r.Sources), r.Sources)
	}
}

// TestRobustSameFileTwice: a file named twice, named and inside a named
// folder, or reached through a hard link or a symlink, is read once.
func TestRobustSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	if err := os.Link(good, filepath.Join(dir, "hardlink.txt")); err != nil {
		t.Logf("no hard links: %v", err)
	}
	if err := os.Symlink("good.txt", filepath.Join(dir, "symlink.txt")); err != nil {
		t.Logf("no symbolic links: %v", err)
	}
	code, _, stderr, r := robustRun(t, nil, good, good, dir, dir+string(filepath.Separator), filepath.Join(dir, ".", "good.txt"))
	wantAudited(t, code, stderr, r, good, "")
	if len(r.Sources) != 1 || len(r.Skipped) != 0 {
		t.Errorf("%d sources %v, skipped %v: want the one file once", len(r.Sources), r.Sources, r.Skipped)
	}
}

// TestRobustOutputInsideInput: reports written inside the audited folder
// are never audited on the next run, whichever way the folders are named;
// a folder of articles that merely shares the output folder's name is.
func TestRobustOutputInsideInput(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	good := writeFile(t, filepath.Join("in", "good.txt"), []byte(goodArticle))
	other := writeFile(t, filepath.Join("in", "sub", "report", "other.txt"), []byte("Other\n\n“Elsewhere,” said Ana Lind.\n"))
	for _, out := range []string{"in/report", "./in/report/", filepath.Join(root, "in", "report")} {
		for run := 1; run <= 2; run++ {
			code, stdout, stderr := quoteaudit(t, "--date", "2025-07-10", "--fail-on", "none", "-o", out, "in")
			if code != exitClean {
				t.Fatalf("-o %s, run %d: exit %d: %s", out, run, code, stderr)
			}
			r := readResult(t, filepath.Join(out, "quoteaudit.json"))
			if len(r.Sources) != 2 || len(r.Skipped) != 0 {
				t.Errorf("-o %s, run %d: sources %v, skipped %v: want only the articles", out, run, r.Sources, r.Skipped)
			}
			if findSource(r, good) == nil || findSource(r, other) == nil {
				t.Errorf("-o %s, run %d: articles not audited: %v", out, run, r.Sources)
			}
			if strings.Contains(stdout, "skipped") {
				t.Errorf("-o %s, run %d: reports listed as skipped:\n%s", out, run, stdout)
			}
		}
	}
	// An output folder elsewhere with the same name as a folder of
	// articles does not hide those articles.
	for _, out := range []string{"report", filepath.Join(root, "elsewhere", "report")} {
		code, _, stderr := quoteaudit(t, "--date", "2025-07-10", "--fail-on", "none", "-f", "json", "-o", out, "in")
		r := readResult(t, filepath.Join(out, "quoteaudit.json"))
		if code != exitClean || findSource(r, other) == nil {
			t.Errorf("-o %s: exit %d, %s not audited (%v); stderr %s", out, code, other, r.Sources, stderr)
		}
	}
}

// TestRobustNothingAuditable: when every input is skipped the run exits
// 2, says why for each, and writes no report.
func TestRobustNothingAuditable(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"empty.txt":   "empty file",
		"blank.md":    "whitespace only",
		"binary.html": "binary file",
		"cut.docx":    "corrupt .docx",
		"notes.pdf":   "unsupported format .pdf",
	}
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "blank.md"), []byte("\n\n   \n"))
	writeFile(t, filepath.Join(dir, "binary.html"), bytes.Repeat([]byte{0, 1, 2, 3, 0xff}, 1000))
	writeFile(t, filepath.Join(dir, "cut.docx"), docxBytes(t, "“x,” said y.")[:40])
	writeFile(t, filepath.Join(dir, "notes.pdf"), []byte("%PDF-1.4"))
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := quoteaudit(t, "-o", out, dir)
	if code != exitError {
		t.Fatalf("exit %d, want 2; stderr %s", code, stderr)
	}
	for name, reason := range files {
		want := "quoteaudit: error: " + filepath.Join(dir, name) + ": skipped: " + reason
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stderr, "nothing to audit") {
		t.Errorf("stderr does not say nothing was audited:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an output folder was created although nothing was audited")
	}
}

// TestRobustRuleFiles: every kind of broken rule file is a clear error at
// file:line:col (file: for a whole-file problem), exit 2, no report, and
// never a hang.
func TestRobustRuleFiles(t *testing.T) {
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i := 1; i < 9; i++ {
		p, c := string(rune('a'+i-1)), string(rune('a'+i))
		bomb += c + ": &" + c + " [" + strings.TrimSuffix(strings.Repeat("*"+p+",", 9), ",") + "]\n"
	}
	var huge strings.Builder
	huge.WriteString("people:\n")
	for i := 0; huge.Len() <= 5<<20; i++ {
		fmt.Fprintf(&huge, "  - name: Person Number%d\n    aliases: [P%d]\n", i, i)
	}
	for _, tc := range []struct {
		name, yaml string
		want       []string // in stderr; FILE stands for the rule file's path
	}{
		{"malformed YAML", "people:\n  - name: [Ana Lind\n", []string{"FILE:3:1: invalid YAML"}},
		{"tab indentation", "people:\n\t- name: Ana Lind\n", []string{"FILE:2:1:"}},
		{"wrong types", "people:\n  - name: Ana Lind\n    aliases: yes\nchecks:\n  loaded-verb: 7\n",
			[]string{"FILE:3:14: `aliases` must be a list", "FILE:5:16: check `loaded-verb` must be a mapping"}},
		{"unknown key", "peeple:\n  - name: Ana Lind\n", []string{"FILE:1:1: unknown key `peeple`", "did you mean `people`?"}},
		{"unknown check", "checks:\n  loaded-verbs:\n    severity: error\n", []string{"FILE:2:3:", "loaded-verb"}},
		{"invalid RE2 in a fact", "facts:\n  - id: toll\n    pattern: \"death toll (of\"\n    value: \"\\\\d+\"\n  - id: ahead\n    pattern: \"(?=toll)\"\n    value: \"x\"\n",
			[]string{"FILE:3:14: invalid regular expression in `pattern`", "FILE:6:14: invalid regular expression", "RE2"}},
		{"billion laughs", bomb, []string{"FILE:", "aliases expand to more than"}},
		{"alias cycle", "people: &p\n  - name: Ana Lind\n    roles: *p\n", []string{"FILE:"}},
		{"enormous file", huge.String(), []string{"FILE: rule file too large"}},
		{"binary file", "\x00\x01\x02\xff\xfe", []string{"FILE:1:"}},
		{"terminal escapes", "people:\n  - name: \"\x1b]0;pwned\x07\x1b[31mAna\u202e\"\n    alias: [x]\n", []string{"FILE:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			rf := writeFile(t, filepath.Join(dir, "story.yaml"), []byte(tc.yaml))
			in := writeFile(t, filepath.Join(dir, "in", "good.txt"), []byte(goodArticle))
			out := filepath.Join(dir, "out")
			code, stdout, stderr := quoteaudit(t, "-r", rf, "-o", out, in)
			if code != exitError {
				t.Fatalf("exit %d, want 2\nstderr: %s", code, stderr)
			}
			if !strings.HasPrefix(stderr, "quoteaudit: error: "+rf+":") {
				t.Errorf("stderr does not open with quoteaudit: error: %s:…\n%s", rf, stderr)
			}
			for _, w := range tc.want {
				if w = strings.ReplaceAll(w, "FILE", rf); !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !strings.HasPrefix(l, "quoteaudit: ") {
					t.Errorf("stderr line without the program prefix: %q", l)
				}
			}
			if i := strings.IndexFunc(stderr, unsafeOnTerminal); i >= 0 {
				t.Errorf("stderr carries the control character %U", []rune(stderr[i:])[0])
			}
			if len(stderr) > 64<<10 {
				t.Errorf("stderr is %d bytes: errors should be few and short", len(stderr))
			}
			if stdout != "" {
				t.Errorf("stdout: %q", stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("output folder created although the rule file is broken")
			}
			if code, _, _ := quoteaudit(t, "rules", "check", rf); code != exitError {
				t.Errorf("rules check: exit %d, want 2", code)
			}
		})
	}
}

// snapshot records every file's bytes, mode and modification time under
// dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		state := fmt.Sprintf("%v %d", fi.Mode(), fi.ModTime().UnixNano())
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			state += " " + string(b)
		}
		m[p] = state
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRobustInputsUntouched: a full run (every format, output folder
// elsewhere) leaves every input's bytes, mode and mtime as they were.
func TestRobustInputsUntouched(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	writeFile(t, filepath.Join(dir, "story.md"), []byte("---\ntitle: Story\n---\n\n“Quoted,” said Ana Lind.\n"))
	writeFile(t, filepath.Join(dir, "page.html"), []byte("<html><body><article><p>“Quoted,” said Ana Lind.</p></article></body></html>"))
	writeFile(t, filepath.Join(dir, "doc.docx"), docxBytes(t, "“Quoted,” said Ana Lind."))
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "sub", "cp1252.txt"), []byte("\x93Quoted,\x94 said Jos\xe9.\n"))
	ro := writeFile(t, filepath.Join(dir, "readonly.txt"), []byte(goodArticle))
	os.Chmod(ro, 0o444)
	// Old timestamps, so that any rewrite would show.
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	before := snapshot(t, dir)
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := quoteaudit(t, "--date", "2025-07-10", "--fail-on", "none", "-o", out, dir)
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after := snapshot(t, dir)
	for p, s := range before {
		if after[p] != s {
			t.Errorf("%s changed during the run", p)
		}
	}
	if len(after) != len(before) {
		t.Errorf("the run added or removed files in the input folder: %d before, %d after", len(before), len(after))
	}
}

// unsafeOnTerminal reports the characters that must never reach a
// terminal from untrusted text: control characters other than newline
// and tab (escape sequences, BEL), and format characters (bidirectional
// overrides, zero-width characters).
func unsafeOnTerminal(r rune) bool {
	return r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
}

// hostileArticle holds text that would act if a report let it: formulas
// for a spreadsheet, escape sequences and a right-to-left override for a
// terminal.
const hostileArticle = "=HYPERLINK(\"http://evil\",\"x\")\nBy =cmd|' /C calc'!A0\nMarch 3, 2025\n\n" +
	"“=HYPERLINK(\"http://evil\",\"x\")” said Ana Lind, the treasurer.\n" +
	"“+1+2 is the answer,” said Ana Lind.\n" +
	"“-2+3 is not,” said Tom Berg, the mayor.\n" +
	"“@SUM(A1:A2) again,” said Tom Berg.\n" +
	"“\t=1+1 after a tab,” said Tom Berg.\n" +
	"“Red \x1b[31malert\x1b[0m and \x1b]0;owned\x07 title\u202e reversed,” said Zoe Brandt.\n" +
	"Tom Berg is \x1b[2Jcleared and \u202eAna Lind\u202c disagreed.\n"

// TestRobustUntrustedTextIsInert: cells that begin with = + - @ tab or CR
// are strings in the workbook, never formulas; escape sequences, BEL and
// bidirectional overrides never reach the terminal, the text report or
// the PDF's text.
func TestRobustUntrustedTextIsInert(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "=1+2 \x1b[31mred.txt"), []byte(hostileArticle))
	writeFile(t, filepath.Join(dir, "@copy.txt"), []byte(strings.Replace(hostileArticle, "said Ana Lind, the treasurer", "said Ana Lind", 1)))
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := quoteaudit(t, "-v", "--show-ignored", "--date", "2025-07-10", "--fail-on", "none", "-o", out, dir)
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := readResult(t, filepath.Join(out, "quoteaudit.json"))
	s := findSource(r, in)
	if s == nil {
		t.Fatalf("%s not audited: %v", in, r.Skipped)
	}
	// The straight marks inside the curly quote are nested, so the quote
	// is the whole formula, and so is the title.
	const formula = `=HYPERLINK("http://evil","x")`
	want := map[string]bool{formula: false}
	quoted := false
	for _, q := range quotesOf(r, s) {
		quoted = quoted || (q.Text == formula && q.OpenMark == "“")
	}
	if !quoted || s.Title != formula {
		t.Fatalf("title %q; the =HYPERLINK quote was not extracted: %+v", s.Title, quotesOf(r, s))
	}

	// The terminal and the text report.
	txt, err := os.ReadFile(filepath.Join(out, "quoteaudit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"stdout": stdout, "stderr": stderr, "quoteaudit.txt": string(txt)} {
		if i := strings.IndexFunc(s, unsafeOnTerminal); i >= 0 {
			t.Errorf("%s carries %U near %q", name, []rune(s[i:])[0], s[max(0, i-30):min(len(s), i+30)])
		}
	}

	// The workbook: read every cell back.
	f, err := excelize.OpenFile(filepath.Join(out, "quoteaudit.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				if v == "" || !strings.ContainsAny(v[:1], "=+-@\t\r") {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				formula, err := f.GetCellFormula(sheet, cell)
				if err != nil || formula != "" {
					t.Errorf("%s!%s %q is a formula %q (%v)", sheet, cell, v, formula, err)
				}
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s %q has cell type %v, want a string", sheet, cell, v, typ)
				}
				if _, ok := want[v]; ok {
					want[v] = true
					if got, _ := f.GetCellValue(sheet, cell); got != v {
						t.Errorf("%s!%s reads back %q", sheet, cell, got)
					}
					if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok && strings.Contains(link, "evil") {
						t.Errorf("%s!%s links to %s", sheet, cell, link)
					}
				}
			}
		}
	}
	for v, seen := range want {
		if !seen {
			t.Errorf("no cell holds the text %q", v)
		}
	}

	// The PDF, through pdftotext when it is installed.
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: the PDF's text is not checked")
		return
	}
	pdfText, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "quoteaudit.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// The ESC and BEL go; the printable rest of a sequence ("[31m") is
	// inert text and may stay.
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c"} {
		if strings.Contains(string(pdfText), bad) {
			t.Errorf("the PDF's text carries %q", bad)
		}
	}
	if !strings.Contains(string(pdfText), "HYPERLINK") {
		t.Log("the PDF does not show the =HYPERLINK quote")
	}
}

// TestRobustOddPaths: an output "folder" that is a file and a corrupt
// --previous workbook are errors before any auditing.
func TestRobustOddPaths(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	file := writeFile(t, filepath.Join(t.TempDir(), "report"), []byte("a file"))
	code, stdout, stderr := quoteaudit(t, "-o", file, good)
	if code != exitError || !strings.HasPrefix(stderr, "quoteaudit: error: --out "+file+" is a file") || stdout != "" {
		t.Errorf("-o FILE: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	prev := writeFile(t, filepath.Join(dir, "old.xlsx"), []byte("PK\x03\x04 not a workbook"))
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr = quoteaudit(t, "--previous", prev, "-o", out, good)
	if code != exitError || !strings.HasPrefix(stderr, "quoteaudit: error: ") || !strings.Contains(stderr, prev) {
		t.Errorf("--previous corrupt: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("reports written although --previous is unreadable")
	}
}
