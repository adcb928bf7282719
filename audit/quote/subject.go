package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// lw returns the lower-case text of a word token.
func (a *attributor) lw(tk token) string { return strings.ToLower(a.t[tk.s:tk.e]) }

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
		w := a.lw(toks[end-1])
		if auxiliaries[w] || (strings.HasSuffix(w, "ly") && len(w) > 4) {
			end--
			continue
		}
		break
	}
	// segments between separators
	type seg struct{ s, e int }
	var segs []seg
	s := lo
	for i := lo; i < end; i++ {
		if toks[i].kind == tQuote {
			s = i + 1
			segs = segs[:0]
			continue
		}
		if a.isSep(toks[i]) {
			segs = append(segs, seg{s, i})
			s = i + 1
		}
	}
	segs = append(segs, seg{s, end})
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
				role = a.t[toks[sg.s].s:toks[sg.e-1].e]
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
	sub := a.parseNP(p, sg.s, sg.e)
	if sub.ok && role != "" && sub.kind == result.KindPerson {
		sub.role = role
	}
	return sub
}

// appositive reports whether toks[s:e] reads like a description rather
// than a name: it starts or ends with a lower-case word.
func (a *attributor) appositive(p *para, s, e int) bool {
	first, last := p.toks[s], p.toks[e-1]
	if first.kind == tWord && !first.upper {
		return true
	}
	if last.kind == tWord && !last.upper {
		if _, ok := pronouns[a.lw(last)]; ok {
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
	if first.kind == tWord && locatives[a.lw(first)] || a.lw(first) == "on" || a.lw(first) == "for" || a.lw(first) == "after" {
		return false
	}
	return last.kind == tWord && last.upper && !notNames[a.lw(last)]
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
		if k > j && toks[k].kind == tWord && !toks[k].upper && stopForward[a.lw(toks[k])] {
			break
		}
		k++
	}
	sub := a.parseNP(p, j, k)
	if !sub.ok {
		return subject{}, j
	}
	if k < we && word(a.t, toks[k]) == "," {
		// the company's chief executive, John Smith / Kabulov, Russian envoy
		if sub.kind != result.KindPerson || sub.name == "" {
			if k+1 < we && toks[k+1].upper {
				e := k + 1
				for e < we && toks[e].kind == tWord && (toks[e].upper || particles[a.lw(toks[e])]) {
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
	for s < e && toks[s].kind == tWord && connectives[a.lw(toks[s])] {
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
		if g, ok := pronouns[a.lw(toks[s])]; ok {
			return a.resolvePronoun(word(a.t, toks[s]), g, toks[s].s)
		}
	}
	// cut the tail: "one activist in Herat", "Mike Powell of Dresdner"
	c := e
	for i := s + 1; i < e; i++ {
		if toks[i].kind == tWord && !toks[i].upper && tailPrepositions[a.lw(toks[i])] {
			c = i
			break
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
		if _, ok := pronouns[hw]; ok {
			return subject{}
		}
		if a.lx.Descriptor(hw) || a.lx.Descriptor(strings.TrimSuffix(hw, "s")) {
			return subject{ok: true, mention: mentionAll, kind: result.KindAnonymous, pos: toks[s].s}
		}
		if orgNouns[hw] {
			// "The White House statement", "the company"
			if r0, r1 := a.capRun(p, s, h); r0 < r1 {
				name := a.t[toks[r0].s:toks[r1-1].e]
				return subject{ok: true, mention: mentionAll, name: trimPossessive(name), kind: result.KindOrganization, pos: toks[s].s}
			}
			if lowerIs(a.t, toks[s], "the") || lowerIs(a.t, toks[s], "its") {
				if o := lastBefore(a.orgs, toks[s].s); o != nil {
					return subject{ok: true, mention: mentionAll, name: o.name, kind: result.KindOrganization, pos: toks[s].s}
				}
			}
		}
		return subject{}
	}
	// a capitalised head: gather the name run back from it
	r := h
	for r > s {
		pt := toks[r-1]
		if pt.kind == tWord && (pt.upper || particles[a.lw(pt)] && r-1 > s && toks[r-2].upper) {
			r--
			continue
		}
		if a.dotInName(p, r-1) {
			r--
			continue
		}
		break
	}
	for r < h && toks[r].kind == tWord && notNames[a.lw(toks[r])] && honorifics[a.lw(toks[r])] == 0 && !isHonorific(a.lw(toks[r])) {
		r++
	}
	run := toks[r : h+1]
	pre := ""
	if r > s {
		pre = strings.TrimSpace(a.t[toks[s].s:toks[r-1].e])
	}
	runText := a.t[run[0].s:run[len(run)-1].e]
	if notNames[a.lw(head)] && !isHonorific(a.lw(head)) {
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
		w := a.lw(run[i])
		if run[i].kind == tWord && (roleWords[w] && !isHonorific(w) || isAcronym(word(a.t, run[i])) || possessive(w)) {
			ni = i + 1
		}
	}
	rolePart := ""
	if ni > 0 {
		rolePart = a.t[run[0].s:run[ni-1].e]
	}
	nameToks := run[ni:]
	// honorifics
	var g byte
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
	mention := a.t[nameToks[0].s:nameToks[len(nameToks)-1].e]
	name := trimPossessive(a.t[core[0].s:core[len(core)-1].e])
	if len(core) == 1 && isAcronym(name) {
		return subject{ok: true, mention: mentionAll, name: name, kind: result.KindOrganization, pos: toks[s].s}
	}
	role := joinRole(pre, rolePart)
	if len(core) == 1 {
		name = a.resolveShort(name, toks[s].s)
	}
	if g != 0 {
		if _, ok := a.gender[name]; !ok {
			a.gender[name] = g
		}
	}
	return subject{ok: true, mention: mention, name: name, role: role, kind: result.KindPerson, pos: nameToks[0].s}
}

func isHonorific(w string) bool {
	_, ok := honorifics[strings.TrimSuffix(w, ".")]
	return ok
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
	for _, tk := range run {
		w := trimPossessive(a.lw(tk))
		if orgWords[w] {
			return true
		}
	}
	if len(run) > 1 && isAcronym(word(a.t, run[len(run)-1])) {
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
	for r0 > s && toks[r0-1].kind == tWord && toks[r0-1].upper && !notNames[a.lw(toks[r0-1])] {
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
		if toks[i].kind == tWord && !toks[i].upper && orgNouns[a.lw(toks[i])] {
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
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].pos < pos {
			return &list[i]
		}
	}
	return nil
}

// resolvePronoun resolves he/she to the last person named before pos whose
// gender does not conflict, and "it" to the last organisation.
func (a *attributor) resolvePronoun(mention string, g byte, pos int) subject {
	switch g {
	case 'm', 'f':
		for i := len(a.persons) - 1; i >= 0; i-- {
			e := a.persons[i]
			if e.pos >= pos {
				continue
			}
			if pg, ok := a.gender[e.name]; ok && pg != g {
				continue
			}
			a.gender[e.name] = g
			return subject{ok: true, mention: mention, name: e.name, kind: result.KindPerson, pos: pos}
		}
	case 'n':
		if o := lastBefore(a.orgs, pos); o != nil {
			return subject{ok: true, mention: mention, name: o.name, kind: result.KindOrganization, pos: pos}
		}
	}
	return subject{ok: true, mention: mention, kind: result.KindUnknown, pos: pos}
}

// resolveShort resolves a one-word name to the full name introduced
// earlier that ends with it (a surname). A first name stays as it is.
func (a *attributor) resolveShort(name string, pos int) string {
	for i := len(a.persons) - 1; i >= 0; i-- {
		e := a.persons[i]
		if e.pos >= pos || e.tokens < 2 {
			continue
		}
		if strings.HasSuffix(e.name, " "+name) {
			return e.name
		}
	}
	return name
}

// collectEntities records the people and organisations named in the
// narration of a paragraph.
func (a *attributor) collectEntities(p *para) {
	toks := p.toks
	for i := 0; i < len(toks); {
		if toks[i].kind != tWord || !toks[i].upper {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			tk := toks[j]
			if tk.kind == tWord && (tk.upper || particles[a.lw(tk)] && j+1 < len(toks) && toks[j+1].upper) {
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
			break
		}
		a.addRun(p, i, j)
		i = j
	}
}

func (a *attributor) addRun(p *para, i, j int) {
	toks := p.toks
	for i < j && (toks[i].kind != tWord || notNames[a.lw(toks[i])] && !isHonorific(a.lw(toks[i]))) {
		i++
	}
	if i >= j {
		return
	}
	run := toks[i:j]
	if i > 0 && toks[i-1].kind == tWord && locatives[a.lw(toks[i-1])] {
		return // a place
	}
	if a.isOrg(p, run, "") {
		a.orgs = append(a.orgs, entity{pos: run[0].s, name: trimPossessive(a.t[run[0].s:run[len(run)-1].e])})
		return
	}
	if len(run) == 1 && isAcronym(word(a.t, run[0])) {
		a.orgs = append(a.orgs, entity{pos: run[0].s, name: trimPossessive(word(a.t, run[0]))})
		return
	}
	ni := 0
	for k := 0; k < len(run)-1; k++ {
		w := a.lw(run[k])
		if run[k].kind == tWord && (roleWords[w] && !isHonorific(w) || isAcronym(word(a.t, run[k])) || possessive(w)) {
			ni = k + 1
		}
	}
	run = run[ni:]
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
	words := 0
	for _, tk := range run {
		if tk.kind == tWord {
			words++
		}
	}
	if words < 2 && g == 0 {
		return
	}
	if words > 4 {
		return
	}
	name := trimPossessive(a.t[run[0].s:run[len(run)-1].e])
	if words == 1 {
		name = a.resolveShort(name, run[0].s)
	}
	a.persons = append(a.persons, entity{pos: run[0].s, name: name, tokens: len(strings.Fields(name))})
	if g != 0 {
		if _, ok := a.gender[name]; !ok {
			a.gender[name] = g
		}
	}
}
