package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// entity is a person or an organisation named in the narration.
type entity struct {
	pos     int
	name    string
	tokens  int  // words in the name
	subj    bool // the mention opens its sentence (a subject)
	speaker bool // the subject of an attribution verb
	// confirmed: given a title, a role or an appositive, so surely a person
	confirmed bool
	role      string // lower case, as the document describes the person
}

// attributor holds the per-document state of attribution: the people and
// organisations named so far, in text order.
type attributor struct {
	doc     *source.Document
	t       string
	lx      *lexicon.Lexicon
	paras   []para
	persons []entity // named in the narration, in text order
	spoken  []entity // speakers found by attribution, in text order
	orgs    []entity // organisations named or speaking, in text order
	groups  []entity // unnamed groups that spoke ("officials"), in text order
	limit   int      // start of the paragraph before the one being attributed
	gender  map[string]byte
	// confirmed names are surely people; alone holds words used as a
	// name on their own (surnames).
	confirmed map[string]bool
	alone     map[string]bool
	// quotes are the quotes being attributed (earlier ones are done).
	quotes []result.Quote
	// short is set while attributing a quote of a few words, for which
	// verbs of description ("dismissed it as") count as attribution.
	short bool
	// heading is set while attributing the quotes of the headline or the
	// top matter, whose bare names ("Economy 'strong'") speak for no one.
	heading bool
	// firstHeading: the first paragraph reads as a headline (computed
	// once for isHeading).
	firstHeading bool
	// words holds the word count of each quote's text, by quote index.
	words []int
}

// cue is an attribution found around a quote.
type cue struct {
	found   bool
	inherit bool // a verb with no subject: the previous speaker goes on
	blocked bool // a cue whose speaker cannot be told: no fallback either
	sp      result.Speaker
	pos     int // offset of the mention (or the verb)
	verb    string
	via     string
	reach   int // last token index the cue covers
}

// subject is a parsed speaker noun phrase.
type subject struct {
	ok      bool
	mention string
	name    string
	role    string
	kind    string
	pos     int
}

// attributorMemory keeps an attributor's lists and tables from one
// document to the next (an Extractor's), so that they need not grow
// again for each document.
type attributorMemory struct {
	persons, spoken, orgs, groups []entity
	gender                        map[string]byte
	confirmed, alone              map[string]bool
}

// newAttributor prepares the attribution of a document's quotes; words
// holds the word count of each quote's text, by quote index. The
// attributor takes mem's lists and tables, emptied, and gives them back
// with its done.
func newAttributor(doc *source.Document, lx *lexicon.Lexicon, paras []para, words []int, mem *attributorMemory) *attributor {
	if mem.gender == nil {
		mem.gender, mem.confirmed, mem.alone = map[string]byte{}, map[string]bool{}, map[string]bool{}
	}
	clear(mem.gender)
	clear(mem.confirmed)
	clear(mem.alone)
	a := &attributor{doc: doc, t: doc.Text, lx: lx, paras: paras, gender: mem.gender,
		confirmed: mem.confirmed, alone: mem.alone, words: words,
		persons: mem.persons[:0], spoken: mem.spoken[:0], orgs: mem.orgs[:0], groups: mem.groups[:0]}
	if len(paras) > 0 {
		a.firstHeading = a.headlineFirst()
	}
	for i := range paras {
		if !a.isHeading(i) {
			a.collectEntities(&paras[i])
		}
	}
	a.confirmPeople(a.alone)
	return a
}

