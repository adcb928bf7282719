package sample

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// consistent reports every dangling reference or count that does not
// follow from the content.
func consistent(t *testing.T, r *result.Result) {
	t.Helper()
	ix := result.NewIndex(r)
	for _, q := range r.Quotes {
		if ix.Source(q.Source) == nil {
			t.Errorf("quote %s: unknown source %q", q.ID, q.Source)
		}
		if q.Match != "" && ix.Match(q.Match) == nil {
			t.Errorf("quote %s: unknown match %q", q.ID, q.Match)
		}
		if q.Continues != "" && ix.Quote(q.Continues) == nil {
			t.Errorf("quote %s: continues unknown %q", q.ID, q.Continues)
		}
		if q.Speaker.Person != "" && ix.Person(q.Speaker.Person) == nil {
			t.Errorf("quote %s: unknown person %q", q.ID, q.Speaker.Person)
		}
		if q.End-q.Start != len(q.Text) {
			t.Errorf("quote %s: span %d..%d does not fit its text", q.ID, q.Start, q.End)
		}
	}
	for _, m := range r.Matches {
		if len(m.Members) != len(m.Quotes) {
			t.Errorf("match %s: %d members for %d quotes", m.ID, len(m.Members), len(m.Quotes))
		}
		for _, id := range m.Quotes {
			if q := ix.Quote(id); q == nil || q.Match != m.ID {
				t.Errorf("match %s: quote %s missing or not pointing back", m.ID, id)
			}
		}
	}
	ids := map[string]bool{}
	var errs, warns, infos, ign int
	for _, f := range r.Findings {
		if ids[f.ID] {
			t.Errorf("duplicate finding ID %s", f.ID)
		}
		ids[f.ID] = true
		if ix.Check(f.Check) == nil {
			t.Errorf("finding %s: check %q not in catalogue", f.ID, f.Check)
		}
		if f.Quote != "" && ix.Quote(f.Quote) == nil {
			t.Errorf("finding %s: unknown quote %q", f.ID, f.Quote)
		}
		switch {
		case f.Ignored:
			ign++
		case f.Severity == result.Error:
			errs++
		case f.Severity == result.Warning:
			warns++
		case f.Severity == result.Info:
			infos++
		}
	}
	st := r.Stats
	if st.Errors != errs || st.Warnings != warns || st.Infos != infos || st.Ignored != ign {
		t.Errorf("stats %+v disagree with findings: %d/%d/%d/%d", st, errs, warns, infos, ign)
	}
	if st.Quotes != len(r.Quotes) || st.Sources != len(r.Sources) || st.People != len(r.People) || st.Matches != len(r.Matches) {
		t.Errorf("stats %+v disagree with list lengths", st)
	}
}

func TestResultConsistent(t *testing.T) {
	r := Result()
	consistent(t, r)
	if !reflect.DeepEqual(r, Result()) {
		t.Fatal("Result is not deterministic")
	}
	want := result.Stats{Sources: 4, Skipped: 2, Quotes: 17, Quotations: 13, Fragments: 3, Attributed: 12,
		People: 6, Matches: 2, Errors: 2, Warnings: 10, Infos: 4, Ignored: 1}
	got := r.Stats
	got.ByCheck = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats = %+v, want %+v", got, want)
	}
	if r.Stats.ByCheck["name-variant"] != 2 || r.Stats.ByCheck["anonymous-source"] != 1 {
		t.Errorf("ByCheck = %v", r.Stats.ByCheck)
	}
	all := ""
	for _, s := range r.Sources {
		all += s.Title + s.Path + s.Byline
	}
	for _, q := range r.Quotes {
		all += q.Text + q.Speaker.Mention
	}
	for _, want := range []string{"Мы", "سنبقى", "🌍", "Núñez", "Zoë", "=SUM(A1:A9)", `=HYPERLINK("http://x","y")`} {
		if !strings.Contains(all, want) {
			t.Errorf("sample lacks %q", want)
		}
	}
	if n := len(strings.Fields(LongQuote())); n != LongQuoteWords {
		t.Errorf("long quote has %d words, want %d", n, LongQuoteWords)
	}
	if !utf8.ValidString(all) {
		t.Error("invalid UTF-8")
	}
}

func TestLargeConsistent(t *testing.T) {
	for _, n := range []int{0, 1, 7} {
		r := Large(n)
		consistent(t, r)
		if len(r.Quotes) != 10*n || len(r.Sources) != n || len(r.Findings) != 4*n {
			t.Errorf("Large(%d): %d sources, %d quotes, %d findings", n, len(r.Sources), len(r.Quotes), len(r.Findings))
		}
		if len(r.Matches) != n/2 {
			t.Errorf("Large(%d): %d matches", n, len(r.Matches))
		}
	}
}
