package jsonreport

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// The long lists of a report (sources, quotes, people, matches,
// findings) are written by the encoders below straight into the output
// buffer, indented as they stand: the same bytes as encoding/json's
// compact encoding (without HTML escaping) run through indent, without
// reflection, without the compact copy and without a second pass. The
// field order, the names, omitempty and the nil-or-empty rules follow
// the struct tags of audit/result; TestDirectIsEncodingJSON holds them
// to encoding/json element by element.

// appendDirectRange appends the elements v[from:to] of a top-level list,
// each after its separator (",\n    ", the first "\n    "), when the
// list's element type has a direct encoder; ok is false otherwise, and
// dst is then unchanged.
func appendDirectRange(dst []byte, list any, from, to int) (out []byte, ok bool) {
	switch l := list.(type) {
	case []result.Source:
		return appendElements(dst, l[from:to], from, appendSource), true
	case []result.Quote:
		return appendElements(dst, l[from:to], from, appendQuote), true
	case []result.Person:
		return appendElements(dst, l[from:to], from, appendPerson), true
	case []result.Match:
		for i := from; i < to; i++ {
			if !finiteMatch(&l[i]) {
				// encoding/json's error for a NaN or an infinity.
				return dst, false
			}
		}
		return appendElements(dst, l[from:to], from, appendMatch), true
	case []result.Finding:
		return appendElements(dst, l[from:to], from, appendFinding), true
	case []result.Skipped:
		return appendElements(dst, l[from:to], from, appendSkipped), true
	}
	return dst, false
}

// elementDepth is the depth of an element of a top-level list.
const elementDepth = 2

// appendElements appends xs, the elements of a top-level list from index
// first on, each after its separator.
func appendElements[T any](dst []byte, xs []T, first int, each func([]byte, *T, int) []byte) []byte {
	for i := range xs {
		if first+i > 0 {
			dst = append(dst, ',')
		}
		dst = newline(dst, elementDepth)
		dst = each(dst, &xs[i], elementDepth)
	}
	return dst
}

// breaks is a line break followed by enough indentation for any depth
// of the report.
const breaks = "\n                                                                "

// newline appends a line break and the indentation of depth (two spaces
// a level).
func newline(dst []byte, depth int) []byte {
	return append(dst, breaks[:1+2*depth]...)
}

// object writes the members of one JSON object at a depth.
type object struct {
	depth   int
	members int
}

// open appends the object's "{".
func (o *object) open(dst []byte, depth int) []byte {
	*o = object{depth: depth}
	return append(dst, '{')
}

// key appends the separator and the name of the next member, ready for
// its value; name is a plain field name (no character to escape).
func (o *object) key(dst []byte, name string) []byte {
	if o.members > 0 {
		dst = append(dst, ',')
	}
	o.members++
	dst = newline(dst, o.depth+1)
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, '"', ':', ' ')
}

// str appends a string member.
func (o *object) str(dst []byte, name, v string) []byte {
	return appendString(o.key(dst, name), v)
}

// strOmitEmpty appends a string member tagged omitempty: nothing when v
// is "".
func (o *object) strOmitEmpty(dst []byte, name, v string) []byte {
	if v == "" {
		return dst
	}
	return o.str(dst, name, v)
}

// int appends an integer member.
func (o *object) int(dst []byte, name string, v int) []byte {
	return strconv.AppendInt(o.key(dst, name), int64(v), 10)
}

// bool appends a boolean member.
func (o *object) bool(dst []byte, name string, v bool) []byte {
	return strconv.AppendBool(o.key(dst, name), v)
}

// lineColumn appends the members "line" and "column".
func (o *object) lineColumn(dst []byte, line, column int) []byte {
	dst = o.int(dst, "line", line)
	return o.int(dst, "column", column)
}

// close appends the object's "}".
func (o *object) close(dst []byte) []byte {
	if o.members > 0 {
		dst = newline(dst, o.depth)
	}
	return append(dst, '}')
}

