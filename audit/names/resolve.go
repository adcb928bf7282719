package names

import (
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/internal/ordered"
	"github.com/quoteaudit/quoteaudit/rules"
)

// DefaultDistance is the edit distance within which two spellings of a
// name may be the same person (the name-variant check's name_distance).
const DefaultDistance = 2

// maxPlaces is how many places a variant keeps per source.
const maxPlaces = 3

// blockWindow bounds the comparisons inside one oversized block: names
// are sorted and each is compared with its next blockWindow neighbours
// only (sorted neighbourhood), so no block costs more than O(n·w).
const (
	blockAll    = 64
	blockWindow = 16
)

// Local entity kinds.
const (
	kindFull   = iota // a name of two tokens or more
	kindSingle        // one token: a surname, or a name we cannot place
	kindFirst         // one token that is the given name of someone else in the source
)

// mention is one occurrence of a person's name.
type mention struct {
	doc       int
	start     int
	text      string   // as written: the name, with its title when the name is one token
	toks      []string // folded tokens of the name, title excluded
	role      string
	roleStart int
	place     *result.Place // set for mentions that come from a quote's speaker only
	local     int
	cands     []int // local entities a short mention could be
}

// local is one person within one source.
type local struct {
	doc      int
	kind     int
	toks     []string // tokens of the fullest name
	joined   string   // toks joined by spaces
	tkey     string   // TranslitKey(joined)
	fp       string   // sorted unique tokens, joined
	mentions []int
	first    int // offset of the first mention
	// Set once the source is linked, for the clustering: the heads of the
	// roles (sigsOf), and the blocking keys of a full name's surname.
	sigs   []string
	blocks []string
}

// linkLocal is a local entity while link builds it: what link and the
// role heads read besides, which the clustering does not keep.
type linkLocal struct {
	local
	roles  []string
	last   int  // offset of the latest mention linked so far
	gender byte // 'm' or 'f' when a title said so ("Mr", "Mrs"), else 0
}

// node of the cross-source clustering: a local entity or a roster entry.
type node struct {
	local  int // -1 for roster entries
	roster int // -1 for local entities
	toks   []string
	joined string   // toks joined by spaces
	tkey   string   // TranslitKey(joined)
	fp     string   // fingerprint(toks)
	sigs   []string // sigsOf(roles)
	blocks []string // blockKeys of a full name's surname, else none
}

type resolver struct {
	docs   []*source.Document
	quotes []result.Quote
	rs     *rules.Set
	lx     *lexicon.Lexicon
	k      int

	mentions []mention
	locals   []local
	quoteOf  []quoteMention // quote index, mention index
	tkeys    tkeys          // the cache of the resolver's goroutine
	roleSigs roleHeads
}

// tkeys caches TranslitKey of folded tokens: each goroutine has its own.
type tkeys map[string]string

// of is TranslitKey of a name's folded tokens joined by spaces: the
// tokens' keys joined, as no digraph and no doubled letter spans a
// space.
func (c tkeys) of(toks []string) string {
	if len(toks) == 1 {
		return c.key(toks[0])
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(c.key(t))
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.key(t))
	}
	return b.String()
}

// key is TranslitKey of a folded token, computed once per token.
func (c tkeys) key(tok string) string {
	k, ok := c[tok]
	if !ok {
		k = TranslitKey(tok)
		c[tok] = k
	}
	return k
}

// Resolve collects people from every document and its quotes, links short
// references within a source, clusters across sources (and against the
// roster in rs.People), and returns people with IDs "P1"… in order of
// first appearance (source order, then position). It sets
// quotes[i].Speaker.Person (and .Candidates when a short mention is
// ambiguous) in place. docs are in Source order; quotes are every source's
// quotes. Person.Quotes counts quotations (first parts) attributed.
//
// Resolve scans the documents for names itself, one after another;
// ResolveFound takes what Scanners found on a pool.
func Resolve(docs []*source.Document, quotes []result.Quote, rs *rules.Set, lx *lexicon.Lexicon) []result.Person {
	if lx == nil {
		lx = lexicon.New(rs)
	}
	s := NewScanner(lx)
	found := make([]Found, len(docs))
	for d, doc := range docs {
		if doc != nil {
			found[d] = s.Scan(doc)
		}
	}
	return ResolveFound(docs, found, []*Scanner{s}, quotes, rs, lx)
}

// ResolveFound is Resolve for names already found: found[d] is what one
// of scanners found in docs[d], and every source the scanners read is in
// docs. ResolveFound takes the found names over (it keeps and changes
// them).
func ResolveFound(docs []*source.Document, found []Found, scanners []*Scanner, quotes []result.Quote, rs *rules.Set, lx *lexicon.Lexicon) []result.Person {
	r := &resolver{docs: docs, quotes: quotes, rs: rs, lx: lx, k: DefaultDistance, tkeys: tkeys{}, roleSigs: roleHeads{}}
	if rs != nil {
		r.k = rs.IntOption("name-variant", "name_distance", DefaultDistance)
	}
	if lx == nil {
		r.lx = lexicon.New(rs)
	}
	r.collect(found, scanners)
	return r.cluster()
}

// speaker is a quote's speaker as collect finds it in its source.
type speaker struct {
	quote int
	cand  int // index in the source's candidates, or -1 for a new mention
	name  string
	title string
	role  string
}

// sourceCands is one source's names before they are kept or dropped: the
// candidates (with the full names of speakers added), their folded
// tokens, the quotes' speakers, and the fingerprints of the names it
// shows to be names (known anywhere).
type sourceCands struct {
	cands    []candidate
	toks     [][]string // folded tokens of each candidate, split once
	speakers []speaker
	known    []string
}

// sourcePeople is one source's mentions and local entities, numbered
// within the source (mention.local, mention.cands, local.mentions and
// quoteOf's mentions) until merge numbers them in the corpus.
type sourcePeople struct {
	mentions []mention
	locals   []local
	quoteOf  []quoteMention
}

// quoteMention ties a quote to the mention of its speaker.
type quoteMention struct{ quote, mention int }

// linkScratch is what one goroutine of collect's second pass reuses from
// source to source.
type linkScratch struct {
	tk          tkeys
	heads       roleHeads
	surnames    map[string]bool
	isKnown     []bool
	candMention []int
	fp          []byte            // a fingerprint to look up
	roles       map[string]string // cleanRole of a role, remembered
	// A source's mentions and locals are built here, then copied out at
	// their size: most candidates are dropped, and locals are added one
	// by one, so slices of the source's own would hold up to three times
	// what is kept until the corpus's slices are built.
	mentions []mention
	locals   []linkLocal
	order    []int // link's mentions in text order
}

