// Package audit is quoteaudit's engine. Load reads the sources; Run
// extracts and attributes every quotation, resolves people, matches quotes
// across sources, runs the check catalogue and returns the one result
// value that every report writer reads.
//
// Data flows one way: Load → Run → result.Result. Per-source work
// (reading, extraction) runs concurrently on a bounded pool; the
// cross-source steps (names, matching, checks) run over compact indexes.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// LoadOptions bound how sources are read.
type LoadOptions struct {
	// MaxFileSize skips larger files (0: source.DefaultMaxFileSize).
	MaxFileSize int64
	// Exclude lists folders not to walk (the output folder).
	Exclude []string
	// Workers is the size of the reading pool (0: the number of CPUs).
	Workers int
	// Progress, if set, is called after each file is read (from several
	// goroutines: it must be safe for concurrent use).
	Progress func(done, total int)

	// beforeRead, for tests only, runs between Walk and the reading of
	// each file (a test deletes the file there: a file that vanishes
	// during the run).
	beforeRead func(path string)
}

// Corpus is the set of sources one audit reads.
type Corpus struct {
	// Inputs are the paths as the user gave them.
	Inputs []string
	// Docs are the readable sources, sorted by path, with IDs S1, S2, ….
	Docs []*source.Document
	// Skipped are the inputs that could not be audited, with the reason.
	Skipped []result.Skipped
}

// Load walks paths (files and folders) and reads every supported source.
// A file that cannot be read is skipped with its reason; Load fails only
// when a path does not exist or the context is cancelled.
func Load(ctx context.Context, paths []string, opts LoadOptions) (*Corpus, error) {
	files, skipped, err := source.Walk(paths, opts.Exclude)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Inputs: append([]string(nil), paths...), Skipped: skipped}
	docs := make([]*source.Document, len(files))
	errs := make([]error, len(files))
	read := func(_, i int) {
		docs[i], errs[i] = readRecovering(files[i], func() (*source.Document, error) {
			if opts.beforeRead != nil {
				opts.beforeRead(files[i])
			}
			return source.Read(files[i], source.Options{MaxFileSize: opts.MaxFileSize})
		})
	}
	if err := parallel(ctx, len(files), opts.Workers, opts.Progress, read); err != nil {
		return nil, err
	}
	c.collect(files, docs, errs)
	return c, nil
}

// LoadFS reads every supported file of an fs.FS (the embedded demo
// corpus); label prefixes the paths shown in reports.
func LoadFS(ctx context.Context, fsys fs.FS, label string, opts LoadOptions) (*Corpus, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && source.Supported(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", label, err)
	}
	sort.Strings(files)
	c := &Corpus{Inputs: []string{label}}
	docs := make([]*source.Document, len(files))
	errs := make([]error, len(files))
	shown := make([]string, len(files))
	read := func(_, i int) {
		shown[i] = path.Join(label, files[i])
		docs[i], errs[i] = readRecovering(shown[i], func() (*source.Document, error) {
			data, err := fs.ReadFile(fsys, files[i])
			if err != nil {
				return nil, err
			}
			return source.ReadBytes(shown[i], data)
		})
	}
	if err := parallel(ctx, len(files), opts.Workers, opts.Progress, read); err != nil {
		return nil, err
	}
	c.collect(shown, docs, errs)
	return c, nil
}

// collect keeps the documents that were read, in path order, numbers
// them, and records the others as skipped.
func (c *Corpus) collect(files []string, docs []*source.Document, errs []error) {
	for i, d := range docs {
		if errs[i] != nil || d == nil {
			c.Skipped = append(c.Skipped, result.Skipped{Path: files[i], Reason: skipReason(errs[i])})
			continue
		}
		c.Docs = append(c.Docs, d)
	}
	sort.SliceStable(c.Docs, func(i, j int) bool { return c.Docs[i].Meta.Path < c.Docs[j].Meta.Path })
	for i, d := range c.Docs {
		d.Meta.ID = "S" + strconv.Itoa(i+1)
	}
	sort.SliceStable(c.Skipped, func(i, j int) bool { return c.Skipped[i].Path < c.Skipped[j].Path })
}

func skipReason(err error) string {
	var se *source.SkipError
	if errors.As(err, &se) {
		return se.Reason
	}
	if err == nil {
		return "no text"
	}
	return err.Error()
}

// readRecovering runs read, turning a panic into that file's failure so
// one bad source never stops the run.
func readRecovering(name string, read func() (*source.Document, error)) (doc *source.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("internal error while reading: %s (a bug in quoteaudit: please report it with this file)", firstLine(fmt.Sprint(p)))
		}
	}()
	return read()
}

// parallel calls work(w, i) for i in [0, n) on a pool of workers (w is
// the worker, for per-worker buffers), stopping early when ctx is
// cancelled.
func parallel(ctx context.Context, n, workers int, progress func(done, total int), work func(worker, i int)) error {
	workers = poolSize(n, workers)
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				work(w, i)
				d := done.Add(1)
				if progress != nil {
					progress(int(d), n)
				}
			}
		}(w)
	}
	wg.Wait()
	return ctx.Err()
}

// poolSize is the number of workers parallel starts for n items: workers,
// or the number of CPUs when workers is 0, and never more than n.
func poolSize(n, workers int) int {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	return max(min(workers, n), 1)
}
