package text

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestCleanRemovesEscapesAndInvisibleControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain “quote” – fine":          "plain “quote” – fine",
		"red \x1b[31mALERT\x1b[0m":      "red [31mALERT[0m",
		"title \x1b]0;pwned\x07 done":   "title ]0;pwned done",
		"rtl \u202Egnp.exe":             "rtl gnp.exe",
		"zero\u200bwidth":               "zerowidth",
		"two\nlines\tand\rreturns":      "two lines and returns",
		"combining e\u0301 and emoji 🙂": "combining e\u0301 and emoji 🙂",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLineForm(t *testing.T) {
	f := &result.Finding{Check: "loaded-verb", Severity: result.Warning, Path: "a/b.txt", Line: 3, Column: 14, Message: "“claimed” casts doubt"}
	if got, want := Line(f), "a/b.txt:3:14: warning loaded-verb: “claimed” casts doubt"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	f.Ignored, f.IgnoreReason = true, "house style"
	if got := Line(f); !strings.HasSuffix(got, "(ignored: house style)") {
		t.Errorf("ignored finding line %q", got)
	}
	corpus := &result.Finding{Check: "unused-ignore", Severity: result.Warning, Message: "m"}
	if got := Line(corpus); !strings.HasPrefix(got, "(corpus): ") {
		t.Errorf("corpus-wide finding line %q", got)
	}
}

func TestWriteHidesIgnoredAndFilters(t *testing.T) {
	r := &result.Result{
		Stats: result.Stats{Sources: 1, Quotations: 2, Attributed: 1, Errors: 1, Infos: 1, Ignored: 1},
		Findings: []result.Finding{
			{Check: "unattributed-quote", Severity: result.Error, Path: "a.txt", Line: 1, Column: 1, Message: "no speaker", Evidence: "We will \x1b[2Jwin", Related: []result.Related{{Path: "b.txt", Line: 2, Column: 3, Message: "same quote"}}},
			{Check: "loaded-verb", Severity: result.Warning, Path: "a.txt", Line: 2, Column: 1, Message: "claimed", Ignored: true, IgnoreReason: "ok"},
			{Check: "shared-quote", Severity: result.Info, Path: "a.txt", Line: 3, Column: 1, Message: "shared"},
		},
		Skipped: []result.Skipped{{Path: "x.pdf", Reason: "unsupported format .pdf"}},
	}
	var b bytes.Buffer
	if err := Write(&b, r, Options{Evidence: true, MinSeverity: result.Warning}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"1 source, 2 quotations, 1 attributed; 1 error to review before publishing", "a.txt:1:1: error unattributed-quote: no speaker", "\tWe will [2Jwin", "\tsee b.txt:2:3: same quote", "x.pdf: skipped: unsupported format .pdf"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"loaded-verb", "shared-quote", "\x1b"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("output contains %q:\n%s", unwanted, out)
		}
	}
}

// TestUnsafeASCII checks unsafe's ASCII answers against the Unicode rule.
func TestUnsafeASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		if got, want := unsafe(r), unicode.IsControl(r) || unicode.Is(unicode.Cf, r); got != want {
			t.Errorf("unsafe(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestLineAsConcatenation: Line, which appends its pieces to one buffer,
// gives what joining its cleaned pieces gives, for paths and messages
// with control characters, a path that cleans to nothing and missing
// positions.
func TestLineAsConcatenation(t *testing.T) {
	for _, path := range []string{"", "a/b.txt", "\x1b", "dir\u202e/x\n.txt"} {
		for _, pos := range [][2]int{{0, 0}, {3, 0}, {3, 14}, {0, 9}} {
			for _, ignored := range []bool{false, true} {
				f := &result.Finding{Check: "c", Severity: result.Info, Path: path, Line: pos[0], Column: pos[1],
					Message: "m\x1b[1m\tx", Ignored: ignored, IgnoreReason: "why\x07"}
				where := ""
				switch cp := Clean(path); {
				case path == "":
				case pos[0] <= 0:
					where = cp
				case pos[1] <= 0:
					where = cp + ":" + strconv.Itoa(pos[0])
				default:
					where = cp + ":" + strconv.Itoa(pos[0]) + ":" + strconv.Itoa(pos[1])
				}
				if where == "" {
					where = "(corpus)"
				}
				want := where + ": info c: " + Clean(f.Message)
				if ignored {
					want += " (ignored: " + Clean(f.IgnoreReason) + ")"
				}
				if got := Line(f); got != want {
					t.Errorf("Line(%q, %v, ignored %v) = %q, want %q", path, pos, ignored, got, want)
				}
			}
		}
	}
}
