package audit_test

// FuzzPipeline runs the whole engine — reading, extraction, attribution,
// people, matching, checks — and the JSON writer on arbitrary text given
// as a .txt, a .md and an .html source at once, and checks the properties
// every report relies on.

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/report/jsonreport"
	"github.com/quoteaudit/quoteaudit/rules"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// pipelineSeeds are texts that have troubled quote extractors.
var pipelineSeeds = []string{
	"",
	"“We will build it,” said Mayor Tom Berg.",
	"Bridge vote\nBy Ana Lind\nMarch 3, 2025\n\n“We will build it this year,” said Mayor Tom Berg. “It is paid for.”\n\n“It is not,” Ana Lind, a council member, told the BBC.",
	"The mayor said: “" + strings.Repeat("word ", 300) + "\nNext paragraph.",
	strings.Repeat("“”\"'‘’«»", 200),
	"“First paragraph of a long quote.\n\n“Second paragraph.\n\n“Last,” she said.",
	"‘Mismatched,” he said. «Guillemets», dit-il. „German“, sagte er. 「Japanese」",
	"Red \x1b[31malert\x1b]0;owned\x07 “title\u202e reversed,” said Zoe\u0308 Brandt \U0001F477\u200d\u2642\ufe0f.",
	"a\x00b “c\x00d,” said e.\r\n“f” \r“g”",
	"\xef\xbb\xbf“BOM,” said Bo.\n\xff\xfe invalid “bytes\xe9,” said Jos\xe9.",
	"---\ntitle: \"x\"\n---\n# Head\n\n> “Quoted,” said *Ana* [Lind](http://x).\n\n```\n“code”\n```",
	"<html><head><script>var a=\"“x”\"</script></head><body><article><p>“Quoted,” said Ana &amp; Tom.</p><p>“Again” &#8221;</p></article></body></html>",
	"“I never said that,” said Tom Berg. “I said that,” said Tom Berg. “I … said [that],” said T. Berg.",
	"A source said: “It is done.” Sources said “done”. An official, who was not authorised to speak, said “done.”",
	"The death toll was 149, said the ministry. The death toll was 145, officials said on July 3. Recognised on July 4.",
}

func FuzzPipeline(f *testing.F) {
	for _, s := range pipelineSeeds {
		f.Add(s)
	}
	// The demo corpus and the quote fixtures.
	fs.WalkDir(seeds.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && source.Supported(p) {
			if b, err := fs.ReadFile(seeds.FS(), p); err == nil {
				f.Add(string(b))
			}
		}
		return nil
	})
	for _, pattern := range []string{"quotes/*.txt", "sources/*.txt", "sources/*.md", "sources/*.html"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", pattern))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(string(b))
			}
		}
	}
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64<<10 {
			t.Skip("longer than a fuzz input needs to be")
		}
		first, c1 := runPipeline(t, rs, text)
		second, _ := runPipeline(t, rs, text)
		if !bytes.Equal(first, second) {
			t.Fatalf("two runs differ:\n%s\n---\n%s", first, second)
		}
		if !json.Valid(first) {
			t.Fatalf("invalid JSON:\n%s", first)
		}
		var r result.Result
		if err := json.Unmarshal(first, &r); err != nil {
			t.Fatalf("JSON does not decode: %v", err)
		}
		checkPipeline(t, &r, c1)
	})
}

// runPipeline loads text as a.txt, a.md and a.html, audits them with the
// bundled default rules and every check, and returns the JSON report and
// the corpus.
func runPipeline(t *testing.T, rs *rules.Set, text string) ([]byte, *audit.Corpus) {
	t.Helper()
	fsys := fstest.MapFS{
		"a.txt":  {Data: []byte(text)},
		"a.md":   {Data: []byte(text)},
		"a.html": {Data: []byte(text)},
	}
	ctx := context.Background()
	c, err := audit.LoadFS(ctx, fsys, "fuzz", audit.LoadOptions{Workers: 1})
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	r, err := audit.Run(ctx, c, audit.Config{
		Rules: rs, Checks: check.All(), Workers: 1,
		Now:  time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC),
		Tool: result.Tool{Name: "quoteaudit", Version: "fuzz"},
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var buf bytes.Buffer
	if err := jsonreport.Write(&buf, r); err != nil {
		t.Fatalf("jsonreport.Write: %v", err)
	}
	return buf.Bytes(), c
}

// checkPipeline checks the properties of one result against the
// documents it was made from.
func checkPipeline(t *testing.T, r *result.Result, c *audit.Corpus) {
	t.Helper()
	// A recovered panic is still a bug: the engine turns it into a skip
	// reason or a failure so that a real run goes on.
	for _, s := range r.Skipped {
		if strings.Contains(s.Reason, "internal error") {
			t.Fatalf("%s: %s", s.Path, s.Reason)
		}
	}
	for _, fl := range r.Failures {
		t.Fatalf("failure in %s: %s", fl.Stage, fl.Reason)
	}
	docs := map[string]*source.Document{}
	for _, d := range c.Docs {
		docs[d.Meta.ID] = d
	}
	index := map[string]int{} // quote ID -> position in r.Quotes
	bySource := map[string][]result.Quote{}
	for i, q := range r.Quotes {
		if _, dup := index[q.ID]; dup {
			t.Fatalf("quote ID %s twice", q.ID)
		}
		index[q.ID] = i
		d := docs[q.Source]
		if d == nil {
			t.Fatalf("quote %s: unknown source %q", q.ID, q.Source)
		}
		if q.Start < 0 || q.Start > q.End || q.End > len(d.Text) {
			t.Fatalf("quote %s: span %d..%d outside the text (%d bytes)", q.ID, q.Start, q.End, len(d.Text))
		}
		if got := d.Text[q.Start:q.End]; got != q.Text {
			t.Fatalf("quote %s: text %q is not the document's bytes %d..%d %q", q.ID, q.Text, q.Start, q.End, got)
		}
		if q.Line < 1 || q.Column < 1 {
			t.Fatalf("quote %s at %d:%d", q.ID, q.Line, q.Column)
		}
		if q.Continues != "" {
			j, ok := index[q.Continues]
			if !ok {
				t.Fatalf("quote %s continues %s, which is not an earlier quote", q.ID, q.Continues)
			}
			if p := r.Quotes[j]; p.Source != q.Source || p.Start >= q.Start {
				t.Fatalf("quote %s (%s at %d) continues %s (%s at %d): not earlier in the same source", q.ID, q.Source, q.Start, p.ID, p.Source, p.Start)
			}
		}
		bySource[q.Source] = append(bySource[q.Source], q)
	}
	for src, qs := range bySource {
		sort.Slice(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
		for i := 1; i < len(qs); i++ {
			if qs[i].Start < qs[i-1].End {
				t.Fatalf("%s: quotes %s (%d..%d) and %s (%d..%d) overlap", src, qs[i-1].ID, qs[i-1].Start, qs[i-1].End, qs[i].ID, qs[i].Start, qs[i].End)
			}
		}
	}
	for _, m := range r.Matches {
		for _, id := range m.Quotes {
			if _, ok := index[id]; !ok {
				t.Fatalf("match %s names unknown quote %s", m.ID, id)
			}
		}
	}
	for _, fd := range r.Findings {
		if fd.Quote != "" {
			if _, ok := index[fd.Quote]; !ok {
				t.Fatalf("finding %s names unknown quote %s", fd.ID, fd.Quote)
			}
		}
	}
}
