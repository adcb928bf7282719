package match

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/internal/hashtable"
	"github.com/quoteaudit/quoteaudit/internal/ordered"
)

// Options tune Group. The zero value means the defaults.
type Options struct {
	// MinNearSimilarity is the similarity at or above which two
	// quotations are near matches (default 0.8).
	MinNearSimilarity float64
	// FragmentWords: quotations marked Fragment, and quotations of at most
	// this many words, match only when identical after normalisation and
	// from the same speaker (default 2; negative means only those marked).
	FragmentWords int
	// ContainedWords is the least number of words the shorter quotation
	// must have to count as contained in a longer one (default 5).
	ContainedWords int
	// MaxShingleQuotes: a word pair found in more distinct quotations than
	// this is too common to suggest a match and is not used to find
	// candidates (default 40).
	MaxShingleQuotes int
}

func (o Options) withDefaults() Options {
	if o.MinNearSimilarity <= 0 || o.MinNearSimilarity > 1 {
		o.MinNearSimilarity = 0.8
	}
	if o.FragmentWords == 0 {
		o.FragmentWords = 2
	}
	if o.ContainedWords <= 0 {
		o.ContainedWords = 5
	}
	if o.MaxShingleQuotes <= 0 {
		o.MaxShingleQuotes = 40
	}
	return o
}

// quotation is a whole quotation: a first part and every part that
// continues it, joined.
type quotation struct {
	id       string // ID of the first part
	source   string
	text     string          // parts joined with a space, as written
	parts    []int           // indices of its parts in the caller's quotes, in order
	speaker  *result.Speaker // into the caller's quotes; set by Prepared.Group
	fragment bool
	toks     []token // trimmed tokens of text
	syms     []int32 // their symbols
	norm     string
	words    int
	textOf   int // the first quotation with the same text
}

// Group finds groups of the same or nearly the same quotation across all
// sources (and within one: a source that prints a quotation twice gives an
// exact group whose Sources repeat the source).
//
// Parts linked by Continues are joined into whole quotations and compared
// as a whole; each group names quotations by the ID of their first part.
// Groups are ordered by their lowest quotation ID (digit runs compare as
// numbers) and numbered M1, M2, …. The first member of a group is its
// lowest ID, except in a contained group, where it is the longest
// quotation (the one the others quote part of). Group does not modify
// quotes; the caller sets Quote.Match on every part of each member.
//
// Kinds: exact (identical after Normalize), near (similarity at or above
// MinNearSimilarity), contained (a quotation of at least ContainedWords
// words that stands, nearly word for word, inside a longer one), fragment
// (short or Fragment quotations, identical and from the same speaker).
// A group that mixes exact and near members is near; one with any
// containment is contained. Similarity is the lowest member score against
// the first member; for a contained member the score measures how
// faithfully it quotes its part of the longer quotation. SpeakersAgree
// compares SpeakerKey values (unknown speakers agree with anyone).
// Earliest is set only when every source of the group has a parsed date
// (its earliest Dates[].ISO) and one source is strictly the earliest.
func Group(quotes []result.Quote, sources []result.Source, opts Options) []result.Match {
	return Prepare(quotes, sources, opts).Group()
}

// Prepared is the part of Group that reads the quotations' texts, IDs,
// sources and continuations but not their speakers: joining the parts,
// tokenizing, linking the whole quotations and building their groups.
// It can therefore run while the speakers are still being resolved (the
// people stage sets Speaker fields, which Prepare never reads); Group
// then reads the speakers and completes the matches.
type Prepared struct {
	quotes []result.Quote
	opts   Options
	dates  map[string]string
	qs     []quotation
	// whole are the groups of whole (not fragment) quotations, built but
	// for SpeakersAgree; members are their indices into qs.
	whole   []result.Match
	members [][]int
}

