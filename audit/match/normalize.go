// Package match finds the same or nearly the same quotation across the
// audited sources: exact copies, near variants (a changed, dropped or added
// word, a typo, changed punctuation), quotations that quote part of a longer
// one, and short fragments repeated by the same speaker.
//
// Comparison happens on a normalised form of the text (see Normalize);
// evidence and member texts always keep the original wording. Grouping never
// compares all pairs: exact copies meet in a hash map of normalised texts,
// and near or contained candidates only through an inverted index of rare
// word bigrams, so the cost grows about linearly with the number of quotes.
package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a quotation as written, with its comparison key.
type token struct {
	text string // as written
	key  string // comparison form: folded case, unified marks, brackets unwrapped
	core string // key without punctuation: letters, digits and inner apostrophes
}

// cmp is what Diff compares: the core, or the key of a punctuation-only
// word.
func (t token) cmp() string {
	if t.core != "" {
		return t.core
	}
	return t.key
}

// Comparison keys of the punctuation tokens the tokenizer splits off.
const (
	dashKey     = "—"
	ellipsisKey = "…"
)

// words splits s into the words Diff works on: runs of non-space
// characters, with dashes (—, –, ―, ‒, --, a lone -) and ellipses (…, ...)
// split off as words of their own, so that "notice—if" and "notice — if"
// compare equal.
func words(s string) []string { return appendWords(nil, s) }

// appendWords appends the words of s to out.
func appendWords(out []string, s string) []string {
	for f := range strings.FieldsSeq(s) {
		out = splitPunct(f, out)
	}
	return out
}

// splitPunct appends the pieces of field f to out.
func splitPunct(f string, out []string) []string {
	if f == "-" {
		return append(out, f)
	}
	start := 0
	i := 0
	for i < len(f) {
		if !mayStartPunctRun(f[i]) {
			// A byte inside a multi-byte rune never may either: reading
			// on a byte at a time skips the rune.
			i++
			continue
		}
		n := punctRun(f[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(f[i:])
			i += size
			continue
		}
		if i > start {
			out = append(out, f[start:i])
		}
		out = append(out, f[i:i+n])
		i += n
		start = i
	}
	if start < len(f) {
		out = append(out, f[start:])
	}
	return out
}

// punctRun returns the length in bytes of the dash or ellipsis run at the
// start of s, or 0. A run is made of dashes, ellipses, hyphens and dots,
// and may hold characters a word's key drops (quotation marks,
// apostrophes, brackets) between them, so that `-"-` and `.".."` read as
// they will once the marks are gone. It counts when it holds a dash or an
// ellipsis character, two hyphens or three dots; a single hyphen is not a
// dash here (it is one only when it stands alone as a word, see
// isDashWord), nor are one or two dots ("U.S.", "0.5").
func punctRun(s string) int {
	end, hyphens, dots, strong := 0, 0, 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '—' || r == '–' || r == '―' || r == '‒' || r == '…':
			strong = true
		case r == '-':
			hyphens++
		case r == '.':
			dots++
		case end > 0 && (isQuoteMark(r) || isApostrophe(r) || r == '[' || r == ']'):
			i += size
			continue // dropped by the key: the run goes on past it
		default:
			i = len(s)
			continue
		}
		i += size
		end = i
	}
	if strong || hyphens >= 2 || dots >= 3 {
		return end
	}
	return 0
}

// mayStartPunctRun reports whether a run punctRun counts may start with
// byte c: a hyphen, a dot, or the first byte of the UTF-8 of a dash or an
// ellipsis (— – ― ‒ … all start with 0xE2), which no other byte of a
// rune is.
func mayStartPunctRun(c byte) bool { return c == '-' || c == '.' || c == 0xE2 }

// tokenize returns the tokens of s with their keys. A word whose key is
// empty (a lone quotation mark or bracket) stays, so that Diff can rebuild
// the text; Normalize leaves it out.
func tokenize(s string) []token {
	var z tokenizer
	return z.tokenize(s)
}

// tokenizer tokenizes text after text, keeping its scratch space.
type tokenizer struct{ words []string }

// tokenize is the package's tokenize.
func (z *tokenizer) tokenize(s string) []token {
	z.words = appendWords(z.words[:0], s)
	out := make([]token, 0, len(z.words))
	for _, w := range z.words {
		k := wordKey(w)
		out = append(out, token{text: w, key: k, core: coreOf(k)})
	}
	return out
}

