// Package lexicon is the vocabulary of attribution that the quote
// extractor, the name resolver and the checks share: attribution verbs
// (neutral and loaded, with their inflections), personal titles,
// anonymous descriptors and outlets. It is built once per run from the
// rule set, whose bundled defaults supply the common words.
package lexicon

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/rules"
)

// Lexicon answers "is this word an attribution verb?" and similar
// questions in O(1). It is read-only after New and safe for concurrent use.
type Lexicon struct {
	// words holds what the lexicon knows of each lower-case word (verb
	// form, descriptor) in one table, so that one lookup answers both.
	words   map[string]Word
	sieve   *Sieve          // of words
	loaded  map[string]bool // base forms of loaded verbs
	reasons []string        // lower-case phrases stating a reason for anonymity
	outlets names           // outlets by lower-case name or alias
	orgs    names           // organisations by lower-case name or alias
	titles  map[string]bool
}

// Word is what the lexicon knows of one lower-case word.
type Word struct {
	// Verb is the base form when the word is an attribution verb in any
	// inflection ("told" -> "tell"), else "".
	Verb string
	// Descriptor is set for the head noun of an anonymous speaker
	// ("spokesperson", "officials").
	Descriptor bool
}

// names maps lower-case names and aliases to canonical names. bare holds
// the names written with a leading "the " under the rest of the name, so
// that a lookup of "bbc" finds "the bbc" without building the string.
type names struct {
	full, bare map[string]string
}

func (n *names) add(name, canonical string) {
	name = strings.ToLower(name)
	n.full[name] = canonical
	if rest, ok := strings.CutPrefix(name, "the "); ok {
		n.bare[rest] = canonical
	}
}

// New builds the lexicon from a rule set (nil gives the built-in titles
// only: callers normally pass the loaded set, which carries the bundled
// verbs, descriptors and outlets).
func New(rs *rules.Set) *Lexicon {
	lx := &Lexicon{
		words:   map[string]Word{},
		loaded:  map[string]bool{},
		outlets: names{full: map[string]string{}, bare: map[string]string{}},
		orgs:    names{full: map[string]string{}, bare: map[string]string{}},
		titles:  map[string]bool{},
	}
	for _, t := range personalTitles {
		lx.titles[t] = true
	}
	defer func() { lx.sieve = NewSieve(lx.words) }()
	if rs == nil {
		return lx
	}
	for _, v := range rs.Verbs.Neutral {
		lx.addVerb(v, false)
	}
	for _, v := range rs.Verbs.Loaded {
		lx.addVerb(v, true)
	}
	for _, d := range rs.Anonymous.Descriptors {
		d = strings.ToLower(strings.TrimSpace(d))
		for _, f := range []string{d, pluralNoun(d)} {
			w := lx.words[f]
			w.Descriptor = true
			lx.words[f] = w
		}
	}
	for _, r := range rs.Anonymous.Reasons {
		lx.reasons = append(lx.reasons, strings.ToLower(strings.TrimSpace(r)))
	}
	for _, o := range rs.Outlets {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			lx.outlets.add(n, o.Name)
		}
	}
	for _, o := range rs.Organizations {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			lx.orgs.add(n, o.Name)
		}
	}
	return lx
}

// personalTitles are honorifics that may precede a name ("Mr Blair",
// "Dr. Spanta"). Matching is on the lower-case word without a final dot.
var personalTitles = []string{"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend", "fr", "father", "sister", "sheikh", "mx"}

func (lx *Lexicon) addVerb(base string, loaded bool) {
	base = strings.ToLower(strings.TrimSpace(base))
	if base == "" {
		return
	}
	for _, f := range Inflections(base) {
		if w := lx.words[f]; w.Verb == "" {
			w.Verb = base
			lx.words[f] = w
		}
	}
	if loaded {
		lx.loaded[base] = true
	}
}

// Verb returns the base form of word when it is an attribution verb in
// any inflection ("says" -> "say", "told" -> "tell").
func (lx *Lexicon) Verb(word string) (base string, ok bool) {
	base = lx.Lookup(word).Verb
	return base, base != ""
}

// Lookup returns what the lexicon knows of word, in any case: its base
// form as an attribution verb and whether it is a descriptor. Callers
// that ask several questions of one word look it up once.
func (lx *Lexicon) Lookup(word string) Word {
	var buf [32]byte
	if low, ok := foldASCII(buf[:0], word); ok {
		return lx.LookupLower(string(low))
	}
	return lx.LookupLower(strings.ToLower(word))
}

// LookupLower is Lookup of a word already in lower case (as
// strings.ToLower gives it), which it need not fold again.
func (lx *Lexicon) LookupLower(low string) Word {
	if !lx.sieve.May(low) {
		return Word{}
	}
	return lx.words[low]
}

