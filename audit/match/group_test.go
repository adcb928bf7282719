package match

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

const kabulov = "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders."

func person(id, name string) result.Speaker {
	return result.Speaker{Mention: name, Name: name, Kind: result.KindPerson, Person: id}
}

func quote(id, src, text string, sp result.Speaker) result.Quote {
	return result.Quote{ID: id, Source: src, Text: text, Speaker: sp}
}

func sources(ids ...string) []result.Source {
	var out []result.Source
	for _, id := range ids {
		out = append(out, result.Source{ID: id, Path: id + ".txt"})
	}
	return out
}

// summary renders groups compactly for comparisons.
func summary(ms []result.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %s %s", m.ID, m.Kind, strings.Join(m.Quotes, ",")))
	}
	return out
}

func TestGroupKabulovPair(t *testing.T) {
	k := person("P1", "Zamir Kabulov")
	qs := []result.Quote{
		quote("S1Q1", "S1", kabulov, k),
		quote("S1Q2", "S1", "ally", person("P2", "Vladamir Putin")),
		quote("S2Q1", "S2", kabulov, result.Speaker{Mention: "Special envoy Zamir Kabulov", Name: "Zamir Kabulov", Kind: result.KindPerson, Person: "P1"}),
	}
	srcs := []result.Source{
		{ID: "S1", Dates: []result.Date{{Text: "July 4, 2025", ISO: "2025-07-04"}}},
		{ID: "S2", Dates: []result.Date{{Text: "5 July 2025", ISO: "2025-07-05"}}},
	}
	got := Group(qs, srcs, Options{})
	want := []result.Match{{
		ID: "M1", Kind: result.MatchExact, Quotes: []string{"S1Q1", "S2Q1"}, Sources: []string{"S1", "S2"},
		Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: kabulov}},
		SpeakersAgree: true, Earliest: "S1", Text: kabulov,
		Members: []result.MatchMember{
			{Quote: "S1Q1", Source: "S1", Text: kabulov, Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: kabulov}}},
			{Quote: "S2Q1", Source: "S2", Text: kabulov, Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: kabulov}}},
		},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Group:\n got %+v\nwant %+v", got, want)
	}
}

func TestGroupKinds(t *testing.T) {
	putin := result.Speaker{Name: "Vladimir Putin", Kind: result.KindPerson, Person: "P9"}
	qs := []result.Quote{
		// near: one word inflected differently
		quote("A1", "A", "Supporting the de facto government in Kabul is the most pragmatic approach to prevent terrorism on our southern borders", person("P1", "Zamir Kabulov")),
		quote("B1", "B", kabulov, person("P1", "Zamir Kabulov")),
		// contained: B quotes a part of what C quotes in full
		quote("C1", "C", "It is the Christian way to meet those asking for help with compassion and understanding, and it has long been the British way to give shelter where we can to those escaping violence and conflict abroad.", result.Speaker{}),
		quote("B2", "B", "it has long been the British way to give shelter", result.Speaker{}),
		// fragments: identical, same person written two ways
		quote("A2", "A", "‘ally’", result.Speaker{Name: "Vladamir Putin", Kind: result.KindPerson, Person: "P9"}),
		quote("C2", "C", `"ally"`, putin),
		// fragment of another speaker: never joins
		quote("C3", "C", "ally", person("P3", "Someone Else")),
		// fragment with no known speaker: never joins
		quote("B3", "B", "ally", result.Speaker{}),
		// unrelated
		quote("A3", "A", "The UN has failed us", result.Speaker{}),
	}
	qs[4].Fragment, qs[5].Fragment, qs[6].Fragment, qs[7].Fragment = true, true, true, true
	got := Group(qs, sources("A", "B", "C"), Options{})
	want := []string{"M1 near A1,B1", "M2 fragment A2,C2", "M3 contained C1,B2"}
	if !reflect.DeepEqual(summary(got), want) {
		t.Fatalf("groups %q, want %q", summary(got), want)
	}
	near := got[0]
	wantDiff := []result.DiffOp{
		{Op: result.OpEqual, Old: "Supporting the de facto government in Kabul is the most pragmatic approach to"},
		{Op: result.OpReplace, Old: "prevent", New: "preventing"},
		{Op: result.OpEqual, Old: "terrorism on our southern borders", New: "terrorism on our southern borders."},
	}
	if !reflect.DeepEqual(near.Diff, wantDiff) {
		t.Errorf("near diff %q, want %q", near.Diff, wantDiff)
	}
	if near.Similarity < 0.9 || near.Similarity >= 1 {
		t.Errorf("near similarity %.3f, want in [0.9, 1)", near.Similarity)
	}
	if !near.SpeakersAgree {
		t.Error("near: speakers should agree")
	}
	cont := got[2]
	if cont.Members[0].Quote != "C1" || cont.Similarity != 1 {
		t.Errorf("contained: first %s similarity %.3f, want C1 and 1", cont.Members[0].Quote, cont.Similarity)
	}
	if inner := InteriorOps(cont.Diff); len(inner) != 1 || inner[0].Op != result.OpEqual {
		t.Errorf("contained: interior ops %q, want one equal", inner)
	}
}