// Prepare does the speaker-blind part of Group (see Prepared). quotes
// must not change before Group is called, except their Speaker fields.
func Prepare(quotes []result.Quote, sources []result.Source, opts Options) *Prepared {
	opts = opts.withDefaults()
	p := &Prepared{quotes: quotes, opts: opts}
	qs := joinParts(quotes)
	if len(qs) < 2 {
		return p
	}
	p.qs = qs
	tokenizeTexts(qs)
	for i := range qs {
		if qs[i].words <= opts.FragmentWords {
			qs[i].fragment = true
		}
	}

	// Whole quotations: one node per distinct normalised text. Fragments
	// are grouped by Group, which knows their speakers.
	uniq := map[string]int{}
	var nodes [][]int // node -> indices into qs
	for i := range qs {
		q := &qs[i]
		if q.norm == "" || q.fragment {
			continue
		}
		n, ok := uniq[q.norm]
		if !ok {
			n = len(nodes)
			uniq[q.norm] = n
			nodes = append(nodes, nil)
		}
		nodes[n] = append(nodes[n], i)
	}

	uf, contained := linkNodes(qs, nodes, opts)
	comps := map[int][]int{}
	var roots []int
	for n := range nodes {
		r := uf.find(n)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], nodes[n]...)
	}
	p.dates = sourceDates(sources)
	var kinds []string
	for _, r := range roots {
		members := comps[r]
		if len(members) < 2 {
			continue
		}
		kind := result.MatchExact
		for _, m := range members[1:] {
			if qs[m].norm != qs[members[0]].norm {
				kind = result.MatchNear
				break
			}
		}
		if contained[r] {
			kind = result.MatchContained
		}
		kinds = append(kinds, kind)
		p.members = append(p.members, members)
	}
	p.whole = buildMatches(qs, p.members, kinds, p.dates, opts)
	return p
}

// buildMatches is buildMatch of each group (members[i], of kind
// kinds[i]), on every CPU: the groups are built from the quotations
// alone, each on its own, and a famous line's group of thousands of
// members costs as much as thousands of small ones.
func buildMatches(qs []quotation, members [][]int, kinds []string, dates map[string]string, opts Options) []result.Match {
	out := make([]result.Match, len(members))
	bufs := make(chan *[]int32, runtime.GOMAXPROCS(0)) // each goroutine's diff buffer
	for range cap(bufs) {
		bufs <- new([]int32)
	}
	ordered.Map(len(members), func(i int) result.Match {
		buf := <-bufs
		defer func() { bufs <- buf }()
		return buildMatch(qs, members[i], kinds[i], dates, opts, buf)
	}, func(i int, m result.Match) { out[i] = m })
	return out
}

// tokenizeTexts sets the tokens, symbols, word counts and normalised
// text of each quotation. Sister sources print the same text again and
// again: each distinct text is tokenized once, on every CPU, and its
// tokens shared (they are read only). Symbols are numbered on the
// calling goroutine, in the order of the texts' first quotations.
func tokenizeTexts(qs []quotation) {
	byText := make(map[string]int, len(qs))
	var firsts []int // the first quotation of each distinct text
	for i := range qs {
		q := &qs[i]
		j, ok := byText[q.text]
		if !ok {
			j = i
			byText[q.text] = i
			firsts = append(firsts, i)
		}
		q.textOf = j
	}
	byText = nil
	type tokenized struct {
		toks  []token
		words int
		norm  string
	}
	tokenizers := make(chan *tokenizer, runtime.GOMAXPROCS(0))
	for range cap(tokenizers) {
		tokenizers <- new(tokenizer)
	}
	syms := symbols{}
	ordered.Map(len(firsts), func(k int) tokenized {
		z := <-tokenizers
		defer func() { tokenizers <- z }()
		toks := trimOuter(keyed(z.tokenize(qs[firsts[k]].text)))
		return tokenized{toks, wordCount(toks), keysString(toks)}
	}, func(k int, t tokenized) {
		q := &qs[firsts[k]]
		q.toks, q.syms, q.words, q.norm = t.toks, syms.of(t.toks), t.words, t.norm
	})
	for i := range qs {
		q := &qs[i]
		if j := q.textOf; j != i {
			q.toks, q.syms, q.words, q.norm = qs[j].toks, qs[j].syms, qs[j].words, qs[j].norm
		}
	}
}

