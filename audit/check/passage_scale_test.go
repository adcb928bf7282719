package check

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
	"github.com/quoteaudit/quoteaudit/rules"
)

// pairwiseRuns is the straightforward form of proseIndex.add, kept to
// check it: every source is compared with every earlier source in the
// chain of each fingerprint (up to maxCopyCandidates), word by word.
func pairwiseRuns(prose [][]uint32, minWords int) []copyRun {
	k := min(minWords, 8)
	w := minWords - k + 1
	type loc struct{ src, pos, next int }
	type chain struct{ first, last int }
	chains := map[uint64]*chain{}
	var locs []loc
	var runs []copyRun
	around := func(A []uint32, i int, B []uint32, j, from int) (start, n int) {
		back := 0
		for j-back-1 >= from && i-back-1 >= 0 && B[j-back-1] != 0 && B[j-back-1] == A[i-back-1] {
			back++
		}
		fwd := 0
		for i+fwd < len(A) && j+fwd < len(B) && B[j+fwd] != 0 && B[j+fwd] == A[i+fwd] {
			fwd++
		}
		return j - back, back + fwd
	}
	for b, B := range prose {
		sh := shingles(nil, B, k)
		fps := winnow(nil, sh, w)
		covered := 0
		for _, p32 := range fps {
			p := int(p32)
			c := chains[sh[p]]
			if p < covered || c == nil {
				continue
			}
			var best loc
			bestS, bestN, sharing, seen, capped := 0, 0, 0, 0, false
			for l := c.first; l > 0; l = locs[l-1].next {
				if seen == maxCopyCandidates {
					capped = true
					break
				}
				seen++
				at := locs[l-1]
				s, n := around(prose[at.src], at.pos, B, p, covered)
				if n >= minWords {
					sharing++
					if n > bestN {
						best, bestS, bestN = at, s, n
					}
				}
			}
			if bestN == 0 {
				continue
			}
			covered = bestS + bestN
			runs = append(runs, copyRun{
				a: int32(best.src), aWord: int32(best.pos - (p - bestS)), b: int32(b),
				start: int32(bestS), end: int32(bestS + bestN), n: int32(bestN),
				others: int32(sharing - 1), capped: capped,
			})
		}
		for _, p := range fps {
			c := chains[sh[p]]
			if c == nil {
				locs = append(locs, loc{src: b, pos: int(p)})
				chains[sh[p]] = &chain{len(locs), len(locs)}
				continue
			}
			if locs[c.last-1].src == b {
				continue
			}
			locs = append(locs, loc{src: b, pos: int(p)})
			locs[c.last-1].next = len(locs)
			c.last = len(locs)
		}
	}
	return runs
}

// indexedRuns runs proseIndex.add over prose, as read by readProse.
func indexedRuns(prose [][]uint32, minWords int) []copyRun {
	return addAll(readProse(prose, minWords), minWords)
}

// readProse is what the check's workers read of each source of prose:
// each word's span is its index (start) and the index after it (end).
func readProse(prose [][]uint32, minWords int) []*copySource {
	k := min(minWords, 8)
	w := minWords - k + 1
	var css []*copySource
	for _, words := range prose {
		cs := &copySource{words: words}
		for i := range words {
			cs.starts = append(cs.starts, int32(i))
			cs.ends = append(cs.ends, int32(i+1))
		}
		cs.sh = shingles(nil, words, k)
		cs.fps = winnow(nil, cs.sh, w)
		css = append(css, cs)
	}
	return css
}

// addAll adds the sources read to a new index, in order, and returns
// their runs.
func addAll(css []*copySource, minWords int) []copyRun {
	x := &proseIndex{words: []uint32{0}, from: []int32{1}, markFrom: []int32{0}}
	var runs []copyRun
	for b, cs := range css {
		runs = x.add(b, cs, minWords, runs)
	}
	return runs
}

