package audit

import "testing"

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
