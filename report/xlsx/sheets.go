package xlsx

import (
	"strings"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Findings columns. The editor's columns come last.
var findingsCols = []column{
	{name: "ID"}, {name: "Severity"}, {name: "Check"}, {name: "Title", width: 30, wrap: true},
	{name: "Source"}, {name: "Line"}, {name: "Column"}, {name: "Speaker"},
	{name: "Excerpt", width: 50, wrap: true}, {name: "Message", width: 50, wrap: true},
	{name: "Suggestion", width: 30, wrap: true}, {name: "Related", width: 40, wrap: true},
	{name: "Quote"},
	{name: "Status", width: 15, editor: true}, {name: "Editor", width: 15, editor: true}, {name: "Note", width: 40, editor: true},
}

// Findings column positions used elsewhere (0-based).
const (
	findingsStatusCol = 13
	findingsQuoteCol  = 12
)

func (w *writer) findingsSheet() error {
	return w.writeList(list{
		sheet: SheetFindings,
		cols:  findingsCols,
		n:     len(w.findings),
		row: func(dst []cell, i int) []cell {
			f := w.findings[i]
			title := ""
			if c := w.ix.Check(f.Check); c != nil {
				title = c.Title
			}
			var speaker string
			quote := cell{}
			if q := w.ix.Quote(f.Quote); q != nil {
				speaker = speakerName(q.Speaker)
			}
			if f.Quote != "" {
				quote.text = f.Quote
				if row, ok := w.quoteRow[f.Quote]; ok {
					quote.link = location(SheetQuotes, row)
					quote.style = w.st.link
				}
			}
			ed := w.status(f)
			return append(dst, []cell{
				{text: f.ID}, {text: string(f.Severity), style: w.severityStyle(f.Severity)}, {text: f.Check}, {text: title},
				{text: w.findingPath(f)}, {v: intOrBlank(f.Line), style: w.st.number}, {v: intOrBlank(f.Column), style: w.st.number},
				{text: speaker}, {text: excerpt(f.Evidence, excerptRunes)}, {text: f.Message}, {text: f.Suggestion},
				{text: related(f.Related)}, quote,
				{text: ed.Status}, {text: ed.Editor}, {text: ed.Note},
			}...)
		},
		dropdown: &dropdown{col: findingsStatusCol, values: Statuses(), title: "Status",
			prompt: "Open, Fixed, Accepted, False positive or Ignored. Kept by ID when the audit is run again with --previous."},
	})
}

var quotesCols = []column{
	{name: "ID"}, {name: "Source"}, {name: "Line"}, {name: "Column"},
	{name: "Quote", width: 80, wrap: true}, {name: "Fragment?"},
	{name: "Speaker as written"}, {name: "Resolved person"}, {name: "Role", width: 30, wrap: true},
	{name: "Verb"}, {name: "Kind"}, {name: "Via"}, {name: "Continues"}, {name: "Match group"},
}

func (w *writer) quotesSheet() error {
	qs := w.r.Quotes
	return w.writeList(list{
		sheet: SheetQuotes,
		cols:  quotesCols,
		n:     len(qs),
		row: func(dst []cell, i int) []cell {
			q := &qs[i]
			resolved := q.Speaker.Name
			if p := w.ix.Person(q.Speaker.Person); p != nil {
				resolved = p.Name
			}
			cont := cell{text: q.Continues}
			if row, ok := w.quoteRow[q.Continues]; ok {
				cont.link, cont.style = location(SheetQuotes, row), w.st.link
			}
			match := cell{text: q.Match}
			if row, ok := w.matchRow[q.Match]; ok {
				match.link, match.style = location(SheetMatches, row), w.st.link
			}
			return append(dst, []cell{
				{text: q.ID}, {text: w.sourcePath(q.Source)}, {v: intOrBlank(q.Line), style: w.st.number}, {v: intOrBlank(q.Column), style: w.st.number},
				{text: q.Text}, {v: q.Fragment}, {text: q.Speaker.Mention}, {text: resolved}, {text: q.Speaker.Role},
				{text: q.Verb}, {text: q.Speaker.Kind}, {text: q.Via}, cont, match,
			}...)
		},
	})
}

// member is one row of the Matches sheet.
type member struct {
	quote, source, text string
	similarity          float64
	diff                []result.DiffOp
}

// memberCount is how many quotations a group lists on the Matches
// sheet: its Members, or, when a producer left them out, its Quotes.
func memberCount(m *result.Match) int {
	if len(m.Members) > 0 {
		return len(m.Members)
	}
	return len(m.Quotes)
}

// memberAt is the group's k-th quotation (k < memberCount(m)): from its
// Members, or, when a producer left them out, from its Quotes with the
// group's own difference on the second.
func memberAt(m *result.Match, k int) member {
	if len(m.Members) > 0 {
		mm := &m.Members[k]
		return member{quote: mm.Quote, source: mm.Source, text: mm.Text, similarity: mm.Similarity, diff: mm.Diff}
	}
	out := member{quote: m.Quotes[k], similarity: 1}
	if k < len(m.Sources) {
		out.source = m.Sources[k]
	}
	if k == 0 {
		out.text = m.Text
	}
	if k == 1 {
		out.similarity, out.diff = m.Similarity, m.Diff
	}
	return out
}

var matchesCols = []column{
	{name: "Group"}, {name: "Kind"}, {name: "Quote ID"}, {name: "Similarity"}, {name: "Source"}, {name: "Speaker"},
	{name: "Quote", width: 70, wrap: true}, {name: "Difference from the first", width: 60, wrap: true},
}

func (w *writer) matchesSheet() error {
	// A row is the k-th member of group m: two indexes, not a copy of the
	// member, which at 100,000 articles made a list of a million rows.
	type row struct{ m, k int }
	n := 0
	for i := range w.r.Matches {
		n += memberCount(&w.r.Matches[i])
	}
	rows := make([]row, 0, n)
	for i := range w.r.Matches {
		for k := range memberCount(&w.r.Matches[i]) {
			rows = append(rows, row{i, k})
		}
	}
	return w.writeList(list{
		sheet: SheetMatches,
		cols:  matchesCols,
		n:     len(rows),
		row: func(dst []cell, i int) []cell {
			m := &w.r.Matches[rows[i].m]
			r := memberAt(m, rows[i].k)
			q := w.ix.Quote(r.quote)
			text, speaker := r.text, ""
			if q != nil {
				speaker = speakerName(q.Speaker)
				if text == "" {
					text = q.Text
				}
			}
			id := cell{text: r.quote}
			if row, ok := w.quoteRow[r.quote]; ok {
				id.link, id.style = location(SheetQuotes, row), w.st.link
			}
			return append(dst, []cell{
				{text: m.ID}, {text: m.Kind}, id, {v: r.similarity, style: w.st.similarity},
				{text: w.sourcePath(r.source)}, {text: speaker}, {text: text}, {text: diffText(r.diff)},
			}...)
		},
	})
}

var peopleCols = []column{
	{name: "ID"}, {name: "Person"}, {name: "Roster?"}, {name: "Variants", width: 60, wrap: true},
	{name: "Roles", width: 50, wrap: true}, {name: "Quotes"}, {name: "Possibly the same as", width: 40, wrap: true},
}

func (w *writer) peopleSheet() error {
	ps := w.r.People
	return w.writeList(list{
		sheet: SheetPeople,
		cols:  peopleCols,
		n:     len(ps),
		row: func(dst []cell, i int) []cell {
			p := &ps[i]
			var similar []string
			for _, s := range p.Similar {
				name := s.Person
				if o := w.ix.Person(s.Person); o != nil {
					name = o.Name + " (" + s.Person + ")"
				}
				similar = append(similar, name+": "+s.Reason)
			}
			return append(dst, []cell{
				{text: p.ID}, {text: p.Name}, {v: p.Roster}, {text: variants(p.Variants)}, {text: roles(p.Roles)},
				{v: p.Quotes, style: w.st.number}, {text: strings.Join(similar, "\n")},
			}...)
		},
	})
}

var sourcesCols = []column{
	{name: "ID"}, {name: "Path"}, {name: "Format"}, {name: "Title", width: 50, wrap: true}, {name: "Byline"},
	{name: "Date", width: 12}, {name: "Dates as written", width: 40, wrap: true}, {name: "Encoding"},
	{name: "Words"}, {name: "Paragraphs"}, {name: "Quotes"}, {name: "Findings"}, {name: "Notes", width: 40, wrap: true},
}

func (w *writer) sourcesSheet() error {
	ss := w.r.Sources
	return w.writeList(list{
		sheet: SheetSources,
		cols:  sourcesCols,
		n:     len(ss),
		row: func(dst []cell, i int) []cell {
			s := &ss[i]
			date := cell{}
			var written []string
			for _, d := range s.Dates {
				written = append(written, d.Text)
				if date.v != nil || d.ISO == "" {
					continue
				}
				if t, err := time.Parse("2006-01-02", d.ISO); err == nil {
					date = cell{v: t, style: w.st.date}
				}
			}
			return append(dst, []cell{
				{text: s.ID}, {text: s.Path}, {text: s.Format}, {text: s.Title}, {text: s.Byline},
				date, {text: strings.Join(written, "\n")}, {text: s.Encoding},
				{v: s.Words, style: w.st.number}, {v: s.Paragraphs, style: w.st.number},
				{v: s.Quotes, style: w.st.number}, {v: w.findingsBy[s.ID], style: w.st.number},
				{text: strings.Join(s.Notes, "\n")},
			}...)
		},
	})
}

var skippedCols = []column{{name: "Path"}, {name: "Reason", width: 70, wrap: true}}

func (w *writer) skippedSheet() error {
	sk := w.r.Skipped
	return w.writeList(list{
		sheet: SheetSkipped,
		cols:  skippedCols,
		n:     len(sk),
		row:   func(dst []cell, i int) []cell { return append(dst, cell{text: sk[i].Path}, cell{text: sk[i].Reason}) },
	})
}

var checksCols = []column{
	{name: "Slug"}, {name: "Title", width: 40, wrap: true}, {name: "Severity"}, {name: "Enabled"},
	{name: "Findings"}, {name: "What it looks for", width: 80, wrap: true},
}

func (w *writer) checksSheet() error {
	cs := w.r.Checks
	counts := map[string]int{}
	for _, f := range w.findings {
		if !f.Ignored {
			counts[f.Check]++
		}
	}
	return w.writeList(list{
		sheet: SheetChecks,
		cols:  checksCols,
		n:     len(cs),
		row: func(dst []cell, i int) []cell {
			c := &cs[i]
			return append(dst, []cell{
				{text: c.Slug}, {text: c.Title}, {text: string(c.Severity), style: w.severityStyle(c.Severity)},
				{v: c.Enabled}, {v: counts[c.Slug], style: w.st.number}, {text: c.Doc},
			}...)
		},
	})
}