// attribute fills Speaker, Verb, Via, Fragment (and Continues for
// interrupted quotes) of every quote, in text order.
func (a *attributor) attribute(quotes []result.Quote) {
	a.quotes = quotes
	lastReachesEnd := false // the previous paragraph ends with a quote and its cue
	var lastSpeaker *result.Quote
	for pi := range a.paras {
		p := &a.paras[pi]
		a.short = false
		a.limit = a.paras[max(pi-1, 0)].lo
		a.heading = a.isHeading(pi)
		if !a.heading {
			a.registerSpeakers(p)
		}
		reach := make([]int, len(p.qtok))
		for k, qi := range p.qtok {
			q := &quotes[p.qbase+k]
			words := a.words[p.qbase+k] // of q.Text
			a.short = words <= 6
			c := a.rightCue(p, qi)
			if !c.found && !c.inherit && !c.blocked {
				c = a.leftCue(p, qi)
			}
			if !c.found && !c.inherit && !c.blocked && qi == 0 && pi > 0 && !a.isHeading(pi-1) {
				c = a.introCue(pi)
			}
			r := qi
			if c.reach > r {
				r = c.reach
			}
			for r+1 < len(p.toks) && p.toks[r+1].kind == tPunct {
				r++
			}
			reach[k] = r
			var prev *result.Quote
			adjacent, between := false, false
			if k > 0 {
				prev = &quotes[p.qbase+k-1]
				adjacent = reach[k-1] >= qi-1
				between = wordsIn(p.toks, p.qtok[k-1]+1, qi) > 0
			} else if qi == 0 && lastReachesEnd {
				prev = lastSpeaker
				adjacent = true
			}
			if q.Continues != "" && prev != nil && prev.ID == q.Continues {
				adjacent = true
			}
			if adjacent && between && q.Continues == "" && interrupted(prev.Text) && (!c.found || !prev.Speaker.Known() || sameSpeaker(prev.Speaker, c.sp)) {
				q.Continues = prev.ID // "A," she said, "B."
			}
			switch {
			case c.blocked:
				q.Speaker = result.Speaker{Kind: result.KindUnknown}
				q.Verb = c.verb
			case c.found:
				a.apply(q, c)
			case c.inherit && prev != nil && prev.Speaker.Known():
				a.copySpeaker(q, prev)
				q.Verb = c.verb
				if c.via != "" {
					q.Via = c.via
				}
			case adjacent && prev != nil && prev.Speaker.Known():
				a.copySpeaker(q, prev)
			case a.heading:
				q.Speaker = result.Speaker{Kind: result.KindUnknown}
			default:
				if pc := a.previousSentenceCue(pi, qi); pc.found {
					a.apply(q, pc)
				} else if pc.blocked {
					q.Speaker = result.Speaker{Kind: result.KindUnknown}
				} else if e := a.topicSpeaker(pi, q.Start); e != nil && words > FragmentWords {
					q.Speaker = result.Speaker{Mention: e.name, Name: e.name, Kind: result.KindPerson}
				} else {
					q.Speaker = result.Speaker{Kind: result.KindUnknown}
				}
			}
			if !q.Speaker.Known() && words <= FragmentWords && q.Continues == "" {
				q.Fragment = true
			}
		}
		lastReachesEnd = false
		lastSpeaker = nil
		if n := len(p.qtok); n > 0 && reach[n-1] >= len(p.toks)-1 {
			lastReachesEnd = true
			lastSpeaker = &quotes[p.qbase+n-1]
		}
	}
}

// done gives the attributor's lists back to mem, emptied of the
// document's names.
func (a *attributor) done(mem *attributorMemory) {
	for _, l := range []*[]entity{&a.persons, &a.spoken, &a.orgs, &a.groups} {
		clear(*l)
	}
	mem.persons, mem.spoken = reusable(a.persons, maxKeptItems), reusable(a.spoken, maxKeptItems)
	mem.orgs, mem.groups = reusable(a.orgs, maxKeptItems), reusable(a.groups, maxKeptItems)
	// A map keeps its size once grown, and clearing it costs that size:
	// past the bound, the next document starts with new ones.
	if len(a.gender) > maxKeptItems || len(a.confirmed) > maxKeptItems || len(a.alone) > maxKeptItems {
		mem.gender, mem.confirmed, mem.alone = nil, nil, nil
	}
}

