package check

import (
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/internal/hashtable"
	"github.com/quoteaudit/quoteaudit/internal/ordered"
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
// that a shared run never jumps over a quote, and 0 before the first
// source and after each, so that a run never leaves its source) and the
// winnowed shingle fingerprints of the sources indexed so far.
type proseIndex struct {
	words []uint32 // 0, then each source's word hashes followed by a 0
	from  []int32  // source i's words are words[from[i]:from[i+1]-1]
	// marks are proseWords' states every proseMarkStep words, source after
	// source (source i's are marks[markFrom[i]:markFrom[i+1]]): where a
	// word of an earlier source starts is found by reading on from the
	// mark before it, not by keeping every word's offset.
	marks    []proseMark
	markFrom []int32
	// chains maps a fingerprint to its occurrences in locs, earliest
	// source first.
	chains hashtable.Table[chain]
	locs   []shingleLoc
}

// chain is where the occurrences of a fingerprint are. Most fingerprints
// occur in one source: that occurrence's arena word is head, and tail is
// -1. The others' occurrences are kept in locs, in chunks of 2, 2, then
// maxChunk slots, each chunk's last slot giving where the next starts
// (in its next), so that a source compared with the chain reads them
// mostly side by side, and a chain wastes only a few slots. head and
// tail are then where the first and the last chunk start, and the first
// slot's next (never a chunk's last) is the chain's count, occurrences
// past the first maxCopyCandidates counted only: no source is compared
// with them.
type chain struct{ head, tail int32 }

// maxChunk is the size of a chain's chunks from its third on: most
// chains are short (2 to 8 occurrences on generated sister articles),
// and larger chunks would leave more slots empty.
const maxChunk = 4

// chunkOf is where a chain's occurrence i (0-based) is in its chunk, and
// the chunk's size: chunks of 2, 2, 4, 4... slots hold occurrences 0-1,
// 2-3, 4-7, 8-11...
func chunkOf(i int32) (off, size int32) {
	if i < 4 {
		return i % 2, 2
	}
	return (i - 4) % maxChunk, maxChunk
}

// shingleLoc is one occurrence of a fingerprint shared by several
// sources: where it stands in the arena, next (see chain), and how far
// its words agree with the previous occurrence's, which lets a later
// source compared with the whole chain derive most of its shared runs
// from the one before instead of reading the words again (see
// sharedRuns).
type shingleLoc struct {
	at, next int32
	// fwd is how many words from at are the same as from the previous
	// occurrence (0 for the first), and fwdNext this occurrence's word
	// just past them (0 where its prose ends there); back and backNext
	// are the same read backwards from the word before at.
	fwd, back         int32
	fwdNext, backNext uint32
}

func (x *proseIndex) prose(i int) []uint32 { return x.words[x.from[i] : x.from[i+1]-1] }

// source is the source whose words include arena word at.
func (x *proseIndex) source(at int32) int {
	return sort.Search(len(x.from)-1, func(i int) bool { return x.from[i+1] > at })
}

// copySource is what a worker reads of one source, before the source is
// compared with the earlier ones and indexed: its prose word hashes with
// their spans and marks, its shingles and the positions of its
// fingerprints.
type copySource struct {
	words        []uint32
	starts, ends []int32
	marks        []proseMark
	sh           []uint64
	fps          []int32
}

// copyRun is a reported run of n words: source b's words from byte start
// to end, the same as source a's from its word aWord; others is the count
// of further earlier sources sharing it (a lower bound when capped).
type copyRun struct {
	a, aWord, b, start, end, n, others int32
	capped                             bool
}

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
	// a big corpus. The table of chains holds one key per distinct
	// fingerprint, far fewer than the fingerprints when passages are
	// shared (a fifth of them on generated sister articles), and is kept
	// at most half full: it starts at a quarter, holding 16 bytes a slot
	// for what is shared, and doubles when the sources share little. locs
	// holds only the fingerprints found in more than one source, with a
	// few empty slots in each chain's last chunk (on sister articles about
	// as many slots as fingerprints; with little shared, hardly any).
	textBytes := 0
	for _, id := range ids {
		textBytes += len(pass.Docs[id].Text)
	}
	words := textBytes/6 + 1
	fingerprints := words * 2 / (w + 1)
	x := &proseIndex{
		words:    make([]uint32, 1, words+len(ids)+1),
		from:     append(make([]int32, 0, len(ids)+1), 1),
		marks:    make([]proseMark, 0, words/proseMarkStep+len(ids)),
		markFrom: make([]int32, 1, len(ids)+1),
		chains:   hashtable.New[chain](fingerprints / 4),
		locs:     make([]shingleLoc, 0, fingerprints),
	}
	var runs []copyRun
	// Reading a source (hashing its words, shingling, winnowing) needs
	// nothing of the others: workers read ahead while the sources are
	// compared and indexed one after another, in order.
	var spare sync.Pool // copySources done with, to be read into again
	read := func(b int) *copySource {
		cs, _ := spare.Get().(*copySource)
		if cs == nil {
			cs = &copySource{}
		}
		doc := pass.Docs[ids[b]]
		cs.words, cs.starts, cs.ends = cs.words[:0], cs.starts[:0], cs.ends[:0]
		cs.marks = proseWords(doc.Text, spans[ids[b]], proseMark{}, len(doc.Text), cs.marks[:0], func(h uint32, ws, we int) bool {
			cs.words = append(cs.words, h)
			cs.starts = append(cs.starts, int32(ws))
			cs.ends = append(cs.ends, int32(we))
			return true
		})
		cs.sh = shingles(cs.sh[:0], cs.words, k)
		cs.fps = winnow(cs.fps[:0], cs.sh, w)
		return cs
	}
	ordered.Map(len(ids), read, func(b int, cs *copySource) {
		runs = x.add(b, cs, minWords, runs)
		spare.Put(cs)
	})
	// The findings need only the marks (and the text): the index is let
	// go before they are written, on the workers too, in order.
	x.words, x.chains, x.locs = nil, hashtable.Table[chain]{}, nil
	ordered.Map(len(runs), func(i int) result.Finding {
		r := runs[i]
		a, b := ids[r.a], ids[r.b]
		return copiedFinding(pass, a, x.wordStart(pass.Docs[a].Text, spans[a], int(r.a), int(r.aWord)),
			b, int(r.start), int(r.end), int(r.n), int(r.others), r.capped)
	}, func(_ int, f result.Finding) { pass.Report(f) })
}