// appendList appends xs as a JSON array at depth: null when nil, as
// encoding/json writes a nil slice.
func appendList[T any](dst []byte, xs []T, depth int, each func([]byte, *T, int) []byte) []byte {
	if xs == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = newline(dst, depth+1)
		dst = each(dst, &xs[i], depth+1)
	}
	if len(xs) > 0 {
		dst = newline(dst, depth)
	}
	return append(dst, ']')
}

func appendStringElement(dst []byte, s *string, _ int) []byte { return appendString(dst, *s) }

// appendStrings appends a list of strings at depth.
func appendStrings(dst []byte, ss []string, depth int) []byte {
	return appendList(dst, ss, depth, appendStringElement)
}

// hexDigits are the digits of \u escapes.
const hexDigits = "0123456789abcdef"

// plainByte tells the bytes a JSON string holds as they are: ASCII but
// control characters, '"' and '\\'.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendString appends s as a JSON string exactly as encoding/json
// writes it without HTML escaping: \" \\ \b \f \n \r \t, other control
// bytes as \u00XX, U+2028 and U+2029 as \u2028 and \u2029, and each byte
// of invalid UTF-8 as \ufffd.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if plainByte[b] {
			i++
			continue
		}
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendFloat appends a finite float64 as encoding/json does: like %g,
// but with ES6's exponent cut-offs and no zero padding of the exponent.
func appendFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		if n := len(dst); n-start >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// finiteMatch reports whether every similarity of m can be written.
func finiteMatch(m *result.Match) bool {
	if !finite(m.Similarity) {
		return false
	}
	for i := range m.Members {
		if !finite(m.Members[i].Similarity) {
			return false
		}
	}
	return true
}

func appendSource(dst []byte, s *result.Source, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "id", s.ID)
	dst = o.str(dst, "path", s.Path)
	dst = o.str(dst, "format", s.Format)
	dst = o.str(dst, "encoding", s.Encoding)
	dst = o.str(dst, "title", s.Title)
	dst = o.str(dst, "byline", s.Byline)
	dates := s.Dates
	if dates == nil {
		dates = []result.Date{} // other tools iterate it: [] rather than null
	}
	dst = appendList(o.key(dst, "dates"), dates, depth+1, appendDate)
	dst = o.int(dst, "words", s.Words)
	dst = o.int(dst, "paragraphs", s.Paragraphs)
	dst = o.int(dst, "quotes", s.Quotes)
	if len(s.Notes) > 0 {
		dst = appendStrings(o.key(dst, "notes"), s.Notes, depth+1)
	}
	return o.close(dst)
}

func appendDate(dst []byte, d *result.Date, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "text", d.Text)
	dst = o.strOmitEmpty(dst, "iso", d.ISO)
	dst = o.lineColumn(dst, d.Line, d.Column)
	return o.close(dst)
}

// appendStringPair appends an object of two string members.
func appendStringPair(dst []byte, depth int, name1, v1, name2, v2 string) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, name1, v1)
	dst = o.str(dst, name2, v2)
	return o.close(dst)
}

func appendSkipped(dst []byte, s *result.Skipped, depth int) []byte {
	return appendStringPair(dst, depth, "path", s.Path, "reason", s.Reason)
}

func appendQuote(dst []byte, q *result.Quote, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "id", q.ID)
	dst = o.str(dst, "source", q.Source)
	dst = o.int(dst, "start", q.Start)
	dst = o.int(dst, "end", q.End)
	dst = o.lineColumn(dst, q.Line, q.Column)
	dst = o.str(dst, "text", q.Text)
	dst = o.str(dst, "open_mark", q.OpenMark)
	dst = o.str(dst, "close_mark", q.CloseMark)
	dst = o.bool(dst, "unclosed", q.Unclosed)
	dst = o.bool(dst, "mismatched", q.Mismatched)
	dst = o.bool(dst, "fragment", q.Fragment)
	dst = o.str(dst, "continues", q.Continues)
	dst = appendSpeaker(o.key(dst, "speaker"), &q.Speaker, depth+1)
	dst = o.str(dst, "verb", q.Verb)
	dst = o.str(dst, "via", q.Via)
	dst = o.str(dst, "match", q.Match)
	if len(q.Insertions) > 0 {
		dst = appendStrings(o.key(dst, "insertions"), q.Insertions, depth+1)
	}
	if q.Ellipses != 0 {
		dst = o.int(dst, "ellipses", q.Ellipses)
	}
	dst = o.int(dst, "paragraph", q.Paragraph)
	return o.close(dst)
}