// interrupted reports whether a quote's text stops where an interrupted
// quotation would: on a comma, a dash or no punctuation at all.
func interrupted(text string) bool {
	r := lastRune(text)
	return r == ',' || r == '—' || r == '–' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func sameSpeaker(a, b result.Speaker) bool {
	return a.Kind == b.Kind && a.Name == b.Name && (a.Name != "" || a.Mention == b.Mention)
}

func (a *attributor) apply(q *result.Quote, c cue) {
	q.Speaker = c.sp
	if c.sp.Kind == "" {
		q.Speaker.Kind = result.KindUnknown
	}
	if c.pos >= 0 && c.sp.Kind != result.KindUnknown {
		q.Speaker.Line, q.Speaker.Column = a.doc.Position(c.pos)
	}
	q.Verb = c.verb
	q.Via = c.via
	if q.Speaker.Kind == result.KindPerson && q.Speaker.Name != "" {
		a.addPerson(c.pos, q.Speaker.Name, true)
	}
	if q.Speaker.Kind == result.KindOrganization && q.Speaker.Name != "" {
		a.orgs = insertEntity(a.orgs, entity{pos: c.pos, name: q.Speaker.Name})
	}
}

func (a *attributor) copySpeaker(q, prev *result.Quote) {
	q.Speaker = prev.Speaker
	q.Speaker.Candidates = nil
	q.Verb = prev.Verb
	q.Via = prev.Via
}

func (a *attributor) addPerson(pos int, name string, speaker bool) {
	a.spoken = insertEntity(a.spoken, entity{pos: pos, name: name, tokens: strings.Count(name, " ") + 1, subj: true, speaker: speaker})
}

func insertEntity(list []entity, e entity) []entity {
	i := sort.Search(len(list), func(k int) bool { return list[k].pos > e.pos })
	if i > 0 && list[i-1].pos == e.pos && list[i-1].name == e.name {
		list[i-1].speaker = list[i-1].speaker || e.speaker
		return list
	}
	list = append(list, entity{})
	copy(list[i+1:], list[i:])
	list[i] = e
	return list
}

// ---- cues ----

// verbAt reports whether the word at toks[i] is an attribution verb, with
// its base form and the number of tokens it takes ("according to": 2).
func (a *attributor) verbAt(p *para, i int) (string, int) {
	if !p.toks[i].is(cMayBeVerb) {
		return "", 0 // most words, and all punctuation (inlined)
	}
	return a.verbForm(p, i)
}

// verbForm is verbAt of a word that may be a verb.
func (a *attributor) verbForm(p *para, i int) (string, int) {
	tk := &p.toks[i]
	w := tk.low
	if tk.is(cMultiFirst) && i+1 < len(p.toks) && p.toks[i+1].kind == tWord {
		nx := p.toks[i+1].low
		switch nx {
		case "to", "on", "it", "out", "so":
			if base, ok := a.lx.Verb(w + " " + nx); ok {
				return base, 2
			}
		}
	}
	base, ok := tk.lex.Verb, tk.lex.Verb != ""
	if !ok && a.short && tk.is(cDescribeForm) {
		base, ok = describeForms[w]
	}
	if !ok {
		return "", 0
	}
	if i > 0 && p.toks[i-1].kind == tWord {
		switch p.toks[i-1].low {
		case "a", "an", "the", "his", "her", "their", "its", "our", "my", "your":
			return "", 0 // a noun: "the name for", "a report"
		}
	}
	if tk.upper {
		// A capitalised verb is a name ("Post", "Report") unless it opens a
		// clause after a quote or a sentence.
		if i > 0 && p.toks[i-1].kind == tWord {
			return "", 0
		}
	}
	return base, 1
}

// passive reports whether the verb at i is passive or a question
// ("she was told", "when asked").
func (a *attributor) passive(p *para, i int) bool {
	if i == 0 {
		return false
	}
	switch p.toks[i-1].low {
	case "was", "were", "been", "being", "be", "is", "are", "when", "if", "get", "got":
		return true
	}
	return false
}

// rightCue reads the attribution after the quote at token qi.
func (a *attributor) rightCue(p *para, qi int) cue {
	toks := p.toks
	j := qi + 1
	crossed := false
	for j < len(toks) && toks[j].kind == tPunct {
		if toks[j].sentEnd {
			crossed = true
		}
		s := word(a.t, toks[j])
		if s == "(" || s == "[" {
			return cue{}
		}
		j++
	}
	if j >= len(toks) || toks[j].kind == tQuote {
		return cue{}
	}
	if !crossed && toks[j].upper && endsSentence(a.t, toks[qi], p) {
		crossed = true // "… journalists." Liam Fox, Tory co-chairman, said …
	}
	if lw := toks[j].low; toks[j].is(cTailPreposition) || lw == "about" || lw == "by" {
		return cue{}
	}
	we := j
	for we < len(toks) && toks[we].kind != tQuote && !toks[we].sentEnd {
		we++
	}
	// verb first: "…," said Zamir Kabulov, Russian envoy.
	if base, n := a.verbAt(p, j); n > 0 && !a.passive(p, j) && (!objectVerbs[base] || invertible[base]) && !strings.HasSuffix(a.lw(toks[j]), "ing") {
		sub, end := a.parseForward(p, j+n, we)
		if sub.ok {
			if crossed && (wordsIn(toks, j, we) > 8 || we < len(toks) && toks[we].kind == tQuote) {
				return cue{}
			}
			return a.makeCue(sub, base, p, j, we, max(end, we))
		}
		if base == "add" || base == "say" {
			return cue{}
		}
	}
	// subject first: "…," BA chairman Martin Broughton said.
	limit := min(we, j+14)
	for v := j; v < limit; v++ {
		base, n := a.verbAt(p, v)
		if n == 0 || v == j {
			continue
		}
		if a.passive(p, v) {
			return cue{}
		}
		if crossed {
			// A cue standing as a sentence of its own ("Darya remarks.")
			// and not introducing the next quote.
			if we < len(toks) && toks[we].kind == tQuote || wordsIn(toks, j, v) > 6 {
				return cue{}
			}
			rest := wordsIn(toks, v+n, we)
			if rest > 0 {
				nx := toks[v+n].low
				if !(toks[v+n].is(cStopForward) && rest <= 3 || (rest <= 2 && toks[v+n].kind == tWord && strings.HasSuffix(nx, "ly"))) {
					return cue{}
				}
			}
		}
		if v+n < we {
			// the verb must end the clause or lead to its circumstances
			// ("Iraq continued to be …" is not a cue)
			nx := toks[v+n].low
			if toks[v+n].kind == tWord && !toks[v+n].upper && !(toks[v+n].is(cStopForward) && nx != "to") && !toks[v+n].is(cAfterVerb) && !strings.HasSuffix(nx, "ly") && base != "tell" && base != "ask" && a.via(p, v+n, min(we, v+n+4)) == "" {
				return cue{}
			}
		}
		if c, ok := a.quotedAs(p, j, v, base); ok {
			c.reach = we
			return c
		}
		switch toks[j].low {
		case "while", "whereas", "but", "although", "though", "as", "and", "because", "since", "when", "after", "before", "if", "which", "who", "where":
			return cue{} // a new clause with its own subject
		}
		sub := a.parseSubject(p, j, v)
		if !sub.ok {
			if v-j <= 4 && toks[j].is(cDeterminer) {
				// "…," one reader wrote: a speaker, though not one we can name
				return cue{blocked: true, verb: base, reach: we}
			}
			return cue{}
		}
		return a.makeCue(sub, base, p, v, we, we)
	}
	return cue{}
}

func wordsIn(toks []token, i, j int) int {
	n := 0
	for ; i < j && i < len(toks); i++ {
		if toks[i].kind == tWord {
			n++
		}
	}
	return n
}

// leftCue reads the attribution before the quote at token qi, within its
// sentence.
func (a *attributor) leftCue(p *para, qi int) cue {
	toks := p.toks
	s := qi - 1
	for s >= 0 && (toks[s].kind != tQuote || a.inlineQuote(p, s) && !a.coordinated(p, s+1, qi)) && !toks[s].sentEnd {
		s--
	}
	if s >= 0 && toks[s].kind == tQuote && s < qi-1 && a.coordinated(p, s+1, qi) {
		// "as a "great thriller" but "lousy history"": the same speaker
		return cue{inherit: true, pos: -1}
	}
	c := a.cueInWindow(p, s+1, qi, qi)
	if !c.found && !c.inherit && !a.heading && (a.short || a.lowerStart(p, qi)) && s+1 < qi {
		// Richard Thomas "totally condemned" the deletion
		if sub := a.parseNP(p, s+1, qi); sub.ok && (sub.kind == result.KindPerson || sub.kind == result.KindOrganization && sub.name != "") && a.allNames(p, s+1, qi) {
			return a.makeCue(sub, "", p, qi, qi, -1)
		}
	}
	return c
}

// inlineQuote reports whether the quote token toks[i] is a short name
// or term standing inside the narration of its clause ("one of the
// so-called "Blair Babes" elected in 1997"): a word before it and a
// lower-case word after it, so that the clause reads on across it.
func (a *attributor) inlineQuote(p *para, i int) bool {
	toks := p.toks
	if toks[i].kind != tQuote || i == 0 || i+1 >= len(toks) {
		return false
	}
	k := toks[i].q - p.qbase
	if k < 0 || k >= len(p.spans) || a.words[toks[i].q] > FragmentWords {
		return false
	}
	before, after := toks[i-1], toks[i+1]
	if before.kind != tWord || before.upper || after.kind != tWord || after.upper {
		return false
	}
	if after.low == "and" || after.low == "but" || after.low == "or" {
		return false
	}
	// not a quote that a verb of its clause attributes ("called it
	// "vacuous"", "named the movement an "ally" last year")
	short := a.short
	a.short = true
	defer func() { a.short = short }()
	for k := i - 1; k >= 0 && toks[k].kind == tWord; k-- {
		if _, n := a.verbAt(p, k); n > 0 {
			return false
		}
	}
	return before.is(cDeterminer) || strings.HasPrefix(before.low, "so-") || before.low == "called" || before.low == "dubbed" || before.low == "named"
}

// coordinated reports whether toks[lo:hi], between two quotes, only joins
// them: "but", "and a", "or the".
func (a *attributor) coordinated(p *para, lo, hi int) bool {
	joined := false
	for i := lo; i < hi; i++ {
		tk := p.toks[i]
		if tk.kind == tPunct {
			if w := word(a.t, tk); w != "," {
				return false
			}
			continue
		}
		switch a.lw(tk) {
		case "and", "but", "or", "nor", "yet":
			joined = true
		case "a", "an", "the", "not", "then", "also":
		default:
			return false
		}
	}
	return joined
}

// allNames reports whether toks[lo:hi] is a name with its titles only.
func (a *attributor) allNames(p *para, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		tk := p.toks[i]
		if tk.kind == tWord && tk.upper || a.dotInName(p, i) || tk.kind == tWord && tk.is(cParticle) {
			continue
		}
		return false
	}
	return true
}

