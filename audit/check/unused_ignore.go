package check

import (
	"fmt"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// unusedIgnore reports ignore rules that silenced nothing.
func unusedIgnore() *Check {
	return &Check{
		Slug:  "unused-ignore",
		Title: "an ignore rule that matched no finding",
		Doc: "An entry of a rule file's ignore list that matched no finding in this run: " +
			"the problem it silenced has been fixed, or the rule is mistyped (a wrong " +
			"check slug, a source glob that matches no file, a text that is not in any " +
			"finding). Stale ignores hide future problems; delete or correct them. It " +
			"runs after every other check. Example: ignore: [{check: loaded-verb, " +
			"source: \"draft.txt\", reason: \"…\"}] when draft.txt has no loaded verb → " +
			"unused-ignore.",
		Severity: result.Warning,
		Run:      runUnusedIgnore,
	}
}

func runUnusedIgnore(pass *Pass) {
	if pass.Rules == nil || len(pass.Rules.Ignore) == 0 {
		return
	}
	used := IgnoresUsed(pass.Result.Findings, pass.Rules)
	path := ""
	var own []string
	for _, s := range pass.Rules.Sources {
		if !strings.HasPrefix(s.Path, "(bundled)") {
			own = append(own, s.Path)
		}
	}
	if len(own) == 1 {
		path = own[0] // the ignore can only come from the one rule file loaded
	}
	for i, ig := range pass.Rules.Ignore {
		if used[i] {
			continue
		}
		var where []string
		if ig.Source != "" {
			where = append(where, fmt.Sprintf("source %q", ig.Source))
		}
		if ig.Text != "" {
			where = append(where, fmt.Sprintf("text %q", ig.Text))
		}
		desc := fmt.Sprintf("check %s", ig.Check)
		if len(where) > 0 {
			desc += " (" + strings.Join(where, ", ") + ")"
		}
		msg := fmt.Sprintf("Ignore rule %d for %s matched no finding.", i+1, desc)
		switch info := pass.Index.Check(ig.Check); {
		case Lookup(All(), ig.Check) == nil:
			msg += fmt.Sprintf(" There is no check %q.", ig.Check)
		case info != nil && !info.Enabled:
			msg += fmt.Sprintf(" Check %s is off in this run.", ig.Check)
		case ig.Source != "" && !globMatchesAnySource(ig.Source, pass.Result.Sources):
			msg += fmt.Sprintf(" No audited source matches %q.", ig.Source)
		}
		pass.Report(result.Finding{
			Path:       path,
			Evidence:   fmt.Sprintf("check: %s; source: %s; text: %s; reason: %s", ig.Check, ig.Source, ig.Text, ig.Reason),
			Message:    msg,
			Suggestion: "Delete the rule if the problem is fixed, or correct its check, source or text.",
		})
	}
}

func globMatchesAnySource(glob string, sources []result.Source) bool {
	for _, s := range sources {
		if globMatchesPath(glob, s.Path) {
			return true
		}
	}
	return false
}
