package source

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 200 MB file: refused by its size, before any byte is read.
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Read(big, Options{})
	if got := skipReason(t, err); got != "larger than --max-file-size (200 MB > 32 MB)" {
		t.Errorf("reason %q", got)
	}
	small := filepath.Join(dir, "small.md")
	os.WriteFile(small, bytes.Repeat([]byte("word "), 400), 0o644)
	_, err = Read(small, Options{MaxFileSize: 1500})
	if got := skipReason(t, err); got != "larger than --max-file-size (2 KB > 1.5 KB)" {
		t.Errorf("reason %q", got)
	}
	if _, err := Read(small, Options{MaxFileSize: 2000}); err != nil {
		t.Errorf("file at the limit refused: %v", err)
	}
}

func TestReadSkips(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("%PDF"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755)
	os.WriteFile(filepath.Join(dir, "nul.txt"), append([]byte("MZ"), make([]byte, 100)...), 0o644)
	tests := []struct {
		path, reason string
	}{
		{"a.pdf", "unsupported format .pdf"},
		{"folder.txt", "is a directory"},
		{"missing.txt", "no such file"},
		{"nul.txt", "binary file"},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.path)
		_, err := Read(p, Options{})
		if got := skipReason(t, err); got != tt.reason {
			t.Errorf("%s: reason %q, want %q", tt.path, got, tt.reason)
		}
		if err.Error() != p+": "+tt.reason {
			t.Errorf("%s: error %q", tt.path, err)
		}
	}
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	p := filepath.Join(t.TempDir(), "locked.txt")
	os.WriteFile(p, []byte("secret"), 0o000)
	_, err := Read(p, Options{})
	if got := skipReason(t, err); got != "permission denied" {
		t.Errorf("reason %q", got)
	}
}

func TestFSReason(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "permission denied"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "no such file"},
		{&fs.PathError{Op: "stat", Path: "x", Err: syscall.ELOOP}, "symlink loop"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}, "input/output error"},
		{errors.New("odd"), "odd"},
	}
	for _, tt := range tests {
		if got := fsReason(tt.err); got != tt.want {
			t.Errorf("fsReason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestReadLeavesFileAlone(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	data := []byte("Title\r\n\r\n“Quote,” she said.\r\n")
	if err := os.WriteFile(p, data, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(p)
	d, err := Read(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(p)
	got, _ := os.ReadFile(p)
	if !bytes.Equal(got, data) || !after.ModTime().Equal(before.ModTime()) || d.Text != string(data) || d.Meta.Path != p {
		t.Fatalf("file changed or text differs: %q", d.Text)
	}
}

func TestSupported(t *testing.T) {
	for p, want := range map[string]bool{
		"a.txt": true, "A.TXT": true, "a.text": true, "a.md": true, "a.markdown": true,
		"a.html": true, "a.HTM": true, "a.docx": true, "a.doc": false, "a.pdf": false, "txt": false, "": false,
	} {
		if got := Supported(p); got != want {
			t.Errorf("Supported(%q) = %v", p, got)
		}
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{
		10: "10 bytes", 2048: "2 KB", 1536: "1.5 KB", 32 << 20: "32 MB", 200 << 20: "200 MB", 3 << 30: "3 GB",
	} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}