// cueInWindow finds the last attribution verb in toks[lo:hi] and its
// subject; qi is the quote the window leads to (or len(toks)).
func (a *attributor) cueInWindow(p *para, lo, hi, qi int) cue {
	toks := p.toks
	if lo >= hi {
		return cue{}
	}
	var inherit cue
	participle := -1
	// an outlet anywhere in the clause: "In an interview with The
	// Telegraph, Smith said:"
	done := func(c cue) cue {
		if c.via == "" {
			c.via = a.via(p, lo, hi)
		}
		return c
	}
	for v := hi - 1; v >= lo; v-- {
		if !toks[v].is(cMayBeVerb) {
			continue // verbAt would say no
		}
		base, n := a.verbAt(p, v)
		if n == 0 {
			continue
		}
		if v+n+1 < hi && lowerIs(a.t, toks[v+n], "by") && !strings.HasSuffix(a.lw(toks[v+n+1]), "ing") {
			// "was described by Jobs as", "a ceremony described by the ministry as"
			if sub, _ := a.parseForward(p, v+n+1, hi); sub.ok {
				return done(a.makeCue(sub, base, p, v, hi, -1))
			}
		}
		if a.passive(p, v) {
			continue
		}
		if base == "ask" && v+n < hi && toks[v+n].kind == tWord {
			continue // "asked whether …": a question to the speaker
		}
		if base == "according to" {
			sub, _ := a.parseForward(p, v+n, hi)
			if sub.ok {
				return done(a.makeCue(sub, base, p, v, hi, -1))
			}
			continue
		}
		if c, ok := a.quotedAs(p, lo, v, base); ok {
			return done(c)
		}
		if v > lo+1 && lowerIs(a.t, toks[v-1], "as") && a.lw(toks[v-2]) == "quoted" {
			// "the aid agency was quoted as saying"
			k := v - 2
			for k > lo && toks[k-1].kind == tWord && toks[k-1].is(cAuxiliary) {
				k--
			}
			if sub := a.parseSubject(p, lo, k); sub.ok {
				return done(a.makeCue(sub, base, p, v, hi, -1))
			}
		}
		if v > lo && (word(a.t, toks[v-1]) == "," || lowerIs(a.t, toks[v-1], "by")) && strings.HasSuffix(toks[v].low, "ing") {
			// a participle ("…, saying:", "by writing"): the main clause speaks
			if !inherit.inherit {
				inherit = cue{inherit: true, verb: base, via: a.via(p, v, hi), pos: -1}
				participle = v
			}
			continue
		}
		if a.embedded(p, lo, v) {
			continue // "He said Mr Blair had spoken with …": the outer verb speaks
		}
		sub := a.parseSubject(p, lo, v)
		if sub.ok {
			return done(a.makeCue(sub, base, p, v, hi, -1))
		}
		if !objectVerbs[base] && (v == lo && lo > 0 && toks[lo-1].kind == tQuote || v > lo && word(a.t, toks[v-1]) == ",") {
			// inverted: "…, said Ms Deans."
			if sub, _ := a.parseForward(p, v+n, hi); sub.ok && sub.kind != result.KindUnknown {
				return done(a.makeCue(sub, base, p, v, hi, -1))
			}
		}
		if !inherit.inherit {
			inherit = cue{inherit: true, verb: base, via: a.via(p, v, hi), pos: -1}
		}
	}
	if inherit.inherit {
		// "But Serena denied it, saying:": the name that opens the sentence
		if sub := a.leadingSubject(p, lo, hi); sub.ok {
			c := a.makeCue(sub, inherit.verb, p, lo, hi, -1)
			c.via = inherit.via
			return c
		}
		if participle >= 0 {
			if sub, ok := a.unnamedSubject(p, lo, participle); ok {
				// "officials went further, labeling": the clause has a
				// subject of its own, not the previous speaker
				if sub.ok {
					c := a.makeCue(sub, inherit.verb, p, participle, hi, -1)
					c.via = inherit.via
					return c
				}
				return cue{blocked: true, verb: inherit.verb, reach: -1}
			}
		}
		return inherit
	}
	// No verb: "The White House statement, in fact, dropped a hint:"
	if hi-1 >= lo && word(a.t, toks[hi-1]) == ":" {
		if sub := a.statementSubject(p, lo, hi-1); sub.ok {
			return done(a.makeCue(sub, "", p, lo, hi, -1))
		}
	}
	return cue{}
}

