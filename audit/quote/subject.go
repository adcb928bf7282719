package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// lw returns the lower-case text of a word token.
func (a *attributor) lw(tk token) string {
	if tk.kind == tQuote {
		return ""
	}
	return tk.low
}

// isSep reports whether a punctuation token separates noun phrases.
func (a *attributor) isSep(tk token) bool {
	if tk.kind != tPunct {
		return false
	}
	switch a.t[tk.s:tk.e] {
	case ",", ";", ":", "—", "–", "-", "(", ")":
		return true
	}
	return false
}

// parseSubject finds the subject of the verb at v in toks[lo:v]:
// "Rod Eddington, BA's chief executive, said", "Special envoy Zamir
// Kabulov stated", "one activist in Herat wrote", "In a statement, it
// added".
func (a *attributor) parseSubject(p *para, lo, v int) subject {
	toks := p.toks
	end := v
	for end > lo && toks[end-1].kind == tWord && !toks[end-1].upper {
		if w := toks[end-1].low; toks[end-1].is(cAuxiliary) || (strings.HasSuffix(w, "ly") && len(w) > 4) {
			end--
			continue
		}
		break
	}
	if end > lo && toks[end-1].kind == tWord {
		// "who he described as": the pronoun right before the verb
		if g, ok := pronounGender(&toks[end-1]); ok && (end-1 == lo || toks[end-2].kind != tWord || !possessive(a.lw(toks[end-2]))) {
			return a.resolvePronoun(word(a.t, toks[end-1]), g, toks[end-1].s)
		}
	}
	// segments between separators
	type seg struct{ s, e int }
	segs := make([]seg, 0, 16) // on the stack for all but long windows
	s := lo
	for i := lo; i < end; i++ {
		if toks[i].kind == tQuote && !a.inlineQuote(p, i) {
			s = i + 1
			segs = segs[:0]
			continue
		}
		if word(a.t, toks[i]) == "(" {
			// a parenthesis ("the Consumer Electronics Association (CEA)")
			// glosses the phrase before it: it is never the subject
			if c := a.closeParen(p, i, end); c > i {
				segs = append(segs, seg{s, i})
				i = c
				s = c + 1
				continue
			}
		}
		if a.isSep(toks[i]) {
			segs = append(segs, seg{s, i})
			s = i + 1
		}
	}
	segs = append(segs, seg{s, end})
	// a parenthesis that closed a segment leaves it split in two: join
	// the empty piece it left so that "X (Y), said" reads as "X, said"
	for r := len(segs) - 1; r > 0; r-- {
		if segs[r].s >= segs[r].e && segs[r-1].s < segs[r-1].e && segs[r].s > segs[r-1].e && word(a.t, toks[segs[r-1].e]) == "(" {
			segs = append(segs[:r], segs[r+1:]...)
		}
	}
	// the object of a relative clause: "a ceremony that the ministry
	// called", "the plan which Smith described as": the subject is the
	// noun phrase after the relative pronoun
	if last := &segs[len(segs)-1]; last.e-last.s >= 3 {
		for i := last.e - 2; i > last.s; i-- {
			if w := toks[i]; w.kind == tWord && (w.low == "that" || w.low == "which" || w.low == "whom") {
				nx := toks[i+1]
				if nx.kind == tWord && (nx.upper || determiners[nx.low] && nx.low != "that") {
					if sub := a.parseNP(p, i+1, last.e); sub.ok {
						return sub
					}
				}
				break
			}
		}
	}
	// a predicate before the verb ("X, the minister, took the opposite
	// view and told", "X, a rapporteur, reacted in writing"): the subject
	// stands before it
	if n := len(segs); n > 1 {
		if sg := segs[n-1]; sg.s < sg.e && segs[n-2].s < segs[n-2].e && a.predicate(p, sg.s, sg.e) {
			segs[n-1] = seg{end, end}
		}
	}
	if last := segs[len(segs)-1]; last.s >= last.e && len(segs) > 2 {
		// "X, whose films include A, B and C, said": drop the relative clause
		for r := 1; r < len(segs)-1; r++ {
			if sg := segs[r]; sg.s < sg.e && toks[sg.s].kind == tWord {
				switch a.lw(toks[sg.s]) {
				case "who", "whose", "which", "whom":
					segs = append(segs[:r], seg{end, end})
				}
			}
		}
	}
	// "the International Air Transport Association (IATA), which has
	// attacked": a relative pronoun takes the noun phrase before it
	if last := segs[len(segs)-1]; last.s < last.e && toks[last.s].kind == tWord {
		switch a.lw(toks[last.s]) {
		case "who", "which":
			if last.e-last.s <= 2 {
				segs = segs[:len(segs)-1]
				for len(segs) > 1 && segs[len(segs)-1].s >= segs[len(segs)-1].e {
					segs = segs[:len(segs)-1]
				}
				if n := len(segs); n > 1 && segs[n-1].e-segs[n-1].s == 1 && isAcronym(word(a.t, toks[segs[n-1].s])) {
					segs = segs[:n-1] // the acronym in brackets: the name before it
					for len(segs) > 1 && segs[len(segs)-1].s >= segs[len(segs)-1].e {
						segs = segs[:len(segs)-1]
					}
				}
				// the relative pronoun refers to the nearest name
				sg := segs[len(segs)-1]
				if r0, r1 := a.capRun(p, sg.s, sg.e); r0 < r1 && r1 == sg.e {
					return a.parseNP(p, r0, r1)
				}
				if sg.s < sg.e {
					return a.parseNP(p, sg.s, sg.e)
				}
				return subject{}
			}
		}
	}
	k := len(segs) - 1
	role := ""
	// Skip appositives back to the name they describe.
	for k > 0 {
		sg := segs[k]
		if sg.s >= sg.e {
			k--
			continue
		}
		if a.appositive(p, sg.s, sg.e) && a.endsWithName(p, segs[k-1].s, segs[k-1].e) {
			if role == "" {
				re := sg.e
				for i := sg.s + 1; i < sg.e; i++ {
					if _, n := a.verbAt(p, i); n > 0 {
						re = i
						break
					}
				}
				role = a.t[toks[sg.s].s:toks[re-1].e]
			}
			k--
			continue
		}
		break
	}
	sg := segs[k]
	if sg.s >= sg.e {
		return subject{}
	}
	for i := sg.e - 2; i > sg.s; i-- {
		// "They have until midnight and an IAAF spokesman said"
		if toks[i].kind == tWord && (a.lw(toks[i]) == "and" || a.lw(toks[i]) == "but") && toks[i+1].kind == tWord {
			nx := a.lw(toks[i+1])
			if _, pr := pronouns[nx]; pr || determiners[nx] {
				sg.s = i + 1
				break
			}
		}
	}
	sub := a.parseNP(p, sg.s, sg.e)
	if sub.ok && role != "" && sub.kind == result.KindPerson {
		sub.role = role
	}
	return sub
}

