package quote

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote
)

// token is a word, a punctuation character or a whole quote (marks
// included) of a paragraph's narration. Offsets are into the document text.
type token struct {
	s, e int
	q    int    // index of the quote, for tQuote
	low  string // the word in lower case (computed once)
	// cls and lex are what the grammar tables and the lexicon say of a
	// word's lower case, looked up once when it is read (zero for
	// punctuation and quotes).
	lex     lexicon.Word
	cls     wordClass
	kind    tokKind
	upper   bool // a word starting with an upper-case letter
	mixed   bool // a word with an upper-case letter after its first
	sentEnd bool // punctuation that ends a sentence
}

// is reports whether the token is a word of class c.
func (tk *token) is(c wordClass) bool { return tk.cls&c != 0 }

// personNoun reports whether the word, or its part after the last hyphen,
// is a noun for a person (personNouns[lastPart(w)]).
func (tk *token) personNoun() bool {
	return tk.cls&cPersonNoun != 0 || strings.IndexByte(tk.low, '-') >= 0 && personNouns[lastPart(tk.low)]
}

// tokenize appends to out the tokens of text[lo:hi]; spans (sorted, inside
// the paragraph) become one tQuote token each, numbered from qbase.
//
// The lower case of a word with a capital is needed as a string: for an
// ASCII word its bytes are appended to lower and its low is left empty,
// for classify to point into one string made from lower for the whole
// document (one allocation, not one per capitalised word). Tokens are
// therefore not usable until classify has read all of them, in order,
// with the lower of the same tokenize calls.
func tokenize(t string, lo, hi int, spans []span, qbase int, out []token, lower []byte) ([]token, []byte) {
	first := len(out) // this paragraph's first token
	si := 0
	nextQuote := math.MaxInt // where the next span opens
	if len(spans) > 0 {
		nextQuote = spans[0].open
	}
	for i := lo; i < hi; {
		if i >= nextQuote {
			end := max(spans[si].close, spans[si].end, i+1)
			out = append(out, token{s: spans[si].open, e: end, kind: tQuote, q: qbase + si})
			i = end
			si++
			nextQuote = math.MaxInt
			if si < len(spans) {
				nextQuote = spans[si].open
			}
			continue
		}
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:hi])
		}
		switch {
		case r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			// the word runs on over letters, digits and the joiners ' ’ - . &
			// that stand between two of them; mixed: a capital or a
			// non-ASCII byte after the first rune; ascii: none at all
			j := i + n
			mixed, ascii := false, r < utf8.RuneSelf
			for j < hi {
				if c := t[j]; c < utf8.RuneSelf && asciiWord[c] {
					// the common case: an ASCII letter or digit
					mixed = mixed || 'A' <= c && c <= 'Z'
					j++
					continue
				}
				r2, n2 := rune(t[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(t[j:hi])
				}
				if !isWordRune(r2) {
					if r2 != '\'' && r2 != '’' && r2 != '-' && r2 != '.' && r2 != '&' || j+n2 >= nextQuote || !isWordRune(runeAfter(t, j+n2, hi)) {
						break
					}
				}
				if r2 >= utf8.RuneSelf {
					mixed, ascii = true, false
				} else if 'A' <= r2 && r2 <= 'Z' {
					mixed = true
				}
				j += n2
			}
			tk := token{s: i, e: j, kind: tWord, upper: unicode.IsUpper(r), mixed: mixed, low: t[i:j]}
			if tk.upper || mixed {
				if ascii {
					tk.low = "" // classify points it into the document's lower case
					for k := i; k < j; k++ {
						c := t[k]
						if 'A' <= c && c <= 'Z' {
							c += 'a' - 'A'
						}
						lower = append(lower, c)
					}
				} else {
					tk.low = strings.ToLower(tk.low)
				}
			}
			out = append(out, tk)
			i = j
		default:
			out = append(out, token{s: i, e: i + n, kind: tPunct, low: t[i : i+n]})
			i += n
		}
	}
	// sentence ends
	for k := first; k < len(out); k++ {
		tk := &out[k]
		if tk.kind != tPunct {
			continue
		}
		c := t[tk.s:tk.e]
		if c != "." && c != "!" && c != "?" && c != "…" {
			continue
		}
		if c == "." && k > first && out[k-1].kind == tWord && out[k-1].e == tk.s && abbreviation(t[out[k-1].s:out[k-1].e]) {
			continue
		}
		// followed by space or end (or a closing mark)
		if tk.e < hi {
			r := runeAfter(t, tk.e, hi)
			if !unicode.IsSpace(r) && !strings.ContainsRune("\"”’')", r) {
				continue
			}
		}
		if k+1 < len(out) && out[k+1].kind == tWord && !out[k+1].upper && unicode.IsLower(runeAfter(t, out[k+1].s, hi)) {
			continue
		}
		tk.sentEnd = true
	}
	return out, lower
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = func() (s [utf8.RuneSelf]bool) {
	for _, c := range "\t\n\v\f\r " {
		s[c] = true
	}
	return s
}()

// classify completes the words of toks, tokenized in order with lower the
// string of the bytes tokenize appended: the low of a capitalised ASCII
// word, then its grammar classes and what lx knows of it.
func classify(toks []token, lower string, lx *lexicon.Lexicon) {
	o := 0
	for k := range toks {
		tk := &toks[k]
		if tk.kind != tWord {
			continue
		}
		if tk.low == "" {
			n := tk.e - tk.s
			tk.low = lower[o : o+n]
			o += n
		}
		if grammarSieve.May(tk.low) {
			tk.cls = grammar[tk.low]
		}
		tk.lex = lx.LookupLower(tk.low)
		if tk.lex.Verb != "" || tk.is(cMultiFirst|cDescribeForm) {
			tk.cls |= cMayBeVerb
		}
	}
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "no": true,
	"gov": true, "sen": true, "rep": true, "gen": true, "col": true, "lt": true, "capt": true, "prof": true,
	"rev": true, "vs": true, "v": true, "sgt": true, "cpl": true, "maj": true, "adm": true, "supt": true,
	"insp": true, "det": true, "hon": true, "mt": true, "ft": true, "jan": true, "feb": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "approx": true, "fig": true,
}

func abbreviation(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S, e.g
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // initials
	}
	if len(w) > 5 {
		return false
	}
	return abbreviations[strings.ToLower(w)]
}

// word returns the text of a token.
func word(t string, tk token) string { return t[tk.s:tk.e] }

// lowerIs reports whether the token is the word w (ASCII case-insensitive).
func lowerIs(t string, tk token, w string) bool {
	return tk.kind == tWord && strings.EqualFold(t[tk.s:tk.e], w)
}