// introCue reads an introductory paragraph before a paragraph that opens
// with a quote: one that ends with "that", ":" or "," or stops mid-sentence.
func (a *attributor) introCue(pi int) cue {
	prev := &a.paras[pi-1]
	toks := prev.toks
	if len(toks) == 0 || toks[len(toks)-1].kind == tQuote {
		return cue{}
	}
	last := toks[len(toks)-1]
	lw := word(a.t, last)
	if last.kind == tPunct && lw != ":" && lw != "," && lw != "—" && lw != "–" {
		return cue{}
	}
	s := len(toks) - 2
	for s >= 0 && toks[s].kind != tQuote && !toks[s].sentEnd {
		s--
	}
	c := a.cueInWindow(prev, s+1, len(toks), len(toks))
	c.reach = -1
	return c
}

// makeCue turns a subject into a cue, with the outlet found in toks[v:hi].
func (a *attributor) makeCue(sub subject, base string, p *para, v, hi, reach int) cue {
	c := cue{found: true, verb: base, pos: sub.pos, reach: reach}
	c.sp = result.Speaker{Mention: sub.mention, Name: sub.name, Role: sub.role, Kind: sub.kind}
	c.via = a.via(p, v, hi)
	if c.sp.Kind == "" {
		c.sp.Kind = result.KindUnknown
	}
	return c
}

