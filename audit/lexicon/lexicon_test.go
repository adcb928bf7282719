package lexicon

import (
	"reflect"
	"testing"

	"github.com/quoteaudit/quoteaudit/rules"
)

func TestInflections(t *testing.T) {
	for base, want := range map[string][]string{
		"say":          {"say", "says", "said", "saying"},
		"state":        {"state", "states", "stated", "stating"},
		"reply":        {"reply", "replies", "replied", "replying"},
		"stress":       {"stress", "stresses", "stressed", "stressing"},
		"warn":         {"warn", "warns", "warned", "warning"},
		"admit":        {"admit", "admits", "admitted", "admitting"},
		"snap":         {"snap", "snaps", "snapped", "snapping"},
		"quip":         {"quip", "quips", "quipped", "quipping"},
		"sneer":        {"sneer", "sneers", "sneered", "sneering"},
		"according to": {"according to"},
	} {
		if got := Inflections(base); !reflect.DeepEqual(got, want) {
			t.Errorf("Inflections(%q) = %q, want %q", base, got, want)
		}
	}
}

// bundledLexicon builds the lexicon of the bundled rules with outlets
// added.
func bundledLexicon(t *testing.T, outlets ...rules.Organization) *Lexicon {
	t.Helper()
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rs.Outlets = append(rs.Outlets, outlets...)
	return New(rs)
}

func TestLexiconFromRules(t *testing.T) {
	lx := bundledLexicon(t, rules.Organization{Name: "Kabul Times", Aliases: []string{"KT"}})
	for word, base := range map[string]string{"said": "say", "Told": "tell", "insisted": "insist", "claims": "claim", "according to": "according to"} {
		if got, ok := lx.Verb(word); !ok || got != base {
			t.Errorf("Verb(%q) = %q, %v; want %q", word, got, ok, base)
		}
	}
	if _, ok := lx.Verb("table"); ok {
		t.Error("table is not an attribution verb")
	}
	if !lx.Loaded("claim") || lx.Loaded("say") {
		t.Error("loaded verbs: claim is loaded, say is neutral")
	}
	for _, name := range []string{"the BBC", "BBC", "The Telegraph", "telegraph", "KT", "the Kabul Times"} {
		if _, ok := lx.Outlet(name); !ok {
			t.Errorf("Outlet(%q) not found", name)
		}
	}
	if c, _ := lx.Outlet("the Telegraph"); c != "The Telegraph" {
		t.Errorf("canonical outlet %q", c)
	}
	if !lx.Descriptor("spokesperson") || !lx.Descriptor("officials") || !lx.Descriptor("spokesmen") || lx.Descriptor("Taliban") {
		t.Error("descriptors: singular and plural heads, nothing else")
	}
	if lx.Reason("He spoke on condition of anonymity because he was not authorised.") == "" || lx.Reason("He said so.") != "" {
		t.Error("reasons for anonymity")
	}
	if !lx.Title("Dr.") || !lx.Title("mr") || lx.Title("Doctor Who") {
		t.Error("titles")
	}
}

func TestNilRulesGiveTitlesOnly(t *testing.T) {
	lx := New(nil)
	if _, ok := lx.Verb("said"); ok {
		t.Error("no rules, no verbs")
	}
	if !lx.Title("Sir") {
		t.Error("titles are built in")
	}
}

// TestLookupFoldsCaseWithoutAllocating checks that the ASCII fast path
// and the strings.ToLower fallback agree, and that asking about a
// capitalised ASCII word allocates nothing.
func TestLookupFoldsCaseWithoutAllocating(t *testing.T) {
	lx := bundledLexicon(t, rules.Organization{Name: "Élan Weekly", Aliases: []string{"The Ærø Post"}})
	for _, w := range []string{"SAID", "Said", "said", "Officials", "OFFICIALS", "According to", "table", "", "Ünal"} {
		got := lx.Lookup(w)
		base, ok := lx.Verb(w)
		if got.Verb != base || ok != (base != "") || got.Descriptor != lx.Descriptor(w) {
			t.Errorf("Lookup(%q) = %+v; Verb %q %v, Descriptor %v", w, got, base, ok, lx.Descriptor(w))
		}
	}
	if w := lx.Lookup("Spokesmen"); !w.Descriptor || w.Verb != "" {
		t.Errorf("Lookup(Spokesmen) = %+v", w)
	}
	if w := lx.Lookup("SAYS"); w.Verb != "say" {
		t.Errorf("Lookup(SAYS) = %+v", w)
	}
	for name, want := range map[string]string{"ÉLAN WEEKLY": "Élan Weekly", "the élan weekly": "Élan Weekly", "ærø post": "Élan Weekly", "  The Ærø Post ": "Élan Weekly"} {
		if got, ok := lx.Outlet(name); !ok || got != want {
			t.Errorf("Outlet(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := lx.Outlet("The"); ok {
		t.Error(`Outlet("The") found`)
	}
	if !lx.Title("MR.") || !lx.Title("Prof") || lx.Title("Ünal") {
		t.Error("titles in any case")
	}
	if n := testing.AllocsPerRun(100, func() {
		lx.Lookup("Said")
		lx.Outlet("The Daily Telegraph")
		lx.Organization("Novartis")
		lx.Outlet("The Long Island Evening Standard Herald Post")
		lx.Title("Mrs.")
	}); n != 0 {
		t.Errorf("lookups of capitalised ASCII words allocate %v times", n)
	}
}

// TestSieveLetsEveryWordThrough checks that the sieve never stops a word
// of its set, and stops most others.
func TestSieveLetsEveryWordThrough(t *testing.T) {
	lx := bundledLexicon(t)
	for w := range lx.words {
		if !lx.sieve.May(w) {
			t.Errorf("the sieve stops %q", w)
		}
	}
	s := NewSieve(map[string]bool{"said": true, "": true, "a-very-long-word-of-more-than-31-bytes": true})
	for w, want := range map[string]bool{"said": true, "": true, "sold": true, "another-long-word-of-more-than-31-bytes": true,
		"says": false, "aid": false, "told": false, "unrelated": false} {
		if got := s.May(w); got != want {
			t.Errorf("May(%q) = %v, want %v", w, got, want)
		}
	}
}
