package check

import (
	"fmt"
	"sort"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
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
			"earliest, with the count of the other earlier sources (\"at least N\" past the " +
			"first 100 compared). Sources are indexed by winnowed word shingles, so the " +
			"check stays linear in the size of the corpus. " +
			"Example: two articles that both carry the same 40-word paragraph of " +
			"background → copied-passage.",
		Severity: result.Warning,
		Options: []Option{{
			Name: "min_words", Default: 25,
			Doc: "the shortest shared run of words that is reported",
		}},
		Run:   runCopiedPassage,
		Early: true,
	}
}

// maxCopyCandidates bounds how many earlier sources sharing a fingerprint
// are compared with the current source: a passage shared by thousands of
// sources costs the same as one shared by this many, and the finding then
// says "at least".
const maxCopyCandidates = 100

// proseIndex holds every source's prose as one word-hash arena (a hash per
// word outside quotations, 0 where a quotation interrupts the prose, so
// that a shared run never jumps over a quote) and the winnowed shingle
// fingerprints of the sources indexed so far.
type proseIndex struct {
	words []uint32 // all sources' word hashes, source after source
	from  []int32  // source i's words are words[from[i]:from[i+1]]
	// chains maps a fingerprint to the first and last of its occurrences
	// in locs (1-based); occurrences chain forward, earliest source first.
	chains map[uint64]chain
	locs   []shingleLoc
}

type chain struct{ first, last int32 }

// shingleLoc is one occurrence of a fingerprint: the source, the word
// position, and the next (later) occurrence, 0 ending the chain.
type shingleLoc struct{ src, pos, next int32 }

func (x *proseIndex) prose(i int) []uint32 { return x.words[x.from[i]:x.from[i+1]] }

func runCopiedPassage(pass *Pass) {
	minWords := pass.IntOption("min_words")
	if minWords <= 0 {
		minWords = 25
	}
	// Shingles of k words, winnowed in windows of w shingles: any shared
	// run of minWords words holds w whole shingles, so both sources select
	// the same fingerprint inside it (Schleimer, Wilkerson and Aiken,
	// "Winnowing", 2003), while only about 2/(w+1) of the positions are
	// indexed.
	k := min(minWords, 8)
	w := minWords - k + 1
	ids := proseOrder(pass)
	spans := quoteSpansBySource(pass.Result, pass.Docs)
	// Sized up front from the text (about one word per six bytes; about
	// 2/(w+1) of the words are fingerprints): growing these by doubling
	// would hold two copies at once, the largest transient of the run on
	// a big corpus.
	textBytes := 0
	for _, id := range ids {
		textBytes += len(pass.Docs[id].Text)
	}
	words := textBytes/6 + 1
	fingerprints := words * 2 / (w + 1)
	x := &proseIndex{
		words:  make([]uint32, 0, words),
		from:   make([]int32, 1, len(ids)+1),
		chains: make(map[uint64]chain, fingerprints),
		locs:   make([]shingleLoc, 0, fingerprints),
	}
	var starts, ends []int32 // the current source's word spans
	var sh []uint64
	var fps []int32
	lookup := copyLookup{pass: pass, x: x, ids: ids, spans: spans}
	for b, id := range ids {
		doc := pass.Docs[id]
		starts, ends = starts[:0], ends[:0]
		proseWords(doc.Text, spans[id], func(h uint32, ws, we int) {
			x.words = append(x.words, h)
			starts = append(starts, int32(ws))
			ends = append(ends, int32(we))
		})
		x.from = append(x.from, int32(len(x.words)))
		B := x.prose(b)
		sh = shingles(sh[:0], B, k)
		fps = winnow(fps[:0], sh, w)
		coveredUntil := 0 // first word of B not yet inside a reported run
		for _, p32 := range fps {
			p := int(p32)
			if p < coveredUntil {
				continue
			}
			c, ok := x.chains[sh[p]]
			if !ok {
				continue
			}
			// Every earlier source sharing a long enough run through p, the
			// earliest first: the longest run is reported once, pointing at
			// the earliest source with that run; the others are counted,
			// not listed, so a passage shared by k sources gives k-1
			// findings, not k².
			best, bestS, bestN, sharing, capped := shingleLoc{}, 0, 0, 0, false
			seen := 0
			for l := c.first; l > 0; l = x.locs[l-1].next {
				if seen == maxCopyCandidates {
					capped = true
					break
				}
				seen++
				loc := x.locs[l-1]
				A := x.prose(int(loc.src))
				s, n := sharedAround(A, int(loc.pos), B, p, coveredUntil)
				if n < minWords {
					continue
				}
				sharing++
				if n > bestN {
					best, bestS, bestN = loc, s, n
					best.pos = loc.pos - int32(p-s) // A's word where the run starts
				}
			}
			if bestN == 0 {
				continue
			}
			coveredUntil = bestS + bestN
			f := copiedFinding(pass, ids[best.src], lookup.wordStart(int(best.src), int(best.pos)),
				id, int(starts[bestS]), int(ends[bestS+bestN-1]), bestN, sharing-1, capped)
			pass.Report(f)
		}
		for _, p := range fps {
			h := sh[p]
			c, ok := x.chains[h]
			if ok && x.locs[c.last-1].src == int32(b) {
				continue // the first occurrence per source is enough
			}
			x.locs = append(x.locs, shingleLoc{src: int32(b), pos: p})
			n := int32(len(x.locs))
			if ok {
				x.locs[c.last-1].next = n
				c.last = n
			} else {
				c = chain{first: n, last: n}
			}
			x.chains[h] = c
		}
	}
}

