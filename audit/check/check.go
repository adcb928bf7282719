// Package check holds quoteaudit's check catalogue. A check is a named,
// documented unit, like a go/analysis analyzer: a slug, a one-line title,
// documentation with an example, a default severity, the rule-file options
// it reads, and a Run function that reads the audit result and reports
// findings with positions. Adding a check means adding one file (and its
// test) and listing it in All.
package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// Check is one check of the catalogue.
type Check struct {
	// Slug is the stable name used in rule files and the JSON (a contract).
	Slug string
	// Title is a one-line summary ("quotation with no speaker").
	Title string
	// Doc is a paragraph of documentation with an example.
	Doc string
	// Severity is the default severity.
	Severity result.Severity
	// Options are the rule-file options the check reads.
	Options []Option
	// Run reports the check's findings through pass.Report.
	Run func(pass *Pass)
	// Early marks a check that reads only the documents, the sources and
	// the quotes' texts and places: not people, matches, the index's
	// Person or Match, nor a quote's Speaker.Person, Speaker.Candidates
	// or Match, which are still being resolved while an early check runs
	// (the race detector catches a check that breaks this).
	Early bool
}

// Option documents one rule-file option of a check
// (checks: SLUG: options: NAME: value).
type Option struct {
	Name    string
	Default int
	Doc     string
}

// Pass is what a check sees: the result so far (read-only), the documents
// with their text, the rules, and a way to report.
type Pass struct {
	Check  *Check
	Result *result.Result
	Index  *result.Index
	// Docs are the audited documents by Source ID, text included.
	Docs  map[string]*source.Document
	Rules *rules.Set
	// Severity is the severity in force for this check in this run.
	Severity result.Severity
	// Spellings, when set, is what the run's names Scanners gathered for
	// names.Spellings while they read the documents; nil: the
	// spelling-variant check reads the documents itself.
	Spellings *names.SpellingScan

	report func(result.Finding)
	lx     *lexicon.Lexicon // built on first use, see Lexicon
}

// Lexicon returns the lexicon of the pass's rules, built on first use and
// kept for the rest of the pass.
func (p *Pass) Lexicon() *lexicon.Lexicon {
	if p.lx == nil {
		p.lx = lexicon.New(p.Rules)
	}
	return p.lx
}

// NewPass prepares a pass of c over r; report receives each finding with
// Check and Severity filled.
func NewPass(c *Check, r *result.Result, ix *result.Index, docs map[string]*source.Document, rs *rules.Set, sev result.Severity, report func(result.Finding)) *Pass {
	return &Pass{Check: c, Result: r, Index: ix, Docs: docs, Rules: rs, Severity: sev, report: report}
}

// Report records a finding. Check and Severity default to the pass's;
// a check may raise or lower Severity for one finding (e.g. an error
// instead of a warning when a negation differs). Path is filled from
// Source when empty.
func (p *Pass) Report(f result.Finding) {
	f.Check = p.Check.Slug
	if f.Severity == "" {
		f.Severity = p.Severity
	}
	if f.Path == "" && f.Source != "" {
		if s := p.Index.Source(f.Source); s != nil {
			f.Path = s.Path
		}
	}
	for i := range f.Related {
		if f.Related[i].Path == "" && f.Related[i].Source != "" {
			if s := p.Index.Source(f.Related[i].Source); s != nil {
				f.Related[i].Path = s.Path
			}
		}
	}
	p.report(f)
}

// ReportQuote reports a finding placed at quote q.
func (p *Pass) ReportQuote(q *result.Quote, message, suggestion string, related ...result.Related) {
	p.Report(result.Finding{
		Source: q.Source, Line: q.Line, Column: q.Column, Quote: q.ID,
		Evidence: q.Text, Message: message, Suggestion: suggestion, Related: related,
	})
}

// IntOption returns the rule-file value of one of the check's options, or
// its declared default.
func (p *Pass) IntOption(name string) int {
	def := 0
	for _, o := range p.Check.Options {
		if o.Name == name {
			def = o.Default
		}
	}
	return p.Rules.IntOption(p.Check.Slug, name, def)
}

// Info is the catalogue entry of c for the result.
func (c *Check) Info(sev result.Severity, enabled bool) result.CheckInfo {
	return result.CheckInfo{Slug: c.Slug, Title: c.Title, Doc: c.Doc, Severity: sev, Enabled: enabled}
}

// Validate rejects a catalogue with a missing or duplicate slug, an empty
// title or doc, a bad default severity or no Run function.
func Validate(checks []*Check) error {
	seen := map[string]bool{}
	var problems []string
	for _, c := range checks {
		switch {
		case c.Slug == "":
			problems = append(problems, fmt.Sprintf("check %q has no slug", c.Title))
		case seen[c.Slug]:
			problems = append(problems, fmt.Sprintf("check %s is listed twice", c.Slug))
		case strings.TrimSpace(c.Title) == "" || strings.TrimSpace(c.Doc) == "":
			problems = append(problems, fmt.Sprintf("check %s has no title or doc", c.Slug))
		case !c.Severity.Valid():
			problems = append(problems, fmt.Sprintf("check %s has bad default severity %q", c.Slug, c.Severity))
		case c.Run == nil:
			problems = append(problems, fmt.Sprintf("check %s has no Run", c.Slug))
		}
		seen[c.Slug] = true
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid check catalogue: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Lookup returns the check with the given slug from checks, or nil.
func Lookup(checks []*Check, slug string) *Check {
	for _, c := range checks {
		if c.Slug == slug {
			return c
		}
	}
	return nil
}

// Slugs returns the sorted slugs of checks.
func Slugs(checks []*Check) []string {
	out := make([]string, len(checks))
	for i, c := range checks {
		out[i] = c.Slug
	}
	sort.Strings(out)
	return out
}
