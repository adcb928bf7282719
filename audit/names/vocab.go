package names

import (
	"strings"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
)

// Word classes: what the name finder asks of a word, answered once per
// lower-case form (see vocab) instead of by a map look-up per question.
const (
	classStop        uint16 = 1 << iota // stopwords
	classLeading                        // leadingOnly
	classVerb                           // an attribution verb of the lexicon
	classTitle                          // a personal title of the lexicon
	classRole                           // roleFolded finds a role noun: a role when the word is plain
	classOrg                            // orgWords
	classPlace                          // places
	classParticle                       // particles
	classDescriptor                     // an anonymous descriptor of the lexicon
	classModifier                       // modifiers
	classComplement                     // complement
	classArticle                        // a, an, the
	classRelative                       // who, which
	classConjunction                    // and, or, but
	classNamed                          // an outlet or an organisation of the lexicon
	// classSeenLower is no class of the word but of the corpus read so
	// far: the word was written in lower case.
	classSeenLower
)

// vocab keeps the classes of the lower-case forms of the words one
// Scanner has read, so that a word costs one map look-up however many
// questions are asked of it. A form of at most eight ASCII bytes is
// packed in an integer (its look-up compares no text); longer forms are
// kept by their text. A vocab is not safe for concurrent use.
type vocab struct {
	lx    *lexicon.Lexicon
	short packedSet
	long  map[string]uint16
	buf   []byte // a capitalised word lowered, for the look-up
}

func newVocab(lx *lexicon.Lexicon) *vocab {
	return &vocab{lx: lx, long: map[string]uint16{}}
}

// describe sets w.class, and records that a lower-case word was seen.
// It leaves w.lower as the word scanner set it.
func (v *vocab) describe(w *word) {
	if k, ok := packLower(w.text); ok {
		w.class = v.shortClass(k, w.cap, w.text)
		return
	}
	lower, lowered := w.lower, false
	if lower == "" {
		if lowered = v.lowerASCII(w.text); !lowered {
			lower = strings.ToLower(w.text)
		}
	}
	if !lowered {
		if k, ok := packLower(lower); ok { // a non-ASCII capital lowered to ASCII (K)
			w.class = v.shortClass(k, w.cap, lower)
			return
		}
	}
	var c uint16
	var seen bool
	if lowered {
		c, seen = v.long[string(v.buf)]
	} else {
		c, seen = v.long[lower]
	}
	if seen && (w.cap || c&classSeenLower != 0) {
		w.class = c &^ classSeenLower
		return
	}
	if lowered {
		lower = string(v.buf)
	} else {
		// A map assignment stores the key it is given: a copy, as lower
		// may be a slice of a document's text.
		lower = strings.Clone(lower)
	}
	if !seen {
		c = classify(v.lx, lower)
	}
	if !w.cap {
		c |= classSeenLower
	}
	v.long[lower] = c
	w.class = c &^ classSeenLower
}

// shortClass returns the classes of the word packed in k, whose text is
// text (in any case), and records it.
func (v *vocab) shortClass(k uint64, capital bool, text string) uint16 {
	slot, seen := v.short.find(k)
	c := slot.class
	if seen && (capital || c&classSeenLower != 0) {
		return c &^ classSeenLower
	}
	if !seen {
		c = classify(v.lx, strings.ToLower(text))
	}
	if !capital {
		c |= classSeenLower
	}
	slot.class = c
	return c &^ classSeenLower
}

// lowerASCII lowers the ASCII word text into v.buf and reports true, or
// reports false when text is not ASCII.
func (v *vocab) lowerASCII(text string) bool {
	b, ok := appendLowerASCII(v.buf[:0], text)
	if ok {
		v.buf = b
	}
	return ok
}

// appendLowerASCII appends the ASCII text s lowered to dst, or reports
// false when s is not ASCII.
func appendLowerASCII(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// seenLower reports whether the word lower was read in lower case.
func (v *vocab) seenLower(lower string) bool {
	if k, short := packLower(lower); short {
		slot, ok := v.short.get(k)
		return ok && slot.class&classSeenLower != 0
	}
	c, ok := v.long[lower]
	return ok && c&classSeenLower != 0
}

// packLower returns the ASCII word w lowered and packed with one byte a
// letter, or false when w is longer than eight bytes or not ASCII. A
// word has no NUL byte, so the packed form of a word shorter than eight
// bytes ends with zeros that no other word's has.
func packLower(w string) (uint64, bool) {
	if len(w) > 8 {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

// classify returns the classes of a lower-case word.
func classify(lx *lexicon.Lexicon, lower string) uint16 {
	var c uint16
	add := func(class uint16, in bool) {
		if in {
			c |= class
		}
	}
	add(classStop, stopwords[lower])
	add(classLeading, leadingOnly[lower])
	add(classOrg, orgWords[lower])
	add(classPlace, places[lower])
	add(classParticle, particles[lower])
	add(classModifier, modifiers[lower])
	add(classComplement, complement[lower])
	add(classArticle, lower == "a" || lower == "an" || lower == "the")
	add(classRelative, lower == "who" || lower == "which")
	add(classConjunction, lower == "and" || lower == "or" || lower == "but")
	_, role := roleFolded(lower)
	add(classRole, role)
	if lx != nil {
		known := lx.LookupLower(lower) // verb and descriptor in one look-up
		add(classVerb, known.Verb != "")
		add(classTitle, lx.Title(lower))
		add(classDescriptor, known.Descriptor)
		_, outlet := lx.Outlet(lower)
		_, org := lx.Organization(lower)
		add(classNamed, outlet || org)
	}
	return c
}

// packedSet is an open-addressing hash table of words packed by
// packLower (never 0) with their classes: one probe of a slot of 16
// bytes finds a word, where a map reads a control word and a slot.
type packedSet struct {
	slots []packedSlot // a power of two long, at most half full
	n     int
}

type packedSlot struct {
	key   uint64 // 0: empty
	class uint16
}

// home is the first slot to probe for k.
func (s *packedSet) home(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> 32 & uint64(len(s.slots)-1))
}

// get returns the slot of k, if k is in the set.
func (s *packedSet) get(k uint64) (*packedSlot, bool) {
	if len(s.slots) == 0 {
		return nil, false
	}
	sl := s.probe(k)
	return sl, sl.key == k
}

// find returns the slot of k, adding k (with no class) when it is not in
// the set, and whether it was.
func (s *packedSet) find(k uint64) (*packedSlot, bool) {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	sl := s.probe(k)
	if sl.key == k {
		return sl, true
	}
	sl.key = k
	s.n++
	return sl, false
}

// probe returns the slot of k, or the empty slot where k belongs.
func (s *packedSet) probe(k uint64) *packedSlot {
	mask := len(s.slots) - 1
	for i := s.home(k); ; i = (i + 1) & mask {
		if sl := &s.slots[i]; sl.key == k || sl.key == 0 {
			return sl
		}
	}
}

// grow doubles the table (1,024 slots at first) and rehashes it.
func (s *packedSet) grow() {
	old := s.slots
	s.slots = make([]packedSlot, max(2*len(old), 1024))
	for _, sl := range old {
		if sl.key == 0 {
			continue
		}
		*s.probe(sl.key) = sl
	}
}
