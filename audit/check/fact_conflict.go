package check

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

// factConflict reports facts whose values differ between sources.
func factConflict() *Check {
	return &Check{
		Slug:  "fact-conflict",
		Title: "fact that sources state differently",
		Doc: "For each fact of the rule files (facts: id, pattern, value, kind, " +
			"expected), every sentence that matches the pattern is read for the value, " +
			"and the values are compared once normalised: numbers by their digits " +
			"(“1,200” = “1200”), dates by month and day (“July the 4th”, “4 July”, “July " +
			"4, 2025” are one date; the year is ignored because articles often leave it " +
			"out), text case- and space-insensitively. With an expected value, every " +
			"source that states another value is reported. Without one, the value most " +
			"sources give is taken as the reference and each source giving another value " +
			"is reported, pointing at the sources that disagree; when values tie for most, " +
			"every source is reported. Without a value pattern the whole match is the " +
			"value. Example: a death toll of " +
			"149 in one article and 145 in another → fact-conflict.",
		Severity: result.Error,
		Run:      runFactConflict,
	}
}

// factValue is one statement of a fact in a source.
type factValue struct {
	source string
	off    int
	raw    string
	norm   string
}

func runFactConflict(pass *Pass) {
	if pass.Rules == nil {
		return
	}
	ids := sortedSourceIDs(pass.Result, pass.Docs)
	for fi := range pass.Rules.Facts {
		cf := &pass.Rules.Facts[fi]
		if cf.PatternRE == nil {
			continue
		}
		var vals []factValue
		for _, id := range ids {
			vals = append(vals, factValuesIn(pass, cf, id)...)
		}
		reportFactConflicts(pass, cf, vals)
	}
}

// factValuesIn finds the values a source gives for a fact, one per
// distinct normalised value (the first place it is stated).
func factValuesIn(pass *Pass, cf *rules.CompiledFact, id string) []factValue {
	doc := pass.Docs[id]
	var out []factValue
	seen := map[string]bool{}
	paras := doc.Paragraphs
	if len(paras) == 0 {
		paras = []source.Span{{Start: 0, End: len(doc.Text)}}
	}
	for _, p := range paras {
		if p.Start < 0 || p.End > len(doc.Text) || p.Start > p.End {
			continue
		}
		if !cf.PatternRE.MatchString(doc.Text[p.Start:p.End]) {
			continue // most paragraphs state no fact: skip splitting them
		}
		for _, s := range sentenceSpans(doc.Text, p.Start, p.End) {
			sent := doc.Text[s.Start:s.End]
			if !cf.PatternRE.MatchString(sent) {
				continue
			}
			raw, at := sent, 0
			re := cf.ValueRE
			if cf.Value == "" || re == nil {
				re = cf.PatternRE // no value pattern: the claim itself is the value
			}
			{
				loc := re.FindStringSubmatchIndex(sent)
				if loc == nil {
					continue
				}
				a, b := loc[0], loc[1]
				for g := 2; g+1 < len(loc); g += 2 { // the first group that took part
					if loc[g] >= 0 {
						a, b = loc[g], loc[g+1]
						break
					}
				}
				raw, at = sent[a:b], a
			}
			norm := normalizeFactValue(cf.Kind, raw)
			if norm == "" || seen[norm] {
				continue
			}
			seen[norm] = true
			out = append(out, factValue{source: id, off: s.Start + at, raw: strings.TrimSpace(raw), norm: norm})
		}
	}
	return out
}