// add appends source b, as read, to the index: first its runs shared with
// the sources indexed so far are appended to runs, then its fingerprints
// are indexed.
func (x *proseIndex) add(b int, cs *copySource, minWords int, runs []copyRun) []copyRun {
	base := int32(len(x.words)) // where B's words start in the arena
	x.words = append(x.words, cs.words...)
	x.words = append(x.words, 0)
	x.from = append(x.from, int32(len(x.words)))
	x.marks = append(x.marks, cs.marks...)
	x.markFrom = append(x.markFrom, int32(len(x.marks)))
	sh := cs.sh
	coveredUntil := 0 // first word of B not yet inside a reported run
	for _, p32 := range cs.fps {
		p := int(p32)
		if p < coveredUntil {
			continue
		}
		c := x.chains.Lookup(sh[p])
		if c == nil {
			continue
		}
		// Every earlier source sharing a long enough run through p, the
		// earliest first: the longest run is reported once, pointing at
		// the earliest source with that run; the others are counted,
		// not listed, so a passage shared by k sources gives k-1
		// findings, not k².
		best := x.sharedRuns(c, base+p32, base+int32(coveredUntil), minWords)
		if best.n == 0 {
			continue
		}
		bestS := p - int(best.back)
		coveredUntil = bestS + int(best.n)
		src := x.source(best.at)
		runs = append(runs, copyRun{
			a: int32(src), aWord: best.at - best.back - x.from[src], b: int32(b),
			start: cs.starts[bestS], end: cs.ends[coveredUntil-1],
			n: best.n, others: best.sharing - 1, capped: best.capped,
		})
	}
	// The run B shares with the previous occurrence of a fingerprint,
	// from arena word runStart to runEnd, that occurrence's words being
	// shift words on: the next fingerprint whose previous occurrence is
	// shifted the same, inside the run, lies in it too (a copied passage
	// has a fingerprint every few words, in the same earlier source).
	runStart, runEnd, shift := int32(0), int32(0), int32(0)
	for _, p := range cs.fps {
		h := sh[p]
		c := x.chains.Lookup(h)
		at := base + p
		if c == nil {
			x.chains.Insert(h, chain{head: at, tail: -1})
			continue
		}
		n, lastSlot, lastAt := int32(1), int32(-1), c.head
		if c.tail >= 0 {
			n = x.locs[c.head].next
			if n > maxCopyCandidates {
				x.locs[c.head].next++ // counted, not kept: the count only says there are more
				continue
			}
			off, _ := chunkOf(n - 1)
			lastSlot = c.tail + off
			lastAt = x.locs[lastSlot].at
		}
		if lastAt >= base {
			continue // the first occurrence per source is enough
		}
		if n == maxCopyCandidates {
			x.locs[c.head].next++
			continue
		}
		if lastAt-at != shift || at >= runEnd {
			shift = lastAt - at
			runStart, runEnd = at-x.sharedBackward(lastAt, at, 0), at+x.sharedForward(lastAt, at)
		}
		fwd, back := runEnd-at, at-runStart
		loc := shingleLoc{
			at: at, fwd: fwd, back: back,
			fwdNext: x.words[at+fwd], backNext: x.words[at-1-back],
		}
		switch off, size := chunkOf(n); {
		case lastSlot < 0: // the second occurrence: the first chunk
			c.head, c.tail = int32(len(x.locs)), int32(len(x.locs))
			x.locs = append(x.locs, shingleLoc{at: lastAt}, loc)
		case off == 0: // the chunks are full: a new one
			c.tail = int32(len(x.locs))
			x.locs[lastSlot].next = c.tail
			x.locs = append(x.locs, loc)
			x.locs = slices.Grow(x.locs, int(size-1))[:len(x.locs)+int(size-1)]
		default:
			x.locs[c.tail+off] = loc
		}
		x.locs[c.head].next = n + 1
	}
	return runs
}

