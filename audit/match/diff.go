package match

import (
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/internal/hashtable"
)

// span is one raw diff operation over two token slices: a[A0:A1] turned
// into b[B0:B1]. Equal spans have the same length on both sides.
type span struct {
	op             string
	a0, a1, b0, b1 int
}

// maxCells bounds the dynamic-programming table of one diff; beyond it the
// differing middle is reported as one replacement (still a correct diff).
const maxCells = 1 << 22

// diffKeys computes a word-level diff of a and b by their words without
// punctuation (so "us" and "us," align as equal), given as the symbols
// of their tokens (see symbols): common prefix and suffix first, then a
// longest-common-subsequence table over the middle. Deletions and
// insertions between two equal runs merge into one replace span.
func diffKeys(a, b []int32, buf *[]int32) []span {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []span
	if pre > 0 {
		ops = append(ops, span{result.OpEqual, 0, pre, 0, pre})
	}
	ops = lcsMiddle(ops, a, b, pre, len(a)-suf, pre, len(b)-suf, buf)
	if suf > 0 {
		ops = appendSpan(ops, span{result.OpEqual, len(a) - suf, len(a), len(b) - suf, len(b)})
	}
	return ops
}

// lcsMiddle appends the diff of a[a0:a1] against b[b0:b1] to ops (see
// appendSpan).
func lcsMiddle(ops []span, a, b []int32, a0, a1, b0, b1 int, buf *[]int32) []span {
	n, m := a1-a0, b1-b0
	switch {
	case n == 0 && m == 0:
		return ops
	case n == 0:
		return appendSpan(ops, span{result.OpInsert, a0, a0, b0, b1})
	case m == 0:
		return appendSpan(ops, span{result.OpDelete, a0, a1, b0, b0})
	case n*m > maxCells:
		return appendSpan(ops, span{result.OpReplace, a0, a1, b0, b1})
	}
	// t[i][j] = the weight of the heaviest common subsequence of
	// a[a0+i:a1] and b[b0+j:b1]: words line up before dashes and
	// ellipses do (see alignWeight).
	w := m + 1
	t := table(buf, (n+1)*w)
	clear(t)
	for i := n - 1; i >= 0; i-- {
		x, weight := a[a0+i], alignWeight(a[a0+i])
		for j := m - 1; j >= 0; j-- {
			best := max(t[(i+1)*w+j], t[i*w+j+1])
			if x == b[b0+j] {
				best = max(best, t[(i+1)*w+j+1]+weight)
			}
			t[i*w+j] = best
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[a0+i] == b[b0+j] && t[i*w+j] == t[(i+1)*w+j+1]+alignWeight(a[a0+i]):
			ops = appendSpan(ops, span{result.OpEqual, a0 + i, a0 + i + 1, b0 + j, b0 + j + 1})
			i, j = i+1, j+1
		case j == m || (i < n && t[(i+1)*w+j] >= t[i*w+j+1]):
			ops = appendSpan(ops, span{result.OpDelete, a0 + i, a0 + i + 1, b0 + j, b0 + j})
			i++
		default:
			ops = appendSpan(ops, span{result.OpInsert, a0 + i, a0 + i, b0 + j, b0 + j + 1})
			j++
		}
	}
	return ops
}

// alignWeight is what lining up a token of symbol x with an equal token
// is worth: a word outweighs any number of lone punctuation marks a
// quotation can hold.
func alignWeight(x int32) int32 {
	if x > 0 {
		return 1 << 10
	}
	return 1
}

// symbols numbers the comparison forms of tokens (their cmp), so that
// diffs compare integers: a word's symbol is positive, a punctuation-only
// token's negative, and symbols are numbered in the order the forms are
// first seen. Tokens compared with each other must take their symbols
// from the same table. The zero value is an empty table.
//
// A form of at most eight bytes, none of them 0 (most words), is held
// packed into a number, in a hashtable; only the longer ones are hashed
// as strings, in a map.
type symbols struct {
	short hashtable.Table[int32]
	long  map[string]int32
}