// collect takes the names found in every document, adds the quotes'
// speakers, then keeps the names that have evidence, that are known from
// another source or the roster, or that repeat a surname of the source,
// and links each source's mentions into its local entities. Both passes
// read the sources on every CPU (ordered.Map), one source at a time;
// their results are merged in source order, so that mentions and locals
// are numbered as a plain loop numbers them.
func (r *resolver) collect(found []Found, scanners []*Scanner) {
	quotesOf := r.speakerQuotes()
	srcs := make([]sourceCands, len(r.docs))
	// Names known anywhere: evidenced names of two tokens or more, and
	// the roster's.
	known := map[string]bool{}
	speakers := newScratchPool(func() *speakerScratch {
		return &speakerScratch{titles: map[string]titled{}, roles: map[string]string{}}
	})
	ordered.Map(len(r.docs), func(d int) sourceCands {
		var f Found
		if d < len(found) {
			f = found[d]
		}
		return withScratch(speakers, func(s *speakerScratch) sourceCands {
			return r.candidates(d, f, quotesOf(d), scanners, s)
		})
	}, func(d int, sc sourceCands) {
		for _, fp := range sc.known {
			known[fp] = true
		}
		sc.known = nil
		srcs[d] = sc
		if d < len(found) {
			found[d] = Found{}
		}
	})
	if r.rs != nil {
		for _, p := range r.rs.People {
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				if len(tokens(reorder(n))) >= 2 {
					known[Fingerprint(reorder(n))] = true
				}
			}
		}
	}
	links := newScratchPool(func() *linkScratch {
		return &linkScratch{tk: tkeys{}, heads: roleHeads{}, surnames: map[string]bool{}, roles: map[string]string{}}
	})
	// The sources' mentions and locals are numbered in order as they come
	// and copied once into slices of the corpus's size.
	people := make([]sourcePeople, len(r.docs))
	var nMentions, nLocals, nQuotes int
	ordered.Map(len(r.docs), func(d int) sourcePeople {
		if r.docs[d] == nil {
			return sourcePeople{}
		}
		return withScratch(links, func(s *linkScratch) sourcePeople {
			return r.sourcePeople(d, &srcs[d], known, s)
		})
	}, func(d int, sp sourcePeople) {
		srcs[d] = sourceCands{} // done with: let them go while the mentions grow
		sp.renumber(nMentions, nLocals)
		nMentions, nLocals, nQuotes = nMentions+len(sp.mentions), nLocals+len(sp.locals), nQuotes+len(sp.quoteOf)
		people[d] = sp
	})
	r.mentions = make([]mention, 0, nMentions)
	r.locals = make([]local, 0, nLocals)
	r.quoteOf = make([]quoteMention, 0, nQuotes)
	for d := range people {
		r.mentions = append(r.mentions, people[d].mentions...)
		r.locals = append(r.locals, people[d].locals...)
		r.quoteOf = append(r.quoteOf, people[d].quoteOf...)
		people[d] = sourcePeople{}
	}
}

// scratchPool holds the scratches of the goroutines of one ordered.Map:
// each takes one for a source and gives it back.
type scratchPool[T any] chan *T

// newScratchPool makes a pool of one scratch (made by fresh) per CPU.
func newScratchPool[T any](fresh func() *T) scratchPool[T] {
	p := make(scratchPool[T], runtime.GOMAXPROCS(0))
	for range cap(p) {
		p <- fresh()
	}
	return p
}

// withScratch calls f with a scratch of p, and gives it back.
func withScratch[T, R any](p scratchPool[T], f func(*T) R) R {
	s := <-p
	defer func() { p <- s }()
	return f(s)
}

// speakerScratch is what one goroutine of collect's first pass reuses
// from source to source: what it made of the speakers' names and roles,
// which sister sources repeat.
type speakerScratch struct {
	titles map[string]titled // speakerName of a name or mention
	roles  map[string]string // speakerRole of a role
}

// titled is a speaker's name or mention without its titles (stripTitle),
// or "" when what is left does not look like a name (nameLike); the
// titles; and the name's fold and folded tokens.
type titled struct {
	rest, title, fold string
	toks              []string
}

// speakerName is what collect reads of a speaker's name or mention,
// remembered: stripTitle of lx, nameLike, the fold and its tokens.
func (s *speakerScratch) speakerName(lx *lexicon.Lexicon, name string) titled {
	t, ok := s.titles[name]
	if !ok {
		t.rest, t.title = stripTitle(lx, name)
		if !nameLike(t.rest) {
			t.rest = ""
		}
		t.fold = Fold(t.rest)
		if t.rest != "" {
			t.toks = strings.Fields(t.fold)
		}
		s.titles[name] = t
	}
	return t
}

// speakerRole is speakerRole, remembered.
func (s *speakerScratch) speakerRole(role string) string {
	r, ok := s.roles[role]
	if !ok {
		r = speakerRole(role)
		s.roles[role] = r
	}
	return r
}

// speakerQuotes groups by source the quotes whose speaker is a person:
// it returns the indices of the quotes of docs[d], in order.
func (r *resolver) speakerQuotes() func(d int) []int {
	docIndex := map[string]int{}
	for d, doc := range r.docs {
		if doc != nil {
			docIndex[doc.Meta.ID] = d
		}
	}
	docOf := make([]int, len(r.quotes))
	start := make([]int, len(r.docs)+1)
	for qi := range r.quotes {
		docOf[qi] = -1
		q := &r.quotes[qi]
		if q.Speaker.Kind != result.KindPerson {
			continue
		}
		if d, ok := docIndex[q.Source]; ok {
			docOf[qi] = d
			start[d+1]++
		}
	}
	for d := range r.docs {
		start[d+1] += start[d]
	}
	idx := make([]int, start[len(r.docs)])
	next := slices.Clone(start[:len(r.docs)])
	for qi, d := range docOf {
		if d >= 0 {
			idx[next[d]] = qi
			next[d]++
		}
	}
	return func(d int) []int { return idx[start[d]:start[d+1]] }
}

