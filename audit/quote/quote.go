// Package quote extracts the direct quotations of a document and
// attributes each one to its speaker.
//
// Extraction pairs quotation marks by family (double: “ ” " « » „ “…”;
// single: ‘ ’ ' ‹ › ‚), not in sequence, so that a quote opened with ‘ and
// closed with ” is found (and marked mismatched), apostrophes are not
// taken for marks, nested quotes stay inside their outer quote, and the
// multi-paragraph convention (each paragraph re-opens, only the last
// closes) links the parts through Continues.
//
// Attribution reads the narration around each quote: a cue after it
// ("…," said Zamir Kabulov, Russian envoy), before it (Maria Ivanova
// remarked …: “…”), in the middle of an interrupted quote, or in an
// introductory paragraph ending with "that", ":" or ",". Pronouns and
// surnames resolve to the full names introduced earlier in the document;
// anonymous descriptors and organisations are recognised. A quote with no
// cue of its own continues the speaker of the quote or reported speech
// right before it, when nothing intervenes. When the speaker cannot be
// told, the quote is left unknown rather than guessed; a short unattributed
// quote (FragmentWords words or fewer) is a fragment.
//
// The attribution vocabulary (verbs, anonymous descriptors, outlets,
// organisations) comes from the lexicon, built from the rule set; the
// grammar words (roles, function words, common given names) are in this
// package. Everything is per document: Extract keeps no state between
// calls and is safe for concurrent use; an Extractor reuses its buffers
// from one document to the next and serves one goroutine.
package quote

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// FragmentWords is the largest number of words an unattributed quote may
// have to count as a fragment (a scare quote, a term, a title).
const FragmentWords = 4

// para is one paragraph with its quotes and tokens.
type para struct {
	lo, hi int
	spans  []span
	qbase  int // index of the paragraph's first quote in the document
	toks   []token
	qtok   []int // token index of each quote of the paragraph
	tokEnd int   // end of the paragraph's tokens in the document's arena
}

// Extract finds every quotation in doc and attributes it. Quote IDs are
// doc.Meta.ID + "-Q" + n (1-based, in text order) and Source is
// doc.Meta.ID. It fills every Quote field except Match and
// Speaker.Person/Candidates (the name resolver fills those). It never
// panics; quotes never overlap; each quote's Text is doc.Text[Start:End]
// with the marks excluded; Line and Column come from doc.Position(Start).
func Extract(doc *source.Document, lx *lexicon.Lexicon) []result.Quote {
	return NewExtractor(lx).Extract(doc)
}

// Extractor extracts the quotations of one document after another,
// reusing its token buffer (the largest allocation of extraction). It is
// not safe for concurrent use: give each goroutine its own.
type Extractor struct {
	lx     *lexicon.Lexicon
	tokens []token
	lower  []byte // the lower case of the capitalised words being tokenized
	qtoks  []int  // the paragraphs' qtok, one after another
	marks  []mark // one paragraph's marks
	spans  []span // the document's quotes before attribution
	paras  []para
	// memory is the attributor's lists and tables, emptied for the next
	// document.
	memory attributorMemory
}

// NewExtractor returns an Extractor with lx's vocabulary (nil: the
// bundled defaults).
func NewExtractor(lx *lexicon.Lexicon) *Extractor {
	if lx == nil {
		lx = lexicon.New(nil)
	}
	return &Extractor{lx: lx}
}

// What an Extractor keeps between documents is bounded: one huge source
// must not hold its buffers, at their largest, for the rest of the run.
const (
	maxKeptTokens = 1 << 20 // tokens of the arena
	maxKeptBytes  = 4 << 20 // bytes of the lower-case buffer
	maxKeptItems  = 1 << 16 // paragraphs, quote spans, marks, entities
)

// reusable returns s emptied for the next document, or nil when it grew
// past limit elements.
func reusable[T any](s []T, limit int) []T {
	if cap(s) > limit {
		return nil
	}
	return s[:0]
}