// sharingSources makes n sources that share one passage of 60 words, each
// with a different edge, now and then a changed or missing word or a
// quotation inside, and now and then a longer stretch copied from an
// earlier source: the runs through the passage differ from pair to pair.
func sharingSources(n int, seed uint64) [][]uint32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	word := func() uint32 { return uint32(rng.IntN(50)+1)<<1 | 1 } // a small vocabulary: chance matches
	passage := make([]uint32, 60)
	for i := range passage {
		passage[i] = uint32(1000+i)<<1 | 1
	}
	var prose [][]uint32
	for s := range n {
		var ws []uint32
		for range rng.IntN(12) {
			ws = append(ws, word())
		}
		if s > 0 && rng.IntN(4) == 0 {
			// A longer stretch of an earlier source.
			e := prose[rng.IntN(s)]
			from := rng.IntN(len(e) / 2)
			ws = append(ws, e[from:from+len(e)/2+rng.IntN(len(e)/2-from+1)]...)
		}
		p := passage[rng.IntN(6) : len(passage)-rng.IntN(6)]
		p = append([]uint32(nil), p...)
		switch rng.IntN(5) {
		case 0:
			p[rng.IntN(len(p))] = word()
		case 1:
			p[rng.IntN(len(p))] = 0 // a quotation
		case 2:
			i := rng.IntN(len(p))
			p = append(p[:i], p[i+1:]...)
		}
		ws = append(ws, p...)
		for range rng.IntN(12) {
			ws = append(ws, word())
		}
		prose = append(prose, ws)
	}
	return prose
}

// The chain of a shared passage gives the same runs, sharing counts and
// earliest sources as comparing every pair word by word.
func TestCopiedPassageRunsMatchPairwise(t *testing.T) {
	for _, n := range []int{2, 10, maxCopyCandidates + 30, 400} {
		for seed := range uint64(5) {
			prose := sharingSources(n, seed)
			for _, minWords := range []int{8, 25} {
				want, got := pairwiseRuns(prose, minWords), indexedRuns(prose, minWords)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%d sources, seed %d, min_words %d:\ngot  %v\nwant %v", n, seed, minWords, got, want)
				}
				if n > maxCopyCandidates && len(want) < n/2 {
					t.Fatalf("%d sources: only %d runs, the test shares too little", n, len(want))
				}
			}
		}
	}
}

// BenchmarkCopiedPassageGroup adds sources sharing one passage, 50 then
// 1,000. Instructions per source (cachegrind) went from 24k and 99k,
// when each source was compared word by word with each earlier one (up
// to 100), to 10k and 22k: what still grows with the group is the walk
// over the first 100 occurrences of a chain, a few instructions each.
func BenchmarkCopiedPassageGroup(b *testing.B) {
	for _, n := range []int{50, 1000} {
		css := readProse(sharingSources(n, 1), 25)
		b.Run(fmt.Sprintf("sources=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				addAll(css, 25)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/source")
		})
	}
}

// BenchmarkCopiedPassageSisters runs the check on 2,000 sister articles
// (internal/corpusgen) of 500 seeds, then of 50: each seed passage is
// re-quoted by about 4 sources, as in the 10,000-article corpus of 2,225
// seeds, then by about 40, as at 100,000. B/op is mostly the index the
// check holds while it runs (it is sized up front).
func BenchmarkCopiedPassageSisters(b *testing.B) {
	base, _, err := corpusgen.DefaultBase(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	const n = 2000
	for _, seeds := range []int{500, 50} {
		dir := b.TempDir()
		if err := corpusgen.Generate(dir, n, 1, base[:min(len(base), seeds)]); err != nil {
			b.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		sort.Strings(files)
		fx := &attrFixture{res: &result.Result{}, docs: map[string]*source.Document{}}
		if fx.rules, err = rules.LoadBytes("bench.yaml", []byte("{}\n"), rules.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
		for i, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			fx.addDoc(fmt.Sprintf("S%06d", i+1), f, string(text))
		}
		c := copiedPassage()
		ix := result.NewIndex(fx.res)
		b.Run(fmt.Sprintf("sisters=%d", n/seeds), func(b *testing.B) {
			b.ReportAllocs()
			findings := 0
			for b.Loop() {
				findings = 0
				c.Run(NewPass(c, fx.res, ix, fx.docs, fx.rules, c.Severity, func(result.Finding) { findings++ }))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64(findings), "findings")
		})
	}
}