// candidates is collect's first pass over source d: its names but the
// lone words the corpus also writes in lower case, with the speakers of
// its quotes (the quotes' indices) matched to them.
func (r *resolver) candidates(d int, f Found, quotes []int, scanners []*Scanner, s *speakerScratch) sourceCands {
	// A name of one word that is also a lower-case word somewhere in the
	// corpus is dropped.
	kept := f.cands[:0]
	for _, c := range f.cands {
		if !c.lone || !seenLower(scanners, c.lower()) {
			kept = append(kept, c)
		}
	}
	sc := sourceCands{cands: kept, toks: splitFolded(kept)}
	// Speakers of quotes.
	for _, qi := range quotes {
		q := &r.quotes[qi]
		fn, sn := s.speakerName(r.lx, q.Speaker.Name), s.speakerName(r.lx, q.Speaker.Mention)
		full, short, title := fn.rest, sn.rest, sn.title
		if full == "" && short == "" {
			continue
		}
		fs, ff, fullToks := sn.fold, fn.fold, fn.toks
		if len(fullToks) >= 2 {
			ensureWritten(&sc.cands, &sc.toks, r.docs[d].Text, full, ff, q.Start)
		}
		best, bestDist := -1, 1<<30
		for ci, c := range sc.cands {
			f := c.fold
			if f != fs && f != ff && (full == "" || !shortFormTokens(sc.toks[ci], fullToks)) {
				continue
			}
			dist := 0
			switch {
			case c.end < q.Start:
				dist = q.Start - c.end
			case c.start > q.End:
				dist = c.start - q.End
			}
			if dist < bestDist && dist <= 600 {
				best, bestDist = ci, dist
			}
		}
		sp := speaker{quote: qi, cand: best, role: s.speakerRole(q.Speaker.Role), title: title}
		if best >= 0 {
			c := &sc.cands[best]
			c.evidence = true
			if c.role == "" && sp.role != "" {
				c.role, c.roleStart = sp.role, -1
			}
		} else {
			sp.name = full
			if sp.name == "" {
				sp.name = short
			}
		}
		sc.speakers = append(sc.speakers, sp)
	}
	for ci, c := range sc.cands {
		if t := sc.toks[ci]; c.evidence && len(t) >= 2 {
			sc.known = append(sc.known, fingerprint(t))
		}
	}
	for _, sp := range sc.speakers {
		if sp.cand < 0 && len(tokens(sp.name)) >= 2 {
			sc.known = append(sc.known, Fingerprint(sp.name))
		}
	}
	return sc
}

// splitFolded returns the folded tokens of each candidate, all in one
// array: strings.Fields of each fold, whose tokens one space separates.
func splitFolded(cands []candidate) [][]string {
	n := 0
	for i := range cands {
		if f := cands[i].fold; f != "" {
			n += strings.Count(f, " ") + 1
		}
	}
	toks := make([][]string, len(cands))
	all := make([]string, 0, n)
	for i := range cands {
		from := len(all)
		for t := range strings.SplitSeq(cands[i].fold, " ") {
			if t != "" {
				all = append(all, t)
			}
		}
		toks[i] = all[from:len(all):len(all)]
	}
	return toks
}

// lower is strings.ToLower(c.name): the folded name when that is it (an
// ASCII word the fold only lowered), else a copy.
func (c *candidate) lower() string {
	if len(c.fold) != len(c.name) {
		return strings.ToLower(c.name)
	}
	for i := 0; i < len(c.name); i++ {
		b := c.name[i]
		if b >= utf8.RuneSelf {
			return strings.ToLower(c.name)
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if c.fold[i] != b {
			return strings.ToLower(c.name)
		}
	}
	return c.fold
}

// sourcePeople is collect's second pass over source d, whose names are
// sc: the mentions kept, linked into the source's local entities.
func (r *resolver) sourcePeople(d int, sc *sourceCands, known map[string]bool, s *linkScratch) sourcePeople {
	doc := r.docs[d]
	tk := s.tk
	// Surnames of the source's full names.
	surnames := s.surnames
	clear(surnames)
	toks := sc.toks
	isKnown := slices.Grow(s.isKnown[:0], len(sc.cands)) // evidenced or known
	fp := s.fp
	for ci, c := range sc.cands {
		if !c.evidence {
			fp = appendFingerprint(fp[:0], toks[ci])
		}
		isKnown = append(isKnown, c.evidence || known[string(fp)])
		if t := toks[ci]; len(t) >= 2 && isKnown[ci] {
			surnames[tk.key(t[len(t)-1])] = true
		}
	}
	s.isKnown, s.fp = isKnown, fp
	for _, s := range sc.speakers {
		if t := tokens(s.name); s.cand < 0 && len(t) >= 2 {
			surnames[tk.key(t[len(t)-1])] = true
		}
	}
	sp := sourcePeople{mentions: s.mentions[:0]}
	s.locals = s.locals[:0]
	candMention := slices.Grow(s.candMention[:0], len(sc.cands)) // mention of each candidate kept, or -1
	for ci, c := range sc.cands {
		candMention = append(candMention, -1)
		t := toks[ci]
		keep := isKnown[ci]
		if !keep && len(t) >= 1 && surnames[tk.key(t[len(t)-1])] {
			keep = len(t) <= 3
		}
		if !keep || len(t) == 0 {
			continue
		}
		m := mention{doc: d, start: c.start, text: c.name, toks: t, role: s.cleanRole(c.role), roleStart: c.roleStart}
		if c.title != "" && len(t) == 1 {
			m.text = c.title + " " + c.name
		}
		candMention[ci] = len(sp.mentions)
		sp.mentions = append(sp.mentions, m)
	}
	s.candMention = candMention
	for _, spk := range sc.speakers {
		q := &r.quotes[spk.quote]
		if spk.cand >= 0 {
			if mi := candMention[spk.cand]; mi >= 0 {
				sp.quoteOf = append(sp.quoteOf, quoteMention{spk.quote, mi})
			}
			continue
		}
		t := tokens(spk.name)
		if len(t) == 0 {
			continue
		}
		pl := doc.Place(q.Start)
		if q.Speaker.Line > 0 {
			pl.Line, pl.Column = q.Speaker.Line, q.Speaker.Column
		}
		m := mention{doc: d, start: q.Start, text: spk.name, toks: t, role: s.cleanRole(spk.role), roleStart: -1, place: &pl}
		if spk.title != "" && len(t) == 1 {
			m.text = spk.title + " " + spk.name
		}
		sp.quoteOf = append(sp.quoteOf, quoteMention{spk.quote, len(sp.mentions)})
		sp.mentions = append(sp.mentions, m)
	}
	r.link(d, &sp, s)
	for i := range s.locals {
		l := &s.locals[i]
		if len(l.mentions) == 0 {
			continue
		}
		l.sigs = s.heads.sigsOf(nil, l.roles)
		if l.kind == kindFull && len(l.toks) >= 2 {
			sur := l.toks[len(l.toks)-1]
			l.blocks = blockKeys(sur, tk.key(sur))
		}
	}
	// Copy the mentions and locals out at their size, the locals without
	// what only link reads; keep the scratch's slices (grown to the
	// largest source so far) and let go of what they refer to.
	s.mentions = sp.mentions
	sp.mentions = slices.Clone(sp.mentions)
	sp.locals = make([]local, len(s.locals))
	for i := range s.locals {
		sp.locals[i] = s.locals[i].local
	}
	clear(s.mentions)
	clear(s.locals)
	return sp
}

// cleanRole is cleanRole, remembered.
func (s *linkScratch) cleanRole(role string) string {
	if role == "" {
		return ""
	}
	c, ok := s.roles[role]
	if !ok {
		c = cleanRole(role)
		s.roles[role] = c
	}
	return c
}

// renumber numbers a source's mentions and locals after the mOff
// mentions and lOff locals of the sources before it.
func (sp *sourcePeople) renumber(mOff, lOff int) {
	for i := range sp.mentions {
		m := &sp.mentions[i]
		m.local += lOff
		for j := range m.cands {
			m.cands[j] += lOff
		}
	}
	for i := range sp.locals {
		ms := sp.locals[i].mentions
		for j := range ms {
			ms[j] += mOff
		}
	}
	for i := range sp.quoteOf {
		sp.quoteOf[i].mention += mOff
	}
}

// ensureWritten marks as evidenced the full name the extractor resolved
// a speaker to, adding it at the place where it is written nearest before
// the quote when the name finder missed it ("Jeff Joseph, from the
// Consumer Electronics Association, told …"). A later short form ("Mr
// Joseph") then links to the full name. A name not written in the text
// adds nothing: variants are spellings as written.
// ff is Fold(full); toks holds the candidates' tokens, and takes those of
// the name added.
func ensureWritten(cands *[]candidate, toks *[][]string, text, full, ff string, before int) {
	for i := range *cands {
		if (*cands)[i].fold == ff {
			(*cands)[i].evidence = true
			return
		}
	}
	at := strings.LastIndex(text[:min(len(text), before+len(full)+200)], full)
	if at < 0 {
		at = strings.Index(text, full)
	}
	if at < 0 {
		return
	}
	for _, c := range *cands {
		if c.start < at+len(full) && at < c.end {
			// The finder read this span differently ("Russian Preseident
			// Vladamir Putin" is a role and a name): trust the finder.
			return
		}
	}
	c := candidate{start: at, end: at + len(full), name: full, roleStart: -1, evidence: true}
	c.setFold()
	i := sort.Search(len(*cands), func(i int) bool { return (*cands)[i].start > at })
	*cands = slices.Insert(*cands, i, c)
	*toks = slices.Insert(*toks, i, strings.Fields(c.fold))
}

// speakerRole keeps a role given by the quote extractor only when it
// names a known role noun among its first five words and is short.
func speakerRole(role string) string {
	f := strings.Fields(role)
	if len(f) == 0 || len(f) > 10 {
		return ""
	}
	for i, w := range f {
		if i == 5 {
			break
		}
		if _, ok := roleWord(strings.Trim(w, ".,;:()’'\"")); ok {
			return role
		}
	}
	return ""
}

// stripTitle removes leading personal titles ("Dr. Rangin Dadfar
// Spanta" -> "Rangin Dadfar Spanta", "Dr") and reorders "Surname, Given".
func stripTitle(lx *lexicon.Lexicon, name string) (rest, title string) {
	// A name already in order and spaced (no comma, single spaces) whose
	// first word is no title is its own rest.
	if strings.IndexByte(name, ',') < 0 && collapseSpace(name) == name {
		first, _, two := strings.Cut(name, " ")
		if !two || lx == nil || !lx.Title(first) {
			return name, ""
		}
	}
	f := strings.Fields(reorder(name))
	var t []string
	for len(f) > 1 && lx != nil && lx.Title(f[0]) {
		t = append(t, strings.TrimSuffix(f[0], "."))
		f = f[1:]
	}
	return strings.Join(f, " "), strings.Join(t, " ")
}

// nameLike reports whether s looks like a name: it starts with a capital.
func nameLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsUpper(r)
}