// sharedRun is what sharedRuns found in a chain: the longest run (back
// words before the arena word at of its source and n in all), how many
// sources share a run of at least minWords words, and whether more
// sources were left uncompared.
type sharedRun struct {
	at, back, n, sharing int32
	capped               bool
}

// sharedRuns compares arena word j (of the source being added) with the
// first maxCopyCandidates occurrences of chain c, each by the run of
// equal words through both, clipped to start no earlier than arena word
// from: the longest run of at least minWords words (the earliest
// occurrence's on a tie), or n 0 when there is none.
//
// Words of an occurrence are read only where the previous occurrence
// leaves its run undecided: the run shared with the previous occurrence
// and how far the two occurrences agree (stored in the chain) give the
// run shared with this one, each way, as the shorter of the two when
// they differ; when they are equal, the occurrence's word just past
// them, stored too, tells whether the run goes on. A passage shared by
// many sources is so read about once per source, not once per pair, and
// each occurrence compared costs a few instructions.
func (x *proseIndex) sharedRuns(c *chain, j, from int32, minWords int) sharedRun {
	if c.tail < 0 { // one occurrence, not in locs
		fwd, back := x.sharedForward(c.head, j), x.sharedBackward(c.head, j, from)
		if n := back + fwd; n >= int32(minWords) {
			return sharedRun{at: c.head, back: back, n: n, sharing: 1}
		}
		return sharedRun{}
	}
	n := x.locs[c.head].next
	best := sharedRun{capped: n > maxCopyCandidates}
	var fwd, back int32 // the run shared with the previous occurrence
	left := min(n, maxCopyCandidates)
	for start, done := c.head, int32(0); left > 0; {
		_, size := chunkOf(done)
		chunk := x.locs[start : start+min(size, left)]
		for i := range chunk {
			loc := &chunk[i]
			if start == c.head && i == 0 {
				fwd, back = x.sharedForward(loc.at, j), x.sharedBackward(loc.at, j, from)
			} else {
				// When equal, the run goes on only if this occurrence's
				// next word is B's too.
				if d := loc.fwd; fwd != d {
					fwd = min(fwd, d)
				} else if loc.fwdNext != 0 && x.words[j+d] == loc.fwdNext {
					fwd = d + 1 + x.sharedForward(loc.at+d+1, j+d+1)
				}
				if d := loc.back; back != d {
					back = min(back, d)
				} else if loc.backNext != 0 && j-1-d >= from && x.words[j-1-d] == loc.backNext {
					back = d + 1 + x.sharedBackward(loc.at-d-1, j-d-1, from)
				}
			}
			if n := back + fwd; n >= int32(minWords) {
				best.sharing++
				if n > best.n {
					best.at, best.back, best.n = loc.at, back, n
				}
			}
		}
		left -= int32(len(chunk))
		done += int32(len(chunk))
		start = chunk[len(chunk)-1].next
	}
	return best
}

