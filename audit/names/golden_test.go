package names

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden resolves the people of two articles written for this test
// (testdata/fixture) against a roster (testdata/fixture.yaml) with the
// bundled rules, and compares people and quote speakers with
// testdata/people.golden.json. Run with -update to rewrite it.
func TestGolden(t *testing.T) {
	roster, err := os.ReadFile("testdata/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rules.LoadBytes("fixture.yaml", roster, rules.LoadOptions{})
	if err != nil {
		t.Fatalf("load rules: %v", err)
	}
	files, _ := filepath.Glob("testdata/fixture/*.txt")
	var docs []*source.Document
	var quotes []result.Quote
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &source.Document{Meta: result.Source{ID: "S" + string(rune('1'+i)), Path: f}, Text: string(b)}
		docs = append(docs, d)
		quotes = append(quotes, fixtureQuotes(d)...)
	}
	people := Resolve(docs, quotes, rs, lexicon.New(rs))
	type speaker struct {
		Quote, Mention, Person string
		Candidates             []string `json:",omitempty"`
	}
	var speakers []speaker
	for _, q := range quotes {
		speakers = append(speakers, speaker{q.ID, q.Speaker.Mention, q.Speaker.Person, q.Speaker.Candidates})
	}
	got, err := json.MarshalIndent(map[string]any{"people": people, "speakers": speakers, "spellings": Spellings(docs, quotes, rs.Names.Allow)}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := "testdata/people.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("people differ from %s (run go test -update and review the diff):\n%s", golden, got)
	}
}

// fixtureQuotes makes one quote per double-quoted span and attributes it
// to the capitalised word next to "said" after it: a small stand-in for
// the quote extractor, enough for the fixture.
func fixtureQuotes(d *source.Document) []result.Quote {
	var out []result.Quote
	text := d.Text
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '"')
		if i < 0 {
			break
		}
		start := off + i + 1
		j := strings.IndexByte(text[start:], '"')
		if j < 0 {
			break
		}
		end := start + j
		off = end + 1
		rest := text[off:]
		if k := strings.IndexAny(rest, "\n"); k >= 0 {
			rest = rest[:k]
		}
		f := strings.Fields(rest)
		mention := ""
		if len(f) >= 2 && strings.TrimSuffix(f[1], ".") == "said" {
			mention = f[0]
		}
		if mention == "" {
			continue
		}
		line, col := d.Position(start)
		out = append(out, result.Quote{
			ID: d.Meta.ID + "-Q" + string(rune('1'+len(out))), Source: d.Meta.ID, Start: start, End: end,
			Line: line, Column: col, Text: text[start:end],
			Speaker: result.Speaker{Mention: mention, Kind: result.KindPerson},
		})
	}
	return out
}