// Group completes the groups Prepare began: it takes each quotation's
// speaker (the first part's, or the first known one among its parts),
// groups the fragments (identical and from the same known speaker), and
// says of every group whether its speakers agree. Groups are ordered and
// numbered as Group (the function) documents.
func (p *Prepared) Group() []result.Match {
	qs := p.qs
	if len(qs) < 2 {
		return nil
	}
	for i := range qs {
		qs[i].takeSpeaker(p.quotes)
	}
	names := newFolder()
	// Fragments: identical and from the same known speaker only.
	frag := map[string][]int{}
	var fragKeys []string
	for i := range qs {
		q := &qs[i]
		if q.norm == "" || !q.fragment {
			continue
		}
		sk := fragmentSpeaker(*q.speaker, names)
		if sk == "" {
			continue
		}
		k := sk + "\x00" + q.norm
		if _, ok := frag[k]; !ok {
			fragKeys = append(fragKeys, k)
		}
		frag[k] = append(frag[k], i)
	}
	out := make([]result.Match, 0, len(fragKeys)+len(p.whole))
	var fragMembers [][]int
	var fragKinds []string
	for _, k := range fragKeys {
		if members := frag[k]; len(members) > 1 {
			fragMembers = append(fragMembers, members)
			fragKinds = append(fragKinds, result.MatchFragment)
		}
	}
	for i, m := range buildMatches(qs, fragMembers, fragKinds, p.dates, p.opts) {
		m.SpeakersAgree = speakersAgree(qs, fragMembers[i], names)
		out = append(out, m)
	}
	for i, m := range p.whole {
		m.SpeakersAgree = speakersAgree(qs, p.members[i], names)
		out = append(out, m)
	}
	order := make([]int, len(out))
	lowest := make([]string, len(out))
	for i := range out {
		order[i], lowest[i] = i, lowestID(out[i])
	}
	slices.SortFunc(order, func(a, b int) int { return compareIDs(lowest[a], lowest[b]) })
	sorted := make([]result.Match, len(out))
	for i, j := range order {
		sorted[i] = out[j]
		sorted[i].ID = fmt.Sprintf("M%d", i+1)
	}
	return sorted
}

// takeSpeaker sets q's speaker: its first part's, or the first known
// speaker among its parts.
func (q *quotation) takeSpeaker(quotes []result.Quote) {
	q.speaker = &quotes[q.parts[0]].Speaker
	for _, part := range q.parts[1:] {
		if !q.speaker.Known() && quotes[part].Speaker.Known() {
			q.speaker = &quotes[part].Speaker
		}
	}
}

// speakersAgree reports whether the quotations of a group have at most
// one known speaker between them (SpeakerKey; unknown speakers agree
// with anyone).
func speakersAgree(qs []quotation, members []int, names *folder) bool {
	first := ""
	for _, i := range members {
		k := speakerKey(*qs[i].speaker, names)
		if k == "" {
			continue
		}
		if first == "" {
			first = k
		} else if k != first {
			return false
		}
	}
	return true
}

// keyed drops the tokens with an empty key (lone marks and brackets).
func keyed(ts []token) []token {
	out := ts[:0]
	for _, t := range ts {
		if t.key != "" {
			out = append(out, t)
		}
	}
	return out
}

