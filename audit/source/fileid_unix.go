//go:build unix

package source

import (
	"io/fs"
	"syscall"
)

// fileID identifies a file on its device, whatever the path to it.
type fileID struct{ dev, ino uint64 }

func identity(st fs.FileInfo) (fileID, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(s.Dev), ino: uint64(s.Ino)}, true
}