// closeParen returns the index of the ")" closing the "(" at toks[i],
// before end, or -1.
func (a *attributor) closeParen(p *para, i, end int) int {
	for k := i + 1; k < end && k <= i+12; k++ {
		switch word(a.t, p.toks[k]) {
		case ")":
			return k
		case "(":
			return -1
		}
	}
	return -1
}

// predicate reports whether toks[s:e], standing right before an
// attribution verb, is the start of the verb phrase ("took the opposite
// view and", "reacted in", "uses her work to") rather than an
// appositive: it opens with a lower-case word that cannot open a
// description of a person.
func (a *attributor) predicate(p *para, s, e int) bool {
	tk := p.toks[s]
	if tk.kind != tWord || tk.upper || isDigitWord(a.t, tk) {
		return false
	}
	w := tk.low
	if tk.is(cDeterminer|cTailPreposition|cLocative|cFunctionWord|cConnective|cRole|cDescribing|cPronoun) ||
		tk.personNoun() || tk.lex.Descriptor ||
		strings.HasSuffix(w, "ing") || strings.Contains(w, "-") || demonym(w) {
		return false
	}
	switch w {
	case "who", "whose", "which", "whom":
		return false
	}
	// the verb phrase goes on to the attribution verb: it ends with a
	// coordinator, a preposition or "to" ("and told", "in writing", "to tell")
	last := p.toks[e-1]
	return last.kind == tWord && (last.low == "and" || last.low == "to" || last.low == "in" || last.low == "by" || last.low == "then")
}

// appositive reports whether toks[s:e] reads like a description rather
// than a name: it starts or ends with a lower-case word.
func (a *attributor) appositive(p *para, s, e int) bool {
	first, last := p.toks[s], p.toks[e-1]
	for i := s; i+1 < e; i++ {
		if p.toks[i].kind == tWord && p.toks[i].upper && p.toks[i].is(cHonorific) && p.toks[i+1].upper {
			return false // "the Rt Rev Dr Tom Wright"
		}
	}
	if last.kind == tWord && last.upper {
		// "the carmaker's chief executive Helmut Panke": a name with its role
		b := e - 1
		for b > s && p.toks[b-1].kind == tWord && p.toks[b-1].upper {
			b--
		}
		if b > s && p.toks[b-1].kind == tWord && !p.toks[b-1].upper && roleWord(&p.toks[b-1]) {
			return false
		}
	}
	h := e - 1
	for i := s + 1; i < e; i++ {
		if p.toks[i].kind == tWord && !p.toks[i].upper && p.toks[i].is(cTailPreposition) {
			h = i - 1
			break
		}
	}
	if ht := p.toks[h]; ht.kind == tWord && (!ht.upper || ht.is(cRole) || orgWords[trimPossessive(a.lw(ht))]) {
		return true
	}
	if first.kind == tWord && !first.upper {
		return true
	}
	if last.kind == tWord && !last.upper {
		if last.is(cPronoun) {
			return false
		}
		return true
	}
	return false
}

// endsWithName reports whether toks[s:e] ends with a capitalised word and
// does not open with a preposition ("In London").
func (a *attributor) endsWithName(p *para, s, e int) bool {
	if s >= e {
		return false
	}
	first, last := p.toks[s], p.toks[e-1]
	if first.kind == tWord && first.is(cLocative) || a.lw(first) == "on" || a.lw(first) == "for" || a.lw(first) == "after" {
		return false
	}
	return last.kind == tWord && last.upper && !last.is(cNotName)
}

// parseForward reads a subject that follows its verb ("said Zamir
// Kabulov, Russian envoy to Afghanistan") and returns it with the index
// of the last token read.
func (a *attributor) parseForward(p *para, j, we int) (subject, int) {
	toks := p.toks
	if j >= we || toks[j].kind != tWord {
		return subject{}, j
	}
	k := j
	for k < we && (toks[k].kind == tWord || a.dotInName(p, k)) {
		if k > j && toks[k].kind == tWord && !toks[k].upper && toks[k].is(cStopForward) {
			if !(a.lw(toks[k]) == "and" && k+1 < we && toks[k+1].upper) {
				break
			}
		}
		k++
	}
	sub := a.parseNP(p, j, k)
	if !sub.ok && k+1 < we && word(a.t, toks[k]) == "," && toks[k+1].upper {
		sub = subject{ok: true, kind: result.KindUnknown} // "said his wife, Sheila"
	}
	if !sub.ok {
		return subject{}, j
	}
	if k < we && word(a.t, toks[k]) == "," {
		// the company's chief executive, John Smith / Kabulov, Russian envoy
		if sub.kind != result.KindPerson || sub.name == "" {
			if k+1 < we && toks[k+1].upper {
				e := k + 1
				for e < we && toks[e].kind == tWord && (toks[e].upper || toks[e].is(cParticle)) {
					e++
				}
				if s2 := a.parseNP(p, k+1, e); s2.ok && s2.kind == result.KindPerson {
					s2.role = a.t[toks[j].s:toks[k-1].e]
					return s2, e
				}
			}
		}
		if sub.kind == result.KindPerson && k+1 < we {
			sub.role = strings.TrimSpace(a.t[toks[k+1].s:toks[we-1].e])
		}
		return sub, we
	}
	return sub, k
}

