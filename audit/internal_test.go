package audit

// Internal tests of the engine's failure paths, through the test-only
// hooks LoadOptions.beforeRead and Config.extract.

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/quote"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

const article = "Bridge vote\n\n“We will build it this year,” said Mayor Tom Berg.\n"

func writeArticles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func skippedReason(c *Corpus, path string) (string, bool) {
	for _, s := range c.Skipped {
		if s.Path == path {
			return s.Reason, true
		}
	}
	return "", false
}

// TestLoadFileChangesBetweenWalkAndRead: a file that vanishes, becomes a
// folder or a named pipe after Walk listed it is skipped with the reason;
// the others are read, and nothing blocks.
func TestLoadFileChangesBetweenWalkAndRead(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, path string)
		reason string
	}{
		{"vanishes", func(t *testing.T, p string) { os.Remove(p) }, "no such file"},
		{"becomes a folder", func(t *testing.T, p string) {
			os.Remove(p)
			os.Mkdir(p, 0o755)
		}, "is a directory"},
		{"becomes a named pipe", func(t *testing.T, p string) {
			os.Remove(p)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("no named pipes: %v", err)
			}
		}, "not a regular file"},
		{"is emptied", func(t *testing.T, p string) { os.Truncate(p, 0) }, "empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeArticles(t, "a.txt", "b.txt", "c.txt")
			victim := filepath.Join(dir, "b.txt")
			opts := LoadOptions{Workers: 1, beforeRead: func(p string) {
				if p == victim {
					tc.change(t, p)
				}
			}}
			c, err := Load(context.Background(), []string{dir}, opts)
			if err != nil {
				t.Fatal(err)
			}
			reason, ok := skippedReason(c, victim)
			if !ok || !strings.Contains(reason, tc.reason) {
				t.Errorf("%s: skipped %v, want reason %q", victim, c.Skipped, tc.reason)
			}
			if len(c.Docs) != 2 {
				t.Errorf("%d documents read, want the 2 others", len(c.Docs))
			}
		})
	}
}

// TestReadVanishedFile: source.Read on a path that no longer exists is a
// skip with a reason, not an error that stops the run.
func TestReadVanishedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gone.txt")
	_, err := source.Read(p, source.Options{})
	se, ok := err.(*source.SkipError)
	if !ok || se.Reason != "no such file" {
		t.Errorf("Read(%s): %v, want a SkipError \"no such file\"", p, err)
	}
}

// TestRunRecoversFromExtractionPanic: a panic while extracting one
// source's quotes makes that source skipped, with a one-line reason, and
// every other source is audited as usual.
func TestRunRecoversFromExtractionPanic(t *testing.T) {
	dir := writeArticles(t, "a.txt", "b.txt", "c.txt")
	c, err := Load(context.Background(), []string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "b.txt")
	cfg := Config{Rules: rs, extract: func(d *source.Document, lx *lexicon.Lexicon) []result.Quote {
		if d.Meta.Path == bad {
			var m map[string]int
			m["boom"]++ // a nil-map write: a real runtime panic
		}
		return quote.Extract(d, lx)
	}}
	r, err := Run(context.Background(), c, cfg)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var reason string
	for _, s := range r.Skipped {
		if s.Path == bad {
			reason = s.Reason
		}
	}
	if !strings.HasPrefix(reason, "internal error while extracting quotes: assignment to entry in nil map") {
		t.Errorf("skipped %v: want %s with the panic as reason", r.Skipped, bad)
	}
	if strings.ContainsAny(reason, "\n\r") {
		t.Errorf("the reason is not one line: %q", reason)
	}
	if len(r.Sources) != 2 || r.Stats.Sources != 2 || r.Stats.Skipped != 1 {
		t.Errorf("%d sources (stats %d), %d skipped: want 2 and 1", len(r.Sources), r.Stats.Sources, r.Stats.Skipped)
	}
	for _, s := range r.Sources {
		if s.Path == bad {
			t.Errorf("%s is both skipped and audited", bad)
		}
		if s.Quotes != 1 {
			t.Errorf("%s: %d quotes, want 1", s.Path, s.Quotes)
		}
	}
	for _, q := range r.Quotes {
		if q.Source == "" {
			t.Errorf("quote %s has no source", q.ID)
		}
	}
	if len(r.Quotes) != 2 {
		t.Errorf("%d quotes, want 2 (one per surviving source)", len(r.Quotes))
	}
}

// TestLoadRecoversFromReadPanic: a panic while reading one file is that
// file's skip reason.
func TestLoadRecoversFromReadPanic(t *testing.T) {
	dir := writeArticles(t, "a.txt", "b.txt")
	bad := filepath.Join(dir, "b.txt")
	c, err := Load(context.Background(), []string{dir}, LoadOptions{beforeRead: func(p string) {
		if p == bad {
			panic("reader exploded\nsecond line")
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	reason, _ := skippedReason(c, bad)
	if !strings.HasPrefix(reason, "internal error while reading: reader exploded") || strings.Contains(reason, "\n") {
		t.Errorf("skipped %v", c.Skipped)
	}
	if len(c.Docs) != 1 {
		t.Errorf("%d documents, want 1", len(c.Docs))
	}
}

// roomToOverlap: always without a memory limit; never when the live heap
// is above a third of it.
func TestRoomToOverlap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(math.MaxInt64)
	if !roomToOverlap() {
		t.Error("no memory limit: want room")
	}
	runtime.GC()                   // the live heap is measured by the collector
	debug.SetMemoryLimit(64 << 10) // the test binary's live heap is larger
	if roomToOverlap() {
		t.Error("64 KB limit: want no room")
	}
	debug.SetMemoryLimit(1 << 40)
	if !roomToOverlap() {
		t.Error("1 TB limit: want room")
	}
}
