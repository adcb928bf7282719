package xlsx

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestStatusCarry(t *testing.T) {
	prev := &Previous{Rows: map[string]EditorColumns{
		"a": {Status: "Open", Editor: "ZR", Note: "asked the desk"},
		"b": {Status: "Fixed"},
		"c": {Status: "Ignored"},
		"d": {Status: "needs lawyer"},
	}}
	w := &writer{opts: Options{Previous: prev}}
	for _, c := range []struct {
		f    result.Finding
		want EditorColumns
	}{
		{result.Finding{ID: "new"}, EditorColumns{Status: "Open"}},
		{result.Finding{ID: "new", Ignored: true}, EditorColumns{Status: "Ignored"}},
		// A default status follows the finding; the editor's words stay.
		{result.Finding{ID: "a", Ignored: true}, EditorColumns{Status: "Ignored", Editor: "ZR", Note: "asked the desk"}},
		{result.Finding{ID: "c"}, EditorColumns{Status: "Open"}},
		{result.Finding{ID: "b", Ignored: true}, EditorColumns{Status: "Fixed"}},
		{result.Finding{ID: "d"}, EditorColumns{Status: "needs lawyer"}},
	} {
		if got := w.status(&c.f); got != c.want {
			t.Errorf("status(%s, ignored %v) = %+v, want %+v", c.f.ID, c.f.Ignored, got, c.want)
		}
	}
	for in, want := range map[string]string{"false positive": "False positive", "FIXED": "Fixed", "later": "later", "": ""} {
		if got := canonicalStatus(in); got != want {
			t.Errorf("canonicalStatus(%q) = %q, want %q", in, got, want)
		}
	}
}
