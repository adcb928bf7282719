package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Walk expands files and folders into the files to audit. Folders are
// read recursively; symbolic links are followed, each folder and file is
// visited once (by cleaned absolute path and by file identity), so loops
// end and a file named twice is read once. Hidden folders and files
// (".git", ".DS_Store") and anything matching an exclude entry (a base
// name, a glob on the base name, or a path) are left out. Files of an
// unsupported format, unreadable folders and broken links come back in
// skipped with the reason. Paths keep the form they were given in.
// Both lists are sorted. err is set only when a given path does not exist.
func Walk(paths []string, exclude []string) (files []string, skipped []result.Skipped, err error) {
	w := &walker{
		exclude:  exclude,
		seenPath: map[string]bool{},
		seenID:   map[fileID]bool{},
		seenDir:  map[fileID]bool{},
		seenSkip: map[string]bool{},
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				if _, lerr := os.Lstat(p); lerr == nil {
					w.skip(p, "broken symlink")
					continue
				}
				return nil, nil, fmt.Errorf("%s: no such file or directory", p)
			}
			w.skip(p, fsReason(err))
			continue
		}
		if st.IsDir() {
			w.dir(p, st)
			continue
		}
		w.file(p, st, true)
	}
	sort.Strings(w.files)
	sort.Slice(w.skipped, func(i, j int) bool { return w.skipped[i].Path < w.skipped[j].Path })
	return w.files, w.skipped, nil
}

type walker struct {
	exclude  []string
	files    []string
	skipped  []result.Skipped
	seenPath map[string]bool
	seenID   map[fileID]bool
	seenDir  map[fileID]bool
	seenSkip map[string]bool
}

func (w *walker) skip(path, reason string) {
	key := absPath(path)
	if w.seenSkip[key] {
		return
	}
	w.seenSkip[key] = true
	w.skipped = append(w.skipped, result.Skipped{Path: path, Reason: reason})
}

// excluded reports whether path matches an exclude entry.
func (w *walker) excluded(path string) bool {
	base := filepath.Base(path)
	abs := absPath(path)
	for _, e := range w.exclude {
		e = strings.TrimRight(e, `/\`)
		if e == "" {
			continue
		}
		if e == base || absPath(e) == abs {
			return true
		}
		if ok, _ := filepath.Match(e, base); ok {
			return true
		}
		if strings.ContainsRune(e, filepath.Separator) {
			if ok, _ := filepath.Match(e, filepath.Clean(path)); ok {
				return true
			}
		}
	}
	return false
}

// file adds one regular file. given reports whether the user named it.
func (w *walker) file(path string, st fs.FileInfo, given bool) {
	abs := absPath(path)
	if w.seenPath[abs] {
		return
	}
	w.seenPath[abs] = true
	if !given && w.excluded(path) {
		return
	}
	if !st.Mode().IsRegular() {
		w.skip(path, "not a regular file")
		return
	}
	if !Supported(path) {
		w.skip(path, unsupportedReason(path))
		return
	}
	if id, ok := identity(st); ok {
		if w.seenID[id] {
			return
		}
		w.seenID[id] = true
	}
	w.files = append(w.files, path)
}

// dir walks one folder.
func (w *walker) dir(path string, st fs.FileInfo) {
	if id, ok := identity(st); ok {
		if w.seenDir[id] {
			return
		}
		w.seenDir[id] = true
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.skip(path, fsReason(err))
		// ReadDir returns what it could read before the error.
	}
	for _, e := range entries {
		name := e.Name()
		child := filepath.Join(path, name)
		if strings.HasPrefix(name, ".") || w.excluded(child) {
			continue
		}
		info, err := os.Stat(child) // follows links
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 {
				if errors.Is(err, fs.ErrNotExist) {
					w.skip(child, "broken symlink")
				} else {
					w.skip(child, fsReason(err))
				}
				continue
			}
			w.skip(child, fsReason(err))
			continue
		}
		if info.IsDir() {
			w.dir(child, info)
			continue
		}
		w.file(child, info, false)
	}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
