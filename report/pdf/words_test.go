package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsByRunes is splitWords' definition, rune by rune: each span's
// runes sanitized, then cut at spaces.
func wordsByRunes(spans []span) (out []word) {
	afterSpace := true // at the start, after a space or a break
	for k := range spans {
		if spans[k].brk {
			out, afterSpace = append(out, word{brk: true}), true
			continue
		}
		var clean []rune
		for _, r := range spans[k].text {
			if x, ok := sanitizeRune(r); ok {
				clean = append(clean, x)
			}
		}
		for n, w := range strings.Split(string(clean), " ") {
			afterSpace = afterSpace || n > 0
			if w != "" {
				out = append(out, word{text: w, st: spans[k].st, glued: !afterSpace && len(out) > 0})
				afterSpace = false
			}
		}
	}
	return out
}

func checkSplitWords(t *testing.T, texts ...string) {
	t.Helper()
	var spans []span
	for i, s := range texts {
		if s == "\x00brk" {
			spans = append(spans, nl())
			continue
		}
		spans = append(spans, span{text: s, st: style{bold: i%2 == 1, size: 10}})
	}
	got, want := splitWords(spans), wordsByRunes(spans)
	if !slices.Equal(got, want) {
		t.Fatalf("splitWords(%q) =\n%+v\nwant\n%+v", texts, got, want)
	}
}

func TestSplitWords(t *testing.T) {
	checkSplitWords(t, "Hello, world", "glued", " spaced ", "\x00brk", "")
	checkSplitWords(t, "zero\u200bwidth soft\u00adhyphen \U0001F600 emoji", "\ufeffbom", "tab\tand\nnewline\u00a0nbsp")
	checkSplitWords(t, "bad \xff byte", "\xffstart", "end\xff", "ctl\x01char", "\x01", "é“curly”")
	checkSplitWords(t, "\u200b", "x", "\ufffe\uffff", "\u2028line sep")
}

func FuzzSplitWords(f *testing.F) {
	f.Add("Hello, world", "glued \u200bx")
	f.Add("\xffa b\x01", "\U0001F600 é")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) && !utf8.ValidString(b) && len(a)+len(b) == 0 {
			t.Skip()
		}
		checkSplitWords(t, a, b, "\x00brk", b, a)
	})
}

// TestSanitizeRuneASCII checks the ASCII shortcut against the general
// rule.
func TestSanitizeRuneASCII(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want, wantOK := r, true
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || unicode.Is(unicode.Zs, r):
			want = ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			want, wantOK = 0, false
		}
		if got, ok := sanitizeRune(r); got != want || ok != wantOK {
			t.Errorf("sanitizeRune(%U) = %U, %v; want %U, %v", r, got, ok, want, wantOK)
		}
	}
}

// TestToFrags checks that runs of one style are joined with a space where
// a gap was, spanning their widths, and that a style change starts a new
// fragment.
func TestToFrags(t *testing.T) {
	a, b := style{size: 10}, style{size: 10, bold: true}
	got := toFrags([]token{
		{text: "one", st: a, w: 3}, {text: "two", st: a, w: 3, gap: 1}, {text: "-glued", st: a, w: 6},
		{text: "bold", st: b, w: 4, gap: 1}, {text: "x", st: a, w: 1, gap: 1},
	})
	want := []frag{
		{x: 0, w: 13, text: "one two-glued", st: a},
		{x: 14, w: 4, text: "bold", st: b},
		{x: 19, w: 1, text: "x", st: a},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("toFrags = %+v, want %+v", got, want)
	}
}
