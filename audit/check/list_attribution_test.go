package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// Test helpers of the attribution, quote-integrity and source checks.

// attrFixture is a hand-built corpus: documents, their result, the rules.
type attrFixture struct {
	t     *testing.T
	res   *result.Result
	docs  map[string]*source.Document
	rules *rules.Set
}

// newAttrFixture starts a corpus with the bundled rules plus extra YAML.
func newAttrFixture(t *testing.T, extraRules string) *attrFixture {
	t.Helper()
	if strings.TrimSpace(extraRules) == "" {
		extraRules = "{}\n"
	}
	rs, err := rules.LoadBytes("test.yaml", []byte(extraRules), rules.LoadOptions{})
	if err != nil {
		t.Fatalf("load rules: %v", err)
	}
	return &attrFixture{t: t, res: &result.Result{}, docs: map[string]*source.Document{}, rules: rs}
}

// addDoc adds a source whose paragraphs are its non-blank lines (a local
// stand-in for the .txt reader).
func (fx *attrFixture) addDoc(id, path, text string) *source.Document {
	d := &source.Document{Meta: result.Source{ID: id, Path: path, Format: "txt"}, Text: text}
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		s, e := off, off+len(line)
		off = e
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			d.Paragraphs = append(d.Paragraphs, source.Span{Start: s, End: e})
		}
	}
	d.Meta.Paragraphs = len(d.Paragraphs)
	fx.docs[id] = d
	fx.res.Sources = append(fx.res.Sources, d.Meta)
	return d
}

// source returns the result's source id, to set metadata.
func (fx *attrFixture) source(id string) *result.Source {
	for i := range fx.res.Sources {
		if fx.res.Sources[i].ID == id {
			return &fx.res.Sources[i]
		}
	}
	fx.t.Fatalf("no source %s", id)
	return nil
}

// quote adds a quote whose text is the nth (0-based) occurrence of text
// in the source, with positions computed from the document; marks are
// taken from the characters around it.
func (fx *attrFixture) quote(id, src, text string, nth int, sp result.Speaker) *result.Quote {
	fx.t.Helper()
	d := fx.docs[src]
	at, from := -1, 0
	for i := 0; i <= nth; i++ {
		j := strings.Index(d.Text[from:], text)
		if j < 0 {
			fx.t.Fatalf("quote %s: %q not found in %s", id, text, src)
		}
		at = from + j
		from = at + 1
	}
	q := result.Quote{ID: id, Source: src, Start: at, End: at + len(text), Text: text, Speaker: sp}
	q.Line, q.Column = d.Position(at)
	q.Paragraph = d.ParagraphAt(at) + 1
	for _, m := range []string{"“", "‘", "\"", "'"} {
		if strings.HasSuffix(d.Text[:at], m) {
			q.OpenMark = m
			break
		}
	}
	for _, m := range []string{"”", "’", "\"", "'"} {
		if strings.HasPrefix(d.Text[q.End:], m) {
			q.CloseMark = m
			break
		}
	}
	if sp.Kind == "" {
		q.Speaker.Kind = result.KindUnknown
	}
	fx.res.Quotes = append(fx.res.Quotes, q)
	return &fx.res.Quotes[len(fx.res.Quotes)-1]
}

// at places a speaker's attribution cue at the first occurrence of cue in
// the source.
func (fx *attrFixture) at(src, cue string) (line, col int) {
	fx.t.Helper()
	d := fx.docs[src]
	i := strings.Index(d.Text, cue)
	if i < 0 {
		fx.t.Fatalf("cue %q not in %s", cue, src)
	}
	return d.Position(i)
}