func TestGroupBelowThreshold(t *testing.T) {
	qs := []result.Quote{
		quote("A1", "A", "We wanted to make a stand and have our voices heard", result.Speaker{}),
		quote("B1", "B", "We wanted to make a stand and have our houses rebuilt by spring", result.Speaker{}),
		// contained but too short to count
		quote("B2", "B", "make a stand", result.Speaker{}),
	}
	if got := Group(qs, sources("A", "B"), Options{}); len(got) != 0 {
		t.Errorf("want no groups, got %q", summary(got))
	}
}

func TestGroupNegationDropped(t *testing.T) {
	qs := []result.Quote{
		quote("A1", "A", "These are not nice people, but leadership is about taking difficult decisions", result.Speaker{}),
		quote("B1", "B", "These are nice people, but leadership is about taking difficult decisions", result.Speaker{}),
		quote("C1", "C", "These are not nice people; but leadership is about taking difficult decisions", result.Speaker{}),
	}
	got := Group(qs, sources("A", "B", "C"), Options{})
	if len(got) != 1 || got[0].Kind != result.MatchNear || len(got[0].Members) != 3 {
		t.Fatalf("want one near group of 3, got %+v", got)
	}
	neg, punct := got[0].Members[1], got[0].Members[2]
	if !(punct.Similarity > neg.Similarity) {
		t.Errorf("punctuation change %.3f should rank above dropped negation %.3f", punct.Similarity, neg.Similarity)
	}
	if q := QualifierChanges(neg.Diff); !reflect.DeepEqual(q, []string{"dropped “not”"}) {
		t.Errorf("qualifier changes %q", q)
	}
	if got[0].Similarity != neg.Similarity {
		t.Errorf("group similarity %.3f, want the lowest %.3f", got[0].Similarity, neg.Similarity)
	}
}

func TestGroupJoinsParts(t *testing.T) {
	w := person("P4", "Wajiha")
	qs := []result.Quote{
		quote("A1", "A", "The potential decision to negotiate with the Taliban is truly alarming.", result.Speaker{}),
		quote("A2", "A", "Forcibly returning migrants to such conditions is essentially sending them back to danger.", w),
		quote("B1", "B", "The potential decision to negotiate with the Taliban is truly alarming. Forcibly returning migrants to such conditions is essentially sending them back to danger.", w),
	}
	qs[1].Continues = "A1"
	got := Group(qs, sources("A", "B"), Options{})
	if want := []string{"M1 exact A1,B1"}; !reflect.DeepEqual(summary(got), want) {
		t.Fatalf("groups %q, want %q", summary(got), want)
	}
	if got[0].Members[0].Text != qs[0].Text+" "+qs[1].Text {
		t.Errorf("joined text %q", got[0].Members[0].Text)
	}
	if !got[0].SpeakersAgree {
		t.Error("the speaker of the second part is the quotation's speaker")
	}
}

func TestGroupWithinSource(t *testing.T) {
	// Seed 003 prints its body twice: the same quotes twice in one source.
	qs := []result.Quote{
		quote("D1", "D", "new phase of positive relations,", result.Speaker{}),
		quote("D7", "D", "new phase of positive relations,", result.Speaker{}),
	}
	got := Group(qs, sources("D"), Options{})
	if len(got) != 1 || got[0].Kind != result.MatchExact || !reflect.DeepEqual(got[0].Sources, []string{"D", "D"}) {
		t.Fatalf("want one exact group with sources D, D; got %+v", got)
	}
}

func TestGroupSpeakersDisagree(t *testing.T) {
	qs := []result.Quote{
		quote("A1", "A", "Not unexpected, but tragic in its timing.", person("P1", "Fereshta Abbasi")),
		quote("B1", "B", "Not unexpected, but tragic in its timing.", result.Speaker{Mention: "a Taliban spokesperson", Kind: result.KindAnonymous}),
		quote("C1", "C", "Not unexpected, but tragic in its timing.", result.Speaker{Kind: result.KindUnknown}),
	}
	got := Group(qs, sources("A", "B", "C"), Options{})
	if len(got) != 1 || got[0].SpeakersAgree {
		t.Fatalf("named vs anonymous must disagree: %+v", got)
	}
	qs[1].Speaker = result.Speaker{}
	if got := Group(qs, sources("A", "B", "C"), Options{}); len(got) != 1 || !got[0].SpeakersAgree {
		t.Fatalf("an unknown speaker does not disagree: %+v", got)
	}
}