// cleanRole trims a role phrase: white space collapsed, a leading
// article and trailing punctuation removed.
func cleanRole(role string) string {
	f := strings.Fields(role)
	if len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "a", "an", "the":
			f = f[1:]
		}
	}
	// "who heads the team", "are juxtaposed with…": a clause, not a role.
	if len(f) > 0 && stopwords[strings.ToLower(f[0])] {
		return ""
	}
	return strings.Trim(strings.Join(f, " "), " ,;:")
}

// link builds the local entities of document d from its mentions (sp's,
// numbered within the source): full names, then short references linked
// to the most recent full name with that surname. s is the calling
// goroutine's scratch (its cache of keys).
func (r *resolver) link(d int, sp *sourcePeople, s *linkScratch) {
	tk := s.tk
	ms := s.order[:0]
	for i := range sp.mentions {
		ms = append(ms, i)
	}
	s.order = ms
	sort.SliceStable(ms, func(a, b int) bool { return sp.mentions[ms[a]].start < sp.mentions[ms[b]].start })
	var fpBuf [64]byte // a mention's fingerprint
	add := func(li, mi int) {
		m := &sp.mentions[mi]
		l := &s.locals[li]
		m.local = li
		l.mentions = append(l.mentions, mi)
		if m.role != "" {
			l.roles = append(l.roles, m.role)
		}
		if g := titleGender(m.text); g != 0 {
			l.gender = g
		}
		if len(m.toks) > len(l.toks) {
			l.toks = m.toks
			l.joined = strings.Join(l.toks, " ")
			l.tkey = tk.of(l.toks)
			l.fp = fingerprint(l.toks)
		}
		l.last = m.start
	}
	newLocal := func(mi, kind int) int {
		s.locals = append(s.locals, linkLocal{local: local{doc: d, kind: kind, first: sp.mentions[mi].start}})
		li := len(s.locals) - 1
		add(li, mi)
		return li
	}
	for _, mi := range ms {
		m := &sp.mentions[mi]
		if len(m.toks) >= 2 {
			fp := appendFingerprint(fpBuf[:0], m.toks)
			target := -1
			for li := range s.locals {
				l := &s.locals[li]
				if l.kind == kindFull && l.fp == string(fp) {
					target = li
					break
				}
			}
			if target < 0 {
				// A shorter form of a name already introduced ("al-Sharra"
				// after "Ahmad al-Sharra"): the most recent such person.
				for li := range s.locals {
					l := &s.locals[li]
					if l.kind == kindFull && len(l.toks) > len(m.toks) && subset(m.toks, l.toks) && (target < 0 || l.last > s.locals[target].last) {
						target = li
					}
				}
			}
			var jb, tkb string
			if target < 0 {
				jb = strings.Join(m.toks, " ")
				for li := range s.locals {
					l := &s.locals[li]
					if l.kind != kindFull || !tk.similarNames(&l.local, m.toks, jb, &tkb, r.k) {
						continue
					}
					if tk.givenConflict(l.toks, m.toks) || rolesConflict(l.roles, []string{m.role}) {
						continue
					}
					target = li
					break
				}
			}
			if target < 0 {
				// A new person: its keys are the ones just made of the
				// mention.
				if tkb == "" {
					tkb = tk.of(m.toks)
				}
				s.locals = append(s.locals, linkLocal{local: local{doc: d, kind: kindFull, first: m.start,
					toks: m.toks, joined: jb, tkey: tkb, fp: string(fp)}})
				add(len(s.locals)-1, mi)
			} else {
				add(target, mi)
			}
			continue
		}
		t := m.toks[0]
		g := titleGender(m.text)
		var sur []int
		for li := range s.locals {
			l := &s.locals[li]
			if g != 0 && l.gender != 0 && g != l.gender {
				continue // "Mrs Howard" is not Mr Howard
			}
			if l.kind == kindFull && tk.sameSurname(l.toks[len(l.toks)-1], t) {
				sur = append(sur, li)
			}
		}
		if len(sur) > 0 {
			best := sur[0]
			for _, li := range sur[1:] {
				if s.locals[li].last > s.locals[best].last {
					best = li
				}
			}
			if len(sur) > 1 {
				m.cands = sur
			}
			add(best, mi)
			continue
		}
		target := -1
		isFirst := false
		for li := range s.locals {
			l := &s.locals[li]
			if l.kind == kindFull && l.toks[0] == t {
				isFirst = true
			}
			if l.kind != kindFull && l.toks[0] == t {
				target = li
			}
		}
		switch {
		case target >= 0:
			add(target, mi)
			if isFirst {
				s.locals[target].kind = kindFirst
			}
		case isFirst:
			newLocal(mi, kindFirst)
		default:
			newLocal(mi, kindSingle)
		}
	}
	// A surname used before the full name is introduced: link it to that
	// person when exactly one full name of the source carries the
	// surname and the roles agree; a lone given name becomes a first name.
	for li := range s.locals {
		l := &s.locals[li]
		if l.kind != kindSingle {
			continue
		}
		t := l.toks[0]
		var sur []int
		for lj := range s.locals {
			f := &s.locals[lj]
			if f.kind != kindFull {
				continue
			}
			if tk.sameSurname(f.toks[len(f.toks)-1], t) {
				sur = append(sur, lj)
			}
			if f.toks[0] == t {
				l.kind = kindFirst
			}
		}
		if l.kind == kindSingle && len(sur) == 1 && !rolesConflict(l.roles, s.locals[sur[0]].roles) {
			f := &s.locals[sur[0]]
			for _, mi := range l.mentions {
				sp.mentions[mi].local = sur[0]
			}
			f.mentions = append(f.mentions, l.mentions...)
			f.roles = append(f.roles, l.roles...)
			f.first = min(f.first, l.first)
			l.mentions, l.roles = nil, nil
		}
	}
}

