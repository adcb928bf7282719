package source

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/iotest"
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

// readAtMost reads what the file holds, up to most bytes, whatever size
// the file had when it was opened (it may grow or shrink meanwhile), and
// without growing its buffer when the size held.
func TestReadAtMost(t *testing.T) {
	text := bytes.Repeat([]byte("0123456789"), 1000)
	for _, tc := range []struct {
		size, most int64
		want       int
	}{
		{10000, 10001, 10000}, // as opened
		{10000, 20000, 10000},
		{100, 20000, 10000}, // grew since
		{0, 20000, 10000},
		{20000, 20000, 10000}, // shrank since
		{10000, 5001, 5001},   // over the limit: stops one byte past it
		{100, 5001, 5001},
	} {
		got, err := readAtMost(iotest.OneByteReader(bytes.NewReader(text)), tc.size, tc.most)
		if err != nil || !bytes.Equal(got, text[:tc.want]) {
			t.Errorf("size %d most %d: %d bytes, %v; want %d", tc.size, tc.most, len(got), err, tc.want)
		}
		got, _ = readAtMost(bytes.NewReader(text), tc.size, tc.most)
		if tc.size == int64(len(text)) && tc.most > tc.size && cap(got) != len(text)+1 {
			t.Errorf("size %d most %d: buffer grew to %d", tc.size, tc.most, cap(got))
		}
	}
	if _, err := readAtMost(iotest.ErrReader(errDisk), 10, 100); !errors.Is(err, errDisk) {
		t.Errorf("error %v, want %v", err, errDisk)
	}
}

var errDisk = errors.New("disk error")

// The text of bytes a caller passes is a copy: the caller may reuse
// them. (Read's own buffer becomes the text without a copy.)
func TestReadBytesCopiesTheCallersBytes(t *testing.T) {
	data := []byte("“We will stay,” she said.\n")
	d, err := ReadBytes("a.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	copy(data, bytes.Repeat([]byte("x"), len(data)))
	if d.Text != "“We will stay,” she said.\n" {
		t.Errorf("text changed with the caller's bytes: %q", d.Text)
	}
}

// looksBinary counts as the plain byte-by-byte test does, on random
// samples rich in NULs and control bytes.
func TestLooksBinaryIsPlainTest(t *testing.T) {
	plain := func(data []byte) bool {
		sample := data[:min(len(data), sampleBytes)]
		var nul, ctl int
		for _, c := range sample {
			switch {
			case c == 0:
				nul++
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B:
				ctl++
			case c == 0x7F:
				ctl++
			}
		}
		if nul*10 > len(sample) || nul > 4 && nul*100 > len(sample) || nul > 64 {
			return true
		}
		return ctl*20 > len(sample)
	}
	rng := rand.New(rand.NewPCG(8, 9))
	for range 3000 {
		data := make([]byte, rng.IntN(300))
		odd := rng.IntN(40) + 1
		for i := range data {
			if rng.IntN(odd) == 0 {
				data[i] = byte(rng.IntN(0x20))
			} else {
				data[i] = byte(rng.IntN(256))
			}
		}
		if looksBinary(data) != plain(data) {
			t.Fatalf("looksBinary(%q) = %v", data, looksBinary(data))
		}
	}
}
