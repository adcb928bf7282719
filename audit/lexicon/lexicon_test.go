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

func TestLexiconFromRules(t *testing.T) {
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rs.Outlets = append(rs.Outlets, rules.Organization{Name: "Kabul Times", Aliases: []string{"KT"}})
	lx := New(rs)
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