// sharedAround is the run of equal words that A and B share through A's
// word i and B's word j, clipped to start no earlier than B's word from:
// its first word in B and its length.
func sharedAround(A []uint32, i int, B []uint32, j, from int) (start, n int) {
	back := 0
	for j-back-1 >= from && i-back-1 >= 0 && B[j-back-1] != 0 && B[j-back-1] == A[i-back-1] {
		back++
	}
	fwd := 0
	for i+fwd < len(A) && j+fwd < len(B) && B[j+fwd] != 0 && B[j+fwd] == A[i+fwd] {
		fwd++
	}
	return j - back, back + fwd
}

// shingles appends to out the hash of the k words from each word of p (0
// where the window crosses a quotation or runs off the end).
func shingles(out []uint64, p []uint32, k int) []uint64 {
	for i := range p {
		if i+k > len(p) {
			out = append(out, 0)
			continue
		}
		h := uint64(14695981039346656037)
		for _, w := range p[i : i+k] {
			if w == 0 {
				h = 0
				break
			}
			h = (h ^ uint64(w)) * 1099511628211
			h ^= h >> 29
			if h == 0 {
				h = 1
			}
		}
		out = append(out, h)
	}
	return out
}

// winnow appends to out the positions of the fingerprints of sh: in every
// window of w consecutive shingles the rightmost smallest non-zero hash,
// each position once.
func winnow(out []int32, sh []uint64, w int) []int32 {
	minPos := -1
	for end := w - 1; end < len(sh); end++ {
		start := end - w + 1
		switch {
		case minPos < start:
			minPos = -1
			for i := start; i <= end; i++ {
				if sh[i] != 0 && (minPos < 0 || sh[i] <= sh[minPos]) {
					minPos = i
				}
			}
		case sh[end] != 0 && sh[end] <= sh[minPos]:
			minPos = end
		}
		if minPos >= 0 && (len(out) == 0 || out[len(out)-1] != int32(minPos)) {
			out = append(out, int32(minPos))
		}
	}
	return out
}

// proseOrder returns the IDs of the sources with a document, earliest
// dated first (undated last, then by ID).
func proseOrder(pass *Pass) []string {
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
	return ids
}

// proseWords calls fn with the hash and span of each word of text outside
// the quotation spans (sorted), and with a 0 hash and no span once where
// each quotation interrupts the prose.
func proseWords(text string, quotes []source.Span, fn func(h uint32, ws, we int)) {
	qi := 0
	scanWords(text, 0, len(text), func(ws, we int, lowered []byte, plain bool) {
		if qi < len(quotes) && quotes[qi].End <= ws {
			for qi < len(quotes) && quotes[qi].End <= ws {
				qi++
			}
			fn(0, ws, ws)
		}
		if qi < len(quotes) && quotes[qi].Start < we {
			return // inside a quotation
		}
		h := wordHash(lowered)
		if plain {
			h = wordHash(text[ws:we])
		}
		// 31 bits of the hash, never 0: two different words collide about
		// once in two billion comparisons, and then only lengthen a
		// reported run by a word.
		fn(uint32(h>>32)|1, ws, we)
	})
}

// copyLookup finds where a word of an earlier source starts, scanning that
// source again (only for the sources findings point at). The word starts
// of up to copyLookupSize sources are kept: copies mostly point at the
// same few earliest sources.
type copyLookup struct {
	pass   *Pass
	x      *proseIndex
	ids    []string
	spans  map[string][]source.Span
	starts map[int][]int32
}

const copyLookupSize = 1024

func (c *copyLookup) wordStart(src, word int) int {
	st, ok := c.starts[src]
	if !ok {
		if c.starts == nil || len(c.starts) == copyLookupSize {
			c.starts = map[int][]int32{}
		}
		id := c.ids[src]
		st = make([]int32, 0, len(c.x.prose(src)))
		proseWords(c.pass.Docs[id].Text, c.spans[id], func(_ uint32, ws, _ int) {
			st = append(st, int32(ws))
		})
		c.starts[src] = st
	}
	return int(st[word])
}

// wordHash is the 64-bit FNV-1a hash of a word.
func wordHash[S string | []byte](w S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// copiedFinding is the finding in source b for its n words from byte
// start to end, the same as source a's from byte aStart; others is the
// number of further earlier sources sharing the passage (a lower bound
// when capped).
func copiedFinding(pass *Pass, a string, aStart int, b string, start, end, n, others int, capped bool) result.Finding {
	docA, docB := pass.Docs[a], pass.Docs[b]
	line, col := docB.Position(start)
	aline, acol := docA.Position(aStart)
	msg := fmt.Sprintf("A passage of %d words (not a quotation) is word for word the same as in %s.", n, sourceLabel(pass.Index, a))
	atLeast := ""
	if capped {
		atLeast = "at least "
	}
	switch {
	case others == 1 && !capped:
		msg = msg[:len(msg)-1] + " (and in 1 other earlier source)."
	case others >= 1:
		msg = msg[:len(msg)-1] + fmt.Sprintf(" (and in %s%d other earlier sources).", atLeast, others)
	}
	return result.Finding{
		Source: b, Line: line, Column: col,
		Evidence:   textExcerpt(docB.Text[start:end], 200),
		Message:    msg,
		Suggestion: "Rewrite the passage in your own words, or credit the source it comes from.",
		Related: []result.Related{{
			Source: a, Line: aline, Column: acol,
			Message: "the same passage",
		}},
	}
}
