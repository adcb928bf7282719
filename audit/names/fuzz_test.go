package names

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// FuzzResolve runs the resolver on arbitrary text split into two sources,
// with one quote attributed to an arbitrary mention. Properties: no
// panic; deterministic; IDs P1…Pn in order; every variant's words come
// from the text or the mention; places lie inside the text; speakers and
// candidates point at existing people.
func FuzzResolve(f *testing.F) {
	f.Add("Amir Khan Muttaqi, the Taliban minister of foreign affairs, spoke.\n\nMuttaqi said more.", "Foreign Minister Amir Khan Mutaqi said so.", "Muttaqi")
	f.Add("Maria Ivanova, a Russian citizen, remarked.\n\nFounding member of the group, Maria stated.", "\"Yes.\" Maria said.", "Maria")
	f.Add("Richard Bernett, UN Special Rapporteur for Afghanistan, wrote.", "Scholars of history Dr Bennett, suggest.", "Dr Bennett")
	f.Add("Mr Blair said. Mrs Blair said. Tony Blair said.", "Sir", "Mr")
	f.Fuzz(func(t *testing.T, a, b, mention string) {
		docs := []*source.Document{
			{Meta: result.Source{ID: "S1"}, Text: a},
			{Meta: result.Source{ID: "S2"}, Text: b},
		}
		mk := func() []result.Quote {
			return []result.Quote{{ID: "Q1", Source: "S2", Start: 0, End: len(b), Line: 1, Column: 1,
				Speaker: result.Speaker{Mention: mention, Kind: result.KindPerson}}}
		}
		lx := testLexicon()
		q1, q2 := mk(), mk()
		people := Resolve(docs, q1, nil, lx)
		if again := Resolve(docs, q2, nil, lx); !reflect.DeepEqual(people, again) || !reflect.DeepEqual(q1, q2) {
			t.Fatal("Resolve is not deterministic")
		}
		known := map[string]bool{}
		words := map[string]bool{}
		for _, s := range []string{a, b, mention} {
			// Names end at punctuation ("Aa!0" holds the name "Aa"), while
			// Fold drops punctuation inside a token: split first.
			for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }) {
				for _, w := range tokens(part) {
					words[w] = true
				}
			}
			for _, w := range tokens(s) {
				words[w] = true
			}
		}
		lines := map[string]int{"S1": strings.Count(a, "\n") + strings.Count(a, "\r") + 1, "S2": strings.Count(b, "\n") + strings.Count(b, "\r") + 1}
		for i, p := range people {
			if p.ID != "P"+strconv.Itoa(i+1) || p.Name == "" {
				t.Fatalf("person %d: %+v", i, p)
			}
			known[p.ID] = true
			for _, v := range p.Variants {
				if v.Count < 1 || len(v.Sources) == 0 || len(v.Places) == 0 {
					t.Fatalf("bad variant %+v", v)
				}
				for _, w := range tokens(v.Text) {
					if !words[w] {
						t.Fatalf("variant %q has %q, not in the input", v.Text, w)
					}
				}
				for _, pl := range v.Places {
					if pl.Line < 1 || pl.Line > lines[pl.Source] || pl.Column < 1 {
						t.Fatalf("place %+v outside %s", pl, pl.Source)
					}
				}
			}
		}
		for _, p := range people {
			for _, s := range p.Similar {
				if !known[s.Person] || s.Person == p.ID {
					t.Fatalf("%s similar to %q", p.ID, s.Person)
				}
			}
		}
		sp := q1[0].Speaker
		if sp.Person != "" && !known[sp.Person] {
			t.Fatalf("speaker person %q unknown", sp.Person)
		}
		if len(sp.Candidates) == 1 {
			t.Fatalf("one candidate: %v", sp.Candidates)
		}
		for _, c := range sp.Candidates {
			if !known[c] {
				t.Fatalf("candidate %q unknown", c)
			}
		}
	})
}

// FuzzSpellings: no panic; every spelling is one edit from its common
// form, rarer by the ratio, and placed inside the text.
func FuzzSpellings(f *testing.F) {
	f.Add(strings.Repeat("The Taliban met. ", 5) + "The Taiban left.")
	f.Add("Iran Iran Iran Iran Iran Iraq")
	f.Fuzz(func(t *testing.T, text string) {
		d := &source.Document{Meta: result.Source{ID: "S1"}, Text: text}
		for _, s := range Spellings([]*source.Document{d}, nil, nil) {
			if dist, ok := Distance(Fold(s.Text), Fold(s.Common), 1); !ok || dist != 1 {
				t.Fatalf("%q / %q not one edit apart", s.Text, s.Common)
			}
			if s.CommonCount < commonRatio*s.Count || len(s.Places) == 0 {
				t.Fatalf("bad spelling %+v", s)
			}
			if !strings.Contains(text, s.Text) || !strings.Contains(text, s.Common) {
				t.Fatalf("%+v not in the text", s)
			}
		}
	})
}

// FuzzWords: the word scanner's ASCII fast path splits and describes
// words exactly as the rune-by-rune reference does.
func FuzzWords(f *testing.F) {
	f.Add("Amir Khan Muttaqi, the Taliban's minister; UN's AWJM 2005 O'Brien’s al-Sharra iPhone")
	f.Add("word- -word a--b x-'s AB'S Šefčovič’s el‐Sisi \xff")
	f.Fuzz(func(t *testing.T, text string) {
		checkWords(t, text)
	})
}

// FuzzTkeyOf: the resolver's key of a name from its tokens' keys is
// TranslitKey of the name, whatever the name.
func FuzzTkeyOf(f *testing.F) {
	f.Add("Amir Khan Muttaqi")
	f.Add("Ckh Ph-Dz ee ǅemal Šefčovič")
	f.Fuzz(func(t *testing.T, name string) {
		toks := tokens(name)
		if len(toks) == 0 {
			return
		}
		tk := tkeys{}
		if got, want := tk.of(toks), TranslitKey(strings.Join(toks, " ")); got != want {
			t.Fatalf("tkeys.of(%q) = %q, want %q", toks, got, want)
		}
	})
}

// FuzzAppendFingerprint: the fingerprint built on the stack is
// fingerprint's, whatever the name (repeated tokens, more than eight).
func FuzzAppendFingerprint(f *testing.F) {
	f.Add("Amir Khan Muttaqi")
	f.Add("b a b a c")
	f.Add("")
	f.Add("j i h g f e d c b a")
	f.Fuzz(func(t *testing.T, name string) {
		toks := tokens(name)
		if got, want := string(appendFingerprint([]byte("x"), toks)), "x"+fingerprint(toks); got != want {
			t.Fatalf("appendFingerprint(%q) = %q, want %q", toks, got, want)
		}
	})
}