// keysString joins the keys of ts: Normalize's result for keyed tokens.
func keysString(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

func lowestID(m result.Match) string {
	low := ""
	for i, id := range m.Quotes {
		if i == 0 || compareIDs(id, low) < 0 {
			low = id
		}
	}
	return low
}

// joinParts joins the parts of each quotation, in natural ID order of
// the first parts. A part whose predecessor is missing starts a quotation
// of its own; duplicate IDs after the first are ignored; cycles are cut.
func joinParts(quotes []result.Quote) []quotation {
	byID := make(map[string]int, len(quotes))
	order := make([]int, 0, len(quotes))
	for i := range quotes {
		if _, dup := byID[quotes[i].ID]; dup {
			continue
		}
		byID[quotes[i].ID] = i
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareIDs(quotes[a].ID, quotes[b].ID) })
	// next[i] is the part that continues quotes[i] (the first in order
	// when several claim to), -1 for none.
	next := make([]int, len(quotes))
	for i := range next {
		next[i] = -1
	}
	head := make([]bool, len(quotes))
	for _, i := range order {
		c := quotes[i].Continues
		p, ok := byID[c]
		if c == "" || !ok || c == quotes[i].ID {
			head[i] = true
			continue
		}
		if next[p] < 0 {
			next[p] = i
		}
	}
	byID = nil
	visited := make([]bool, len(quotes))
	out := make([]quotation, 0, len(order))
	var texts []string
	parts := make([]int, 0, len(order)) // every quotation's parts, one after another
	walk := func(h int) {
		q := quotation{id: quotes[h].ID, source: quotes[h].Source, fragment: quotes[h].Fragment}
		texts = texts[:0]
		from := len(parts)
		for i := h; i >= 0 && !visited[i]; i = next[i] {
			visited[i] = true
			texts = append(texts, quotes[i].Text)
			parts = append(parts, i)
		}
		q.text = strings.Join(texts, " ")
		q.parts = parts[from:len(parts):len(parts)]
		out = append(out, q)
	}
	for _, i := range order {
		if head[i] {
			walk(i)
		}
	}
	// The heads came in ID order; parts of a cycle, started last, are not.
	sorted := true
	for _, i := range order {
		if !visited[i] {
			walk(i)
			sorted = false
		}
	}
	if !sorted {
		slices.SortStableFunc(out, func(a, b quotation) int { return compareIDs(a.id, b.id) })
	}
	return out
}

// unionFind is a disjoint-set forest over node numbers.
type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of x and y, keeping the lower root, and returns it.
func (u *unionFind) union(x, y int) int {
	rx, ry := u.find(x), u.find(y)
	if rx == ry {
		return rx
	}
	if ry < rx {
		rx, ry = ry, rx
	}
	u.parent[ry] = rx
	return rx
}

