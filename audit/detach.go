package audit

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// detach copies every string of r that points into the text of one of
// docs (quotes, speakers, names and evidence are slices of the text they
// were read from) into memory of the result's own, so that the texts can
// be freed once the audit is done: at 100,000 articles they are a quarter
// of the heap while the reports are written. Equal strings share one
// copy (a quote's text is also its match member's text and often a
// finding's evidence: the same bytes of the same text), and so do short
// equal strings (names, roles, marks), so the copies take well under
// half the texts' bytes. Strings that point elsewhere are left as they
// are.
func detach(r *result.Result, docs []*source.Document) {
	d := newDetacher(docs)
	if d == nil {
		return
	}
	for i := range r.Sources {
		s := &r.Sources[i]
		d.own(&s.Title)
		d.own(&s.Byline)
		for j := range s.Dates {
			d.own(&s.Dates[j].Text)
		}
		for j := range s.Notes {
			d.own(&s.Notes[j])
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		d.own(&q.Text)
		d.own(&q.OpenMark)
		d.own(&q.CloseMark)
		d.own(&q.Verb)
		d.own(&q.Via)
		for j := range q.Insertions {
			d.own(&q.Insertions[j])
		}
		d.own(&q.Speaker.Mention)
		d.own(&q.Speaker.Name)
		d.own(&q.Speaker.Role)
	}
	for i := range r.People {
		p := &r.People[i]
		d.own(&p.Name)
		for j := range p.Variants {
			d.own(&p.Variants[j].Text)
		}
		for j := range p.Roles {
			d.own(&p.Roles[j].Text)
		}
	}
	for i := range r.Matches {
		m := &r.Matches[i]
		d.own(&m.Text)
		d.ownDiff(m.Diff)
		for j := range m.Members {
			d.own(&m.Members[j].Text)
			d.ownDiff(m.Members[j].Diff)
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		d.own(&f.Evidence)
		d.own(&f.Message)
		d.own(&f.Suggestion)
		for j := range f.Related {
			d.own(&f.Related[j].Message)
		}
	}
}

// detacher copies strings out of a set of texts (see detach).
type detacher struct {
	texts []textSpan // the documents' texts, by address
	// short holds the copies of short strings by content, long those of
	// longer ones by the bytes of the text they were (content equality
	// is not worth hashing a long quotation for).
	short map[string]string
	long  map[textSlice]string
	chunk []byte // the arena chunk being filled
}

// textSlice names a string by where its bytes are.
type textSlice struct {
	at uintptr
	n  int
}

// shortText is the longest string copied once per content: names,
// roles, verbs and quotation marks repeat across the corpus.
const shortText = 32

// textSpan is the address range of one document's text.
type textSpan struct{ lo, hi uintptr }

// detachChunk is the size of the arena chunks copies are made in: one
// allocation per chunk rather than one per string.
const detachChunk = 1 << 20

func newDetacher(docs []*source.Document) *detacher {
	d := &detacher{short: map[string]string{}, long: map[textSlice]string{}}
	for _, doc := range docs {
		if len(doc.Text) == 0 {
			continue
		}
		lo := uintptr(unsafe.Pointer(unsafe.StringData(doc.Text)))
		d.texts = append(d.texts, textSpan{lo, lo + uintptr(len(doc.Text))})
	}
	if len(d.texts) == 0 {
		return nil
	}
	slices.SortFunc(d.texts, func(a, b textSpan) int {
		switch {
		case a.lo < b.lo:
			return -1
		case a.lo > b.lo:
			return 1
		}
		return 0
	})
	return d
}

// inText reports whether s's bytes lie inside one of the texts.
func (d *detacher) inText(s string) bool {
	if len(s) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	i, _ := slices.BinarySearchFunc(d.texts, p, func(t textSpan, p uintptr) int {
		switch {
		case t.hi <= p:
			return -1
		case t.lo > p:
			return 1
		}
		return 0
	})
	return i < len(d.texts) && d.texts[i].lo <= p && p < d.texts[i].hi
}

// own replaces *s by a copy of its own when it points into a text.
func (d *detacher) own(s *string) {
	if !d.inText(*s) {
		return
	}
	if len(*s) <= shortText {
		c, ok := d.short[*s]
		if !ok {
			c = d.copy(*s)
			d.short[c] = c
		}
		*s = c
		return
	}
	k := textSlice{uintptr(unsafe.Pointer(unsafe.StringData(*s))), len(*s)}
	c, ok := d.long[k]
	if !ok {
		c = d.copy(*s)
		d.long[k] = c
	}
	*s = c
}

func (d *detacher) ownDiff(ops []result.DiffOp) {
	for i := range ops {
		d.own(&ops[i].Old)
		d.own(&ops[i].New)
	}
}

// copy copies s into the current chunk (a long string gets its own).
func (d *detacher) copy(s string) string {
	if len(s) > detachChunk/8 {
		return strings.Clone(s)
	}
	if len(d.chunk)+len(s) > cap(d.chunk) {
		d.chunk = make([]byte, 0, detachChunk)
	}
	start := len(d.chunk)
	d.chunk = append(d.chunk, s...)
	return unsafe.String(&d.chunk[start], len(s))
}
