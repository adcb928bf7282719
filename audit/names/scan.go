package names

import (
	"slices"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// Scanner finds the names written in one source after another. The
// sources are independent, so a run gives each worker of its pool a
// Scanner of its own and scans while it extracts quotes; ResolveFound then
// reads what every scanner saw (and SpellingScan.Spellings, beside it):
// once the scans are done, the Scanners are only read. A Scanner is not
// safe for concurrent use.
type Scanner struct {
	lx    *lexicon.Lexicon
	words []word // reused from source to source
	// vocab describes the words, and holds those this scanner has seen in
	// lower case: a name of one word that the corpus also writes in lower
	// case (a common word at the start of a sentence) is not a name.
	vocab *vocab
	// forms, when set (GatherSpellings), numbers the capitalised forms
	// that Spellings counts; occ is the current source's occurrences.
	forms *formTable
	occ   []formOcc
}

// Found is the names found in one source, as Resolve takes them.
type Found struct {
	cands []candidate
	// spell is the source's capitalised forms, when the Scanner gathers
	// them, until SpellingScan.Add takes them.
	spell sourceForms
}

// NewScanner returns a Scanner that reads titles and verbs from lx (nil:
// the bundled lexicon).
func NewScanner(lx *lexicon.Lexicon) *Scanner {
	if lx == nil {
		lx = lexicon.New(nil)
	}
	return &Scanner{lx: lx, vocab: newVocab(lx)}
}

// GatherSpellings makes Scan keep in each Found the capitalised forms
// that Spellings counts, with their offsets, for a SpellingScan: the
// spelling scan then costs no second reading of the text.
func (s *Scanner) GatherSpellings() {
	if s.forms == nil {
		s.forms = newFormTable()
	}
}

// Scan finds the names of doc in one pass over its words. The split
// words are not kept: holding every source's at once costs gigabytes on
// a large corpus.
func (s *Scanner) Scan(doc *source.Document) Found {
	words := s.words[:0]
	sc := wordScanner{text: doc.Text}
	occ := s.occ[:0]
	var w word
	for sc.next(&w) {
		s.vocab.describe(&w)
		if s.forms != nil {
			occ = s.forms.gather(occ, &w)
		}
		words = append(words, w)
	}
	s.words, s.occ = words, occ
	x := &extractor{text: doc.Text, words: words, lx: s.lx}
	// Every source's candidates are held until the corpus is read: an
	// exact-size copy leaves out the slack of appending (a third of
	// their memory).
	cands := slices.Clone(x.extract())
	for i := range cands {
		cands[i].setFold()
	}
	f := Found{cands: cands}
	if s.forms != nil {
		f.spell = sourceForms{table: s.forms, occ: slices.Clone(occ)}
	}
	return f
}

// seenLower reports whether any of the scanners saw the word w in lower
// case.
func seenLower(scanners []*Scanner, w string) bool {
	for _, s := range scanners {
		if s.vocab.seenLower(w) {
			return true
		}
	}
	return false
}