// linkNodes joins near and contained nodes. Candidates meet only through
// the inverted index of word bigrams; bigrams shared by more than
// MaxShingleQuotes nodes are skipped. It returns the union-find and, by
// root, whether the component was joined by a containment.
//
// Only the components and their containment flags matter, so a candidate
// pair already in one component is not diffed unless it could flag it:
// when the component is not flagged yet and the pair could be a
// containment, it waits until every other pair is judged, and is diffed
// only if its component is still unflagged by then. Sister sources print
// many variants of one quotation, and a family of k variants would
// otherwise cost k² diffs.
func linkNodes(qs []quotation, nodes [][]int, opts Options) (*unionFind, []bool) {
	uf := newUnionFind(len(nodes))
	contained := make([]bool, len(nodes)) // by root
	// Number each distinct bigram once; the nodes that have bigram id are
	// posted[postFrom[id]:postFrom[id+1]], left empty when there are more
	// than MaxShingleQuotes (such a bigram is not used). The bigrams of
	// node n are the ids shingles[shFrom[n]:shFrom[n+1]]. Flat arrays, not
	// a slice per bigram and per node: the index is built in a few
	// allocations.
	words := 0
	for _, members := range nodes {
		words += len(qs[members[0]].syms)
	}
	// Sized for a quarter of the words: the distinct quotations share
	// most of their bigrams (on the 10k corpus this holds less than
	// sizing for every word, and grows less than no size at all).
	ids := hashtable.New[int32](words / 4)
	var nodesWith []int32 // by bigram id
	shingles := make([]int32, 0, words)
	shFrom := make([]int32, 1, len(nodes)+1)
	var hs []uint64
	for _, members := range nodes {
		hs = appendBigrams(hs[:0], qs[members[0]].syms)
		for _, h := range hs {
			var id int32
			if p := ids.Lookup(h); p != nil {
				id = *p
			} else {
				id = int32(len(nodesWith))
				ids.Insert(h, id)
				nodesWith = append(nodesWith, 0)
			}
			shingles = append(shingles, id)
			nodesWith[id]++
		}
		shFrom = append(shFrom, int32(len(shingles)))
	}
	ids = hashtable.Table[int32]{}
	used := func(id int32) bool { return int(nodesWith[id]) <= opts.MaxShingleQuotes }
	postFrom := make([]int32, len(nodesWith)+1)
	for id := range nodesWith {
		postFrom[id+1] = postFrom[id]
		if used(int32(id)) {
			postFrom[id+1] += nodesWith[id]
		}
	}
	posted := make([]int32, postFrom[len(nodesWith)])
	fill := slices.Clone(postFrom[:len(nodesWith)])
	rare := make([]int32, len(nodes)) // bigrams of each node that are rare enough to use
	for n := range nodes {
		for _, id := range shingles[shFrom[n]:shFrom[n+1]] {
			if used(id) {
				posted[fill[id]] = int32(n)
				fill[id]++
				rare[n]++
			}
		}
	}
	fill = nil
	bags := make([][]int32, len(nodes))
	for n, members := range nodes {
		bags[n] = wordBag(qs[members[0]].syms)
	}
	count := make([]int32, len(nodes))
	var touched []int32
	var buf []int32
	var deferred [][2]int32 // pairs within one component that could flag it
	for n := range nodes {
		touched = touched[:0]
		for _, id := range shingles[shFrom[n]:shFrom[n+1]] {
			for _, v := range posted[postFrom[id]:postFrom[id+1]] {
				if int(v) <= n {
					continue
				}
				if count[v] == 0 {
					touched = append(touched, v)
				}
				count[v]++
			}
		}
		// In any order: the components and their flags do not depend on
		// the order pairs are judged in.
		for _, v := range touched {
			c := count[v]
			count[v] = 0
			a, b := &qs[nodes[n][0]], &qs[nodes[v][0]]
			// At least two shared rare bigrams (one for very short
			// quotations), and a fifth of the rarer side's.
			need := max(int32(2), min(rare[n], rare[v])/5)
			if min(shFrom[n+1]-shFrom[n], shFrom[v+1]-shFrom[v]) < 3 {
				need = 1
			}
			if c < need || !plausible(a, b, opts) {
				continue
			}
			rn, rv := uf.find(n), uf.find(int(v))
			if rn == rv {
				if !contained[rn] && canContain(a, b, opts) {
					deferred = append(deferred, [2]int32{int32(n), v})
				}
				continue
			}
			if !mayRelate(a, b, common(bags[n], bags[v]), opts) {
				continue
			}
			kind, _ := relate(a, b, opts, &buf)
			switch kind {
			case result.MatchNear, result.MatchContained:
				r := uf.union(rn, rv)
				contained[r] = contained[rn] || contained[rv] || kind == result.MatchContained
			}
		}
	}
	for _, p := range deferred {
		r := uf.find(int(p[0]))
		if contained[r] {
			continue
		}
		a, b := &qs[nodes[p[0]][0]], &qs[nodes[p[1]][0]]
		if !mayRelate(a, b, common(bags[p[0]], bags[p[1]]), opts) {
			continue
		}
		kind, _ := relate(a, b, opts, &buf)
		contained[r] = kind == result.MatchContained
	}
	return uf, contained
}

