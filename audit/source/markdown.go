package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// readMarkdown builds a Document from Markdown: front matter becomes
// metadata and the markup is removed, so that quotes never contain it;
// anchors map each kept run back to its line:col in the file.
func readMarkdown(path string, data []byte, owned bool) (*Document, error) {
	dec, reason := decodeText(data, owned)
	if reason != "" {
		return nil, &SkipError{Path: path, Reason: reason}
	}
	src := dec.text[dec.bom:]
	d := &Document{}
	d.Meta.Format = "md"
	d.Meta.Encoding = dec.encoding
	d.Meta.Notes = dec.notes
	fm, body, bodyLine := frontMatter(src)
	e := newEmitter()
	p := &mdParser{e: e}
	line := bodyLine
	for len(body) > 0 {
		ln, rest := cutLine(body)
		p.line(ln, line)
		body = rest
		line++
	}
	e.endParagraph()
	d.Text = e.String()
	d.Paragraphs = e.paras
	d.SetAnchors(e.anchors)
	fillTextMeta(d, fm)
	return d, nil
}

// cutLine splits s after its first line ending (\n, \r\n or \r); ln has
// no line ending.
func cutLine(s string) (ln, rest string) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, ""
	}
	if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		return s[:i], s[i+2:]
	}
	return s[:i], s[i+1:]
}

// frontMatter splits off a "---" block at the top and reads its simple
// "key: value" lines. bodyLine is the file line the body starts on.
func frontMatter(s string) (fm formatMeta, body string, bodyLine int) {
	first, rest := cutLine(s)
	if strings.TrimRight(first, " \t") != "---" {
		return fm, s, 1
	}
	line := 2
	for n := 0; len(rest) > 0 && n < 200; n++ {
		ln, after := cutLine(rest)
		t := strings.TrimRight(ln, " \t")
		if t == "---" || t == "..." {
			return fm, after, line + 1
		}
		k, v, ok := strings.Cut(ln, ":")
		if !ok && t != "" && !strings.HasPrefix(ln, " ") && !strings.HasPrefix(ln, "-") && !strings.HasPrefix(ln, "#") {
			break // prose, not YAML: the first line was a rule
		}
		if ok && !strings.HasPrefix(ln, " ") {
			v = strings.TrimSpace(v)
			if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
				v = v[1 : len(v)-1]
			}
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "title":
				fm.Title = v
			case "author", "authors", "byline":
				if fm.Byline == "" {
					fm.Byline = strings.Trim(v, "[] ")
				}
			case "date", "published", "publishdate", "pubdate":
				if v != "" {
					fm.Dates = append(fm.Dates, frontMatterDate(v, ln, line, strings.Index(ln, v)))
				}
			}
		}
		rest = after
		line++
	}
	// No closing fence: not front matter after all.
	return formatMeta{}, s, 1
}

func frontMatterDate(v, line0 string, line, idx int) result.Date {
	iso := isoDate(v)
	if iso == "" && len(v) >= 10 {
		iso = isoDate(v[:10])
	}
	col := 1
	if idx > 0 {
		col = utf8.RuneCountInString(line0[:idx]) + 1
	}
	return result.Date{Text: v, ISO: iso, Line: line, Column: col}
}

var (
	mdHeadingRE  = regexp.MustCompile(`^#{1,6}(?:[ \t]+|$)`)
	mdBulletRE   = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)`)
	mdTaskRE     = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	mdRuleRE     = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	mdFenceRE    = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdRefDefRE   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S`)
	mdTableSepRE = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	mdRawRE      = regexp.MustCompile(`^ {0,3}<(?i)(script|style)\b`)
)

// mdParser turns Markdown lines into text, one line at a time.
type mdParser struct {
	e         *emitter
	fence     string // the open code fence, or ""
	rawEnd    string // the end tag of an open <script> or <style> block, or ""
	inComment bool   // inside a multi-line <!-- comment -->
	// col tracking while scanning one line
	lnStart int
	lnCol   int
	lnIdx   int
	ln      string
	lnNum   int
	match   []int32 // bracket matches of ln, computed when first needed
}