// sameSurname compares two folded tokens exactly or by transliteration key.
func (c tkeys) sameSurname(a, b string) bool {
	return a == b || (runeLen(a) > 3 && c.key(a) == c.key(b))
}

// similarNames reports whether two full names are the same name spelt
// differently: same surname key, or whole names within the distance. jb
// is b joined by spaces; *tkb is TranslitKey(jb), computed when first
// needed. k is the edit distance allowed.
func (c tkeys) similarNames(l *local, b []string, jb string, tkb *string, k int) bool {
	a := l.toks
	if !c.sameSurname(a[len(a)-1], b[len(b)-1]) && len(a) != len(b) {
		return false
	}
	if _, ok := Distance(l.joined, jb, k); ok {
		return true
	}
	if *tkb == "" {
		*tkb = c.of(b)
	}
	return l.tkey == *tkb
}

// givenConflict reports whether two full names carry given names that
// cannot be one spelling of each other (Jon/Tom; but not
// Vladamir/Vladimir, nor an initial).
func (c tkeys) givenConflict(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 {
		return false
	}
	ga, gb := a[0], b[0]
	if ga == gb || c.key(ga) == c.key(gb) {
		return false
	}
	la, lb := runeLen(ga), runeLen(gb)
	if la == 1 || lb == 1 {
		return ga[0] != gb[0]
	}
	allow := 0
	if min(la, lb) >= 5 {
		allow = 1
	}
	_, ok := Distance(ga, gb, allow)
	return !ok
}

// rolesConflict reports whether any role of a conflicts with any of b.
func rolesConflict(a, b []string) bool {
	ok, _ := rolesConflictReason(a, b)
	return ok
}

// roleHeads caches the conflict head of each role (see sigsOf): each
// goroutine has its own.
type roleHeads map[string]string

// sigsOf appends to dst the heads of the roles that can conflict with
// another (RoleHead; not past, not of a class that combines with any
// other), each head once, in order of first appearance. RolesConflict
// reads nothing else of such a role, so sigsConflict of two lists finds
// the first conflicting pair of rolesConflictReason, with its reason, in
// time bounded by the number of role heads however many roles there are.
func (c roleHeads) sigsOf(dst []string, roles []string) []string {
	for _, role := range roles {
		h, ok := c[role]
		if !ok {
			h = RoleHead(role)
			if h != "" && (roleClass[h] == "any" || past(role)) {
				h = ""
			}
			c[role] = h
		}
		if h != "" {
			dst = appendSigs(dst, h)
		}
	}
	return dst
}

// appendSigs appends to dst the heads of hs it does not hold.
func appendSigs(dst []string, hs ...string) []string {
	for _, h := range hs {
		if !slices.Contains(dst, h) {
			dst = append(dst, h)
		}
	}
	return dst
}

// sigsConflict is rolesConflictReason of two lists of sigsOf heads.
func sigsConflict(a, b []string) (bool, string) {
	for _, x := range a {
		for _, y := range b {
			if cx, cy := roleClass[x], roleClass[y]; x != y && cx != cy {
				return true, x + " (" + cx + ") and " + y + " (" + cy + ")"
			}
		}
	}
	return false, ""
}

func rolesConflictReason(a, b []string) (bool, string) {
	for _, x := range a {
		for _, y := range b {
			if x == "" || y == "" {
				continue
			}
			if c, why := RolesConflict(x, y); c {
				return true, why
			}
		}
	}
	return false, ""
}

func sortedUnique(t []string) []string {
	s := append([]string(nil), t...)
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i > 0 && x == s[i-1] {
			continue
		}
		out = append(out, x)
	}
	return out
}

// unionFind over node indices.
type unionFind []int

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

// union joins the sets of a and b; the smaller index stays the root.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
}

type similarPair struct {
	a, b   int
	reason string
}

