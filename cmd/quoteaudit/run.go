package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report"
	"github.com/quoteaudit/quoteaudit/report/text"
	"github.com/quoteaudit/quoteaudit/report/xlsx"
	"github.com/quoteaudit/quoteaudit/rules"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitClean    = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, input or rule-file error
)

const usageText = `quoteaudit audits the quotations and sourcing of a story's source articles.

Usage:
  quoteaudit [flags] [PATH ...]     audit files and folders (.txt .md .html .docx)
  quoteaudit checks                 list the checks
  quoteaudit explain SLUG           document one check
  quoteaudit rules check FILE ...   validate rule files without auditing
  quoteaudit init [FILE]            write a commented starter rule file (default quoteaudit.yaml)

With no PATH, quoteaudit audits its bundled demo corpus with its demo rules.
Folders are walked recursively; hidden folders and the output folder are skipped.

Examples:
  quoteaudit                                  audit the demo corpus
  quoteaudit -r story.yaml sources/           audit a story's sources with your rules
  quoteaudit -f json,text -o out/ a.txt b.md  only JSON and text, into out/
  quoteaudit --previous old/quoteaudit.xlsx sources/
                                              keep the editors' Status/Note columns
  quoteaudit --fail-on warning sources/       exit 1 on warnings too (for CI)

Flags:
`

const exitText = `
Exit status: 0 no findings at or above --fail-on, 1 findings at or above it,
2 a usage, input or rule-file error.
`

type options struct {
	out         string
	formats     string
	ruleFiles   []string
	noDefaults  bool
	failOn      string
	progress    string
	quiet       bool
	verbose     bool
	showVersion bool
	help        bool
	date        string
	title       string
	previous    string
	maxFileSize string
	memoryLimit string
	showIgnored bool
	workers     int
	cpuProfile  string
	memProfile  string
	timings     bool
}

// run is the whole command: it parses args, runs, and returns the exit
// code. Tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	ui := &ui{stderr: stderr}
	if len(args) > 0 {
		switch args[0] {
		case "checks":
			return cmdChecks(args[1:], stdout, ui)
		case "explain":
			return cmdExplain(args[1:], stdout, ui)
		case "rules":
			return cmdRules(args[1:], stdout, ui)
		case "init":
			return cmdInit(args[1:], stdout, ui)
		}
	}

	var o options
	fs := pflag.NewFlagSet("quoteaudit", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&o.out, "out", "o", "quoteaudit-report", "write reports into `DIR`")
	fs.StringVarP(&o.formats, "format", "f", "json,text,xlsx,pdf", "report formats, a comma `LIST` of json, text, xlsx, pdf (or all)")
	fs.StringArrayVarP(&o.ruleFiles, "rules", "r", nil, "add a rule `FILE` (repeatable; later files override earlier ones)")
	fs.BoolVar(&o.noDefaults, "no-default-rules", false, "leave out the bundled default rules")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 on findings at or above `LEVEL`: error, warning, info or none")
	fs.StringVar(&o.previous, "previous", "", "carry Status, Editor and Note over from an earlier workbook `FILE.xlsx`")
	fs.StringVar(&o.title, "title", "", "report `TITLE` (default: from the inputs)")
	fs.StringVar(&o.date, "date", "", "pin the run date (`YYYY-MM-DD` or RFC 3339) for reproducible reports; SOURCE_DATE_EPOCH also works")
	fs.StringVar(&o.maxFileSize, "max-file-size", "32MB", "skip input files larger than `SIZE` (e.g. 500KB, 32MB)")
	fs.StringVar(&o.memoryLimit, "memory-limit", defaultMemoryLimit, "keep the heap near `SIZE` by collecting garbage more often as it nears it, or none (GOMEMLIMIT, when set, is the default)")
	fs.StringVar(&o.progress, "progress", "auto", "show a progress bar: auto (when stderr is a terminal), always or never")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "show each finding's evidence, suggestion and related places")
	fs.BoolVar(&o.showIgnored, "show-ignored", false, "list ignored findings in the terminal too")
	fs.IntVar(&o.workers, "workers", 0, "use at most `N` CPUs at once (default: all of them)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors")
	fs.BoolVar(&o.showVersion, "version", false, "print the version and exit")
	fs.BoolVarP(&o.help, "help", "h", false, "show this help")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to `FILE` when the audit is complete, before the reports")
	fs.BoolVar(&o.timings, "timings", false, "print each stage's wall time on stderr")
	fs.MarkHidden("cpuprofile")
	fs.MarkHidden("memprofile")
	fs.MarkHidden("timings")
	if err := fs.Parse(args); err != nil {
		ui.errorf("%v", err)
		ui.hintf("run 'quoteaudit --help' for usage")
		return exitError
	}
	switch {
	case o.help:
		fmt.Fprint(stdout, usageText+fs.FlagUsages()+exitText)
		return exitClean
	case o.showVersion:
		fmt.Fprintf(stdout, "quoteaudit %s\n", version)
		return exitClean
	}
	restoreLimit, err := applyMemoryLimit(o.memoryLimit, fs.Changed("memory-limit"), getenv("GOMEMLIMIT"))
	if err != nil {
		ui.errorf("--memory-limit: %v", err)
		return exitError
	}
	defer restoreLimit()
	defer applyWorkers(o.workers)()
	prof, err := startProfiles(o.cpuProfile, o.memProfile)
	if err != nil {
		ui.errorf("%v", err)
		return exitError
	}
	code := audit1(ctx, o, fs.Args(), stdout, ui, getenv, prof)
	if err := prof.stop(); err != nil {
		ui.errorf("%v", err)
	}
	return code
}