// dotInName reports whether toks[k] is the dot of an initial or title
// inside a name ("Dr. Spanta", "George W. Bush").
func (a *attributor) dotInName(p *para, k int) bool {
	tk := p.toks[k]
	if tk.kind != tPunct || a.t[tk.s:tk.e] != "." || tk.sentEnd || k == 0 || k+1 >= len(p.toks) {
		return false
	}
	prev := p.toks[k-1]
	return prev.kind == tWord && prev.e == tk.s && abbreviation(word(a.t, prev)) && p.toks[k+1].upper
}

// parseNP reads the noun phrase toks[s:e] as a speaker.
func (a *attributor) parseNP(p *para, s, e int) subject {
	toks := p.toks
	for s < e && toks[s].kind == tWord && toks[s].is(cConnective) {
		s++
	}
	for s < e && toks[s].kind == tPunct && !a.dotInName(p, s) {
		s++
	}
	if s >= e {
		return subject{}
	}
	for i := s; i < e; i++ {
		if toks[i].kind == tQuote {
			return subject{}
		}
	}
	// single pronoun
	if e-s == 1 {
		if g, ok := pronounGender(&toks[s]); ok {
			return a.resolvePronoun(word(a.t, toks[s]), g, toks[s].s)
		}
	}
	// cut the tail: "one activist in Herat", "Mike Powell of Dresdner"
	c := e
	for i := s + 1; i < e; i++ {
		if toks[i].kind == tWord && !toks[i].upper && toks[i].is(cTailPreposition) {
			c = i
			break
		}
	}
	if c < e && toks[e-1].kind == tWord && toks[e-1].upper {
		// a name closing the phrase is its head unless a preposition
		// introduces it: "spokeswoman for women Sandra Gidley" but
		// "Mike Powell of Dresdner Kleinwort"
		b := e - 1
		for b > c && (toks[b-1].upper && toks[b-1].kind == tWord || a.dotInName(p, b-1)) {
			b--
		}
		if b > c && toks[b-1].kind == tWord && !toks[b-1].is(cTailPreposition) && !toks[b-1].is(cDeterminer) && !toks[b-1].is(cFunctionWord) {
			c = e
		}
	}
	h := c - 1
	for h > s && toks[h].kind == tPunct {
		h--
	}
	head := toks[h]
	if head.kind != tWord {
		return subject{}
	}
	mentionAll := a.t[toks[s].s:toks[e-1].e]
	if !head.upper {
		hw := a.lw(head)
		if head.is(cPronoun) {
			return subject{}
		}
		if definite(a, p, s) && (head.personNoun() || head.is(cRole) || head.lex.Descriptor) {
			if e := a.byRole(lastPart(hw), toks[s].s); e != nil {
				return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
			}
		}
		if definite(a, p, s) && head.personNoun() && h == e-1 {
			// "the minister told delegates": the person named before
			if e := a.antecedent(toks[s].s, 0); e != nil {
				return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
			}
		}
		if head.lex.Descriptor || a.lx.Descriptor(strings.TrimSuffix(hw, "s")) {
			// the mention runs to the end of the descriptor's tail, before any
			// clause ("A spokesman for the fishermen declined to …")
			me := e
			for i := h + 1; i < e; i++ {
				w := a.lw(toks[i])
				if toks[i].kind != tWord || w == "but" || w == "and" || w == "who" || w == "which" || w == "that" || strings.HasSuffix(w, "ed") {
					me = i
					break
				}
			}
			return subject{ok: true, mention: a.t[toks[s].s:toks[me-1].e], kind: result.KindAnonymous, pos: toks[s].s}
		}
		if definite(a, p, s) && personNouns[lastPart(hw)] {
			if e := a.byRole(hw, toks[s].s); e != nil {
				return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
			}
			if e := a.antecedent(toks[s].s, 0); e != nil {
				return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
			}
			return subject{}
		}
		if orgNouns[hw] {
			// "The White House statement", "the company", "Russian ministries"
			if r0, r1 := a.capRun(p, s, h); r0 < r1 {
				name := trimPossessive(a.t[toks[r0].s:toks[r1-1].e])
				m0 := r0
				if r0 > s && lowerIs(a.t, toks[r0-1], "the") {
					m0 = r0 - 1
				}
				mention := a.t[toks[m0].s:toks[r1-1].e]
				switch {
				case hw == "statement" || hw == "report":
					if r1 == h {
						mention = a.t[toks[m0].s:head.e]
					}
				case r1 == h && demonym(strings.ToLower(name)):
					name = a.t[toks[r0].s:head.e] // "Russian ministries"
					mention = a.t[toks[m0].s:head.e]
				default:
					if r1 == h {
						mention = a.t[toks[m0].s:head.e]
					}
				}
				return subject{ok: true, mention: mention, name: name, kind: result.KindOrganization, pos: toks[m0].s}
			}
			if lowerIs(a.t, toks[s], "the") && h > s+1 {
				// "the port authority": an organisation named by its description
				return subject{ok: true, mention: mentionAll, name: a.t[toks[s+1].s:head.e], kind: result.KindOrganization, pos: toks[s].s}
			}
			if (lowerIs(a.t, toks[s], "the") || lowerIs(a.t, toks[s], "its")) && (hw != "report" || lowerIs(a.t, toks[s], "its")) {
				// "the company": the organisation named before; "the
				// report" may be anyone's
				if o := lastBefore(a.orgs, toks[s].s); o != nil {
					return subject{ok: true, mention: mentionAll, name: o.name, kind: result.KindOrganization, pos: toks[s].s}
				}
				if h == e-1 && hw != "statement" && hw != "report" {
					// "the company said": an organisation, though not named
					return subject{ok: true, mention: mentionAll, kind: result.KindOrganization, pos: toks[s].s}
				}
			}
		}
		return subject{}
	}
	// a capitalised head: gather the name run back from it
	r := h
	for r > s {
		pt := toks[r-1]
		if pt.kind == tWord && (pt.upper || pt.is(cParticle) && r-1 > s && toks[r-2].upper) {
			r--
			continue
		}
		if a.dotInName(p, r-1) {
			r--
			continue
		}
		break
	}
	for r < h && toks[r].kind == tWord && toks[r].is(cNotName) && !toks[r].is(cHonorific) {
		r++
	}
	if r > s+1 && toks[r-1].kind == tWord && (a.lw(toks[r-1]) == "and" || a.lw(toks[r-1]) == "or") && toks[r-2].upper && !a.hasPossessive(toks[r:h]) && !a.isOrg(p, toks[r:h+1], "") {
		// "Tajiks and Uzbeks": several speakers, none named alone
		return subject{ok: true, mention: mentionAll, kind: result.KindUnknown, pos: toks[s].s}
	}
	if r == h && head.lex.Descriptor {
		// "Campaigners said", "Residents told": unnamed people
		return subject{ok: true, mention: mentionAll, kind: result.KindAnonymous, pos: toks[s].s}
	}
	if r > s+1 && toks[r-1].low == "and" && toks[r-2].kind == tWord && toks[r-2].upper && a.isOrg(p, toks[r:h+1], "") {
		r -= 2 // "the Finance and Economy Ministry"
		for r > s && toks[r-1].kind == tWord && toks[r-1].upper {
			r--
		}
	}
	run := toks[r : h+1]
	pre := ""
	if d := a.describes(p, s, r); d < r {
		pre = strings.TrimSpace(a.t[toks[d].s:toks[r-1].e])
	}
	runText := a.t[run[0].s:run[len(run)-1].e]
	if head.is(cNotName) && !head.is(cHonorific) && (len(run) == 1 || !run[len(run)-2].upper) {
		return subject{} // "May said" is a month; "Theresa May said" is not
	}
	if len(run) == 1 && r > s && definite(a, p, s) && (head.is(cPersonNoun) || head.is(cRole)) {
		if e := a.byRole(a.lw(head), toks[s].s); e != nil {
			return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
		}
		if e := a.antecedent(toks[s].s, 0); e != nil {
			return subject{ok: true, mention: mentionAll, name: e.name, kind: result.KindPerson, pos: toks[s].s}
		}
		return subject{}
	}
	if a.isOrg(p, run, pre) {
		name := runText
		if o, ok := a.lx.Organization(runText); ok {
			name = o
		}
		return subject{ok: true, mention: mentionAll, name: trimPossessive(name), kind: result.KindOrganization, pos: toks[s].s}
	}
	// split off roles and possessives: "Reform MP Richard Tice", "The BBC's Rachel Harvey"
	ni := 0
	for i := 0; i < len(run)-1; i++ {
		if run[i].kind == tWord && (roleWord(&run[i]) || isAcronym(word(a.t, run[i])) || possessive(run[i].low)) {
			ni = i + 1
		}
	}
	rolePart := ""
	if ni > 0 {
		rolePart = a.t[run[0].s:run[ni-1].e]
	}
	nameToks := run[ni:]
	for i := 1; i < len(nameToks)-1; i++ {
		if nameToks[i].kind == tWord && nameToks[i].is(cHonorific) && !nameToks[i-1].is(cHonorific) {
			// "Observes Mr Hadi", "Broadcaster Sir David": the title opens the name
			if rolePart == "" {
				rolePart = a.t[nameToks[0].s:nameToks[i-1].e]
			} else {
				rolePart += " " + a.t[nameToks[0].s:nameToks[i-1].e]
			}
			nameToks = nameToks[i:]
			break
		}
	}
	for len(nameToks) >= 3 && (agentNoun(a.lw(nameToks[0])) || demonym(a.lw(nameToks[0]))) && givenGender(word(a.t, nameToks[0])) == 0 && !nameToks[0].is(cHonorific) {
		// "Broadcaster Chris Evans", "Russian President Vladimir Putin": a
		// capitalised occupation or nationality before a full name
		if rolePart == "" {
			rolePart = word(a.t, nameToks[0])
		} else {
			rolePart += " " + word(a.t, nameToks[0])
		}
		nameToks = nameToks[1:]
	}
	// honorifics
	var g byte
	firstName := false
	hi := 0
	for hi < len(nameToks)-1 {
		w := strings.TrimSuffix(a.lw(nameToks[hi]), ".")
		if nameToks[hi].kind == tPunct {
			hi++
			continue
		}
		if gg, ok := honorifics[w]; ok {
			if gg != 0 {
				g = gg
			}
			firstName = w == "sir" || w == "dame"
			hi++
			continue
		}
		break
	}
	core := nameToks[hi:]
	for len(core) > 0 && core[0].kind == tPunct {
		core = core[1:]
	}
	if len(core) == 0 {
		return subject{}
	}
	for len(core) > 1 && nameSuffixes[strings.TrimSuffix(core[len(core)-1].low, ".")] {
		core = core[:len(core)-1] // "Guy Mansfield QC", "Walter Phillips Jr"
	}
	mention := a.t[nameToks[0].s:nameToks[len(nameToks)-1].e]
	name := trimPossessive(a.t[core[0].s:core[len(core)-1].e])
	if len(core) == 1 && isAcronym(name) {
		return subject{ok: true, mention: mentionAll, name: name, kind: result.KindOrganization, pos: toks[s].s}
	}
	role := joinRole(pre, rolePart)
	if len(core) == 1 {
		if firstName {
			name = a.resolveFirst(name, toks[s].s)
		} else {
			name = a.resolveShort(name, toks[s].s)
		}
	}
	if g != 0 {
		if _, ok := a.gender[name]; !ok {
			a.gender[name] = g
		}
	}
	if len(core) == 1 && hi == 0 && !strings.Contains(name, " ") && role == "" && !a.personWord(name) {
		// a lone capitalised word nothing marks as a person ("Novartis
		// said"): an organisation when the document names it as one
		if o := a.orgNamed(name); o != "" {
			return subject{ok: true, mention: mention, name: o, kind: result.KindOrganization, pos: nameToks[0].s}
		}
	}
	return subject{ok: true, mention: mention, name: name, role: role, kind: result.KindPerson, pos: nameToks[0].s}
}

