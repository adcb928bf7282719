package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"  lead and trail  ", "lead and trail"},
		{"tab\tnew\nline\r\nend", "tab new line end"},
		{"bell\x07 nul\x00 esc\x1b[1m", "bell nul esc[1m"},
		{"zero\u200bwidth soft\u00adhyphen bidi\u202eevil\u202c", "zerowidth softhyphen bidievil"},
		{"emoji 🎉 and 𝔘", "emoji \uFFFD and \uFFFD"},
		{"curly “quotes” — dash", "curly “quotes” — dash"},
		{"nbsp\u00a0and\u2003em", "nbsp and em"},
		{"non\uFFFEchar", "non\uFFFDchar"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShapeArabic(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// sin initial, lam-alef final, mim isolated (alef does not join on).
		{"سلام", "\uFEB3\uFEFC\uFEE1"},
		// ba initial, ta marbuta final... ba-ya-ta: ba initial, ya medial, ta final.
		{"بيت", "\uFE91\uFEF4\uFE96"},
		// a lone letter is isolated; a right-joining letter breaks the word.
		{"ب", "\uFE8F"},
		{"دب", "\uFEA9\uFE8F"},
		// harakat are transparent: ba-fatha-ya still join.
		{"بَيت", "\uFE91\u064E\uFEF4\uFE96"},
		// non-Arabic runes pass through.
		{"abc", "abc"},
	} {
		if got := string(shapeArabic([]rune(tc.in))); got != tc.want {
			t.Errorf("shapeArabic(%q) = %U, want %U", tc.in, []rune(got), []rune(tc.want))
		}
	}
}

func TestVisualWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"hello", "hello"},
		{"שלום", "םולש"},
		{"سلام", "\uFEE1\uFEFC\uFEB3"},
		{"(עם)", "(םע)"},              // brackets mirror as the word reverses
		{"ש123", "123ש"},              // digits keep their order
		{"بَب", "\uFE90\uFE91\u064E"}, // a mark stays after its base
	} {
		if got := visualWord(tc.in); got != tc.want {
			t.Errorf("visualWord(%q) = %q %U, want %q", tc.in, got, []rune(got), tc.want)
		}
	}
}

func testMeasurer(t testing.TB) *measurer {
	t.Helper()
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func lineText(ln textLine) string {
	var parts []string
	for _, f := range ln.frags {
		parts = append(parts, f.text)
	}
	return strings.Join(parts, " ")
}

func TestLayoutWrapsAndKeepsWords(t *testing.T) {
	m := testMeasurer(t)
	st := style{size: sizeBody}
	text := "The quick brown fox jumps over the lazy dog " + strings.Repeat("x", 200) + " end"
	lines := m.layout([]span{tx(text, st)}, 40)
	if len(lines) < 4 {
		t.Fatalf("got %d lines, want the text wrapped over several", len(lines))
	}
	var all strings.Builder
	for _, ln := range lines {
		for _, f := range ln.frags {
			if right := f.x + f.w; right > 40+1e-9 {
				t.Errorf("fragment %q ends at %.2f mm, past the 40 mm line", f.text, right)
			}
			all.WriteString(strings.ReplaceAll(f.text, " ", ""))
		}
	}
	if want := strings.ReplaceAll(text, " ", ""); all.String() != want {
		t.Errorf("letters lost or changed:\n got %q\nwant %q", all.String(), want)
	}
	// greedy: the first line is the longest run of words that fits.
	first := lineText(lines[0])
	next := strings.Fields(text)[len(strings.Fields(first))]
	if m.width(first, st) > 40 || m.width(first+" "+next, st) <= 40 {
		t.Errorf("first line %q is not the longest that fits 40 mm", first)
	}
	if first != "The quick brown fox" {
		t.Errorf("first line %q, want %q", first, "The quick brown fox")
	}
}

func TestLayoutStylesAndBreaks(t *testing.T) {
	m := testMeasurer(t)
	del := style{size: sizeBody, strike: true, bg: &colDelBg}
	lines := m.layout([]span{tx("keep ", stBody), tx("gone", del), tx(" here", stBody), nl(), tx("next", stBody)}, 100)
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2 (forced break)", len(lines))
	}
	fr := lines[0].frags
	if len(fr) != 3 || fr[1].text != "gone" || !fr[1].st.strike || fr[0].text != "keep" || fr[2].text != "here" {
		t.Fatalf("fragments %+v, want keep | gone (struck) | here", fr)
	}
	if !(fr[0].x+fr[0].w < fr[1].x && fr[1].x+fr[1].w < fr[2].x) {
		t.Errorf("fragments overlap or have no space between them: %+v", fr)
	}
	// glued spans (a style change inside a word) get no space.
	g := m.layout([]span{tx("half", stBody), tx("bold", stBold)}, 100)[0].frags
	if len(g) != 2 || g[0].x+g[0].w != g[1].x {
		t.Errorf("glued spans: %+v, want two touching fragments", g)
	}
}

func TestLayoutRightToLeftRun(t *testing.T) {
	m := testMeasurer(t)
	lines := m.layout([]span{tx("said שלום עולם today", stBody)}, 150)
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	// the Hebrew words swap places and each is reversed.
	if got := lineText(lines[0]); got != "said םלוע םולש today" {
		t.Errorf("visual line %q", got)
	}
}