// brackets returns the bracket matches of the current line.
func (p *mdParser) brackets() []int32 {
	if p.match == nil {
		p.match = bracketMatches(p.ln)
	}
	return p.match
}

// line handles one line of the body, at file line num.
func (p *mdParser) line(ln string, num int) {
	if p.fence != "" {
		if t := strings.TrimSpace(ln); strings.HasPrefix(t, p.fence[:3]) && strings.Trim(t, p.fence[:1]) == "" && len(t) >= len(p.fence) {
			p.fence = ""
		}
		return
	}
	if p.rawEnd != "" {
		if strings.Contains(strings.ToLower(ln), p.rawEnd) {
			p.rawEnd = ""
		}
		return
	}
	if m := mdRawRE.FindStringSubmatch(ln); m != nil {
		p.breakParagraph()
		if end := "</" + strings.ToLower(m[1]) + ">"; !strings.Contains(strings.ToLower(ln), end) {
			p.rawEnd = end
		}
		return
	}
	if p.inComment {
		i := strings.Index(ln, "-->")
		if i < 0 {
			return
		}
		p.inComment = false
		// Treat the rest of the line as its own content, columns kept.
		p.content(ln, i+3, num, false)
		return
	}
	if m := mdFenceRE.FindStringSubmatch(ln); m != nil {
		p.breakParagraph()
		p.fence = m[1]
		return
	}
	if strings.TrimFunc(ln, isBlank) == "" {
		p.breakParagraph()
		return
	}
	if mdRuleRE.MatchString(ln) || mdTableSepRE.MatchString(ln) && strings.Contains(ln, "-") && strings.Contains(ln, "|") {
		p.breakParagraph()
		return
	}
	if mdRefDefRE.MatchString(ln) {
		return
	}
	// Container prefixes: indentation, block quotes, list bullets, headings.
	i := 0
	block := false
	for {
		j := i
		for j < len(ln) && (ln[j] == ' ' || ln[j] == '\t') {
			j++
		}
		if j < len(ln) && ln[j] == '>' {
			i = j + 1
			if i < len(ln) && ln[i] == ' ' {
				i++
			}
			continue
		}
		i = j
		break
	}
	if i >= len(ln) {
		p.breakParagraph()
		return
	}
	rest := ln[i:]
	if m := mdBulletRE.FindStringIndex(rest); m != nil {
		block = true
		i += m[1]
		if t := mdTaskRE.FindStringIndex(ln[i:]); t != nil {
			i += t[1]
		}
	} else if m := mdHeadingRE.FindStringIndex(rest); m != nil {
		block = true
		i += m[1]
		// Drop a closing run of #.
		t := strings.TrimRight(ln, " \t")
		if k := strings.TrimRight(t, "#"); len(k) < len(t) && len(k) >= i && (len(k) == i || k[len(k)-1] == ' ') {
			ln = k
		}
	}
	heading := false
	if block {
		p.breakParagraph()
		heading = !mdBulletRE.MatchString(rest)
	}
	p.content(ln, i, num, heading)
}

// breakParagraph ends the open paragraph.
func (p *mdParser) breakParagraph() {
	if p.e.inParagraph() {
		p.e.endParagraph()
		p.e.separator()
	}
}

// content emits the inline text of ln from byte i on.
func (p *mdParser) content(ln string, i, num int, alone bool) {
	if p.e.inParagraph() {
		// A paragraph that spans lines keeps its line break.
		p.e.text("\n", p.e.line, p.e.col)
	}
	p.ln, p.lnNum, p.lnIdx, p.lnCol, p.match = ln, num, 0, 1, nil
	end := len(ln)
	// A trailing backslash is a hard line break, not text.
	if t := strings.TrimRight(ln, " \t"); strings.HasSuffix(t, "\\") && !strings.HasSuffix(t, "\\\\") {
		end = len(t) - 1
	}
	if end > i && isTableRow(ln[i:end]) {
		p.tableRow(i, end)
		alone = true
	} else {
		p.inline(i, end)
	}
	if alone {
		p.breakParagraph()
	}
}

// isTableRow reports whether a line is a row of a pipe table.
func isTableRow(s string) bool {
	t := strings.TrimSpace(s)
	return len(t) > 1 && t[0] == '|' && strings.Count(t, "|") >= 2
}