// via finds an outlet named in toks[v:hi] ("told the BBC", "on LBC").
func (a *attributor) via(p *para, v, hi int) string {
	toks := p.toks
	for i := v; i < hi && i < len(toks); i++ {
		if toks[i].kind != tWord || !toks[i].upper {
			continue
		}
		// the outlet the words were given to: "told the BBC", "said on LBC",
		// "in an interview with The Telegraph", "writing in The Guardian"
		b := i - 1
		if b >= 0 && toks[b].low == "the" {
			b--
		}
		if b < 0 || !toks[b].is(cVia) {
			continue
		}
		j := i
		for j < hi && toks[j].kind == tWord && (toks[j].upper || isDigitWord(a.t, toks[j])) {
			j++
		}
		// longest prefix of the run that is an outlet
		for e := j; e > i; e-- {
			name := strings.TrimSuffix(strings.TrimSuffix(a.t[toks[i].s:toks[e-1].e], "'s"), "’s")
			if o, ok := a.lx.Outlet(name); ok {
				return o
			}
		}
		i = j
	}
	return ""
}

func isDigitWord(t string, tk token) bool {
	return tk.kind == tWord && t[tk.s] >= '0' && t[tk.s] <= '9'
}

// describeForms maps the inflections of describeVerbs to their base.
var describeForms = func() map[string]string {
	m := map[string]string{}
	for base := range describeVerbs {
		for _, f := range lexicon.Inflections(base) {
			m[f] = base
		}
	}
	// final consonants the regular inflection does not double
	for f, base := range map[string]string{"referred": "refer", "referring": "refer", "labelled": "label", "labelling": "label"} {
		m[f] = base
	}
	return m
}()

// registerSpeakers records the subjects of the attribution verbs of a
// paragraph's narration (reported speech) as speakers, so that later
// pronouns prefer them.
func (a *attributor) registerSpeakers(p *para) {
	toks := p.toks
	start := 0
	for v := 0; v < len(toks); v++ {
		tk := &toks[v]
		if tk.kind == tQuote && !a.inlineQuote(p, v) || tk.sentEnd {
			start = v + 1
			continue
		}
		if !tk.is(cMayBeVerb) {
			continue // verbAt would say no
		}
		base, n := a.verbAt(p, v)
		if n == 0 || base == "according to" || a.passive(p, v) {
			continue
		}
		sub := a.parseSubject(p, start, v)
		if sub.ok && sub.kind == result.KindPerson && sub.name != "" {
			a.addPerson(sub.pos, sub.name, true)
		}
		if sub.ok && sub.kind == result.KindOrganization && sub.name != "" {
			a.orgs = insertEntity(a.orgs, entity{pos: sub.pos, name: sub.name})
		}
		if sub.ok && sub.kind == result.KindAnonymous && plural(sub.mention) {
			a.groups = insertEntity(a.groups, entity{pos: sub.pos, name: sub.mention})
		}
	}
}

// previousSentenceCue attributes a quote that opens its sentence and has
// no cue of its own to the speaker of the sentence just before it, when
// that sentence reports speech ("Cory Doctorow said that … ⏎ "Of course
// …""): nothing intervenes between the reported speech and the quote.
func (a *attributor) previousSentenceCue(pi, qi int) cue {
	p := &a.paras[pi]
	toks := p.toks
	s := qi - 1
	if s >= 0 && !toks[s].sentEnd {
		return cue{}
	}
	if s < 0 {
		if pi == 0 {
			return cue{}
		}
		p = &a.paras[pi-1]
		toks = p.toks
		s = len(toks)
	}
	e := s
	s--
	for s >= 0 && toks[s].kind != tQuote && !toks[s].sentEnd {
		s--
	}
	c := a.cueInWindow(p, s+1, e, e)
	if (!c.found || c.sp.Kind == result.KindUnknown || c.sp.Kind == "") && s >= 0 && toks[s].kind == tQuote && a.quotes != nil {
		// the sentence before quoted someone: "X revealed that … "A" -
		// although she denied it. "B""
		if prev := &a.quotes[toks[s].q]; prev.Speaker.Known() {
			return cue{found: true, sp: prev.Speaker, verb: prev.Verb, via: prev.Via, pos: -1, reach: -1}
		}
	}
	if c.found && (c.sp.Kind == result.KindUnknown || c.sp.Kind == "") || c.blocked {
		// someone we cannot name spoke just before: no one else did
		return cue{blocked: true, verb: c.verb, reach: -1}
	}
	if !c.found {
		return cue{}
	}
	c.reach = -1
	return c
}