func TestGroupNoFragmentFlood(t *testing.T) {
	var qs []result.Quote
	for i := range 300 {
		sp := person(fmt.Sprintf("P%d", i%7), "x")
		sp.Name = fmt.Sprintf("Person %d", i%7)
		q := quote(fmt.Sprintf("Q%d", i), fmt.Sprintf("S%d", i%30), []string{"ally", "common enemy", "grave concern"}[i%3], sp)
		q.Fragment = true
		qs = append(qs, q)
		// unattributed scare quotes everywhere
		u := quote(fmt.Sprintf("U%d", i), fmt.Sprintf("S%d", i%30), "ally", result.Speaker{})
		u.Fragment = true
		qs = append(qs, u)
	}
	got := Group(qs, nil, Options{})
	// 7 speakers × 3 fragments, and nothing for the unattributed ones.
	if len(got) != 21 {
		t.Fatalf("got %d groups, want 21", len(got))
	}
	for _, m := range got {
		if m.Kind != result.MatchFragment || !m.SpeakersAgree {
			t.Fatalf("bad fragment group %+v", m)
		}
		for _, id := range m.Quotes {
			if strings.HasPrefix(id, "U") {
				t.Fatalf("unattributed fragment %s grouped", id)
			}
		}
	}
}

func TestGroupDeterministic(t *testing.T) {
	qs := synthQuotes(2000, 7)
	srcs := synthSources(qs)
	first := Group(qs, srcs, Options{})
	if len(first) < 100 {
		t.Fatalf("only %d groups from the synthetic corpus", len(first))
	}
	shuffled := slices.Clone(qs)
	slices.Reverse(shuffled)
	second := Group(shuffled, srcs, Options{})
	if !reflect.DeepEqual(first, second) {
		t.Error("Group depends on the order of its input")
	}
	for i, m := range first {
		if m.ID != fmt.Sprintf("M%d", i+1) {
			t.Fatalf("group %d has ID %s", i, m.ID)
		}
		if i > 0 && compareIDs(lowestID(first[i-1]), lowestID(m)) >= 0 {
			t.Fatalf("groups out of order at %s", m.ID)
		}
		if m.Similarity < 0 || m.Similarity > 1 {
			t.Fatalf("%s similarity %v", m.ID, m.Similarity)
		}
	}
}

func TestCompareIDs(t *testing.T) {
	ids := []string{"Q10", "Q2", "S1Q1", "Q1", "Q01", "S10Q1", "S2Q11", "S2Q3"}
	slices.SortFunc(ids, compareIDs)
	want := []string{"Q01", "Q1", "Q2", "Q10", "S1Q1", "S2Q3", "S2Q11", "S10Q1"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("sorted %q, want %q", ids, want)
	}
}

// The seed articles 000 and 001 both print the Kabulov quotation: a crude
// extraction of curly-quoted spans must group it exactly.
func TestGroupSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("seed articles not available")
	}
	re := regexp.MustCompile(`“([^”]+)”`)
	var qs []result.Quote
	var srcs []result.Source
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := fmt.Sprintf("S%d", i+1)
		srcs = append(srcs, result.Source{ID: src, Path: f})
		for j, m := range re.FindAllStringSubmatch(string(data), -1) {
			qs = append(qs, quote(fmt.Sprintf("%sQ%d", src, j+1), src, m[1], result.Speaker{}))
		}
	}
	found := false
	for _, m := range Group(qs, srcs, Options{}) {
		if Normalize(m.Text) == Normalize(kabulov) {
			found = m.Kind == result.MatchExact && len(m.Quotes) == 2 && m.Sources[0] != m.Sources[1]
		}
	}
	if !found {
		t.Error("the Kabulov quotation is not an exact group of two sources")
	}
}

// A one-word speaker name is not merged into one person across sources,
// so fragments compare by that name; two-word names keep comparing by
// person, and anonymous descriptors by the descriptor.
func TestFragmentSpeakerIdentity(t *testing.T) {
	oneWord := func(id, src, person string) result.Quote {
		sp := person2(person, "Gartner")
		q := quote(id, src, "unlikely", sp)
		q.Fragment = true
		return q
	}
	got := Group([]result.Quote{oneWord("A1", "S1", "P1"), oneWord("A2", "S2", "P2")}, nil, Options{})
	if len(got) != 1 || got[0].Kind != result.MatchFragment {
		t.Errorf("one-word speakers: groups %+v, want one fragment group", got)
	}
	full := func(id, src, person string) result.Quote {
		q := quote(id, src, "unlikely", person2(person, "Ann Gartner"))
		q.Fragment = true
		return q
	}
	if got := Group([]result.Quote{full("B1", "S1", "P1"), full("B2", "S2", "P2")}, nil, Options{}); len(got) != 0 {
		t.Errorf("two people named alike but kept apart were grouped: %+v", got)
	}
	anon := func(id, src string) result.Quote {
		q := quote(id, src, "strong", result.Speaker{Mention: "an IAAF spokesman", Kind: result.KindAnonymous})
		q.Fragment = true
		return q
	}
	if got := Group([]result.Quote{anon("C1", "S1"), anon("C2", "S2")}, nil, Options{}); len(got) != 1 {
		t.Errorf("the same anonymous descriptor: %d groups, want 1", len(got))
	}
}

