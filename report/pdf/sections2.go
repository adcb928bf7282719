package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// membersPerRow is how many sources of a match group stand side by side.
const membersPerRow = 3

// ---- 3. Quotes across sources -------------------------------------------

func (d *doc) matches() {
	d.h1("Quotations across sources")
	if len(d.r.Matches) == 0 {
		d.para(tx("No quotation appears in more than one source.", stBody))
		return
	}
	d.para(tx("Each group is one quotation as the sources print it, side by side. The first column is the reference; in the others, ", stBody),
		tx("struck-out red words", style{size: sizeBody, color: colDelText, bg: &colDelBg, strike: true}),
		tx(" are in the reference but not in this source and ", stBody),
		tx("underlined green words", style{size: sizeBody, color: colInsText, bg: &colInsBg, underline: true}),
		tx(" are in this source but not in the reference.", stBody))

	// variants first: they are the ones to act on.
	kinds := []struct{ kind, title string }{
		{result.MatchNear, "Worded differently"},
		{result.MatchContained, "One quotes part of the other"},
		{result.MatchFragment, "The same short term or scare quote"},
		{result.MatchExact, "Word for word the same"},
	}
	known := map[string]bool{}
	for _, k := range kinds {
		known[k.kind] = true
	}
	var other []*result.Match
	for i := range d.r.Matches {
		if !known[d.r.Matches[i].Kind] {
			other = append(other, &d.r.Matches[i])
		}
	}
	for _, k := range kinds {
		var ms []*result.Match
		for i := range d.r.Matches {
			if d.r.Matches[i].Kind == k.kind {
				ms = append(ms, &d.r.Matches[i])
			}
		}
		d.matchKind(k.title, ms)
	}
	d.matchKind("Other groups", other)
}

func (d *doc) matchKind(title string, ms []*result.Match) {
	if len(ms) == 0 {
		return
	}
	d.h2(title, tx(fmt.Sprintf("(%d)", len(ms)), stSmall.with(func(s *style) { s.size = sizeBody })))
	shown := min(len(ms), d.opts.MaxPerCheck)
	for _, m := range ms[:shown] {
		d.match(m)
	}
	if more := len(ms) - shown; more > 0 {
		d.row(c(12, tx(fmt.Sprintf("… and %d more groups of this kind. %s", more, workbookHint), stBold.with(func(s *style) { s.size = sizeSmall }))).on(colPanel))
	}
}

// members returns the group's quotations, from Members or, for older
// results, from Quotes and Sources.
func (d *doc) members(m *result.Match) []result.MatchMember {
	if len(m.Members) > 0 {
		return m.Members
	}
	var out []result.MatchMember
	for i, id := range m.Quotes {
		mm := result.MatchMember{Quote: id}
		if i < len(m.Sources) {
			mm.Source = m.Sources[i]
		}
		if q := d.ix.Quote(id); q != nil {
			mm.Text = q.Text
			if mm.Source == "" {
				mm.Source = q.Source
			}
		}
		if i == 1 {
			mm.Diff = m.Diff
			mm.Similarity = m.Similarity
		}
		out = append(out, mm)
	}
	return out
}

