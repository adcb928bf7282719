package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// workbookHint points readers to the complete lists.
const workbookHint = "The workbook (quoteaudit.xlsx) and quoteaudit.json list them all."

// excerptWords is how many words of a quotation a finding shows; the
// cut is always marked with the number of words left out.
const excerptWords = 60

// topFindings is how many findings the summary page lists at most.
const topFindings = 8

// maxChartChecks is how many checks the summary chart draws one bar for.
const maxChartChecks = 10

func sevLabel(s result.Severity, n int) string {
	name := map[result.Severity]string{result.Error: "error", result.Warning: "warning", result.Info: "note"}[s]
	if name == "" {
		name = "finding"
	}
	if n == 1 {
		return "1 " + name
	}
	return strconv.Itoa(n) + " " + name + "s"
}

func sevTitle(s result.Severity) string {
	switch s {
	case result.Error:
		return "Errors"
	case result.Warning:
		return "Warnings"
	case result.Info:
		return "Notes"
	}
	return "Other findings"
}

// active returns the findings not ignored, ordered by sortFindings
// (most serious first). It sorts on first use; the sections share the
// slice and only read it.
func (d *doc) active() []*result.Finding {
	if d.activeDone {
		return d.activeSorted
	}
	var out []*result.Finding
	for i := range d.r.Findings {
		if !d.r.Findings[i].Ignored {
			out = append(out, &d.r.Findings[i])
		}
	}
	d.sortFindings(out)
	d.activeSorted, d.activeDone = out, true
	return out
}

func (d *doc) checkOrder() map[string]int {
	order := make(map[string]int, len(d.r.Checks))
	for i, ch := range d.r.Checks {
		if _, ok := order[ch.Slug]; !ok {
			order[ch.Slug] = i
		}
	}
	return order
}

// sortFindings orders fs by severity (most serious first), the check's
// place in the catalogue, then slug, path, line, column and ID. The
// severity and catalogue ranks are looked up once a finding. Findings
// equal in all of these keep their order: the position in fs is the last
// key, which makes the order total, so that an unstable sort gives a
// stable sort's order without its cost (on 100,000 articles a stable
// sort of the findings moved them some twenty times each).
func (d *doc) sortFindings(fs []*result.Finding) {
	order := d.checkOrder()
	type keyed struct {
		f               *result.Finding
		sev, check, pos int
	}
	ks := make([]keyed, len(fs))
	for i, f := range fs {
		r, ok := order[f.Check]
		if !ok {
			r = len(order)
		}
		ks[i] = keyed{f, f.Severity.Rank(), r, i}
	}
	slices.SortFunc(ks, func(x, y keyed) int {
		a, b := x.f, y.f
		switch {
		case x.sev != y.sev:
			return cmp.Compare(y.sev, x.sev)
		case x.check != y.check:
			return cmp.Compare(x.check, y.check)
		case a.Check != b.Check:
			return strings.Compare(a.Check, b.Check)
		case a.Path != b.Path:
			return strings.Compare(a.Path, b.Path)
		case a.Line != b.Line:
			return cmp.Compare(a.Line, b.Line)
		case a.Column != b.Column:
			return cmp.Compare(a.Column, b.Column)
		case a.ID != b.ID:
			return strings.Compare(a.ID, b.ID)
		}
		return cmp.Compare(x.pos, y.pos)
	})
	for i := range ks {
		fs[i] = ks[i].f
	}
}

func (d *doc) checkTitle(slug string) string {
	if ch := d.ix.Check(slug); ch != nil && ch.Title != "" {
		return ch.Title
	}
	return slug
}

func (d *doc) sourcePath(id string) string {
	if s := d.ix.Source(id); s != nil {
		return s.Path
	}
	return id
}

// place formats path:line:column.
func place(path string, line, column int) string {
	if path == "" {
		path = "(all sources)"
	}
	switch {
	case line > 0 && column > 0:
		return fmt.Sprintf("%s:%d:%d", path, line, column)
	case line > 0:
		return fmt.Sprintf("%s:%d", path, line)
	}
	return path
}