func person2(id, name string) result.Speaker {
	sp := person(id, "x")
	sp.Name = name
	return sp
}

// TestGroupContainmentFoundLate: A and B are near, A and C are near, and
// only B and C, judged once all three are already one group, show that C
// quotes part of B: the group is contained all the same.
func TestGroupContainmentFoundLate(t *testing.T) {
	a := "the council will review every one of these plans next spring"
	qs := []result.Quote{
		quote("Q1", "S1", a, result.Speaker{}),
		quote("Q2", "S2", "frankly speaking "+a, result.Speaker{}),
		quote("Q3", "S3", "the council will review every one of these plans", result.Speaker{}),
	}
	got := Group(qs, sources("S1", "S2", "S3"), Options{})
	if want := []string{"M1 contained Q2,Q1,Q3"}; !reflect.DeepEqual(summary(got), want) {
		t.Fatalf("groups %q, want %q", summary(got), want)
	}
}

// TestMayRelateIsABound: the cheap bound never rejects a pair that relate
// finds near or contained, and does reject unrelated pairs. The pairs are
// quotations and variants of them around the thresholds: words dropped,
// changed, misspelt or repunctuated, and windows cut out.
func TestMayRelateIsABound(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	syms := symbols{}
	prep := func(ws []string) *quotation {
		text := strings.Join(ws, " ")
		q := &quotation{text: text, toks: trimOuter(keyed(tokenize(text)))}
		q.syms, q.words, q.norm = syms.of(q.toks), wordCount(q.toks), keysString(q.toks)
		return q
	}
	variant := func(ws []string) []string {
		out := slices.Clone(ws)
		for range r.Intn(6) {
			i := r.Intn(len(out))
			switch w := out[i]; r.Intn(5) {
			case 0:
				out = slices.Delete(out, i, i+1)
			case 1:
				out[i] = "other"
			case 2:
				if len(w) > 1 {
					out[i] = w[1:] + w[:1] // misspelt
				}
			case 3:
				out[i] = w + ","
			default:
				start := r.Intn(len(out))
				out = out[start:min(len(out), start+5+r.Intn(20))]
			}
			if len(out) == 0 {
				return ws
			}
		}
		return out
	}
	opts := Options{}.withDefaults()
	var buf []int32
	rejected, related := 0, 0
	for _, q := range synthQuotes(2000, 7) {
		ws := strings.Fields(q.Text)
		if len(ws) < 2 {
			continue
		}
		a, b := prep(ws), prep(variant(ws))
		if b.words == 0 || a.norm == b.norm {
			continue
		}
		kind, _ := relate(a, b, opts, &buf)
		if kind != "" {
			related++
		}
		if mayRelate(a, b, common(wordBag(a.syms), wordBag(b.syms)), opts) {
			continue
		}
		rejected++
		if kind != "" {
			t.Fatalf("mayRelate rejects a %s pair:\n%q\n%q", kind, a.text, b.text)
		}
	}
	if rejected < 100 || related < 100 {
		t.Fatalf("%d pairs rejected, %d related: too few to test the bound", rejected, related)
	}
}

// TestJoinPartsOddLinks: a part claimed by two continuations keeps the
// first (the other stands alone), a cycle is cut where it closes, a
// continuation of a missing quote starts its own quotation, a repeated
// ID is ignored, and the result is in ID order.
func TestJoinPartsOddLinks(t *testing.T) {
	named := result.Speaker{Name: "Ann Lee", Kind: result.KindPerson}
	qs := []result.Quote{
		{ID: "Q6", Text: "f", Continues: "Q9"},
		{ID: "Q5", Text: "e", Continues: "Q1"},
		{ID: "Q4", Text: "d", Continues: "Q1", Speaker: named},
		{ID: "Q3", Text: "c", Continues: "Q2"},
		{ID: "Q2", Text: "b", Continues: "Q3"},
		{ID: "Q1", Text: "a"},
		{ID: "Q1", Text: "again"},
	}
	var got []string
	for _, q := range joinParts(qs) {
		q.takeSpeaker(qs)
		got = append(got, q.id+"="+q.text+"/"+q.speaker.Name)
	}
	want := []string{"Q1=a d/Ann Lee", "Q2=b c/", "Q5=e/", "Q6=f/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("joinParts: %q, want %q", got, want)
	}
}
