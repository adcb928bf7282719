package check

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

func TestSentenceSpans(t *testing.T) {
	text := "Mr. Kabulov said it. “We wait,” she said. Then U.S. officials left! Dec. 4 came.\nNew line here"
	var got []string
	for _, s := range sentenceSpans(text, 0, len(text)) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Mr. Kabulov said it.", "“We wait,” she said.", "Then U.S. officials left!", "Dec. 4 came.", "New line here"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestOffsetOfPosition(t *testing.T) {
	d := &source.Document{Text: "ab\r\nçd\nef"}
	for off := 0; off <= len(d.Text); off++ {
		if !utf8.RuneStart(d.Text[min(off, len(d.Text)-1)]) && off < len(d.Text) {
			continue
		}
		l, c := d.Position(off)
		got := offsetOfPosition(d, l, c)
		if gl, gc := d.Position(got); gl != l || gc != c {
			t.Errorf("offset %d at %d:%d maps back to %d (%d:%d)", off, l, c, got, gl, gc)
		}
	}
	if offsetOfPosition(d, 0, 0) != -1 {
		t.Error("line 0 should give -1")
	}
}

func TestTextExcerpt(t *testing.T) {
	if got := textExcerpt("a  b\n c", 10); got != "a b c" {
		t.Errorf("got %q", got)
	}
	long := strings.Repeat("word ", 100)
	got := textExcerpt(long, 50)
	if utf8.RuneCountInString(got) > 50 || !strings.HasSuffix(got, "word…") {
		t.Errorf("got %q", got)
	}
}

// FuzzSentenceSpans: spans are in order, inside the range, trimmed, and
// together hold every non-space character of the text.
func FuzzSentenceSpans(f *testing.F) {
	for _, s := range []string{"Mr. A said. B left!", "“Go,” he said. “Now.”", "a\r\nb\n\nc", "… ... . . .", "J. Smith left. Then"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		spans := sentenceSpans(text, 0, len(text))
		prev := 0
		var kept strings.Builder
		for _, s := range spans {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			if isSpaceByte(text[s.Start]) || isSpaceByte(text[s.End-1]) {
				t.Fatalf("untrimmed span %q", text[s.Start:s.End])
			}
			kept.WriteString(text[s.Start:s.End])
			prev = s.End
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					return -1
				}
				return r
			}, s)
		}
		if strip(kept.String()) != strip(text) {
			t.Fatalf("sentences lose text: %q vs %q", kept.String(), text)
		}
	})
}

// FuzzWordTokens: tokens are in order, non-empty, lower case, made of
// letters and digits, and their spans lie in the text.
func FuzzWordTokens(f *testing.F) {
	for _, s := range []string{"Don’t STOP-now", "Ça va, 149 ÉTATS", "'x' - y-", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, tok := range wordTokens(text, 0, len(text)) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) || tok.Norm == "" {
				t.Fatalf("bad token %+v in %q", tok, text)
			}
			for _, r := range tok.Norm {
				if !(unicode.IsLetter(r) || unicode.IsDigit(r)) || (unicode.IsUpper(r) && unicode.ToLower(r) != r) {
					t.Fatalf("token %q has %q", tok.Norm, r)
				}
			}
			prev = tok.End
		}
	})
}

