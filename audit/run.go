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
	// "extract" (quotes and names, per source), "people" (with, beside
	// it when there is room, the early checks and the speaker-blind part
	// of matching), "match" (what of matching is left), "checks". It is
	// called from Run's goroutine, for progress and timings.
	Stage func(name string)

	// extract, for tests only, replaces quote.Extract (a test makes it
	// panic on one source to prove the run goes on).
	extract func(*source.Document, *lexicon.Lexicon) []result.Quote
}

// Run audits the corpus: extraction and attribution per source, then
// people, matches and checks across sources. The result shares no memory
// with the corpus's texts, so the caller may drop the corpus once Run
// returns.
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
	gather := gathersSpellings(cfg)
	for w := range extractors {
		extractors[w] = quote.NewExtractor(lx)
		scanners[w] = names.NewScanner(lx)
		if gather {
			scanners[w].GatherSpellings()
		}
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
	docs := make([]*source.Document, 0, len(c.Docs))
	docNames := make([]names.Found, 0, len(c.Docs))
	r.Sources = make([]result.Source, 0, len(c.Docs))
	total := 0
	for _, qs := range perSource {
		total += len(qs)
	}
	r.Quotes = make([]result.Quote, 0, total)
	var spellings *names.SpellingScan
	if gather {
		spellings = names.NewSpellingScan(scanners)
	}
	for i, d := range c.Docs {
		if failed[i] != nil {
			r.Skipped = append(r.Skipped, result.Skipped{Path: d.Meta.Path, Reason: failed[i].Error()})
			continue
		}
		d.Meta.Quotes = len(perSource[i])
		docs = append(docs, d)
		if spellings != nil {
			spellings.Add(d, &found[i])
		}
		docNames = append(docNames, found[i])
		r.Sources = append(r.Sources, d.Meta)
		r.Quotes = append(r.Quotes, perSource[i]...)
		perSource[i], found[i] = nil, names.Found{}
	}
	sort.SliceStable(r.Skipped, func(i, j int) bool { return r.Skipped[i].Path < r.Skipped[j].Path })

	// The checks that read only the sources and the quotes as extracted
	// start now, beside people and matching, which run on this goroutine.
	checks := planChecks(r, docs, cfg)
	checks.spellings = spellings
	checks.startEarly()

	// Across sources: people first (matching compares resolved speakers),
	// then quote groups. The speaker-blind part of matching
	// (match.Prepare: joining, tokenizing and linking quotations) reads no
	// field the people stage writes (Speaker), so it runs beside people
	// when there is a CPU and room on the heap for both, as the early
	// checks do.
	var prepared *match.Prepared
	var preparing sync.WaitGroup
	if poolSize(2, cfg.Workers) > 1 && roomToOverlap() {
		preparing.Go(func() { prepared = match.Prepare(r.Quotes, r.Sources, match.Options{}) })
	}
	stage("people")
	r.People = names.ResolveFound(docs, docNames, scanners, r.Quotes, cfg.Rules, lx)
	stage("match")
	preparing.Wait()
	if prepared == nil {
		prepared = match.Prepare(r.Quotes, r.Sources, match.Options{})
	}
	r.Matches = prepared.Group()
	prepared = nil
	linkMatches(r)
	if err := ctx.Err(); err != nil {
		checks.waitEarly()
		return nil, err
	}

	stage("checks")
	checks.finish()
	r.Stats = stats(r)
	// The result no longer points into the sources' texts: the caller
	// can free them while the reports are written.
	detach(r, docs)
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
	// Only the quotes that another continues need their first part
	// remembered (about a quarter of them in news text), not every
	// quote's.
	continued := map[string]bool{}
	for i := range r.Quotes {
		if c := r.Quotes[i].Continues; c != "" {
			continued[c] = true
		}
	}
	head := make(map[string]string, len(continued)) // quote ID -> first part's ID
	for i := range r.Quotes {
		q := &r.Quotes[i]
		h := q.ID
		if q.Continues != "" {
			if hh, ok := head[q.Continues]; ok {
				h = hh
			}
		}
		if continued[q.ID] {
			head[q.ID] = h
		}
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
	// spellings is what the names Scanners gathered for spelling-variant
	// (nil when it does not run).
	spellings *names.SpellingScan
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
	cr.found[i], cr.failed[i] = runOne(cr.jobs[i].c, cr.r, cr.ix, cr.byID, cr.cfg.Rules, cr.jobs[i].sev, cr.spellings)
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
		fs, fail := runOne(j.c, r, cr.ix, cr.byID, cfg.Rules, j.sev, nil)
		if fail != nil {
			r.Failures = append(r.Failures, *fail)
		}
		findings = fs.appendTo(findings)
	}
	keys := assignFindingIDs(findings, cfg.Workers)
	sortFindings(findings, keys)
	r.Findings = findings
}

