package names

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// seedDocs reads the reference articles from ../shared/seeds (skipping
// the test when they are absent).
func seedDocs(t testing.TB) []*source.Document {
	t.Helper()
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("seeds not available")
	}
	var docs []*source.Document
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &source.Document{Meta: result.Source{ID: "S" + string(rune('1'+i)), Path: f}, Text: string(b)})
	}
	return docs
}

func testLexicon() *lexicon.Lexicon {
	rs := &rules.Set{}
	rs.Verbs.Neutral = []string{"say", "tell", "add", "state", "remark", "address", "suggest", "respond", "begin", "write", "announce"}
	rs.Verbs.Loaded = []string{"claim", "reveal"}
	rs.Anonymous.Descriptors = []string{"source", "official", "spokesperson", "analyst", "activist", "person", "expert", "observer"}
	rs.Outlets = []rules.Organization{{Name: "BBC", Aliases: []string{"the BBC"}}, {Name: "LBC"}, {Name: "The Telegraph"}}
	return lexicon.New(rs)
}

// TestSeeds checks the people of the five reference articles: the
// traps named in the product issue.
func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	people := Resolve(docs, nil, nil, testLexicon())
	byName := map[string]*result.Person{}
	for i := range people {
		byName[people[i].Name] = &people[i]
		if testing.Verbose() {
			t.Logf("%s %q %v", people[i].ID, people[i].Name, people[i].Variants)
		}
	}
	want := []string{"Vladimir Putin", "Richard Bernett", "Amir Khan Muttaqi", "Zamir Kabulov",
		"Maria Ivanova", "Maria", "Dr Bennett", "Richard Tice", "Stephen Cottrell", "Jamal Nasir Garwal",
		"Naseer Faiq", "Ahmad al-Sharra", "Hibatullah Akhundzada", "Fawzia Koofi", "Rangin Dadfar Spanta",
		"Alexander Molokhov", "Bakhtawar", "Wajiha"}
	for _, n := range want {
		if byName[n] == nil {
			t.Errorf("person %q not found", n)
		}
	}
	for _, bad := range []string{"Afghan National Defense", "Taliban-led", "Politics", "Asia Sentinel", "Reform UK", "Russia", "Taliban"} {
		if byName[bad] != nil {
			t.Errorf("%q taken for a person", bad)
		}
	}
	if p := byName["Amir Khan Muttaqi"]; p != nil {
		srcs := map[string]bool{}
		for _, v := range p.Variants {
			for _, s := range v.Sources {
				srcs[s] = true
			}
		}
		if len(srcs) != 3 {
			t.Errorf("Muttaqi found in %v, want three sources", srcs)
		}
	}
	if p := byName["Vladimir Putin"]; p != nil && len(p.Variants) < 2 {
		t.Errorf("Vladamir/Vladimir not merged: %+v", p.Variants)
	}
}

func TestSeedsSpellings(t *testing.T) {
	got := map[string]string{}
	for _, s := range Spellings(seedDocs(t), nil, nil) {
		got[s.Text] = s.Common
	}
	want := map[string]string{"Taiban": "Taliban", "Aghan": "Afghan"}
	if len(got) != len(want) {
		t.Errorf("Spellings = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Spellings[%q] = %q, want %q", k, got[k], v)
		}
	}
}
