package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// nameFixture builds a small audit (documents, quotes, rules), resolves
// its people with the names package and runs one check over it.
type nameFixture struct {
	t      *testing.T
	docs   []*source.Document
	quotes []result.Quote
	rs     *rules.Set
}

func newNameFixture(t *testing.T, ruleYAML string) *nameFixture {
	t.Helper()
	if strings.TrimSpace(ruleYAML) == "" {
		ruleYAML = "{}\n"
	}
	rs, err := rules.LoadBytes("test.yaml", []byte(ruleYAML), rules.LoadOptions{})
	if err != nil {
		t.Fatalf("load rules: %v", err)
	}
	return &nameFixture{t: t, rs: rs}
}

func (fx *nameFixture) doc(id, text string) *source.Document {
	d := &source.Document{Meta: result.Source{ID: id, Path: strings.ToLower(id) + ".txt"}, Text: text}
	fx.docs = append(fx.docs, d)
	return d
}

// quote adds a quote over the first occurrence of text in d, attributed
// to a person by mention.
func (fx *nameFixture) quote(d *source.Document, text, mention string) {
	fx.t.Helper()
	i := strings.Index(d.Text, text)
	if i < 0 {
		fx.t.Fatalf("%q not in %s", text, d.Meta.ID)
	}
	line, col := d.Position(i)
	fx.quotes = append(fx.quotes, result.Quote{
		ID: fmt.Sprintf("Q%d", len(fx.quotes)+1), Source: d.Meta.ID, Start: i, End: i + len(text),
		Line: line, Column: col, Text: text,
		Speaker: result.Speaker{Mention: mention, Kind: result.KindPerson},
	})
}

// run resolves the people and runs c; it returns the result and the
// findings summarised one per line: "severity S1:line:col evidence =>
// suggestion".
func (fx *nameFixture) run(c *Check) (*result.Result, []string) {
	fx.t.Helper()
	r := &result.Result{Quotes: fx.quotes}
	docs := map[string]*source.Document{}
	for _, d := range fx.docs {
		r.Sources = append(r.Sources, d.Meta)
		docs[d.Meta.ID] = d
	}
	r.People = names.Resolve(fx.docs, r.Quotes, fx.rs, lexicon.New(fx.rs))
	sev := c.Severity
	if s := fx.rs.CheckSeverity(c.Slug); s != "" {
		sev = result.Severity(s)
	}
	var out []string
	pass := NewPass(c, r, result.NewIndex(r), docs, fx.rs, sev, func(f result.Finding) {
		if f.Check != c.Slug || f.Path == "" {
			fx.t.Errorf("finding without check or path: %+v", f)
		}
		s := fmt.Sprintf("%s %s:%d:%d %s", f.Severity, f.Source, f.Line, f.Column, f.Evidence)
		if f.Suggestion != "" {
			s += " => " + f.Suggestion
		}
		for _, rel := range f.Related {
			s += fmt.Sprintf(" [%s:%d:%d]", rel.Source, rel.Line, rel.Column)
		}
		out = append(out, s)
	})
	c.Run(pass)
	return r, out
}

func expectFindings(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNameVariantWithinSourceIsError(t *testing.T) {
	fx := newNameFixture(t, "")
	fx.doc("S1", "Foreign Minister Amir Khan Muttaqi said the talks went well.\n"+
		"Later, Foreign Minister Amir Khan Mutaqi said nothing more.\n"+
		"Amir Khan Muttaqi left on Friday.\n")
	_, got := fx.run(nameVariant())
	expectFindings(t, got, []string{"error S1:2:25 Amir Khan Mutaqi => Amir Khan Muttaqi [S1:1:18]"})
}

func TestNameVariantAgainstRosterIsWarning(t *testing.T) {
	fx := newNameFixture(t, `people:
  - name: Richard Bennett
    roles: [UN Special Rapporteur on Afghanistan]
`)
	fx.doc("S1", "Richard Bernett, UN Special Rapporteur for Afghanistan, responded in writing.\n"+
		"International scholars of world history Dr Bennett, suggest this is about terror.\n")
	r, got := fx.run(nameVariant())
	expectFindings(t, got, []string{"warning S1:1:1 Richard Bernett => Richard Bennett"})
	if len(r.People) != 2 || r.People[1].Name != "Dr Bennett" || len(r.People[1].Similar) != 1 {
		t.Errorf("people = %+v", r.People)
	}
}

func TestNameVariantAcrossSourcesIsInfo(t *testing.T) {
	fx := newNameFixture(t, "")
	fx.doc("S1", "Last year Russian Preseident Vladamir Putin named the Taliban an ally.\n")
	fx.doc("S2", "President Vladimir Putin has called the Taliban an ally.\nVladimir Putin said so twice.\n")
	_, got := fx.run(nameVariant())
	expectFindings(t, got, []string{"info S1:1:30 Vladamir Putin => Vladimir Putin [S2:1:11]"})
}

func TestNameVariantSeverityFromRules(t *testing.T) {
	fx := newNameFixture(t, "checks:\n  name-variant:\n    severity: info\n")
	fx.doc("S1", "Foreign Minister Amir Khan Muttaqi said the talks went well.\n"+
		"Later, Foreign Minister Amir Khan Mutaqi said nothing more. Amir Khan Muttaqi left.\n")
	_, got := fx.run(nameVariant())
	expectFindings(t, got, []string{"info S1:2:25 Amir Khan Mutaqi => Amir Khan Muttaqi [S1:1:18]"})
}

func TestNameVariantSilentOnShortFormsAndOneSpelling(t *testing.T) {
	fx := newNameFixture(t, `people:
  - name: Amir Khan Muttaqi
`)
	fx.doc("S1", "Amir Khan Muttaqi, the Taliban minister of foreign affairs, spoke.\nMuttaqi said more. Dr Muttaqi left.\n")
	fx.doc("S2", "Afghan Foreign Minister Amir Khan Muttaqi stated his hope. Muttaqi then left.\n")
	r, got := fx.run(nameVariant())
	expectFindings(t, got, nil)
	if len(r.People) != 1 || !r.People[0].Roster {
		t.Errorf("people = %+v", r.People)
	}
}