func (d *doc) match(m *result.Match) {
	d.keep(35)
	d.gap(2)
	agree := "speakers agree"
	agreeSt := stSmall
	if !m.SpeakersAgree {
		agree = "SPEAKERS DIFFER"
		agreeSt = stSmall.with(func(s *style) { s.bold = true; s.color = colError })
	}
	head := []span{
		tx(m.ID, stBold),
		tx(fmt.Sprintf("   %s · similarity %.0f%% · ", m.Kind, m.Similarity*100), stSmall),
		tx(agree, agreeSt),
	}
	if m.Earliest != "" {
		head = append(head, tx(" · earliest: "+d.sourcePath(m.Earliest), stSmall))
	}
	d.row(c(12, head...).on(colPanel))

	mem := d.members(m)
	for lo := 0; lo < len(mem); lo += membersPerRow {
		hi := min(lo+membersPerRow, len(mem))
		size := 12 / membersPerRow
		if len(mem) < membersPerRow {
			size = 12 / len(mem)
		}
		var heads, texts []cell
		for i := lo; i < hi; i++ {
			mm := mem[i]
			where := d.sourcePath(mm.Source)
			var who string
			if q := d.ix.Quote(mm.Quote); q != nil {
				where = place(where, q.Line, q.Column)
				who = speakerText(q.Speaker)
			}
			hs := []span{tx(where, stSmInk.with(func(s *style) { s.bold = true }))}
			if who != "" {
				hs = append(hs, nl(), tx(who, stSmall))
			}
			if i > 0 {
				hs = append(hs, nl(), tx(fmt.Sprintf("similarity %.0f%%", mm.Similarity*100), stSmall))
			} else {
				hs = append(hs, nl(), tx("reference", stSmall))
			}
			heads = append(heads, c(size, hs...))
			texts = append(texts, c(size, d.memberSpans(i, mm)...))
		}
		d.row(heads...)
		d.row(texts...)
		d.rule(colRule, 0.1)
	}
}

// memberSpans renders a member's text: the reference plainly, the others
// as the word-level difference from the reference.
func (d *doc) memberSpans(i int, mm result.MatchMember) []span {
	if i == 0 || len(mm.Diff) == 0 {
		return []span{tx(mm.Text, stBody)}
	}
	del := style{size: sizeBody, color: colDelText, bg: &colDelBg, strike: true}
	ins := style{size: sizeBody, color: colInsText, bg: &colInsBg, underline: true}
	var out []span
	sep := func() {
		if len(out) > 0 {
			out = append(out, tx(" ", stBody))
		}
	}
	for _, op := range mm.Diff {
		switch op.Op {
		case result.OpEqual:
			t := op.New
			if t == "" {
				t = op.Old
			}
			sep()
			out = append(out, tx(t, stBody))
		case result.OpDelete:
			sep()
			out = append(out, tx(op.Old, del))
		case result.OpInsert:
			sep()
			out = append(out, tx(op.New, ins))
		case result.OpReplace:
			sep()
			out = append(out, tx(op.Old, del))
			sep()
			out = append(out, tx(op.New, ins))
		default:
			sep()
			out = append(out, tx(op.New, stBody))
		}
	}
	return out
}

// ---- 4. People -----------------------------------------------------------

func (d *doc) people() {
	d.h1("People and names")
	ps := d.r.People
	if len(ps) == 0 {
		d.para(tx("No person was identified.", stBody))
		return
	}
	d.para(tx("Each person the audit resolved, with every spelling of the name and where it stands, the roles given and the quotations attributed. ", stBody),
		tx("Several spellings of one name", stBold), tx(" are worth a look: within one article they are errors; across outlets they may be house style.", stBody))
	quotes := map[string][]*result.Quote{}
	for i := range d.r.Quotes {
		q := &d.r.Quotes[i]
		if q.Speaker.Person != "" && q.Continues == "" {
			quotes[q.Speaker.Person] = append(quotes[q.Speaker.Person], q)
		}
	}
	limit := min(len(ps), 4*d.opts.MaxPerCheck)
	for i := range ps[:limit] {
		d.person(&ps[i], quotes[ps[i].ID])
	}
	if more := len(ps) - limit; more > 0 {
		d.row(c(12, tx(fmt.Sprintf("… and %d more people. %s", more, workbookHint), stBold.with(func(s *style) { s.size = sizeSmall }))).on(colPanel))
	}
}

