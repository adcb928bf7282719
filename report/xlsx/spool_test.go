package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpoolKeepsEveryByteInMemoryAndInAFile(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	for _, limit := range []int{1 << 20, 10, 0} {
		s := &spool{limit: limit}
		var want bytes.Buffer
		for i := range 50 {
			p := []byte(strings.Repeat(string(rune('a'+i%26)), i+1))
			want.Write(p)
			if n, err := s.Write(p); n != len(p) || err != nil {
				t.Fatalf("limit %d: Write = %d, %v", limit, n, err)
			}
		}
		if s.Len() != int64(want.Len()) {
			t.Errorf("limit %d: Len = %d, want %d", limit, s.Len(), want.Len())
		}
		if inFile := s.file != nil; inFile != (want.Len() > limit) {
			t.Errorf("limit %d: in a file = %v after %d bytes", limit, inFile, want.Len())
		}
		for range 2 { // read back twice: the archive is written once, but WriteTo must not consume
			var got bytes.Buffer
			if n, err := s.WriteTo(&got); err != nil || n != int64(want.Len()) {
				t.Fatalf("limit %d: WriteTo = %d, %v", limit, n, err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("limit %d: read back %q, want %q", limit, got.Bytes(), want.Bytes())
			}
		}
		s.release()
		if s.Len() != 0 || s.file != nil || len(s.mem) != 0 {
			t.Errorf("limit %d: release left %d bytes", limit, s.Len())
		}
	}
	left, err := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "quoteaudit-xlsx-*"))
	if err != nil || len(left) > 0 {
		t.Errorf("temporary files left behind: %v %v", left, err)
	}
}
