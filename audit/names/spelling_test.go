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

// Reading the documents in parts side by side gives the forms, their
// occurrences and the lower-case words of one reading in order.
func TestScanSpellingsInParts(t *testing.T) {
	docs := synthCorpus(40000) // 800 documents
	docs[3] = nil
	docs = append(docs, doc("SX", "The Élysée said: ÉLYSÉE, élysée and Kabul-based Öztürk, öztürk.\n"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	got := scanSpellings(docs)
	want := newSpellScan()
	want.read(docs, 0, len(docs))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read in parts: %d forms, %d+%d lower-case words; in one reading: %d forms, %d+%d",
			len(got.forms), len(got.lower.short), len(got.lower.long), len(want.forms), len(want.lower.short), len(want.lower.long))
	}
	if len(want.forms) < 1000 || len(want.lower.long) == 0 || !want.lower.has("élysée") || !want.lower.has("said") || want.lower.has("Said") {
		t.Errorf("%d forms, lower-case words %v", len(want.forms), want.lower)
	}
}