func reportFactConflicts(pass *Pass, cf *rules.CompiledFact, vals []factValue) {
	if len(vals) == 0 {
		return
	}
	label := cf.Description
	if label == "" {
		label = cf.ID
	}
	place := func(v factValue) (int, int) { return pass.Docs[v.source].Position(v.off) }
	related := func(except string) []result.Related {
		var rel []result.Related
		for _, v := range vals {
			if v.norm == except {
				continue
			}
			l, c := place(v)
			rel = append(rel, result.Related{Source: v.source, Line: l, Column: c, Message: fmt.Sprintf("gives %q", v.raw)})
		}
		return rel
	}
	if cf.Expected != "" {
		want := normalizeFactValue(cf.Kind, cf.Expected)
		for _, v := range vals {
			if v.norm == want {
				continue
			}
			l, c := place(v)
			var rel []result.Related
			for _, o := range vals {
				if o.norm == want {
					ol, oc := place(o)
					rel = append(rel, result.Related{Source: o.source, Line: ol, Column: oc, Message: fmt.Sprintf("gives the expected %q", o.raw)})
				}
			}
			pass.Report(result.Finding{
				Source: v.source, Line: l, Column: c, Evidence: v.raw,
				Message:    fmt.Sprintf("%s: this source gives %q; the expected value is %q.", label, v.raw, cf.Expected),
				Suggestion: fmt.Sprintf("Check the figure against the record; the rule files expect %q.", cf.Expected),
				Related:    rel,
			})
		}
		return
	}
	// Count the sources giving each value; the reference is the value most
	// sources give. When several values tie for most, there is no
	// reference and every source is reported.
	count := map[string]int{}
	order := []string{}
	for _, v := range vals {
		if count[v.norm] == 0 {
			order = append(order, v.norm)
		}
		count[v.norm]++
	}
	if len(order) < 2 {
		return
	}
	ref, top := "", 0
	for _, n := range order {
		switch {
		case count[n] > top:
			ref, top = n, count[n]
		case count[n] == top:
			ref = "" // a tie: no value is the reference
		}
	}
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].source < vals[j].source })
	for _, v := range vals {
		if v.norm == ref {
			continue
		}
		l, c := place(v)
		var others []string
		for _, o := range vals {
			if o.norm != v.norm {
				others = append(others, fmt.Sprintf("%q in %s", o.raw, sourceLabel(pass.Index, o.source)))
			}
		}
		pass.Report(result.Finding{
			Source: v.source, Line: l, Column: c, Evidence: v.raw,
			Message:    fmt.Sprintf("%s: this source gives %q, other sources give %s.", label, v.raw, strings.Join(others, ", ")),
			Suggestion: "Settle the figure before publishing and correct the sources that are wrong.",
			Related:    related(v.norm),
		})
	}
}

var (
	digitsRE  = regexp.MustCompile(`\d[\d,. ]*\d|\d`)
	monthRE   = regexp.MustCompile(`(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`)
	dayRE     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\b`)
	isoDateRE = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	ordinalRE = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b`)
)

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}

// normalizeFactValue puts a value in a form where equal values are equal
// strings; "" when the value cannot be read as its kind.
func normalizeFactValue(kind, raw string) string {
	switch strings.ToLower(kind) {
	case "number":
		m := digitsRE.FindString(raw)
		if m == "" {
			return ""
		}
		m = strings.NewReplacer(",", "", " ", "").Replace(m)
		if strings.Count(m, ".") > 1 { // "1.200.000": dots group thousands
			m = strings.ReplaceAll(m, ".", "")
		}
		if strings.Contains(m, ".") {
			m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
		}
		m = strings.TrimLeft(m, "0")
		if m == "" || strings.HasPrefix(m, ".") {
			m = "0" + m
		}
		return m
	case "date":
		return normalizeDate(raw)
	default:
		return strings.Join(strings.Fields(strings.ToLower(raw)), " ")
	}
}

// normalizeDate returns "MM-DD" for a date written as "July 3", "3 July",
// "July the 4th", "the fourth of July", "2025-07-03", or "" when no month
// and day can be read.
func normalizeDate(raw string) string {
	if m := isoDateRE.FindStringSubmatch(raw); m != nil {
		if mo, _ := strconv.Atoi(m[2]); mo >= 1 && mo <= 12 {
			if d, _ := strconv.Atoi(m[3]); d >= 1 && d <= 31 {
				return m[2] + "-" + m[3]
			}
		}
		return "" // "0000-00-00", "2025-13-40": not a date
	}
	mloc := monthRE.FindStringSubmatchIndex(raw)
	if mloc == nil {
		return ""
	}
	month := monthNumber(raw[mloc[2]:mloc[3]])
	// The day nearest the month, in figures or as an ordinal word; a
	// four-digit number is a year.
	day, dist := 0, -1
	consider := func(d, at int) {
		if d < 1 || d > 31 {
			return
		}
		dd := at - mloc[1]
		if at < mloc[0] {
			dd = mloc[0] - at
		}
		if dd < 0 {
			dd = -dd
		}
		if dist < 0 || dd < dist {
			day, dist = d, dd
		}
	}
	for _, loc := range dayRE.FindAllStringSubmatchIndex(raw, -1) {
		d, err := strconv.Atoi(raw[loc[2]:loc[3]])
		if err == nil {
			consider(d, loc[0])
		}
	}
	for _, loc := range ordinalRE.FindAllStringSubmatchIndex(raw, -1) {
		consider(ordinalWords[strings.ToLower(raw[loc[2]:loc[3]])], loc[0])
	}
	if month == 0 || day == 0 {
		return ""
	}
	return fmt.Sprintf("%02d-%02d", month, day)
}

func monthNumber(name string) int {
	n := strings.ToLower(name)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(n, m) {
			return i + 1
		}
	}
	return 0
}
