package quote

import (
	"strconv"
	"strings"
	"testing"
)

// TestTokenClassesMatchTheSets checks that the classes a token carries
// say what the word sets and the lexicon say of its lower case.
func TestTokenClassesMatchTheSets(t *testing.T) {
	lx := testLexicon(t)
	text := "The Foreign Minister, Ünal ÉLAN éLan McDONALD, Mr. Van der Berg, said on Monday that officials of the ministry " +
		"had told him: he and the co-chairman were ex-model spokesmen. SAID the 34-year-old ASKED according to"
	toks, lower := tokenize(text, 0, len(text), nil, 0, nil, nil)
	classify(toks, string(lower), lx)
	sets := map[wordClass]map[string]bool{
		cConnective: connectives, cAuxiliary: auxiliaries, cStopForward: stopForward,
		cTailPreposition: tailPrepositions, cDeterminer: determiners, cRole: roleWords, cTime: timeWords,
		cPreposition: prepositions, cDescribing: describing, cParticle: particles, cOrgWord: orgWords,
		cOrgNoun: orgNouns, cNotName: notNames, cPersonNoun: personNouns, cMultiFirst: multiFirst,
		cFunctionWord: functionWords, cAfterVerb: afterVerb, cVia: viaWords, cNameSuffix: nameSuffixes,
		cCountry: countries, cLocative: locatives,
	}
	for _, tk := range toks {
		if tk.kind != tWord {
			if tk.cls != 0 || tk.lex.Verb != "" || tk.lex.Descriptor {
				t.Errorf("punctuation %q has classes", word(text, tk))
			}
			continue
		}
		w := tk.low
		if w != strings.ToLower(word(text, tk)) {
			t.Errorf("%q: low %q", word(text, tk), w)
		}
		for c, set := range sets {
			if tk.is(c) != set[w] {
				t.Errorf("%q: class %b is %v, set says %v", w, c, tk.is(c), set[w])
			}
		}
		_, pron := pronouns[w]
		_, hon := honorifics[w]
		_, desc := describeForms[w]
		if tk.is(cPronoun) != pron || tk.is(cHonorific) != hon || tk.is(cDescribeForm) != desc {
			t.Errorf("%q: pronoun %v, honorific %v, describe form %v", w, tk.is(cPronoun), tk.is(cHonorific), tk.is(cDescribeForm))
		}
		if tk.personNoun() != personNouns[lastPart(w)] {
			t.Errorf("%q: personNoun %v", w, tk.personNoun())
		}
		if want := lx.Lookup(w).Verb != "" || multiFirst[w] || desc; tk.is(cMayBeVerb) != want {
			t.Errorf("%q: may be a verb %v, want %v", w, tk.is(cMayBeVerb), want)
		}
		if tk.lex != lx.Lookup(w) {
			t.Errorf("%q: lexicon %+v, want %+v", w, tk.lex, lx.Lookup(w))
		}
	}
}

func TestQuoteIDs(t *testing.T) {
	ids := quoteIDs("a/b.txt", 123)
	for i, id := range ids {
		if want := "a/b.txt-Q" + strconv.Itoa(i+1); id != want {
			t.Fatalf("ids[%d] = %q, want %q", i, id, want)
		}
	}
	if len(ids) != 123 || len(quoteIDs("x", 0)) != 0 {
		t.Errorf("%d ids", len(ids))
	}
}
