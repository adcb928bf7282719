package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

// TestWriteAllSideBySideIsOneByOne: rendering the formats side by side
// gives the same JSON and text as writing each alone (run it with -race:
// the writers share the result).
func TestWriteAllSideBySideIsOneByOne(t *testing.T) {
	r := sample.Result()
	dir := t.TempDir()
	if _, err := WriteAll(context.Background(), dir, Formats(), r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats() {
		got, err := os.ReadFile(filepath.Join(dir, f.FileName()))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Errorf("%s is empty", f)
		}
		if f != JSON && f != Text {
			continue
		}
		var want bytes.Buffer
		if err := write(&want, f, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s written side by side differs from %s written alone", f, f)
		}
	}
}

// TestWriteAllStopsAtFirstFailure: the reports before a failing one are
// written, the ones after it are not, and no temporary file is left.
func TestWriteAllStopsAtFirstFailure(t *testing.T) {
	dir := t.TempDir()
	formats := []Format{JSON, Format("bogus"), Text, PDF}
	written, err := WriteAll(context.Background(), dir, formats, sample.Result(), Options{})
	if err == nil || !strings.Contains(err.Error(), "quoteaudit.bogus") {
		t.Fatalf("err = %v, want the bogus format's failure", err)
	}
	if len(written) != 1 || written[0].Format != JSON {
		t.Errorf("written = %v, want only the JSON", written)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "quoteaudit.json" {
		t.Errorf("folder holds %v, want only quoteaudit.json", names)
	}
}
