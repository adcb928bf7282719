package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// tree creates files (path → content) under a temporary folder and
// changes into it, so that Walk's relative paths are short.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

func TestWalk(t *testing.T) {
	tree(t, map[string]string{
		"in/b.txt":              "b",
		"in/a.md":               "a",
		"in/sub/c.html":         "c",
		"in/sub/d.docx":         "d",
		"in/sub/e.pdf":          "e",
		"in/sub/README":         "r",
		"in/.git/x.txt":         "hidden",
		"in/.hidden.txt":        "hidden file",
		"in/drafts/f.txt":       "excluded",
		"in/sub/old.bak.txt":    "excluded by glob",
		"other/g.TXT":           "upper-case extension",
		"other/deep/h.text":     "h",
		"other/deep/i.markdown": "i",
	})
	symlink(t, "../in", "other/loop")             // a link back into the tree
	symlink(t, "../in/b.txt", "other/b-link.txt") // the same file again
	symlink(t, "nowhere.txt", "other/broken.txt")
	symlink(t, "self.txt", "other/self.txt") // a link to itself

	files, skipped, err := Walk([]string{"in", "other", "in/b.txt", "./in/../in/a.md"}, []string{"drafts", "*.bak.txt"})
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{
		filepath.FromSlash("in/a.md"), filepath.FromSlash("in/b.txt"),
		filepath.FromSlash("in/sub/c.html"), filepath.FromSlash("in/sub/d.docx"),
		filepath.FromSlash("other/deep/h.text"), filepath.FromSlash("other/deep/i.markdown"),
		filepath.FromSlash("other/g.TXT"),
	}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files\n%q, want\n%q", files, wantFiles)
	}
	wantSkipped := []result.Skipped{
		{Path: filepath.FromSlash("in/sub/README"), Reason: "unsupported format (no extension)"},
		{Path: filepath.FromSlash("in/sub/e.pdf"), Reason: "unsupported format .pdf"},
		{Path: filepath.FromSlash("other/broken.txt"), Reason: "broken symlink"},
		{Path: filepath.FromSlash("other/self.txt"), Reason: "symlink loop"},
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped\n%q, want\n%q", skipped, wantSkipped)
	}
}

func TestWalkMissingPath(t *testing.T) {
	tree(t, map[string]string{"a.txt": "a"})
	_, _, err := Walk([]string{"a.txt", "missing"}, nil)
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("err = %v, want one naming the missing path", err)
	}
}

func TestWalkGivenFiles(t *testing.T) {
	tree(t, map[string]string{"x/a.txt": "a", "x/b.pdf": "b", ".hidden/c.md": "c"})
	files, skipped, err := Walk([]string{"x/b.pdf", "x/a.txt", "x/a.txt", ".hidden"}, []string{"a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	// A file or hidden folder named on the command line is taken even if
	// it would be excluded or hidden while walking.
	want := []string{filepath.FromSlash(".hidden/c.md"), filepath.FromSlash("x/a.txt")}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if len(skipped) != 1 || skipped[0].Reason != "unsupported format .pdf" {
		t.Errorf("skipped %q", skipped)
	}
}

func TestWalkUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := tree(t, map[string]string{"top/ok.txt": "ok", "top/locked/secret.txt": "s"})
	locked := filepath.Join(dir, "top", "locked")
	if err := os.Chmod(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	files, skipped, err := Walk([]string{"top"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(files, []string{filepath.FromSlash("top/ok.txt")}) {
		t.Errorf("files %q", files)
	}
	want := []result.Skipped{{Path: filepath.FromSlash("top/locked"), Reason: "permission denied"}}
	if !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}
