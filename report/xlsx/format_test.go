package xlsx

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestDiffText(t *testing.T) {
	eq := func(s string) result.DiffOp { return result.DiffOp{Op: result.OpEqual, Old: s, New: s} }
	long := "one two three four five six seven eight nine ten eleven twelve"
	for _, c := range []struct {
		ops  []result.DiffOp
		want string
	}{
		{nil, ""},
		{[]result.DiffOp{eq("all the same")}, ""},
		{[]result.DiffOp{eq("other countries"), {Op: result.OpReplace, Old: "will", New: "would"}, eq("like to follow.")},
			"other countries [-will-] {+would+} like to follow."},
		{[]result.DiffOp{{Op: result.OpDelete, Old: "not"}, eq("a threat")}, "[-not-] a threat"},
		{[]result.DiffOp{eq("a threat"), {Op: result.OpInsert, New: "today"}}, "a threat {+today+}"},
		{[]result.DiffOp{eq(long), {Op: result.OpInsert, New: "X"}, eq(long), {Op: result.OpDelete, Old: "Y"}, eq(long)},
			"… nine ten eleven twelve {+X+} one two three four … nine ten eleven twelve [-Y-] one two three four …"},
	} {
		if got := diffText(c.ops); got != c.want {
			t.Errorf("diffText(%v) = %q, want %q", c.ops, got, c.want)
		}
	}
}

func TestExcerptAndCellText(t *testing.T) {
	if got := excerpt("short text", 40); got != "short text" {
		t.Errorf("excerpt short = %q", got)
	}
	if got := excerpt("the quick brown fox jumps over the lazy dog", 20); got != "the quick brown fox …" {
		t.Errorf("excerpt = %q", got)
	}
	if got := excerpt(strings.Repeat("ж", 50), 10); got != strings.Repeat("ж", 10)+" …" {
		t.Errorf("excerpt without spaces = %q", got)
	}
	s := strings.Repeat("🌍", 20000) // 40,000 UTF-16 units
	got := cellText(s)
	if n := len(utf16.Encode([]rune(got))); n > 32767 || !utf8.ValidString(got) || !strings.HasSuffix(got, "[cut: 20000 characters in all; see quoteaudit.json]") {
		t.Errorf("cellText of 20,000 emoji: %d units, valid %v, ends %q", n, utf8.ValidString(got), got[len(got)-60:])
	}
	if ok := strings.Repeat("a", 32000); cellText(ok) != ok {
		t.Error("cellText cut text that fits")
	}
}

func TestVariantsRolesRelated(t *testing.T) {
	vs := []result.Variant{{Text: "Vladamir Putin", Count: 1, Sources: []string{"S1"}}, {Text: "Vladimir Putin", Count: 1, Sources: []string{"S4"}}}
	if got, want := variants(vs), "Vladamir Putin ×1 (S1); Vladimir Putin ×1 (S4)"; got != want {
		t.Errorf("variants = %q, want %q", got, want)
	}
	if got, want := roles([]result.Role{{Text: "President", Source: "S4"}, {Text: "envoy"}}), "President (S4); envoy"; got != want {
		t.Errorf("roles = %q, want %q", got, want)
	}
	rel := []result.Related{{Path: "a.txt", Line: 3, Column: 4, Message: "first"}, {Source: "S2", Line: 1, Column: 1}}
	if got, want := related(rel), "a.txt:3:4 first\nS2:1:1"; got != want {
		t.Errorf("related = %q, want %q", got, want)
	}
}

func FuzzDiffText(f *testing.F) {
	f.Add("will", "would", "other countries", 3)
	f.Add("", "x", "", 0)
	f.Fuzz(func(t *testing.T, old, new, same string, kind int) {
		op := []string{result.OpReplace, result.OpDelete, result.OpInsert, result.OpEqual}[uint(kind)%4]
		ops := []result.DiffOp{{Op: result.OpEqual, Old: same, New: same}, {Op: op, Old: old, New: new}}
		got := diffText(ops)
		switch op {
		case result.OpEqual:
			if got != "" {
				t.Errorf("no change rendered as %q", got)
			}
		case result.OpDelete:
			if !strings.Contains(got, "[-"+old+"-]") {
				t.Errorf("delete of %q lost in %q", old, got)
			}
		case result.OpInsert:
			if !strings.Contains(got, "{+"+new+"+}") {
				t.Errorf("insert of %q lost in %q", new, got)
			}
		case result.OpReplace:
			if !strings.Contains(got, "[-"+old+"-] {+"+new+"+}") {
				t.Errorf("replace %q→%q lost in %q", old, new, got)
			}
		}
	})
}

// TestRelatedAsSprintf: related gives, line by line, the trimmed
// "%s:%d:%d %s" of each position, for paths and messages with white
// space at their ends, empty ones and negative positions.
func TestRelatedAsSprintf(t *testing.T) {
	var rel []result.Related
	for _, path := range []string{"", "a.txt", "  spaced path \t"} {
		for _, msg := range []string{"", "said so", " \u00a0padded message\n "} {
			for _, pos := range [][2]int{{0, 0}, {12, 7}, {-1, 3}} {
				rel = append(rel, result.Related{Source: "S1", Path: path, Line: pos[0], Column: pos[1], Message: msg})
			}
		}
	}
	for n := range len(rel) + 1 {
		var lines []string
		for _, r := range rel[:n] {
			p := r.Path
			if p == "" {
				p = r.Source
			}
			lines = append(lines, strings.TrimSpace(fmt.Sprintf("%s:%d:%d %s", p, r.Line, r.Column, r.Message)))
		}
		if got, want := related(rel[:n]), strings.Join(lines, "\n"); got != want {
			t.Errorf("related of %d positions:\n got %q\nwant %q", n, got, want)
		}
	}
	// A source alone, blank: the line is the position alone.
	if got := related([]result.Related{{Source: " ", Line: 1, Column: 2}}); got != ":1:2" {
		t.Errorf("related of a blank source = %q", got)
	}
}
