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
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

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
