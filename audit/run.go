package audit

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/quote"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// Config is what one run needs besides the sources.
type Config struct {
	// Rules is the rule set; nil means the bundled defaults alone.
	Rules *rules.Set
	// Checks is the catalogue (check.All() unless a test narrows it).
	Checks []*check.Check
	Tool   result.Tool
	// Now is the run's timestamp, pinned by --date or SOURCE_DATE_EPOCH
	// for reproducible reports.
	Now time.Time
	// Title names the audit in reports; empty: derived from the inputs.
	Title string
	// Workers sizes the per-source pool (0: the number of CPUs).
	Workers int
	// Stage, when set, is called as each stage of the run begins:
	// "extract" (quotes and names, per source), "people", "match",
	// "checks". It is called from Run's goroutine, for progress and
	// timings.
	Stage func(name string)

	// extract, for tests only, replaces quote.Extract (a test makes it
	// panic on one source to prove the run goes on).
	extract func(*source.Document, *lexicon.Lexicon) []result.Quote
}

// Run audits the corpus: extraction and attribution per source, then
// people, matches and checks across sources.
func Run(ctx context.Context, c *Corpus, cfg Config) (*result.Result, error) {
	if cfg.Checks == nil {
		cfg.Checks = check.All()
	}
	if err := check.Validate(cfg.Checks); err != nil {
		return nil, err
	}
	if cfg.Rules == nil {
		// No rules given: the bundled defaults, which always load.
		rs, err := rules.Load(nil, rules.LoadOptions{})
		if err != nil {
			return nil, fmt.Errorf("loading the bundled rules: %w", err)
		}
		cfg.Rules = rs
	}
	stage := func(name string) {
		if cfg.Stage != nil {
			cfg.Stage(name)
		}
	}
	lx := lexicon.New(cfg.Rules)
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          cfg.Tool,
		GeneratedAt:   cfg.Now.UTC(),
		Title:         cfg.Title,
		Inputs:        c.Inputs,
		Skipped:       append([]result.Skipped{}, c.Skipped...),
		Sources:       []result.Source{},
		Quotes:        []result.Quote{},
		People:        []result.Person{},
		Matches:       []result.Match{},
		Findings:      []result.Finding{},
	}
	if r.Title == "" {
		r.Title = defaultTitle(c.Inputs)
	}
	if cfg.Rules != nil {
		for _, s := range cfg.Rules.Sources {
			r.RuleFiles = append(r.RuleFiles, result.RuleFile{Path: s.Path, SHA256: s.SHA256})
		}
	}

	// Per source: extraction and attribution, and the names written in
	// it, on a bounded pool. A panic in one source is that source's
	// failure; the run goes on. Each worker has its own Extractor and
	// names Scanner, whose buffers serve one source after another.
	stage("extract")
	workers := poolSize(len(c.Docs), cfg.Workers)
	extractors := make([]*quote.Extractor, workers)
	scanners := make([]*names.Scanner, workers)
	for w := range extractors {
		extractors[w] = quote.NewExtractor(lx)
		scanners[w] = names.NewScanner(lx)
	}
	perSource := make([][]result.Quote, len(c.Docs))
	found := make([]names.Found, len(c.Docs))
	failed := make([]error, len(c.Docs))
	err := parallel(ctx, len(c.Docs), cfg.Workers, nil, func(w, i int) {
		d := c.Docs[i]
		perSource[i], failed[i] = extractRecovering(func() []result.Quote {
			var qs []result.Quote
			if cfg.extract != nil {
				qs = cfg.extract(d, lx)
			} else {
				qs = extractors[w].Extract(d)
			}
			found[i] = scanners[w].Scan(d)
			return qs
		})
	})
	if err != nil {
		return nil, err
	}
	var docs []*source.Document
	var docNames []names.Found
	total := 0
	for _, qs := range perSource {
		total += len(qs)
	}
	r.Quotes = make([]result.Quote, 0, total)
	for i, d := range c.Docs {
		if failed[i] != nil {
			r.Skipped = append(r.Skipped, result.Skipped{Path: d.Meta.Path, Reason: failed[i].Error()})
			continue
		}
		d.Meta.Quotes = len(perSource[i])
		docs = append(docs, d)
		docNames = append(docNames, found[i])
		r.Sources = append(r.Sources, d.Meta)
		r.Quotes = append(r.Quotes, perSource[i]...)
		perSource[i], found[i] = nil, names.Found{}
	}
	sort.SliceStable(r.Skipped, func(i, j int) bool { return r.Skipped[i].Path < r.Skipped[j].Path })

	// The checks that read only the sources and the quotes as extracted
	// start now, beside people and matching, which run on this goroutine.
	checks := planChecks(r, docs, cfg)
	checks.startEarly()

	// Across sources: people first (matching compares resolved speakers),
	// then quote groups.
	stage("people")
	r.People = names.ResolveFound(docs, docNames, scanners, r.Quotes, cfg.Rules, lx)
	stage("match")
	r.Matches = match.Group(r.Quotes, r.Sources, match.Options{})
	linkMatches(r)
	if err := ctx.Err(); err != nil {
		checks.waitEarly()
		return nil, err
	}

	stage("checks")
	checks.finish()
	r.Stats = stats(r)
	return r, nil
}