func (d *doc) person(p *result.Person, qs []*result.Quote) {
	d.keep(25)
	d.gap(2)
	head := []span{tx(p.Name, stBold.with(func(s *style) { s.size = sizeH3 }))}
	if p.Roster {
		head = append(head, tx("  roster", stSmall.with(func(s *style) { s.bold = true; s.color = colInsText })))
	}
	head = append(head, tx(fmt.Sprintf("   %s · %s", p.ID, plural(p.Quotes, "quotation")), stSmall))
	if len(p.Variants) > 1 {
		head = append(head, tx(fmt.Sprintf(" · %d spellings", len(p.Variants)), stSmall.with(func(s *style) { s.bold = true; s.color = colWarning })))
	}
	d.row(c(12, head...).on(colPanel))

	label := stSmall.with(func(s *style) { s.bold = true })
	var sp []span
	for i, v := range p.Variants {
		if i > 0 {
			sp = append(sp, nl())
		}
		sp = append(sp, tx(v.Text, stBold), tx(fmt.Sprintf("  ×%d  ", v.Count), stSmall), tx(d.variantWhere(v), stSmInk))
	}
	if len(sp) > 0 {
		d.row(c(2, tx("Spellings", label)), c(10, sp...))
	}
	var roles []span
	for i, ro := range p.Roles {
		if i > 0 {
			roles = append(roles, nl())
		}
		roles = append(roles, tx(ro.Text, stBody), tx("  "+place(d.sourcePath(ro.Source), ro.Line, ro.Column), stSmall))
	}
	if len(roles) > 0 {
		d.row(c(2, tx("Roles", label)), c(10, roles...))
	}
	if len(qs) > 0 {
		var qsp []span
		n := min(len(qs), 5)
		for i, q := range qs[:n] {
			if i > 0 {
				qsp = append(qsp, nl())
			}
			qsp = append(qsp, tx("“"+excerpt(q.Text, 25)+"”", stBody), tx("  "+place(d.sourcePath(q.Source), q.Line, q.Column), stSmall))
		}
		if len(qs) > n {
			qsp = append(qsp, nl(), tx(fmt.Sprintf("… and %d more quotations.", len(qs)-n), stSmall))
		}
		d.row(c(2, tx("Quotations", label)), c(10, qsp...))
	}
	for _, s := range p.Similar {
		name := s.Person
		if o := d.ix.Person(s.Person); o != nil {
			name = o.Name
		}
		d.row(c(2, tx("Maybe also", label)), c(10, tx(name, stBold), tx(" — "+s.Reason, stBody)))
	}
}

