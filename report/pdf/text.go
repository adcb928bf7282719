package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeholder stands in for a rune the PDF backend cannot draw: gofpdf
// maps glyphs through a 16-bit table and panics on runes above U+FFFF
// (emoji and other supplementary-plane characters).
const placeholder = '\uFFFD'

// sanitizeRune decides how one rune of untrusted text is drawn: white
// space of any kind becomes a space; control and format characters (bidi
// controls, zero-width spaces, soft hyphens, BOM) are dropped (ok false);
// runes above U+FFFF and noncharacters become the placeholder.
func sanitizeRune(r rune) (out rune, ok bool) {
	if r < utf8.RuneSelf { // ASCII: the same answers without the tables
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' ', true
		case r < 0x20 || r == 0x7F:
			return 0, false
		}
		return r, true
	}
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' ||
		r == '\u2028' || r == '\u2029' || r == '\u0085' || unicode.Is(unicode.Zs, r):
		return ' ', true
	case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		return 0, false
	case r > 0xFFFF || r == 0xFFFE || r == 0xFFFF || (r >= 0xFDD0 && r <= 0xFDEF):
		return placeholder, true
	}
	return r, true
}

// clean makes untrusted text safe to draw on one line: each rune goes
// through sanitizeRune and runs of spaces collapse; the result is trimmed.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r, ok := sanitizeRune(r)
		if !ok {
			continue
		}
		if r == ' ' {
			if space || b.Len() == 0 {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// isRTL reports whether r belongs to a right-to-left script (Hebrew,
// Arabic, Syriac, Thaana, N'Ko and their presentation forms).
func isRTL(r rune) bool {
	return (r >= 0x0590 && r <= 0x08FF) || (r >= 0xFB1D && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC)
}

func hasRTL(s string) bool {
	for _, r := range s {
		if isRTL(r) {
			return true
		}
	}
	return false
}

// Arabic joining forms: isolated, final, initial, medial. A zero initial
// form marks a letter that joins only to the preceding letter.
type arabicForms struct{ iso, fin, ini, med rune }

var arabicTable = map[rune]arabicForms{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0640: {0x0640, 0x0640, 0x0640, 0x0640},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef maps the alef that follows a lam to the ligature's isolated
// form; the final form is the next code point.
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

// isMark reports whether r is a combining mark (Arabic harakat included):
// transparent to joining, and kept after its base when a word is reversed.
func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) }

// joinsForward reports whether letter r can join to the letter after it.
func joinsForward(r rune) bool { f, ok := arabicTable[r]; return ok && f.ini != 0 }

// shapeArabic replaces Arabic letters with their contextual presentation
// forms (and lam-alef ligatures), in logical order.
func shapeArabic(word []rune) []rune {
	// neighbours skip combining marks.
	prev := func(i int) rune {
		for j := i - 1; j >= 0; j-- {
			if !isMark(word[j]) {
				return word[j]
			}
		}
		return 0
	}
	next := func(i int) (rune, int) {
		for j := i + 1; j < len(word); j++ {
			if !isMark(word[j]) {
				return word[j], j
			}
		}
		return 0, -1
	}
	out := make([]rune, 0, len(word))
	for i := 0; i < len(word); i++ {
		r := word[i]
		f, ok := arabicTable[r]
		if !ok {
			out = append(out, r)
			continue
		}
		joinPrev := joinsForward(prev(i))
		if r == 0x0644 {
			if n, j := next(i); j >= 0 {
				if lig, ok := lamAlef[n]; ok {
					if joinPrev {
						lig++
					}
					out = append(out, lig)
					out = append(out, word[i+1:j]...) // marks on the lam
					i = j
					continue
				}
			}
		}
		n, _ := next(i)
		_, nextIsArabic := arabicTable[n]
		joinNext := f.ini != 0 && nextIsArabic && n != 0x0621
		switch {
		case joinPrev && joinNext:
			out = append(out, f.med)
		case joinPrev && f.fin != 0:
			out = append(out, f.fin)
		case joinNext:
			out = append(out, f.ini)
		default:
			out = append(out, f.iso)
		}
	}
	return out
}

// visualWord turns one word in logical order into the order it is drawn
// in: right-to-left words are shaped and reversed cluster by cluster
// (a base letter keeps its marks after it; runs of digits keep their
// order); other words are unchanged.
func visualWord(w string) string {
	if !hasRTL(w) {
		return w
	}
	rs := shapeArabic([]rune(w))
	// split into clusters: a base with its marks, or a run of digits.
	var clusters [][]rune
	for i := 0; i < len(rs); {
		j := i + 1
		if unicode.IsDigit(rs[i]) {
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
		}
		for j < len(rs) && isMark(rs[j]) {
			j++
		}
		clusters = append(clusters, rs[i:j])
		i = j
	}
	out := make([]rune, 0, len(rs))
	for k := len(clusters) - 1; k >= 0; k-- {
		c := clusters[k]
		out = append(out, mirror(c)...)
	}
	return string(out)
}

// mirror swaps paired punctuation drawn in a right-to-left run.
func mirror(c []rune) []rune {
	if len(c) != 1 {
		return c
	}
	switch c[0] {
	case '(':
		return []rune{')'}
	case ')':
		return []rune{'('}
	case '[':
		return []rune{']'}
	case ']':
		return []rune{'['}
	case '«':
		return []rune{'»'}
	case '»':
		return []rune{'«'}
	}
	return c
}