// run runs one check over the fixture and returns its findings.
func (fx *attrFixture) run(c *Check) []result.Finding {
	fx.t.Helper()
	ix := result.NewIndex(fx.res)
	var out []result.Finding
	sev := c.Severity
	p := NewPass(c, fx.res, ix, fx.docs, fx.rules, sev, func(f result.Finding) { out = append(out, f) })
	c.Run(p)
	for _, f := range out {
		if f.Check != c.Slug || !f.Severity.Valid() || f.Message == "" {
			fx.t.Errorf("malformed finding %+v", f)
		}
		if f.Source != "" && (f.Line <= 0 || f.Column <= 0) {
			fx.t.Errorf("finding without a position: %+v", f)
		}
	}
	return out
}

// summary renders findings one per line for inline expectations:
// "severity source:line:col quote | evidence | message".
func attrSummary(fs []result.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s:%d:%d %s | %s | %s\n", f.Severity, f.Source, f.Line, f.Column, f.Quote, f.Evidence, f.Message)
	}
	return b.String()
}

func wantFindings(t *testing.T, got []result.Finding, want string) {
	t.Helper()
	if g := attrSummary(got); strings.TrimSpace(g) != strings.TrimSpace(want) {
		t.Errorf("findings:\n%s\nwant:\n%s", g, strings.TrimSpace(want))
	}
}

// seedText reads a reference article from ../shared, or skips.
func seedText(t testing.TB, pattern string) (string, string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", pattern))
	sort.Strings(matches)
	if len(matches) == 0 {
		t.Skipf("reference seeds not available (%s)", pattern)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Skipf("read seed: %v", err)
	}
	return filepath.Base(matches[0]), string(b)
}

func TestAttributionCatalogue(t *testing.T) {
	checks := attributionChecks()
	if err := Validate(checks); err != nil {
		t.Fatal(err)
	}
	want := []string{"unattributed-quote", "unbalanced-quote", "anonymous-source", "second-hand-quote",
		"loaded-verb", "altered-quote", "surname-before-name", "missing-byline", "missing-date",
		"date-conflict", "duplicate-passage", "copied-passage", "fact-conflict"}
	for i, c := range checks {
		if i >= len(want) || c.Slug != want[i] {
			t.Fatalf("check %d is %s, want %v", i, c.Slug, want)
		}
		if !strings.Contains(c.Doc, "Example") || !strings.Contains(c.Doc, c.Slug) {
			t.Errorf("%s: doc has no example ending in its slug", c.Slug)
		}
	}
	if len(checks) != len(want) {
		t.Fatalf("%d checks, want %d", len(checks), len(want))
	}
	if u := unusedIgnore(); !strings.Contains(u.Doc, "Example") || u.Severity != result.Warning {
		t.Errorf("unused-ignore doc or severity: %+v", u)
	}
}

// BenchmarkAttributionChecksBBC runs the whole family over the BBC corpus
// with a quote for every pair of straight double quotes, speakers of
// every kind in turn, to keep every check linear in the corpus.
func BenchmarkAttributionChecksBBC(b *testing.B) {
	fx := loadBBC(b, 2225)
	kinds := []result.Speaker{
		{Kind: result.KindUnknown},
		{Kind: result.KindAnonymous, Mention: "an official"},
		{Kind: result.KindPerson, Mention: "Smith", Name: "John Smith"},
		{Kind: result.KindAnonymous, Mention: "officials"},
	}
	n := 0
	for _, s := range fx.res.Sources {
		d := fx.docs[s.ID]
		for from := 0; ; {
			i := strings.IndexByte(d.Text[from:], '"')
			if i < 0 {
				break
			}
			j := strings.IndexByte(d.Text[from+i+1:], '"')
			if j < 0 {
				break
			}
			start, end := from+i+1, from+i+1+j
			q := result.Quote{ID: fmt.Sprintf("Q%d", n), Source: s.ID, Start: start, End: end, Text: d.Text[start:end],
				OpenMark: `"`, CloseMark: `"`, Speaker: kinds[n%len(kinds)], Verb: []string{"said", "claimed"}[n%2]}
			q.Line, q.Column = d.Position(start)
			q.Speaker.Line, q.Speaker.Column = q.Line, q.Column
			q.Paragraph = d.ParagraphAt(start) + 1
			fx.res.Quotes = append(fx.res.Quotes, q)
			n++
			from = end + 1
		}
	}
	ix := result.NewIndex(fx.res)
	checks := attributionChecks()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range checks {
			c.Run(NewPass(c, fx.res, ix, fx.docs, fx.rules, c.Severity, func(result.Finding) {}))
		}
	}
	b.ReportMetric(float64(n), "quotes")
}