// foldASCII appends the lower case of s to dst when s is ASCII and fits
// in dst's capacity (then strings.ToLower would give the same bytes);
// ok is false otherwise. Looking a map up with string(folded) does not
// allocate, where strings.ToLower does for a capitalised word.
func foldASCII(dst []byte, s string) (folded []byte, ok bool) {
	if len(s) > cap(dst)-len(dst) {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// Loaded reports whether the base verb editorialises ("claim", "admit").
func (lx *Lexicon) Loaded(base string) bool { return lx.loaded[strings.ToLower(base)] }

// Descriptor reports whether noun is the head of an anonymous speaker
// ("spokesperson", "officials").
func (lx *Lexicon) Descriptor(noun string) bool { return lx.Lookup(noun).Descriptor }

// Reason returns the first phrase of the rule set's anonymity reasons
// found in text, or "".
func (lx *Lexicon) Reason(text string) string {
	low := strings.ToLower(text)
	for _, r := range lx.reasons {
		if r != "" && strings.Contains(low, r) {
			return r
		}
	}
	return ""
}

// Outlet returns the canonical name of an outlet written as name ("the
// BBC", "BBC", "The Telegraph"), ignoring a leading "the".
func (lx *Lexicon) Outlet(name string) (string, bool) {
	return lx.outlets.lookup(name)
}

// Organization returns the canonical name of a known organisation.
func (lx *Lexicon) Organization(name string) (string, bool) {
	return lx.orgs.lookup(name)
}

// lookup finds name in any case, with or without a leading "the".
func (n *names) lookup(name string) (string, bool) {
	name = strings.TrimSpace(name)
	var buf [64]byte
	if low, ok := foldASCII(buf[:0], name); ok {
		return n.lookupLower(low)
	}
	return n.lookupLower([]byte(strings.ToLower(name)))
}

// lookupLower is lookup of a lower-case name: the name itself, else
// without its leading "the ", else as written with one.
func (n *names) lookupLower(low []byte) (string, bool) {
	if c, ok := n.full[string(low)]; ok {
		return c, true
	}
	if rest, ok := bytes.CutPrefix(low, []byte("the ")); ok {
		c, ok := n.full[string(rest)]
		return c, ok
	}
	c, ok := n.bare[string(low)]
	return c, ok
}

// Title reports whether word is a personal title ("Mr", "Dr.", "Sir").
func (lx *Lexicon) Title(word string) bool {
	var buf [32]byte
	if low, ok := foldASCII(buf[:0], word); ok {
		return lx.titles[string(bytes.TrimSuffix(low, []byte(".")))]
	}
	return lx.titles[strings.TrimSuffix(strings.ToLower(word), ".")]
}

// Inflections returns the forms of an English verb the extractor should
// recognise: base, third person, past and participle, and -ing form, with
// the common irregular verbs of attribution spelt out.
func Inflections(base string) []string {
	if forms, ok := irregular[base]; ok {
		return append([]string{base}, forms...)
	}
	// Multi-word verbs ("according to", "went on") are kept as they are.
	if strings.Contains(base, " ") {
		return []string{base}
	}
	forms := []string{base}
	switch {
	case strings.HasSuffix(base, "e"):
		forms = append(forms, base+"s", base+"d", base[:len(base)-1]+"ing")
	case strings.HasSuffix(base, "y") && len(base) > 2 && !isVowel(base[len(base)-2]):
		stem := base[:len(base)-1]
		forms = append(forms, stem+"ies", stem+"ied", base+"ing")
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		forms = append(forms, base+"es", base+"ed", base+"ing")
	case doubleFinal(base):
		last := base[len(base)-1:]
		forms = append(forms, base+"s", base+last+"ed", base+last+"ing")
	default:
		forms = append(forms, base+"s", base+"ed", base+"ing")
	}
	return forms
}

var irregular = map[string][]string{
	"say":     {"says", "said", "saying"},
	"tell":    {"tells", "told", "telling"},
	"write":   {"writes", "wrote", "written", "writing"},
	"speak":   {"speaks", "spoke", "spoken", "speaking"},
	"tweet":   {"tweets", "tweeted", "tweeting"},
	"add":     {"adds", "added", "adding"},
	"admit":   {"admits", "admitted", "admitting"},
	"go on":   {"goes on", "went on", "going on"},
	"put it":  {"puts it", "putting it"},
	"reply":   {"replies", "replied", "replying"},
	"deny":    {"denies", "denied", "denying"},
	"cry":     {"cries", "cried", "crying"},
	"say so":  {"says so", "said so"},
	"retort":  {"retorts", "retorted", "retorting"},
	"begin":   {"begins", "began", "begun", "beginning"},
	"think":   {"thinks", "thought", "thinking"},
	"hit out": {"hits out", "hitting out"},
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// doubleFinal is true for short consonant-vowel-consonant verbs whose
// final consonant doubles ("snap" -> "snapped", "quip" -> "quipped": the u
// of "qu" is not a vowel there).
func doubleFinal(base string) bool {
	n := len(base)
	if n < 3 || n > 4 {
		return false
	}
	c1, v, c2 := base[n-3], base[n-2], base[n-1]
	consonant1 := !isVowel(c1) || (c1 == 'u' && n >= 4 && base[n-4] == 'q')
	return consonant1 && isVowel(v) && !isVowel(c2) && strings.IndexByte("wxy", c2) < 0
}

func pluralNoun(n string) string {
	switch {
	case strings.HasSuffix(n, "person"):
		return strings.TrimSuffix(n, "person") + "people"
	case strings.HasSuffix(n, "man"):
		return strings.TrimSuffix(n, "man") + "men"
	case strings.HasSuffix(n, "y") && len(n) > 2 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"):
		return n + "es"
	}
	return n + "s"
}
