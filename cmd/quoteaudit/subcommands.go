package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/rules"
)

// cmdChecks lists the catalogue: slug, default severity, title.
func cmdChecks(args []string, stdout io.Writer, ui *ui) int {
	if len(args) > 0 {
		ui.errorf("checks takes no arguments")
		return exitError
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, c := range check.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Slug, c.Severity, c.Title)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nRun 'quoteaudit explain SLUG' for one check's documentation.")
	return exitClean
}

// cmdExplain prints one check's documentation.
func cmdExplain(args []string, stdout io.Writer, ui *ui) int {
	if len(args) != 1 {
		ui.errorf("explain takes one check slug")
		ui.hintf("run 'quoteaudit checks' for the list")
		return exitError
	}
	all := check.All()
	c := check.Lookup(all, args[0])
	if c == nil {
		ui.errorf("no check named %q", args[0])
		if s := closest(args[0], check.Slugs(all)); s != "" {
			ui.hintf("did you mean %s?", s)
		}
		return exitError
	}
	fmt.Fprint(stdout, Explain(c))
	return exitClean
}

// Explain is the documentation of one check as `explain` prints it and
// the README's table is made of.
func Explain(c *check.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", c.Slug, c.Title)
	fmt.Fprintf(&b, "Default severity: %s\n\n", c.Severity)
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(c.Doc))
	if len(c.Options) > 0 {
		b.WriteString("\nRule-file options (checks: " + c.Slug + ": options: …):\n")
		for _, o := range c.Options {
			fmt.Fprintf(&b, "  %s (default %d): %s\n", o.Name, o.Default, o.Doc)
		}
	}
	b.WriteString("\nTo change its severity or turn it off:\n  checks:\n    " + c.Slug + ":\n      severity: warning   # or error, info, off\n")
	return b.String()
}

// cmdRules validates rule files: `quoteaudit rules check FILE…`.
func cmdRules(args []string, stdout io.Writer, ui *ui) int {
	if len(args) < 2 || args[0] != "check" {
		ui.errorf("usage: quoteaudit rules check FILE ...")
		return exitError
	}
	files := args[1:]
	if _, err := loadRules(files, false, false, check.All()); err != nil {
		ui.ruleErrors(err)
		return exitError
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "%s: ok\n", f)
	}
	return exitClean
}

// cmdInit writes the commented starter rule file; it never overwrites.
func cmdInit(args []string, stdout io.Writer, ui *ui) int {
	if len(args) > 1 {
		ui.errorf("usage: quoteaudit init [FILE]")
		return exitError
	}
	name := "quoteaudit.yaml"
	if len(args) == 1 {
		name = args[0]
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			ui.errorf("%s already exists; not overwriting it", name)
			ui.hintf("give another file name: quoteaudit init my-story.yaml")
			return exitError
		}
		ui.errorf("%v", err)
		return exitError
	}
	if _, err := f.Write(rules.Starter()); err != nil {
		f.Close()
		ui.errorf("writing %s: %v", name, err)
		return exitError
	}
	if err := f.Close(); err != nil {
		ui.errorf("writing %s: %v", name, err)
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s: edit it, then run quoteaudit -r %s SOURCES\n", name, name)
	return exitClean
}

// closest returns the candidate nearest to s by edit distance, when it is
// close enough to be a likely typo.
func closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len(s)/3) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