// describes returns where the words describing the name at toks[r]
// begin, within toks[s:r]: the words right before it, back to a
// function word, a time adverbial or punctuation ("Special envoy",
// "the Taliban envoy"; nothing in "Last year" or "when").
func (a *attributor) describes(p *para, s, r int) int {
	d := r
	for d > s {
		tk := p.toks[d-1]
		if tk.kind == tWord && (tk.low == "and" || tk.low == "&") && d-1 > s && p.toks[d-2].upper && p.toks[d].upper {
			d-- // "Price and Hale's chief economist": a name with "and"
			continue
		}
		if tk.kind != tWord || tk.is(cFunctionWord) && !tk.is(cDeterminer) || tk.is(cTime) || tk.is(cConnective) {
			break
		}
		d--
	}
	return d
}

// personWord reports whether a one-word name is known to be a person's:
// a common given name, a name the document gave a title, a role or a
// gender, or a surname it introduced under a full name.
func (a *attributor) personWord(name string) bool {
	if givenGender(name) != 0 {
		return true
	}
	if _, ok := a.gender[name]; ok {
		return true
	}
	for _, e := range a.persons {
		if e.name == name || endsWithWord(e.name, name) || startsWithWord(e.name, name) {
			return true
		}
	}
	return false
}

// orgNamed returns the organisation the document names with the word
// name ("Novartis", "the Novartis group"), or "".
func (a *attributor) orgNamed(name string) string {
	if o, ok := a.lx.Organization(name); ok {
		return o
	}
	for _, o := range a.orgs {
		if o.name == name || startsWithWord(o.name, name) {
			return o.name // "Quillon", short for "Quillon Foods"
		}
	}
	if orgWords[strings.ToLower(name)] || isAcronym(name) {
		return name
	}
	return ""
}

