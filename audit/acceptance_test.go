package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/rules"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// The acceptance tests run the whole engine on the demo corpus (always)
// and on the reference articles in ../shared/seeds (when present), with
// the demo rules, and check what the product issues say an editor must see.

func demoRules(t *testing.T) *rules.Set {
	t.Helper()
	known := map[string][]string{}
	for _, c := range check.All() {
		for _, o := range c.Options {
			known[c.Slug] = append(known[c.Slug], o.Name)
		}
		if _, ok := known[c.Slug]; !ok {
			known[c.Slug] = nil
		}
	}
	rs, err := rules.LoadBytes("seeds/rules.yaml", seeds.Rules(), rules.LoadOptions{Checks: known})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

type corpus struct {
	name string
	load func(t *testing.T) *audit.Corpus
	// file maps the article number ("000") to its path's base name prefix.
}

func corpora(t *testing.T) []corpus {
	cs := []corpus{{"demo", func(t *testing.T) *audit.Corpus {
		c, err := audit.LoadFS(context.Background(), seeds.FS(), "seeds", audit.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}}}
	ref := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(ref); err == nil {
		cs = append(cs, corpus{"reference", func(t *testing.T) *audit.Corpus {
			c, err := audit.Load(context.Background(), []string{ref}, audit.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}})
	}
	return cs
}

func run(t *testing.T, c *audit.Corpus) *result.Result {
	t.Helper()
	r, err := audit.Run(context.Background(), c, audit.Config{Rules: demoRules(t), Now: time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// view makes the result easy to query by article number (000…004).
type view struct {
	t  *testing.T
	r  *result.Result
	ix *result.Index
}

func (v view) article(id string) string {
	base := filepath.Base(v.ix.Source(id).Path)
	return base[:3]
}

func (v view) quotes(article, textPrefix string) []result.Quote {
	var out []result.Quote
	for _, q := range v.r.Quotes {
		if v.article(q.Source) == article && strings.HasPrefix(q.Text, textPrefix) {
			out = append(out, q)
		}
	}
	return out
}

func (v view) quote(article, textPrefix string) result.Quote {
	v.t.Helper()
	qs := v.quotes(article, textPrefix)
	if len(qs) == 0 {
		v.t.Fatalf("%s: no quote beginning %q", article, textPrefix)
	}
	return qs[0]
}

func (v view) findings(slug, article string) []result.Finding {
	var out []result.Finding
	for _, f := range v.r.Findings {
		if f.Check == slug && (article == "" || (f.Source != "" && v.article(f.Source) == article)) {
			out = append(out, f)
		}
	}
	return out
}

func (v view) expectFinding(slug, article, contains string) {
	v.t.Helper()
	for _, f := range v.findings(slug, article) {
		if strings.Contains(f.Message+" "+f.Evidence+" "+f.Suggestion, contains) {
			return
		}
	}
	v.t.Errorf("no %s finding in %s mentioning %q; got %d %s findings there", slug, article, contains, len(v.findings(slug, article)), slug)
}

func (v view) person(id string) *result.Person { return v.ix.Person(id) }

func TestAcceptance(t *testing.T) {
	for _, c := range corpora(t) {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.load(t))
			v := view{t: t, r: r, ix: result.NewIndex(r)}
			if len(r.Sources) != 5 {
				t.Fatalf("%d sources", len(r.Sources))
			}

			t.Run("kabulov", func(t *testing.T) {
				v.t = t
				a, b := v.quote("000", "Supporting the de facto"), v.quote("001", "Supporting the de facto")
				for _, q := range []result.Quote{a, b} {
					if q.Speaker.Name != "Zamir Kabulov" {
						t.Errorf("%s: speaker %q, want Zamir Kabulov", q.ID, q.Speaker.Name)
					}
				}
				if a.Match == "" || a.Match != b.Match {
					t.Fatalf("not grouped: %q %q", a.Match, b.Match)
				}
				m := v.ix.Match(a.Match)
				if m.Kind != result.MatchExact || !m.SpeakersAgree {
					t.Errorf("group %s kind %s agree %v", m.ID, m.Kind, m.SpeakersAgree)
				}
				v.expectFinding("shared-quote", "", "2 sources")
			})

			t.Run("ally", func(t *testing.T) {
				v.t = t
				// An attributed one-word quote is speech, not a fragment
				// (the dev-eval rule), yet the matcher groups quotes of
				// two words or fewer as a fragment group.
				a, b := v.quote("000", "ally"), v.quote("003", "ally")
				if a.Match == "" || a.Match != b.Match || a.Speaker.Person == "" || a.Speaker.Person != b.Speaker.Person {
					t.Fatalf("‘ally’ not one group from one person: match %q/%q person %q/%q", a.Match, b.Match, a.Speaker.Person, b.Speaker.Person)
				}
				if m := v.ix.Match(a.Match); m == nil || m.Kind != result.MatchFragment {
					t.Errorf("‘ally’ group %s is not a fragment group: %+v", a.Match, m)
				}
				if p := v.person(a.Speaker.Person); p == nil || !strings.Contains(p.Name, "Putin") {
					t.Errorf("‘ally’ speaker resolves to %+v, want Putin", p)
				}
			})

			t.Run("names", func(t *testing.T) {
				v.t = t
				v.expectFinding("name-variant", "000", "Richard Bennett")
				v.expectFinding("name-variant", "000", "Vladamir")
				bernett := v.quote("000", "[we are] Disappointed")
				if p := v.person(bernett.Speaker.Person); p == nil || p.Name != "Richard Bennett" {
					t.Errorf("Bernett's quote resolves to %+v", p)
				}
				muttaqi := v.quote("003", "new phase of positive relations")
				if p := v.person(muttaqi.Speaker.Person); p == nil || p.Name != "Amir Khan Muttaqi" {
					t.Errorf("“Muttaqi characterized …” resolves to %+v", p)
				}
				ivanova := v.quote("000", "Crazy, but not surprising")
				maria := v.quote("000", "We wanted to make a stand")
				if ivanova.Speaker.Person == "" || ivanova.Speaker.Person == maria.Speaker.Person {
					t.Errorf("Maria Ivanova (%q) and Maria (%q) merged", ivanova.Speaker.Person, maria.Speaker.Person)
				}
				if maria.Speaker.Name != "Maria" || len(maria.Speaker.Candidates) < 2 {
					t.Errorf("“Maria said” speaker %q candidates %v", maria.Speaker.Name, maria.Speaker.Candidates)
				}
				v.expectFinding("ambiguous-speaker", "000", "Maria")
				for _, p := range r.People {
					if strings.Contains(p.Name, "Bennett") && p.Name != "Richard Bennett" {
						for _, s := range p.Similar {
							if v.person(s.Person).Name == "Richard Bennett" {
								return
							}
						}
						t.Errorf("Dr Bennett (%s) not kept apart with a possible-merge note", p.ID)
					}
				}
			})

			t.Run("speakers", func(t *testing.T) {
				v.t = t
				for _, tc := range []struct{ article, prefix, name, kind, via string }{
					{"000", "[we are] Disappointed", "Richard Bernett", result.KindPerson, ""},
					{"000", "he hoped it would serve", "Amir Khan Muttaqi", result.KindPerson, "BBC"},
					{"000", "Sometimes in life", "Richard Tice", result.KindPerson, "LBC"},
					{"000", "We are prepared to work", "", result.KindAnonymous, "The Telegraph"},
					{"000", "We cannot simply close", "Stephen Cottrell", result.KindPerson, ""},
					{"000", "I believe this poses", "Maria", result.KindPerson, ""},
					{"000", "The potential decision", "Wajiha", result.KindPerson, ""},
					{"000", "We urge the international", "Bakhtawar", result.KindPerson, ""},
					{"000", "The United Nations only does", "Darya", result.KindPerson, ""},
					{"000", "No, I get no support", "Arezo", result.KindPerson, ""},
					{"000", "My art reflects", "Fatima Wojohat", result.KindPerson, ""},
					{"001", "positive precedent", "Amir Khan Muttaqi", result.KindPerson, ""},
					{"001", "Not unexpected", "Ismail Miakhil", result.KindPerson, ""},
					{"001", "Every handshake", "", result.KindAnonymous, ""},
					{"001", "The Taliban have made zero progress", "", result.KindAnonymous, ""},
				} {
					q := v.quote(tc.article, tc.prefix)
					if q.Speaker.Name != tc.name || q.Speaker.Kind != tc.kind || q.Via != tc.via {
						t.Errorf("%s %q: speaker %q (%s) via %q; want %q (%s) via %q", tc.article, tc.prefix, q.Speaker.Name, q.Speaker.Kind, q.Via, tc.name, tc.kind, tc.via)
					}
				}
				// The White House statement speaks for an organisation.
				if q := v.quote("002", "The world should take notice"); q.Speaker.Kind != result.KindOrganization {
					t.Errorf("White House statement: kind %s", q.Speaker.Kind)
				}
				// A continuation carries its quotation's speaker.
				if q := v.quote("000", "It is the Christian way"); q.Continues == "" || q.Speaker.Name != "Stephen Cottrell" {
					t.Errorf("Cottrell's second paragraph: continues %q speaker %q", q.Continues, q.Speaker.Name)
				}
			})

			t.Run("marks", func(t *testing.T) {
				v.t = t
				if q := v.quote("000", "legitimises a regime"); !q.Mismatched {
					t.Error("‘”legitimises…” not flagged mismatched")
				}
				if q := v.quote("000", "The role of the British government is to protect British"); !q.Mismatched {
					t.Error("“…our own people’ not flagged mismatched")
				}
				v.expectFinding("unbalanced-quote", "000", "")
				if q := v.quote("000", "[we are] Disappointed"); len(q.Insertions) == 0 || q.Insertions[0] != "[we are]" {
					t.Errorf("insertions %v", q.Insertions)
				}
				// Straight apostrophes in 002 and 003 are not quote marks.
				for _, q := range r.Quotes {
					if a := v.article(q.Source); (a == "002" || a == "003") && strings.HasPrefix(q.Text, "s ") {
						t.Errorf("apostrophe taken for a quote mark in %s: %q", a, q.Text)
					}
				}
			})

			t.Run("sourcing", func(t *testing.T) {
				v.t = t
				v.expectFinding("fact-conflict", "000", "149")
				v.expectFinding("fact-conflict", "001", "145")
				// The minority value is reported, naming the others.
				v.expectFinding("fact-conflict", "004", "July 3")
				v.expectFinding("duplicate-passage", "003", "repeat")
				v.expectFinding("missing-byline", "000", "")
				if len(v.findings("missing-byline", "002")) != 0 {
					t.Error("002 has a byline, yet missing-byline fired")
				}
				v.expectFinding("date-conflict", "004", "")
				v.expectFinding("anonymous-source", "000", "Taliban spokesperson")
				v.expectFinding("anonymous-source", "001", "activist in Herat")
				v.expectFinding("anonymous-source", "001", "State Department official")
				v.expectFinding("second-hand-quote", "000", "BBC")
				v.expectFinding("second-hand-quote", "000", "The Telegraph")
				v.expectFinding("second-hand-quote", "000", "LBC")
				v.expectFinding("spelling-variant", "000", "Aghan")
			})

			t.Run("offsets", func(t *testing.T) {
				for _, q := range r.Quotes {
					if q.Start < 0 || q.End < q.Start || q.Line < 1 || q.Column < 1 {
						t.Errorf("%s: bad position %d-%d %d:%d", q.ID, q.Start, q.End, q.Line, q.Column)
					}
				}
				for _, f := range r.Findings {
					if f.Source != "" && f.Line < 1 && f.Check != "unused-ignore" {
						t.Errorf("%s %s has no line", f.ID, f.Check)
					}
				}
			})
		})
	}
}

// TestSpanTextMatchesSource checks, on the demo corpus, that every quote's
// text is the source text between its offsets.
func TestSpanTextMatchesSource(t *testing.T) {
	c, err := audit.LoadFS(context.Background(), seeds.FS(), "seeds", audit.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, d := range c.Docs {
		texts[d.Meta.ID] = d.Text
	}
	r := run(t, c)
	for _, q := range r.Quotes {
		if got := texts[q.Source][q.Start:q.End]; got != q.Text {
			t.Errorf("%s: text %q, source has %q", q.ID, q.Text, got)
		}
	}
}