// of returns the symbols of ts.
func (s *symbols) of(ts []token) []int32 {
	out := make([]int32, len(ts))
	for i, t := range ts {
		c := t.cmp()
		var x int32
		if k, ok := packShort(c); ok {
			if p := s.short.Lookup(k); p != nil {
				x = *p
			} else {
				x = s.next(t)
				s.short.Insert(k, x)
			}
		} else {
			var ok bool
			if x, ok = s.long[c]; !ok {
				x = s.next(t)
				if s.long == nil {
					s.long = map[string]int32{}
				}
				s.long[c] = x
			}
		}
		out[i] = x
	}
	return out
}

// next is the symbol of a form not seen before, t's.
func (s *symbols) next(t token) int32 {
	x := int32(s.short.Len() + len(s.long) + 1)
	if t.core == "" {
		return -x
	}
	return x
}

// packShort packs a string of one to eight bytes, none of them 0, into a
// number no other such string packs into (never 0), and reports whether
// c is such a string.
func packShort(c string) (uint64, bool) {
	if len(c) == 0 || len(c) > 8 {
		return 0, false
	}
	var k uint64
	for i := len(c) - 1; i >= 0; i-- {
		if c[i] == 0 {
			return 0, false
		}
		k = k<<8 | uint64(c[i])
	}
	return k, true
}

// mergeSpans joins adjacent spans: equal runs into one, and every run of
// deletions and insertions between equal runs into one delete, insert or
// replace.
func mergeSpans(in []span) []span {
	var out []span
	for _, s := range in {
		out = appendSpan(out, s)
	}
	return out
}

// appendSpan appends s to merged spans out, merging as mergeSpans does.
func appendSpan(out []span, s span) []span {
	if s.a0 == s.a1 && s.b0 == s.b1 {
		return out
	}
	if len(out) > 0 {
		last := &out[len(out)-1]
		if (last.op == result.OpEqual) == (s.op == result.OpEqual) {
			last.a1, last.b1 = s.a1, s.b1
			if last.op != result.OpEqual {
				last.op = changeOp(last.a1-last.a0, last.b1-last.b0)
			}
			return out
		}
	}
	if s.op != result.OpEqual {
		s.op = changeOp(s.a1-s.a0, s.b1-s.b0)
	}
	return append(out, s)
}

func changeOp(na, nb int) string {
	switch {
	case na == 0:
		return result.OpInsert
	case nb == 0:
		return result.OpDelete
	}
	return result.OpReplace
}

// Diff returns the word-level operations turning a into b. Words are
// compared by their normalised form without punctuation (case, quotation
// marks, apostrophes, brackets and attached punctuation do not count;
// dashes and ellipses are words of their own), so the operations show the
// differences of wording a reader cares about. Old holds a's words as written and New
// b's; an equal operation carries New only when b writes the same words
// differently (“Kabul” / "kabul"), so that b can be rebuilt from a and the
// operations.
func Diff(a, b string) []result.DiffOp {
	ta, tb := tokenize(a), tokenize(b)
	syms := symbols{}
	return toOps(ta, tb, diffKeys(syms.of(ta), syms.of(tb), nil))
}

// toOps renders raw spans as result operations.
func toOps(a, b []token, spans []span) []result.DiffOp {
	ops := make([]result.DiffOp, 0, len(spans))
	for _, s := range spans {
		op := result.DiffOp{Op: s.op, Old: joinText(a[s.a0:s.a1]), New: joinText(b[s.b0:s.b1])}
		if s.op == result.OpEqual && op.New == op.Old {
			op.New = ""
		}
		ops = append(ops, op)
	}
	return ops
}

