package audit

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// TestRunGathersSpellings: the spelling-variant findings of a run, made
// from the forms its names Scanners gathered, are those of the check
// reading the documents itself; the Scanners gather them only when the
// check runs.
func TestRunGathersSpellings(t *testing.T) {
	// The bundled rules alone.
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := LoadFS(ctx, seeds.FS(), "seeds", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Rules: rs, Now: time.Unix(0, 0), Workers: 2}
	r, err := Run(ctx, c, cfg)
	if err != nil {
		t.Fatal(err)
	}
	key := func(f result.Finding) string {
		return fmt.Sprintf("%s:%d:%d %s → %s %v", f.Path, f.Line, f.Column, f.Message, f.Suggestion, f.Related)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Check == spellingVariantSlug {
			got = append(got, key(f))
		}
	}
	if len(got) == 0 {
		t.Fatal("no spelling-variant finding on the demo corpus")
	}
	sv := check.Lookup(check.All(), spellingVariantSlug)
	byID := map[string]*source.Document{}
	for _, d := range c.Docs {
		byID[d.Meta.ID] = d
	}
	var want []string
	sv.Run(check.NewPass(sv, r, result.NewIndex(r), byID, rs, sv.Severity, func(f result.Finding) { want = append(want, key(f)) }))
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("from the gathered forms:\n%q\nreading the documents:\n%q", got, want)
	}

	cfg.Checks = check.All()
	if !gathersSpellings(cfg) {
		t.Error("spelling-variant runs, and the Scanners do not gather its forms")
	}
	cfg.Rules = &rules.Set{File: rules.File{Checks: map[string]rules.CheckConfig{spellingVariantSlug: {Severity: rules.Off}}}}
	if gathersSpellings(cfg) {
		t.Error("spelling-variant is off, and the Scanners gather its forms")
	}
	cfg.Rules, cfg.Checks = rs, []*check.Check{check.Lookup(check.All(), "unbalanced-quote")}
	if gathersSpellings(cfg) {
		t.Error("spelling-variant is not in the catalogue, and the Scanners gather its forms")
	}
}
