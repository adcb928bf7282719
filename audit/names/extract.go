package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
)

// word is one word of a document's text.
type word struct {
	start, end int    // byte offsets in the text (possessive 's excluded)
	text       string // as written, possessive 's excluded
	lower      string
	cap        bool // starts with a capital (or is a particle-prefixed name: "al-Sharra")
	acronym    bool // all capitals, two letters or more ("UN", "AWJM")
	possessive bool // was followed by 's / ’s
	plain      bool // ASCII letters and digits only: its lower-case form is its Fold
	// class holds the word's classes (classStop…), set by the Scanner's
	// vocab; 0 for a word the vocab has not described.
	class uint16
}

// lowerOf returns the word in lower case (the word scanner may have left
// a capitalised word's lower field empty).
func lowerOf(w word) string {
	if w.lower != "" {
		return w.lower
	}
	return strings.ToLower(w.text)
}

// is reports whether the word is of any of the classes c.
func (w *word) is(c uint16) bool { return w.class&c != 0 }

// wordScanner tokenises a text into words, one at a time, without
// holding them all and without allocating for a word of plain ASCII:
// letters, digits and marks, with inner apostrophes and hyphens
// ("O'Brien", "Kabul-based").
type wordScanner struct {
	text string
	// lowerCaps false leaves a capitalised word's lower field empty (it
	// may cost a copy); lower-case words always have it.
	lowerCaps bool
	i         int
}

// Byte classes of the word scanner.
const (
	clsWord   = 1 << iota // an ASCII letter or digit
	clsLetter             // an ASCII letter
	clsUpper              // an ASCII capital
	clsJoiner             // an apostrophe or a hyphen: inside a word between two word runes
	clsHigh               // a byte of a multi-byte rune
)

// byteClass classifies the bytes for the word scanner.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = clsWord | clsLetter
		case c >= 'A' && c <= 'Z':
			t[c] = clsWord | clsLetter | clsUpper
		case c >= '0' && c <= '9':
			t[c] = clsWord
		case c == '\'' || c == '-':
			t[c] = clsJoiner
		case c >= utf8.RuneSelf:
			t[c] = clsHigh
		}
	}
	return t
}()

// next sets w to the next word and reports whether there was one.
func (s *wordScanner) next(w *word) bool {
	text := s.text
	i := s.i
	for i < len(text) {
		t := byteClass[text[i]]
		if t&clsWord != 0 {
			break
		}
		if t&clsHigh == 0 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		s.i = i
		return false
	}
	start := i
	ascii := true
	letters, upper := 0, 0 // of an ASCII word
	hyphen := -1           // offset of an ASCII word's first hyphen
	joiners := 0
	j := i
	for j < len(text) {
		c := text[j]
		t := byteClass[c]
		if t&clsWord != 0 {
			letters += int(t>>1) & 1
			upper += int(t>>2) & 1
			j++
			continue
		}
		if t&clsJoiner != 0 {
			if !wordRuneAt(text, j+1) {
				break
			}
			if c == '-' && hyphen < 0 {
				hyphen = j - start
			}
			joiners++
			j++
			continue
		}
		if t&clsHigh == 0 {
			break
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) && (r != '’' && r != '‐' || !wordRuneAt(text, j+n)) {
			break
		}
		ascii = false
		j += n
	}
	s.i = j
	if !ascii {
		*w = makeWord(text, start, j, s.lowerCaps)
		return true
	}
	*w = word{start: start, end: j, text: text[start:j]}
	if n := j - start; n > 2 && text[j-2] == '\'' && text[j-1]|0x20 == 's' {
		w.text, w.end, w.possessive = text[start:j-2], j-2, true
		joiners--
		letters--
		if text[j-1] == 'S' {
			upper--
		}
	}
	c0 := text[start]
	w.cap = c0 >= 'A' && c0 <= 'Z'
	if !w.cap || s.lowerCaps {
		w.lower = s.lowerASCII(w, upper)
	}
	if !w.cap && hyphen > 0 && hyphen+1 < len(w.text) && particles[w.lower[:hyphen]] {
		// "al-Sharra", "el-Sisi": a lower-case particle joined to a name.
		c := w.text[hyphen+1]
		w.cap = c >= 'A' && c <= 'Z'
		if w.cap && !s.lowerCaps {
			w.lower = ""
		}
	}
	w.acronym = letters >= 2 && upper == letters
	w.plain = joiners == 0
	return true
}

