package rules

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzLoad feeds arbitrary bytes to the loader. Properties: no panic;
// either a Set or an *Errors; every error from the file is placed on one
// of its lines and quotes that line; messages are plain lower-case; a
// loaded set is valid (severities, kinds, whole-number options, compiled
// facts); two loads give the same answer.
func FuzzLoad(f *testing.F) {
	f.Add(Starter())
	f.Add(Default())
	for _, dir := range []string{"bad", "good"} {
		files, _ := filepath.Glob(filepath.Join(testdata, dir, "*.yaml"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("checks:\n  loaded-verb: &a {options: {min_words: *a}}\n"))
	f.Add([]byte("people:\n- {name: \"\\u00e9\", aliases: [&x a, *x, *x]}\n"))
	opts := LoadOptions{NoDefaults: true, Checks: testChecks}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := LoadBytes("fuzz.yaml", data, opts)
		set2, err2 := LoadBytes("fuzz.yaml", data, opts)
		if (set == nil) == (err == nil) {
			t.Fatalf("set %v and err %v", set, err)
		}
		if err != nil {
			var es *Errors
			if !errors.As(err, &es) || len(es.List) == 0 {
				t.Fatalf("error is %T %v, want a non-empty *Errors", err, err)
			}
			var es2 *Errors
			if !errors.As(err2, &es2) || formatted(es) != formatted(es2) {
				t.Fatalf("not deterministic:\n%s\n---\n%v", formatted(es), err2)
			}
			lines := strings.Split(string(data), "\n")
			for _, e := range es.List {
				checkError(t, e, lines)
			}
			return
		}
		if err2 != nil || !reflect.DeepEqual(set.File, set2.File) || !reflect.DeepEqual(set.Sources, set2.Sources) {
			t.Fatalf("not deterministic: %v", err2)
		}
		checkSet(t, set)
	})
}

func checkError(t *testing.T, e *Error, lines []string) {
	t.Helper()
	if e.File != "fuzz.yaml" {
		t.Errorf("error names file %q", e.File)
	}
	if e.Message == "" || strings.HasPrefix(e.Message, "quoteaudit:") {
		t.Errorf("bad message %q", e.Message)
	}
	if r, _ := utf8.DecodeRuneInString(e.Message); unicode.IsUpper(r) {
		t.Errorf("message not lower-case: %q", e.Message)
	}
	if e.Line == 0 {
		if !strings.HasPrefix(e.Message, "rule file too large") {
			t.Errorf("error without a position: %q", e.Message)
		}
		return
	}
	if e.Line < 1 || e.Line > len(lines) || e.Col < 1 {
		t.Fatalf("position %d:%d outside the file (%d lines): %s", e.Line, e.Col, len(lines), e.Message)
	}
	want := strings.TrimRight(lines[e.Line-1], "\r")
	if e.Line == 1 {
		want = strings.TrimPrefix(want, "\ufeff")
	}
	if want = strings.ToValidUTF8(want, "\ufffd"); e.SourceLine != want {
		t.Errorf("source line %q, want %q", e.SourceLine, want)
	}
}

func checkSet(t *testing.T, set *Set) {
	t.Helper()
	if len(set.Facts) != len(set.File.Facts) {
		t.Fatalf("%d compiled facts for %d facts", len(set.Facts), len(set.File.Facts))
	}
	for _, fa := range set.Facts {
		if fa.PatternRE == nil || fa.ValueRE == nil || strings.TrimSpace(fa.ID) == "" {
			t.Errorf("fact not compiled: %+v", fa)
		}
		if fa.Kind != "" && !contains(factKinds, fa.Kind) {
			t.Errorf("fact kind %q", fa.Kind)
		}
	}
	for slug, c := range set.Checks {
		if c.Severity != "" && !contains(severities, c.Severity) {
			t.Errorf("check %s severity %q", slug, c.Severity)
		}
		for name, v := range c.Options {
			if _, ok := v.(int); !ok {
				t.Errorf("check %s option %s = %T %v", slug, name, v, v)
			}
		}
	}
	for _, ig := range set.Ignore {
		if strings.TrimSpace(ig.Check) == "" || strings.TrimSpace(ig.Reason) == "" {
			t.Errorf("ignore without check or reason: %+v", ig)
		}
	}
	for _, p := range set.People {
		if strings.TrimSpace(p.Name) == "" {
			t.Errorf("person without a name: %+v", p)
		}
	}
	var b bytes.Buffer
	(&Errors{}).Format(&b)
	if b.Len() != 0 {
		t.Errorf("empty Errors formats as %q", b.String())
	}
}
