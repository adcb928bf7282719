// Package names resolves the people of an audit: it collects every person
// named in the sources (speakers and people introduced with a role, a
// title or a verb of speech), links later short references ("Muttaqi") to
// the full name introduced earlier in the same source, clusters people
// across sources and against the editors' roster (fingerprint keys,
// blocking on surname keys, then a bounded edit distance inside blocks),
// and finds proper nouns spelt one edit away from a much more frequent
// form ("Taiban" beside "Taliban").
//
// Name comparison works on folded keys (see Fold): case, diacritics and
// punctuation never make two spellings differ.
package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// special folds letters that NFKD does not decompose (ø ł đ ı æ œ …).
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss", 'þ': "th", 'Þ': "th",
	'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h",
}

// Fold returns the comparison key of a name: case, diacritics and
// punctuation folded. Letters and digits are kept; white space, hyphens
// and dashes become one space; other punctuation (apostrophes, dots) is
// dropped. Fold(Fold(s)) == Fold(s).
func Fold(name string) string {
	if k, ok := foldASCII(name); ok {
		return k
	}
	// A fresh transformer per call: transform.Chain is stateful and must
	// not be shared between goroutines.
	strip := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(strip, name)
	if err != nil {
		s = name
	}
	s = cases.Fold().String(s)
	// Case folding can produce combining marks (Greek ΐ): strip again.
	if t, _, err := transform.String(transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err == nil {
		s = t
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if rep, ok := special[r]; ok {
				b.WriteString(rep)
			} else {
				b.WriteRune(cherokeeCapital(r))
			}
		case unicode.IsSpace(r) || r == '-' || unicode.Is(unicode.Pd, r) || r == '_' || r == ',' || r == '/':
			space = true
		}
	}
	return b.String()
}

// cherokeeCapital folds a Cherokee letter to its capital, as Unicode's
// CaseFolding does. x/text's cases.Fold swaps the two cases instead (ꮺ
// gives Ꮺ but Ꮺ gives ꮺ), which left Fold not idempotent (found by
// FuzzFold).
func cherokeeCapital(r rune) rune {
	switch {
	case r >= 0xAB70 && r <= 0xABBF:
		return r - 0xAB70 + 0x13A0
	case r >= 0x13F8 && r <= 0x13FD:
		return r - 8
	}
	return r
}

// foldASCII is Fold's fast path for plain ASCII names (no diacritics to
// strip, no special case folding).
func foldASCII(name string) (string, bool) {
	if alreadyFolded(name) {
		return name, true
	}
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '-' || c == '_' || c == ',' || c == '/':
			space = true
		}
	}
	return b.String(), true
}

// alreadyFolded reports whether name is its own ASCII fold: lower-case
// letters and digits, with single spaces between them.
func alreadyFolded(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i+1 < len(name) && name[i-1] != ' ' && name[i+1] != ' ' && isFoldedByte(name[i+1]):
		default:
			return false
		}
	}
	return true
}

func isFoldedByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// Fingerprint is OpenRefine's key: folded tokens, sorted, deduplicated,
// joined by one space. "Muttaqi, Amir Khan" and "Amir Khan Muttaqi" share
// it.
func Fingerprint(name string) string { return fingerprint(strings.Fields(Fold(name))) }

// fingerprint is Fingerprint of a name's folded tokens; toks is not
// changed.
func fingerprint(toks []string) string {
	if len(toks) == 1 {
		return toks[0]
	}
	return strings.Join(sortedUnique(toks), " ")
}

// appendFingerprint appends fingerprint(toks) to dst, the tokens of a
// name of up to eight sorted on the stack.
func appendFingerprint(dst []byte, toks []string) []byte {
	if len(toks) > 8 {
		return append(dst, fingerprint(toks)...)
	}
	var buf [8]string
	s := buf[:len(toks)]
	copy(s, toks)
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	for i, t := range s {
		switch {
		case i == 0:
		case t == s[i-1]:
			continue
		default:
			dst = append(dst, ' ')
		}
		dst = append(dst, t...)
	}
	return dst
}

// translitPairs are the digraphs that transliterations of the same name
// spell either way, in the order they are applied.
var translitPairs = []struct{ from, to string }{
	{"ph", "f"}, {"kh", "k"}, {"dh", "d"}, {"gh", "g"}, {"th", "t"},
	{"dz", "z"}, {"ck", "k"}, {"ou", "u"}, {"ee", "i"},
}

// TranslitKey is a coarse key for names transliterated from other
// scripts: the folded name with the digraphs ph/f, kh/k, dh/d, gh/g, th/t,
// dz/z, ck/k, ou/u, ee/i and the letter classes q/c/k, z/s, v/f, y/i
// merged and doubled letters collapsed, so that Muttaqi/Mutaqi,
// Akhundzada/Akhunzada and Yusuf/Yousuf share a key. Word breaks are kept.
// Iran/Iraq and Bennett/Bernett keep different keys.
func TranslitKey(name string) string {
	s := Fold(name)
	for _, p := range translitPairs {
		s = strings.ReplaceAll(s, p.from, p.to)
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune = -1
	for _, r := range s {
		switch r {
		case 'q', 'c':
			r = 'k'
		case 'z':
			r = 's'
		case 'v':
			r = 'f'
		case 'y':
			r = 'i'
		}
		if r == prev && r != ' ' {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// tokens splits a name into its folded tokens.
func tokens(name string) []string { return strings.Fields(Fold(name)) }

// reorder turns "Muttaqi, Amir Khan" into "Amir Khan Muttaqi"; other
// names are returned unchanged (trimmed, inner space collapsed).
func reorder(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if i := strings.IndexByte(name, ','); i > 0 && strings.Count(name, ",") == 1 {
		last, given := strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
		if last != "" && given != "" {
			return given + " " + last
		}
	}
	return name
}