// audit1 runs one audit with parsed options.
func audit1(ctx context.Context, o options, paths []string, stdout io.Writer, ui *ui, getenv func(string) string, prof *profiler) int {
	formats, err := report.ParseFormats(o.formats)
	if err != nil {
		ui.errorf("%v", err)
		return exitError
	}
	failOn, err := parseFailOn(o.failOn)
	if err != nil {
		ui.errorf("%v", err)
		return exitError
	}
	now, err := runDate(o.date, getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		ui.errorf("%v", err)
		return exitError
	}
	maxSize, err := parseSize(o.maxFileSize)
	if err != nil {
		ui.errorf("--max-file-size: %v", err)
		return exitError
	}
	showProgress, err := wantProgress(o.progress, o.quiet)
	if err != nil {
		ui.errorf("%v", err)
		return exitError
	}

	checks := check.All()
	demo := len(paths) == 0
	rs, err := loadRules(o.ruleFiles, o.noDefaults, demo, checks)
	if err != nil {
		ui.ruleErrors(err)
		return exitError
	}

	// An output "folder" that is a file would fail only after the whole
	// audit: say so now.
	if st, err := os.Stat(o.out); err == nil && !st.IsDir() {
		ui.errorf("--out %s is a file, not a folder", o.out)
		return exitError
	}

	var prev *xlsx.Previous
	if o.previous != "" {
		if prev, err = xlsx.ReadPrevious(o.previous); err != nil {
			ui.errorf("%v", err)
			return exitError
		}
	}

	clock := newStageClock(o.timings)
	defer clock.report(ui.stderr)
	clock.begin("read")
	bar := newProgress(ui.stderr, showProgress)
	// Exclude the output folder by its absolute path: a bare name would
	// also hide every input folder that happens to share it.
	outAbs, err := filepath.Abs(o.out)
	if err != nil {
		outAbs = o.out
	}
	lopts := audit.LoadOptions{MaxFileSize: maxSize, Exclude: []string{outAbs}, Workers: o.workers, Progress: bar.update}
	var corpus *audit.Corpus
	if demo {
		corpus, err = audit.LoadFS(ctx, seeds.FS(), "seeds", lopts)
	} else {
		corpus, err = audit.Load(ctx, paths, lopts)
	}
	bar.finish()
	if err != nil {
		return ui.fail(ctx, err, "reading the sources")
	}
	if len(corpus.Docs) == 0 {
		for _, s := range corpus.Skipped {
			ui.errorf("%s: skipped: %s", text.Clean(s.Path), text.Clean(s.Reason))
		}
		ui.errorf("nothing to audit: no readable .txt, .md, .html or .docx source in %s", strings.Join(displayInputs(paths), ", "))
		return exitError
	}

	res, err := audit.Run(ctx, corpus, audit.Config{
		Rules: rs, Checks: checks, Now: now, Title: o.title, Workers: o.workers,
		Tool:  result.Tool{Name: "quoteaudit", Version: version},
		Stage: func(name string) { clock.begin(name); bar.stage(name) },
	})
	bar.stage("")
	if err != nil {
		return ui.fail(ctx, err, "auditing")
	}
	// The result owns its strings (audit.Run detaches them from the
	// texts): the sources can go before the reports are written, which
	// at 100,000 articles frees a quarter of the heap for the writers.
	inputs := inputFiles(corpus)
	corpus = nil
	if err := prof.heap(); err != nil {
		ui.errorf("%v", err)
	}

	clock.begin("write")
	report.CleanStale(o.out)
	written, werr := report.WriteAll(ctx, o.out, formats, res, report.Options{Previous: prev, Title: o.title, Inputs: inputs})
	if !o.quiet {
		text.Write(stdout, res, text.Options{Evidence: o.verbose, ShowIgnored: o.showIgnored})
		if len(written) > 0 {
			fmt.Fprintln(stdout)
			for _, w := range written {
				fmt.Fprintf(stdout, "wrote %s\n", w.Path)
			}
		}
	}
	if werr != nil {
		return ui.fail(ctx, werr, "writing the reports")
	}
	if failOn != "" && worst(res) >= failOn.Rank() {
		return exitFindings
	}
	return exitClean
}

// loadRules loads the bundled defaults, the demo corpus's rules when the
// demo corpus is audited, and the user's files, in that order.
func loadRules(files []string, noDefaults, demo bool, checks []*check.Check) (*rules.Set, error) {
	known := map[string][]string{}
	for _, c := range checks {
		var opts []string
		for _, o := range c.Options {
			opts = append(opts, o.Name)
		}
		known[c.Slug] = opts
	}
	opts := rules.LoadOptions{NoDefaults: noDefaults, Checks: known}
	if demo {
		opts.Extra = []rules.Named{{Name: "(bundled) seeds/rules.yaml", Data: seeds.Rules()}}
	}
	return rules.Load(files, opts)
}

