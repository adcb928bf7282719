package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

var update = flag.Bool("update", false, "rewrite golden files and the README's checks table")

// quoteaudit runs the command in-process and returns its exit code,
// stdout and stderr.
func quoteaudit(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := func(string) string { return "" }
	code := run(context.Background(), args, &stdout, &stderr, env)
	return code, stdout.String(), stderr.String()
}

func readResult(t *testing.T, path string) *result.Result {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r result.Result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &r
}

// TestDemo audits the bundled corpus as `go run ./cmd/quoteaudit` does and
// checks the verdict, the exit code, and that every report was written.
func TestDemo(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := quoteaudit(t, "--date", "2025-07-10", "-o", out)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d (the demo has errors by design)\nstderr: %s", code, exitFindings, stderr)
	}
	if !regexp.MustCompile(`^5 sources, \d+ quotations, \d+ attributed`).MatchString(stdout) {
		t.Errorf("stdout does not open with the verdict:\n%.300s", stdout)
	}
	for _, name := range []string{"quoteaudit.json", "quoteaudit.txt", "quoteaudit.xlsx", "quoteaudit.pdf"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
		if !strings.Contains(stdout, "wrote "+filepath.Join(out, name)) {
			t.Errorf("stdout does not say it wrote %s", name)
		}
	}
	r := readResult(t, filepath.Join(out, "quoteaudit.json"))
	if r.SchemaVersion != 1 || len(r.Sources) != 5 {
		t.Errorf("schema_version %d, %d sources", r.SchemaVersion, len(r.Sources))
	}
	// Every finding line of the terminal output has the path:line:col form.
	line := regexp.MustCompile(`^\S+:\d+:\d+: (error|warning|info) [a-z-]+: .+`)
	n := 0
	for _, l := range strings.Split(stdout, "\n") {
		if strings.Contains(l, ": error ") || strings.Contains(l, ": warning ") || strings.Contains(l, ": info ") {
			n++
			if !line.MatchString(l) && !strings.HasPrefix(l, "(corpus)") {
				t.Errorf("finding line not in path:line:col form: %q", l)
			}
		}
	}
	if n == 0 {
		t.Error("no finding lines printed")
	}
}

// TestDemoGolden pins the demo corpus's JSON: any change to extraction,
// attribution, matching or checks shows up here as a reviewed diff
// (rewrite with -update).
func TestDemoGolden(t *testing.T) {
	out := t.TempDir()
	quoteaudit(t, "-q", "--date", "2025-07-10", "-f", "json,text", "-o", out, "--fail-on", "none")
	for _, name := range []string{"quoteaudit.json", "quoteaudit.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "demo."+strings.TrimPrefix(filepath.Ext(name), "."))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; review and rerun with -update\n%s", name, golden, firstDiff(string(want), string(got)))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, w, g)
		}
	}
	return ""
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--no-such-flag"}, "unknown flag"},
		{[]string{"-f", "docx"}, `unknown format "docx"`},
		{[]string{"--fail-on", "hgih"}, "--fail-on"},
		{[]string{"--date", "yesterday"}, "--date"},
		{[]string{"--progress", "sometimes"}, "--progress"},
		{[]string{"--max-file-size", "lots"}, "--max-file-size"},
		{[]string{"--memory-limit", "lots"}, "--memory-limit"},
		{[]string{"explain", "no-such-check"}, "no check named"},
		{[]string{"explain", "unattributed-qoute"}, "did you mean unattributed-quote"},
		{[]string{filepath.Join(t.TempDir(), "missing")}, "missing"},
	} {
		code, _, stderr := quoteaudit(t, tc.args...)
		if code != exitError {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.HasPrefix(stderr, "quoteaudit: error: ") || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: stderr %q, want a quoteaudit: error: line mentioning %q", tc.args, stderr, tc.want)
		}
	}
}

func TestNothingToAuditExit2(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "picture.png"), []byte("\x89PNG"), 0o644)
	out := t.TempDir()
	code, _, stderr := quoteaudit(t, "-o", out, dir)
	if code != exitError {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr, "nothing to audit") || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("stderr does not explain: %s", stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("reports written although nothing was audited: %v", entries)
	}
}