func (d *doc) variantWhere(v result.Variant) string {
	var parts []string
	if len(v.Places) > 0 {
		for _, pl := range v.Places {
			parts = append(parts, place(d.sourcePath(pl.Source), pl.Line, pl.Column))
		}
	} else {
		for _, s := range v.Sources {
			parts = append(parts, d.sourcePath(s))
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// ---- 5. Appendix ---------------------------------------------------------

func (d *doc) appendix() {
	d.h1("Appendix")
	r := d.r
	d.h2("Sources", tx(fmt.Sprintf("(%d)", len(r.Sources)), stSmall))
	if len(r.Sources) > 0 {
		d.row(c(4, tx("Source", stSmall)), c(5, tx("Title, byline, dates", stSmall)), c(3, tx("Counts", stSmall)))
		d.rule(colInk, 0.2)
	}
	// A story's handful of sources is listed whole; an archive's would
	// fill hundreds of pages, so the list stops where the people's does.
	limit := min(len(r.Sources), 4*d.opts.MaxPerCheck)
	for _, s := range r.Sources[:limit] {
		var meta []span
		meta = append(meta, tx(orDash(s.Title), stBody))
		if strings.TrimSpace(s.Byline) == "" {
			meta = append(meta, nl(), tx("no byline", stSmall.with(func(s *style) { s.bold = true; s.color = colWarning })))
		} else {
			meta = append(meta, nl(), tx("by "+s.Byline, stSmall))
		}
		for _, dt := range s.Dates {
			t := dt.Text
			if dt.ISO != "" && dt.ISO != dt.Text {
				t += " (" + dt.ISO + ")"
			}
			meta = append(meta, nl(), tx(t+fmt.Sprintf("  line %d", dt.Line), stSmall))
		}
		if len(s.Dates) == 0 {
			meta = append(meta, nl(), tx("no date found", stSmall.with(func(s *style) { s.bold = true; s.color = colWarning })))
		}
		for _, n := range s.Notes {
			meta = append(meta, nl(), tx(n, stSmall))
		}
		d.row(
			c(4, tx(s.ID, stSmInk.with(func(s *style) { s.bold = true })), nl(), tx(s.Path, stSmInk), nl(), tx(strings.Trim(s.Format+" · "+s.Encoding, " ·"), stSmall)),
			c(5, meta...),
			c(3, tx(fmt.Sprintf("%d words", s.Words), stSmInk), nl(), tx(fmt.Sprintf("%d paragraphs", s.Paragraphs), stSmInk), nl(), tx(plural(s.Quotes, "quote"), stSmInk)),
		)
		d.rule(colRule, 0.1)
	}
	if more := len(r.Sources) - limit; more > 0 {
		d.row(c(12, tx(fmt.Sprintf("… and %d more sources. %s", more, workbookHint), stBold.with(func(s *style) { s.size = sizeSmall }))).on(colPanel))
	}
	if len(r.Skipped) > 0 {
		d.h2("Files not audited", tx(fmt.Sprintf("(%d)", len(r.Skipped)), stSmall))
		for _, s := range r.Skipped {
			d.row(c(5, tx(s.Path, stSmInk)), c(7, tx(s.Reason, stSmInk)))
		}
	}
	d.h2("Rule files")
	if len(r.RuleFiles) == 0 {
		d.para(tx("No rule file took part in this run.", stBody))
	}
	for _, rf := range r.RuleFiles {
		d.row(c(5, tx(rf.Path, stSmInk)), c(7, tx("sha256 "+rf.SHA256, stSmall)))
	}
	d.glossary()
	if len(r.Failures) > 0 {
		d.h2("Internal failures", tx("(the run recovered; its results may be incomplete)", stSmall))
		for _, f := range r.Failures {
			d.row(c(3, tx(f.Stage, stSmInk)), c(9, tx(f.Reason, stSmInk)))
		}
	}
	d.h2("Limitations of this PDF")
	lim := []string{
		fmt.Sprintf("At most %d findings are listed per check, at most %d match groups per kind, and at most %d people and %d sources; %s", d.opts.MaxPerCheck, d.opts.MaxPerCheck, 4*d.opts.MaxPerCheck, 4*d.opts.MaxPerCheck, workbookHint),
		"Quotations in findings are shown up to " + strconv.Itoa(excerptWords) + " words, with the number of words left out; the evidence and the match groups print them whole.",
		"Characters outside the Basic Multilingual Plane (emoji and some rare scripts) are shown as � because the PDF font engine cannot draw them; the workbook and JSON keep them.",
		"Arabic is drawn with its letters joined and right-to-left runs reversed by a simple rule; mixed-direction lines may not follow the full Unicode bidirectional algorithm. Hebrew is reversed, not shaped. The workbook and JSON keep the original text.",
		"Control and invisible formatting characters in the sources are not drawn.",
	}
	for _, l := range lim {
		d.row(c(1, tx("•", stBody)), c(11, tx(l, stBody)))
	}
}

func (d *doc) glossary() {
	cs := append([]result.CheckInfo(nil), d.r.Checks...)
	if len(cs) == 0 {
		return
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Severity.Rank() != cs[j].Severity.Rank() {
			return cs[i].Severity.Rank() > cs[j].Severity.Rank()
		}
		return cs[i].Slug < cs[j].Slug
	})
	d.h2("Checks", tx(fmt.Sprintf("(%d)", len(cs)), stSmall))
	for _, ch := range cs {
		state := string(ch.Severity)
		st := stSmall.with(func(s *style) { s.bold = true; s.color = sevColor(ch.Severity) })
		if !ch.Enabled {
			state += " · off"
			st.color = colMuted
		}
		d.row(
			c(3, tx(ch.Slug, stSmInk.with(func(s *style) { s.bold = true })), nl(), tx(state, st)),
			c(9, tx(ch.Title, stBold.with(func(s *style) { s.size = sizeSmall })), nl(), tx(ch.Doc, stSmInk)),
		)
		d.rule(colRule, 0.1)
	}
}
