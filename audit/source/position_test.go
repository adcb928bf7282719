package source

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPositionLongLines checks the checkpointed column count against a
// plain count on texts with long lines, multi-byte characters and every
// kind of line break, at every rune boundary.
func TestPositionLongLines(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"word ", "“quoted” ", "Муттаки ", "🙂", "é", "\n", "\r\n", "\r", strings.Repeat("x", 1500), "ال"}
	for trial := 0; trial < 20; trial++ {
		var b strings.Builder
		for b.Len() < 20000 {
			p := pieces[rng.Intn(len(pieces))]
			if strings.ContainsAny(p, "\r\n") && rng.Intn(4) != 0 {
				continue // keep lines long
			}
			b.WriteString(p)
		}
		checkPositions(t, b.String())
	}
}

// Texts that start or end with line breaks of every kind, and lines of
// exactly the checkpoint step.
func TestPositionEdges(t *testing.T) {
	step := strings.Repeat("é", colMarkStep/2)
	for _, text := range []string{"", "\n", "\r", "\r\n", "\n\r", "\r\n\r", "a\r", "x\n\n", "\rab\r\n",
		step, step + "\n" + step + "\r" + step + "x", "x" + step + step + "\r\n"} {
		checkPositions(t, text)
	}
}

// checkPositions compares Position with a plain count of lines and
// characters at every character of text.
func checkPositions(t *testing.T, text string) {
	t.Helper()
	d := &Document{Text: text}
	line, col := 1, 1
	for off := 0; off <= len(d.Text); {
		gl, gc := d.Position(off)
		if gl != line || gc != col {
			t.Fatalf("%.40q offset %d: got %d:%d, want %d:%d", text, off, gl, gc, line, col)
		}
		if off == len(d.Text) {
			break
		}
		switch d.Text[off] {
		case '\r':
			off++
			if off < len(d.Text) && d.Text[off] == '\n' {
				off++
			}
			line, col = line+1, 1
		case '\n':
			off++
			line, col = line+1, 1
		default:
			_, n := utf8.DecodeRuneInString(d.Text[off:])
			off += n
			col++
		}
	}
}

func BenchmarkPositionOneLongLine(b *testing.B) {
	text := strings.Repeat("“A quote,” she said. ", 40000) // ~1 MB, one line
	for i := 0; i < b.N; i++ {
		d := &Document{Text: text}
		for off := 0; off < len(text); off += 97 {
			for !utf8.RuneStart(text[off]) {
				off++
			}
			d.Position(off)
		}
	}
}
