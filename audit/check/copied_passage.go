package check

import (
	"fmt"
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
			"then by source ID) and points at the earlier one; a passage shared by " +
			"several sources is reported once in each later source, pointing at the " +
			"earliest, with the count of the other earlier sources. Sources are indexed by " +
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

// prose is a source's words outside quotations: each word's hash and
// span, and a segment number that changes at every quotation, so that a
// shared run never jumps over a quote.
type prose struct {
	id    string
	hash  []uint64 // per word
	start []int32
	end   []int32
	seg   []int32
}

// shingleLoc is one occurrence of a shingle in the index; next chains the
// occurrences of the same shingle (-1 ends the chain).
type shingleLoc struct{ src, pos, next int32 }

func runCopiedPassage(pass *Pass) {
	minWords := pass.IntOption("min_words")
	if minWords <= 0 {
		minWords = 25
	}
	k := min(minWords, 8)
	srcs := proseOf(pass)
	total := 0
	for i := range srcs {
		total += len(srcs[i].hash)
	}
	head := make(map[uint64]int32, total)
	locs := make([]shingleLoc, 0, total)
	for b := range srcs {
		B := &srcs[b]
		sh := shingles(B, k)
		coveredUntil := 0 // first position of B not yet inside a reported run
		for i, h := range sh {
			if h == 0 || i < coveredUntil {
				continue
			}
			// Every earlier source sharing a long enough run from here: the
			// longest run is reported once, pointing at the earliest source
			// with that run; the others are counted, not listed, so a
			// passage shared by k sources gives k-1 findings, not k².
			best, bestN, others := int32(-1), 0, 0
			for l := head[h] - 1; l >= 0; l = locs[l].next {
				loc := locs[l]
				n := sharedRun(&srcs[loc.src], int(loc.pos), B, i)
				if n < minWords {
					continue
				}
				others++
				// The chain runs from the latest source to the earliest, so
				// on a tie the later link (the earlier source) wins.
				if n >= bestN {
					best, bestN = l, n
				}
			}
			if best < 0 {
				continue
			}
			coveredUntil = i + bestN
			loc := locs[best]
			pass.Report(copiedFinding(pass, &srcs[loc.src], int(loc.pos), B, i, bestN, others-1))
		}
		for i, h := range sh {
			if h == 0 {
				continue
			}
			first := head[h] - 1
			if first >= 0 && locs[first].src == int32(b) {
				continue // the first occurrence per source is enough
			}
			locs = append(locs, shingleLoc{src: int32(b), pos: int32(i), next: first})
			head[h] = int32(len(locs)) // 1-based: 0 means absent
		}
	}
}

// shingles returns the hash of the k words from each position of p (0
// where the window crosses a quotation or runs off the end).
func shingles(p *prose, k int) []uint64 {
	out := make([]uint64, len(p.hash))
	for i := 0; i+k <= len(p.hash); i++ {
		if p.seg[i] != p.seg[i+k-1] {
			continue
		}
		h := uint64(14695981039346656037)
		for _, w := range p.hash[i : i+k] {
			h = (h ^ w) * 1099511628211
			h ^= h >> 29
		}
		if h == 0 {
			h = 1
		}
		out[i] = h
	}
	return out
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
	spans := quoteSpansBySource(pass.Result, pass.Docs)
	out := make([]prose, 0, len(ids))
	for _, id := range ids {
		doc := pass.Docs[id]
		quotes := spans[id]
		words := len(doc.Text)/6 + 1
		p := prose{id: id, hash: make([]uint64, 0, words), start: make([]int32, 0, words),
			end: make([]int32, 0, words), seg: make([]int32, 0, words)}
		seg, qi := 0, 0
		scanWords(doc.Text, 0, len(doc.Text), func(ws, we int, lowered []byte, plain bool) {
			for qi < len(quotes) && quotes[qi].End <= ws {
				qi++
				seg++
			}
			if qi < len(quotes) && quotes[qi].Start < we {
				return // inside a quotation
			}
			h := wordHash(lowered)
			if plain {
				h = wordHash(doc.Text[ws:we])
			}
			p.hash = append(p.hash, h)
			p.start = append(p.start, int32(ws))
			p.end = append(p.end, int32(we))
			p.seg = append(p.seg, int32(seg))
		})
		out = append(out, p)
	}
	return out
}

// wordHash is the 64-bit FNV-1a hash of a word.
func wordHash[S string | []byte](w S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// sharedRun is the number of equal words from A's word i and B's word j
// on, staying within one segment on each side.
func sharedRun(A *prose, i int, B *prose, j int) int {
	n := 0
	for i+n < len(A.hash) && j+n < len(B.hash) &&
		A.seg[i+n] == A.seg[i] && B.seg[j+n] == B.seg[j] &&
		A.hash[i+n] == B.hash[j+n] {
		n++
	}
	return n
}

// copiedFinding is the finding in B for its n words from word j, the same
// as A's from word i; others is the number of further earlier sources
// sharing the passage.
func copiedFinding(pass *Pass, A *prose, i int, B *prose, j, n, others int) result.Finding {
	docA, docB := pass.Docs[A.id], pass.Docs[B.id]
	start, end := int(B.start[j]), int(B.end[j+n-1])
	line, col := docB.Position(start)
	aline, acol := docA.Position(int(A.start[i]))
	msg := fmt.Sprintf("A passage of %d words (not a quotation) is word for word the same as in %s.", n, sourceLabel(pass.Index, A.id))
	switch {
	case others == 1:
		msg = msg[:len(msg)-1] + " (and in 1 other earlier source)."
	case others > 1:
		msg = msg[:len(msg)-1] + fmt.Sprintf(" (and in %d other earlier sources).", others)
	}
	return result.Finding{
		Source: B.id, Line: line, Column: col,
		Evidence:   textExcerpt(docB.Text[start:end], 200),
		Message:    msg,
		Suggestion: "Rewrite the passage in your own words, or credit the source it comes from.",
		Related: []result.Related{{
			Source: A.id, Line: aline, Column: acol,
			Message: "the same passage",
		}},
	}
}