// joinRole joins the words before a name ("Special envoy") and the role
// inside its capitalised run ("Foreign Minister"), dropping determiners.
func joinRole(pre, run string) string {
	f := strings.Fields(pre)
	for len(f) > 0 && (determiners[strings.ToLower(f[0])] || connectives[strings.ToLower(f[0])]) {
		f = f[1:]
	}
	pre = strings.Join(f, " ")
	switch {
	case pre == "":
		return run
	case run == "":
		return pre
	}
	return pre + " " + run
}

func possessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

// possessiveFold is possessive(strings.ToLower(w)) without building the
// lower case: only the final s may be a capital, for no other rune
// lowers to an s or an apostrophe.
func possessiveFold(w string) bool {
	if n := len(w); n > 0 && w[n-1] == 'S' {
		w = w[:n-1]
		return strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’")
	}
	return possessive(w)
}

// joinTrimmed is strings.TrimSpace(a + " " + b), built only when both
// have text.
func joinTrimmed(a, b string) string {
	switch {
	case a == "":
		return strings.TrimSpace(b)
	case b == "":
		return strings.TrimSpace(a)
	}
	return strings.TrimSpace(a + " " + b)
}

// endsWithWord reports whether name ends with " "+word
// (strings.HasSuffix(name, " "+word) without building the string).
func endsWithWord(name, word string) bool {
	n := len(name) - len(word)
	return n > 0 && name[n-1] == ' ' && name[n:] == word
}

// startsWithWord reports whether name starts with word+" ".
func startsWithWord(name, word string) bool {
	return len(name) > len(word) && name[len(word)] == ' ' && name[:len(word)] == word
}

func trimPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// isAcronym reports whether w is two or more capitals (BA, IATA, MP).
func isAcronym(w string) bool {
	w = trimPossessive(w)
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isOrg reports whether a capitalised run names an organisation.
func (a *attributor) isOrg(p *para, run []token, pre string) bool {
	text := a.t[run[0].s:run[len(run)-1].e]
	if _, ok := a.lx.Organization(text); ok {
		return true
	}
	if w := trimPossessive(a.lw(run[len(run)-1])); orgWords[w] {
		return true
	}
	if len(run) == 1 && run[0].is(cOrgWord) {
		return true
	}
	if last := run[len(run)-1]; len(run) > 1 && isAcronym(word(a.t, last)) && !last.is(cNameSuffix) && !last.is(cCountry) {
		return true
	}
	return false
}

// capRun returns the last capitalised run within toks[s:e].
func (a *attributor) capRun(p *para, s, e int) (int, int) {
	toks := p.toks
	r1 := e
	for r1 > s && !(toks[r1-1].kind == tWord && toks[r1-1].upper) {
		r1--
	}
	r0 := r1
	for r0 > s && toks[r0-1].kind == tWord && toks[r0-1].upper && !toks[r0-1].is(cNotName) {
		r0--
	}
	return r0, r1
}

// statementSubject reads a verbless introduction to a quote: "The White
// House statement, in fact, dropped a hint:".
func (a *attributor) statementSubject(p *para, lo, hi int) subject {
	toks := p.toks
	e := lo
	for e < hi && !a.isSep(toks[e]) {
		e++
	}
	for i := lo; i < e; i++ {
		if toks[i].kind == tWord && !toks[i].upper && toks[i].is(cOrgNoun) {
			if r0, r1 := a.capRun(p, lo, i); r0 < r1 {
				return subject{ok: true, mention: a.t[toks[lo].s:toks[i].e], name: trimPossessive(a.t[toks[r0].s:toks[r1-1].e]),
					kind: result.KindOrganization, pos: toks[lo].s}
			}
			return subject{}
		}
	}
	return subject{}
}

// ---- resolution ----

func lastBefore(list []entity, pos int) *entity {
	i := sort.Search(len(list), func(k int) bool { return list[k].pos >= pos }) - 1
	if i >= 0 {
		return &list[i]
	}
	return nil
}

// resolvePronoun resolves he/she to the last person named before pos whose
// gender does not conflict, and "it" to the last organisation.
func (a *attributor) resolvePronoun(mention string, g byte, pos int) subject {
	switch g {
	case 'm', 'f':
		if e := a.antecedent(pos, g); e != nil {
			a.gender[e.name] = g
			return subject{ok: true, mention: mention, name: e.name, kind: result.KindPerson, pos: pos}
		}
	case 'n':
		if o := lastBefore(a.orgs, pos); o != nil {
			return subject{ok: true, mention: mention, name: o.name, kind: result.KindOrganization, pos: pos}
		}
	case 'p':
		// "they": a group that spoke just before ("Officials said …
		// "…," they said"), in this paragraph or the one before
		if g := lastBefore(a.groups, pos); g != nil && g.pos >= a.limit {
			return subject{ok: true, mention: mention, role: g.name, kind: result.KindAnonymous, pos: pos}
		}
	}
	return subject{ok: true, mention: mention, kind: result.KindUnknown, pos: pos}
}

// resolveShort resolves a one-word name to the full name introduced
// earlier that ends with it (a surname). A first name stays as it is.
func (a *attributor) resolveShort(name string, pos int) string {
	full := name
	a.back(pos, func(e *entity) bool {
		if e.tokens >= 2 && endsWithWord(e.name, name) {
			full = e.name
			return true
		}
		return false
	})
	return full
}

// collectEntities records the people and organisations named in the
// narration of a paragraph.
func (a *attributor) collectEntities(p *para) {
	toks := p.toks
	sent := 0
	for i := 0; i < len(toks); {
		if toks[i].kind == tQuote || toks[i].sentEnd {
			sent = i + 1
		}
		if i == sent && lowerIs(a.t, toks[i], "the") {
			a.definiteSubject(p, i)
		}
		if toks[i].kind != tWord || !toks[i].upper {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			tk := toks[j]
			if tk.kind == tWord && (tk.upper || tk.is(cParticle) && j+1 < len(toks) && toks[j+1].upper) {
				j++
				if possessive(a.lw(tk)) {
					break
				}
				continue
			}
			if a.dotInName(p, j) {
				j++
				continue
			}
			if j > i && j+1 < len(toks) && toks[j+1].upper && toks[j+1].kind == tWord && (lowerIs(a.t, tk, "of") || lowerIs(a.t, tk, "for")) && toks[j-1].is(cOrgWord) {
				// "British Chambers of Commerce", "Bank of England": one organisation
				k := j + 1
				for k < len(toks) && toks[k].kind == tWord && toks[k].upper {
					k++
				}
				name := a.t[toks[i].s:toks[k-1].e]
				for i < j && toks[i].kind == tWord && toks[i].is(cNotName) {
					i++
				}
				name = a.t[toks[i].s:toks[k-1].e]
				a.orgs = append(a.orgs, entity{pos: toks[i].s, name: trimPossessive(name)})
				j = -k // done: skip the run
				break
			}
			break
		}
		if j < 0 {
			i = -j
			continue
		}
		a.addRun(p, i, j, a.subjectPosition(p, sent, i) || a.afterConjunction(p, i) && a.verbFollows(p, j))
		if j-i == 1 || j-i == 2 && toks[i].is(cHonorific) {
			a.alone[trimPossessive(word(a.t, toks[j-1]))] = true
		}
		i = j
	}
}

// subjectPosition reports whether a name at toks[i] stands in subject
// position: nothing before it in its sentence but words that are not
// prepositions ("Northern Ireland man James McIlroy is").
func (a *attributor) subjectPosition(p *para, sent, i int) bool {
	for k := sent; k < i; k++ {
		tk := p.toks[k]
		if tk.kind == tPunct && word(a.t, tk) == "," {
			continue
		}
		if tk.kind != tWord {
			return false
		}
		if tk.upper || tk.is(cConnective|cDeterminer|cRole) || tk.personNoun() || tk.lex.Descriptor {
			continue
		}
		// a leading phrase closed by a comma: "In London on Thursday, X"
		c := k
		for c < i && word(a.t, p.toks[c]) != "," {
			c++
		}
		if c == i {
			return false
		}
		k = c
	}
	return true
}

func (a *attributor) addRun(p *para, i, j int, subj bool) {
	toks := p.toks
	the := false
	for i < j && (toks[i].kind != tWord || toks[i].is(cNotName) && !toks[i].is(cHonorific)) {
		if lowerIs(a.t, toks[i], "the") {
			the = true
		}
		i++
	}
	if possessive(a.lw(toks[j-1])) {
		subj = false
	}
	if i >= j {
		return
	}
	run := toks[i:j]
	if i > 0 && toks[i-1].kind == tWord && toks[i-1].is(cLocative) {
		return // a place
	}
	if (the || i > 0 && toks[i-1].kind == tWord && lowerIs(a.t, toks[i-1], "the")) && !run[0].is(cRole) && !run[0].is(cHonorific) {
		// "the Da Vinci Code", "the Liberal Democrats": a title or a body
		if len(run) > 1 && a.isOrg(p, run, "") {
			a.orgs = append(a.orgs, entity{pos: run[0].s, name: trimPossessive(a.t[run[0].s:run[len(run)-1].e])})
		}
		return
	}
	if a.isOrg(p, run, "") {
		name := trimPossessive(a.t[run[0].s:run[len(run)-1].e])
		_, outlet := a.lx.Outlet(name)
		// a lone capitalised common noun opening a sentence ("Party
		// leader …", "Police said") names no particular organisation
		lone := len(run) == 1 && !isAcronym(name) && (i == 0 || p.toks[i-1].sentEnd || p.toks[i-1].kind == tQuote)
		if !outlet && !lone {
			a.orgs = append(a.orgs, entity{pos: run[0].s, name: name})
		}
		return
	}
	if len(run) == 1 && isAcronym(word(a.t, run[0])) {
		if !countries[trimPossessive(run[0].low)] {
			a.orgs = append(a.orgs, entity{pos: run[0].s, name: trimPossessive(word(a.t, run[0]))})
		}
		return
	}
	ni := 0
	for k := 0; k < len(run)-1; k++ {
		if run[k].kind == tWord && (roleWord(&run[k]) || isAcronym(word(a.t, run[k])) || possessive(run[k].low)) {
			ni = k + 1
		}
	}
	roleText := ""
	if ni > 0 {
		roleText = a.t[run[0].s:run[ni-1].e]
	}
	run = run[ni:]
	for k := 1; k < len(run)-1; k++ {
		if run[k].kind == tWord && run[k].is(cHonorific) && !run[k-1].is(cHonorific) {
			roleText = joinTrimmed(roleText, a.t[run[0].s:run[k-1].e])
			run = run[k:]
			break
		}
	}
	if len(run) >= 3 && agentNoun(a.lw(run[0])) && givenGender(word(a.t, run[0])) == 0 && !run[0].is(cHonorific) {
		roleText = joinTrimmed(roleText, word(a.t, run[0]))
		run = run[1:]
	}
	// a demonym before a full name: "Russian Dmitriy Bogdanov"
	if len(run) >= 3 && demonym(a.lw(run[0])) {
		roleText = joinTrimmed(roleText, word(a.t, run[0]))
		run = run[1:]
	}
	var g byte
	for len(run) > 1 {
		w := strings.TrimSuffix(a.lw(run[0]), ".")
		if run[0].kind == tPunct {
			run = run[1:]
			continue
		}
		if gg, ok := honorifics[w]; ok {
			if gg != 0 {
				g = gg
			}
			run = run[1:]
			continue
		}
		break
	}
	for len(run) > 1 && nameSuffixes[strings.TrimSuffix(run[len(run)-1].low, ".")] {
		run = run[:len(run)-1]
	}
	words := 0
	for _, tk := range run {
		if tk.kind == tWord {
			words++
		}
	}
	if words > 4 || words == 0 {
		return
	}
	name := trimPossessive(a.t[run[0].s:run[len(run)-1].e])
	if _, ok := a.lx.Outlet(name); ok {
		return
	}
	if words == 1 {
		full := a.resolveShort(name, run[0].s)
		if full == name && g == 0 && !a.describedBefore(p, i) {
			return
		}
		name = full
	}
	// the words before the run that describe the person ("Oscar-nominated actor")
	k := i - 1
	for k >= 0 && toks[k].kind == tWord && !toks[k].is(cDeterminer) && i-k <= 4 && !toks[k].is(cLocative) && a.lw(toks[k]) != "of" {
		k--
	}
	if k+1 < i {
		roleText = joinTrimmed(a.t[toks[k+1].s:toks[i-1].e], roleText)
	}
	if k >= 1 && word(a.t, toks[k]) == "," {
		b := k - 1
		for b >= 0 && toks[b].kind == tWord && k-b <= 6 {
			b--
		}
		if b+1 < k && (b < 0 || toks[b].sentEnd || a.isSep(toks[b])) {
			roleText = joinTrimmed(a.t[toks[b+1].s:toks[k-1].e], roleText)
		}
	}
	confirmed := g != 0 || roleText != "" && !possessiveFold(roleText)
	if j+1 < len(toks) && word(a.t, toks[j]) == "," && toks[j+1].kind == tWord && (!toks[j+1].upper || toks[j+1].is(cDeterminer)) {
		// "Tom Wright, Bishop of Durham," / "Ismail Miakhil, a Kabul-based analyst,"
		e := j + 1
		for e < len(toks) && toks[e].kind != tQuote && !a.isSep(toks[e]) && !toks[e].sentEnd {
			e++
		}
		roleText = joinTrimmed(roleText, a.t[toks[j+1].s:toks[e-1].e])
		confirmed = true
	} else if j+1 < len(toks) && word(a.t, toks[j]) == "," && toks[j+1].upper {
		e := j + 1
		for e < len(toks) && toks[e].kind == tWord && (toks[e].upper || toks[e].is(cTailPreposition)) {
			e++
		}
		if e < len(toks) && word(a.t, toks[e]) == "," {
			roleText = joinTrimmed(roleText, a.t[toks[j+1].s:toks[e-1].e])
		}
	}
	a.persons = append(a.persons, entity{pos: run[0].s, name: name, tokens: strings.Count(name, " ") + 1, subj: subj,
		role: strings.ToLower(roleText), confirmed: confirmed})
	if g != 0 {
		if _, ok := a.gender[name]; !ok {
			a.gender[name] = g
		}
	}
}

// antecedent finds the person a pronoun or a definite description at pos
// refers to: the last speaker, else the last subject, else the last
// person named, whose gender (g, 0 for any) does not conflict.
func (a *attributor) antecedent(pos int, g byte) *entity {
	var subj, any *entity
	a.back(pos, func(e *entity) bool {
		if pg := a.genderOf(e.name); g != 0 && pg != 0 && pg != g {
			return false
		}
		if !e.speaker && !e.confirmed && !a.confirmed[e.name] {
			return false
		}
		if e.speaker || e.subj {
			subj = e
			return true
		}
		if any == nil {
			any = e
		}
		return false
	})
	if subj != nil {
		return subj
	}
	return any
}

// definite reports whether the noun phrase at s opens with "the" or a
// possessive ("the world indoor champion", "his wife").
func definite(a *attributor, p *para, s int) bool {
	return lowerIs(a.t, p.toks[s], "the")
}

// pronounGender returns the gender letter of a pronoun token ("he": 'm').
func pronounGender(tk *token) (byte, bool) {
	if !tk.is(cPronoun) {
		return 0, false
	}
	g, ok := pronouns[tk.low]
	return g, ok
}

// lastPart returns the part of a hyphenated word after its last hyphen.
func lastPart(w string) string {
	if personNouns[w] {
		return w
	}
	if strings.HasSuffix(w, "-year-old") {
		return "youngster" // "the 34-year-old": a person
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		return w[i+1:]
	}
	return w
}

// resolveFirst resolves "Sir Digby" to the full name that starts with the
// given first name.
func (a *attributor) resolveFirst(name string, pos int) string {
	full := name
	a.back(pos, func(e *entity) bool {
		if e.tokens >= 2 && startsWithWord(e.name, name) {
			full = e.name
			return true
		}
		return false
	})
	return full
}

// byRole finds the last person before pos whose role, as the document
// gave it, contains the noun ("the Bishop" → "Tom Wright, Bishop of
// Durham").
func (a *attributor) byRole(noun string, pos int) *entity {
	var found *entity
	a.back(pos, func(e *entity) bool {
		if e.role == "" {
			return false
		}
		for w := range strings.FieldsFuncSeq(e.role, func(r rune) bool { return !isWordRune(r) && r != '-' }) {
			if tailPrepositions[w] {
				break // "a friend of the Tory leader" is no leader
			}
			if w == noun {
				found = e
				return true
			}
		}
		return false
	})
	return found
}

// demonym reports whether w looks like a nationality adjective.
func demonym(w string) bool {
	for _, suf := range []string{"ian", "ish", "ese", "ean", "can", "ish"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	switch w {
	case "french", "dutch", "greek", "thai", "swiss", "czech", "welsh", "scots", "irish":
		return true
	}
	return false
}

// confirmPeople marks the names that are surely people: those given a
// title or a role somewhere, or whose surname is used on its own.
func (a *attributor) confirmPeople(alone map[string]bool) {
	for _, e := range a.persons {
		if e.confirmed {
			a.confirmed[e.name] = true
			continue
		}
		n, last := 0, ""
		for f := range strings.FieldsSeq(e.name) {
			n, last = n+1, f
		}
		if n > 1 && alone[last] {
			a.confirmed[e.name] = true
		}
	}
}

// describedBefore reports whether the word before toks[i] (or before a
// comma before it) is a noun for a person: "ex-model Sandra", "his wife,
// Sheila".
func (a *attributor) describedBefore(p *para, i int) bool {
	k := i - 1
	if k >= 0 && word(a.t, p.toks[k]) == "," {
		k--
	}
	if k < 0 || p.toks[k].kind != tWord || p.toks[k].upper {
		return false
	}
	return p.toks[k].personNoun()
}

// verbFollows reports whether toks[j] is an auxiliary or an attribution
// verb: the name before it is the subject of its clause ("McIlroy is
// unfazed").
func (a *attributor) verbFollows(p *para, j int) bool {
	if j >= len(p.toks) || p.toks[j].kind != tWord || p.toks[j].upper {
		return false
	}
	switch a.lw(p.toks[j]) {
	case "is", "was", "has", "had", "will", "would", "could", "can", "also", "then", "later":
		return true
	}
	_, n := a.verbAt(p, j)
	return n > 0
}

// afterConjunction reports whether the run at toks[i] opens a clause
// joined by a conjunction ("… but McIlroy is unfazed").
func (a *attributor) afterConjunction(p *para, i int) bool {
	if i == 0 || p.toks[i-1].kind != tWord {
		return false
	}
	switch a.lw(p.toks[i-1]) {
	case "but", "and", "while", "yet", "so", "whereas":
		return true
	}
	return false
}

// definiteSubject records a sentence that opens with a definite
// description: "The governor's office released …" names an organisation;
// "The Tory leader was asked …" refers back to the person with that role.
func (a *attributor) definiteSubject(p *para, i int) {
	toks := p.toks
	for h := i + 1; h < len(toks) && h <= i+4; h++ {
		tk := toks[h]
		if tk.kind != tWord {
			return
		}
		if tk.upper {
			continue
		}
		w := a.lw(tk)
		switch {
		case tk.is(cOrgNoun) && w != "statement" && w != "report":
			if h > i+1 { // "The magazine" alone refers back to a named one
				a.orgs = append(a.orgs, entity{pos: toks[i].s, name: a.t[toks[i+1].s:tk.e]})
			}
			return
		case tk.personNoun() || tk.is(cRole) && !tk.is(cHonorific):
			if h+1 < len(toks) && toks[h+1].kind == tWord && toks[h+1].upper {
				return // "The mayor Tom Price": the name follows
			}
			if e := a.byRole(w, toks[i].s); e != nil {
				a.persons = append(a.persons, entity{pos: toks[i].s, name: e.name, tokens: e.tokens, subj: true, confirmed: true, role: e.role})
			}
			return
		case possessive(w) || strings.HasSuffix(w, "-based") || strings.Contains(w, "-"):
			continue
		default:
			return
		}
	}
}

// roleWord reports whether a capitalised word inside a name run is a role
// or a description rather than part of the name ("Foreign Minister",
// "Critic Ann Vale").
func roleWord(tk *token) bool {
	if tk.is(cHonorific) {
		return false
	}
	return tk.is(cRole|cPersonNoun) || tk.lex.Descriptor
}

// genderOf returns what the document says of a person's gender (a title,
// an earlier pronoun), else what the given name suggests, else 0.
func (a *attributor) genderOf(name string) byte {
	if g, ok := a.gender[name]; ok {
		return g
	}
	return givenGender(name)
}

func (a *attributor) hasPossessive(ts []token) bool {
	for _, tk := range ts {
		if tk.kind == tWord && possessive(a.lw(tk)) {
			return true
		}
	}
	return false
}

// agentNoun reports whether w looks like a noun for a person's
// occupation (broadcaster, novelist, comedian).
func agentNoun(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
