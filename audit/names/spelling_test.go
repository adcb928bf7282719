package names

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

func TestSpellingsTypoInsideAndOutsideQuotes(t *testing.T) {
	body := strings.Repeat("The Taliban met the Afghan delegates again. ", 8)
	d := doc("S1", body+"\n\"If the Taiban win, we lose,\" she said. Later the Taiban spoke.\n")
	i := strings.Index(d.Text, "If the Taiban")
	q := []result.Quote{{ID: "Q1", Source: "S1", Start: i, End: i + len("If the Taiban win, we lose,")}}
	got := Spellings([]*source.Document{d}, q, nil)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	s := got[0]
	if s.Text != "Taiban" || s.Common != "Taliban" || s.Count != 2 || s.CommonCount != 8 || s.InQuote != 1 {
		t.Errorf("spelling = %+v", s)
	}
	// The occurrence outside the quotation comes first.
	want := []result.Place{d.Place(strings.LastIndex(d.Text, "Taiban")), d.Place(strings.Index(d.Text, "Taiban"))}
	if !reflect.DeepEqual(s.Places, want) {
		t.Errorf("places = %+v, want %+v", s.Places, want)
	}
	if got := Spellings([]*source.Document{d}, q, []string{"taiban"}); len(got) != 0 {
		t.Errorf("allowed spelling reported: %+v", got)
	}
}

func TestSpellingsGuardAndInflections(t *testing.T) {
	text := strings.Repeat("Iran and Niger and Austria and Georgia talk with the Afghans about Russia. ", 6) +
		"Iraq and Nigeria and Australia stayed out; the Afghan and Russian envoys left. The Afghanis stayed."
	got := Spellings([]*source.Document{doc("S1", text)}, nil, nil)
	if len(got) != 0 {
		t.Errorf("guarded names or inflections reported: %+v", got)
	}
	// A rare name one edit from a frequent one, with another first
	// letter, is not reported either (Blair/Clair).
	text = strings.Repeat("Mr Blair spoke. ", 6) + "Mrs Clair disagreed."
	if got := Spellings([]*source.Document{doc("S1", text)}, nil, nil); len(got) != 0 {
		t.Errorf("different initial reported: %+v", got)
	}
}

func TestSpellingsNeedTheCommonFormBeside(t *testing.T) {
	docs := []*source.Document{
		doc("S1", strings.Repeat("Kabulov spoke in Moscow. ", 4)),
		doc("S2", "Kabulow spoke too."),
	}
	if got := Spellings(docs, nil, nil); len(got) != 0 {
		t.Errorf("rare form alone in its source reported: %+v", got)
	}
	docs[1] = doc("S2", "Kabulow spoke too; Kabulov answered.")
	got := Spellings(docs, nil, nil)
	if len(got) != 1 || got[0].Text != "Kabulow" || got[0].Common != "Kabulov" || got[0].CommonCount != 5 || got[0].Places[0].Source != "S2" {
		t.Errorf("got %+v", got)
	}
	// A common word at the start of a sentence is not a name.
	text := strings.Repeat("Often it rains. It is often cold. ", 3) + "Oftel regulates."
	if got := Spellings([]*source.Document{doc("S1", text)}, nil, nil); len(got) != 0 {
		t.Errorf("common word taken for a name: %+v", got)
	}
}

// Forms of fewer than four letters are never counted (they cannot be in
// a pair), but a common form of exactly four is.
func TestSpellingsFourLetterCommonForm(t *testing.T) {
	d := doc("S1", strings.Repeat("Tarq met Abe. ", 4)+"Then Tariq left.\n")
	got := Spellings([]*source.Document{d}, nil, nil)
	if len(got) != 1 || got[0].Text != "Tariq" || got[0].Common != "Tarq" || got[0].CommonCount != 4 {
		t.Errorf("got %+v", got)
	}
}

