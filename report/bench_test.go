package report_test

// Benchmarks of each writer on the result of auditing a generated corpus
// of sister articles (internal/corpusgen; 1,000 by default,
// QUOTEAUDIT_BENCH_N to change), and on the BBC corpus in ../shared when
// it is present:
//
//	go test -run '^$' -bench . -benchmem ./report

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/internal/benchutil"
	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
	"github.com/quoteaudit/quoteaudit/report"
	"github.com/quoteaudit/quoteaudit/rules"
)

func benchN(b *testing.B) int {
	n, err := corpusgen.SizeFromEnv(1000)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkWriters audits a generated corpus once, then measures each
// writer on the result.
func BenchmarkWriters(b *testing.B) {
	base, _, err := corpusgen.DefaultBase("..")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := corpusgen.Generate(dir, benchN(b), 1, base); err != nil {
		b.Fatal(err)
	}
	benchWriters(b, dir)
}

// BenchmarkWritersBBC measures each writer on the audit of the BBC corpus.
func BenchmarkWritersBBC(b *testing.B) {
	dir := filepath.Join("..", corpusgen.BBCDir)
	if _, err := os.Stat(dir); err != nil {
		b.Skip("BBC corpus not present:", err)
	}
	benchWriters(b, dir)
}

func benchWriters(b *testing.B, dir string) {
	ctx := context.Background()
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	c, err := audit.Load(ctx, []string{dir}, audit.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := audit.Run(ctx, c, audit.Config{Rules: rs, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d articles, %d quotes, %d matches, %d findings", len(r.Sources), len(r.Quotes), len(r.Matches), len(r.Findings))
	for _, f := range report.Formats() {
		b.Run(string(f), func(b *testing.B) {
			benchWrite(b, f, r)
		})
	}
}

// benchWrite writes r in format f through WriteAll into a temporary
// folder, as the command does, and reports the file's size.
func benchWrite(b *testing.B, f report.Format, r *result.Result) {
	out := b.TempDir()
	b.ReportAllocs()
	cpu0 := benchutil.CPUTime()
	for b.Loop() {
		if _, err := report.WriteAll(context.Background(), out, []report.Format{f}, r, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if st, err := os.Stat(filepath.Join(out, f.FileName())); err == nil {
		b.ReportMetric(float64(st.Size()), "bytes/file")
	}
	benchutil.PerArticle(b, cpu0, len(r.Sources))
}
