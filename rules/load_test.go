package rules

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/rules")

const testdata = "../testdata/rules"

// testChecks stands in for the check catalogue (package check imports
// this package, so the tests cannot import it).
var testChecks = map[string][]string{
	"loaded-verb":       nil,
	"anonymous-source":  nil,
	"second-hand-quote": nil,
	"copied-passage":    {"min_words", "max_gap"},
	"unused-ignore":     nil,
}

func loadErrors(t *testing.T, err error) *Errors {
	t.Helper()
	var es *Errors
	if !errors.As(err, &es) {
		t.Fatalf("want *Errors, got %T %v", err, err)
	}
	return es
}

func formatted(es *Errors) string {
	var b bytes.Buffer
	es.Format(&b)
	return b.String()
}

// TestBadGolden loads every file in testdata/rules/bad: each must fail,
// and the terminal output must match its .golden file (-update rewrites).
func TestBadGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testdata, "bad", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			name := "bad/" + filepath.Base(path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			set, err := LoadBytes(name, data, LoadOptions{NoDefaults: true, Checks: testChecks})
			if set != nil {
				t.Fatalf("loaded a bad file: %+v", set.File)
			}
			got := formatted(loadErrors(t, err))
			golden := strings.TrimSuffix(path, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestTyposAllAtOnce pins the product issue: a misspelt key, a wrong type
// and a bad severity are reported together, each at its line and column,
// with a hint.
func TestTyposAllAtOnce(t *testing.T) {
	_, err := Load([]string{filepath.Join(testdata, "bad", "typos.yaml")}, LoadOptions{Checks: testChecks})
	es := loadErrors(t, err)
	type want struct {
		line, col int
		msg, hint string
	}
	wants := []want{
		{5, 5, "unknown key `alias` in an entry of `people`", "did you mean `aliases`?"},
		{6, 12, "`roles` must be a list, not a number (3)", "write a list"},
		{9, 15, `unknown severity "hgih": want error, warning, info or off`, "did you mean `error`?"},
	}
	if len(es.List) != len(wants) {
		t.Fatalf("got %d errors, want %d:\n%s", len(es.List), len(wants), es.Error())
	}
	for i, w := range wants {
		e := es.List[i]
		if e.Line != w.line || e.Col != w.col || e.Message != w.msg || !strings.HasPrefix(e.Hint, w.hint) {
			t.Errorf("error %d = %d:%d %q hint %q; want %d:%d %q hint %q…", i, e.Line, e.Col, e.Message, e.Hint, w.line, w.col, w.msg, w.hint)
		}
		if !strings.HasSuffix(e.File, "typos.yaml") || e.SourceLine == "" {
			t.Errorf("error %d: file %q, source line %q", i, e.File, e.SourceLine)
		}
	}
	if got := es.List[0].Error(); !strings.HasSuffix(got, "typos.yaml:5:5: unknown key `alias` in an entry of `people`") {
		t.Errorf("Error() = %q", got)
	}
}

func TestDuplicateKeys(t *testing.T) {
	src := "people:\n  - name: A\n    name: B\nchecks:\n  loaded-verb: {}\n  loaded-verb: {}\n"
	_, err := LoadBytes("dup.yaml", []byte(src), LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	var got []string
	for _, e := range es.List {
		got = append(got, e.Error())
	}
	want := []string{
		"dup.yaml:3:5: key `name` appears twice in an entry of `people` (first at line 2)",
		"dup.yaml:6:3: key `loaded-verb` appears twice in `checks` (first at line 5)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestUnknownCheckSlug(t *testing.T) {
	src := "checks:\n  anonymous-sources:\n    severity: info\nignore:\n  - check: loadedverb\n    reason: fine\n  - check: zzzzzzzzzz\n    reason: fine\n"
	_, err := LoadBytes("slugs.yaml", []byte(src), LoadOptions{NoDefaults: true, Checks: testChecks})
	es := loadErrors(t, err)
	if len(es.List) != 3 {
		t.Fatalf("got %d errors:\n%s", len(es.List), es.Error())
	}
	checks := []struct {
		line, col int
		hint      string
	}{
		{2, 3, "did you mean `anonymous-source`?"},
		{5, 12, "did you mean `loaded-verb`?"},
		{7, 12, "known checks: anonymous-source, copied-passage, loaded-verb, second-hand-quote or unused-ignore"},
	}
	for i, c := range checks {
		e := es.List[i]
		if e.Line != c.line || e.Col != c.col || e.Hint != c.hint || !strings.HasPrefix(e.Message, "unknown check `") {
			t.Errorf("error %d = %d:%d %q hint %q; want %d:%d hint %q", i, e.Line, e.Col, e.Message, e.Hint, c.line, c.col, c.hint)
		}
	}
	// Without a catalogue, slugs are not validated.
	if _, err := LoadBytes("slugs.yaml", []byte(src), LoadOptions{NoDefaults: true}); err != nil {
		t.Errorf("with Checks nil: %v", err)
	}
}

func TestInvalidRegexpPosition(t *testing.T) {
	src := "facts:\n  - id: a\n    pattern: ok\n    value:   'x(?P<n'\n"
	_, err := LoadBytes("re.yaml", []byte(src), LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	if len(es.List) != 1 {
		t.Fatalf("got %v", es)
	}
	e := es.List[0]
	if e.Line != 4 || e.Col != 14 || !strings.Contains(e.Message, "invalid regular expression in `value`") {
		t.Errorf("got %s", e.Error())
	}
}

func TestMergeOrder(t *testing.T) {
	set, err := Load([]string{
		filepath.Join(testdata, "good", "merge-first.yaml"),
		filepath.Join(testdata, "good", "merge-second.yaml"),
	}, LoadOptions{NoDefaults: true, Checks: testChecks})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Koofi", "Muttaqi"}; !reflect.DeepEqual(set.Names.Allow, want) {
		t.Errorf("names.allow = %q, want %q", set.Names.Allow, want)
	}
	if want := []string{"lament", "decry"}; !reflect.DeepEqual(set.Verbs.Loaded, want) {
		t.Errorf("verbs.loaded = %q, want %q", set.Verbs.Loaded, want)
	}
	// The later embassy-city replaces the earlier in place; returnees is new.
	var ids, patterns []string
	for _, f := range set.Facts {
		ids = append(ids, f.ID)
		patterns = append(patterns, f.Pattern)
	}
	if want := []string{"embassy-city", "returnees"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("fact ids = %q, want %q", ids, want)
	}
	if set.Facts[1].Kind != "number" {
		t.Errorf("kind not normalised: %q", set.Facts[1].Kind)
	}
	if patterns[0] != "flag was raised over" || set.Facts[0].Expected != "Povarskaya Street" {
		t.Errorf("embassy-city not overridden: %+v", set.Facts[0].Fact)
	}
	// Severity from the first file survives an options-only override;
	// options override key by key.
	if got := set.CheckSeverity("copied-passage"); got != "warning" {
		t.Errorf("copied-passage severity = %q", got)
	}
	if got := set.IntOption("copied-passage", "min_words", 0); got != 40 {
		t.Errorf("min_words = %d, want 40", got)
	}
	if got := set.IntOption("copied-passage", "max_gap", 0); got != 3 {
		t.Errorf("max_gap = %d, want 3", got)
	}
	if got := set.CheckSeverity("loaded-verb"); got != Off {
		t.Errorf("loaded-verb severity = %q, want off", got)
	}
	if len(set.Sources) != 2 || !strings.HasSuffix(set.Sources[1].Path, "merge-second.yaml") || len(set.Sources[0].SHA256) != 64 {
		t.Errorf("sources = %+v", set.Sources)
	}
	// Compiled patterns are case-insensitive.
	if m := set.Facts[0].ValueRE.FindStringSubmatch("The flag was raised OVER Povarskaya STREET."); len(m) < 2 || m[1] != "Povarskaya STREET" {
		t.Errorf("value match = %q", m)
	}
}

func TestDefaultsFirstAndAppended(t *testing.T) {
	def, err := LoadBytes("none.yaml", nil, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Sources) != 2 || def.Sources[0].Path != BundledName {
		t.Fatalf("sources = %+v", def.Sources)
	}
	if len(def.Verbs.Neutral) == 0 || def.Verbs.Neutral[0] != "say" || len(def.Outlets) == 0 {
		t.Errorf("defaults missing: %d neutral verbs, %d outlets", len(def.Verbs.Neutral), len(def.Outlets))
	}
	set, err := LoadBytes("mine.yaml", []byte("verbs:\n  neutral: [recount]\n"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := set.Verbs.Neutral
	if len(n) != len(def.Verbs.Neutral)+1 || n[len(n)-1] != "recount" {
		t.Errorf("user verb not appended after defaults: %q", n[len(n)-3:])
	}
	none, err := LoadBytes("mine.yaml", []byte("verbs:\n  neutral: [recount]\n"), LoadOptions{NoDefaults: true})
	if err != nil || !reflect.DeepEqual(none.Verbs.Neutral, []string{"recount"}) || len(none.Sources) != 1 {
		t.Errorf("NoDefaults: %v %+v", err, none)
	}
}

func TestBundledDefaultLoadsCleanly(t *testing.T) {
	set, err := LoadBytes("empty.yaml", nil, LoadOptions{Checks: testChecks})
	if err != nil {
		var es *Errors
		if errors.As(err, &es) {
			var b bytes.Buffer
			es.Format(&b)
			t.Fatalf("default.yaml does not load:\n%s", b.String())
		}
		t.Fatal(err)
	}
	if len(set.Anonymous.Descriptors) == 0 || len(set.Anonymous.Reasons) == 0 || len(set.Verbs.Loaded) == 0 || len(set.Organizations) == 0 || len(set.Outlets) == 0 {
		t.Errorf("default.yaml lost sections: %+v", set.File)
	}
	if !bytes.Equal(Default(), defaultYAML) {
		t.Error("Default() differs from the embedded file")
	}
}

func TestStarterLoads(t *testing.T) {
	set, err := LoadBytes("rules.yaml", Starter(), LoadOptions{NoDefaults: true, Checks: testChecks})
	if err != nil {
		var es *Errors
		errors.As(err, &es)
		t.Fatalf("starter does not load:\n%s", formatted(es))
	}
	// Every section has an example.
	f := set.File
	if len(f.People) == 0 || len(f.Organizations) == 0 || len(f.Outlets) == 0 || len(f.Names.Allow) == 0 ||
		len(f.Verbs.Neutral) == 0 || len(f.Verbs.Loaded) == 0 || len(f.Anonymous.Descriptors) == 0 ||
		len(f.Anonymous.Reasons) == 0 || len(set.Facts) == 0 || len(f.Checks) == 0 || len(f.Ignore) == 0 {
		t.Errorf("starter lacks a section: %+v", f)
	}
	for _, key := range yamlFields(reflect.TypeOf(File{})) {
		if !bytes.Contains(Starter(), []byte("\n"+key.key+":")) {
			t.Errorf("starter has no %s: section", key.key)
		}
	}
	if got := set.IntOption("copied-passage", "min_words", 0); got != 30 {
		t.Errorf("starter min_words = %d", got)
	}
	// And over the bundled defaults, as `quoteaudit init` users run it.
	withDefaults, err := LoadBytes("rules.yaml", Starter(), LoadOptions{Checks: testChecks})
	if err != nil {
		t.Fatalf("starter over defaults: %v", err)
	}
	if len(withDefaults.Outlets) != len(f.Outlets)+len(mustDefaults(t).Outlets) {
		t.Errorf("outlets not appended: %d", len(withDefaults.Outlets))
	}
}

func mustDefaults(t *testing.T) *Set {
	t.Helper()
	set, err := LoadBytes("empty.yaml", nil, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestGoodFixturesLoad(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testdata, "good", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range files {
		if _, err := Load([]string{p}, LoadOptions{NoDefaults: true, Checks: testChecks}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	set, err := Load([]string{filepath.Join(testdata, "good", "aliases.yaml")}, LoadOptions{NoDefaults: true, Checks: testChecks})
	if err != nil {
		t.Fatal(err)
	}
	// Severities are case-insensitive and normalised; aliases expand.
	if set.CheckSeverity("loaded-verb") != "info" || set.CheckSeverity("second-hand-quote") != "info" {
		t.Errorf("severities = %+v", set.Checks)
	}
}

func TestYAMLBooleansAreText(t *testing.T) {
	set, err := LoadBytes("b.yaml", []byte("checks:\n  loaded-verb:\n    severity: off\n"), LoadOptions{NoDefaults: true})
	if err != nil || set.CheckSeverity("loaded-verb") != Off {
		t.Fatalf("severity off: %v %+v", err, set)
	}
	_, err = LoadBytes("b.yaml", []byte("facts:\n  - {id: a, pattern: a, value: b, kind: yes}\n"), LoadOptions{NoDefaults: true})
	if es := loadErrors(t, err); len(es.List) != 1 || es.List[0].Col != 41 || !strings.Contains(es.List[0].Message, `"yes"`) {
		t.Errorf("kind yes: %v", es)
	}
	_, err = LoadBytes("b.yaml", []byte("checks:\n  copied-passage:\n    options: {min_words: yes, max_gap: 2.5}\n"), LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	if len(es.List) != 2 || !strings.Contains(es.List[0].Message, "must be a whole number, not text") || !strings.Contains(es.List[1].Message, "not a number (2.5)") {
		t.Errorf("options: %v", es)
	}
}

func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(n + ": &" + n + " [")
		for i := 0; i < 9; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = n
	}
	// Hide the bomb where the schema takes anything: check options.
	bomb := "checks:\n  loaded-verb:\n    options:\n" + indent(b.String(), "      ")
	_, err := LoadBytes("bomb.yaml", []byte(bomb), LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	if len(es.List) != 1 || !strings.Contains(es.List[0].Message, "aliases expand to more than") || es.List[0].Line < 4 {
		t.Errorf("got %v", es)
	}
	// And at the top level, where the keys are unknown.
	if _, err := LoadBytes("bomb.yaml", []byte(b.String()), LoadOptions{NoDefaults: true}); err == nil {
		t.Error("top-level bomb loaded")
	}
}

func indent(s, pre string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "")
}

func TestTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("# padding line of a very long comment\n"), MaxFileSize/38+2)
	_, err := LoadBytes("big.yaml", big, LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	if len(es.List) != 1 || es.List[0].Line != 0 || !strings.Contains(es.List[0].Message, "rule file too large") {
		t.Fatalf("got %v", es)
	}
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load([]string{path}, LoadOptions{NoDefaults: true})
	if es := loadErrors(t, err); es.List[0].Error() != path+": rule file too large (more than 4 MiB); rule files are a few kilobytes" {
		t.Errorf("got %q", es.List[0].Error())
	}
}

func TestMissingFileAndErrorsAcrossFiles(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := Load([]string{missing, filepath.Join(testdata, "bad", "duplicate.yaml")}, LoadOptions{NoDefaults: true})
	es := loadErrors(t, err)
	if len(es.List) != 3 {
		t.Fatalf("got %d errors: %v", len(es.List), es)
	}
	if !errors.Is(err, fs.ErrNotExist) || es.List[0].File != missing || es.List[0].Line != 0 {
		t.Errorf("missing file: %v", es.List[0])
	}
	if !strings.HasSuffix(es.List[1].File, "duplicate.yaml") {
		t.Errorf("second file's errors: %v", es.List[1])
	}
	if lines := strings.Count(es.Error(), "\n"); lines != 2 {
		t.Errorf("Error() should hold one line per error: %q", es.Error())
	}
}

func TestFormatCaretWithTabsAndUnicode(t *testing.T) {
	es := &Errors{List: []*Error{
		{File: "f.yaml", Line: 2, Col: 4, Message: "m", SourceLine: "\té x", Hint: "h"},
		{File: "g.yaml", Message: "whole file"},
	}}
	want := "f.yaml:2:4: m\n    \té x\n    \t  ^\nhint: h\ng.yaml: whole file\n"
	if got := formatted(es); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSeedRulesLoad(t *testing.T) {
	data, err := os.ReadFile("../seeds/rules.yaml")
	if err != nil {
		t.Skip("seeds/rules.yaml not present")
	}
	if _, err := LoadBytes("seeds/rules.yaml", data, LoadOptions{}); err != nil {
		var es *Errors
		if errors.As(err, &es) {
			t.Fatalf("seeds/rules.yaml:\n%s", formatted(es))
		}
		t.Fatal(err)
	}
}

func TestFormatLongLine(t *testing.T) {
	long := strings.Repeat("a", 300) + "X" + strings.Repeat("b", 300)
	es := &Errors{List: []*Error{{File: "f.yaml", Line: 1, Col: 301, Message: "m", SourceLine: long}}}
	out := strings.Split(formatted(es), "\n")
	shown, caret := out[1], out[2]
	if n := utf8.RuneCountInString(shown); n > maxShown+8 {
		t.Errorf("shown %d characters", n)
	}
	if !strings.HasPrefix(shown, "    …") || !strings.HasSuffix(shown, "…") {
		t.Errorf("cut not marked: %q", shown)
	}
	if at := utf8.RuneCountInString(caret) - 1; []rune(shown)[at] != 'X' {
		t.Errorf("caret under %q, want X", []rune(shown)[at])
	}
}

// TestExtraBetweenDefaultsAndPaths: in-memory rule files (the demo
// corpus's) load after the defaults and before the paths, and their
// errors carry their names.
func TestExtraBetweenDefaultsAndPaths(t *testing.T) {
	extra := Named{Name: "(embedded) seeds/rules.yaml", Data: []byte("names:\n  allow: [Extra]\nchecks:\n  copied-passage:\n    options: {min_words: 10}\n")}
	set, err := Load([]string{filepath.Join(testdata, "good", "merge-first.yaml")}, LoadOptions{Extra: []Named{extra}, Checks: testChecks})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range set.Sources {
		names = append(names, filepath.Base(s.Path))
	}
	if want := []string{"default.yaml", "rules.yaml", "merge-first.yaml"}; !reflect.DeepEqual(names, want) {
		t.Errorf("sources %q, want %q", names, want)
	}
	if want := []string{"Extra", "Koofi"}; !reflect.DeepEqual(set.Names.Allow, want) {
		t.Errorf("allow = %q, want %q", set.Names.Allow, want)
	}
	if got := set.IntOption("copied-passage", "min_words", 0); got != 20 {
		t.Errorf("the path should override the extra file: min_words = %d", got)
	}
	viaBytes, err := LoadBytes("mine.yaml", []byte("names:\n  allow: [Mine]\n"), LoadOptions{NoDefaults: true, Extra: []Named{extra}})
	if err != nil || !reflect.DeepEqual(viaBytes.Names.Allow, []string{"Extra", "Mine"}) {
		t.Errorf("LoadBytes with Extra: %v %+v", err, viaBytes)
	}
	bad := Named{Name: "(embedded) bad.yaml", Data: []byte("names:\n  alow: [x]\n")}
	_, err = Load(nil, LoadOptions{NoDefaults: true, Extra: []Named{bad}})
	if es := loadErrors(t, err); es.List[0].Error() != "(embedded) bad.yaml:2:3: unknown key `alow` in `names`" {
		t.Errorf("got %q", es.List[0].Error())
	}
}
