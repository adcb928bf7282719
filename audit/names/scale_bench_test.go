package names_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
	"github.com/quoteaudit/quoteaudit/rules"
)

// BenchmarkResolveFound measures the people stage alone (the names
// already scanned, as Run has them) on corpora of sister articles of the
// same 100 seeds, 10 and 40 articles per seed: each seed's people and
// lines are named 4× more often in the larger corpus, as in a large
// archive. ns/article and B/op per article must stay about flat from one size
// to the next (no work that grows with a person's mentions squared).
func BenchmarkResolveFound(b *testing.B) {
	base, _, err := corpusgen.DefaultBase("../..")
	if err != nil {
		b.Fatal(err)
	}
	base = base[:min(len(base), 100)]
	for _, perSeed := range []int{10, 40} {
		n := perSeed * len(base)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			benchResolveFound(b, base, n)
		})
	}
}

func benchResolveFound(b *testing.B, base []string, n int) {
	c, r, rs, err := sisterCorpus(b.TempDir(), base, n)
	if err != nil {
		b.Fatal(err)
	}
	lx := lexicon.New(rs)
	s := names.NewScanner(lx)
	quotes := make([]result.Quote, len(r.Quotes))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		found := make([]names.Found, len(c.Docs))
		for d, doc := range c.Docs {
			found[d] = s.Scan(doc)
		}
		copy(quotes, r.Quotes)
		b.StartTimer()
		resolveFound(c, found, s, quotes, rs, lx)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/article")
}

// sisterCorpus generates n sister articles of base into dir, reads them
// and runs the engine on them (no check) for their quotes.
func sisterCorpus(dir string, base []string, n int) (*audit.Corpus, *result.Result, *rules.Set, error) {
	if err := corpusgen.Generate(dir, n, 1, base); err != nil {
		return nil, nil, nil, err
	}
	ctx := context.Background()
	c, err := audit.Load(ctx, []string{dir}, audit.LoadOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := audit.Run(ctx, c, audit.Config{Rules: rs, Checks: []*check.Check{}})
	return c, r, rs, err
}

// resolveFound is the benchmark's call of ResolveFound, in a function of
// its own for valgrind --toggle-collect='*names_test.resolveFound*' (Run,
// which the setup calls, resolves too).
//
//go:noinline
func resolveFound(c *audit.Corpus, found []names.Found, s *names.Scanner, quotes []result.Quote, rs *rules.Set, lx *lexicon.Lexicon) {
	names.ResolveFound(c.Docs, found, []*names.Scanner{s}, quotes, rs, lx)
}