// wordKey is the comparison form of one word: NFKC, lower case, every
// quotation mark removed except an apostrophe inside a word (which becomes
// '), square brackets removed (editorial insertions are unwrapped), dashes
// and ellipses unified.
func wordKey(w string) string {
	if w == "-" {
		return dashKey
	}
	if n := punctRun(w); n == len(w) && n > 0 {
		if strings.ContainsRune(w, '…') || strings.Count(w, ".") >= 3 {
			return ellipsisKey
		}
		return dashKey
	}
	if plainWord(w) {
		return w
	}
	if isASCII(w) {
		return asciiWordKey(w)
	}
	// Case is folded before composing as well as after: folding
	// turns the combining ypogegrammeni (ͅ) into a letter (ι), which
	// composes differently, so composing first would make "̀ͅ" and
	// its upper case "Ὶ" differ (found by FuzzNormalize).
	return runeWordKey(norm.NFKC.String(strings.Map(foldCase, w)))
}

// runeWordKey is wordKey of w once composed and case-folded, read rune by
// rune.
func runeWordKey(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	rs := []rune(w)
	for i, r := range rs {
		switch {
		case r == '[' || r == ']':
			continue
		case isApostrophe(r):
			if i > 0 && i < len(rs)-1 && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
				b.WriteByte('\'')
			}
			continue
		case isQuoteMark(r) || unicode.IsSpace(r):
			continue
		}
		b.WriteRune(foldCase(r)) // composing may have made upper case (ℌ → H)
	}
	k := b.String()
	if !isASCII(k) {
		k = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || isQuoteMark(r) {
				return -1
			}
			return r
		}, norm.NFKC.String(k))
	}
	if k == "-" {
		// A hyphen left alone once marks are removed (-" or [-]) is a
		// dash, as a lone - is: Normalize stays idempotent.
		return dashKey
	}
	return k
}

// asciiWordKey is wordKey of an ASCII word that is neither plain nor
// punctuation alone (most often a capitalised word), written in one pass
// over its bytes: what wordKey's rune loop does, where NFKC and case
// folding change no ASCII byte but lower its letters.
func asciiWordKey(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '[' || c == ']' || c == '"':
			continue
		case c == '\'' || c == '`':
			if i > 0 && i < len(w)-1 && asciiWordByte(w[i-1]) && asciiWordByte(w[i+1]) {
				b.WriteByte('\'')
			}
			continue
		case c == ' ' || c >= '\t' && c <= '\r':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	if k := b.String(); k != "-" {
		return k
	}
	// A hyphen left alone once marks are removed (-" or [-]) is a dash,
	// as a lone - is: Normalize stays idempotent.
	return dashKey
}

// asciiWordByte is isWordRune of an ASCII byte.
func asciiWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// foldCase folds r's case through upper case: ͅ and Ι both become ι.
func foldCase(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }

// plainWord reports whether w is its own key: lower-case ASCII letters,
// digits and punctuation other than quotation marks and brackets.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '"' || c == '\'' || c == '`' || c == '[' || c == ']' || c <= ' ' {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '′' || r == '‛' || r == '`' || r == '´'
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '″', '‚', '〝', '〞', '＂':
		return true
	}
	return false
}

// coreOf strips a key to its letters, digits and inner apostrophes.
func coreOf(k string) string {
	// Most keys are ASCII letters and digits: one pass over the bytes
	// settles them.
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !asciiWordByte(c) && c != '\'' {
			break
		}
		if i == len(k)-1 && k[0] != '\'' && c != '\'' {
			return k
		}
	}
	clean := true
	for _, r := range k {
		if !isWordRune(r) && r != '\'' {
			clean = false
			break
		}
	}
	if clean && !strings.HasPrefix(k, "'") && !strings.HasSuffix(k, "'") {
		return k
	}
	var b strings.Builder
	for _, r := range k {
		if isWordRune(r) || r == '\'' {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "'")
}

// trailingPunct is what trimOuter strips from the ends of a quotation.
const outerPunct = ".,;:!?…—"

// trimOuter drops punctuation-only tokens at both ends of a quotation and
// strips outer punctuation from the first and last keys: “borders.” and
// “borders,” compare equal as whole quotations. It modifies ts and
// returns a part of it.
func trimOuter(ts []token) []token {
	for len(ts) > 0 && ts[0].core == "" {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].core == "" {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return nil
	}
	ts[0].key = strings.TrimLeft(ts[0].key, outerPunct+"(")
	last := len(ts) - 1
	ts[last].key = strings.TrimRight(ts[last].key, outerPunct+")")
	return ts
}

// Normalize returns the comparison form of a quote text: NFKC; lower case;
// all quotation marks removed and apostrophes unified as '; square brackets
// unwrapped ("[we are]" compares as "we are": an editorial insertion usually
// stands for words the speaker used); dashes (—, –, --, a lone -) unified
// as "—" and ellipses (…, ...) as "…", each a word of its own; runs of
// white space collapsed to one space; punctuation stripped from both ends.
// Evidence keeps the original text: this form is for comparison only.
func Normalize(s string) string {
	ts := trimOuter(tokenize(s))
	var b strings.Builder
	for _, t := range ts {
		if t.key == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}
