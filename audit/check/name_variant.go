package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// nameVariant reports a person whose name is spelt in more than one way.
func nameVariant() *Check {
	return &Check{
		Slug:  "name-variant",
		Title: "a person's name spelt in more than one way",
		Doc: "One person (as resolved across the sources) is spelt differently. Within one " +
			"source that is an error to fix (“Amir Khan Muttaqi” then “Mutaqi”); against " +
			"the editors' roster (rules people: name and aliases) it is a warning with the " +
			"roster's spelling as the suggestion (“Richard Bernett” → “Richard Bennett”); " +
			"across sources it is information only, since house spellings differ between " +
			"outlets (“Vladamir Putin” in one, “Vladimir Putin” in another). A surname or " +
			"title-and-surname reference (“Muttaqi”, “Dr Spanta”) is a short form, not a " +
			"variant. The finding stands at the variant; Related points at the other " +
			"spelling. When the rules set this check's severity, every finding takes it.",
		Severity: result.Warning,
		Options: []Option{{Name: "name_distance", Default: names.DefaultDistance,
			Doc: "largest edit distance between two spellings treated as one person (read by the resolver)"}},
		Run: runNameVariant,
	}
}

func runNameVariant(pass *Pass) {
	fixed := pass.Rules.CheckSeverity(pass.Check.Slug) != ""
	sev := func(s result.Severity) result.Severity {
		if fixed {
			return pass.Severity
		}
		return s
	}
	for i := range pass.Result.People {
		p := &pass.Result.People[i]
		ref := nameVariantRef(p)
		aliases := nameVariantAliases(pass, p)
		for _, v := range p.Variants {
			if !nameVariantDiffers(v.Text, ref.Text) || len(v.Places) == 0 {
				continue
			}
			if p.Roster && nameVariantAllowed(v.Text, aliases) {
				continue
			}
			for _, src := range v.Sources {
				at, ok := nameVariantPlace(v, src)
				if !ok {
					continue
				}
				f := result.Finding{Source: src, Line: at.Line, Column: at.Column, Evidence: v.Text, Suggestion: ref.Text}
				if other, ok := nameVariantPlace(ref, src); ok {
					f.Severity = sev(result.Error)
					f.Message = fmt.Sprintf("%q is spelt %q elsewhere in this source", v.Text, ref.Text)
					f.Related = []result.Related{{Source: src, Line: other.Line, Column: other.Column, Message: fmt.Sprintf("spelt %q here", ref.Text)}}
				} else if p.Roster {
					f.Severity = sev(result.Warning)
					f.Message = fmt.Sprintf("%q differs from the roster's spelling %q", v.Text, p.Name)
					f.Suggestion = p.Name
					if len(ref.Places) > 0 && ref.Text != v.Text {
						f.Related = nameVariantRelated(ref)
					}
				} else {
					f.Severity = sev(result.Info)
					f.Message = fmt.Sprintf("%q is spelt %q in %s (house spellings may differ)", v.Text, ref.Text, nameVariantSources(ref.Sources))
					f.Related = nameVariantRelated(ref)
				}
				pass.Report(f)
			}
		}
	}
}

// nameVariantRef is the reference spelling of a person: the variant that
// is its canonical name, else the most frequent one (variants are kept in
// the resolver's order, so the first of equal counts wins). For a roster
// person whose spelling is nowhere in the text, it is the roster name with
// no places.
func nameVariantRef(p *result.Person) result.Variant {
	for _, v := range p.Variants {
		if v.Text == p.Name {
			return v
		}
	}
	if p.Roster {
		return result.Variant{Text: p.Name}
	}
	best := result.Variant{Text: p.Name}
	for _, v := range p.Variants {
		if v.Count > best.Count && !names.ShortForm(v.Text, p.Name) {
			best = v
		}
	}
	return best
}

// nameVariantDiffers reports whether a is a spelling of the person other
// than ref: not the same text and not a short form of it either way.
func nameVariantDiffers(a, ref string) bool {
	return a != ref && !names.ShortForm(a, ref) && !names.ShortForm(ref, a)
}

// nameVariantAliases returns the roster name and aliases of p.
func nameVariantAliases(pass *Pass, p *result.Person) []string {
	if pass.Rules == nil {
		return nil
	}
	for _, rp := range pass.Rules.People {
		if rp.Name == p.Name {
			return append([]string{rp.Name}, rp.Aliases...)
		}
	}
	return nil
}

func nameVariantAllowed(text string, aliases []string) bool {
	for _, a := range aliases {
		if names.Fold(a) == names.Fold(text) || names.Fingerprint(a) == names.Fingerprint(text) || names.ShortForm(text, a) {
			return true
		}
	}
	return false
}

// nameVariantPlace returns v's first place in source src.
func nameVariantPlace(v result.Variant, src string) (result.Place, bool) {
	for _, pl := range v.Places {
		if pl.Source == src {
			return pl, true
		}
	}
	return result.Place{}, false
}

func nameVariantRelated(v result.Variant) []result.Related {
	if len(v.Places) == 0 {
		return nil
	}
	pl := v.Places[0]
	return []result.Related{{Source: pl.Source, Line: pl.Line, Column: pl.Column, Message: fmt.Sprintf("spelt %q here", v.Text)}}
}

func nameVariantSources(ids []string) string {
	switch len(ids) {
	case 0:
		return "the roster"
	case 1:
		return ids[0]
	}
	return fmt.Sprintf("%s and %d other sources", ids[0], len(ids)-1)
}
