package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// DefaultMaxFileSize is the largest file Read accepts when
// Options.MaxFileSize is 0.
const DefaultMaxFileSize int64 = 32 << 20

// Options bound reading.
type Options struct {
	// MaxFileSize is the largest file, in bytes, that is read; larger
	// files are skipped before any byte is read. 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64

	// owned is set by Read, whose buffer holds the file's bytes and is
	// never written once read: text read from it may share its bytes
	// instead of copying them. Bytes a caller passes (ReadBytes) are the
	// caller's, and are always copied.
	owned bool
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// SkipError says why a file was not audited. Reason is short and meant for
// people: "binary file", "unsupported format .pdf", "empty file".
type SkipError struct {
	Path   string
	Reason string
}

func (e *SkipError) Error() string { return e.Path + ": " + e.Reason }

// formats maps file extensions to the format name used in result.Source.
var formats = map[string]string{
	".txt": "txt", ".text": "txt",
	".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html",
	".docx": "docx",
}

// formatOf returns the format of path from its extension, or "".
func formatOf(path string) string {
	return formats[strings.ToLower(filepath.Ext(path))]
}

// Supported reports whether path has an extension quoteaudit reads.
func Supported(path string) bool { return formatOf(path) != "" }

// unsupportedReason is the skip reason for a file of an unknown format.
func unsupportedReason(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "unsupported format (no extension)"
	}
	return "unsupported format " + ext
}

// Read reads one file. The file is opened read-only and its size is
// checked against opts.MaxFileSize before anything is read. Files that
// cannot be audited give a *SkipError.
func Read(path string, opts Options) (*Document, error) {
	if !Supported(path) {
		return nil, &SkipError{Path: path, Reason: unsupportedReason(path)}
	}
	// Stat first: opening a named pipe would block.
	if st, err := os.Stat(path); err != nil {
		return nil, &SkipError{Path: path, Reason: fsReason(err)}
	} else if st.IsDir() {
		return nil, &SkipError{Path: path, Reason: "is a directory"}
	} else if !st.Mode().IsRegular() {
		return nil, &SkipError{Path: path, Reason: "not a regular file"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &SkipError{Path: path, Reason: fsReason(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &SkipError{Path: path, Reason: fsReason(err)}
	}
	if st.IsDir() {
		return nil, &SkipError{Path: path, Reason: "is a directory"}
	}
	if !st.Mode().IsRegular() {
		return nil, &SkipError{Path: path, Reason: "not a regular file"}
	}
	limit := opts.maxSize()
	if st.Size() > limit {
		return nil, &SkipError{Path: path, Reason: tooLarge(st.Size(), limit)}
	}
	// The size may change while we read: never read more than max+1.
	data, err := readAtMost(f, st.Size(), limit+1)
	if err != nil {
		return nil, &SkipError{Path: path, Reason: fsReason(err)}
	}
	if int64(len(data)) > limit {
		return nil, &SkipError{Path: path, Reason: tooLarge(int64(len(data)), limit)}
	}
	opts.owned = true
	return readBytes(path, data, opts)
}

// readAtMost reads r to its end, but no more than most bytes, into one
// buffer sized for the size the file had when it was opened: a file read
// whole is read without growing or copying the buffer (io.ReadAll grows
// one from 512 bytes).
func readAtMost(r io.Reader, size, most int64) ([]byte, error) {
	// One byte more than the size: the read that meets the end of the
	// file finds room, so the buffer does not grow for it.
	data := make([]byte, 0, min(size, most)+1)
	for int64(len(data)) < most {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew
		}
		end := min(int64(cap(data)), most)
		n, err := r.Read(data[len(data):end])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// ReadBytes parses data as the format given by path's extension (.txt
// .text .md .markdown .html .htm .docx), with the default options. It
// serves embedded files and fuzzing.
func ReadBytes(path string, data []byte) (*Document, error) {
	return readBytes(path, data, Options{})
}

func readBytes(path string, data []byte, opts Options) (*Document, error) {
	var (
		d   *Document
		err error
	)
	switch formatOf(path) {
	case "txt":
		d, err = readTXT(path, data, opts.owned)
	case "md":
		d, err = readMarkdown(path, data, opts.owned)
	case "html":
		d, err = readHTML(path, data)
	case "docx":
		d, err = readDOCX(path, data, opts.maxSize())
	default:
		return nil, &SkipError{Path: path, Reason: unsupportedReason(path)}
	}
	if err != nil {
		return nil, err
	}
	d.Meta.Path = path
	if len(d.Paragraphs) == 0 {
		return nil, &SkipError{Path: path, Reason: "no text"}
	}
	return d, nil
}

// tooLarge is the skip reason of a file over the size limit.
func tooLarge(size, limit int64) string {
	return fmt.Sprintf("larger than --max-file-size (%s > %s)", humanSize(size), humanSize(limit))
}

// humanSize writes a byte count the way people read it: 200 MB, 1.5 MB, 12 KB.
func humanSize(n int64) string {
	const kb, mb, gb = 1 << 10, 1 << 20, 1 << 30
	f := func(v float64, unit string) string {
		s := fmt.Sprintf("%.1f", v)
		s = strings.TrimSuffix(s, ".0")
		return s + " " + unit
	}
	switch {
	case n >= gb:
		return f(float64(n)/gb, "GB")
	case n >= mb:
		return f(float64(n)/mb, "MB")
	case n >= kb:
		return f(float64(n)/kb, "KB")
	}
	return fmt.Sprintf("%d bytes", n)
}

// fsReason turns a file-system error into a short reason.
func fsReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop"
	case errors.Is(err, syscall.EISDIR):
		return "is a directory"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