func (d *doc) findingPlace(f *result.Finding) string {
	p := f.Path
	if p == "" && f.Source != "" {
		p = d.sourcePath(f.Source)
	}
	return place(p, f.Line, f.Column)
}

// excerpt returns at most n words of s, saying how many were left out.
func excerpt(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + fmt.Sprintf(" … [%d more words]", len(w)-n)
}

// ---- 1. Summary ----------------------------------------------------------

func (d *doc) summary() {
	r := d.r
	d.para(tx(clean(d.opts.Title), style{size: sizeH1, bold: true, color: colInk}))
	tool := strings.TrimSpace(r.Tool.Name + " " + r.Tool.Version)
	if tool == "" {
		tool = "quoteaudit"
	}
	d.para(tx("Quotation audit  ·  "+runDate(r)+"  ·  "+tool, stSmall.with(func(s *style) { s.size = sizeBody })))
	d.rule(colInk, 0.6)
	d.gap(2)

	// verdict, tinted by the worst severity found.
	worst := result.Severity("")
	for _, f := range d.active() {
		if f.Severity.Rank() > worst.Rank() {
			worst = f.Severity
		}
	}
	tint := props.Color{Red: 226, Green: 243, Blue: 228}
	if worst != "" {
		tint = sevTint(worst)
	}
	d.row(c(12, tx("Verdict  ", style{size: sizeH3, bold: true, color: colInk}), tx(r.Verdict(), style{size: 11, color: colInk})).on(tint))
	d.gap(4)

	// what was audited: boxes of figures.
	s := r.Stats
	d.para(tx("What was audited", style{size: sizeH3, bold: true, color: colInk}))
	box := func(n int, label string) cell {
		return c(3, tx(strconv.Itoa(n), style{size: 16, bold: true, color: colInk}), nl(), tx(label, stSmall)).on(colPanel)
	}
	d.gridRow(box(s.Sources, "sources audited"), box(s.Quotations, "quotations"), box(s.Attributed, "attributed to a speaker"), box(s.People, "people"))
	d.gridRow(box(s.Fragments, "fragments (scare quotes, single words)"), box(s.Matches, "quotations shared across sources"), box(s.Ignored, "findings ignored by rule"), box(s.Skipped, "files skipped"))
	if len(r.Inputs) > 0 {
		d.para(tx("Inputs: ", stSmInk.with(func(s *style) { s.bold = true })), tx(strings.Join(r.Inputs, ", "), stSmInk))
	}
	d.gap(4)

	d.charts()
	d.topFindings()
}

// gridRow is a row of boxes with white gutters between them.
func (d *doc) gridRow(cells ...cell) {
	d.row(cells...)
	d.gap(1.5)
}

type chartBar struct {
	label string
	n     int
	color props.Color
}

func (d *doc) charts() {
	bySev := map[result.Severity]int{}
	byCheck := map[string]int{}
	for _, f := range d.active() {
		bySev[f.Severity]++
		byCheck[f.Check]++
	}
	var sev []chartBar
	for _, s := range result.Severities() {
		sev = append(sev, chartBar{label: sevTitle(s), n: bySev[s], color: sevColor(s)})
	}
	d.keep(45)
	d.para(tx("Findings by severity", style{size: sizeH3, bold: true, color: colInk}))
	d.chart(sev)

	var checks []chartBar
	for slug, n := range byCheck {
		color := colInfo
		if ch := d.ix.Check(slug); ch != nil {
			color = sevColor(ch.Severity)
		}
		checks = append(checks, chartBar{label: d.checkTitle(slug), n: n, color: color})
	}
	sort.Slice(checks, func(i, j int) bool {
		if checks[i].n != checks[j].n {
			return checks[i].n > checks[j].n
		}
		return checks[i].label < checks[j].label
	})
	if len(checks) == 0 {
		return
	}
	var rest chartBar
	if len(checks) > maxChartChecks {
		for _, b := range checks[maxChartChecks-1:] {
			rest.n += b.n
		}
		rest.label = fmt.Sprintf("%d other checks", len(checks)-maxChartChecks+1)
		rest.color = colMuted
		checks = append(checks[:maxChartChecks-1], rest)
	}
	d.gap(3)
	d.keep(20 + 6*float64(len(checks)))
	d.para(tx("Findings by check", style{size: sizeH3, bold: true, color: colInk}),
		tx("   bar colour: the check's severity", stSmall))
	d.chart(checks)
}