// cluster joins local entities across sources and with the roster and
// builds the people.
func (r *resolver) cluster() []result.Person {
	nodes := make([]node, 0, len(r.locals))
	for li, l := range r.locals {
		if len(l.mentions) == 0 {
			continue
		}
		nodes = append(nodes, node{local: li, roster: -1, toks: l.toks, joined: l.joined, tkey: l.tkey, fp: l.fp, sigs: l.sigs, blocks: l.blocks})
	}
	nLocal := len(nodes)
	if r.rs != nil {
		for pi, p := range r.rs.People {
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				if t := tokens(reorder(n)); len(t) > 0 {
					j := strings.Join(t, " ")
					n := node{local: -1, roster: pi, toks: t, joined: j, tkey: r.tkeys.of(t), fp: fingerprint(t), sigs: r.roleSigs.sigsOf(nil, p.Roles)}
					if len(t) >= 2 {
						n.blocks = blockKeys(t[len(t)-1], r.tkeys.key(t[len(t)-1]))
					}
					nodes = append(nodes, n)
				}
			}
		}
	}
	uf := make(unionFind, len(nodes))
	for i := range uf {
		uf[i] = i
	}
	// Roster names and aliases of one entry are one person.
	for i := nLocal + 1; i < len(nodes); i++ {
		if nodes[i].roster == nodes[i-1].roster {
			uf.union(i-1, i)
		}
	}
	kindOf := func(i int) int {
		if nodes[i].local < 0 {
			return kindFull
		}
		return r.locals[nodes[i].local].kind
	}
	docOf := func(i int) int {
		if nodes[i].local < 0 {
			return -1
		}
		return r.locals[nodes[i].local].doc
	}
	// 1. Exact: same fingerprint (token order and case do not matter) of
	// a full name, or a roster name or alias.
	exact := map[string]int{}
	for i := range nodes {
		fp := nodes[i].fp
		if kindOf(i) != kindFull && nodes[i].local >= 0 {
			continue
		}
		// The same full name is the same person even when the roles
		// differ: the role-conflict check reports that.
		if j, ok := exact[fp]; ok {
			uf.union(i, j)
			continue
		}
		exact[fp] = i
	}
	// 2. Fuzzy, within blocks on surname keys.
	var similar []similarPair
	blocks := map[string][]int{}
	for i := range nodes {
		for _, key := range nodes[i].blocks {
			blocks[key] = append(blocks[key], i)
		}
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// A pair that shares two blocks is compared twice, without a set of
	// the pairs seen (a map that outgrew the caches on large corpora):
	// the second comparison finds the pair joined, or appends the same
	// similar pair again, which people ignores.
	compare := func(a, b int) {
		if a > b {
			a, b = b, a
		}
		if uf.find(a) == uf.find(b) {
			return
		}
		if da, db := docOf(a), docOf(b); da == db && da >= 0 {
			return // kept apart within the source on purpose
		}
		if nodes[a].local < 0 && nodes[b].local < 0 {
			return
		}
		if _, ok := Distance(nodes[a].joined, nodes[b].joined, r.k); !ok && nodes[a].tkey != nodes[b].tkey {
			return
		}
		if r.tkeys.givenConflict(nodes[a].toks, nodes[b].toks) {
			similar = append(similar, similarPair{a, b, "similar name, different given name"})
			return
		}
		if c, why := sigsConflict(nodes[a].sigs, nodes[b].sigs); c {
			similar = append(similar, similarPair{a, b, "similar name, conflicting roles: " + why})
			return
		}
		uf.union(a, b)
	}
	for _, k := range keys {
		bl := blocks[k]
		if len(bl) <= blockAll {
			for x := range bl {
				for y := x + 1; y < len(bl); y++ {
					compare(bl[x], bl[y])
				}
			}
			continue
		}
		sorted := append([]int(nil), bl...)
		sort.Slice(sorted, func(x, y int) bool {
			return nodes[sorted[x]].joined < nodes[sorted[y]].joined
		})
		for x := range sorted {
			for y := x + 1; y < len(sorted) && y <= x+blockWindow; y++ {
				compare(sorted[x], sorted[y])
			}
		}
	}
	// 3. Surname-only entities ("Dr Bennett", "Mr Fox") join the one
	// person of the corpus with that surname, unless the roles conflict.
	// A single joins one cluster only, so the clusters of the full names
	// that carry a surname stay as they are through this step: they are
	// listed once per surname, with, for each source, how many of them
	// lie wholly in it (those a single of that source does not see).
	type surnameCluster struct {
		members []int // node indices, in node order
		doc     int   // the one source of all members, or -2
	}
	type surnameClusters struct {
		clusters []surnameCluster
		within   map[int]int // source -> clusters wholly in it
	}
	type surnameRoot struct {
		surname string
		root    int
	}
	bySurname := map[string]*surnameClusters{}
	clusterOf := map[surnameRoot]int{} // index in the surname's clusters
	for i := range nodes {
		if kindOf(i) != kindFull || len(nodes[i].toks) < 2 {
			continue
		}
		s := nodes[i].toks[len(nodes[i].toks)-1]
		sc := bySurname[s]
		if sc == nil {
			sc = &surnameClusters{within: map[int]int{}}
			bySurname[s] = sc
		}
		key := surnameRoot{s, uf.find(i)}
		ci, ok := clusterOf[key]
		if !ok {
			ci = len(sc.clusters)
			clusterOf[key] = ci
			sc.clusters = append(sc.clusters, surnameCluster{doc: docOf(i)})
		}
		c := &sc.clusters[ci]
		c.members = append(c.members, i)
		if c.doc != docOf(i) {
			c.doc = -2
		}
	}
	for _, sc := range bySurname {
		for _, c := range sc.clusters {
			if c.doc != -2 {
				sc.within[c.doc]++
			}
		}
	}
	rootRoles := make([][]string, len(nodes)) // by root node
	for k := range nodes {
		if len(nodes[k].sigs) > 0 {
			root := uf.find(k)
			rootRoles[root] = appendSigs(rootRoles[root], nodes[k].sigs...)
		}
	}
	for i := 0; i < nLocal; i++ {
		if kindOf(i) != kindSingle {
			continue
		}
		sc := bySurname[nodes[i].toks[0]]
		if sc == nil {
			continue
		}
		di := docOf(i)
		if len(sc.clusters)-sc.within[di] != 1 {
			continue
		}
		// The one cluster not wholly in this source, and its last member
		// outside it.
		j := -1
		for _, c := range sc.clusters {
			if c.doc == di {
				continue
			}
			for k := len(c.members) - 1; k >= 0; k-- {
				if docOf(c.members[k]) != di {
					j = c.members[k]
					break
				}
			}
			break
		}
		root := uf.find(j)
		if c, why := sigsConflict(nodes[i].sigs, rootRoles[root]); c {
			similar = append(similar, similarPair{i, j, "same surname, conflicting roles: " + why})
			continue
		}
		own := rootRoles[uf.find(i)]
		uf.union(i, j)
		nr := uf.find(i)
		rootRoles[nr] = appendSigs(append([]string(nil), rootRoles[root]...), own...)
	}
	return r.people(nodes, nLocal, uf, similar)
}

// blockKeys are the blocking keys of a surname: its transliteration key,
// and its first two and last two letters (catching a typo in the middle:
// Bernett/Bennett). tkey is TranslitKey(surname).
func blockKeys(surname, tkey string) []string {
	keys := []string{"t:" + tkey}
	rs := []rune(surname)
	if len(rs) >= 4 {
		keys = append(keys, "e:"+string(rs[:2])+"…"+string(rs[len(rs)-2:]))
	}
	return keys
}