var mmdd = regexp.MustCompile(`^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)

// FuzzNormalizeFactValue: dates come out as MM-DD or not at all; numbers
// as digits with at most one dot; normalising twice changes nothing for
// numbers and text.
func FuzzNormalizeFactValue(f *testing.F) {
	for _, s := range []string{"July the 4th", "4 July 2025", "1,200", "3.50", "2025-07-03", "the fourth of July", "0.0"} {
		f.Add(s)
	}
	num := regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	f.Fuzz(func(t *testing.T, raw string) {
		if d := normalizeFactValue("date", raw); d != "" && !mmdd.MatchString(d) {
			t.Fatalf("date %q -> %q", raw, d)
		}
		n := normalizeFactValue("number", raw)
		if n != "" && !num.MatchString(n) {
			t.Fatalf("number %q -> %q", raw, n)
		}
		if n != "" && normalizeFactValue("number", n) != n {
			t.Fatalf("number not stable: %q -> %q -> %q", raw, n, normalizeFactValue("number", n))
		}
		tx := normalizeFactValue("text", raw)
		if normalizeFactValue("text", tx) != tx {
			t.Fatalf("text not stable: %q", raw)
		}
	})
}

// FuzzWordsAcrossEllipses: what an ellipsis is said to drop is made of
// words of the full version.
func FuzzWordsAcrossEllipses(f *testing.F) {
	f.Add("We will not … accept it", "We will not, under any circumstances, accept it")
	f.Add("… a", "b a")
	f.Fuzz(func(t *testing.T, cut, full string) {
		got := wordsAcrossEllipses(cut, full)
		if got == "" {
			return
		}
		fullWords := map[string]bool{}
		for _, tok := range wordTokens(full, 0, len(full)) {
			fullWords[tok.Norm] = true
		}
		for _, tok := range wordTokens(got, 0, len(got)) {
			if !fullWords[tok.Norm] {
				t.Fatalf("dropped word %q is not in %q", tok.Norm, full)
			}
		}
	})
}

// FuzzDuplicateRuns: runs do not overlap, point backwards, and each
// repeated paragraph equals its original word for word; mayRepeatParagraph
// never misses two paragraphs equal word for word.
func FuzzDuplicateRuns(f *testing.F) {
	f.Add("one two three four five six seven eight.\nx\none two three four five six seven eight.\nx\n")
	f.Add("a\na\na\n")
	f.Add("Don’t STOP now\ndon't stop NOW!\n")
	f.Add("\u212aelvin\nkelvin\n") // the Kelvin sign is a K
	f.Fuzz(func(t *testing.T, text string) {
		fx := &attrFixture{t: t, docs: map[string]*source.Document{}, res: &result.Result{}}
		d := fx.addDoc("S1", "a.txt", text)
		seen := map[string]bool{}
		for _, p := range d.Paragraphs {
			norm := normalizeWords(d.Text[p.Start:p.End])
			if norm != "" && seen[norm] && !mayRepeatParagraph(d) {
				t.Fatalf("mayRepeatParagraph misses %q, twice in %q", norm, text)
			}
			seen[norm] = true
		}
		prevEnd := 0
		for _, r := range duplicateRuns(d) {
			if r.n < 1 || r.of >= r.at || r.at < prevEnd || r.at+r.n > len(d.Paragraphs) {
				t.Fatalf("bad run %+v (prev end %d) in %q", r, prevEnd, text)
			}
			for k := 0; k < r.n; k++ {
				a, b := d.Paragraphs[r.at+k], d.Paragraphs[r.of+k]
				if normalizeWords(d.Text[a.Start:a.End]) != normalizeWords(d.Text[b.Start:b.End]) {
					t.Fatalf("run %+v: paragraph %d differs from %d", r, r.at+k, r.of+k)
				}
			}
			prevEnd = r.at + r.n
		}
	})
}

// textExcerptWhole is textExcerpt done the plain way, on the whole text.
func textExcerptWhole(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := string([]rune(s)[:max-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// textExcerpt reads only the start of a passage; it must give what
// excerpting the whole collapsed passage gives.
func TestTextExcerptMatchesWholeText(t *testing.T) {
	long := strings.Repeat("word  \t\n ", 300)
	for _, s := range []string{"", "   ", " a  b ", "ab", "a b c d e f", "x\xff y", "\u00a0é\u2003ü  ", long, "é" + long, strings.Repeat("é", 500),
		strings.Repeat("a\xff é\xe2\x80 ", 100), "ab\xff", "abc\xff", "\xff\xfe\xfd"} {
		for _, max := range []int{1, 2, 3, 5, 10, 200} {
			if got, want := textExcerpt(s, max), textExcerptWhole(s, max); got != want {
				t.Errorf("textExcerpt(%.20q, %d) = %q, want %q", s, max, got, want)
			}
		}
	}
}

// FuzzTextExcerpt: textExcerpt gives what excerpting the whole collapsed
// text gives, not valid UTF-8 included.
func FuzzTextExcerpt(f *testing.F) {
	f.Add("a\xff b", 2)
	f.Add("é é\u00a0é", 3)
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = 1 + (max%300+300)%300
		if got, want := textExcerpt(s, max), textExcerptWhole(s, max); got != want {
			t.Fatalf("textExcerpt(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}

// FuzzWordReader: a text read a stretch at a time has the tokens of the
// whole text.
func FuzzWordReader(f *testing.F) {
	f.Add("Zamir Kabulov-\nsaid don’t\r\nÉLYSÉE 'x'\n", 3)
	f.Add("a-\nb", 1)
	f.Fuzz(func(t *testing.T, text string, n int) {
		text = strings.Repeat(text, 1+wordReadStretch/(len(text)+1)) // past a stretch
		want := wordTokens(text, 0, len(text))
		r := &wordReader{text: text}
		n = (n%(len(want)+2) + len(want) + 2) % (len(want) + 2)
		same := func(read int) bool {
			for i := range read {
				w := r.words[i]
				if int(w.start) != want[i].Start || int(w.end) != want[i].End || r.norm(i) != want[i].Norm || !r.wordsAt(i, []string{want[i].Norm}) {
					return false
				}
			}
			return true
		}
		if read := r.upTo(n); read < min(n, len(want)) || read > len(want) || !same(read) {
			t.Fatalf("upTo(%d): %d words, not the first of the %d of the whole text", n, read, len(want))
		}
		if read := r.upTo(len(want) + 1); read != len(want) || !same(read) {
			t.Fatalf("all: %d words, want %d", read, len(want))
		}
	})
}

// wordTokensByRunes is wordTokens done the plain way, a rune at a time.
func wordTokensByRunes(text string) []wordToken {
	var out []wordToken
	rs := []rune(text)
	offs := make([]int, 0, len(rs)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(rs); {
		if !word(rs[i]) {
			i++
			continue
		}
		var norm []rune
		j := i
		for j < len(rs) {
			if word(rs[j]) {
				norm = append(norm, unicode.ToLower(rs[j]))
				j++
				continue
			}
			if (rs[j] == '\'' || rs[j] == '’' || rs[j] == '-') && j+1 < len(rs) && word(rs[j+1]) {
				j++
				continue
			}
			break
		}
		out = append(out, wordToken{Norm: string(norm), Start: offs[i], End: offs[j]})
		i = j
	}
	return out
}

// FuzzWordCursor: the byte-class word cursor splits and normalises valid
// UTF-8 as reading rune by rune does.
func FuzzWordCursor(f *testing.F) {
	for _, s := range []string{"Don’t STOP-now", "Ça va, 149 ÉTATS", "'x' - y-", "İstanbul", "abc'DEF ghi-jkl- o'", "a1B2 ÀbC déF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
		}
		got, want := wordTokens(text, 0, len(text)), wordTokensByRunes(text)
		if !slices.Equal(got, want) {
			t.Fatalf("wordTokens(%q) = %v, want %v", text, got, want)
		}
	})
}

// FuzzWordCursorHash: nextHash reads the words next reads, each with the
// wordHash of its normal form.
func FuzzWordCursorHash(f *testing.F) {
	for _, s := range []string{"Don’t STOP-now", "Ça va, 149 ÉTATS", "'x' - y-", "İstanbul", "abc'DEF ghi-jkl- o'", "a1B2 ÀbC déF\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := wordTokens(text, 0, len(text))
		r := newWordCursor(text, 0, len(text))
		for i := 0; ; i++ {
			h, ok := r.nextHash()
			if !ok {
				if i != len(want) {
					t.Fatalf("%q: %d words hashed, want %d", text, i, len(want))
				}
				return
			}
			if i >= len(want) || r.ws != want[i].Start || r.we != want[i].End || h != wordHash(want[i].Norm) {
				t.Fatalf("%q: word %d [%d:%d] hash %x, want %+v", text, i, r.ws, r.we, h, want[min(i, len(want)-1)])
			}
		}
	})
}

// An excerpt of a passage written with single spaces is a slice of it,
// not a copy.
func TestCollapseSpacesSlicesCleanText(t *testing.T) {
	s := strings.Repeat("word and word ", 30) + "end"
	var got string
	if n := testing.AllocsPerRun(10, func() { got = collapseSpaces(s[5:], 40) }); n != 0 {
		t.Errorf("collapseSpaces of clean text allocated %v times", n)
	}
	if want := strings.Join(strings.Fields(s[5:]), " ")[:40]; got != want {
		t.Errorf("collapseSpaces = %q, want %q", got, want)
	}
}

// FuzzBlankSpans: blankSpans gives what replacing every byte of the
// sorted spans by a space in a copy of the range gives.
func FuzzBlankSpans(f *testing.F) {
	f.Add("He said “no” and “yes” today.", 2, 25, 8, 14, 12, 20)
	f.Add("abcdef", 0, 6, -3, 2, 1, 9)
	f.Fuzz(func(t *testing.T, text string, start, end, s1, e1, s2, e2 int) {
		spans := []source.Span{{Start: s1, End: e1}, {Start: s2, End: e2}}
		slices.SortFunc(spans, func(a, b source.Span) int { return a.Start - b.Start })
		want := ""
		if st, en := max(0, min(start, len(text))), max(0, min(end, len(text))); st <= en {
			b := []byte(text[st:en])
			for _, sp := range spans {
				for i := max(sp.Start, st); i < min(sp.End, en); i++ {
					b[i-st] = ' '
				}
			}
			want = string(b)
		}
		if got := blankSpans(text, start, end, spans); got != want {
			t.Fatalf("blankSpans(%q, %d, %d, %v) = %q, want %q", text, start, end, spans, got, want)
		}
	})
}
