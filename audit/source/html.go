package source

import (
	"bytes"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// HTML elements whose content is page furniture, not article text.
var htmlDropped = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "script": true, "style": true,
	"form": true, "noscript": true, "svg": true, "template": true, "head": true, "iframe": true,
	"button": true, "select": true, "textarea": true, "object": true, "canvas": true, "math": true,
	"plaintext": true, "xmp": true, "noembed": true, "noframes": true,
}

// HTML elements that end a paragraph.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "blockquote": true, "br": true, "tr": true, "figcaption": true, "section": true,
	"article": true, "main": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"table": true, "pre": true, "hr": true, "figure": true, "address": true, "caption": true,
	"td": true, "th": true, "body": true, "details": true, "summary": true, "fieldset": true,
}

// HTML elements whose content the tokenizer reads as raw text up to the
// end tag, even when written self-closing ("<script/>").
var htmlRaw = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// HTML void elements never have an end tag.
var htmlVoid = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

var htmlEntityRE = regexp.MustCompile(`^&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)`)

// htmlItem is one thing of interest in an HTML file, in file order.
type htmlItem struct {
	text bool   // a text node (raw, entities not yet decoded) or a paragraph break
	raw  string // the raw text
	off  int    // byte offset of raw in the decoded file
	drop bool   // inside furniture
}

// htmlContainer is an <article>, <main> or articleBody element: a range of items.
type htmlContainer struct {
	rank       int // 0 article, 1 main, 2 articleBody
	start, end int // item range
	text       int // bytes of kept text inside
}

// readHTML builds a Document from an HTML page: the article body only,
// transcoded to UTF-8 (BOM, <meta charset> or a guess), with metadata from
// meta tags and anchors at each text node. Columns after an entity are
// exact: entities are decoded piece by piece.
func readHTML(path string, data []byte) (*Document, error) {
	src, encName, notes, reason := decodeHTML(data)
	if reason != "" {
		return nil, &SkipError{Path: path, Reason: reason}
	}
	d := &Document{}
	d.Meta.Format = "html"
	d.Meta.Encoding = encName
	d.Meta.Notes = notes

	pos := newPosCursor(src).pos

	var (
		items      []htmlItem
		containers []htmlContainer
		stack      []htmlOpen
		fm         formatMeta
		ogTitle    string
		title      strings.Builder
		h1         strings.Builder
		inTitle    bool
		titleDone  bool
		h1Done     bool
		authorOpen = -1 // stack depth of an itemprop=author / rel=author element
		author     strings.Builder
		timeDates  []result.Date
	)
	dropDepth := 0
	open := map[string]int{} // open elements by name
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		tokOff := off
		off += len(raw)
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			if inTitle {
				capWrite(&title, z.Text())
				continue
			}
			if authorOpen >= 0 {
				capWrite(&author, z.Text())
			}
			if !h1Done && open["h1"] > 0 {
				capWrite(&h1, z.Text())
			}
			items = append(items, htmlItem{text: true, raw: string(raw), off: tokOff, drop: dropDepth > 0})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tagInfo(z)
			selfClosing := (tt == html.SelfClosingTagToken && !htmlRaw[name]) || htmlVoid[name]
			switch name {
			case "title":
				// The page's first <title>, not an SVG image's.
				inTitle = !titleDone && open["svg"] == 0 && open["math"] == 0
				continue
			case "meta":
				htmlMeta(attrs, &fm, &ogTitle, pos, tokOff)
			case "time":
				if dt := attrs["datetime"]; dt != "" && !inChrome(stack) && len(timeDates) == 0 {
					l, c := pos(tokOff)
					timeDates = append(timeDates, result.Date{Text: dt, ISO: isoPrefix(dt), Line: l, Column: c})
				}
			}
			if htmlBlocks[name] {
				items = append(items, htmlItem{})
			}
			if name == "q" && !selfClosing {
				// Browsers show <q> with quotation marks: so does the text.
				items = append(items, htmlItem{text: true, raw: qMark(open["q"], true), off: tokOff, drop: dropDepth > 0})
			}
			if selfClosing {
				continue
			}
			o := htmlOpen{name: name, container: -1}
			if htmlDropped[name] || htmlHidden(attrs) {
				o.drop = true
				dropDepth++
			}
			rank := -1
			switch {
			case name == "article":
				rank = 0
			case name == "main":
				rank = 1
			case strings.EqualFold(attrs["itemprop"], "articleBody"):
				rank = 2
			}
			if rank >= 0 && dropDepth == 0 {
				o.container = len(containers)
				containers = append(containers, htmlContainer{rank: rank, start: len(items), end: -1})
			}
			if authorOpen < 0 && (strings.EqualFold(attrs["itemprop"], "author") || strings.EqualFold(attrs["rel"], "author")) {
				authorOpen = len(stack)
			}
			stack = append(stack, o)
			open[name]++
		case html.EndTagToken:
			name, _ := tagInfo(z)
			if name == "title" {
				titleDone = titleDone || inTitle
				inTitle = false
				continue
			}
			if htmlBlocks[name] {
				items = append(items, htmlItem{})
			}
			if name == "q" && open["q"] > 0 {
				items = append(items, htmlItem{text: true, raw: qMark(open["q"]-1, false), off: tokOff, drop: dropDepth > 0})
			}
			// Close up to the nearest open element of that name.
			for i := len(stack) - 1; i >= 0 && open[name] > 0; i-- {
				if stack[i].name != name {
					continue
				}
				for j := len(stack) - 1; j >= i; j-- {
					open[stack[j].name]--
					if stack[j].drop {
						dropDepth--
					}
					if c := stack[j].container; c >= 0 {
						containers[c].end = len(items)
					}
					if stack[j].name == "h1" && h1.Len() > 0 {
						h1Done = true
					}
					if authorOpen == j {
						authorOpen = -1
						if fm.Byline == "" {
							fm.Byline = oneLine(author.String())
						}
						author.Reset()
					}
				}
				stack = stack[:i]
				break
			}
		}
	}
	// Kept text before each item, so that any container's text is one subtraction.
	before := make([]int, len(items)+1)
	for i, it := range items {
		before[i+1] = before[i]
		if it.text && !it.drop {
			before[i+1] += len(strings.TrimSpace(it.raw))
		}
	}
	for i := range containers {
		if containers[i].end < 0 {
			containers[i].end = len(items)
		}
		containers[i].text = before[containers[i].end] - before[containers[i].start]
	}
	lo, hi := 0, len(items)
	best := -1
	for i, c := range containers {
		if c.text == 0 {
			continue
		}
		if best < 0 || c.rank < containers[best].rank || c.rank == containers[best].rank && c.text > containers[best].text {
			best = i
		}
	}
	if best >= 0 {
		lo, hi = containers[best].start, containers[best].end
	}

	e := newEmitter()
	space := false
	for _, it := range items[lo:hi] {
		if !it.text {
			if e.inParagraph() {
				e.endParagraph()
				e.separator()
			}
			space = false
			continue
		}
		if it.drop {
			continue
		}
		emitHTMLText(e, it.raw, it.off, pos, &space)
	}
	e.endParagraph()
	d.Text = e.String()
	d.Paragraphs = e.paras
	d.SetAnchors(e.anchors)

	pageTitle, h1Title := oneLine(title.String()), oneLine(h1.String())
	switch {
	case ogTitle != "":
		fm.Title = ogTitle
	case pageTitle != "" && h1Title != "" && strings.HasPrefix(pageTitle, h1Title):
		fm.Title = h1Title // "Headline | Site name"
	case pageTitle != "":
		fm.Title = pageTitle
	default:
		fm.Title = h1Title
	}
	fm.Dates = append(fm.Dates, timeDates...)
	fillTextMeta(d, fm)
	return d, nil
}

