package check

import (
	"fmt"
	"hash/fnv"
	"sort"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// copiedPassage reports a passage shared word for word by two sources.
func copiedPassage() *Check {
	return &Check{
		Slug:  "copied-passage",
		Title: "passage copied from another source",
		Doc: "A run of at least min_words words (default 25), outside quotation marks, " +
			"that two different sources share word for word (case and punctuation " +
			"ignored). Quotations are left out: outlets rightly quote the same words. " +
			"A shared passage of the reporter's own prose suggests one piece copied the " +
			"other without credit. The finding is placed in the later source (by date, " +
			"then by source ID) and points at the earlier one. Sources are indexed by " +
			"word shingles, so the check stays linear in the size of the corpus. " +
			"Example: two articles that both carry the same 40-word paragraph of " +
			"background → copied-passage.",
		Severity: result.Warning,
		Options: []Option{{
			Name: "min_words", Default: 25,
			Doc: "the shortest shared run of words that is reported",
		}},
		Run: runCopiedPassage,
	}
}

// prose is a source's words outside quotations; seg changes at every
// quotation and paragraph-free gap, so that runs never jump over a quote.
type prose struct {
	id   string
	toks []wordToken
	seg  []int
}

type shingleLoc struct{ src, pos int }

func runCopiedPassage(pass *Pass) {
	minWords := pass.IntOption("min_words")
	if minWords <= 0 {
		minWords = 25
	}
	k := min(minWords, 8)
	srcs := proseOf(pass)
	index := map[uint64][]shingleLoc{}
	for b := range srcs {
		B := &srcs[b]
		coveredUntil := map[int]int{} // earlier source -> first position of B not yet in a run
		for i := 0; i+k <= len(B.toks); i++ {
			if B.seg[i] != B.seg[i+k-1] {
				continue
			}
			h := shingleHash(B.toks[i : i+k])
			for _, loc := range index[h] {
				if coveredUntil[loc.src] > i {
					continue
				}
				A := &srcs[loc.src]
				n := sharedRun(A, loc.pos, B, i)
				if n < minWords {
					continue
				}
				coveredUntil[loc.src] = i + n
				pass.Report(copiedFinding(pass, A, loc.pos, B, i, n))
			}
		}
		seen := map[uint64]bool{}
		for i := 0; i+k <= len(B.toks); i++ {
			if B.seg[i] != B.seg[i+k-1] {
				continue
			}
			h := shingleHash(B.toks[i : i+k])
			if !seen[h] { // first occurrence per source is enough
				seen[h] = true
				index[h] = append(index[h], shingleLoc{src: b, pos: i})
			}
		}
	}
}

// proseOf returns the sources' prose, earliest-dated first (undated last,
// then by ID).
func proseOf(pass *Pass) []prose {
	ids := sortedSourceIDs(pass.Result, pass.Docs)
	date := func(id string) string {
		s := pass.Index.Source(id)
		best := ""
		for _, d := range s.Dates {
			if d.ISO != "" && (best == "" || d.ISO < best) {
				best = d.ISO
			}
		}
		if best == "" {
			return "~" // after every ISO date
		}
		return best
	}
	sort.SliceStable(ids, func(i, j int) bool { return date(ids[i]) < date(ids[j]) })
	out := make([]prose, 0, len(ids))
	for _, id := range ids {
		doc := pass.Docs[id]
		quotes := quoteSpansOf(pass.Result, doc, id)
		p := prose{id: id}
		seg, qi := 0, 0
		for _, t := range wordTokens(doc.Text, 0, len(doc.Text)) {
			inQuote := false
			for qi < len(quotes) && quotes[qi].End <= t.Start {
				qi++
				seg++
			}
			if qi < len(quotes) && quotes[qi].Start < t.End {
				inQuote = true
			}
			if inQuote {
				continue
			}
			p.toks = append(p.toks, t)
			p.seg = append(p.seg, seg)
		}
		out = append(out, p)
	}
	return out
}

func shingleHash(toks []wordToken) uint64 {
	h := fnv.New64a()
	for _, t := range toks {
		h.Write([]byte(t.Norm))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// sharedRun is the number of equal words from A.toks[i] and B.toks[j] on,
// staying within one segment on each side.
func sharedRun(A *prose, i int, B *prose, j int) int {
	n := 0
	for i+n < len(A.toks) && j+n < len(B.toks) &&
		A.seg[i+n] == A.seg[i] && B.seg[j+n] == B.seg[j] &&
		A.toks[i+n].Norm == B.toks[j+n].Norm {
		n++
	}
	return n
}

func copiedFinding(pass *Pass, A *prose, i int, B *prose, j, n int) result.Finding {
	docA, docB := pass.Docs[A.id], pass.Docs[B.id]
	start, end := B.toks[j].Start, B.toks[j+n-1].End
	line, col := docB.Position(start)
	aline, acol := docA.Position(A.toks[i].Start)
	return result.Finding{
		Source: B.id, Line: line, Column: col,
		Evidence:   textExcerpt(docB.Text[start:end], 200),
		Message:    fmt.Sprintf("A passage of %d words (not a quotation) is word for word the same as in %s.", n, sourceLabel(pass.Index, A.id)),
		Suggestion: "Rewrite the passage in your own words, or credit the source it comes from.",
		Related: []result.Related{{
			Source: A.id, Line: aline, Column: acol,
			Message: "the same passage",
		}},
	}
}