func extractRecovering(extract func() []result.Quote) (qs []result.Quote, err error) {
	defer func() {
		if p := recover(); p != nil {
			// One short line: it is the source's skip reason, shown in
			// every report and on the terminal.
			qs, err = nil, fmt.Errorf("internal error while extracting quotes: %s (a bug in quoteaudit: please report it with this file)", firstLine(fmt.Sprint(p)))
		}
	}()
	return extract(), nil
}

// linkMatches sets Quote.Match on every part of every grouped quotation.
func linkMatches(r *result.Result) {
	first := map[string]string{} // first-part quote ID -> match ID
	for _, m := range r.Matches {
		for _, q := range m.Quotes {
			first[q] = m.ID
		}
	}
	head := map[string]string{} // quote ID -> first part's ID
	for i := range r.Quotes {
		q := &r.Quotes[i]
		h := q.ID
		if q.Continues != "" {
			if hh, ok := head[q.Continues]; ok {
				h = hh
			}
		}
		head[q.ID] = h
		q.Match = first[h]
	}
}

// checkRun runs the enabled checks of one audit. The early ones (those
// marked Early: they read only the sources and the quotes' texts and
// places) start as soon as the quotes are extracted and run beside the
// people and matching stages; the others run once those are done; then
// the rules' ignores are applied, then unused-ignore, and each finding
// gets its stable ID.
//
// Checks only read the result, so they run side by side on the worker
// pool; each collects its own findings, and the findings are joined in
// catalogue order, so the result is the same as one check after another.
type checkRun struct {
	r    *result.Result
	cfg  Config
	ix   *result.Index
	byID map[string]*source.Document

	jobs, last []checkJob
	found      []findingList
	failed     []*result.Failure
	early      sync.WaitGroup
}

type checkJob struct {
	c     *check.Check
	sev   result.Severity
	early bool // started before people and matches (see startEarly)
}

// planChecks fills r.Checks (the catalogue with the severities in force)
// and indexes r for the checks.
func planChecks(r *result.Result, docs []*source.Document, cfg Config) *checkRun {
	cr := &checkRun{r: r, cfg: cfg, byID: make(map[string]*source.Document, len(docs))}
	for _, d := range docs {
		cr.byID[d.Meta.ID] = d
	}
	for _, c := range cfg.Checks {
		sev, enabled := severityInForce(c, cfg.Rules)
		r.Checks = append(r.Checks, c.Info(sev, enabled))
		if !enabled {
			continue
		}
		if c.Slug == unusedIgnoreSlug {
			cr.last = append(cr.last, checkJob{c: c, sev: sev})
			continue
		}
		cr.jobs = append(cr.jobs, checkJob{c: c, sev: sev, early: c.Early})
	}
	// The index is built after r.Checks is complete, so that checks (and
	// unused-ignore) can look up the catalogue. People and matches are
	// added when they are resolved.
	cr.ix = result.NewIndex(r)
	cr.found = make([]findingList, len(cr.jobs))
	cr.failed = make([]*result.Failure, len(cr.jobs))
	return cr
}

