package source

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// dump renders what a reader made of a file: metadata, header and each
// paragraph with its file position.
func dump(d *Document) string {
	var b strings.Builder
	meta, _ := json.MarshalIndent(d.Meta, "", "  ")
	b.Write(meta)
	fmt.Fprintf(&b, "\nheader: %q\n", d.Text[:d.Header])
	for i, p := range d.Paragraphs {
		l, c := d.Position(p.Start)
		el, ec := d.Position(p.End)
		fmt.Fprintf(&b, "%d [%d:%d-%d:%d] %q\n", i+1, l, c, el, ec, d.Slice(p))
	}
	return b.String()
}

// TestGolden reads every fixture of testdata/sources and compares the
// result with its .golden file (go test -run Golden -update rewrites them).
func TestGolden(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sources")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !Supported(name) {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			d, err := Read(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			d.Meta.Path = name // independent of where the test runs
			got := dump(d)
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from golden:\n%s", name, got)
			}
		})
	}
	if n < 5 {
		t.Fatalf("only %d fixtures", n)
	}
}
