package source

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func utf16Bytes(t *testing.T, s string, be, bom bool) []byte {
	t.Helper()
	order := unicode.LittleEndian
	if be {
		order = unicode.BigEndian
	}
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	b, err := unicode.UTF16(order, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadTXTEncodings(t *testing.T) {
	const article = "Bridge reopens\n\n“It’s safe now,” the engineer said.\n"
	win, err := charmap.Windows1252.NewEncoder().String(article)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		encoding string
		text     string // Text without a kept BOM
		notes    []string
	}{
		{"utf-8", []byte(article), "utf-8", article, nil},
		{"utf-8 bom", []byte("\xEF\xBB\xBF" + article), "utf-8-bom", article, nil},
		{"utf-16le bom", utf16Bytes(t, article, false, true), "utf-16le", article, nil},
		{"utf-16be bom", utf16Bytes(t, article, true, true), "utf-16be", article, nil},
		{"utf-16le no bom", utf16Bytes(t, article, false, false), "utf-16le", article, []string{"read as utf-16le (no byte-order mark)"}},
		{"utf-16be no bom", utf16Bytes(t, article, true, false), "utf-16be", article, []string{"read as utf-16be (no byte-order mark)"}},
		{"windows-1252", []byte(win), "windows-1252", article, []string{"transcoded from windows-1252"}},
		{"mixed", []byte("Caf\xe9 opens\n\n“Come in,” she said.\n"), "utf-8", "Café opens\n\n“Come in,” she said.\n", []string{"invalid UTF-8 bytes read as windows-1252"}},
		{"nul", []byte("Bridge\x00 reopens\n\n“Safe\x00,” he said.\n"), "utf-8", "Bridge reopens\n\n“Safe,” he said.\n", []string{"NUL bytes removed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if d.Meta.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", d.Meta.Encoding, tt.encoding)
			}
			if got := strings.TrimPrefix(d.Text, "\uFEFF"); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
			if !reflect.DeepEqual(d.Meta.Notes, tt.notes) {
				t.Errorf("notes %q, want %q", d.Meta.Notes, tt.notes)
			}
			if d.Meta.Format != "txt" || d.Meta.Title == "" || d.Meta.Paragraphs != 2 {
				t.Errorf("meta %+v", d.Meta)
			}
			// The quoted words start at 3:2 in every encoding.
			if l, c := d.Position(d.Paragraphs[1].Start + len("“")); l != 3 || c != 2 {
				t.Errorf("quote starts at %d:%d, want 3:2", l, c)
			}
		})
	}
}

func TestReadTXTPositions(t *testing.T) {
	tests := []struct {
		name string
		data string
		sub  string
		line int
		col  int
	}{
		{"lf", "Title\n\nHe said “no” twice.\n", "no", 3, 10},
		{"crlf", "Title\r\n\r\nHe said “no” twice.\r\n", "no", 3, 10},
		{"cr", "Title\r\rHe said “no” twice.\r", "no", 3, 10},
		{"bom", "\xEF\xBB\xBFTitle “x” here\nnext", "x", 1, 8},
		{"bom line 2", "\xEF\xBB\xBFTitle\nHe said “no”", "no", 2, 10},
		{"nul keeps columns", "Ti\x00tle\nHe\x00 said “no”", "no", 2, 11},
		{"long line", "T\n" + strings.Repeat("word ", 5000) + "“end”", "end", 2, 25002},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.txt", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if l, c := posOf(t, d, tt.sub); l != tt.line || c != tt.col {
				t.Errorf("%q at %d:%d, want %d:%d", tt.sub, l, c, tt.line, tt.col)
			}
		})
	}
}

func TestReadTXTKeepsBytes(t *testing.T) {
	data := "\xEF\xBB\xBFTitle\r\n\r\nBody “quoted” line.\r\n"
	d, err := ReadBytes("a.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != data {
		t.Fatalf("text %q is not the file %q", d.Text, data)
	}
	want := []Span{{3, 8}, {12, 35}}
	if !reflect.DeepEqual(d.Paragraphs, want) {
		t.Fatalf("paragraphs %v, want %v (%q)", d.Paragraphs, want, d.Text)
	}
}

func TestReadTXTParagraphs(t *testing.T) {
	data := "  First line  \n\u00a0\u00a0\n\tSecond\u00a0\n\n\nThird\r\nFourth"
	d, err := ReadBytes("a.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, d.Slice(p))
	}
	want := []string{"First line", "Second", "Third", "Fourth"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paragraphs %q, want %q", got, want)
	}
}

func TestReadTXTRejects(t *testing.T) {
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 200)...)
	ctl := []byte(strings.Repeat("\x01\x02\x03\x04abc", 50))
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"empty", nil, "empty file"},
		{"spaces", []byte(" \n\t\r\n \u00a0\u00a0\n"), "whitespace only"},
		{"bom only", []byte("\xEF\xBB\xBF"), "empty file"},
		{"utf-16 spaces", utf16Bytes(t, "   \n  \n", false, true), "whitespace only"},
		{"binary", elf, "binary file"},
		{"control bytes", ctl, "binary file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("a.txt", tt.data)
			if got := skipReason(t, err); got != tt.reason {
				t.Fatalf("reason %q, want %q", got, tt.reason)
			}
		})
	}
}

// lineParagraphs is the plain byte-by-byte split of lines, on random
// text with every kind of line break and blank.
func TestLineParagraphsIsPlainSplit(t *testing.T) {
	plain := func(s string) []Span {
		var paras []Span
		start := 0
		add := func(end int) {
			if lo, hi := trimSpan(s[start:end]); lo < hi {
				paras = append(paras, Span{Start: start + lo, End: start + hi})
			}
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\n' || c == '\r' {
				add(i)
				if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
				start = i + 1
			}
		}
		add(len(s))
		return paras
	}
	pieces := []string{"a", "word ", "“é”", "\n", "\r", "\r\n", "\n\r", " ", "\u00a0", "\t"}
	rng := rand.New(rand.NewPCG(10, 11))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := lineParagraphs(s), plain(s); !slices.Equal(got, want) {
			t.Fatalf("lineParagraphs(%q) = %v, want %v", s, got, want)
		}
	}
}
