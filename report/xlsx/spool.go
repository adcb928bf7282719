package xlsx

import (
	"fmt"
	"io"
	"os"
)

// spoolMemory is how much of one compressed entry a spool keeps in
// memory before it moves the entry to a temporary file. The list sheets
// of a large audit are rendered side by side and written into the
// archive in a fixed order only at the end, so their compressed bytes
// wait somewhere: on 100,000 articles that is about 300 MB, which would
// otherwise sit on the heap beside the result while the other reports
// are written.
const spoolMemory = 8 << 20

// spool holds the bytes written to it, in memory up to limit and in an
// unnamed temporary file past it. release frees either.
//
// In memory the bytes sit in blocks, each twice the size of the one
// before up to spoolBlockMax, which are never copied: one growing buffer
// would allocate twice what it holds, and copy it, on its way to limit.
type spool struct {
	limit int
	mem   [][]byte // full blocks, then the one being filled
	file  *os.File
	path  string // the file's name when it could not be unlinked at once
	n     int64
}

// The first block of a spool's memory, and the largest.
const (
	spoolBlockMin = 4 << 10
	spoolBlockMax = 1 << 20
)

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.n+int64(len(p)) > int64(s.limit) {
		if err := s.toFile(); err != nil {
			return 0, err
		}
	}
	s.n += int64(len(p))
	if s.file == nil {
		s.keep(p)
		return len(p), nil
	}
	n, err := s.file.Write(p)
	if err != nil {
		err = fmt.Errorf("spooling the workbook: %w", err)
	}
	return n, err
}

// keep appends p to the blocks in memory.
func (s *spool) keep(p []byte) {
	for len(p) > 0 {
		last := len(s.mem) - 1
		if last < 0 || len(s.mem[last]) == cap(s.mem[last]) {
			size := spoolBlockMin
			if last >= 0 {
				size = min(2*cap(s.mem[last]), spoolBlockMax)
			}
			s.mem = append(s.mem, make([]byte, 0, size))
			last++
		}
		b := s.mem[last]
		k := min(len(p), cap(b)-len(b))
		s.mem[last] = append(b, p[:k]...)
		p = p[k:]
	}
}

// toFile moves what the spool holds into a new temporary file. The file
// is unlinked at once where the system allows it, so nothing is left
// behind however the run ends; elsewhere release removes it.
func (s *spool) toFile() error {
	f, err := os.CreateTemp("", "quoteaudit-xlsx-*.part")
	if err != nil {
		return fmt.Errorf("spooling the workbook: %w", err)
	}
	if os.Remove(f.Name()) != nil {
		s.path = f.Name()
	}
	s.file = f
	if _, err := s.writeMemTo(f); err != nil {
		return fmt.Errorf("spooling the workbook: %w", err)
	}
	s.mem = nil
	return nil
}

// Len is the number of bytes written.
func (s *spool) Len() int64 { return s.n }

// WriteTo copies everything written to w.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	if s.file == nil {
		return s.writeMemTo(w)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("reading back the spooled workbook: %w", err)
	}
	n, err := io.Copy(w, io.LimitReader(s.file, s.n))
	if err == nil && n < s.n {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		err = fmt.Errorf("reading back the spooled workbook: %w", err)
	}
	return n, err
}

// writeMemTo writes the blocks in memory to w.
func (s *spool) writeMemTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range s.mem {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// release frees the memory or the file. The spool is empty afterwards.
func (s *spool) release() {
	if s.file != nil {
		s.file.Close()
		if s.path != "" {
			os.Remove(s.path)
		}
	}
	*s = spool{limit: s.limit}
}