// FuzzAttributionChecks runs the whole family over an arbitrary text,
// quoted between pairs of double quotes with speakers of every kind, and
// checks that every finding stands inside the document and names a quote
// that exists.
func FuzzAttributionChecks(f *testing.F) {
	f.Add("“We wait,” an official said.\n\"I left …\" officials claimed.\nKabulov said \"[we] go\".\nKabulov said \"[we] go\".\n")
	f.Add("a\r\n\"b\nc\"\"")
	rs, err := rules.LoadBytes("fuzz.yaml", []byte("facts:\n  - id: n\n    pattern: 'killed'\n    value: '(\\d+)'\n    kind: number\n"), rules.LoadOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fx := &attrFixture{t: t, res: &result.Result{}, docs: map[string]*source.Document{}, rules: rs}
		kinds := []result.Speaker{
			{Kind: result.KindUnknown},
			{Kind: result.KindAnonymous, Mention: "a source", Line: 1, Column: 1},
			{Kind: result.KindPerson, Mention: "Kabulov", Name: "Zamir Kabulov", Line: 2, Column: 3},
			{Kind: result.KindAnonymous, Mention: "officials", Line: 99, Column: 99},
		}
		for si, id := range []string{"S1", "S2"} {
			d := fx.addDoc(id, id+".txt", text)
			n := 0
			for from := 0; from < len(text); {
				i := strings.IndexByte(text[from:], '"')
				if i < 0 {
					break
				}
				j := strings.IndexByte(text[from+i+1:], '"')
				start := from + i + 1
				end := len(text)
				if j >= 0 {
					end = start + j
				}
				q := result.Quote{ID: fmt.Sprintf("%s-Q%d", id, n), Source: id, Start: start, End: end, Text: text[start:end],
					OpenMark: `"`, CloseMark: `"`, Unclosed: j < 0, Mismatched: n%5 == 4,
					Speaker: kinds[(n+si)%len(kinds)], Verb: []string{"said", "claimed", "quipped"}[n%3]}
				q.Insertions = bracketed(q.Text)
				if n > 0 && n%3 == 2 {
					q.Continues = fmt.Sprintf("%s-Q%d", id, n-1)
				}
				q.Line, q.Column = d.Position(start)
				q.Paragraph = d.ParagraphAt(start) + 1
				fx.res.Quotes = append(fx.res.Quotes, q)
				n++
				from = end + 1
			}
		}
		lines := strings.Count(text, "\n") + strings.Count(text, "\r") + 1
		ix := result.NewIndex(fx.res)
		for _, c := range attributionChecks() {
			c.Run(NewPass(c, fx.res, ix, fx.docs, fx.rules, c.Severity, func(f result.Finding) {
				if f.Source != "" && (f.Line < 1 || f.Line > lines || f.Column < 1) {
					t.Fatalf("%s: finding outside the document: %+v", c.Slug, f)
				}
				if f.Quote != "" && ix.Quote(f.Quote) == nil {
					t.Fatalf("%s: finding names unknown quote %q", c.Slug, f.Quote)
				}
				if !utf8.ValidString(f.Evidence) && utf8.ValidString(text) {
					t.Fatalf("%s: evidence is not valid UTF-8: %q", c.Slug, f.Evidence)
				}
			}))
		}
	})
}

func bracketed(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+1])
		s = s[i+j+1:]
	}
}