// people turns the clusters into result.Person values and sets the
// quotes' speakers.
func (r *resolver) people(nodes []node, nLocal int, uf unionFind, similar []similarPair) []result.Person {
	type group struct {
		locals []int
		roster int
		doc    int
		first  int
	}
	groups := make([]*group, len(nodes)) // by root node
	for i := range nodes {
		root := uf.find(i)
		g := groups[root]
		if g == nil {
			g = &group{roster: -1, doc: 1 << 30}
			groups[root] = g
		}
		if nodes[i].local >= 0 {
			l := &r.locals[nodes[i].local]
			g.locals = append(g.locals, nodes[i].local)
			if l.doc < g.doc || (l.doc == g.doc && l.first < g.first) {
				g.doc, g.first = l.doc, l.first
			}
		} else if g.roster < 0 || nodes[i].roster < g.roster {
			g.roster = nodes[i].roster
		}
	}
	var roots []int
	for root, g := range groups {
		if g != nil && len(g.locals) > 0 {
			roots = append(roots, root)
		}
	}
	sort.Slice(roots, func(a, b int) bool {
		ga, gb := groups[roots[a]], groups[roots[b]]
		if ga.doc != gb.doc {
			return ga.doc < gb.doc
		}
		if ga.first != gb.first {
			return ga.first < gb.first
		}
		return roots[a] < roots[b]
	})
	personOfRoot := make([]int, len(nodes)) // by root node, -1 for none
	for i := range personOfRoot {
		personOfRoot[i] = -1
	}
	localPerson := make([]int, len(r.locals))
	people := make([]result.Person, len(roots))
	gs := make([]*group, len(roots))
	for pi, root := range roots {
		g := groups[root]
		gs[pi] = g
		personOfRoot[root] = pi
		for _, li := range g.locals {
			localPerson[li] = pi
		}
	}
	// Each person is filled from its own mentions, on every CPU.
	ordered.Map(len(gs), func(pi int) result.Person {
		g := gs[pi]
		p := result.Person{ID: "P" + strconv.Itoa(pi+1)}
		sort.Ints(g.locals)
		var ms []int
		for _, li := range g.locals {
			ms = append(ms, r.locals[li].mentions...)
		}
		sort.Slice(ms, func(a, b int) bool {
			ma, mb := &r.mentions[ms[a]], &r.mentions[ms[b]]
			if ma.doc != mb.doc {
				return ma.doc < mb.doc
			}
			return ma.start < mb.start
		})
		r.fill(&p, ms)
		if g.roster >= 0 {
			p.Roster = true
			p.Name = r.rs.People[g.roster].Name
		}
		return p
	}, func(pi int, p result.Person) { people[pi] = p })
	// Similar: possible merges that were not made.
	for _, s := range similar {
		pa, pb := personOfRoot[uf.find(s.a)], personOfRoot[uf.find(s.b)]
		if pa < 0 || pb < 0 || pa == pb {
			continue
		}
		addSimilar(&people[pa], people[pb].ID, s.reason)
		addSimilar(&people[pb], people[pa].ID, s.reason)
	}
	for i := range people {
		sort.Slice(people[i].Similar, func(a, b int) bool {
			return idNum(people[i].Similar[a].Person) < idNum(people[i].Similar[b].Person)
		})
	}
	r.attribute(people, localPerson)
	return people
}

func addSimilar(p *result.Person, id, reason string) {
	for _, s := range p.Similar {
		if s.Person == id {
			return
		}
	}
	p.Similar = append(p.Similar, result.Similar{Person: id, Reason: reason})
}

func idNum(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "P"))
	return n
}

// fill sets a person's variants, roles and canonical name from its
// mentions (in source order). A first pass finds each mention's variant
// and counts the sources and places each variant lists, so that these
// lists, held until the reports are written, are allocated at their size.
func (r *resolver) fill(p *result.Person, ms []int) {
	// The mentions of a variant in one source are consecutive among the
	// variant's (ms is in source order): a variant's tally of its latest
	// source is reset when the source changes.
	type tally struct {
		sources, places int
		lastSrc         string
		doc, inDoc      int // the latest source's index and places in it
	}
	vi := map[string]int{}
	variantOf := make([]int, len(ms))
	var tallies []tally
	for k, mi := range ms {
		m := &r.mentions[mi]
		i, ok := vi[m.text]
		if !ok {
			i = len(tallies)
			vi[m.text] = i
			tallies = append(tallies, tally{doc: -1})
		}
		variantOf[k] = i
		t := &tallies[i]
		if src := r.docs[m.doc].Meta.ID; t.sources == 0 || t.lastSrc != src {
			t.sources++
			t.lastSrc = src
		}
		if t.doc != m.doc {
			t.doc, t.inDoc = m.doc, 0
		}
		if t.inDoc < maxPlaces {
			t.inDoc++
			t.places++
		}
	}
	p.Variants = make([]result.Variant, len(tallies))
	for text, i := range vi {
		t := &tallies[i]
		p.Variants[i] = result.Variant{Text: text, Sources: make([]string, 0, t.sources), Places: make([]result.Place, 0, t.places)}
		t.doc = -1
	}
	// A role is listed once per source and folded spelling; the spelling
	// as written is remembered too, so that a repeated role is not folded
	// again.
	type roleKey struct {
		src, role string
		folded    bool
	}
	var rolesSeen map[roleKey]bool
	for k, mi := range ms {
		m := &r.mentions[mi]
		doc := r.docs[m.doc]
		src := doc.Meta.ID
		i := variantOf[k]
		v, t := &p.Variants[i], &tallies[i]
		v.Count++
		if len(v.Sources) == 0 || v.Sources[len(v.Sources)-1] != src {
			v.Sources = append(v.Sources, src)
		}
		if t.doc != m.doc {
			t.doc, t.inDoc = m.doc, 0
		}
		if t.inDoc < maxPlaces {
			t.inDoc++
			v.Places = append(v.Places, m.placeIn(doc))
		}
		if m.role == "" {
			continue
		}
		if rolesSeen == nil {
			rolesSeen = map[roleKey]bool{}
		}
		asWritten := roleKey{src, m.role, false}
		if rolesSeen[asWritten] {
			continue
		}
		rolesSeen[asWritten] = true
		folded := roleKey{src, Fold(m.role), true}
		if rolesSeen[folded] {
			continue
		}
		rolesSeen[folded] = true
		pl := m.rolePlace(doc)
		p.Roles = append(p.Roles, result.Role{Text: m.role, Source: src, Line: pl.Line, Column: pl.Column})
	}
	p.Name = canonical(p.Variants)
	if p.Roles == nil {
		p.Roles = []result.Role{}
	}
}

