package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// maxCellUnits is how many UTF-16 units of text one cell holds before the
// writer cuts it with a visible note (Excel's limit is 32,767).
const maxCellUnits = 32000

// excerptRunes caps the Excerpt column of the Findings sheet: the full
// quotation is on the Quotes sheet.
const excerptRunes = 400

// cellText makes s safe for one cell: text longer than a cell can hold is
// cut at a rune boundary with a note saying how long the original was.
// The formula guard needs nothing here: every string is written as an
// inline or shared string, never as a formula.
func cellText(s string) string {
	if len(s) <= maxCellUnits/2 { // at most 2 UTF-16 units a byte... cheap fast path
		return s
	}
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > maxCellUnits {
			return s[:i] + fmt.Sprintf(" … [cut: %d characters in all; see quoteaudit.json]", utf8.RuneCountInString(s))
		}
	}
	return s
}

// excerpt shortens s to about n runes at a word boundary, marking the cut.
func excerpt(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := len(s), 0
	for i := range s {
		if count == n {
			cut = i
			break
		}
		count++
	}
	head := s[:cut]
	if sp := strings.LastIndexAny(head, " \n\t"); sp > len(head)/2 {
		head = head[:sp]
	}
	return strings.TrimRight(head, " \n\t") + " …"
}

// speakerName is the speaker as a reader should see it: the resolved name,
// else the mention as written.
func speakerName(s result.Speaker) string {
	if s.Name != "" {
		return s.Name
	}
	return s.Mention
}

// related renders a finding's secondary positions, one a line: each
// "path:line:column message" (the source when there is no path) with
// white space at either end trimmed. The lines are appended to one
// buffer: a finding may have hundreds.
func related(rel []result.Related) string {
	var b []byte
	for i, r := range rel {
		if i > 0 {
			b = append(b, '\n')
		}
		p := r.Path
		if p == "" {
			p = r.Source
		}
		start := len(b)
		b = append(b, p...)
		b = strconv.AppendInt(append(b, ':'), int64(r.Line), 10)
		b = strconv.AppendInt(append(b, ':'), int64(r.Column), 10)
		b = append(append(b, ' '), r.Message...)
		b = append(b[:start], bytes.TrimSpace(b[start:])...)
	}
	return string(b)
}

// equalKeep is how many words of an unchanged run are kept on each side
// of a "…" when the run is long.
const equalKeep = 4

// diffText renders word-level operations as wdiff does: deleted words as
// [-old-], inserted words as {+new+}, a replacement as both. Long unchanged
// runs are shortened around "…". No changes gives "".
func diffText(ops []result.DiffOp) string {
	changed := false
	for _, op := range ops {
		if op.Op != result.OpEqual {
			changed = true
			break
		}
	}
	if !changed {
		return ""
	}
	parts := make([]string, 0, len(ops))
	for i, op := range ops {
		switch op.Op {
		case result.OpEqual:
			w := strings.Fields(op.Old)
			if len(w) == 0 {
				w = strings.Fields(op.New)
			}
			if len(w) > 2*equalKeep+1 {
				var keep []string
				if i > 0 {
					keep = append(keep, w[:equalKeep]...)
				}
				keep = append(keep, "…")
				if i < len(ops)-1 {
					keep = append(keep, w[len(w)-equalKeep:]...)
				}
				w = keep
			}
			parts = append(parts, strings.Join(w, " "))
		case result.OpDelete:
			parts = append(parts, "[-"+op.Old+"-]")
		case result.OpInsert:
			parts = append(parts, "{+"+op.New+"+}")
		default: // replace, or an unknown op shown as a replacement
			parts = append(parts, "[-"+op.Old+"-] {+"+op.New+"+}")
		}
	}
	return strings.Join(parts, " ")
}

// variants renders a person's spellings: "Vladamir Putin ×1 (S1); Vladimir Putin ×2 (S4)".
func variants(vs []result.Variant) string {
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		s := fmt.Sprintf("%s ×%d", v.Text, v.Count)
		if len(v.Sources) > 0 {
			s += " (" + strings.Join(v.Sources, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// roles renders roles with their source: "President (S4); Foreign Minister (S2)".
func roles(rs []result.Role) string {
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.Source != "" {
			parts = append(parts, r.Text+" ("+r.Source+")")
		} else {
			parts = append(parts, r.Text)
		}
	}
	return strings.Join(parts, "; ")
}

// textWidth estimates the display width of s in Excel's character units:
// the longest line, one unit a rune.
func textWidth(s string) int {
	w := 0
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return max(w, utf8.RuneCountInString(s))
		}
		w = max(w, utf8.RuneCountInString(s[:i]))
		s = s[i+1:]
	}
}

// lineHeight is the height in points of one line of 11-point text, and
// maxRowHeight Excel's limit for a row.
const (
	lineHeight   = 15.0
	maxRowHeight = 409.0
)

// wrappedLines estimates how many lines s takes when wrapped in a column
// of the given width.
func wrappedLines(s string, width float64) int {
	if s == "" {
		return 1
	}
	per := max(width-1, 1)
	lines := func(line string) int {
		if float64(len(line))*1.1 <= per { // no more runes than bytes: one line
			return 1
		}
		return max(1, int(math.Ceil(float64(utf8.RuneCountInString(line))*1.1/per)))
	}
	n := 0
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return n + lines(s)
		}
		n += lines(s[:i])
		s = s[i+1:]
	}
}
