package check

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/rules"
)

// ApplyIgnores marks, in place, the findings that an ignore rule of rs
// silences: Ignored is set and IgnoreReason holds the rule's reason. A
// rule matches a finding when its check slug equals the finding's check,
// its source glob (if any) matches the finding's path (path.Match on the
// slash path, on any trailing part of it, so "drafts/*.txt" and "*.txt"
// both match "news/drafts/a.txt"), and its text (if any) is a
// case-insensitive substring of the finding's evidence or message. The
// first matching rule gives the reason. used[i] tells whether rs.Ignore[i]
// matched any finding.
func ApplyIgnores(findings []result.Finding, rs *rules.Set) (used []bool) {
	return eachIgnore(findings, rs, func(f *result.Finding, ig *rules.Ignore) {
		if !f.Ignored {
			f.Ignored = true
			f.IgnoreReason = ig.Reason
		}
	})
}

// IgnoresUsed tells, without marking anything, whether each ignore rule
// of rs matches one of the findings.
func IgnoresUsed(findings []result.Finding, rs *rules.Set) []bool {
	return eachIgnore(findings, rs, func(*result.Finding, *rules.Ignore) {})
}

// eachIgnore calls fn for every finding and matching ignore rule, in
// order, and returns which rules matched.
func eachIgnore(findings []result.Finding, rs *rules.Set, fn func(*result.Finding, *rules.Ignore)) []bool {
	if rs == nil {
		return nil
	}
	used := make([]bool, len(rs.Ignore))
	for i := range findings {
		f := &findings[i]
		for j := range rs.Ignore {
			if ignoreMatches(&rs.Ignore[j], f) {
				used[j] = true
				fn(f, &rs.Ignore[j])
			}
		}
	}
	return used
}

func ignoreMatches(ig *rules.Ignore, f *result.Finding) bool {
	if ig.Check != f.Check {
		return false
	}
	if ig.Source != "" && !globMatchesPath(ig.Source, f.Path) {
		return false
	}
	if ig.Text != "" {
		t := strings.ToLower(ig.Text)
		if !strings.Contains(strings.ToLower(f.Evidence), t) && !strings.Contains(strings.ToLower(f.Message), t) {
			return false
		}
	}
	return true
}

// globMatchesPath matches glob against p (slash form) and each trailing
// part of it, down to the base name. A malformed glob matches nothing.
func globMatchesPath(glob, p string) bool {
	if p == "" {
		return false
	}
	glob = filepath.ToSlash(glob)
	p = filepath.ToSlash(p)
	for {
		if ok, err := path.Match(glob, p); err == nil && ok {
			return true
		} else if err != nil {
			return false
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[i+1:]
	}
}
