//go:build !unix

package source

import "io/fs"

// fileID identifies a file; without device and inode numbers, Walk falls
// back on paths alone.
type fileID struct{ dev, ino uint64 }

func identity(fs.FileInfo) (fileID, bool) { return fileID{}, false }
