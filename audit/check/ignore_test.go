package check

import (
	"path"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/rules"
)

func ignoreRules(t *testing.T, yaml string) *rules.Set {
	t.Helper()
	rs, err := rules.LoadBytes("newsroom.yaml", []byte(yaml), rules.LoadOptions{})
	if err != nil {
		t.Fatalf("load rules: %v", err)
	}
	return rs
}

func TestApplyIgnores(t *testing.T) {
	rs := ignoreRules(t, `ignore:
  - check: loaded-verb
    source: "drafts/*.txt"
    text: CLAIMED
    reason: the verb is the court's own word
  - check: missing-byline
    source: "wire-*.txt"
    reason: wire copy is unsigned
  - check: missing-date
    reason: dates are checked by the desk
  - check: loaded-verb
    source: "*.md"
    reason: never matches
`)
	in := []result.Finding{
		{Check: "loaded-verb", Path: "/news/drafts/a.txt", Evidence: "claimed", Message: "Attribution verb \"claimed\"…"},
		{Check: "loaded-verb", Path: "/news/drafts/a.txt", Evidence: "admitted", Message: "Attribution verb \"admitted\"…"},
		{Check: "loaded-verb", Path: "/news/final/a.txt", Evidence: "claimed"},
		{Check: "missing-byline", Path: "in/wire-003.txt"},
		{Check: "missing-byline", Path: "in/staff-003.txt"},
		{Check: "missing-date", Path: "x.txt"},
		{Check: "missing-date", Path: ""},
	}
	if used := IgnoresUsed(in, rs); !slices.Equal(used, []bool{true, true, true, false}) {
		t.Errorf("IgnoresUsed = %v", used)
	}
	if in[0].Ignored {
		t.Error("IgnoresUsed modified a finding")
	}
	out := slices.Clone(in)
	used := ApplyIgnores(out, rs)
	wantIgnored := []string{"the verb is the court's own word", "", "", "wire copy is unsigned", "", "dates are checked by the desk", "dates are checked by the desk"}
	for i, f := range out {
		if f.Ignored != (wantIgnored[i] != "") || f.IgnoreReason != wantIgnored[i] {
			t.Errorf("finding %d (%s %s): ignored=%v reason=%q, want %q", i, f.Check, f.Path, f.Ignored, f.IgnoreReason, wantIgnored[i])
		}
	}
	if want := []bool{true, true, true, false}; len(used) != 4 || used[0] != want[0] || used[1] != want[1] || used[2] != want[2] || used[3] != want[3] {
		t.Errorf("used = %v, want %v", used, want)
	}
}

func TestGlobMatchesPath(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"*.txt", "a.txt", true},
		{"*.txt", "/x/y/a.txt", true},
		{"y/*.txt", "/x/y/a.txt", true},
		{"/x/y/a.txt", "/x/y/a.txt", true},
		{"z/*.txt", "/x/y/a.txt", false},
		{"*.md", "/x/y/a.txt", false},
		{"[", "a.txt", false}, // malformed: matches nothing
		{"*.txt", "", false},
		{`y\*.txt`, "/x/y/a.txt", false},
	} {
		if got := globMatchesPath(tc.glob, tc.path); got != tc.want {
			t.Errorf("globMatchesPath(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

func TestUnusedIgnore(t *testing.T) {
	rs := ignoreRules(t, `ignore:
  - check: missing-byline
    source: "wire-*.txt"
    reason: wire copy is unsigned
  - check: loaded-verb
    text: boasted
    reason: stale
  - check: loaded-verbs
    reason: typo in the slug
  - check: missing-byline
    source: "drafts/*.txt"
    reason: drafts are unsigned
`)
	fx := newAttrFixture(t, "")
	fx.rules = rs
	fx.res.Findings = []result.Finding{{Check: "missing-byline", Path: "in/wire-1.txt", Message: "No byline"}}
	fx.res.Checks = []result.CheckInfo{{Slug: "loaded-verb", Enabled: false}}
	fs := fx.run(unusedIgnore())
	wantFindings(t, fs, `
warning :0:0  | check: loaded-verb; source: ; text: boasted; reason: stale | Ignore rule 2 for check loaded-verb (text "boasted") matched no finding. Check loaded-verb is off in this run.
warning :0:0  | check: loaded-verbs; source: ; text: ; reason: typo in the slug | Ignore rule 3 for check loaded-verbs matched no finding. There is no check "loaded-verbs".
warning :0:0  | check: missing-byline; source: drafts/*.txt; text: ; reason: drafts are unsigned | Ignore rule 4 for check missing-byline (source "drafts/*.txt") matched no finding. No audited source matches "drafts/*.txt".
`)
	for _, f := range fs {
		if f.Path != "newsroom.yaml" {
			t.Errorf("path %q, want the one rule file", f.Path)
		}
	}
	// Every ignore used: silent.
	fx.res.Findings = append(fx.res.Findings,
		result.Finding{Check: "loaded-verb", Evidence: "boasted"},
		result.Finding{Check: "loaded-verbs"},
		result.Finding{Check: "missing-byline", Path: "drafts/b.txt"})
	wantFindings(t, fx.run(unusedIgnore()), ``)
}

// FuzzGlobMatchesPath: a path's base name and the path itself, taken as
// globs with their meta-characters escaped, always match it.
func FuzzGlobMatchesPath(f *testing.F) {
	f.Add("news/drafts/a.txt")
	f.Add("/x/[y]/*.md")
	f.Fuzz(func(t *testing.T, p string) {
		p = strings.ReplaceAll(p, "\\", "/")
		if p == "" || strings.HasSuffix(p, "/") || !utf8.ValidString(p) {
			return
		}
		esc := func(s string) string {
			var b strings.Builder
			for _, r := range s {
				if strings.ContainsRune(`*?[]\`, r) {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			return b.String()
		}
		if !globMatchesPath(esc(path.Base(p)), p) {
			t.Fatalf("base name of %q does not match it", p)
		}
		if !globMatchesPath(esc(p), p) {
			t.Fatalf("%q does not match itself", p)
		}
		if globMatchesPath(esc(p)+"x", p) {
			t.Fatalf("%q matches a longer literal", p)
		}
	})
}
