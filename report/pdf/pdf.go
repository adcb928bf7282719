// Package pdf writes quoteaudit's PDF report: a summary page with the
// verdict and drawn charts, the findings grouped by severity and check,
// the quotations shared across sources with their word-level differences
// highlighted, the people and the spellings of their names, and an
// appendix of sources, rule files, checks and limitations.
//
// It renders with maroto v2 (on gofpdf) and the embedded DejaVu Sans, and
// lays text out itself (see flow.go) so that long quotations continue
// over rows and pages without losing words, long words and URLs wrap,
// and changed words can be coloured inside a line. Untrusted text is
// cleaned before it reaches the PDF: control characters go, runes above
// U+FFFF become U+FFFD, Arabic is shaped and right-to-left runs reversed.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"
	"github.com/phpdave11/gofpdf"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Options tune the report.
type Options struct {
	// Title heads every page; default r.Title, then "Quotation audit".
	Title string
	// MaxPerCheck caps the findings listed per check (and the match
	// groups per kind, the people, the ignored findings); past it the
	// report says how many more there are and points to the workbook.
	// Default 50.
	MaxPerCheck int
}

// DefaultMaxPerCheck is the cap used when Options.MaxPerCheck is 0.
const DefaultMaxPerCheck = 50

// gofpdfDates guards gofpdf's package-level defaults: the creation and
// modification dates and the catalogue sort flag. gofpdf copies them into
// each new document when the document is created, which maroto does
// inside maroto.New (not in Generate); Write sets them (dates from
// r.GeneratedAt, sorting on, so fonts are not written in map order),
// creates the document and restores them while holding this lock, so
// concurrent Writes each get their own dates and the output is
// byte-identical for the same result.
var gofpdfDates sync.Mutex

// Write renders the PDF report of r to w. The output depends only on r
// and opts: two Writes of the same result give the same bytes.
func Write(w io.Writer, r *result.Result, opts Options) (err error) {
	if r == nil {
		return errors.New("pdf: no result to write")
	}
	data, err := Render(r, opts)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// Render returns the PDF report of r as bytes.
func Render(r *result.Result, opts Options) (data []byte, err error) {
	if r == nil {
		return nil, errors.New("pdf: no result to render")
	}
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, fmt.Errorf("render pdf: internal error: %v", p)
		}
	}()
	if opts.MaxPerCheck <= 0 {
		opts.MaxPerCheck = DefaultMaxPerCheck
	}
	if opts.Title == "" {
		opts.Title = r.Title
	}
	if clean(opts.Title) == "" {
		opts.Title = "Quotation audit"
	}
	meas, err := newMeasurer()
	if err != nil {
		return nil, err
	}
	m, err := newMaroto(r, opts)
	if err != nil {
		return nil, err
	}
	d := newDoc(m, meas, r, opts)
	if err := d.header(); err != nil {
		return nil, err
	}
	d.summary()
	d.findings()
	d.matches()
	d.people()
	d.appendix()
	doc, err := m.Generate()
	if err != nil {
		return nil, fmt.Errorf("generate pdf: %w", err)
	}
	out := doc.GetBytes()
	if !bytes.HasPrefix(out, []byte("%PDF")) {
		return nil, errors.New("generate pdf: backend returned no document")
	}
	return out, nil
}

// pinnedTime is the date written into the PDF's metadata: the run's time,
// or the Unix epoch when the result has none (never the clock, which
// would make two writes differ).
func pinnedTime(r *result.Result) time.Time {
	if r.GeneratedAt.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return r.GeneratedAt.UTC()
}

func runDate(r *result.Result) string {
	if r.GeneratedAt.IsZero() {
		return "date unknown"
	}
	return r.GeneratedAt.UTC().Format("2 January 2006, 15:04 UTC")
}

// Page geometry, millimetres.
const (
	pageWidth   = 210.0
	marginLeft  = 15.0
	marginRight = 15.0
	marginTop   = 12.0
	marginBot   = 14.0
	contentW    = pageWidth - marginLeft - marginRight
)

func newMaroto(r *result.Result, opts Options) (core.Maroto, error) {
	fonts, err := repository.New().
		AddUTF8FontFromBytes(fontFamily, fontstyle.Normal, fontRegular).
		AddUTF8FontFromBytes(fontFamily, fontstyle.Bold, fontBold).
		Load()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	tool := clean(r.Tool.Name + " " + r.Tool.Version)
	if tool == "" {
		tool = "quoteaudit"
	}
	footer := fmt.Sprintf("%s  ·  %s  ·  page {current} of {total}", shorten(braceFree(clean(opts.Title)), 70), runDate(r))
	grey := colMuted
	cfg := config.NewBuilder().
		WithCustomFonts(fonts).
		WithDefaultFont(&props.Font{Family: fontFamily, Size: sizeBody, Color: &colInk}).
		WithLeftMargin(marginLeft).
		WithRightMargin(marginRight).
		WithTopMargin(marginTop).
		WithBottomMargin(marginBot).
		WithPageNumber(props.PageNumber{Pattern: footer, Place: props.Bottom, Family: fontFamily, Size: sizeSmall, Color: &grey}).
		WithTitle(clean(opts.Title), true).
		WithCreator(tool, true).
		WithSubject("quotation audit", true).
		WithCreationDate(pinnedTime(r)).
		WithCompression(true).
		WithSequentialMode().
		Build()

	gofpdfDates.Lock()
	defer gofpdfDates.Unlock()
	gofpdf.SetDefaultCreationDate(pinnedTime(r))
	gofpdf.SetDefaultModificationDate(pinnedTime(r))
	gofpdf.SetDefaultCatalogSort(true)
	m := maroto.New(cfg)
	gofpdf.SetDefaultCreationDate(time.Time{})
	gofpdf.SetDefaultModificationDate(time.Time{})
	gofpdf.SetDefaultCatalogSort(false)
	return m, nil
}

// braceFree keeps a title from being read as a page-number placeholder.
func braceFree(s string) string {
	b := []rune(s)
	for i, r := range b {
		switch r {
		case '{':
			b[i] = '('
		case '}':
			b[i] = ')'
		}
	}
	return string(b)
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
// Only used for running heads; body text is never shortened silently.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