// chart draws one horizontal bar per entry, lengths proportional to the
// largest count.
func (d *doc) chart(bars []chartBar) {
	max := 0
	for _, b := range bars {
		if b.n > max {
			max = b.n
		}
	}
	for _, b := range bars {
		frac := 0.0
		if max > 0 {
			frac = float64(b.n) / float64(max)
		}
		label := d.meas.layout([]span{tx(b.label, stBody)}, contentW*5/12-2*padX)
		count := d.meas.layout([]span{tx(strconv.Itoa(b.n), stBold)}, contentW*1/12-2*padX)
		lh := lineHeight([]span{tx("", stBody)})
		rw := row.New().Add(
			col.New(5).Add(&flowBox{lines: label, lh: lh, padLeft: padX, padTop: 0.4, padBottom: 0.4}),
			col.New(6).Add(&bar{frac: frac, color: b.color, h: 3}),
			col.New(1).Add(&flowBox{lines: count, lh: lh, padLeft: padX, padTop: 0.4, padBottom: 0.4}),
		)
		d.m.AddRows(rw)
	}
}

func (d *doc) topFindings() {
	fs := d.active()
	d.gap(4)
	d.keep(40)
	d.para(tx("Most serious findings", style{size: sizeH3, bold: true, color: colInk}))
	if len(fs) == 0 {
		d.para(tx("No errors, warnings or notes.", stBody))
		return
	}
	n := min(len(fs), topFindings)
	white := stSmall.with(func(s *style) { s.color = colWhite })
	shown := 0
	for _, f := range fs[:n] {
		// keep the summary to one page: stop early (after three) when
		// the next entry would not fit.
		if shown >= 3 && !d.m.FitlnCurrentPage(26) { // the entry (up to three lines) and the closing "… and N more" line
			break
		}
		shown++
		d.row(
			c(3, tx(strings.ToUpper(string(f.Severity)), white.with(func(s *style) { s.bold = true })), nl(), tx(d.checkTitle(f.Check), white)).on(sevColor(f.Severity)),
			c(9, tx(f.Message, stBody), nl(), tx(d.findingPlace(f)+"   ·   "+f.ID, stSmall)).on(colPanel),
		)
		d.gap(0.8)
	}
	if len(fs) > shown {
		d.para(tx(fmt.Sprintf("… and %d more findings: see Findings below.", len(fs)-shown), stSmall))
	}
}

// ---- 2. Findings ---------------------------------------------------------