func appendSpeaker(dst []byte, s *result.Speaker, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "mention", s.Mention)
	dst = o.str(dst, "name", s.Name)
	dst = o.str(dst, "role", s.Role)
	dst = o.str(dst, "kind", s.Kind)
	dst = o.str(dst, "person", s.Person)
	if len(s.Candidates) > 0 {
		dst = appendStrings(o.key(dst, "candidates"), s.Candidates, depth+1)
	}
	if s.Line != 0 {
		dst = o.int(dst, "line", s.Line)
	}
	if s.Column != 0 {
		dst = o.int(dst, "column", s.Column)
	}
	return o.close(dst)
}

func appendPerson(dst []byte, p *result.Person, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "id", p.ID)
	dst = o.str(dst, "name", p.Name)
	dst = o.bool(dst, "roster", p.Roster)
	dst = appendList(o.key(dst, "variants"), p.Variants, depth+1, appendVariant)
	dst = appendList(o.key(dst, "roles"), p.Roles, depth+1, appendRole)
	dst = o.int(dst, "quotes", p.Quotes)
	if len(p.Similar) > 0 {
		dst = appendList(o.key(dst, "similar"), p.Similar, depth+1, appendSimilar)
	}
	return o.close(dst)
}

func appendVariant(dst []byte, v *result.Variant, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "text", v.Text)
	dst = o.int(dst, "count", v.Count)
	dst = appendStrings(o.key(dst, "sources"), v.Sources, depth+1)
	if len(v.Places) > 0 {
		dst = appendList(o.key(dst, "places"), v.Places, depth+1, appendPlace)
	}
	return o.close(dst)
}

func appendPlace(dst []byte, p *result.Place, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "source", p.Source)
	dst = o.lineColumn(dst, p.Line, p.Column)
	return o.close(dst)
}

func appendRole(dst []byte, r *result.Role, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "text", r.Text)
	dst = o.str(dst, "source", r.Source)
	dst = o.lineColumn(dst, r.Line, r.Column)
	return o.close(dst)
}

func appendSimilar(dst []byte, s *result.Similar, depth int) []byte {
	return appendStringPair(dst, depth, "person", s.Person, "reason", s.Reason)
}

// appendMatch appends a match whose similarities are finite (finiteMatch).
func appendMatch(dst []byte, m *result.Match, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "id", m.ID)
	dst = o.str(dst, "kind", m.Kind)
	dst = appendStrings(o.key(dst, "quotes"), m.Quotes, depth+1)
	dst = appendStrings(o.key(dst, "sources"), m.Sources, depth+1)
	dst = appendFloat(o.key(dst, "similarity"), m.Similarity)
	dst = appendList(o.key(dst, "diff"), m.Diff, depth+1, appendDiffOp)
	dst = o.bool(dst, "speakers_agree", m.SpeakersAgree)
	dst = o.strOmitEmpty(dst, "earliest", m.Earliest)
	dst = appendList(o.key(dst, "members"), m.Members, depth+1, appendMember)
	dst = o.str(dst, "text", m.Text)
	return o.close(dst)
}

// measuredChunk returns where a chunk of xs starting at from ends,
// about chunkBytes of JSON or one element, and the bytes it takes, as
// measured by size.
func measuredChunk[T any](xs []T, from int, size func(*T) int) (to, bytes int) {
	for to = from; to < len(xs) && (to == from || bytes < chunkBytes) && to-from < maxChunkElements; to++ {
		bytes += size(&xs[to])
	}
	return to, bytes
}