func joinText(ts []token) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].text
	}
	// Sized exactly: the diffs are held until the reports are written.
	n := len(ts) - 1
	for _, t := range ts {
		n += len(t.text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// Apply rebuilds the second text of a diff from its operations: the words
// of b, as written, joined by single spaces (white space inside the
// original is not kept).
func Apply(ops []result.DiffOp) string {
	var parts []string
	for _, op := range ops {
		switch op.Op {
		case result.OpEqual:
			if op.New != "" {
				parts = append(parts, op.New)
			} else {
				parts = append(parts, op.Old)
			}
		case result.OpInsert, result.OpReplace:
			parts = append(parts, op.New)
		}
	}
	return strings.Join(parts, " ")
}

// Invert returns the operations turning b into a, given those turning a
// into b.
func Invert(ops []result.DiffOp) []result.DiffOp {
	out := make([]result.DiffOp, len(ops))
	for i, op := range ops {
		switch op.Op {
		case result.OpEqual:
			if op.New != "" {
				out[i] = result.DiffOp{Op: op.Op, Old: op.New, New: op.Old}
			} else {
				out[i] = op
			}
		case result.OpInsert:
			out[i] = result.DiffOp{Op: result.OpDelete, Old: op.New}
		case result.OpDelete:
			out[i] = result.DiffOp{Op: result.OpInsert, New: op.Old}
		default:
			out[i] = result.DiffOp{Op: op.Op, Old: op.New, New: op.Old}
		}
	}
	return out
}

// qualifiers are the negations and qualifiers whose presence changes what
// a quotation says. Words ending in n't are negations too.
var qualifiers = map[string]bool{
	"not": true, "never": true, "no": true, "nor": true, "neither": true,
	"none": true, "nothing": true, "nobody": true, "nowhere": true, "cannot": true,
	"without": true, "only": true, "just": true, "merely": true, "solely": true,
	"almost": true, "nearly": true, "hardly": true, "barely": true, "scarcely": true,
	"rarely": true, "seldom": true, "always": true, "ever": true, "all": true,
	"every": true, "some": true, "most": true, "partly": true, "partially": true,
	"perhaps": true, "maybe": true, "possibly": true, "probably": true,
	"might": true, "may": true, "unlikely": true, "likely": true,
}

// isQualifier reports whether the core form w is a negation or qualifier.
func isQualifier(core string) bool {
	return qualifiers[core] || strings.HasSuffix(core, "n't")
}

// QualifierChanges lists the negations and qualifiers ("not", "never",
// "no", "only", "n't" forms, "nothing", "none", "without", …) that ops add
// or drop, as `dropped “not”` or `added “only”`, in the order they occur.
// A qualifier that only moves (dropped in one place, added in another)
// is not a change.
func QualifierChanges(ops []result.DiffOp) []string {
	var dropped, added []string
	for _, op := range ops {
		if op.Op == result.OpEqual {
			continue
		}
		dropped = append(dropped, qualifiersIn(op.Old)...)
		added = append(added, qualifiersIn(op.New)...)
	}
	// Cancel moves: a qualifier both dropped and added.
	count := map[string]int{}
	for _, q := range added {
		count[q]++
	}
	var out []string
	var keptDropped []string
	for _, q := range dropped {
		if count[q] > 0 {
			count[q]--
			continue
		}
		keptDropped = append(keptDropped, q)
	}
	for _, q := range keptDropped {
		out = append(out, fmt.Sprintf("dropped “%s”", q))
	}
	for _, q := range added {
		if count[q] > 0 {
			count[q]--
			out = append(out, fmt.Sprintf("added “%s”", q))
		}
	}
	return out
}

func qualifiersIn(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if isQualifier(t.core) {
			out = append(out, t.core)
		}
	}
	return out
}

// Costs of one differing word in a similarity score.
const (
	costWord      = 1.0  // a word changed, added or dropped
	costTypo      = 0.5  // a word spelled slightly differently
	costPunct     = 0.1  // the same word with other punctuation, or a dash/ellipsis
	costQualifier = 2.0  // a negation or qualifier changed, added or dropped (score only)
	typoRatio     = 0.34 // edit distance / length at or under which a change is a typo
)

// similarity scores a diff of a and b in [0,1]: 1 minus the cost of the
// differing words over the number of words of the longer text.
// qualifierCost is what a changed negation or qualifier costs: grouping
// uses costWord (a dropped "not" must still group), the reported score
// costQualifier (so that it ranks below a punctuation change).
func similarity(a, b []token, spans []span, qualifierCost float64) float64 {
	wa, wb := wordCount(a), wordCount(b)
	den := max(wa, wb)
	if den == 0 {
		if len(a) == len(b) {
			return 1
		}
		return 0
	}
	return scoreSpans(a, b, spans, den, qualifierCost)
}

// scoreSpans is 1 minus the cost of the spans over words, floored at 0.
func scoreSpans(a, b []token, spans []span, words int, qualifierCost float64) float64 {
	cost := 0.0
	for _, s := range spans {
		cost += spanCost(a[s.a0:s.a1], b[s.b0:s.b1], qualifierCost)
	}
	return max(0, 1-cost/float64(words))
}

func wordCount(ts []token) int {
	n := 0
	for _, t := range ts {
		if t.core != "" {
			n++
		}
	}
	return n
}

// spanCost is the cost of turning words x into words y: aligned pairs
// first, then the words left over on the longer side.
func spanCost(x, y []token, qualifierCost float64) float64 {
	cost := 0.0
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		cost += pairCost(x[i], y[i], qualifierCost)
	}
	for _, t := range x[n:] {
		cost += soloCost(t, qualifierCost)
	}
	for _, t := range y[n:] {
		cost += soloCost(t, qualifierCost)
	}
	return cost
}

