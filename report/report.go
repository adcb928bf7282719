// Package report writes quoteaudit's reports — JSON, text, the Excel
// workbook and the PDF — from the one result model. Each format lives in
// its own subpackage; this package chooses formats and writes each report
// to a temporary file that is renamed into place only when complete, so an
// interrupted run leaves the previous reports intact.
package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/jsonreport"
	"github.com/quoteaudit/quoteaudit/report/pdf"
	"github.com/quoteaudit/quoteaudit/report/text"
	"github.com/quoteaudit/quoteaudit/report/xlsx"
)

// Format is a report format.
type Format string

// The formats, in the order they are written.
const (
	JSON Format = "json"
	Text Format = "text"
	XLSX Format = "xlsx"
	PDF  Format = "pdf"
)

// Formats lists every format, the default set.
func Formats() []Format { return []Format{JSON, Text, XLSX, PDF} }

// FileName is the report's file name in the output folder.
func (f Format) FileName() string {
	switch f {
	case Text:
		return "quoteaudit.txt"
	default:
		return "quoteaudit." + string(f)
	}
}

// ParseFormats reads a comma-separated list ("json,pdf"; "all" for every
// format), keeping the canonical order and dropping repeats.
func ParseFormats(list string) ([]Format, error) {
	want := map[Format]bool{}
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		switch name {
		case "":
			continue
		case "all":
			for _, f := range Formats() {
				want[f] = true
			}
			continue
		case "txt":
			name = "text"
		case "excel":
			name = "xlsx"
		}
		f := Format(name)
		if !f.known() {
			return nil, fmt.Errorf("unknown format %q (want json, text, xlsx or pdf)", name)
		}
		want[f] = true
	}
	var out []Format
	for _, f := range Formats() {
		if want[f] {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no report format given")
	}
	return out, nil
}

func (f Format) known() bool {
	for _, k := range Formats() {
		if f == k {
			return true
		}
	}
	return false
}

// Options configure the writers.
type Options struct {
	// Previous is an earlier workbook whose editor columns carry over.
	Previous *xlsx.Previous
	// Title overrides the PDF's title.
	Title string
	// Inputs are the audited files: a report never overwrites one.
	Inputs []string
}

// Written is one report that was written.
type Written struct {
	Format Format
	Path   string
}

// WriteAll writes r in each format into dir (created if needed). It stops
// at the first failure or cancellation and says which reports were not
// written; those already written stay.
//
// The reports are rendered side by side (the writers only read r), each
// into its temporary file; they are then put in place one after another
// in format order, so what ends up written is what writing them one by
// one would leave: every report before the first failure.
func WriteAll(ctx context.Context, dir string, formats []Format, r *result.Result, opts Options) ([]Written, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output folder: %w", err)
	}
	inputs := map[string]bool{}
	for _, p := range opts.Inputs {
		if abs, err := filepath.Abs(p); err == nil {
			inputs[abs] = true
		}
	}
	// Formats up to the first one that would overwrite an input.
	var refused error
	n := len(formats)
	for i, f := range formats {
		target := filepath.Join(dir, f.FileName())
		if abs, err := filepath.Abs(target); err == nil && inputs[abs] {
			refused, n = fmt.Errorf("refusing to write %s over one of the inputs", target), i
			break
		}
	}
	// Render into temporary files, at most GOMAXPROCS at a time, started
	// in format order; a failure cancels the ones not yet started (all
	// after it).
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tmps := make([]string, n)
	errs := make([]error, n)
	temps := &tempSet{}
	rendered := make(chan struct{})
	go func() {
		defer close(rendered)
		sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			sem <- struct{}{}
			if wctx.Err() != nil {
				<-sem
				break
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				f := formats[i]
				tmps[i], errs[i] = writeTemp(ctx, temps, filepath.Join(dir, f.FileName()), func(w io.Writer) error { return write(w, f, r, opts) })
				if errs[i] != nil {
					cancel()
				}
			}()
		}
		wg.Wait()
	}()
	select {
	case <-rendered:
	case <-ctx.Done():
		// Interrupted: remove the temporary files now and return without
		// waiting for the renderers (the workbook and the PDF are built in
		// memory and would notice only at their next write). The previous
		// reports are untouched: nothing is renamed before all are rendered.
		temps.abandon()
		return nil, notWritten(formats[:n], dir, ctx.Err())
	}
	var written []Written
	for i := 0; i < n; i++ {
		f := formats[i]
		target := filepath.Join(dir, f.FileName())
		err := errs[i]
		if err == nil && tmps[i] == "" {
			err = ctx.Err() // cancelled before it started
			if err == nil {
				err = context.Canceled
			}
		}
		if err == nil {
			if err = ctx.Err(); err != nil {
				removeTemps(tmps[i:])
				return written, notWritten(formats[i:], dir, err)
			}
			err = commitTemp(ctx, tmps[i], target)
		}
		if err != nil {
			removeTemps(tmps[i:])
			if cerr := ctx.Err(); cerr != nil {
				return written, notWritten(formats[i:], dir, cerr)
			}
			return written, fmt.Errorf("writing %s: %w", target, err)
		}
		written = append(written, Written{Format: f, Path: target})
	}
	return written, refused
}