// lowerASCII is strings.ToLower of the ASCII word w, which has upper
// capitals.
func (s *wordScanner) lowerASCII(w *word, upper int) string {
	if upper == 0 {
		return w.text
	}
	return strings.ToLower(w.text)
}

// wordRuneAt reports whether a word rune starts at text[i].
func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if t := byteClass[text[i]]; t&clsHigh == 0 {
		return t&clsWord != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// collapseSpace is strings.Join(strings.Fields(s), " ") without a copy
// when s is ASCII with no white space but single spaces inside.
func collapseSpace(s string) string {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r',
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func makeWord(text string, start, end int, lowerCaps bool) word {
	w := word{start: start, end: end, text: text[start:end]}
	if n := len(w.text); n > 2 && w.text[n-1]|0x20 == 's' {
		for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
			if s, ok := strings.CutSuffix(w.text, suf); ok && s != "" {
				w.text, w.end, w.possessive = s, end-len(suf), true
				break
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(w.text)
	w.cap = unicode.IsUpper(first) || unicode.IsTitle(first)
	if !w.cap || lowerCaps {
		w.lower = strings.ToLower(w.text)
	}
	if !w.cap {
		// "al-Sharra", "el-Sisi": a lower-case particle joined to a name.
		if i := indexHyphen(w.text); i > 0 && particles[w.lower[:i]] {
			_, n := utf8.DecodeRuneInString(w.text[i:])
			r, _ := utf8.DecodeRuneInString(w.text[i+n:])
			w.cap = unicode.IsUpper(r)
			if w.cap && !lowerCaps {
				w.lower = ""
			}
		}
	}
	letters, upper := 0, 0
	for _, r := range w.text {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z':
				letters++
			case r >= 'A' && r <= 'Z':
				letters++
				upper++
			}
			continue
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	w.acronym = letters >= 2 && upper == letters
	return w
}

// indexHyphen is strings.IndexAny(s, "-‐"), without IndexAny's slow path
// for a non-ASCII set.
func indexHyphen(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i
		case 0xE2: // ‐ is E2 80 90
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x90 {
				return i
			}
		}
	}
	return -1
}

// gapSpace reports whether only spaces or tabs (no line break, no
// punctuation) separate words a and b.
func gapSpace(text string, a, b word) bool {
	g := text[a.end:b.start]
	if a.possessive {
		return false
	}
	return g == " " || g != "" && strings.Trim(g, " \t\u00a0") == ""
}

// gapComma reports whether a comma (with spaces) separates a and b.
func gapComma(text string, a, b word) bool {
	if a.possessive {
		return false
	}
	return strings.TrimSpace(strings.ReplaceAll(text[a.end:b.start], "\u00a0", " ")) == ","
}

// run is a span of words[i:j] that may hold a name.
type run struct{ i, j int }

// candidate is a person's name found in a document, before linking.
type candidate struct {
	start, end int // byte span of the name (title excluded)
	name       string
	title      string
	role       string
	roleStart  int
	evidence   bool
	// lone marks a name of one capitalised word: it is no name when the
	// corpus also writes the word in lower case (a common word at the
	// start of a sentence), which is known once every source is read.
	lone bool
	fold string // Fold(name), set by setFold
}

// setFold sets the candidate's folded name.
func (c *candidate) setFold() { c.fold = Fold(c.name) }

// extractor finds the names in one document.
type extractor struct {
	text  string
	words []word
	lx    *lexicon.Lexicon
}

// isVerb reports an attribution verb of the lexicon.
func (x *extractor) isVerb(w word) bool { return w.is(classVerb) }

// isTitle reports a personal title of the lexicon.
func (x *extractor) isTitle(w word) bool { return w.is(classTitle) }

// isRole reports whether w is a role noun (see roleWord); a plain word's
// lower-case form is already its Fold, whose answer its class holds.
func isRole(w word) bool {
	if w.plain {
		return w.is(classRole)
	}
	_, ok := roleWord(w.text)
	return ok
}

// runs lists the maximal runs of capitalised words joined by spaces
// (particles allowed inside), with leading stopwords dropped and verbs
// and stopwords breaking runs.
func (x *extractor) runs() []run {
	var out []run
	ws := x.words
	i := 0
	for i < len(ws) {
		if !ws[i].cap || ws[i].is(classStop|classLeading|classVerb) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) {
			w := ws[j]
			joined := gapSpace(x.text, ws[j-1], w) || (x.isTitle(ws[j-1]) && strings.TrimSpace(x.text[ws[j-1].end:w.start]) == ".")
			if !joined {
				break
			}
			if w.cap && !w.is(classStop|classVerb) {
				j++
				continue
			}
			// A lower-case particle followed by a capitalised word.
			if w.is(classParticle) && j+1 < len(ws) && ws[j+1].cap && gapSpace(x.text, w, ws[j+1]) {
				j += 2
				continue
			}
			break
		}
		out = append(out, run{i, j})
		i = j
	}
	return out
}

// split divides a run into its role-or-title prefix and the name: the
// name starts after the last role noun or title that is followed by
// another word of the run.
func (x *extractor) split(r run) (nameFrom int, title string, role string, roleStart int) {
	nameFrom = r.i
	roleStart = -1
	for k := r.j - 2; k >= r.i; k-- {
		w := x.words[k]
		if x.isTitle(w) {
			nameFrom = k + 1
			title = w.text
			// A role before the title: "Foreign Minister Dr Spanta" is rare; ignore.
			return
		}
		if ok := isRole(w); ok {
			nameFrom = k + 1
			roleStart = x.words[r.i].start
			role = x.text[x.words[r.i].start:w.end]
			return
		}
	}
	return
}

// badNameWord reports a word that no name contains: an acronym, an
// organisation word, a stopword or a role noun.
func (x *extractor) badNameWord(w word) bool {
	if w.acronym || w.is(classOrg|classStop) {
		return true
	}
	return isRole(w)
}

// plausible reports whether words[i:j] can be a person's name; lone
// when the name is one word that must not be written in lower case
// anywhere in the corpus (see candidate.lone).
func (x *extractor) plausible(i, j int) (ok, lone bool) {
	n := j - i
	if n < 1 || n > 5 {
		return false, false
	}
	allPlace := true
	for k := i; k < j; k++ {
		w := x.words[k]
		if w.acronym || w.is(classOrg|classStop|classDescriptor) || isRole(w) {
			return false, false
		}
		if w.plain {
			// No hyphen, no apostrophe: only a digit can disqualify it here.
			if strings.ContainsAny(w.text, "0123456789") {
				return false, false
			}
		} else if strings.IndexFunc(w.text, unicode.IsDigit) >= 0 || lowerAfterHyphen(w.text) || contraction(lowerOf(w)) {
			return false, false
		}
		if !w.is(classPlace) {
			allPlace = false
		}
	}
	if allPlace {
		return false, false
	}
	if n == 1 && x.words[i].plain {
		// The lexicon's answer for a word is its class.
		if x.words[i].is(classNamed) {
			return false, false
		}
	} else if x.lx != nil {
		// The lexicon lowers the name itself (on the stack when short).
		name := x.text[x.words[i].start:x.words[j-1].end]
		if _, ok := x.lx.Outlet(name); ok {
			return false, false
		}
		if _, ok := x.lx.Organization(name); ok {
			return false, false
		}
	}
	if n == 1 {
		w := x.words[i]
		// "the West", "the Kremlin": a lone word after an article.
		if i > 0 && gapSpace(x.text, x.words[i-1], w) {
			if x.words[i-1].is(classArticle) {
				return false, false
			}
		}
		if runeLen(w.text) < 2 {
			return false, false
		}
		return true, true
	}
	return true, false
}

// extract returns the names of the document with their evidence. Names
// without evidence are returned too (evidence=false) for the second pass
// (known names and short references).
func (x *extractor) extract() []candidate {
	var out []candidate
	for _, r := range x.runs() {
		from, title, role, roleStart := x.split(r)
		ok, lone := x.plausible(from, r.j)
		if !ok {
			// "Глава МИД Амир Хан Муттаки": try the words after the last
			// one that cannot belong to a name.
			k := r.j - 1
			for k >= from && !x.badNameWord(x.words[k]) {
				k--
			}
			if k < from || k+1 >= r.j {
				continue
			}
			if ok, lone = x.plausible(k+1, r.j); !ok {
				continue
			}
			from, title, role, roleStart = k+1, "", "", -1
		}
		// A lone word the corpus also writes in lower case fails
		// plausible, and then its fallback: a run of one word has no
		// shorter tail, and a tail of one word has none either. So the
		// candidate is kept, marked lone, and dropped by the caller.
		c := candidate{
			start: x.words[from].start, end: x.words[r.j-1].end,
			title: title, role: role, roleStart: roleStart, lone: lone,
		}
		c.name = collapseSpace(x.text[c.start:c.end])
		c.evidence = title != "" || role != ""
		if c.role == "" {
			if role, at := x.roleBefore(r.i, from > r.i && x.isTitle(x.words[from-1])); role != "" {
				c.role, c.roleStart, c.evidence = role, at, true
			}
		}
		if c.role == "" {
			if role, at := x.appositive(r.j - 1); role != "" {
				c.role, c.roleStart, c.evidence = role, at, true
			}
		}
		if c.role == "" {
			if role, at := x.clauseBefore(r.i); role != "" {
				c.role, c.roleStart, c.evidence = role, at, true
			}
		}
		if !c.evidence {
			if r.j < len(x.words) && x.isVerb(x.words[r.j]) && gapSpace(x.text, x.words[r.j-1], x.words[r.j]) {
				c.evidence = true
			}
			if r.i > 0 && x.isVerb(x.words[r.i-1]) && gapSpace(x.text, x.words[r.i-1], x.words[r.i]) {
				c.evidence = true
			}
		}
		out = append(out, c)
	}
	return out
}

// lowerAfterHyphen reports a compound such as "Taliban-led" or
// "Kabul-based": a hyphen followed by a lower-case letter (particles such
// as "al-Sharra" excepted).
func lowerAfterHyphen(w string) bool {
	for i, r := range w {
		if r != '-' && r != '‐' {
			continue
		}
		if particles[strings.ToLower(w[:i])] {
			continue
		}
		_, n := utf8.DecodeRuneInString(w[i:])
		next, _ := utf8.DecodeRuneInString(w[i+n:])
		if unicode.IsLower(next) {
			return true
		}
	}
	return false
}

// contraction reports "i've", "we're", "don't".
func contraction(lower string) bool {
	for _, suf := range []string{"'ve", "’ve", "'re", "’re", "'ll", "’ll", "'d", "’d", "'m", "’m", "n't", "n’t"} {
		if strings.HasSuffix(lower, suf) {
			return true
		}
	}
	return false
}

// expandRole grows a role phrase backwards from the role noun at index k
// over modifiers and capitalised words joined by spaces; it returns the
// index of the phrase's first word.
func (x *extractor) expandRole(k int) int {
	s := k
	for s > 0 {
		p := x.words[s-1]
		if !gapSpace(x.text, p, x.words[s]) || p.is(classStop|classVerb) {
			break
		}
		if p.is(classModifier) || (p.cap && !x.isTitle(p)) {
			s--
			continue
		}
		if ok := isRole(p); ok {
			s--
			continue
		}
		break
	}
	return s
}

// roleBefore finds a role phrase just before the name starting at word
// i: "lawyer Alexander Molokhov", "the Taliban envoy Jamal Nasir Garwal",
// "scholars of world history Dr Bennett".
//
// The complement form ("scholars of world history") is accepted only
// before a title, and only with lower-case words that are not stopwords.
func (x *extractor) roleBefore(i int, titled bool) (string, int) {
	if i == 0 {
		return "", -1
	}
	// Walk back over at most six words joined by spaces.
	lo := i
	for lo > 0 && i-lo < 6 && gapSpace(x.text, x.words[lo-1], x.words[lo]) {
		lo--
	}
	for k := i - 1; k >= lo; k-- {
		if ok := isRole(x.words[k]); !ok {
			continue
		}
		// Words between the role noun and the name: nothing, or a
		// complement ("of world history").
		if k < i-1 {
			if !titled || !x.words[k+1].is(classComplement) {
				continue
			}
			ok := true
			for _, w := range x.words[k+2 : i] {
				if w.cap || w.is(classStop) {
					ok = false
				}
			}
			if !ok {
				continue
			}
		}
		s := x.expandRole(k)
		end := x.words[i-1].end
		if x.isTitle(x.words[i-1]) && i-1 > k {
			end = x.words[i-2].end
		}
		return x.text[x.words[s].start:end], x.words[s].start
	}
	return "", -1
}

// appositive finds a role phrase after the name ending at word e:
// "Richard Bernett, UN Special Rapporteur for Afghanistan,".
func (x *extractor) appositive(e int) (string, int) {
	k := e + 1
	if k >= len(x.words) || !gapComma(x.text, x.words[e], x.words[k]) {
		return "", -1
	}
	if x.words[k].is(classArticle) {
		k++
	}
	first := k
	last := -1
	found := false
	for ; k < len(x.words) && k-first < 10; k++ {
		w := x.words[k]
		if k > first && !gapSpace(x.text, x.words[k-1], w) {
			break
		}
		if w.is(classVerb | classRelative) {
			break
		}
		if found && w.is(classConjunction) {
			break
		}
		if ok := isRole(w); ok {
			found = true
			// "Trevor McDonald, actor Hugh Grant": a list of people.
			if k+1 < len(x.words) && x.words[k+1].cap && !x.words[k+1].is(classStop) && gapSpace(x.text, w, x.words[k+1]) {
				return "", -1
			}
		}
		last = k
	}
	if !found || last < first {
		return "", -1
	}
	return x.text[x.words[first].start:x.words[last].end], x.words[first].start
}

// clauseBefore finds a role phrase in the clause that ends with a comma
// just before the name: "the group’s supreme leader, Hibatullah
// Akhundzada", "Founding member of … (AWJM), Maria".
func (x *extractor) clauseBefore(i int) (string, int) {
	if i == 0 {
		return "", -1
	}
	if g := strings.TrimSpace(x.text[x.words[i-1].end:x.words[i].start]); g != "," && g != ")," {
		return "", -1
	}
	end := i - 1
	for k := end; k >= 0 && end-k < 10; k-- {
		if k < end {
			g := x.text[x.words[k].end:x.words[k+1].start]
			if strings.ContainsAny(g, ".!?;:,\n\r\"“”") {
				break
			}
		}
		if ok := isRole(x.words[k]); ok {
			if end-k > 6 {
				break
			}
			s := x.expandRole(k)
			e := x.words[end].end
			if strings.HasPrefix(x.text[e:], ")") {
				e++
			}
			return x.text[x.words[s].start:e], x.words[s].start
		}
	}
	return "", -1
}
