package audit

import (
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
	assignFindingIDs(a)
	assignFindingIDs(b)
	if a[0].ID != b[0].ID || a[1].ID != b[1].ID || a[0].ID == a[1].ID {
		t.Errorf("IDs %s %s / %s %s", a[0].ID, a[1].ID, b[0].ID, b[1].ID)
	}
}
