package audit

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// The finding IDs and the report's order of findings are those of the
// plain way to compute them (below: strings joined and hashed, findings
// sorted by comparing their strings), on random findings with repeated
// fingerprints, shared positions, odd white space and invalid UTF-8.
func TestFindingIDsAndOrderArePlainOnes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for trial := range 20 {
		var fs []result.Finding
		for range rng.IntN(2000) {
			fs = append(fs, result.Finding{
				Check:    pick("loaded-verb", "shared-quote", "altered-quote"),
				Severity: result.Severity(pick("error", "warning", "info", "")),
				Path:     pick("", "a.txt", "corpus/b.txt", "other/corpus/b.txt", "corpus/a b.txt", "z/é.txt"),
				Line:     rng.IntN(4), Column: rng.IntN(3),
				Evidence: pick("", "We will win", " We  will\twin ", "We\u00a0will\u2003win", "bad \xff\xfe", "\u0085x\u0085"),
				Message:  pick("m1", "m2", ""),
			})
		}
		want := slices.Clone(fs)
		plainFindingIDs(want)
		plainSortFindings(want)
		got := slices.Clone(fs)
		sortFindings(got, assignFindingIDs(got, 1+trial%3))
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Path != want[i].Path || got[i].Line != want[i].Line || got[i].Check != want[i].Check {
				t.Fatalf("trial %d finding %d: got %s %s:%d %s, want %s %s:%d %s", trial, i,
					got[i].ID, got[i].Path, got[i].Line, got[i].Check, want[i].ID, want[i].Path, want[i].Line, want[i].Check)
			}
		}
	}
}

func TestAppendFieldsIsFieldsJoined(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b ", "a\u00a0b\u2003c\u0085", "\xffa \xc3 b", "tab\tnew\nline\v\f\r", "“quoted”  text"} {
		if got, want := string(appendFields(nil, s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

// plainFindingIDs is assignFindingIDs done the plain way.
func plainFindingIDs(fs []result.Finding) {
	for i := range fs {
		f := &fs[i]
		key := f.Evidence
		if key == "" {
			key = f.Message
		}
		sum := sha256.Sum256([]byte(f.Check + "\x00" + filepath.Base(f.Path) + "\x00" + strings.Join(strings.Fields(key), " ")))
		f.ID = "F-" + hex.EncodeToString(sum[:5])
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return plainComparePosition(&fs[order[a]], &fs[order[b]]) < 0 })
	seen := map[string]int{}
	for _, i := range order {
		f := &fs[i]
		seen[f.ID]++
		if n := seen[f.ID]; n > 1 {
			f.ID += "-" + strconv.Itoa(n)
		}
	}
}

func plainComparePosition(a, b *result.Finding) int {
	return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
		strings.Compare(a.Check, b.Check), strings.Compare(a.Message, b.Message))
}

// plainSortFindings is sortFindings done the plain way.
func plainSortFindings(fs []result.Finding) {
	slices.SortStableFunc(fs, func(a, b result.Finding) int {
		return cmp.Or(cmp.Compare(b.Severity.Rank(), a.Severity.Rank()), plainComparePosition(&a, &b), strings.Compare(a.ID, b.ID))
	})
}

func BenchmarkFindingIDsAndOrder(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	var fs []result.Finding
	for i := range 80000 {
		fs = append(fs, result.Finding{
			Check: fmt.Sprintf("check-%d", i%20), Severity: []result.Severity{result.Error, result.Warning, result.Info}[i%3],
			Path: fmt.Sprintf("/tmp/qa-bench/10000/g%03d/article-%05d.txt", i%100, rng.IntN(10000)), Line: rng.IntN(80), Column: rng.IntN(300),
			Evidence: fmt.Sprintf("“A quotation of some length, number %d,” she said.", rng.IntN(40000)),
		})
	}
	b.ReportAllocs()
	for b.Loop() {
		got := slices.Clone(fs)
		sortFindings(got, assignFindingIDs(got, 0))
	}
}
