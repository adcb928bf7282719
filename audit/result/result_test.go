package result

import "testing"

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		s    Stats
		want string
	}{
		{Stats{Sources: 5, Quotations: 74, Attributed: 58, Errors: 3, Warnings: 12},
			"5 sources, 74 quotations, 58 attributed; 3 errors and 12 warnings to review before publishing."},
		{Stats{Sources: 1, Quotations: 1, Attributed: 1, Fragments: 2, Infos: 1},
			"1 source, 1 quotation, 1 attributed (and 2 fragments); no errors or warnings, 1 note."},
		{Stats{Sources: 2, Quotations: 3, Attributed: 2, Warnings: 1, Infos: 4, Ignored: 2, Skipped: 1},
			"2 sources, 3 quotations, 2 attributed; 1 warning to review before publishing (and 4 notes). 2 ignored by rule. 1 file skipped."},
	} {
		r := &Result{Stats: tc.s}
		if got := r.Verdict(); got != tc.want {
			t.Errorf("Verdict()\n got %q\nwant %q", got, tc.want)
		}
	}
}

func TestSeverities(t *testing.T) {
	if !(Error.Rank() > Warning.Rank() && Warning.Rank() > Info.Rank() && Info.Rank() > Severity("").Rank()) {
		t.Error("ranks out of order")
	}
	if s, err := ParseSeverity(" Warning "); err != nil || s != Warning {
		t.Errorf("ParseSeverity: %q %v", s, err)
	}
	if _, err := ParseSeverity("hgih"); err == nil {
		t.Error("hgih accepted")
	}
}

func TestIndex(t *testing.T) {
	r := &Result{
		Sources: []Source{{ID: "S1", Path: "a.txt"}},
		Quotes:  []Quote{{ID: "S1-Q1", Source: "S1"}},
		People:  []Person{{ID: "P1", Name: "Zamir Kabulov"}},
		Matches: []Match{{ID: "M1"}},
		Checks:  []CheckInfo{{Slug: "shared-quote"}},
	}
	ix := NewIndex(r)
	if ix.Source("S1").Path != "a.txt" || ix.Quote("S1-Q1") == nil || ix.Person("P1").Name != "Zamir Kabulov" || ix.Match("M1") == nil || ix.Check("shared-quote") == nil {
		t.Error("lookups failed")
	}
	if ix.Source("S2") != nil || ix.Quote("x") != nil {
		t.Error("unknown IDs found")
	}
	if !(Speaker{Kind: KindAnonymous}).Known() || (Speaker{Kind: KindUnknown}).Known() || (Speaker{}).Known() {
		t.Error("Speaker.Known")
	}
}
