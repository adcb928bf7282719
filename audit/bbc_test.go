package audit_test

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// TestBBCDuplicatesGroupExactly audits the whole BBC corpus (when present
// in ../shared) and checks that each article that repeats another
// article's text has every full quotation grouped with its twin's.
func TestBBCDuplicatesGroupExactly(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-corpus audit skipped in -short mode")
	}
	dir := filepath.Join("..", "..", "shared", "corpus", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("BBC corpus not present in ../shared/corpus/bbc-news")
	}
	// Twins by content hash.
	byHash := map[[32]byte][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		byHash[sha256.Sum256(b)] = append(byHash[sha256.Sum256(b)], f)
	}
	repeats := 0
	for _, fs := range byHash {
		repeats += len(fs) - 1
	}
	if repeats != 98 {
		t.Errorf("%d articles repeat another; the corpus README says 98", repeats)
	}

	c, err := audit.Load(context.Background(), []string{dir}, audit.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := audit.Run(context.Background(), c, audit.Config{Now: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	ix := result.NewIndex(r)
	bySourcePath := map[string][]result.Quote{}
	for _, q := range r.Quotes {
		// Short terms with no known speaker are never grouped (a scare
		// quote like "strong" recurs everywhere), so they are left out.
		short := len(strings.Fields(q.Text)) <= 2 && !q.Speaker.Known()
		if q.Continues == "" && !q.Fragment && !short {
			p := filepath.Clean(ix.Source(q.Source).Path)
			bySourcePath[p] = append(bySourcePath[p], q)
		}
	}
	checked, missing := 0, 0
	kinds := map[string]int{}
	var examples []string
	for _, twins := range byHash {
		if len(twins) < 2 {
			continue
		}
		sort.Strings(twins)
		first := bySourcePath[filepath.Clean(twins[0])]
		for _, other := range twins[1:] {
			qs := bySourcePath[filepath.Clean(other)]
			if len(qs) != len(first) {
				t.Errorf("%s and %s are identical but have %d and %d quotations", twins[0], other, len(first), len(qs))
				continue
			}
			for i := range qs {
				checked++
				a, b := first[i], qs[i]
				// Twins share a group: exact, or fragment for identical short
				// terms, or a near/contained group when a third article
				// quotes a longer or edited version of the same words.
				if a.Match == "" || a.Match != b.Match || a.Text != b.Text {
					missing++
					if len(examples) < 5 {
						examples = append(examples, a.ID+"/"+b.ID+": "+a.Text)
					}
					continue
				}
				kinds[ix.Match(a.Match).Kind]++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no quotations in the repeated articles")
	}
	if missing > 0 {
		t.Errorf("%d of %d quotations of repeated articles are not in an exact group with their twin, e.g. %q", missing, checked, examples)
	}
	if kinds[result.MatchExact] < checked*3/4 {
		t.Errorf("only %d of %d twin quotations in exact groups: %v", kinds[result.MatchExact], checked, kinds)
	}
	t.Logf("%d repeated articles; %d quotations, each grouped with its twin; group kinds %v", repeats, checked, kinds)
}
