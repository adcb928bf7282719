package match

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// corpusQuotes extracts double-quoted spans crudely from the BBC corpus
// (research data outside the repository), one source per article.
func corpusQuotes(tb testing.TB) ([]result.Quote, []result.Source, map[string][]string) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		tb.Skip("BBC corpus not available")
	}
	sort.Strings(files)
	re := regexp.MustCompile(`"([^"\n]{1,1000})"`)
	var qs []result.Quote
	var srcs []result.Source
	byHash := map[string][]string{}
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		id := fmt.Sprintf("S%d", i+1)
		srcs = append(srcs, result.Source{ID: id, Path: f})
		h := fmt.Sprintf("%x", sha256.Sum256(data))
		byHash[h] = append(byHash[h], id)
		for j, m := range re.FindAllStringSubmatch(string(data), -1) {
			qs = append(qs, result.Quote{ID: fmt.Sprintf("%sQ%d", id, j+1), Source: id, Text: m[1]})
		}
	}
	return qs, srcs, byHash
}

// Articles the corpus prints twice must give exact groups: every
// quotation of one copy stands in an exact group with its twin.
func TestGroupCorpusDuplicates(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	qs, srcs, byHash := corpusQuotes(t)
	groups := Group(qs, srcs, Options{})
	inGroup := map[string]*result.Match{}
	for i := range groups {
		for _, id := range groups[i].Quotes {
			inGroup[id] = &groups[i]
		}
	}
	twins := 0
	for _, ids := range byHash {
		if len(ids) < 2 {
			continue
		}
		twins++
		for _, q := range qs {
			if q.Source != ids[0] || Normalize(q.Text) == "" || len(words(q.Text)) <= 2 {
				continue
			}
			twin := ids[1] + q.ID[len(ids[0]):]
			m := inGroup[q.ID]
			if m == nil || inGroup[twin] != m {
				t.Fatalf("%s and its twin %s are not grouped together", q.ID, twin)
			}
			if m.Kind == result.MatchExact || m.Kind == result.MatchNear || m.Kind == result.MatchContained {
				continue
			}
			t.Fatalf("%s is in a %s group", q.ID, m.Kind)
		}
	}
	if twins < 90 {
		t.Errorf("only %d duplicated articles found", twins)
	}
	kinds := map[string]int{}
	for _, m := range groups {
		kinds[m.Kind]++
	}
	t.Logf("%d quotes, %d groups: %v", len(qs), len(groups), kinds)
}

func BenchmarkGroupCorpus(b *testing.B) {
	qs, srcs, _ := corpusQuotes(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Group(qs, srcs, Options{})
	}
	b.ReportMetric(float64(len(qs)), "quotes")
}
