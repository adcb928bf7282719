package audit_test

// Stage benchmarks of the engine on a generated corpus of sister articles
// (internal/corpusgen; 1,000 by default, QUOTEAUDIT_BENCH_N to change) and
// on the BBC corpus in ../shared when it is present:
//
//	go test -run '^$' -bench . -benchmem ./audit
//	QUOTEAUDIT_BENCH_N=10000 go test -run '^$' -bench 'Stages/(match|names)' ./audit
//
// Each stage reports ns/article. read and run use the worker pool (all
// CPUs); extract, names, match and checks run on one goroutine, so their
// figures are CPU cost per article.

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/check"
	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/quote"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/internal/benchutil"
	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
	"github.com/quoteaudit/quoteaudit/rules"
)

func benchN(b *testing.B) int {
	n, err := corpusgen.SizeFromEnv(1000)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkStages generates a corpus of sister articles into a temporary
// folder and measures each stage on it.
func BenchmarkStages(b *testing.B) {
	base, from, err := corpusgen.DefaultBase("..")
	if err != nil {
		b.Fatal(err)
	}
	n := benchN(b)
	dir := b.TempDir()
	if err := corpusgen.Generate(dir, n, 1, base); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d sister articles of %d seeds from %s", n, len(base), from)
	benchStages(b, dir)
}

// BenchmarkBBC measures each stage on the BBC corpus itself.
func BenchmarkBBC(b *testing.B) {
	dir := filepath.Join("..", corpusgen.BBCDir)
	if _, err := os.Stat(dir); err != nil {
		b.Skip("BBC corpus not present:", err)
	}
	benchStages(b, dir)
}

func benchStages(b *testing.B, dir string) {
	ctx := context.Background()
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	lx := lexicon.New(rs)
	c, err := audit.Load(ctx, []string{dir}, audit.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	docs := c.Docs
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	cfg := audit.Config{Rules: rs, Checks: check.All()}
	r, err := audit.Run(ctx, c, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d articles, %d bytes, %d quotes, %d people, %d matches, %d findings",
		len(docs), size, len(r.Quotes), len(r.People), len(r.Matches), len(r.Findings))

	b.Run("read", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		for b.Loop() {
			if _, err := audit.Load(ctx, []string{dir}, audit.LoadOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		x := quote.NewExtractor(lx) // as each worker of Run has one
		for b.Loop() {
			for _, d := range docs {
				x.Extract(d)
			}
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
	// names is the whole of names' work: the scan of each source (which
	// Run does on the pool, beside extraction) and the resolving.
	b.Run("names", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		for b.Loop() {
			names.Resolve(docs, r.Quotes, rs, lx)
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
	b.Run("match", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		for b.Loop() {
			match.Group(r.Quotes, r.Sources, match.Options{})
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
	byID := make(map[string]*source.Document, len(docs))
	for _, d := range docs {
		byID[d.Meta.ID] = d
	}
	ix := result.NewIndex(r)
	runCheck := func(k *check.Check) {
		k.Run(check.NewPass(k, r, ix, byID, rs, k.Severity, func(result.Finding) {}))
	}
	b.Run("checks", func(b *testing.B) {
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		for b.Loop() {
			for _, k := range cfg.Checks {
				runCheck(k)
			}
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
	for _, k := range cfg.Checks {
		b.Run("check/"+k.Slug, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := benchutil.CPUTime()
			for b.Loop() {
				runCheck(k)
			}
			benchutil.PerArticle(b, cpu0, len(docs))
		})
	}
	// The whole engine after reading (extraction on the pool, then names,
	// matching and checks), as the command runs it.
	b.Run("run", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		cpu0 := benchutil.CPUTime()
		for b.Loop() {
			if _, err := audit.Run(ctx, c, cfg); err != nil {
				b.Fatal(err)
			}
		}
		benchutil.PerArticle(b, cpu0, len(docs))
	})
}