// topicSpeaker returns the person a passage is about when a quote has
// no cue of its own: the last person named before pos, within the
// paragraph or the one before, when that person spoke (reported speech)
// or, in the quote's own paragraph, is the subject of the narration.
// Only a person already established as a speaker under a full name
// earlier in the article qualifies: a lone capitalised word may be a
// company, a place or a headline word.
func (a *attributor) topicSpeaker(pi, pos int) *entity {
	e := a.topicCandidate(pi, pos)
	if e == nil || strings.Count(e.name, " ") == 0 || a.isHeading(a.paraOf(e.pos)) {
		return nil
	}
	// spoke before, or was introduced with a role as the subject of the
	// quote's own paragraph ("Fatima Wojohat, an Afghan artist, …")
	if a.spokeBefore(e.name, pos) || e.subj && e.confirmed && e.role != "" && e.pos >= a.paras[pi].lo {
		return e
	}
	return nil
}

// paraOf returns the index of the paragraph holding offset pos.
func (a *attributor) paraOf(pos int) int {
	i := sort.Search(len(a.paras), func(k int) bool { return a.paras[k].hi > pos })
	return min(i, len(a.paras)-1)
}

// spokeBefore reports whether name was the speaker of an attribution
// before pos.
func (a *attributor) spokeBefore(name string, pos int) bool {
	for _, e := range a.spoken {
		if e.pos >= pos {
			break
		}
		if e.speaker && e.name == name && e.pos >= 0 {
			return true
		}
	}
	return false
}

// isHeading reports whether paragraph pi is the headline or the top
// matter of the document: inside the header the reader recognised, or,
// when it recognised none, a short first paragraph that ends with no
// sentence punctuation and has paragraphs after it.
func (a *attributor) isHeading(pi int) bool {
	p := &a.paras[pi]
	if a.doc.Header > 0 {
		return p.hi <= a.doc.Header
	}
	if pi != 0 || len(a.paras) < 2 {
		return false
	}
	return a.firstHeading
}

// headlineFirst reports whether the first paragraph reads as a headline
// (isHeading when the reader recognised no header).
func (a *attributor) headlineFirst() bool {
	p := &a.paras[0]
	text := strings.TrimSpace(a.t[p.lo:p.hi])
	if wordCount(text) > 15 || strings.ContainsAny(text, "\n") {
		return false
	}
	for _, tk := range p.toks {
		if tk.sentEnd {
			return false
		}
	}
	switch lastRune(text) {
	case '.', '!', '?', ':', ';', ',':
		return false
	}
	return true
}

func (a *attributor) topicCandidate(pi, pos int) *entity {
	limit := a.paras[max(pi-1, 0)].lo
	name := ""
	var found *entity
	a.back(pos, func(e *entity) bool {
		if e.pos < limit || name != "" && e.name != name {
			return true
		}
		name = e.name
		if e.speaker || e.subj && (e.confirmed || a.confirmed[e.name]) && e.pos >= a.paras[pi].lo {
			found = e
			return true
		}
		return false
	})
	return found
}

// unnamedSubject looks in toks[lo:v] for a common noun that names
// people ("officials", "two analysts") as the subject of the clause a
// participle at v hangs on. ok reports whether there is one; sub is its
// reading when it can be parsed as a speaker.
func (a *attributor) unnamedSubject(p *para, lo, v int) (subject, bool) {
	for i := v - 1; i >= lo; i-- {
		tk := p.toks[i]
		if tk.kind != tWord || tk.upper {
			continue
		}
		if !tk.lex.Descriptor && !a.lx.Descriptor(strings.TrimSuffix(tk.low, "s")) && !(tk.is(cOrgNoun) && plural(tk.low)) {
			continue
		}
		// the noun phrase: back over its determiners and modifiers
		s := i
		for s > lo && p.toks[s-1].kind == tWord && (!p.toks[s-1].upper || demonym(p.toks[s-1].low)) && !p.toks[s-1].is(cFunctionWord) &&
			!p.toks[s-1].is(cConnective) && !p.toks[s-1].is(cTime) && i-s < 3 {
			s--
		}
		if s > lo && p.toks[s-1].kind == tWord && (p.toks[s-1].is(cTailPreposition) || p.toks[s-1].is(cLocative) || p.toks[s-1].is(cPreposition)) ||
			i+1 >= v || p.toks[i+1].kind != tWord || p.toks[i+1].upper || p.toks[i+1].is(cFunctionWord) || p.toks[i+1].is(cTailPreposition) {
			continue // "a campaigner for women,": not the subject of a clause
		}
		sub := a.parseNP(p, s, i+1)
		if sub.kind != result.KindAnonymous && sub.kind != result.KindOrganization {
			sub = subject{}
		}
		return sub, true
	}
	return subject{}, false
}

