// Package text writes quoteaudit's plain-text report: a one-paragraph
// verdict, then one line per finding in the compiler-style form
// `path:line:col: severity check: message` that editors and editors'
// tools (vim, VS Code, CI annotations) can jump to.
//
// Article text is untrusted: control characters, including terminal
// escape sequences, are removed before anything is printed.
package text

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Options shape the text report.
type Options struct {
	// Evidence adds an indented line with the quoted evidence and one per
	// related place under each finding.
	Evidence bool
	// ShowIgnored lists ignored findings too (marked "ignored").
	ShowIgnored bool
	// MinSeverity leaves out findings below it ("" keeps all).
	MinSeverity result.Severity
}

// Write writes the verdict and the findings of r.
func Write(w io.Writer, r *result.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, Clean(r.Verdict()))
	if len(r.Findings) > 0 {
		fmt.Fprintln(bw)
	}
	var line []byte // reused: a line a finding, written without garbage
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Ignored && !opts.ShowIgnored {
			continue
		}
		if f.Severity.Rank() < opts.MinSeverity.Rank() {
			continue
		}
		line = append(appendLine(line[:0], f), '\n')
		bw.Write(line)
		if opts.Evidence {
			if f.Evidence != "" {
				fmt.Fprintf(bw, "\t%s\n", Excerpt(f.Evidence, 160))
			}
			if f.Suggestion != "" {
				fmt.Fprintf(bw, "\tsuggestion: %s\n", Clean(f.Suggestion))
			}
			for _, rel := range f.Related {
				fmt.Fprintf(bw, "\tsee %s: %s\n", place(rel.Path, rel.Line, rel.Column), Clean(rel.Message))
			}
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(bw, "%s: skipped: %s\n", Clean(s.Path), Clean(s.Reason))
	}
	for _, fl := range r.Failures {
		fmt.Fprintf(bw, "internal error in %s: %s\n", Clean(fl.Stage), Clean(firstLine(fl.Reason)))
	}
	return bw.Flush()
}

// Line is a finding in the form `path:line:col: severity check: message`.
func Line(f *result.Finding) string { return string(appendLine(nil, f)) }

// appendLine appends Line(f) to dst.
func appendLine(dst []byte, f *result.Finding) []byte {
	start := len(dst)
	if dst = appendPlace(dst, f.Path, f.Line, f.Column); len(dst) == start {
		dst = append(dst, "(corpus)"...) // no path, or one of control characters alone
	}
	dst = append(dst, ": "...)
	dst = append(dst, f.Severity...)
	dst = append(dst, ' ')
	dst = append(dst, f.Check...)
	dst = append(dst, ": "...)
	dst = appendClean(dst, f.Message)
	if f.Ignored {
		dst = append(dst, " (ignored: "...)
		dst = appendClean(dst, f.IgnoreReason)
		dst = append(dst, ')')
	}
	return dst
}

func place(path string, line, col int) string {
	return string(appendPlace(nil, path, line, col))
}

// appendPlace appends `path:line:col`, `path:line` or `path` (nothing
// for no path), as the positions known allow.
func appendPlace(dst []byte, path string, line, col int) []byte {
	if path == "" {
		return dst
	}
	dst = appendClean(dst, path)
	if line <= 0 {
		return dst
	}
	dst = strconv.AppendInt(append(dst, ':'), int64(line), 10)
	if col <= 0 {
		return dst
	}
	return strconv.AppendInt(append(dst, ':'), int64(col), 10)
}

// Clean removes control and format characters (escape sequences,
// bidirectional overrides, zero-width characters) and folds line breaks
// and tabs to spaces, so that article text cannot act on a terminal.
func Clean(s string) string {
	clean := true
	for _, r := range s {
		if unsafe(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unsafe(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// appendClean appends Clean(s) to dst.
func appendClean(dst []byte, s string) []byte {
	for _, r := range s {
		if unsafe(r) {
			return append(dst, Clean(s)...)
		}
	}
	return append(dst, s...)
}

func unsafe(r rune) bool {
	if r < utf8.RuneSelf { // ASCII has control characters but no format ones
		return r < 0x20 || r == 0x7F
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// Excerpt is s cleaned and cut to at most n characters, with an ellipsis
// when cut.
func Excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(Clean(s)), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