// Reading the documents in parts side by side, as the Scanners do, gives
// the forms, their occurrences and the lower-case words of one plain
// reading in order.
func TestScanSpellingsInParts(t *testing.T) {
	docs := synthCorpus(40000) // 800 documents
	docs[3] = nil
	docs = append(docs, doc("SX", "The Élysée said: ÉLYSÉE, élysée and Kabul-based Öztürk, öztürk, al-Sharra.\n"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	sources, vocabs := scanSpellings(docs)
	if len(vocabs) != 3 {
		t.Fatalf("%d parts, want 3", len(vocabs))
	}
	got := mergeForms(sources)
	want, lower := readSpellingsPlainly(docs)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read in parts: %d forms; in one plain reading: %d", len(got), len(want))
	}
	if len(want) < 1000 || !lower["élysée"] || !lower["said"] {
		t.Errorf("%d forms, %d lower-case words", len(want), len(lower))
	}
	asked := []string{"said", "élysée", "öztürk", "élysé", "kabul-based", "al-sharra", "the", "and"}
	for w := range lower {
		asked = append(asked, w)
	}
	for _, f := range want {
		asked = append(asked, strings.ToLower(f.text))
	}
	for _, w := range asked {
		if got := anySeenLower(vocabs, w); got != lower[w] {
			t.Errorf("%q seen in lower case: %v, want %v", w, got, lower[w])
		}
	}
}

// readSpellingsPlainly is the spelling scan at its plainest, the
// reference of the scanners': the capitalised forms (no acronyms nor
// stopwords) with their occurrences in corpus order, and the lower-case
// words, all of four bytes or more or not ASCII.
func readSpellingsPlainly(docs []*source.Document) ([]spellForm, map[string]bool) {
	var forms []spellForm
	ids := map[string]int{}
	lower := map[string]bool{}
	for d, doc := range docs {
		if doc == nil {
			continue
		}
		s := wordScanner{text: doc.Text}
		var w word
		for s.next(&w) {
			switch {
			case len(w.text) < 4 && isASCII(w.text):
			case !w.cap:
				lower[w.lower] = true
			case w.acronym || stopwords[strings.ToLower(w.text)]:
			default:
				id, ok := ids[w.text]
				if !ok {
					id = len(forms)
					ids[w.text] = id
					forms = append(forms, spellForm{text: w.text})
				}
				forms[id].occ = append(forms[id].occ, occurrence{int32(d), int32(w.start)})
			}
		}
	}
	return forms, lower
}

// The forms the Scanners gather while they scan, on a pool, give the
// spellings that Spellings finds reading the documents, and are
// released once used.
func TestSpellingScanOfScanners(t *testing.T) {
	docs := append(seedDocs(t), synthCorpus(4000)...)
	typos := doc("SX", strings.Repeat("The Taliban met the Afghan delegates. ", 5)+"The Taiban left; Taliban stayed. Often it rains. Oftel regulates.")
	docs = append(docs, typos)
	i := strings.Index(typos.Text, "The Taiban")
	quotes := []result.Quote{{ID: "Q1", Source: "SX", Start: i, End: i + 10}}
	want := Spellings(docs, quotes, nil)
	if len(want) == 0 {
		t.Fatal("no spelling in the test corpus")
	}
	// Two scanners sharing the documents as a pool does.
	scanners := []*Scanner{NewScanner(nil), NewScanner(nil)}
	found := make([]Found, len(docs))
	for d := range docs {
		s := scanners[d%3%2]
		s.GatherSpellings()
		found[d] = s.Scan(docs[d])
	}
	sc := NewSpellingScan(scanners)
	for d := range docs {
		sc.Add(docs[d], &found[d])
		if found[d].spell.occ != nil {
			t.Fatalf("Add left the forms in found[%d]", d)
		}
	}
	if got := sc.Spellings(docs, quotes, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("gathered by the scanners: %+v\nread: %+v", got, want)
	}
	if sc.sources != nil || sc.vocabs != nil {
		t.Error("the gathered forms are kept after use")
	}
	// Other documents than those added, or none gathered: read.
	if got := sc.Spellings(docs, quotes, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("after use: %+v", got)
	}
	var none *SpellingScan
	if got := none.Spellings(docs, quotes, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("nil SpellingScan: %+v", got)
	}
}

// A deletion key is the hash of the deletion's text, and the index
// chains every form of a key.
func TestDeletionIndex(t *testing.T) {
	words := []string{"taliban", "taiban", "tailban", "öztürk", "oztürk", "afghan"}
	x := newDeletionIndex(0)
	var keys []uint64
	for i, w := range words {
		keys = appendDeletionKeys(keys[:0], w)
		want := []uint64{hashWithout(w, 0, 0)}
		for i, r := range w {
			want = append(want, hashWithout(w[:i]+w[i+len(string(r)):], 0, 0))
		}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%q: keys %v, want %v", w, keys, want)
		}
		x.add(keys, int32(i))
	}
	formsOf := func(w string) []int32 {
		var out []int32
		for e := x.last[hashWithout(w, 0, 0)]; e > 0; e = x.entries[e-1].prev {
			out = append(out, x.entries[e-1].form)
		}
		return out
	}
	// "taiban" is taliban less l, tailban less l, and itself.
	if got := formsOf("taiban"); !reflect.DeepEqual(got, []int32{2, 1, 0}) {
		t.Errorf("forms of taiban: %v", got)
	}
	if got := formsOf("oztrk"); !reflect.DeepEqual(got, []int32{4}) {
		t.Errorf("forms of oztrk: %v", got)
	}
	if got := formsOf("zürich"); got != nil {
		t.Errorf("forms of zürich: %v", got)
	}
}