// startEarly starts the early checks on their own goroutines, one fewer
// than the pool (the stages that follow run on the caller's), or, with
// one worker, runs them now.
func (cr *checkRun) startEarly() {
	var early []int
	for i, j := range cr.jobs {
		if j.early {
			early = append(early, i)
		}
	}
	if len(early) == 0 || !roomToOverlap() {
		// They run with the others, once people and matches are done.
		for i := range cr.jobs {
			cr.jobs[i].early = false
		}
		return
	}
	run := func() {
		parallel(context.Background(), len(early), max(poolSize(len(early), cr.cfg.Workers)-1, 1), nil, func(_, k int) {
			cr.run(early[k])
		})
	}
	if poolSize(2, cr.cfg.Workers) == 1 {
		run()
		return
	}
	cr.early.Add(1)
	go func() {
		defer cr.early.Done()
		run()
	}()
}

func (cr *checkRun) waitEarly() { cr.early.Wait() }

// roomToOverlap reports whether the heap has room for the early checks'
// indexes beside the people and matching stages: when the live heap is
// already a third of the soft memory limit (--memory-limit), holding
// both at once would bring the heap to the limit, where the collector
// runs almost without pause and costs more time than the overlap saves
// (measured at 100,000 articles, on a loaded machine: 284 s of CPU
// overlapped against 221 s one after the other).
func roomToOverlap() bool {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		return true
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return true
	}
	return sample[0].Value.Uint64() < uint64(limit)/3
}

func (cr *checkRun) run(i int) {
	cr.found[i], cr.failed[i] = runOne(cr.jobs[i].c, cr.r, cr.ix, cr.byID, cr.cfg.Rules, cr.jobs[i].sev)
}

// finish runs the other checks, waits for the early ones, and sets
// r.Findings.
func (cr *checkRun) finish() {
	r, cfg := cr.r, cr.cfg
	cr.ix.AddPeopleAndMatches(r)
	var late []int
	for i, j := range cr.jobs {
		if !j.early {
			late = append(late, i)
		}
	}
	parallel(context.Background(), len(late), cfg.Workers, nil, func(_, k int) {
		cr.run(late[k])
	})
	cr.waitEarly()
	n := 0
	for _, fs := range cr.found {
		n += fs.n
	}
	// Room for unused-ignore's findings too (at most one per ignore rule),
	// so that appending them does not copy every finding again.
	extra := 0
	if cfg.Rules != nil && len(cr.last) > 0 {
		extra = len(cfg.Rules.Ignore)
	}
	findings := make([]result.Finding, 0, n+extra)
	for i := range cr.jobs {
		if cr.failed[i] != nil {
			r.Failures = append(r.Failures, *cr.failed[i])
		}
		findings = cr.found[i].appendTo(findings)
		cr.found[i] = findingList{}
	}
	check.ApplyIgnores(findings, cfg.Rules)
	r.Findings = findings
	for _, j := range cr.last {
		fs, fail := runOne(j.c, r, cr.ix, cr.byID, cfg.Rules, j.sev)
		if fail != nil {
			r.Failures = append(r.Failures, *fail)
		}
		findings = fs.appendTo(findings)
	}
	assignFindingIDs(findings, cfg.Workers)
	sortFindings(findings)
	r.Findings = findings
}

// unusedIgnoreSlug is the check that runs after ignores are applied.
const unusedIgnoreSlug = "unused-ignore"