func removeTemps(tmps []string) {
	for _, t := range tmps {
		if t != "" {
			os.Remove(t)
		}
	}
}

func notWritten(fs []Format, dir string, cause error) error {
	var names []string
	for _, f := range fs {
		names = append(names, filepath.Join(dir, f.FileName()))
	}
	return fmt.Errorf("%w: not written: %s", cause, strings.Join(names, ", "))
}

func write(w io.Writer, f Format, r *result.Result, opts Options) error {
	switch f {
	case JSON:
		return jsonreport.Write(w, r)
	case Text:
		return text.Write(w, r, text.Options{})
	case XLSX:
		return xlsx.Write(w, r, xlsx.Options{Previous: opts.Previous})
	case PDF:
		return pdf.Write(w, r, pdf.Options{Title: opts.Title})
	}
	return fmt.Errorf("unknown format %q", f)
}

// WriteFileAtomic writes a file through a temporary file in the same
// folder, synced and renamed over path only when write succeeded and ctx
// is still live. On any failure the temporary file is removed and path is
// left as it was.
func WriteFileAtomic(ctx context.Context, path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(ctx, nil, path, write)
	if err != nil {
		return err
	}
	if err := commitTemp(ctx, tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes a complete, synced temporary file beside path and
// returns its name; on failure it removes it. Once ctx is done every
// write fails, so a writer busy with a large report stops.
func writeTemp(ctx context.Context, temps *tempSet, path string, write func(io.Writer) error) (name string, err error) {
	tmp, err := temps.create(ctx, path)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(ctxWriter{ctx, tmp}); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// tempSet records the temporary files of one WriteAll so that an
// interrupted run removes them at once; nil creates files untracked.
type tempSet struct {
	mu        sync.Mutex
	abandoned bool
	names     []string
}

// create makes the temporary file for path, unless the set was abandoned.
func (s *tempSet) create(ctx context.Context, path string) (*os.File, error) {
	if s == nil {
		return os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.abandoned {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return nil, context.Canceled
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err == nil {
		s.names = append(s.names, f.Name())
	}
	return f, err
}

// abandon removes every temporary file created so far and refuses new
// ones; a renderer still writing to a removed file writes to no name.
func (s *tempSet) abandon() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abandoned = true
	for _, n := range s.names {
		os.Remove(n)
	}
}

// commitTemp renames a temporary file written by writeTemp over path,
// unless ctx is done.
func commitTemp(ctx context.Context, tmp, path string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ctxWriter fails every write once ctx is done, so that a writer in the
// middle of a large report stops at its next write when the user presses
// Ctrl-C.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// CleanStale removes temporary files a killed run left in dir (the
// ".quoteaudit.*.tmp" files WriteFileAtomic creates) and reports how many
// it removed.
func CleanStale(dir string) int {
	matches, _ := filepath.Glob(filepath.Join(dir, ".quoteaudit.*.tmp"))
	sort.Strings(matches)
	n := 0
	for _, m := range matches {
		if os.Remove(m) == nil {
			n++
		}
	}
	return n
}
