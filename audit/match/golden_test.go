package match

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGroupGolden groups testdata/quotes.json and compares the groups, as
// JSON, with testdata/groups.golden.json (go test -update rewrites it).
func TestGroupGolden(t *testing.T) {
	in := goldenInput(t)
	got, err := json.MarshalIndent(Group(in.Quotes, in.Sources, Options{}), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "groups.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("groups differ from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

type groupInput struct {
	Sources []result.Source `json:"sources"`
	Quotes  []result.Quote  `json:"quotes"`
}

func goldenInput(t *testing.T) groupInput {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "quotes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in groupInput
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
	return in
}

// TestPrepareReadsNoSpeaker holds Prepare to its contract: it runs while
// the people stage is still setting speakers, so what it does must not
// depend on them. Prepared on quotes with every speaker blank, then
// completed once the speakers are in place, the groups are Group's.
func TestPrepareReadsNoSpeaker(t *testing.T) {
	in := goldenInput(t)
	known := 0
	for _, q := range in.Quotes {
		if q.Speaker.Known() {
			known++
		}
	}
	if known == 0 {
		t.Fatal("testdata/quotes.json has no known speaker: the test would prove nothing")
	}
	want := Group(in.Quotes, in.Sources, Options{})
	blank := make([]result.Quote, len(in.Quotes))
	for i, q := range in.Quotes {
		q.Speaker = result.Speaker{}
		blank[i] = q
	}
	p := Prepare(blank, in.Sources, Options{})
	for i := range blank {
		blank[i].Speaker = in.Quotes[i].Speaker
	}
	if got := p.Group(); !reflect.DeepEqual(got, want) {
		t.Errorf("Prepare with blank speakers, then Group:\n%+v\nwant\n%+v", got, want)
	}
}