type htmlOpen struct {
	name      string
	drop      bool
	container int
}

// htmlHidden reports whether an element's attributes hide it from readers.
func htmlHidden(a map[string]string) bool {
	if a == nil {
		return false
	}
	if _, ok := a["hidden"]; ok {
		return true
	}
	if strings.EqualFold(a["aria-hidden"], "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(a["style"], " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// capWrite appends p to b up to a few hundred bytes: enough for a title
// or a name, and bounded whatever the page.
func capWrite(b *strings.Builder, p []byte) {
	const limit = 512
	room := limit - b.Len()
	if room <= 0 {
		return
	}
	if room < len(p) {
		for room > 0 && !utf8.RuneStart(p[room]) {
			room-- // cut between characters
		}
		p = p[:room]
	}
	b.Write(p)
}

// qMark is the mark a browser puts around a <q> at the given nesting
// depth: double quotes outside, single inside.
func qMark(depth int, opening bool) string {
	switch {
	case depth%2 == 0 && opening:
		return "“"
	case depth%2 == 0:
		return "”"
	case opening:
		return "‘"
	}
	return "’"
}

// inChrome reports whether an element of page chrome other than <header>
// (which often holds an article's own date) is open.
func inChrome(stack []htmlOpen) bool {
	for _, o := range stack {
		if o.drop && o.name != "header" {
			return true
		}
	}
	return false
}

func tagInfo(z *html.Tokenizer) (string, map[string]string) {
	name, more := z.TagName()
	var attrs map[string]string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if attrs == nil {
			attrs = map[string]string{}
		}
		if _, dup := attrs[string(k)]; !dup {
			attrs[string(k)] = string(v)
		}
	}
	return string(name), attrs
}

// htmlMeta reads one <meta> tag.
func htmlMeta(a map[string]string, fm *formatMeta, ogTitle *string, pos func(int) (int, int), off int) {
	key := strings.ToLower(a["property"])
	if key == "" {
		key = strings.ToLower(a["name"])
	}
	if key == "" {
		key = strings.ToLower(a["itemprop"])
	}
	content := oneLine(a["content"])
	if content == "" {
		return
	}
	switch key {
	case "og:title", "twitter:title":
		if *ogTitle == "" {
			*ogTitle = content
		}
	case "author", "article:author", "byl", "dc.creator", "sailthru.author":
		if fm.Byline == "" && !strings.Contains(content, "://") {
			fm.Byline = strings.TrimPrefix(strings.TrimPrefix(content, "By "), "by ")
		}
	case "article:published_time", "date", "datepublished", "dc.date", "pubdate", "publish-date", "og:published_time":
		l, c := pos(off)
		fm.Dates = append(fm.Dates, result.Date{Text: content, ISO: isoPrefix(content), Line: l, Column: c})
	}
}

// isoPrefix reads the date of "2025-07-08T10:00:00Z" or any date form.
func isoPrefix(s string) string {
	if iso := isoDate(s); iso != "" {
		return iso
	}
	if len(s) >= 10 {
		return isoDate(s[:10])
	}
	return ""
}

// emitHTMLText emits one raw text node, which starts at byte off of the
// decoded file: white space runs fold into one space, entities are
// decoded, NULs are dropped.
func emitHTMLText(e *emitter, raw string, off int, pos func(int) (int, int), space *bool) {
	line, col := pos(off)
	i := 0
	run := 0
	flush := func(end int) {
		if end <= run {
			return
		}
		if *space && e.inParagraph() {
			e.text(" ", line, col) // position of the folded space is approximate
		}
		*space = false
		l, c := pos(off + run)
		e.text(raw[run:end], l, c)
	}
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0:
			flush(i)
			if !*space {
				line, col = pos(off + i)
			}
			for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\f' || raw[i] == 0) {
				if raw[i] != 0 {
					*space = true
				}
				i++
			}
			run = i
			continue
		case c == '&':
			if m := htmlEntityRE.FindString(raw[i:min(len(raw), i+42)]); m != "" {
				u := html.UnescapeString(m)
				if u != m {
					flush(i)
					if strings.TrimFunc(u, isBlank) == "" {
						if !*space {
							line, col = pos(off + i)
						}
						*space = true
					} else {
						if *space && e.inParagraph() {
							e.text(" ", line, col)
						}
						*space = false
						l, cc := pos(off + i)
						e.text(u, l, cc)
					}
					i += len(m)
					run = i
					continue
				}
			}
		}
		i++
	}
	flush(len(raw))
}

