package match

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func op(kind, old, new string) result.DiffOp { return result.DiffOp{Op: kind, Old: old, New: new} }

func TestDiffReadable(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []result.DiffOp
	}{
		{
			name: "one word changed",
			a:    "the most pragmatic approach to preventing terrorism",
			b:    "the most pragmatic approach to prevent terrorism",
			want: []result.DiffOp{
				op(result.OpEqual, "the most pragmatic approach to", ""),
				op(result.OpReplace, "preventing", "prevent"),
				op(result.OpEqual, "terrorism", ""),
			},
		},
		{
			name: "negation dropped",
			a:    "These are not nice people",
			b:    "These are nice people",
			want: []result.DiffOp{
				op(result.OpEqual, "These are", ""),
				op(result.OpDelete, "not", ""),
				op(result.OpEqual, "nice people", ""),
			},
		},
		{
			name: "words added at the end",
			a:    "The UN has failed us",
			b:    "The UN has failed us, and everyone knows it",
			want: []result.DiffOp{
				op(result.OpEqual, "The UN has failed us", "The UN has failed us,"),
				op(result.OpInsert, "", "and everyone knows it"),
			},
		},
		{
			name: "typography is not a difference",
			a:    "We don’t know if we will be forgotten.”",
			b:    `we don't know if we will be forgotten."`,
			want: []result.DiffOp{
				op(result.OpEqual, "We don’t know if we will be forgotten.”", `we don't know if we will be forgotten."`),
			},
		},
		{
			name: "bracketed insertion unwrapped",
			a:    "We urge the international [community] to stop",
			b:    "We urge the international community to stop",
			want: []result.DiffOp{
				op(result.OpEqual, "We urge the international [community] to stop", "We urge the international community to stop"),
			},
		},
		{
			name: "empty to text",
			a:    "",
			b:    "ally",
			want: []result.DiffOp{op(result.OpInsert, "", "ally")},
		},
		{
			name: "both empty",
			a:    "",
			b:    "",
			want: []result.DiffOp{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.a, tt.b)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff(%q, %q)\n got %q\nwant %q", tt.a, tt.b, got, tt.want)
			}
			if Apply(got) != strings.Join(words(tt.b), " ") {
				t.Errorf("Apply = %q", Apply(got))
			}
		})
	}
}

func TestQualifierChanges(t *testing.T) {
	tests := []struct {
		a, b string
		want []string
	}{
		{"These are not nice people", "These are nice people", []string{"dropped “not”"}},
		{"I get no support", "I get support", []string{"dropped “no”"}},
		{"I don’t see this being a move", "I do see this being a move", []string{"dropped “don't”"}},
		{"The United Nations does what America wants", "The United Nations only does what America wants", []string{"added “only”"}},
		{"It is not over", "It is never over", []string{"dropped “not”", "added “never”"}},
		{"not now, but later", "now, but not later", nil}, // moved, not dropped
		{"the most pragmatic approach", "the most practical approach", nil},
	}
	for _, tt := range tests {
		if got := QualifierChanges(Diff(tt.a, tt.b)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("QualifierChanges(%q -> %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// A dropped negation must rank as a bigger difference than punctuation,
// and than an ordinary word.
func TestSimilarityRanking(t *testing.T) {
	base := "We think that Russia and the Taliban cooperation is going to make other countries do the same"
	score := func(b string) float64 {
		ta, tb := trimOuter(tokenize(base)), trimOuter(tokenize(b))
		syms := symbols{}
		return similarity(ta, tb, diffKeys(syms.of(ta), syms.of(tb), nil), costQualifier)
	}
	punct := score(strings.Replace(base, "Taliban cooperation", "Taliban, cooperation", 1))
	typo := score(strings.Replace(base, "Taliban", "Taiban", 1))
	word := score(strings.Replace(base, "think", "believe", 1))
	negation := score(strings.Replace(base, "is going", "is not going", 1))
	if !(1 > punct && punct > typo && typo > word && word > negation) {
		t.Errorf("want 1 > punctuation (%.3f) > typo (%.3f) > word (%.3f) > negation (%.3f)", punct, typo, word, negation)
	}
	if s := score(base + "."); s != 1 {
		t.Errorf("trailing period: %.3f, want 1", s)
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("the most pragmatic approach to preventing terrorism", "the pragmatic approach to prevent terror")
	f.Add("These are not nice people", "These are nice people, ok")
	f.Add("", "a b c")
	f.Add("We don’t — know…", "we don't--know...")
	f.Add("a a a b", "b a a a")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		ops := Diff(a, b)
		if got, want := Apply(ops), strings.Join(words(b), " "); got != want {
			t.Fatalf("Apply(Diff(%q, %q)) = %q, want %q", a, b, got, want)
		}
		if got, want := Apply(Invert(ops)), strings.Join(words(a), " "); got != want {
			t.Fatalf("Apply(Invert(Diff(%q, %q))) = %q, want %q", a, b, got, want)
		}
		// Old sides rebuild a.
		var olds []string
		for _, op := range ops {
			if op.Op != result.OpInsert {
				olds = append(olds, op.Old)
			}
		}
		if got, want := strings.Join(olds, " "), strings.Join(words(a), " "); got != want {
			t.Fatalf("old words %q, want %q", got, want)
		}
		// Well formed: no empty ops, no two equal ops in a row.
		for i, op := range ops {
			if op.Old == "" && op.New == "" {
				t.Fatalf("empty op %d in %q", i, ops)
			}
			if i > 0 && op.Op == result.OpEqual && ops[i-1].Op == result.OpEqual {
				t.Fatalf("adjacent equal ops in %q", ops)
			}
		}
		// Identical normal forms differ only by punctuation.
		if Normalize(a) == Normalize(b) {
			for _, op := range ops {
				if op.Op != result.OpEqual && cores(op.Old) != cores(op.New) {
					t.Fatalf("same normal form %q but %q", Normalize(a), ops)
				}
			}
		}
	})
}

func cores(s string) string {
	var out []string
	for _, t := range tokenize(s) {
		if t.core != "" {
			out = append(out, t.core)
		}
	}
	return strings.Join(out, " ")
}

// symbols numbers forms in order of first sight, short (packed) and long
// alike, as one map would.
func TestSymbolsNumberInOrder(t *testing.T) {
	forms := []string{"the", "—", "government", "the", "a\x00b", "recognise", "eightchr", "ninechars", "—", "a\x00b", "eightchr", "x"}
	var ts []token
	for _, f := range forms {
		core := f
		if f == "—" {
			core = ""
		}
		ts = append(ts, token{text: f, key: f, core: core})
	}
	want := map[string]int32{}
	var syms symbols
	for i, x := range syms.of(ts) {
		w, ok := want[forms[i]]
		if !ok {
			w = int32(len(want) + 1)
			if ts[i].core == "" {
				w = -w
			}
			want[forms[i]] = w
		}
		if x != w {
			t.Fatalf("%q: symbol %d, want %d", forms[i], x, w)
		}
	}
}
