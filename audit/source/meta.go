package source

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// topParagraphs is how many paragraphs from the top may hold the title,
// byline and dates.
const topParagraphs = 12

// bodyWords is the length from which a paragraph is body text: the scan
// for top matter stops at the first such paragraph.
const bodyWords = 40

// formatMeta is metadata the file format itself carries (HTML meta tags,
// Markdown front matter, .docx properties). It wins over what the text
// suggests.
type formatMeta struct {
	Title  string
	Byline string
	Dates  []result.Date
}

const (
	reMonth   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	reWeekday = `(?:(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`
	reOrd     = `(?:st|nd|rd|th)?`
)

var (
	dateRE = regexp.MustCompile(`(?i)\b` + reWeekday + `(?:` +
		`(?P<m1>` + reMonth + `)\.?\s+(?P<d1>\d{1,2})` + reOrd + `,?\s+(?P<y1>\d{4})` +
		`|(?P<d2>\d{1,2})` + reOrd + `\s+(?:of\s+)?(?P<m2>` + reMonth + `)\.?,?\s+(?P<y2>\d{4})` +
		`|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})` +
		`)\b`)
	bylineRE   = regexp.MustCompile(`^(?:(?i:written\s+by)|By|BY|by)(?:\s*[:：]|\s|$)`)
	readTimeRE = regexp.MustCompile(`(?i)^\d{1,3}\s*(?:min|mins|minutes?)\.?\s+read$`)
	datelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{Lu} .'’-]{1,40},\s*`)
)

// nameParticles may stand lower-case inside a byline name.
var nameParticles = map[string]bool{
	"and": true, "de": true, "da": true, "del": true, "der": true, "van": true, "von": true,
	"bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true, "du": true, "dos": true,
}

// fillTextMeta fills d.Meta (title, byline, dates, counts) and d.Header
// from the format's own metadata and from the top of the text.
func fillTextMeta(d *Document, fm formatMeta) {
	m := &d.Meta
	m.Title = cleanTitle(fm.Title)
	m.Byline = strings.TrimSpace(fm.Byline)
	m.Dates = append(m.Dates, fm.Dates...)

	n := min(len(d.Paragraphs), topParagraphs)
	type cand struct {
		i    int
		text string
	}
	var cands []cand // paragraphs that may be the title
	header := -1     // index of the last top-matter paragraph
	var textDates []result.Date
	textByline := ""
	for i := 0; i < n; i++ {
		p := d.Paragraphs[i]
		t := d.Text[p.Start:p.End]
		if by, ok := parseByline(t); ok {
			if textByline == "" {
				textByline = by
			}
			textDates = append(textDates, findDates(d, p.Start, t)...)
			header = i
			continue
		}
		if isDateLine(t) {
			textDates = append(textDates, findDates(d, p.Start, t)...)
			header = i
			continue
		}
		if startsWithDigit(t) && readTimeRE.MatchString(oneLine(t)) {
			header = i
			continue
		}
		if loc := datelineRE.FindStringIndex(t); loc != nil {
			if dl := dateRE.FindStringIndex(t[loc[1]:]); dl != nil && dl[0] == 0 {
				textDates = append(textDates, findDates(d, p.Start, t[:loc[1]+dl[1]])...)
			}
		}
		words := countWords(t)
		if words > bodyWords {
			break
		}
		if words <= 30 && len(t) <= 300 {
			cands = append(cands, cand{i, oneLine(t)})
		}
	}
	// The title: the format's; else a short paragraph printed twice at
	// the top (sites often repeat the headline); else the first short one.
	title := m.Title
	if title == "" && len(cands) > 0 {
		title = cands[0].text
		if cands[0].i > 3 {
			title = ""
		}
	outer:
		for a := 0; a < len(cands) && cands[a].i < 4; a++ {
			for b := a + 1; b < len(cands); b++ {
				if cands[b].text == cands[a].text {
					title = cands[a].text
					break outer
				}
			}
		}
		m.Title = title
	}
	if title != "" {
		for _, c := range cands {
			if sameTitle(c.text, title) && c.i > header {
				header = c.i
			}
		}
	}
	if header >= 0 {
		d.Header = d.Paragraphs[header].End
	}
	if m.Byline == "" {
		m.Byline = textByline
	}
	m.Dates = dedupeDates(append(m.Dates, textDates...))
	m.Words = countWords(d.Text)
	m.Paragraphs = len(d.Paragraphs)
}

// sameTitle reports whether a paragraph is the title (or the title is the
// paragraph followed by a site name, as in HTML <title>).
func sameTitle(p, title string) bool {
	if p == "" {
		return false
	}
	return p == title || strings.HasPrefix(title, p+" ") || strings.HasPrefix(p, title)
}

func cleanTitle(s string) string { return oneLine(s) }

// startsWithDigit reports whether the first character of s that is not
// blank is an ASCII digit, as a read-time line's ("4 min read") is.
func startsWithDigit(s string) bool {
	s = trimBlank(s)
	return s != "" && '0' <= s[0] && s[0] <= '9'
}

