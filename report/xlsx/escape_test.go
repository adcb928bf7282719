package xlsx

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// escapedByDecoding is appendEscaped's rule applied rune by rune, every
// multi-byte rune decoded: the reference for validRuneLen's shortcut.
func escapedByDecoding(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		switch {
		case s[i] < utf8.RuneSelf:
			b = appendEscaped(b, s[i:i+1], false)
			i++
			continue
		case r == utf8.RuneError && width == 1 || r == 0xFFFE || r == 0xFFFF:
			b = append(b, "\uFFFD"...)
			i += width
			continue
		}
		b = append(b, s[i:i+width]...)
		i += width
	}
	return string(b)
}

func TestAppendEscapedMultiByte(t *testing.T) {
	cases := []string{
		"“quoted” — café", "naïve\u00a0text", "\uFFFE\uFFFF\uFFFD", "\xef\xbf", "\xe2\x80", "\xc3",
		"\xed\xa0\x80 surrogate", "\xe0\xa4\x85 devanagari \xe0\x80\x80", "😀 <b>&'\"", "\xc0\xaf", "\xf4\x90\x80\x80",
		"a\x01b\tc\rd\ne",
	}
	for _, s := range cases {
		if got, want := string(appendEscaped(nil, s, false)), escapedByDecoding(s); got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendEscaped(f *testing.F) {
	f.Add("“quoted” — café \uFFFE")
	f.Add("\xef\xbf\xbe\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendEscaped(nil, s, false)), escapedByDecoding(s); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestLineCounts checks textWidth and wrappedLines against their
// definitions, line by line.
func TestLineCounts(t *testing.T) {
	for _, s := range []string{"", "a", "\n", "ab\n", "\nab", "héllo wörld\nx\n\nlonger line here", strings.Repeat("word ", 40) + "\n" + strings.Repeat("é", 90), "\xff\xfe\n\x80"} {
		width, lines := 0, 0
		for line := range strings.SplitSeq(s, "\n") {
			width = max(width, utf8.RuneCountInString(line))
			lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(line))*1.1/29)))
		}
		if s == "" {
			lines = 1
		}
		if got := textWidth(s); got != width {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, width)
		}
		if got := wrappedLines(s, 30); got != lines {
			t.Errorf("wrappedLines(%q, 30) = %d, want %d", s, got, lines)
		}
	}
}
