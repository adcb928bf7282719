package report

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

func TestParseFormats(t *testing.T) {
	for in, want := range map[string]string{"json": "json", "pdf,json": "json,pdf", "all": "json,text,xlsx,pdf", "txt, excel,json,json": "json,text,xlsx"} {
		fs, err := ParseFormats(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		var names []string
		for _, f := range fs {
			names = append(names, string(f))
		}
		if got := strings.Join(names, ","); got != want {
			t.Errorf("ParseFormats(%q) = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "docx", "json,csv"} {
		if _, err := ParseFormats(bad); err == nil {
			t.Errorf("ParseFormats(%q) accepted", bad)
		}
	}
}

func TestWriteFileAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "quoteaudit.json")
	os.WriteFile(path, []byte("previous report"), 0o644)
	boom := errors.New("disk full")
	err := WriteFileAtomic(context.Background(), path, func(w io.Writer) error {
		w.Write([]byte("half a rep"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "previous report" {
		t.Errorf("previous report changed to %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestWriteFileAtomicStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "quoteaudit.xlsx")
	os.WriteFile(path, []byte("previous"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	writes := 0
	err := WriteFileAtomic(ctx, path, func(w io.Writer) error {
		for i := 0; i < 100; i++ {
			if i == 3 {
				cancel() // Ctrl-C while the writer is busy
			}
			if _, err := w.Write([]byte("row\n")); err != nil {
				return err
			}
			writes++
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || writes != 3 {
		t.Errorf("err %v after %d writes; want context.Canceled after 3", err, writes)
	}
	if got, _ := os.ReadFile(path); string(got) != "previous" {
		t.Errorf("previous report changed to %q", got)
	}
}

func TestWriteAllWritesEveryFormatAndRefusesInputs(t *testing.T) {
	dir := t.TempDir()
	r := sample.Result()
	written, err := WriteAll(context.Background(), dir, Formats(), r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 4 {
		t.Fatalf("wrote %d reports", len(written))
	}
	for _, w := range written {
		if fi, err := os.Stat(w.Path); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", w.Path, err)
		}
	}
	input := filepath.Join(dir, "quoteaudit.json")
	if _, err := WriteAll(context.Background(), dir, []Format{JSON}, r, Options{Inputs: []string{input}}); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("err = %v, want a refusal to overwrite an input", err)
	}
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".quoteaudit.xlsx.123.tmp"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "keep.tmp"), nil, 0o644)
	if n := CleanStale(dir); n != 1 {
		t.Errorf("removed %d, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.tmp")); err != nil {
		t.Error("removed a file that is not ours")
	}
}