// tableRow emits the cells of a table row, one space between them; the
// row is a paragraph of its own.
func (p *mdParser) tableRow(i, end int) {
	ln := p.ln
	p.breakParagraph()
	first := true
	start := strings.IndexByte(ln[i:end], '|') + i + 1
	for start <= end {
		j := start
		for j < end && ln[j] != '|' {
			if ln[j] == '\\' && j+1 < end {
				j++
			}
			j++
		}
		lo, hi := trimSpan(ln[start:j])
		if lo < hi {
			if !first {
				p.e.text(" ", p.lnNum, p.colAt(start-1))
			}
			first = false
			p.inline(start+lo, start+hi)
		}
		start = j + 1
	}
}

// colAt returns the file column (in characters) of byte j of the line.
func (p *mdParser) colAt(j int) int {
	if j < p.lnIdx {
		p.lnIdx, p.lnCol = 0, 1
	}
	p.lnCol += utf8.RuneCountInString(p.ln[p.lnIdx:j])
	p.lnIdx = j
	return p.lnCol
}

// put emits ln[a:b] as text.
func (p *mdParser) put(a, b int) {
	if a >= b {
		return
	}
	p.e.text(p.ln[a:b], p.lnNum, p.colAt(a))
}

// inline emits ln[i:end] with inline markup removed.
func (p *mdParser) inline(i, end int) {
	ln := p.ln
	run := i // start of pending plain text
	// noClose[n] records that no closing run of n backticks follows the
	// position where one was last looked for: later runs cannot close either.
	var noClose map[int]bool
	for i < end {
		c := ln[i]
		switch c {
		case '\\':
			if i+1 < end && isASCIIPunct(ln[i+1]) {
				p.put(run, i)
				run = i + 1
				i += 2
				continue
			}
		case '`':
			n := 0
			for i+n < end && ln[i+n] == '`' {
				n++
			}
			if noClose[n] {
				i += n
				continue
			}
			if k := closingTicks(ln[i+n:end], n); k >= 0 {
				p.put(run, i)
				p.put(i+n, i+n+k)
				i = i + n + k + n
				run = i
				continue
			}
			if noClose == nil {
				noClose = map[int]bool{}
			}
			noClose[n] = true
			i += n
			continue
		case '!':
			if i+1 < end && ln[i+1] == '[' {
				if _, _, after, ok := linkAt(ln, p.brackets(), i+1, end); ok {
					p.put(run, i)
					i = after
					run = i
					continue
				}
			}
		case '[':
			if tS, tE, after, ok := linkAt(ln, p.brackets(), i, end); ok {
				p.put(run, i)
				if !(tE > tS && ln[tS] == '^') { // footnote reference
					p.inline(tS, tE)
				}
				i = after
				run = i
				continue
			}
		case '<':
			if strings.HasPrefix(ln[i:end], "<!--") {
				p.put(run, i)
				k := strings.Index(ln[i+4:end], "-->")
				if k < 0 {
					p.inComment = true
					return
				}
				i = i + 4 + k + 3
				run = i
				continue
			}
			if n, te := autoLinkAt(ln[i:end]); n > 0 {
				p.put(run, i)
				p.put(i+1, i+te)
				i += n
				run = i
				continue
			}
			if n := htmlTagAt(ln[i:end]); n > 0 {
				p.put(run, i)
				i += n
				run = i
				continue
			}
		case '*', '_', '~':
			n := 0
			for i+n < end && ln[i+n] == c {
				n++
			}
			if c == '~' && n < 2 {
				i += n
				continue
			}
			if emphasisDelim(ln[:end], i, i+n, c) {
				p.put(run, i)
				i += n
				run = i
				continue
			}
			i += n
			continue
		}
		i++
	}
	p.put(run, end)
}

// linkAt parses "[text](url)", "[text][ref]" or a footnote "[^n]" at
// ln[i] == '[', using the line's bracket matches; nothing may reach past
// end. It returns the text's byte range and the index after the link.
func linkAt(ln string, match []int32, i, end int) (tS, tE, after int, ok bool) {
	j := int(match[i])
	if j < 0 || j >= end {
		return 0, 0, 0, false
	}
	tS, tE = i+1, j
	k := j + 1
	if k < end && (ln[k] == '(' || ln[k] == '[') {
		if m := int(match[k]); m >= 0 && m < end {
			return tS, tE, m + 1, true
		}
	}
	if tE > tS && ln[tS] == '^' {
		return tS, tE, j + 1, true
	}
	return 0, 0, 0, false
}

