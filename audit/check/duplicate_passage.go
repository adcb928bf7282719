package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// duplicatePassage reports paragraphs printed twice in one source.
func duplicatePassage() *Check {
	return &Check{
		Slug:  "duplicate-passage",
		Title: "paragraph printed twice in one source",
		Doc: "A paragraph of body text that appears twice in the same source, compared " +
			"word for word (case, punctuation and spacing ignored). Consecutive repeated " +
			"paragraphs are reported as one finding (“paragraphs 12–22 repeat paragraphs " +
			"2–12”), placed at the repeat and pointing at the original. Headings and " +
			"titles are not passages: a paragraph under 8 words, or under 20 words " +
			"without sentence-ending punctuation, is only reported inside a run of " +
			"repeated body paragraphs. Repeated quotations count (the paragraph is " +
			"compared as a whole). Example: a scraped page that prints its whole body " +
			"twice → duplicate-passage.",
		Severity: result.Warning,
		Run:      runDuplicatePassage,
		Early:    true,
	}
}

func runDuplicatePassage(pass *Pass) {
	// Each source on its own, side by side, reported in order.
	ids := sortedSourceIDs(pass.Result, pass.Docs)
	reportInOrder(pass, len(ids), func(i int) []result.Finding {
		doc := pass.Docs[ids[i]]
		var fs []result.Finding
		for _, run := range duplicateRuns(doc) {
			fs = append(fs, duplicateFinding(doc, run))
		}
		return fs
	})
}

// dupRun is a run of n consecutive paragraphs starting at index at that
// repeat the paragraphs starting at index of.
type dupRun struct{ at, of, n int }

// duplicateRuns finds the repeated runs of paragraphs of doc, in order.
func duplicateRuns(doc *source.Document) []dupRun {
	if !mayRepeatParagraph(doc) {
		return nil
	}
	norm := make([]string, len(doc.Paragraphs))
	body := make([]bool, len(doc.Paragraphs))
	firstAt := map[string]int{}
	for i, sp := range doc.Paragraphs {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
			continue
		}
		text := doc.Text[sp.Start:sp.End]
		norm[i] = normalizeWords(text)
		body[i] = isBodyParagraph(text, norm[i])
		if _, ok := firstAt[norm[i]]; !ok && norm[i] != "" {
			firstAt[norm[i]] = i
		}
	}
	var runs []dupRun
	done := 0 // paragraphs before done belong to a reported run
	for i := 0; i < len(norm); i++ {
		j, ok := firstAt[norm[i]]
		if !ok || j >= i || !body[i] {
			continue
		}
		// Take in repeated headings just before the first repeated body
		// paragraph.
		start, of := i, j
		for start-1 >= done && of-1 >= 0 && norm[start-1] != "" && norm[start-1] == norm[of-1] && !body[start-1] {
			start, of = start-1, of-1
		}
		// Extend while the paragraphs keep repeating in order.
		end := i + 1
		for end < len(norm) && norm[end] != "" && norm[end] == norm[of+end-start] {
			end++
		}
		// A run ends on a body paragraph.
		for end-1 > i && !body[end-1] {
			end--
		}
		runs = append(runs, dupRun{at: start, of: of, n: end - start})
		done = end
		i = end - 1
	}
	return runs
}

// mayRepeatParagraph reports whether two paragraphs of doc with words may
// be the same word for word. It reads each paragraph once, without
// splitting it into words: normalizeWords keeps exactly the letters and
// digits of a text, in lower case, so paragraphs equal word for word have
// the same hash of their lower-case letters and digits. The hashes are
// sorted in place of a set: an article has tens of paragraphs, and no map
// is made for each.
func mayRepeatParagraph(doc *source.Document) bool {
	var arr [64]uint64
	hashes := arr[:0]
	for _, sp := range doc.Paragraphs {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
			continue
		}
		if h, ok := letterDigitHash(doc.Text[sp.Start:sp.End]); ok {
			hashes = append(hashes, h)
		}
	}
	slices.Sort(hashes)
	for i := 1; i < len(hashes); i++ {
		if hashes[i] == hashes[i-1] {
			return true
		}
	}
	return false
}

// letterDigitByte gives each ASCII letter and digit its lower case, every
// other ASCII byte 0, and every byte of a multi-byte rune (or not UTF-8)
// utf8.RuneSelf: letterDigitHash's one look-up a byte.
var letterDigitByte = func() (t [256]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c+'A'-'a'] = c, c
	}
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = utf8.RuneSelf
	}
	return t
}()

// letterDigitHash is the FNV-1a hash of the letters and digits of text in
// lower case (as runes), and whether there is any.
func letterDigitHash(text string) (h uint64, found bool) {
	h = 14695981039346656037
	for i := 0; i < len(text); i++ {
		f := letterDigitByte[text[i]]
		if f == 0 {
			continue
		}
		if f < utf8.RuneSelf {
			h, found = (h^uint64(f))*1099511628211, true
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n - 1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h, found = (h^uint64(unicode.ToLower(r)))*1099511628211, true
		}
	}
	return h, found
}

// isBodyParagraph tells a passage from a heading or title.
func isBodyParagraph(text, norm string) bool {
	words := strings.Count(norm, " ") + 1
	if norm == "" || words < 8 {
		return false
	}
	if words >= 20 {
		return true
	}
	t := strings.TrimRight(strings.TrimSpace(text), "\"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

func duplicateFinding(doc *source.Document, run dupRun) result.Finding {
	at := doc.Paragraphs[run.at]
	of := doc.Paragraphs[run.of]
	last := doc.Paragraphs[run.at+run.n-1]
	line, col := doc.Position(at.Start)
	oline, ocol := doc.Position(of.Start)
	var msg string
	if run.n == 1 {
		msg = fmt.Sprintf("Paragraph %d repeats paragraph %d word for word.", run.at+1, run.of+1)
	} else {
		msg = fmt.Sprintf("Paragraphs %d–%d repeat paragraphs %d–%d word for word.",
			run.at+1, run.at+run.n, run.of+1, run.of+run.n)
	}
	return result.Finding{
		Source: doc.Meta.ID, Line: line, Column: col,
		Evidence:   textExcerpt(doc.Text[at.Start:last.End], 200),
		Message:    msg,
		Suggestion: "Delete the repeat (it is often a copy-and-paste or scraping error).",
		Related: []result.Related{{
			Source: doc.Meta.ID, Line: oline, Column: ocol,
			Message: fmt.Sprintf("first printed here (paragraph %d)", run.of+1),
		}},
	}
}