// oneLine trims s and folds its white space runs into single spaces.
func oneLine(s string) string {
	s = trimBlank(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && isBlank(r) }) && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if isBlank(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// parseByline reads "By X", "By: X", "Written by X" and "Written by:". An
// empty "Written by:" is a byline line with no name (ok, name "").
func parseByline(p string) (name string, ok bool) {
	// Every byline starts with a "b" or a "w": most paragraphs are
	// turned down here, before they are folded onto one line.
	if first, _ := utf8.DecodeRuneInString(trimBlank(p)); first != 'b' && first != 'B' && first != 'w' && first != 'W' {
		return "", false
	}
	p = oneLine(p)
	loc := bylineRE.FindStringIndex(p)
	if loc == nil || countWords(p) > 16 {
		return "", false
	}
	head := p[:loc[1]]
	colon := strings.ContainsAny(head, ":：")
	rest := strings.TrimSpace(p[loc[1]:])
	if rest == "" {
		// "By" alone is not a byline; "By:" or "Written by" is an empty one.
		return "", colon || strings.HasPrefix(strings.ToLower(p), "written")
	}
	if dl := dateRE.FindStringIndex(rest); dl != nil {
		rest = strings.TrimSpace(rest[:dl[0]])
	}
	if i := strings.IndexAny(rest, ",|;•—–(/"); i >= 0 {
		rest = strings.TrimSpace(rest[:i])
	}
	if i := strings.Index(rest, " - "); i >= 0 {
		rest = strings.TrimSpace(rest[:i])
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return "", colon
	}
	if len(words) > 8 {
		return "", false
	}
	first := strings.ToLower(strings.Trim(words[0], ".,"))
	if dateRE.MatchString(rest) || isMonthOrDay(first) {
		return "", false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		switch {
		case unicode.IsUpper(r):
		case i > 0 && (nameParticles[lw] || strings.HasPrefix(lw, "al-") || strings.HasPrefix(lw, "el-")):
		default:
			if !colon {
				return "", false
			}
		}
	}
	if r, _ := utf8.DecodeRuneInString(words[0]); !unicode.IsUpper(r) && !colon {
		return "", false
	}
	return strings.Join(words, " "), true
}

func isMonthOrDay(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

// isDateLine reports whether a paragraph is a date line: one or more
// dates and at most a few other words ("Published", "Updated 10:32").
func isDateLine(p string) bool {
	if len(p) > 160 || !hasYear(p) {
		return false
	}
	locs := dateRE.FindAllStringIndex(p, -1)
	if len(locs) == 0 {
		return false
	}
	var rest strings.Builder
	prev := 0
	for _, l := range locs {
		rest.WriteString(p[prev:l[0]])
		rest.WriteByte(' ')
		prev = l[1]
	}
	rest.WriteString(p[prev:])
	// What is left must be date-line words: "Published", "Updated 10:32 GMT".
	for _, w := range strings.FieldsFunc(strings.ToLower(rest.String()), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !dateLineWords[w] && strings.Trim(w, "0123456789") != "" {
			return false
		}
	}
	return true
}

// dateLineWords may stand beside a date on a date line.
var dateLineWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "last": true, "modified": true, "first": true,
	"on": true, "at": true, "date": true, "dated": true, "am": true, "pm": true, "a": true, "m": true, "p": true,
	"gmt": true, "bst": true, "utc": true, "et": true, "est": true, "edt": true, "pst": true, "pdt": true,
	"cet": true, "cest": true, "ist": true, "pkt": true, "msk": true, "read": true, "min": true, "mins": true,
	"minute": true, "minutes": true, "h": true, "hrs": true, "and": true, "issue": true, "edition": true,
}

// hasYear reports whether s holds a run of four digits: every date form
// has one, and the test is far cheaper than the date pattern.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// findDates returns the dates in t, which starts at byte off of d.Text.
func findDates(d *Document, off int, t string) []result.Date {
	var out []result.Date
	for _, m := range dateRE.FindAllStringSubmatchIndex(t, -1) {
		text := t[m[0]:m[1]]
		line, col := d.Position(off + m[0])
		out = append(out, result.Date{Text: text, ISO: isoDate(text), Line: line, Column: col})
	}
	return out
}

// isoDate returns the YYYY-MM-DD form of a date as written, or "".
func isoDate(s string) string {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	get := func(name string) string {
		for i, n := range dateRE.SubexpNames() {
			if n == name && m[i] != "" {
				return m[i]
			}
		}
		return ""
	}
	var y, mo, dd int
	switch {
	case get("y1") != "":
		y, _ = strconv.Atoi(get("y1"))
		mo = monthNumber(get("m1"))
		dd, _ = strconv.Atoi(get("d1"))
	case get("y2") != "":
		y, _ = strconv.Atoi(get("y2"))
		mo = monthNumber(get("m2"))
		dd, _ = strconv.Atoi(get("d2"))
	default:
		y, _ = strconv.Atoi(get("y3"))
		mo, _ = strconv.Atoi(get("m3"))
		dd, _ = strconv.Atoi(get("d3"))
	}
	return validISO(y, mo, dd)
}

// validISO formats a calendar date, or returns "" when it does not exist.
func validISO(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 || y < 1 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func monthNumber(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	switch s[:3] {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

// dedupeDates drops repeated dates (same text at the same place).
func dedupeDates(ds []result.Date) []result.Date {
	seen := make(map[result.Date]bool, len(ds))
	out := ds[:0]
	for _, x := range ds {
		if seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// asciiClass classes the ASCII bytes for countWords: wordClass for
// letters and digits, joinerClass for the apostrophe and the hyphen,
// 0 for the others.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = wordClass
		case c == '\'' || c == '-':
			t[c] = joinerClass
		}
	}
	return t
}()

const (
	wordClass   = 1
	joinerClass = 2
)

// countWords counts word tokens: runs of letters and digits, joined by
// inner apostrophes and hyphens. ASCII is counted without a branch per
// byte: a word starts at a letter or digit outside a word, and a joiner
// keeps a word open.
func countWords(s string) int {
	n := 0
	var in uint8 // 1 inside a word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			word := k & wordClass
			n += int(word &^ in)
			in = word | in&(k>>1)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			n += int(1 &^ in)
			in = 1
			continue
		}
		if r != '’' {
			in = 0
		}
	}
	return n
}