// placeIn is where the mention stands in doc, its source: for a quote's
// speaker, the speaker's place.
func (m *mention) placeIn(doc *source.Document) result.Place {
	if m.place != nil {
		return *m.place
	}
	return doc.Place(m.start)
}

// rolePlace is where the mention's role stands in doc, its source: the
// mention's own place when the role came with a quote's speaker.
func (m *mention) rolePlace(doc *source.Document) result.Place {
	if m.roleStart < 0 {
		return m.placeIn(doc)
	}
	return doc.Place(m.roleStart)
}

// canonical picks the most frequent full spelling (not a short form of
// another variant); ties go to the longest, then alphabetical. Each
// variant is folded and split once.
func canonical(vs []result.Variant) string {
	toks := make([][]string, len(vs))
	for i, v := range vs {
		toks[i] = tokens(v.Text)
	}
	best := -1
	for i, v := range vs {
		if isShortForm(i, vs, toks) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := vs[best]
		switch {
		case v.Count != b.Count:
			if v.Count > b.Count {
				best = i
			}
		case len(v.Text) != len(b.Text):
			if len(v.Text) > len(b.Text) {
				best = i
			}
		case v.Text < b.Text:
			best = i
		}
	}
	if best < 0 {
		return vs[0].Text
	}
	return vs[best].Text
}

// isShortForm reports whether the tokens of vs[i] are all in a longer
// variant; toks are the variants' folded tokens.
func isShortForm(i int, vs []result.Variant, toks [][]string) bool {
	for j, v := range vs {
		if v.Text == vs[i].Text {
			continue
		}
		if shortFormTokens(toks[i], toks[j]) && !shortFormTokens(toks[j], toks[i]) {
			return true
		}
	}
	return false
}

// ShortForm reports whether a is a short form of b: every folded token of
// a (titles aside) is a token of b ("Muttaqi", "Dr Muttaqi" of "Amir Khan
// Muttaqi").
func ShortForm(a, b string) bool { return shortFormFolded(Fold(a), tokens(b)) }

// shortFormFolded is ShortForm of a folded name fa and the tokens tb of a
// folded name, without copying either.
func shortFormFolded(fa string, tb []string) bool {
	kept := 0
	for t := range strings.FieldsSeq(fa) {
		if !shortFormHas(t, tb, &kept) {
			return false
		}
	}
	return kept > 0 && kept <= len(tb)
}

// shortFormTokens is ShortForm of the tokens ta and tb of two folded
// names.
func shortFormTokens(ta, tb []string) bool {
	kept := 0
	for _, t := range ta {
		if !shortFormHas(t, tb, &kept) {
			return false
		}
	}
	return kept > 0 && kept <= len(tb)
}

// shortFormHas reports whether the token t of a short form is a title or
// one of the tokens tb of the longer name, and counts in *kept the tokens
// that are no title.
func shortFormHas(t string, tb []string, kept *int) bool {
	if titleWords[t] {
		return true
	}
	*kept++
	return slices.Contains(tb, t)
}

// titleGender returns 'm' for a name written after Mr, Sir or Lord, 'f'
// after Mrs, Ms, Miss, Dame or Lady, else 0.
func titleGender(text string) byte {
	if !isASCII(text) {
		f := strings.Fields(text)
		if len(f) < 2 {
			return 0
		}
		return genderOf(strings.TrimSuffix(strings.ToLower(f[0]), "."))
	}
	// ASCII: the first field and whether another follows, as
	// strings.Fields finds them, lowered on the stack.
	i := 0
	for i < len(text) && asciiSpace(text[i]) {
		i++
	}
	j := i
	for j < len(text) && !asciiSpace(text[j]) {
		j++
	}
	k := j
	for k < len(text) && asciiSpace(text[k]) {
		k++
	}
	if k == len(text) {
		return 0 // fewer than two fields
	}
	var buf [8]byte
	lower, _ := appendLowerASCII(buf[:0], text[i:min(j, i+len(buf))])
	if j-i > len(buf) {
		return 0 // longer than any title
	}
	return genderOf(strings.TrimSuffix(string(lower), "."))
}

// genderOf returns the gender of a lower-case title without its dot.
func genderOf(title string) byte {
	switch title {
	case "mr", "sir", "lord":
		return 'm'
	case "mrs", "ms", "miss", "dame", "lady":
		return 'f'
	}
	return 0
}

// asciiSpace reports the ASCII white space of strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

var titleWords = set(`mr mrs ms miss dr sir dame lord lady prof professor rev reverend fr father sister sheikh mx`)

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// attribute sets Speaker.Person and Candidates on the quotes and counts
// each person's quotations.
func (r *resolver) attribute(people []result.Person, localPerson []int) {
	// The people each given name of a full name belongs to, sorted and
	// each once, computed when a first name first asks: a common given
	// name is carried by people of thousands of sources, and a first name
	// is quoted in as many.
	byGiven := map[string][]int{}
	for li, l := range r.locals {
		if l.kind == kindFull && len(l.mentions) > 0 {
			byGiven[l.toks[0]] = append(byGiven[l.toks[0]], localPerson[li])
		}
	}
	peopleGiven := map[string][]int{}
	givenPeople := func(given string) []int {
		ps, ok := peopleGiven[given]
		if !ok {
			ps = uniqueInts(byGiven[given])
			peopleGiven[given] = ps
		}
		return ps
	}
	for _, qm := range r.quoteOf {
		q := &r.quotes[qm.quote]
		m := r.mentions[qm.mention]
		li := m.local
		if li < 0 || li >= len(r.locals) {
			continue
		}
		pi := localPerson[li]
		q.Speaker.Person = people[pi].ID
		var cands []int
		switch {
		case len(m.cands) > 1:
			for _, lj := range m.cands {
				cands = append(cands, localPerson[lj])
			}
			cands = uniqueInts(cands)
		case r.locals[li].kind == kindFirst:
			cands = withInt(givenPeople(r.locals[li].toks[0]), pi)
		}
		if len(cands) >= 2 {
			q.Speaker.Candidates = nil
			for _, c := range cands {
				q.Speaker.Candidates = append(q.Speaker.Candidates, people[c].ID)
			}
		}
		if q.Continues == "" {
			people[pi].Quotes++
		}
	}
}

// withInt returns the sorted set a with x added: a itself when it holds
// x, else a copy.
func withInt(a []int, x int) []int {
	i, found := slices.BinarySearch(a, x)
	if found {
		return a
	}
	return slices.Insert(slices.Clip(a), i, x)
}

func uniqueInts(a []int) []int {
	sort.Ints(a)
	out := a[:0]
	for i, x := range a {
		if i > 0 && x == a[i-1] {
			continue
		}
		out = append(out, x)
	}
	return out
}
