package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// matchFixture builds a result by hand for the match checks: sources,
// quotes (placed on line N of their source), then the real match groups.
type matchFixture struct {
	t   *testing.T
	res result.Result
}

func newMatchFixture(t *testing.T) *matchFixture { return &matchFixture{t: t} }

func (fx *matchFixture) source(id, path, iso string) {
	s := result.Source{ID: id, Path: path}
	if iso != "" {
		s.Dates = []result.Date{{Text: iso, ISO: iso, Line: 1, Column: 1}}
	}
	fx.res.Sources = append(fx.res.Sources, s)
}

func (fx *matchFixture) quote(id, src string, line int, text string, sp result.Speaker) *result.Quote {
	fx.res.Quotes = append(fx.res.Quotes, result.Quote{ID: id, Source: src, Line: line, Column: 2, Text: text, Speaker: sp})
	return &fx.res.Quotes[len(fx.res.Quotes)-1]
}

// run groups the quotes with match.Group and runs c at its default
// severity, returning "severity SRC:LINE QUOTE | message" lines.
func (fx *matchFixture) run(c *Check) []string {
	fx.res.Matches = match.Group(fx.res.Quotes, fx.res.Sources, match.Options{})
	ix := result.NewIndex(&fx.res)
	var out []string
	pass := NewPass(c, &fx.res, ix, nil, nil, c.Severity, func(f result.Finding) {
		if f.Check != c.Slug || f.Evidence == "" || f.Path == "" {
			fx.t.Errorf("finding not filled: %+v", f)
		}
		line := fmt.Sprintf("%s %s:%d %s | %s", f.Severity, f.Source, f.Line, f.Quote, f.Message)
		for _, r := range f.Related {
			line += fmt.Sprintf(" [%s:%d %s]", r.Source, r.Line, r.Message)
		}
		out = append(out, line)
	})
	c.Run(pass)
	return out
}

func matchWant(t *testing.T, got []string, want string) {
	t.Helper()
	w := strings.Split(strings.TrimSpace(want), "\n")
	if strings.TrimSpace(want) == "" {
		w = nil
	}
	if strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
}

func matchPerson(id, name string) result.Speaker {
	return result.Speaker{Mention: name, Name: name, Kind: result.KindPerson, Person: id}
}

const matchKabulov = "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders."

func TestMatchChecksListed(t *testing.T) {
	all := All()
	if err := Validate(all); err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"shared-quote", "quote-variant", "attribution-conflict"} {
		if Lookup(all, slug) == nil {
			t.Errorf("%s is not in the catalogue", slug)
		}
	}
}
