package rules

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Error is one problem in a rule file, placed at the line and column of
// the offending key or value.
type Error struct {
	// File is the rule file's path as given (the bundled defaults are
	// "(bundled) rules/default.yaml").
	File string
	// Line and Col are 1-based; 0 when the problem concerns the whole
	// file (it cannot be read, or it is too large).
	Line, Col int
	// Message says what is wrong, in plain lower-case words.
	Message string
	// SourceLine is the text of line Line, without its line break.
	SourceLine string
	// Hint suggests a fix ("did you mean `aliases`?"); may be empty.
	Hint string

	err error // underlying cause, for errors.Is/As (file read errors)
}

// Error returns "file:line:col: message" ("file: message" when the
// problem has no position).
func (e *Error) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.err }

// Errors is every problem found in the rule files of one load, in file
// order and, within a file, by line and column.
type Errors struct {
	List []*Error
}

// Error joins every error, one a line.
func (e *Errors) Error() string {
	if e == nil || len(e.List) == 0 {
		return "no rule file errors"
	}
	parts := make([]string, len(e.List))
	for i, x := range e.List {
		parts[i] = x.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the individual errors.
func (e *Errors) Unwrap() []error {
	out := make([]error, len(e.List))
	for i, x := range e.List {
		out[i] = x
	}
	return out
}

// Format writes the errors for a terminal: "file:line:col: message", then
// the offending line with a caret under the column, then the hint.
func (e *Errors) Format(w io.Writer) {
	if e == nil {
		return
	}
	var b strings.Builder
	for _, x := range e.List {
		b.WriteString(x.Error())
		b.WriteByte('\n')
		if x.Line > 0 && x.SourceLine != "" {
			line, col := window(x.SourceLine, x.Col)
			b.WriteString("    ")
			b.WriteString(line)
			b.WriteByte('\n')
			b.WriteString("    ")
			b.WriteString(caretPad(line, col))
			b.WriteString("^\n")
		}
		if x.Hint != "" {
			b.WriteString("hint: ")
			b.WriteString(x.Hint)
			b.WriteByte('\n')
		}
	}
	_, _ = io.WriteString(w, b.String())
}

// caretPad returns the blank run that puts a caret under column col
// (1-based, in characters) of line: tabs are kept so that the caret lines
// up whatever the terminal's tab width.
func caretPad(line string, col int) string {
	var b strings.Builder
	for i := 1; i < col && line != ""; i++ {
		r, size := utf8.DecodeRuneInString(line)
		line = line[size:]
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// maxShown is the most characters of a source line Format shows.
const maxShown = 120

// window cuts a long line to about maxShown characters around column col,
// marking the cuts with an ellipsis, and returns the column in the cut.
func window(line string, col int) (string, int) {
	r := []rune(line)
	if len(r) <= maxShown {
		return line, col
	}
	start := col - 1 - maxShown/2
	if start < 0 {
		start = 0
	}
	end := start + maxShown
	if end > len(r) {
		end, start = len(r), max(0, len(r)-maxShown)
	}
	out := string(r[start:end])
	col -= start
	if start > 0 {
		out = "…" + out
		col++
	}
	if end < len(r) {
		out += "…"
	}
	return out, col
}