// personBytes is about the size of p's JSON, a little more: its
// strings, and for each spelling, place, role and similar person the
// keys and indentation around them.
func personBytes(p *result.Person) int {
	n := 300 + len(p.ID) + len(p.Name)
	for i := range p.Variants {
		v := &p.Variants[i]
		n += 200 + len(v.Text)
		for _, s := range v.Sources {
			n += 16 + len(s)
		}
		for j := range v.Places {
			n += 120 + len(v.Places[j].Source)
		}
	}
	for i := range p.Roles {
		n += 160 + len(p.Roles[i].Text) + len(p.Roles[i].Source)
	}
	for i := range p.Similar {
		n += 120 + len(p.Similar[i].Person) + len(p.Similar[i].Reason)
	}
	return n
}

// matchBytes is about the size of m's JSON, a little more: its strings,
// and for each member and difference the keys and indentation around
// them. (Escapes can make it more: the buffer then grows.)
func matchBytes(m *result.Match) int {
	n := 400 + len(m.ID) + len(m.Kind) + len(m.Earliest) + len(m.Text) + diffBytes(m.Diff)
	for _, q := range m.Quotes {
		n += 16 + len(q)
	}
	for _, s := range m.Sources {
		n += 16 + len(s)
	}
	for i := range m.Members {
		mm := &m.Members[i]
		n += 200 + len(mm.Quote) + len(mm.Source) + len(mm.Text) + diffBytes(mm.Diff)
	}
	return n
}

// diffBytes is about the size of the JSON of ops, a little more.
func diffBytes(ops []result.DiffOp) int {
	n := 0
	for i := range ops {
		n += 100 + len(ops[i].Op) + len(ops[i].Old) + len(ops[i].New)
	}
	return n
}

func appendMember(dst []byte, m *result.MatchMember, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "quote", m.Quote)
	dst = o.str(dst, "source", m.Source)
	dst = o.str(dst, "text", m.Text)
	dst = appendFloat(o.key(dst, "similarity"), m.Similarity)
	dst = appendList(o.key(dst, "diff"), m.Diff, depth+1, appendDiffOp)
	return o.close(dst)
}

func appendDiffOp(dst []byte, d *result.DiffOp, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "op", d.Op)
	dst = o.strOmitEmpty(dst, "old", d.Old)
	dst = o.strOmitEmpty(dst, "new", d.New)
	return o.close(dst)
}

func appendFinding(dst []byte, f *result.Finding, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "id", f.ID)
	dst = o.str(dst, "check", f.Check)
	dst = o.str(dst, "severity", string(f.Severity))
	dst = o.str(dst, "source", f.Source)
	dst = o.str(dst, "path", f.Path)
	dst = o.lineColumn(dst, f.Line, f.Column)
	dst = o.str(dst, "quote", f.Quote)
	dst = o.str(dst, "evidence", f.Evidence)
	dst = o.str(dst, "message", f.Message)
	dst = o.str(dst, "suggestion", f.Suggestion)
	related := f.Related
	if related == nil {
		related = []result.Related{} // other tools iterate it: [] rather than null
	}
	dst = appendList(o.key(dst, "related"), related, depth+1, appendRelated)
	dst = o.bool(dst, "ignored", f.Ignored)
	dst = o.strOmitEmpty(dst, "ignore_reason", f.IgnoreReason)
	return o.close(dst)
}

func appendRelated(dst []byte, r *result.Related, depth int) []byte {
	var o object
	dst = o.open(dst, depth)
	dst = o.str(dst, "source", r.Source)
	dst = o.str(dst, "path", r.Path)
	dst = o.lineColumn(dst, r.Line, r.Column)
	dst = o.str(dst, "message", r.Message)
	return o.close(dst)
}