func (d *doc) findings() {
	d.h1("Findings")
	fs := d.active()
	if len(fs) == 0 {
		d.para(tx("The checks found nothing to report.", stBody))
	}
	for _, sev := range result.Severities() {
		var group []*result.Finding
		for _, f := range fs {
			if f.Severity == sev {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		d.h2(sevTitle(sev), tx(fmt.Sprintf("(%s)", sevLabel(sev, len(group))), stSmall.with(func(s *style) { s.size = sizeBody })))
		for i := 0; i < len(group); {
			j := i
			for j < len(group) && group[j].Check == group[i].Check {
				j++
			}
			d.checkGroup(sev, group[i:j])
			i = j
		}
	}
	// findings of an unknown severity still appear.
	var odd []*result.Finding
	for _, f := range fs {
		if !f.Severity.Valid() {
			odd = append(odd, f)
		}
	}
	if len(odd) > 0 {
		d.h2("Other findings", tx(fmt.Sprintf("(%d)", len(odd)), stSmall))
		for i := 0; i < len(odd); {
			j := i
			for j < len(odd) && odd[j].Check == odd[i].Check {
				j++
			}
			d.checkGroup(odd[i].Severity, odd[i:j])
			i = j
		}
	}
	d.ignored()
}

func (d *doc) checkGroup(sev result.Severity, fs []*result.Finding) {
	slug := fs[0].Check
	doc := ""
	if ch := d.ix.Check(slug); ch != nil {
		doc = ch.Doc
	}
	d.h3(tx(d.checkTitle(slug), style{size: sizeH3, bold: true, color: sevColor(sev)}),
		tx(fmt.Sprintf("  %s · %d", slug, len(fs)), stSmall))
	if doc != "" {
		d.para(tx(firstSentence(doc), stSmall))
	}
	shown := min(len(fs), d.opts.MaxPerCheck)
	for _, f := range fs[:shown] {
		d.finding(f)
	}
	if more := len(fs) - shown; more > 0 {
		d.row(c(12, tx(fmt.Sprintf("… and %d more findings of this check are not listed here. %s", more, workbookHint), stBold.with(func(s *style) { s.size = sizeSmall }))).on(colPanel))
	}
}

// firstSentence is the rule in one line: the doc's first sentence.
func firstSentence(doc string) string {
	doc = strings.TrimSpace(doc)
	if i := strings.Index(doc, ". "); i >= 0 {
		return doc[:i+1]
	}
	return doc
}

func (d *doc) finding(f *result.Finding) {
	tint := sevTint(f.Severity)
	label := stSmall.with(func(s *style) { s.bold = true; s.color = colMuted })
	d.keep(22)
	d.gap(1.5)
	d.row(
		c(12, tx(f.ID, stBold.with(func(s *style) { s.color = sevColor(f.Severity) })),
			tx("   "+d.findingPlace(f), stSmInk)).on(tint),
	)
	var speaker string
	var q *result.Quote
	if f.Quote != "" {
		q = d.ix.Quote(f.Quote)
	}
	if q != nil {
		speaker = speakerText(q.Speaker)
	}
	kv := func(k string, v ...span) {
		d.row(c(2, tx(k, label)), c(10, v...))
	}
	kv("Message", tx(f.Message, stBody))
	if speaker != "" {
		kv("Speaker", tx(speaker, stBody))
	}
	if q != nil && strings.TrimSpace(q.Text) != strings.TrimSpace(f.Evidence) {
		kv("Quotation", tx("“"+excerpt(q.Text, excerptWords)+"”", stBody))
	}
	if f.Evidence != "" {
		kv("Evidence", tx(f.Evidence, stBody))
	}
	if f.Suggestion != "" {
		kv("Suggestion", tx(f.Suggestion, stBody.with(func(s *style) { s.color = colInsText })))
	}
	for _, rel := range f.Related {
		p := rel.Path
		if p == "" {
			p = d.sourcePath(rel.Source)
		}
		kv("See also", tx(place(p, rel.Line, rel.Column), stSmInk), tx("  "+rel.Message, stSmall))
	}
}

func speakerText(s result.Speaker) string {
	name := s.Name
	if name == "" {
		name = s.Mention
	}
	switch {
	case name == "" && (s.Kind == "" || s.Kind == result.KindUnknown):
		return "unknown"
	case s.Kind == result.KindAnonymous:
		name += " (anonymous)"
	}
	if s.Mention != "" && s.Name != "" && s.Mention != s.Name {
		name += " — written “" + s.Mention + "”"
	}
	if s.Role != "" {
		name += ", " + s.Role
	}
	return name
}

func (d *doc) ignored() {
	var fs []*result.Finding
	for i := range d.r.Findings {
		if d.r.Findings[i].Ignored {
			fs = append(fs, &d.r.Findings[i])
		}
	}
	if len(fs) == 0 {
		return
	}
	d.sortFindings(fs)
	d.h2("Ignored findings", tx(fmt.Sprintf("(%d, with the reason given in the rule files)", len(fs)), stSmall))
	shown := min(len(fs), d.opts.MaxPerCheck)
	for _, f := range fs[:shown] {
		d.row(
			c(3, tx(f.ID, stSmInk.with(func(s *style) { s.bold = true })), nl(), tx(d.checkTitle(f.Check), stSmall)),
			c(4, tx(d.findingPlace(f), stSmInk), nl(), tx(f.Message, stSmall)),
			c(5, tx(orDash(f.IgnoreReason), stSmInk)),
		)
		d.rule(colRule, 0.1)
	}
	if more := len(fs) - shown; more > 0 {
		d.para(tx(fmt.Sprintf("… and %d more ignored findings. %s", more, workbookHint), stSmall))
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