// posCursor maps byte offsets of a file to line:col. Offsets asked in
// increasing order cost only the bytes between them, so that a page on
// one long line stays linear.
type posCursor struct {
	src       string
	lines     []int
	off       int
	line, col int
}

func newPosCursor(src string) *posCursor {
	return &posCursor{src: src, lines: lineIndex(src), line: 1, col: 1}
}

func (p *posCursor) pos(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(p.src) {
		off = len(p.src)
	}
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	start := p.lines[i]
	if p.line != i+1 || p.off > off || p.off < start {
		p.off, p.line, p.col = start, i+1, 1
	}
	p.col += utf8.RuneCountInString(p.src[p.off:off])
	p.off = off
	return p.line, p.col
}

// lineIndex returns the byte offsets where the lines of s start.
func lineIndex(s string) []int {
	idx := []int{0}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			idx = append(idx, i+1)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			idx = append(idx, i+1)
		}
	}
	return idx
}

// decodeHTML transcodes an HTML file to UTF-8: a BOM first, then the
// charset of a <meta> tag, else UTF-8 when valid, else Windows-1252.
func decodeHTML(data []byte) (src, enc string, notes []string, reason string) {
	switch {
	case bytes.HasPrefix(data, []byte(bomUTF8)):
		dec := decodeUTF8ish(data[3:], false)
		enc = encUTF8BOM
		if dec.encoding != encUTF8 {
			enc = dec.encoding
		}
		return dec.text, enc, dec.notes, textReason(dec.text)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, r := decodeText(data, false)
		return dec.text, dec.encoding, dec.notes, r
	}
	if _, ok := looksUTF16(data); ok {
		dec, r := decodeText(data, false)
		return dec.text, dec.encoding, dec.notes, r
	}
	if looksBinary(data) {
		return "", "", nil, "binary file"
	}
	e, name, _ := charset.DetermineEncoding(data, "")
	name = strings.ToLower(name)
	if name == "utf-8" || e == encoding.Nop || utf8.Valid(data) && (name == "windows-1252" || name == "") {
		dec := decodeUTF8ish(data, false)
		return dec.text, dec.encoding, dec.notes, textReason(dec.text)
	}
	out, err := io.ReadAll(e.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		dec := decodeUTF8ish(data, false)
		return dec.text, dec.encoding, append(dec.notes, "charset "+name+" unreadable"), textReason(dec.text)
	}
	if name != encWin1252 {
		notes = []string{"transcoded from " + name}
	} else {
		notes = []string{"transcoded from windows-1252"}
	}
	return string(out), name, notes, textReason(string(out))
}
