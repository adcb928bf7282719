package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/quotes/golden")

// goldenQuote is the part of a quote the golden files pin down: offsets,
// marks, flags and attribution (no article prose).
type goldenQuote struct {
	ID         string   `json:"id"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	Paragraph  int      `json:"paragraph"`
	Text       string   `json:"text"`
	OpenMark   string   `json:"open_mark"`
	CloseMark  string   `json:"close_mark"`
	Unclosed   bool     `json:"unclosed,omitempty"`
	Mismatched bool     `json:"mismatched,omitempty"`
	Fragment   bool     `json:"fragment,omitempty"`
	Continues  string   `json:"continues,omitempty"`
	Speaker    string   `json:"speaker"`
	Mention    string   `json:"mention,omitempty"`
	Kind       string   `json:"kind"`
	Role       string   `json:"role,omitempty"`
	Verb       string   `json:"verb,omitempty"`
	Via        string   `json:"via,omitempty"`
	Insertions []string `json:"insertions,omitempty"`
	Ellipses   int      `json:"ellipses,omitempty"`
}

// TestSeedGolden extracts the reference articles of ../shared/seeds and
// compares the result with testdata/quotes/golden (-update rewrites it).
func TestSeedGolden(t *testing.T) {
	dir := shared(t, "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("no seed articles")
	}
	lx := testLexicon(t)
	for _, f := range files {
		id := trimID(filepath.Base(f))
		t.Run(id, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var out []goldenQuote
			for _, q := range Extract(newDoc(id, string(data)), lx) {
				out = append(out, goldenQuote{
					ID: q.ID, Start: q.Start, End: q.End, Line: q.Line, Column: q.Column, Paragraph: q.Paragraph,
					Text: q.Text, OpenMark: q.OpenMark, CloseMark: q.CloseMark, Unclosed: q.Unclosed,
					Mismatched: q.Mismatched, Fragment: q.Fragment, Continues: q.Continues,
					Speaker: q.Speaker.Name, Mention: q.Speaker.Mention, Kind: q.Speaker.Kind, Role: q.Speaker.Role,
					Verb: q.Verb, Via: q.Via, Insertions: q.Insertions, Ellipses: q.Ellipses,
				})
			}
			got, err := json.MarshalIndent(out, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("..", "..", "testdata", "quotes", "golden", id+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("reading golden file (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("extraction of %s differs from %s; run go test ./audit/quote -run TestSeedGolden -update and review the diff", id, path)
			}
		})
	}
}