func soloCost(t token, qualifierCost float64) float64 {
	switch {
	case t.core == "":
		return costPunct
	case isQualifier(t.core):
		return qualifierCost
	}
	return costWord
}

func pairCost(x, y token, qualifierCost float64) float64 {
	switch {
	case x.key == y.key:
		return 0
	case x.core == y.core:
		return costPunct
	case x.core == "" || y.core == "":
		return costWord
	case isQualifier(x.core) || isQualifier(y.core):
		return qualifierCost
	}
	l := max(len(x.core), len(y.core))
	if l >= 4 {
		d := levenshtein.ComputeDistance(x.core, y.core)
		if float64(d) <= typoRatio*float64(l) {
			return costTypo
		}
	}
	return costWord
}

// fitWindow finds where short stands in long: the window long[start:end]
// that short aligns with at the least word edit cost, gaps before and
// after the window being free (a fitting alignment). Unlike a longest
// common subsequence, it does not pick up a stray "it" far from the rest.
func fitWindow(short, long []int32, buf *[]int32) (start, end int) {
	n, m := len(short), len(long)
	if n == 0 || m == 0 || (n+1)*(m+1) > maxCells {
		return 0, m
	}
	w := m + 1
	d := table(buf, (n+1)*w)
	clear(d[:w])
	for i := 1; i <= n; i++ {
		d[i*w] = int32(i)
		for j := 1; j <= m; j++ {
			sub := int32(1)
			if short[i-1] == long[j-1] {
				sub = 0
			}
			best := d[(i-1)*w+j-1] + sub
			if c := d[(i-1)*w+j] + 1; c < best {
				best = c
			}
			if c := d[i*w+j-1] + 1; c < best {
				best = c
			}
			d[i*w+j] = best
		}
	}
	end = 0
	for j := 1; j <= m; j++ {
		if d[n*w+j] < d[n*w+end] {
			end = j
		}
	}
	i, j := n, end
	for i > 0 && j > 0 {
		sub := int32(1)
		if short[i-1] == long[j-1] {
			sub = 0
		}
		switch {
		case d[i*w+j] == d[(i-1)*w+j-1]+sub:
			i, j = i-1, j-1
		case d[i*w+j] == d[i*w+j-1]+1:
			j--
		default:
			i--
		}
	}
	return j, end
}

// containedSpans diffs a and b when one stands inside the other: the part
// of the longer outside the window is one deletion (or insertion) at each
// end, and the window is diffed word by word.
func containedSpans(a, b []int32, buf *[]int32) []span {
	if len(a) >= len(b) {
		s, e := fitWindow(b, a, buf)
		inner := diffKeys(a[s:e], b, buf)
		out := make([]span, 0, len(inner)+2)
		if s > 0 {
			out = append(out, span{result.OpDelete, 0, s, 0, 0})
		}
		for _, sp := range inner {
			out = append(out, span{sp.op, sp.a0 + s, sp.a1 + s, sp.b0, sp.b1})
		}
		if e < len(a) {
			out = append(out, span{result.OpDelete, e, len(a), len(b), len(b)})
		}
		return mergeSpans(out)
	}
	out := containedSpans(b, a, buf)
	for i, sp := range out {
		op := sp.op
		switch op {
		case result.OpDelete:
			op = result.OpInsert
		case result.OpInsert:
			op = result.OpDelete
		}
		out[i] = span{op, sp.b0, sp.b1, sp.a0, sp.a1}
	}
	return out
}

// table returns a table of n cells, reusing *buf when it is large enough
// (buf may be nil). The cells hold stale values: callers clear what they
// read before writing.
func table(buf *[]int32, n int) []int32 {
	if buf == nil {
		return make([]int32, n)
	}
	if cap(*buf) < n {
		*buf = make([]int32, n)
	}
	return (*buf)[:n]
}
