package xlsx

import (
	"reflect"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// TestMemberAt: a group's rows on the Matches sheet come from its Members
// when it has them, else from its Quotes, the first with the group's
// text and the second with its difference, sources as far as they go.
func TestMemberAt(t *testing.T) {
	diff := []result.DiffOp{{Op: result.OpReplace, Old: "a", New: "b"}}
	bare := &result.Match{Quotes: []string{"Q1", "Q2", "Q3"}, Sources: []string{"S1", "S2"}, Text: "t", Similarity: 0.8, Diff: diff}
	want := []member{
		{quote: "Q1", source: "S1", text: "t", similarity: 1},
		{quote: "Q2", source: "S2", similarity: 0.8, diff: diff},
		{quote: "Q3", similarity: 1},
	}
	full := &result.Match{Quotes: []string{"ignored"}, Members: []result.MatchMember{
		{Quote: "Q7", Source: "S7", Text: "x", Similarity: 1},
		{Quote: "Q8", Source: "S8", Text: "y", Similarity: 0.5, Diff: diff},
	}}
	wantFull := []member{
		{quote: "Q7", source: "S7", text: "x", similarity: 1},
		{quote: "Q8", source: "S8", text: "y", similarity: 0.5, diff: diff},
	}
	for _, c := range []struct {
		m    *result.Match
		want []member
	}{{bare, want}, {full, wantFull}, {&result.Match{}, nil}} {
		var got []member
		for k := range memberCount(c.m) {
			got = append(got, memberAt(c.m, k))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("members of %+v:\n got %+v\nwant %+v", c.m, got, c.want)
		}
	}
}