// Extract is the package-level Extract with the Extractor's lexicon.
func (x *Extractor) Extract(doc *source.Document) []result.Quote {
	if doc == nil {
		return nil
	}
	lx := x.lx
	t := doc.Text
	spans := paragraphSpans(doc)
	paras := x.paras[:0]
	all := x.spans[:0]
	markBuf := x.marks[:0]
	defer func() {
		clear(paras) // drop the document's slices
		x.paras, x.spans, x.marks = reusable(paras, maxKeptItems), reusable(all, maxKeptItems), reusable(markBuf, maxKeptItems)
	}()
	for i, sp := range spans {
		lo, hi := sp.Start, sp.End
		if lo < 0 || hi > len(t) || lo >= hi {
			continue
		}
		nextOpens := false
		if i+1 < len(spans) {
			n := spans[i+1]
			if n.Start >= 0 && n.End <= len(t) && n.Start < n.End {
				nextOpens = opensWithMark(t, n.Start, n.End)
			}
		}
		markBuf = findMarks(t, lo, hi, markBuf[:0])
		before := len(all)
		all = scanParagraph(t, lo, hi, markBuf, nextOpens, all)
		// The first quote of a paragraph continues a quote left open by
		// the previous paragraph when it opens the paragraph.
		if before < len(all) && before > 0 && all[before-1].openAtEnd && all[before].open == lo {
			all[before].contPrev = true
		}
		paras = append(paras, para{lo: lo, hi: hi, spans: all[before:len(all):len(all)], qbase: before})
	}
	if len(all) == 0 {
		return nil
	}
	// One token arena for the whole document, sized from its text (about
	// one token per four bytes), rather than a growing slice per paragraph.
	size := 0
	for i := range paras {
		size += paras[i].hi - paras[i].lo
	}
	arena := x.tokens[:0]
	if need := size/4 + 16; cap(arena) < need {
		arena = make([]token, 0, need)
	}
	lower := x.lower[:0]
	defer func() {
		x.tokens, x.lower = reusable(arena, maxKeptTokens), reusable(lower, maxKeptBytes)
	}()
	for i := range paras {
		p := &paras[i]
		arena, lower = tokenize(t, p.lo, p.hi, p.spans, p.qbase, arena, lower)
		p.tokEnd = len(arena)
	}
	classify(arena, string(lower), lx)
	qtoks := x.qtoks[:0]
	defer func() { x.qtoks = reusable(qtoks, maxKeptItems) }()
	from := 0
	for i := range paras {
		p := &paras[i]
		p.toks = arena[from:p.tokEnd:p.tokEnd]
		from = p.tokEnd
		q0 := len(qtoks)
		for k, tk := range p.toks {
			if tk.kind == tQuote {
				qtoks = append(qtoks, k)
			}
		}
		p.qtok = qtoks[q0:len(qtoks):len(qtoks)]
	}
	words := make([]int, len(all))
	for i, s := range all {
		words[i] = wordCount(t[s.start:s.end])
	}
	a := newAttributor(doc, lx, paras, words, &x.memory)
	quotes := make([]result.Quote, len(all))
	ids := quoteIDs(doc.Meta.ID, len(all))
	for i, s := range all {
		q := &quotes[i]
		q.ID = ids[i]
		q.Source = doc.Meta.ID
		q.Start, q.End = s.start, s.end
		q.Line, q.Column = doc.Position(s.start)
		q.Text = t[s.start:s.end]
		q.OpenMark, q.CloseMark = s.openMark, s.closeMark
		q.Unclosed, q.Mismatched = s.unclosed, s.mismatched
		q.Insertions, q.Ellipses = insertions(q.Text)
		if s.contPrev && i > 0 {
			q.Continues = quotes[i-1].ID
		}
	}
	for pi := range paras {
		p := &paras[pi]
		for k := range p.spans {
			quotes[p.qbase+k].Paragraph = pi + 1
		}
	}
	a.attribute(quotes)
	a.done(&x.memory)
	return quotes
}

// quoteIDs returns id + "-Q" + n for n from 1 to count, cut from one
// string rather than built one by one.
func quoteIDs(id string, count int) []string {
	var b strings.Builder
	b.Grow(count * (len(id) + 2 + 3))
	var num [20]byte
	for i := range count {
		b.WriteString(id)
		b.WriteString("-Q")
		b.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
	}
	all := b.String()
	ids := make([]string, count)
	for i := range ids {
		n := len(id) + 2 + len(strconv.AppendInt(num[:0], int64(i+1), 10))
		ids[i], all = all[:n], all[n:]
	}
	return ids
}

// paragraphSpans returns the document's paragraphs, or one per non-blank
// line when the reader gave none.
func paragraphSpans(doc *source.Document) []source.Span {
	if len(doc.Paragraphs) > 0 {
		return doc.Paragraphs
	}
	var out []source.Span
	t := doc.Text
	start := 0
	for i := 0; i <= len(t); i++ {
		if i == len(t) || t[i] == '\n' || t[i] == '\r' {
			s, e := trimSpan(t, start, i)
			if s < e {
				out = append(out, source.Span{Start: s, End: e})
			}
			start = i + 1
		}
	}
	return out
}

// insertions lists the bracketed insertions of a quote and counts its
// ellipses.
func insertions(text string) (ins []string, ellipses int) {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '[':
			if j := strings.IndexByte(text[i+1:], ']'); j >= 0 {
				ins = append(ins, text[i:i+j+2])
				i += j + 1
			}
		case '.':
			if strings.HasPrefix(text[i:], "...") {
				ellipses++
				for i+1 < len(text) && text[i+1] == '.' {
					i++
				}
			}
		case 0xE2:
			if strings.HasPrefix(text[i:], "…") {
				ellipses++
				i += len("…") - 1
			}
		}
	}
	return ins, ellipses
}

// wordCount counts the words of s.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		switch {
		case isWordRune(r):
			if !in {
				n++
			}
			in = true
		case in && (r == '\'' || r == '’' || r == '-'):
			// inside a word: don't, Russia’s, well-known
		default:
			in = false
		}
	}
	return n
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
