//go:build unix

package source

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	_, err := Read(p, Options{}) // must not block
	if got := skipReason(t, err); got != "not a regular file" {
		t.Errorf("reason %q", got)
	}
}