// bracketMatches pairs the brackets and parentheses of a line: match[i]
// is the index of the closer of the opener at i, or -1. Escaped brackets
// do not count. One pass, so a line of unmatched brackets stays linear.
func bracketMatches(ln string) []int32 {
	match := make([]int32, len(ln))
	var squares, rounds []int32
	for i := 0; i < len(ln); i++ {
		match[i] = -1
		switch ln[i] {
		case '\\':
			if i+1 < len(ln) {
				i++
				match[i] = -1
			}
		case '[':
			squares = append(squares, int32(i))
		case ']':
			if n := len(squares); n > 0 {
				match[squares[n-1]] = int32(i)
				squares = squares[:n-1]
			}
		case '(':
			rounds = append(rounds, int32(i))
		case ')':
			if n := len(rounds); n > 0 {
				match[rounds[n-1]] = int32(i)
				rounds = rounds[:n-1]
			}
		}
	}
	return match
}

// mdMaxTag bounds how far the end of an HTML tag or autolink is looked for.
const mdMaxTag = 4096

// htmlTagAt returns the length of an HTML tag ("<b>", "</span>",
// "<a href=...>", "<br/>") at the start of s, or 0.
func htmlTagAt(s string) int {
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return 0
	}
	for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	if j >= len(s) {
		return 0
	}
	switch s[j] {
	case '>':
		return j + 1
	case '/':
		if j+1 < len(s) && s[j+1] == '>' {
			return j + 2
		}
		return 0
	case ' ', '\t', '\n', '\r', '\f':
	default:
		return 0
	}
	for k := j; k < len(s) && k < mdMaxTag; k++ {
		switch s[k] {
		case '<':
			return 0
		case '>':
			return k + 1
		}
	}
	return 0
}

// autoLinkAt returns the length of an autolink ("<https://x.org>",
// "<a@b.org>") at the start of s and the link text's end, or 0.
func autoLinkAt(s string) (n, textEnd int) {
	k := 1
	for k < len(s) && k < mdMaxTag && s[k] != '<' && s[k] != '>' && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\r' {
		k++
	}
	if k >= len(s) || s[k] != '>' || k == 1 {
		return 0, 0
	}
	t := s[1:k]
	if c := strings.IndexByte(t, ':'); c >= 2 && c <= 32 && isASCIILetter(t[0]) {
		ok := true
		for i := 1; i < c; i++ {
			b := t[i]
			if !(isASCIILetter(b) || b >= '0' && b <= '9' || b == '+' || b == '.' || b == '-') {
				ok = false
				break
			}
		}
		if ok {
			return k + 1, k
		}
	}
	if at := strings.IndexByte(t, '@'); at > 0 && at < len(t)-1 && strings.Count(t, "@") == 1 {
		return k + 1, k
	}
	return 0, 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// closingTicks returns the index in s of a run of exactly n backticks, or -1.
func closingTicks(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// emphasisDelim reports whether the run ln[a:b] of c is an emphasis
// delimiter: it touches text on one side and space or punctuation on the
// other (or, for *, stands inside a word).
func emphasisDelim(ln string, a, b int, c byte) bool {
	before, _ := utf8.DecodeLastRuneInString(ln[:a])
	after, _ := utf8.DecodeRuneInString(ln[b:])
	if a == 0 {
		before = ' '
	}
	if b >= len(ln) {
		after = ' '
	}
	wordB := !unicode.IsSpace(before) && !unicode.IsPunct(before)
	wordA := !unicode.IsSpace(after) && !unicode.IsPunct(after)
	spaceB := unicode.IsSpace(before)
	spaceA := unicode.IsSpace(after)
	if spaceB && spaceA {
		return false // "5 * 3"
	}
	if wordB && wordA {
		return c == '*' || c == '~' // snake_case stays
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}