func TestBrokenRuleFileStopsBeforeReports(t *testing.T) {
	dir := t.TempDir()
	rf := filepath.Join(dir, "bad.yaml")
	os.WriteFile(rf, []byte("people:\n  - name: A Person\n    alias: [AP]\nchecks:\n  loaded-verb:\n    severity: hgih\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := quoteaudit(t, "-r", rf, "-o", out)
	if code != exitError {
		t.Fatalf("exit %d, want 2; stderr %s", code, stderr)
	}
	for _, want := range []string{rf + ":3:5:", "aliases", rf + ":6:", "hgih"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output folder created although the rule file is broken")
	}
	code, _, _ = quoteaudit(t, "rules", "check", rf)
	if code != exitError {
		t.Errorf("rules check: exit %d, want 2", code)
	}
}

func TestFailOn(t *testing.T) {
	for _, tc := range []struct {
		level string
		want  int
	}{{"none", exitClean}, {"error", exitFindings}, {"info", exitFindings}} {
		code, _, stderr := quoteaudit(t, "-q", "-f", "json", "-o", t.TempDir(), "--fail-on", tc.level)
		if code != tc.want {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", tc.level, code, tc.want, stderr)
		}
	}
}

func TestQuietPrintsNothing(t *testing.T) {
	_, stdout, stderr := quoteaudit(t, "-q", "-f", "json", "-o", t.TempDir())
	if stdout != "" || stderr != "" {
		t.Errorf("-q printed stdout %q stderr %q", stdout, stderr)
	}
}

func TestRefusesToOverwriteAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "quoteaudit.txt")
	original := []byte("“This must survive,” the editor said.\n")
	os.WriteFile(in, original, 0o644)
	code, _, stderr := quoteaudit(t, "-o", dir, "-f", "text", in)
	if code != exitError || !strings.Contains(stderr, "refusing") {
		t.Errorf("exit %d, stderr %q: want a refusal", code, stderr)
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, original) {
		t.Error("the input was modified")
	}
}

func TestInitWritesLoadableStarterAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "story.yaml")
	if code, _, stderr := quoteaudit(t, "init", f); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := quoteaudit(t, "rules", "check", f); code != 0 || !strings.Contains(stdout, "ok") {
		t.Fatalf("starter does not validate: %d %s", code, stderr)
	}
	if code, _, stderr := quoteaudit(t, "init", f); code != exitError || !strings.Contains(stderr, "already exists") {
		t.Errorf("init over an existing file: exit %d, %s", code, stderr)
	}
}

func TestChecksAndExplain(t *testing.T) {
	code, stdout, _ := quoteaudit(t, "checks")
	if code != 0 {
		t.Fatalf("checks: exit %d", code)
	}
	for _, c := range check.All() {
		if !strings.Contains(stdout, c.Slug) {
			t.Errorf("checks does not list %s", c.Slug)
		}
		code, out, _ := quoteaudit(t, "explain", c.Slug)
		if code != 0 || !strings.HasPrefix(out, c.Slug+": "+c.Title) || !strings.Contains(out, strings.TrimSpace(c.Doc)) {
			t.Errorf("explain %s: exit %d, output %.120q", c.Slug, code, out)
		}
	}
}

// TestREADMEChecks keeps the README's table of checks generated from the
// catalogue (rewrite with -update).
func TestREADMEChecks(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	begin := strings.Index(readme, "<!-- checks:begin")
	end := strings.Index(readme, "<!-- checks:end -->")
	if begin < 0 || end < begin {
		t.Fatal("README has no checks:begin/end markers")
	}
	begin += strings.Index(readme[begin:], "-->") + len("-->\n")
	var table strings.Builder
	table.WriteString("| check | default | what it reports |\n|---|---|---|\n")
	for _, c := range check.All() {
		fmt.Fprintf(&table, "| `%s` | %s | %s |\n", c.Slug, c.Severity, strings.ReplaceAll(c.Title, "|", "\\|"))
	}
	got := readme[:begin] + table.String() + readme[end:]
	if got == readme {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("README's checks table is out of date: run go test ./cmd/quoteaudit -run TestREADMEChecks -update")
}

// The soft memory limit: the flag, else GOMEMLIMIT, else the default; the
// limit in force before is put back when the run ends.
func TestMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	for _, tc := range []struct {
		flag  string
		given bool
		env   string
		want  int64
	}{
		{defaultMemoryLimit, false, "", 1536 << 20},
		{"2GB", true, "", 2 << 30},
		{"none", true, "", math.MaxInt64},
		{defaultMemoryLimit, false, "900MiB", before}, // the runtime applied GOMEMLIMIT itself
		{"256MB", true, "900MiB", 256 << 20},
	} {
		restore, err := applyMemoryLimit(tc.flag, tc.given, tc.env)
		if err != nil {
			t.Fatalf("%+v: %v", tc, err)
		}
		if got := debug.SetMemoryLimit(-1); got != tc.want {
			t.Errorf("%+v: limit %d, want %d", tc, got, tc.want)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("%+v: limit after restore %d, want %d", tc, got, before)
		}
	}
	if _, err := applyMemoryLimit("0", true, ""); err == nil {
		t.Error("--memory-limit 0: want an error (none lifts the limit)")
	}
}

// --workers N bounds the CPUs the run uses (GOMAXPROCS), and the bound in
// force before is put back when the run ends.
func TestApplyWorkers(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	restore := applyWorkers(1)
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("--workers 1: GOMAXPROCS %d, want 1", got)
	}
	restore()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("after the run: GOMAXPROCS %d, want %d", got, before)
	}
	applyWorkers(0)()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("--workers 0: GOMAXPROCS %d, want %d (unchanged)", got, before)
	}
}