// sharedForward is how many words from arena word j are the same as
// from arena word i, stopping at a quotation or a source's end (0 words,
// which match nothing).
func (x *proseIndex) sharedForward(i, j int32) int32 {
	w := x.words
	n := int32(0)
	for w[j+n] != 0 && w[j+n] == w[i+n] {
		n++
	}
	return n
}

// sharedBackward is how many words before arena word j are the same as
// before arena word i, stopping at a quotation, a source's start or
// arena word from (the first that may be read).
func (x *proseIndex) sharedBackward(i, j, from int32) int32 {
	w := x.words
	n := int32(0)
	for j-1-n >= from && w[j-1-n] != 0 && w[j-1-n] == w[i-1-n] {
		n++
	}
	return n
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

// proseMark is proseWords' state where a word starts: how many words
// (and quotation breaks) came before it in the source, its offset, and
// the next quotation span.
type proseMark struct{ word, off, quote int32 }

// proseMarkStep is how many words of prose lie between two marks.
const proseMarkStep = 32

// proseWords calls fn with the hash and span of each word of text outside
// the quotation spans (sorted), and with a 0 hash and no span once where
// each quotation interrupts the prose, until fn returns false. It reads
// from the state at (the zero proseMark: from the start) up to byte end, a
// word start or the end of the text, and appends its state to marks every
// proseMarkStep words, returning them.
func proseWords(text string, quotes []source.Span, at proseMark, end int, marks []proseMark, fn func(h uint32, ws, we int) bool) []proseMark {
	qi, n, nextMark := int(at.quote), int(at.word), int(at.word)
	for r := newWordCursor(text, int(at.off), end); ; {
		wh, ok := r.nextHash()
		if !ok {
			break
		}
		ws, we := r.ws, r.we
		if n >= nextMark {
			marks = append(marks, proseMark{word: int32(n), off: int32(ws), quote: int32(qi)})
			nextMark = n + proseMarkStep
		}
		if qi < len(quotes) && quotes[qi].End <= ws {
			for qi < len(quotes) && quotes[qi].End <= ws {
				qi++
			}
			n++
			if !fn(0, ws, ws) {
				break
			}
		}
		if qi < len(quotes) && quotes[qi].Start < we {
			continue // inside a quotation
		}
		// 31 bits of the hash, never 0: two different words collide about
		// once in two billion comparisons, and then only lengthen a
		// reported run by a word.
		n++
		if !fn(uint32(wh>>32)|1, ws, we) {
			break
		}
	}
	return marks
}

// wordStart is where word i of source src's prose starts in its text,
// read on from the last mark before it (the word exists).
func (x *proseIndex) wordStart(text string, quotes []source.Span, src, i int) int {
	marks := x.marks[x.markFrom[src]:x.markFrom[src+1]]
	k := sort.Search(len(marks), func(k int) bool { return int(marks[k].word) > i }) - 1
	end := len(text)
	if k+1 < len(marks) {
		end = int(marks[k+1].off)
	}
	n, at := int(marks[k].word), -1
	var buf [1]proseMark // the mark it starts from, given again
	proseWords(text, quotes, marks[k], end, buf[:0], func(_ uint32, ws, _ int) bool {
		if n == i {
			at = ws
		}
		n++
		return n <= i
	})
	return at
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
	// The message is built in one buffer: thirty thousand findings on a
	// large corpus.
	var arr [192]byte
	msg := append(arr[:0], "A passage of "...)
	msg = strconv.AppendInt(msg, int64(n), 10)
	msg = append(msg, " words (not a quotation) is word for word the same as in "...)
	msg = append(msg, sourceLabel(pass.Index, a)...)
	switch {
	case others == 1 && !capped:
		msg = append(msg, " (and in 1 other earlier source)"...)
	case others >= 1:
		msg = append(msg, " (and in "...)
		if capped {
			msg = append(msg, "at least "...)
		}
		msg = strconv.AppendInt(msg, int64(others), 10)
		msg = append(msg, " other earlier sources)"...)
	}
	msg = append(msg, '.')
	return result.Finding{
		Source: b, Line: line, Column: col,
		Evidence:   textExcerpt(docB.Text[start:end], 200),
		Message:    string(msg),
		Suggestion: "Rewrite the passage in your own words, or credit the source it comes from.",
		Related: []result.Related{{
			Source: a, Line: aline, Column: acol,
			Message: "the same passage",
		}},
	}
}