// FuzzClean: the cleaned text is drawable (no control or format
// characters, nothing above U+FFFF, valid UTF-8), has no doubled or edge
// spaces, keeps every letter, and cleaning twice changes nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a\tb", "🎉", "x\x00y", "  a  b  ", "\u202e", "سلام", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("invalid UTF-8 %q", c)
		}
		if strings.Contains(c, "  ") || strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") {
			t.Fatalf("bad spacing %q", c)
		}
		for _, r := range c {
			if r > 0xFFFF || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("undrawable rune %U in %q", r, c)
			}
		}
		if clean(c) != c {
			t.Fatalf("not idempotent: %q -> %q", c, clean(c))
		}
		letters := func(x string) int {
			n := 0
			for _, r := range x {
				if unicode.IsLetter(r) && r <= 0xFFFF {
					n++
				}
			}
			return n
		}
		if letters(c) != letters(s) {
			t.Fatalf("letters lost: %q -> %q", s, c)
		}
	})
}

// FuzzLayout: no letter is lost or reordered (for left-to-right text),
// and no fragment runs past the line unless it is a single character.
func FuzzLayout(f *testing.F) {
	f.Add("hello world", 30.0)
	f.Add(strings.Repeat("long", 50), 10.0)
	f.Add("a\nb\tc  d", 5.0)
	f.Add("https://example.org/a/very/long/url?with=query", 20.0)
	m := testMeasurer(f)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width != width || width > 1000 || width < -1000 {
			return
		}
		if hasRTL(s) {
			return
		}
		lines := m.layout([]span{tx(s, stBody)}, width)
		eff := max(width, 5)
		var got strings.Builder
		for _, ln := range lines {
			for _, fr := range ln.frags {
				if fr.x+fr.w > eff+1e-6 && utf8.RuneCountInString(fr.text) > 1 {
					t.Fatalf("fragment %q (%.2f mm) overflows %.2f mm", fr.text, fr.x+fr.w, eff)
				}
				got.WriteString(strings.ReplaceAll(fr.text, " ", ""))
			}
		}
		want := strings.ReplaceAll(clean(s), " ", "")
		if got.String() != want {
			t.Fatalf("text changed: %q -> %q", want, got.String())
		}
	})
}

// FuzzRender puts arbitrary text in every kind of field and expects a
// PDF, never an error or a panic.
func FuzzRender(f *testing.F) {
	f.Add("title", "quote “text”", "message", "Name")
	f.Add("🎉", "\x00\x1b", "سنبقى هنا", "Муттаки")
	f.Add("{current}", strings.Repeat("w ", 500), strings.Repeat("x", 400), "")
	f.Fuzz(func(t *testing.T, title, quote, msg, name string) {
		r := &result.Result{
			Title:   title,
			Sources: []result.Source{{ID: "S1", Path: name + ".txt", Title: title, Byline: name}},
			Quotes: []result.Quote{
				{ID: "Q1", Source: "S1", Text: quote, Speaker: result.Speaker{Mention: name, Name: name, Kind: result.KindPerson, Person: "P1"}},
				{ID: "Q2", Source: "S1", Text: msg},
			},
			People: []result.Person{{ID: "P1", Name: name, Variants: []result.Variant{{Text: name, Count: 1, Sources: []string{"S1"}}}}},
			Matches: []result.Match{{ID: "M1", Kind: result.MatchNear, Quotes: []string{"Q1", "Q2"}, Sources: []string{"S1", "S1"},
				Diff: []result.DiffOp{{Op: result.OpReplace, Old: quote, New: msg}}}},
			Findings: []result.Finding{{ID: msg, Check: name, Severity: result.Severity(title), Source: "S1", Quote: "Q1",
				Evidence: quote, Message: msg, Suggestion: name, Related: []result.Related{{Source: "S9", Message: title}}}},
			Checks: []result.CheckInfo{{Slug: name, Title: title, Doc: msg, Severity: result.Warning}},
		}
		data, err := Render(r, Options{})
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !strings.HasPrefix(string(data[:5]), "%PDF-") {
			t.Fatalf("not a PDF")
		}
	})
}

// TestSortFindingsIsStable: sortFindings, an unstable sort with the
// position as its last key, orders findings as a stable sort on the
// documented keys does, ties (equal in every key, ID included) in their
// first order, on thousands of findings with many ties.
func TestSortFindingsIsStable(t *testing.T) {
	r := &result.Result{Checks: []result.CheckInfo{{Slug: "b"}, {Slug: "a"}}}
	d := &doc{r: r}
	var fs []*result.Finding
	for i := range 5000 {
		fs = append(fs, &result.Finding{
			Check:    []string{"a", "b", "zz", "c"}[i%4],
			Severity: []result.Severity{result.Error, result.Warning, result.Info}[i*7%3],
			Path:     []string{"", "p1", "p2"}[i*5%3],
			Line:     i % 4, Column: i % 2,
			ID:      fmt.Sprintf("F%d", i%50),
			Message: strconv.Itoa(i), // tells ties apart
		})
	}
	order := d.checkOrder()
	rank := func(f *result.Finding) int {
		if r, ok := order[f.Check]; ok {
			return r
		}
		return len(order)
	}
	want := slices.Clone(fs)
	slices.SortStableFunc(want, func(a, b *result.Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			cmp.Compare(rank(a), rank(b)),
			strings.Compare(a.Check, b.Check),
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			strings.Compare(a.ID, b.ID),
		)
	})
	got := slices.Clone(fs)
	d.sortFindings(got)
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("position %d: finding %s (message %s), want %s (message %s)", i, got[i].ID, got[i].Message, want[i].ID, want[i].Message)
		}
	}
}