func inputFiles(c *audit.Corpus) []string {
	var out []string
	for _, d := range c.Docs {
		out = append(out, d.Meta.Path)
	}
	return out
}

func displayInputs(paths []string) []string {
	if len(paths) == 0 {
		return []string{"the bundled demo corpus"}
	}
	return paths
}

func worst(r *result.Result) int {
	w := 0
	for _, f := range r.Findings {
		if !f.Ignored && f.Severity.Rank() > w {
			w = f.Severity.Rank()
		}
	}
	return w
}

func parseFailOn(s string) (result.Severity, error) {
	if strings.EqualFold(s, "none") {
		return "", nil
	}
	sev, err := result.ParseSeverity(s)
	if err != nil {
		return "", fmt.Errorf("--fail-on: unknown level %q (want error, warning, info or none)", s)
	}
	return sev, nil
}

// runDate is the run's timestamp: --date, else SOURCE_DATE_EPOCH, else now.
func runDate(flag, epoch string) (time.Time, error) {
	if flag != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, flag); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("--date: %q is not YYYY-MM-DD or RFC 3339", flag)
	}
	if epoch != "" {
		n, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: %q is not a number of seconds", epoch)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// parseSize reads sizes like 32MB, 500KB, 1GiB or a plain byte count.
// KB, MB and GB are binary units (1 MB = 1 MiB), as skip reasons show
// them: --max-file-size 32MB reads "… > 32 MB", not "> 30.5 MB".
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (e.g. 32MB)", s)
	}
	return int64(n * float64(mult)), nil
}

// defaultMemoryLimit is where the garbage collector starts working harder
// to keep the heap down. Go's default collects when the heap doubles its
// live size: on a 100,000-article corpus that is 3–4 GB of RSS for about
// 1.5 GB of live data. A soft limit (runtime/debug.SetMemoryLimit) only
// matters for runs that large: a story's handful of sources stays far
// below it, and a corpus whose live data exceed it still completes (the
// runtime then bounds the collector's share of the CPU and lets the heap
// grow).
const defaultMemoryLimit = "1536MB"

// applyMemoryLimit sets the run's soft memory limit: the flag when it was
// given, else GOMEMLIMIT when set (the runtime has already applied it),
// else the default. "none" lifts the limit. restore puts back the limit
// in force before (run is called many times by the tests).
func applyMemoryLimit(flag string, given bool, env string) (restore func(), err error) {
	if !given && env != "" {
		return func() {}, nil
	}
	limit := int64(math.MaxInt64)
	if !strings.EqualFold(strings.TrimSpace(flag), "none") {
		if limit, err = parseSize(flag); err != nil {
			return nil, err
		}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }, nil
}

// applyWorkers bounds the CPUs the run uses to workers (0: all), and
// returns a function that puts the previous bound back. The pools of
// the audit take --workers too, but the checks, names and the report
// writers size their own goroutines by GOMAXPROCS.
func applyWorkers(workers int) (restore func()) {
	if workers <= 0 {
		return func() {}
	}
	prev := runtime.GOMAXPROCS(workers)
	return func() { runtime.GOMAXPROCS(prev) }
}

// ui prints every message to stderr through one place, with the program
// prefix: "quoteaudit: error: …", "quoteaudit: hint: …".
type ui struct{ stderr io.Writer }

func (u *ui) errorf(format string, args ...any) {
	fmt.Fprintf(u.stderr, "quoteaudit: error: "+format+"\n", args...)
}

func (u *ui) hintf(format string, args ...any) {
	fmt.Fprintf(u.stderr, "quoteaudit: hint: "+format+"\n", args...)
}

// fail reports err and returns the exit code; an interrupted run says so.
func (u *ui) fail(ctx context.Context, err error, doing string) int {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		u.errorf("interrupted while %s: %v", doing, err)
		u.hintf("reports already in the output folder were left as they were")
		return exitError
	}
	u.errorf("%v", err)
	return exitError
}

// ruleErrors prints rule-file errors with their line, a caret and hints.
func (u *ui) ruleErrors(err error) {
	var re *rules.Errors
	if errors.As(err, &re) {
		for _, x := range re.List {
			var b strings.Builder
			(&rules.Errors{List: []*rules.Error{x}}).Format(&b)
			for i, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
				line = termSafe(line) // the rule file's own line may hold anything
				if i == 0 {
					u.errorf("%s", line) // file:line:col: message
					continue
				}
				fmt.Fprintf(u.stderr, "quoteaudit: %s\n", line) // the line, the caret, the hint
			}
		}
		return
	}
	u.errorf("%v", err)
}

// termSafe replaces control and format characters (escape sequences,
// bidirectional overrides) other than tab with U+FFFD, one for one, so
// that a caret under a column stays in place.
func termSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
			return utf8.RuneError
		}
		return r
	}, s)
}
