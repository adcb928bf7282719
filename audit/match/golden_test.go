package match

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGroupGolden groups testdata/quotes.json and compares the groups, as
// JSON, with testdata/groups.golden.json (go test -update rewrites it).
func TestGroupGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "quotes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in struct {
		Sources []result.Source `json:"sources"`
		Quotes  []result.Quote  `json:"quotes"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
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