// unusedIgnoreSlug is the check that runs after ignores are applied.
const unusedIgnoreSlug = "unused-ignore"

// spellingVariantSlug is the check that reads what the names Scanners
// gather for names.Spellings (check.Pass.Spellings).
const spellingVariantSlug = "spelling-variant"

// gathersSpellings reports whether the run's names Scanners gather the
// capitalised forms for names.Spellings: whether spelling-variant runs.
func gathersSpellings(cfg Config) bool {
	c := check.Lookup(cfg.Checks, spellingVariantSlug)
	if c == nil {
		return false
	}
	_, enabled := severityInForce(c, cfg.Rules)
	return enabled
}

// runOne runs one check and returns its findings; a panic becomes a
// failure of that check (its findings so far are kept), so one broken
// check never stops the audit. spellings, when set, is what the names
// Scanners gathered for spelling-variant (check.Pass.Spellings).
func runOne(c *check.Check, r *result.Result, ix *result.Index, docs map[string]*source.Document, rs *rules.Set, sev result.Severity, spellings *names.SpellingScan) (found findingList, fail *result.Failure) {
	defer func() {
		if p := recover(); p != nil {
			fail = &result.Failure{Stage: "check " + c.Slug, Reason: fmt.Sprintf("internal error: %v", p)}
		}
	}()
	pass := check.NewPass(c, r, ix, docs, rs, sev, found.add)
	pass.Spellings = spellings
	c.Run(pass)
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
// computed on a pool of workers (0: one per CPU). It returns the keys
// the findings were ordered by, for sortFindings.
func assignFindingIDs(fs []result.Finding, workers int) *findingKeys {
	const chunk = 256
	sums := make([]fingerprintSum, len(fs))
	parallel(context.Background(), (len(fs)+chunk-1)/chunk, workers, nil, func(_, c int) {
		var buf []byte
		for i := c * chunk; i < min((c+1)*chunk, len(fs)); i++ {
			sums[i], buf = fingerprint(&fs[i], buf)
		}
	})
	keys := newFindingKeys(fs)
	order := keys.indexes()
	slices.SortFunc(order, keys.comparePositions)
	seen := make(map[fingerprintSum]int, len(fs))
	for _, i := range order {
		seen[sums[i]]++
		fs[i].ID = findingID(sums[i], seen[sums[i]])
	}
	return keys
}

// fingerprintSum is the part of a finding's SHA-256 fingerprint its ID
// shows.
type fingerprintSum [5]byte

// fingerprint returns the fingerprint of a finding, hashing its check,
// its file's name and its evidence (or message) with the white space
// folded: check "\x00" name "\x00" words joined by one space. buf is a
// scratch buffer, returned for the next call.
func fingerprint(f *result.Finding, buf []byte) (fingerprintSum, []byte) {
	key := f.Evidence
	if key == "" {
		key = f.Message
	}
	buf = append(buf[:0], f.Check...)
	buf = append(buf, 0)
	// The file name, not the path as typed: the same article audited
	// from another folder keeps its IDs (and its editor's notes).
	buf = append(buf, filepath.Base(f.Path)...)
	buf = append(buf, 0)
	buf = appendFields(buf, key)
	sum := sha256.Sum256(buf)
	return fingerprintSum(sum[:5]), buf
}

// appendFields appends the words of s (as strings.Fields splits it)
// joined by single spaces.
func appendFields(dst []byte, s string) []byte {
	first := true
	for w := range strings.FieldsSeq(s) {
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = append(dst, w...)
	}
	return dst
}

// findingID is "F-" and the fingerprint in hex, then "-n" for the nth
// finding of one fingerprint (n > 1), in one allocation.
func findingID(sum fingerprintSum, n int) string {
	var b [2 + 2*len(sum) + 1 + 20]byte
	id := append(b[:0], "F-"...)
	id = hex.AppendEncode(id, sum[:])
	if n > 1 {
		id = append(id, '-')
		id = strconv.AppendInt(id, int64(n), 10)
	}
	return string(id)
}

// findingKeys orders findings by their indexes, with what the order
// compares worked out once: the rank of each finding's path among the
// paths (paths share long folder prefixes, costly to compare again and
// again) and the rank of its severity.
type findingKeys struct {
	fs       []result.Finding
	path     []int32
	severity []int8
}

func newFindingKeys(fs []result.Finding) *findingKeys {
	k := &findingKeys{fs: fs, path: make([]int32, len(fs)), severity: make([]int8, len(fs))}
	ranks := make(map[string]int32)
	for i := range fs {
		// One check's findings come source after source: a path is
		// mostly the one before.
		if i == 0 || fs[i].Path != fs[i-1].Path {
			ranks[fs[i].Path] = 0
		}
		k.severity[i] = int8(fs[i].Severity.Rank())
	}
	paths := make([]string, 0, len(ranks))
	for p := range ranks {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for r, p := range paths {
		ranks[p] = int32(r)
	}
	for i := range fs {
		if i > 0 && fs[i].Path == fs[i-1].Path {
			k.path[i] = k.path[i-1]
			continue
		}
		k.path[i] = ranks[fs[i].Path]
	}
	return k
}

// indexes returns 0, 1, … len(fs)-1.
func (k *findingKeys) indexes() []int {
	order := make([]int, len(k.fs))
	for i := range order {
		order[i] = i
	}
	return order
}

// comparePosition orders findings i and j by source path, line, column,
// check and message.
func (k *findingKeys) comparePosition(i, j int) int {
	if c := cmp.Compare(k.path[i], k.path[j]); c != 0 {
		return c
	}
	a, b := &k.fs[i], &k.fs[j]
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Column, b.Column); c != 0 {
		return c
	}
	if c := strings.Compare(a.Check, b.Check); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// comparePositions orders findings i and j by position, and by index
// when at the same position: the order of a stable sort by position.
func (k *findingKeys) comparePositions(i, j int) int {
	if c := k.comparePosition(i, j); c != 0 {
		return c
	}
	return cmp.Compare(i, j)
}

// compareReport orders findings i and j as the report lists them: by
// severity (most serious first), position and ID, and by index last.
func (k *findingKeys) compareReport(i, j int) int {
	if c := cmp.Compare(k.severity[j], k.severity[i]); c != 0 {
		return c
	}
	if c := k.comparePosition(i, j); c != 0 {
		return c
	}
	if c := strings.Compare(k.fs[i].ID, k.fs[j].ID); c != 0 {
		return c
	}
	return cmp.Compare(i, j)
}

// sortFindings orders findings by severity (most serious first), then
// source path, line, column, check and ID, keeping the order of those
// alike; keys are the findings' own (assignFindingIDs). The findings are
// sorted by index, then moved once each.
func sortFindings(fs []result.Finding, keys *findingKeys) {
	order := keys.indexes()
	slices.SortFunc(order, keys.compareReport)
	permute(fs, order)
}

// permute moves fs[order[k]] to fs[k] for every k, in place, following
// each cycle of the permutation; order is spent.
func permute(fs []result.Finding, order []int) {
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := fs[start]
		k := start
		for {
			from := order[k]
			order[k] = -1
			if from == start {
				fs[k] = held
				break
			}
			fs[k] = fs[from]
			k = from
		}
	}
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
