package match_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
	"github.com/quoteaudit/quoteaudit/rules"
)

// BenchmarkGroupSisters measures Group on the quotes of sister articles
// of the same 100 seeds, 10 and 40 articles per seed: each seed's lines
// are quoted 4× more often in the larger corpus, so its groups are 4×
// larger, as a famous line's are in a large archive. ns/article must
// stay about flat from one size to the next.
// BenchmarkGroupSisters measures Group on the quotes of sister articles
// of the same seeds, 10 and 40 articles per seed: each seed's lines are
// quoted 4× more often in the larger corpus, so its groups are 4× larger,
// as a famous line's are in a large archive. ns/article must stay about
// flat from one size to the next.
func BenchmarkGroupSisters(b *testing.B) {
	for _, perSeed := range []int{10, 40} {
		b.Run(fmt.Sprintf("articles=%d", perSeed*sisterSeeds), func(b *testing.B) {
			r, err := audited(b.TempDir(), perSeed*sisterSeeds)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				group(r.Quotes, r.Sources)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(perSeed*sisterSeeds), "ns/article")
		})
	}
}

// sisterSeeds is how many seeds BenchmarkGroupSisters's articles share.
const sisterSeeds = 100

// audited writes n sister articles of the first sisterSeeds seeds into
// dir and returns the engine's result on them (quotes, speakers
// resolved, no check).
func audited(dir string, n int) (*result.Result, error) {
	seeds, _, err := corpusgen.DefaultBase("../..")
	if err != nil {
		return nil, err
	}
	if err := corpusgen.Generate(dir, n, 1, seeds[:min(len(seeds), sisterSeeds)]); err != nil {
		return nil, err
	}
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		return nil, err
	}
	c, err := audit.Load(context.Background(), []string{dir}, audit.LoadOptions{})
	if err != nil {
		return nil, err
	}
	return audit.Run(context.Background(), c, audit.Config{Rules: rs, Checks: []*check.Check{}})
}

// group is the benchmark's call of Group, in a function of its own for
// valgrind --toggle-collect='*match_test.group*' (Run, which the setup
// calls, groups too).
//
//go:noinline
func group(quotes []result.Quote, sources []result.Source) []result.Match {
	return match.Group(quotes, sources, match.Options{})
}