// runOne runs one check and returns its findings; a panic becomes a
// failure of that check (its findings so far are kept), so one broken
// check never stops the audit.
func runOne(c *check.Check, r *result.Result, ix *result.Index, docs map[string]*source.Document, rs *rules.Set, sev result.Severity) (found findingList, fail *result.Failure) {
	defer func() {
		if p := recover(); p != nil {
			fail = &result.Failure{Stage: "check " + c.Slug, Reason: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	c.Run(check.NewPass(c, r, ix, docs, rs, sev, found.add))
	return found, nil
}

// findingList collects one check's findings in blocks that never move: a
// check with hundreds of thousands of findings then holds no doubling
// slack, and no second copy while it grows.
type findingList struct {
	blocks [][]result.Finding
	n      int
}

func (l *findingList) add(f result.Finding) {
	if len(l.blocks) == 0 || len(l.blocks[len(l.blocks)-1]) == cap(l.blocks[len(l.blocks)-1]) {
		size := min(max(16, l.n), 4096) // grows with the list
		l.blocks = append(l.blocks, make([]result.Finding, 0, size))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, f)
	l.n++
}

func (l *findingList) appendTo(dst []result.Finding) []result.Finding {
	for _, b := range l.blocks {
		dst = append(dst, b...)
	}
	return dst
}

func severityInForce(c *check.Check, rs *rules.Set) (result.Severity, bool) {
	switch s := rs.CheckSeverity(c.Slug); s {
	case "":
		return c.Severity, true
	case rules.Off:
		return c.Severity, false
	default:
		return result.Severity(s), true
	}
}

// assignFindingIDs gives each finding a fingerprint of its check, source
// file name and evidence (the quote text or passage), so an ID survives
// re-runs and edits elsewhere in the article. Identical fingerprints get
// a stable occurrence suffix in position order. The fingerprints are
// computed on a pool of workers (0: one per CPU).
func assignFindingIDs(fs []result.Finding, workers int) {
	const chunk = 256
	parallel(context.Background(), (len(fs)+chunk-1)/chunk, workers, nil, func(_, c int) {
		for i := c * chunk; i < min((c+1)*chunk, len(fs)); i++ {
			fs[i].ID = fingerprint(&fs[i])
		}
	})
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return lessPosition(&fs[order[a]], &fs[order[b]]) })
	seen := make(map[string]int, len(fs))
	for _, i := range order {
		f := &fs[i]
		seen[f.ID]++
		if n := seen[f.ID]; n > 1 {
			f.ID += "-" + strconv.Itoa(n)
		}
	}
}

// fingerprint is a finding's ID before its occurrence suffix.
func fingerprint(f *result.Finding) string {
	key := f.Evidence
	if key == "" {
		key = f.Message
	}
	// The file name, not the path as typed: the same article audited
	// from another folder keeps its IDs (and its editor's notes).
	sum := sha256.Sum256([]byte(f.Check + "\x00" + filepath.Base(f.Path) + "\x00" + strings.Join(strings.Fields(key), " ")))
	return "F-" + hex.EncodeToString(sum[:5])
}

func lessPosition(a, b *result.Finding) bool { return comparePosition(a, b) < 0 }

// comparePosition orders findings by source path, line, column, check
// and message.
func comparePosition(a, b *result.Finding) int {
	return cmp.Or(
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		strings.Compare(a.Check, b.Check),
		strings.Compare(a.Message, b.Message),
	)
}

// sortFindings orders findings by severity (most serious first), then
// source path, line, column and check.
func sortFindings(fs []result.Finding) {
	slices.SortStableFunc(fs, func(a, b result.Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity.Rank(), a.Severity.Rank()),
			comparePosition(&a, &b),
			strings.Compare(a.ID, b.ID),
		)
	})
}

func stats(r *result.Result) result.Stats {
	s := result.Stats{
		Sources: len(r.Sources), Skipped: len(r.Skipped), Quotes: len(r.Quotes),
		People: len(r.People), Matches: len(r.Matches), ByCheck: map[string]int{},
	}
	for _, q := range r.Quotes {
		if q.Continues != "" {
			continue
		}
		if q.Fragment {
			s.Fragments++
			continue
		}
		s.Quotations++
		if q.Speaker.Known() {
			s.Attributed++
		}
	}
	for _, f := range r.Findings {
		if f.Ignored {
			s.Ignored++
			continue
		}
		s.ByCheck[f.Check]++
		switch f.Severity {
		case result.Error:
			s.Errors++
		case result.Warning:
			s.Warnings++
		case result.Info:
			s.Infos++
		}
	}
	return s
}

func defaultTitle(inputs []string) string {
	switch len(inputs) {
	case 0:
		return "quoteaudit report"
	case 1:
		return "Quote audit of " + filepath.Base(filepath.Clean(inputs[0]))
	}
	// Several inputs: name the folder they share, when they share one.
	dir := filepath.Dir(filepath.Clean(inputs[0]))
	for _, in := range inputs[1:] {
		if filepath.Dir(filepath.Clean(in)) != dir {
			return fmt.Sprintf("Quote audit of %s and %d more", filepath.Base(filepath.Clean(inputs[0])), len(inputs)-1)
		}
	}
	return fmt.Sprintf("Quote audit of %d files in %s", len(inputs), filepath.Base(dir))
}

// firstLine is s up to its first line break, cut to 200 bytes.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = strings.ToValidUTF8(s[:200], "") + "…"
	}
	return s
}
