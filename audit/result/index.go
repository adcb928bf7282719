package result

import (
	"fmt"
	"strings"
)

// Index looks up the parts of a Result by ID. Build it once per writer.
type Index struct {
	sources map[string]*Source
	quotes  map[string]*Quote
	people  map[string]*Person
	matches map[string]*Match
	checks  map[string]*CheckInfo
}

// NewIndex indexes r. The index points into r: do not modify r while
// using it.
func NewIndex(r *Result) *Index {
	ix := &Index{
		sources: make(map[string]*Source, len(r.Sources)),
		quotes:  make(map[string]*Quote, len(r.Quotes)),
		people:  make(map[string]*Person, len(r.People)),
		matches: make(map[string]*Match, len(r.Matches)),
		checks:  make(map[string]*CheckInfo, len(r.Checks)),
	}
	for i := range r.Sources {
		ix.sources[r.Sources[i].ID] = &r.Sources[i]
	}
	for i := range r.Quotes {
		ix.quotes[r.Quotes[i].ID] = &r.Quotes[i]
	}
	for i := range r.People {
		ix.people[r.People[i].ID] = &r.People[i]
	}
	for i := range r.Matches {
		ix.matches[r.Matches[i].ID] = &r.Matches[i]
	}
	for i := range r.Checks {
		ix.checks[r.Checks[i].Slug] = &r.Checks[i]
	}
	return ix
}

// AddPeopleAndMatches indexes r's people and matches, resolved after the
// index was built (the early checks run on the index before they are).
func (ix *Index) AddPeopleAndMatches(r *Result) {
	for i := range r.People {
		ix.people[r.People[i].ID] = &r.People[i]
	}
	for i := range r.Matches {
		ix.matches[r.Matches[i].ID] = &r.Matches[i]
	}
}

// Source returns the source with the given ID, or nil.
func (ix *Index) Source(id string) *Source { return ix.sources[id] }

// Quote returns the quote with the given ID, or nil.
func (ix *Index) Quote(id string) *Quote { return ix.quotes[id] }

// Person returns the person with the given ID, or nil.
func (ix *Index) Person(id string) *Person { return ix.people[id] }

// Match returns the match group with the given ID, or nil.
func (ix *Index) Match(id string) *Match { return ix.matches[id] }

// Check returns the catalogue entry for slug, or nil.
func (ix *Index) Check(slug string) *CheckInfo { return ix.checks[slug] }

// Verdict is the one-paragraph summary every report opens with, e.g.
// "5 sources, 74 quotes, 58 attributed; 3 errors and 12 warnings to review
// before publishing."
func (r *Result) Verdict() string {
	s := r.Stats
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s, %d attributed", plural(s.Sources, "source"), plural(s.Quotations, "quotation"), s.Attributed)
	if s.Fragments > 0 {
		fmt.Fprintf(&b, " (and %s)", plural(s.Fragments, "fragment"))
	}
	switch {
	case s.Errors == 0 && s.Warnings == 0:
		b.WriteString("; no errors or warnings")
		if s.Infos > 0 {
			fmt.Fprintf(&b, ", %s", plural(s.Infos, "note"))
		}
		b.WriteString(".")
	default:
		var parts []string
		if s.Errors > 0 {
			parts = append(parts, plural(s.Errors, "error"))
		}
		if s.Warnings > 0 {
			parts = append(parts, plural(s.Warnings, "warning"))
		}
		fmt.Fprintf(&b, "; %s to review before publishing", strings.Join(parts, " and "))
		if s.Infos > 0 {
			fmt.Fprintf(&b, " (and %s)", plural(s.Infos, "note"))
		}
		b.WriteString(".")
	}
	if s.Ignored > 0 {
		fmt.Fprintf(&b, " %d ignored by rule.", s.Ignored)
	}
	if s.Skipped > 0 {
		fmt.Fprintf(&b, " %s skipped.", plural(s.Skipped, "file"))
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