// embedded reports whether the verb at v stands in the clause reported by
// an earlier attribution verb of the same window, with no separator
// between them ("He said Mr Blair had spoken").
func (a *attributor) embedded(p *para, lo, v int) bool {
	for u := v - 1; u >= lo; u-- {
		if a.isSep(p.toks[u]) {
			return false
		}
		if base, n := a.verbAt(p, u); n > 0 && !a.passive(p, u) && base != "according to" && u > lo && !objectVerbs[base] && base != "speak" {
			return true
		}
	}
	return false
}

// endsSentence reports whether a quote token's text ends with . ! or ?.
func endsSentence(t string, qt token, p *para) bool {
	k := qt.q - p.qbase
	if k < 0 || k >= len(p.spans) {
		return false
	}
	sp := p.spans[k]
	if sp.end <= sp.start {
		return false
	}
	switch t[sp.end-1] {
	case '.', '!', '?':
		return true
	}
	return false
}

// maxLookback bounds how many people a resolution looks back over, which
// keeps documents with thousands of names linear.
const maxLookback = 400

// back calls fn on the people named before pos (both lists), the most
// recent first, until fn returns true.
func (a *attributor) back(pos int, fn func(e *entity) bool) {
	i := sort.Search(len(a.persons), func(k int) bool { return a.persons[k].pos >= pos }) - 1
	j := sort.Search(len(a.spoken), func(k int) bool { return a.spoken[k].pos >= pos }) - 1
	for n := 0; n < maxLookback && (i >= 0 || j >= 0); n++ {
		var e *entity
		if j < 0 || i >= 0 && a.persons[i].pos > a.spoken[j].pos {
			e = &a.persons[i]
			i--
		} else {
			e = &a.spoken[j]
			j--
		}
		if fn(e) {
			return
		}
	}
}

// leadingSubject reads the name that opens a clause ("But Serena denied
// …"): connectives, then capitalised words directly followed by a
// lower-case word.
func (a *attributor) leadingSubject(p *para, lo, hi int) subject {
	toks := p.toks
	s := lo
	for s < hi && toks[s].kind == tWord && toks[s].is(cConnective) {
		s++
	}
	e := s
	for e < hi && (toks[e].kind == tWord && (toks[e].upper || toks[e].is(cParticle)) || a.dotInName(p, e)) {
		e++
	}
	if e == s || e >= hi || toks[e].kind != tWord || toks[e].upper {
		return subject{}
	}
	if strings.HasSuffix(a.lw(toks[s]), "ing") {
		return subject{} // "Pointing to …, saying": no subject
	}
	sub := a.parseNP(p, s, e)
	switch {
	case !sub.ok:
		return subject{}
	case sub.kind == result.KindPerson && strings.Contains(sub.name, " "), sub.kind == result.KindOrganization && sub.name != "":
		return sub // a full name, or one resolved to a full name
	}
	return subject{}
}

// plural reports whether an anonymous mention names several people
// ("officials", "two analysts").
func plural(mention string) bool {
	f := strings.Fields(strings.ToLower(mention))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "a", "an", "one", "another", "the":
		if f[0] != "the" {
			return false
		}
	}
	h := f[len(f)-1]
	return strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") || strings.HasSuffix(h, "people") || strings.HasSuffix(h, "men")
}

// quotedAs reads "Reuters quoted a central bank official as saying": the
// speaker is the one quoted, the outlet the one quoting.
func (a *attributor) quotedAs(p *para, lo, v int, base string) (cue, bool) {
	toks := p.toks
	if v < lo+3 || toks[v-1].low != "as" {
		return cue{}, false
	}
	for q := v - 2; q > lo && q >= v-10; q-- {
		if toks[q].low != "quoted" {
			continue
		}
		sub := a.parseNP(p, q+1, v-1)
		if !sub.ok {
			// someone we cannot name was quoted: no other speaker applies
			sub = subject{ok: true, kind: result.KindUnknown, pos: -1}
		}
		c := a.makeCue(sub, base, p, v, v, -1)
		if q > lo {
			c.via = a.outletRun(p, lo, q)
		}
		return c, true
	}
	return cue{}, false
}

// outletRun returns the outlet named by the capitalised run just before
// toks[e] ("Reuters quoted"), or "".
func (a *attributor) outletRun(p *para, lo, e int) string {
	s := e
	for s > lo && p.toks[s-1].kind == tWord && p.toks[s-1].upper {
		s--
	}
	if s == e {
		return ""
	}
	o, _ := a.lx.Outlet(a.t[p.toks[s].s:p.toks[e-1].e])
	return o
}

// lowerStart reports whether the quote at token qi opens with a lower-case
// letter: it continues the sentence around it ("Comair "deeply regrets …"").
func (a *attributor) lowerStart(p *para, qi int) bool {
	k := p.toks[qi].q - p.qbase
	if k < 0 || k >= len(p.spans) {
		return false
	}
	r := firstRune(a.t[p.spans[k].start:p.spans[k].end])
	return unicode.IsLower(r)
}
