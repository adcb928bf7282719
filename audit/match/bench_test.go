package match

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// synthQuotes generates n quotes deterministically: Zipf-distributed words
// from a 6,000-word vocabulary, 6–40 words long, of which about 10% copy
// an earlier quote, 8% change a word of one, 4% quote part of one, 8% are
// one-word fragments from a small set of speakers, spread over sources of
// 25 quotes each.
func synthQuotes(n int, seed int64) []result.Quote {
	r := rand.New(rand.NewSource(seed))
	vocab := make([]string, 6000)
	for i := range vocab {
		vocab[i] = synthWord(r)
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	sentence := func(k int) []string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return ws
	}
	var texts [][]string
	qs := make([]result.Quote, 0, n)
	for i := range n {
		var ws []string
		fragment := false
		p := r.Float64()
		switch {
		case p < 0.10 && len(texts) > 0:
			ws = texts[r.Intn(len(texts))]
		case p < 0.18 && len(texts) > 0:
			ws = append([]string(nil), texts[r.Intn(len(texts))]...)
			ws[r.Intn(len(ws))] = vocab[zipf.Uint64()]
		case p < 0.22 && len(texts) > 0:
			src := texts[r.Intn(len(texts))]
			if len(src) > 8 {
				start := r.Intn(len(src) - 6)
				ws = src[start : start+6+r.Intn(len(src)-start-6+1)]
			} else {
				ws = src
			}
		case p < 0.30:
			ws = []string{vocab[r.Intn(50)]}
			fragment = true
		default:
			ws = sentence(6 + r.Intn(35))
		}
		if !fragment {
			texts = append(texts, ws)
		}
		sp := result.Speaker{Kind: result.KindPerson, Person: fmt.Sprintf("P%d", r.Intn(200))}
		sp.Name = "Person " + sp.Person
		qs = append(qs, result.Quote{
			ID: fmt.Sprintf("Q%d", i+1), Source: fmt.Sprintf("S%d", i/25+1),
			Text: strings.Join(ws, " ") + ".", Fragment: fragment, Speaker: sp,
		})
	}
	return qs
}

func synthWord(r *rand.Rand) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, 2+r.Intn(9))
	for i := range b {
		b[i] = letters[r.Intn(len(letters))]
	}
	return string(b)
}

func synthSources(qs []result.Quote) []result.Source {
	seen := map[string]bool{}
	var out []result.Source
	for _, q := range qs {
		if !seen[q.Source] {
			seen[q.Source] = true
			day := len(out)%28 + 1
			out = append(out, result.Source{ID: q.Source, Dates: []result.Date{{ISO: fmt.Sprintf("2025-07-%02d", day)}}})
		}
	}
	return out
}

func benchmarkGroup(b *testing.B, n int) {
	qs := synthQuotes(n, 1)
	srcs := synthSources(qs)
	b.ReportAllocs()
	b.ResetTimer()
	groups := 0
	for b.Loop() {
		groups = len(Group(qs, srcs, Options{}))
	}
	b.ReportMetric(float64(groups), "groups")
}

func BenchmarkGroup10k(b *testing.B)  { benchmarkGroup(b, 10_000) }
func BenchmarkGroup100k(b *testing.B) { benchmarkGroup(b, 100_000) }

func BenchmarkDiff(b *testing.B) {
	a := kabulov
	c := strings.Replace(kabulov, "preventing", "prevent", 1)
	for b.Loop() {
		Diff(a, c)
	}
}