// wordBag returns the word symbols (the positive ones) of syms, sorted.
func wordBag(syms []int32) []int32 {
	out := make([]int32, 0, len(syms))
	for _, x := range syms {
		if x > 0 {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// common counts the words two sorted word bags share, repeats included.
func common(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// mayRelate is a cheap bound before relate: false when relate must find
// a and b unrelated, given the number of words they share. A word that a
// diff does not line up with the same word costs at least costTypo, so
// the words of either side beyond the shared ones bound the similarity
// from above, and the words of the shorter side beyond them bound how
// faithfully it can stand inside the longer.
func mayRelate(a, b *quotation, shared int, opts Options) bool {
	const slack = 1e-9 // the bound must never reject a pair relate accepts
	hi, lo := max(a.words, b.words), min(a.words, b.words)
	if 1-costTypo*float64(hi-shared)/float64(hi) >= opts.MinNearSimilarity-slack {
		return true
	}
	return canContain(a, b, opts) && 1-costTypo*float64(lo-shared)/float64(lo) >= opts.MinNearSimilarity-slack
}

// canContain reports whether relate could find that one of a and b
// contains the other.
func canContain(a, b *quotation, opts Options) bool {
	return min(a.words, b.words) >= opts.ContainedWords && a.words != b.words
}

// plausible is a cheap length filter before a diff.
func plausible(a, b *quotation, opts Options) bool {
	lo, hi := min(a.words, b.words), max(a.words, b.words)
	if hi == 0 {
		return false
	}
	if float64(hi-lo) <= (1-opts.MinNearSimilarity)*float64(hi)+1e-9 {
		return true
	}
	return lo >= opts.ContainedWords
}

// appendBigrams appends to out the distinct pairs of consecutive word
// symbols of syms, each as one number (the single word when there is only
// one), sorted.
func appendBigrams(out []uint64, syms []int32) []uint64 {
	from := len(out)
	prev := int32(0)
	for _, x := range syms {
		if x <= 0 {
			continue
		}
		if prev != 0 {
			out = append(out, uint64(prev)<<32|uint64(x))
		}
		prev = x
	}
	if len(out) == from && prev != 0 {
		return append(out, uint64(prev)<<32)
	}
	slices.Sort(out[from:])
	return append(out[:from], slices.Compact(out[from:])...)
}

// relate says how b relates to a: exact, near, contained (either way) or
// "" (unrelated), with the reported similarity score.
func relate(a, b *quotation, opts Options, buf *[]int32) (string, float64) {
	kind, score, _ := relateSpans(a, b, opts, buf)
	return kind, score
}

// relateSpans is relate that also returns the spans of the diff it
// judged by: the contained diff for a containment, the whole-text diff
// otherwise (nil for an exact pair).
func relateSpans(a, b *quotation, opts Options, buf *[]int32) (string, float64, []span) {
	if a.norm == b.norm {
		return result.MatchExact, 1, nil
	}
	spans := diffKeys(a.syms, b.syms, buf)
	if similarity(a.toks, b.toks, spans, costWord) >= opts.MinNearSimilarity {
		return result.MatchNear, similarity(a.toks, b.toks, spans, costQualifier), spans
	}
	if !canContain(a, b, opts) {
		return "", similarity(a.toks, b.toks, spans, costQualifier), spans
	}
	cspans := containedSpans(a.syms, b.syms, buf)
	inner, ok := interior(cspans, a.words < b.words)
	if ok {
		short := a.toks
		if b.words < a.words {
			short = b.toks
		}
		if windowSimilarity(a.toks, b.toks, inner, wordCount(short), costWord) >= opts.MinNearSimilarity {
			return result.MatchContained, windowSimilarity(a.toks, b.toks, inner, wordCount(short), costQualifier), cspans
		}
	}
	return "", similarity(a.toks, b.toks, spans, costQualifier), spans
}

// interior drops the leading and trailing spans that only extend the
// longer side (insertions when a is the shorter, deletions otherwise) and
// reports whether any were dropped.
func interior(spans []span, aShorter bool) ([]span, bool) {
	edge := result.OpDelete
	if aShorter {
		edge = result.OpInsert
	}
	lo, hi := 0, len(spans)
	for lo < hi && spans[lo].op == edge {
		lo++
	}
	for hi > lo && spans[hi-1].op == edge {
		hi--
	}
	return spans[lo:hi], lo > 0 || hi < len(spans)
}

// InteriorOps drops the leading and trailing insertions or deletions of
// a diff between a quotation and a longer or shorter one that contains
// or is contained in it: what is left is where the wording differs.
func InteriorOps(ops []result.DiffOp) []result.DiffOp {
	lo, hi := 0, len(ops)
	edge := func(op result.DiffOp) bool { return op.Op == result.OpInsert || op.Op == result.OpDelete }
	for lo < hi && edge(ops[lo]) {
		lo++
	}
	for hi > lo && edge(ops[hi-1]) {
		hi--
	}
	return ops[lo:hi]
}

func windowSimilarity(a, b []token, inner []span, words int, qualifierCost float64) float64 {
	if words == 0 {
		return 0
	}
	return scoreSpans(a, b, inner, words, qualifierCost)
}

// buildMatch fills one group but for SpeakersAgree, which the caller
// sets once the speakers are known (speakersAgree).
func buildMatch(qs []quotation, members []int, kind string, dates map[string]string, opts Options, buf *[]int32) result.Match {
	members = slices.Clone(members)
	slices.SortFunc(members, func(a, b int) int { return compareIDs(qs[a].id, qs[b].id) })
	if kind == result.MatchContained {
		longest := 0
		for i, m := range members {
			if qs[m].words > qs[members[longest]].words {
				longest = i
			}
		}
		first := members[longest]
		members = append([]int{first}, slices.Delete(members, longest, longest+1)...)
	}
	pivot := &qs[members[0]]
	// Sized once: the matches are held until the reports are written, and
	// lists grown by appending would hold up to twice their length.
	m := result.Match{
		Kind: kind, Similarity: 1, Text: pivot.text,
		Quotes:  make([]string, 0, len(members)),
		Sources: make([]string, 0, len(members)),
		Members: make([]result.MatchMember, 0, len(members)),
	}
	// Sister sources print the same text again and again: each distinct
	// normalised text is judged against the pivot once (the spans and the
	// score depend on the comparison keys only), and each distinct text
	// rendered once.
	type judged struct {
		similarity float64
		spans      []span
		diff       []result.DiffOp
	}
	byNorm := make(map[string]judged, len(members))
	byText := make(map[int]judged, len(members))
	for i, idx := range members {
		q := &qs[idx]
		m.Quotes = append(m.Quotes, q.id)
		m.Sources = append(m.Sources, q.source)
		j, ok := byText[q.textOf]
		if !ok {
			if j, ok = byNorm[q.norm]; !ok {
				j.similarity = 1
				if i > 0 && q.norm != pivot.norm {
					_, j.similarity, j.spans = relateSpans(pivot, q, opts, buf)
					j.similarity = round3(j.similarity)
				}
				if j.spans == nil {
					j.spans = diffKeys(pivot.syms, q.syms, buf)
				}
				byNorm[q.norm] = j
			}
			j.diff = toOps(pivot.toks, q.toks, j.spans)
			byText[q.textOf] = j
		}
		mem := result.MatchMember{Quote: q.id, Source: q.source, Text: q.text, Similarity: j.similarity, Diff: j.diff}
		m.Similarity = min(m.Similarity, mem.Similarity)
		m.Members = append(m.Members, mem)
	}
	if len(m.Members) > 1 {
		m.Diff = m.Members[1].Diff
	}
	m.Earliest = earliest(m.Sources, dates)
	return m
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// SpeakerKey is the identity of a speaker for comparing attributions:
// "person:ID" when resolved to a person, "anonymous" for any anonymous
// speaker, "name:NAME" (folded) for a named speaker without a person, and
// "" when the speaker is unknown (an unknown speaker agrees with anyone).
func SpeakerKey(s result.Speaker) string { return speakerKey(s, nil) }

// speakerKey is SpeakerKey with names folded through f.
func speakerKey(s result.Speaker, f *folder) string {
	switch {
	case s.Person != "":
		return "person:" + s.Person
	case s.Kind == result.KindAnonymous:
		return "anonymous"
	case strings.TrimSpace(s.Name) != "":
		return "name:" + f.fold(s.Name)
	}
	return ""
}

// fragmentSpeaker is the speaker identity fragments must share: the
// person (by name when the name is one word), else the folded name, else an anonymous speaker's descriptor as
// written ("an IAAF spokesman"); "" (no grouping) when none is known.
func fragmentSpeaker(s result.Speaker, f *folder) string {
	switch {
	case s.Person != "" && len(strings.Fields(s.Name)) == 1:
		// A one-word name ("Gartner", "Bakhtawar") is not merged into one
		// person across sources, so the name is the identity to compare.
		return "name:" + f.fold(s.Name)
	case s.Person != "":
		return "person:" + s.Person
	case strings.TrimSpace(s.Name) != "":
		return "name:" + f.fold(s.Name)
	case s.Kind == result.KindAnonymous && strings.TrimSpace(s.Mention) != "":
		return "anonymous:" + f.fold(s.Mention)
	}
	return ""
}

// folder remembers the names it has folded: the same few speakers stand
// behind thousands of quotations. A nil folder folds every time.
type folder struct {
	folded map[string]string
	chain  transform.Transformer // foldChain's, built once, reset by each use
}

func newFolder() *folder {
	return &folder{folded: map[string]string{}, chain: foldChain()}
}

func (f *folder) fold(s string) string {
	if f == nil {
		return foldName(s, foldChain())
	}
	out, ok := f.folded[s]
	if !ok {
		out = foldName(s, f.chain)
		f.folded[s] = out
	}
	return out
}

// foldChain is the transformation foldName applies: accents removed, case
// folded. One chain serves one goroutine.
func foldChain() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
}

// foldName folds a name for comparison through t (a foldChain): accents
// removed, case folded, white space collapsed.
func foldName(s string, t transform.Transformer) string {
	out, _, err := transform.String(t, s)
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.Join(strings.Fields(out), " ")
}

// sourceDates maps each source to its earliest parsed date (YYYY-MM-DD).
func sourceDates(sources []result.Source) map[string]string {
	out := map[string]string{}
	for _, s := range sources {
		for _, d := range s.Dates {
			if len(d.ISO) < 10 {
				continue
			}
			if cur, ok := out[s.ID]; !ok || d.ISO < cur {
				out[s.ID] = d.ISO
			}
		}
	}
	return out
}

// earliest returns the source with the strictly earliest date, when every
// source of the group has one; "" otherwise.
func earliest(srcs []string, dates map[string]string) string {
	best, bestDate, tie := "", "", false
	for _, s := range srcs {
		d, ok := dates[s]
		if !ok {
			return ""
		}
		switch {
		case best == "" || d < bestDate:
			best, bestDate, tie = s, d, false
		case d == bestDate && s != best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// compareIDs orders IDs with digit runs compared as numbers: Q2 < Q10.
// IDs equal as numbers ("Q1", "Q01") fall back to byte order.
func compareIDs(a, b string) int {
	if c := naturalCompare(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) - len(nb)
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	if c := len(a) - len(b); c != 0 {
		return c
	}
	return 0
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
