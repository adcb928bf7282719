package audit

import (
	"fmt"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestDefaultTitle(t *testing.T) {
	for _, tc := range []struct {
		inputs []string
		want   string
	}{
		{nil, "quoteaudit report"},
		{[]string{"seeds"}, "Quote audit of seeds"},
		{[]string{"../stories/kabul/"}, "Quote audit of kabul"},
		{[]string{"../corpus/a.txt", "../corpus/b.txt", "../corpus/c.txt"}, "Quote audit of 3 files in corpus"},
		{[]string{"a/x.txt", "b/y.txt"}, "Quote audit of x.txt and 1 more"},
	} {
		if got := defaultTitle(tc.inputs); got != tc.want {
			t.Errorf("defaultTitle(%q) = %q, want %q", tc.inputs, got, tc.want)
		}
	}
}

// Finding IDs do not depend on the folder the sources were named from, so
// a workbook's editor columns carry over when the audit is run elsewhere.
func TestFindingIDsIgnoreTheFolder(t *testing.T) {
	mk := func(path string) []result.Finding {
		return []result.Finding{
			{Check: "loaded-verb", Path: path, Line: 3, Evidence: "We will win"},
			{Check: "loaded-verb", Path: path, Line: 9, Evidence: "We will win"},
		}
	}
	a, b := mk("sources/a.txt"), mk("../story/sources/a.txt")
	assignFindingIDs(a, 0)
	assignFindingIDs(b, 1)
	if a[0].ID != b[0].ID || a[1].ID != b[1].ID || a[0].ID == a[1].ID {
		t.Errorf("IDs %s %s / %s %s", a[0].ID, a[1].ID, b[0].ID, b[1].ID)
	}
}

// Thousands of findings, fingerprinted on several workers: the IDs are
// the same as on one, and the repeats of one fingerprint are numbered in
// position order.
func TestFindingIDsOnWorkers(t *testing.T) {
	mk := func() []result.Finding {
		var fs []result.Finding
		for i := range 3000 {
			// Listed from the last line up; every fingerprint three times.
			fs = append(fs, result.Finding{Check: "loaded-verb", Path: "a.txt", Line: 3000 - i, Evidence: fmt.Sprintf("words %d", i%1000)})
		}
		return fs
	}
	one, four := mk(), mk()
	assignFindingIDs(one, 1)
	assignFindingIDs(four, 4)
	for i := range one {
		if one[i].ID != four[i].ID {
			t.Fatalf("finding %d: ID %s on one worker, %s on four", i, one[i].ID, four[i].ID)
		}
	}
	// Evidence "words 0" is at lines 3000, 2000 and 1000: the first in
	// position order (line 1000) has no suffix.
	if base := one[2000].ID; len(base) != len("F-0123456789") || one[1000].ID != base+"-2" || one[0].ID != base+"-3" {
		t.Errorf("IDs of one fingerprint at lines 1000, 2000, 3000: %s %s %s", one[2000].ID, one[1000].ID, one[0].ID)
	}
}
