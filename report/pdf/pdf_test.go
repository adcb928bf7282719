package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

// hardResult is the shared sample plus text that has broken PDF writers:
// control characters, an emoji in a message, a very long unbroken URL,
// a Hebrew and an Arabic message, and a check with more findings than
// MaxPerCheck.
func hardResult() *result.Result {
	r := sample.Result()
	url := "https://example.org/" + strings.Repeat("averyveryverylongpathsegment/", 12) + "end"
	r.Findings = append(r.Findings,
		result.Finding{ID: "ctl0000000000001", Check: "loaded-verb", Severity: result.Warning, Source: "S1",
			Path: "articles/embassy-moscow.txt", Line: 40, Column: 3,
			Evidence: "bell\x07 escape\x1b[31m red nul\x00 end", Message: "control characters\tin\r\nthe message",
			Suggestion: "see " + url},
		result.Finding{ID: "emo0000000000002", Check: "loaded-verb", Severity: result.Warning, Source: "S3",
			Path: "articles/kabul-reaction-кабул.html", Line: 12, Column: 1,
			Evidence: "🌍🚀 world", Message: "emoji 🎉 in the message", Suggestion: "said"},
		result.Finding{ID: "rtl0000000000003", Check: "name-variant", Severity: result.Info, Source: "S3",
			Path: "articles/kabul-reaction-кабул.html", Line: 14, Column: 2,
			Evidence: "سنبقى هنا", Message: "Arabic: سنبقى هنا and Hebrew: שלום עולם in one line", Suggestion: ""},
	)
	sample.Finish(r)
	return r
}

func render(t testing.TB, r *result.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestWriteIsDeterministic(t *testing.T) {
	// gofpdf keeps fonts in a map: without catalogue sorting about one
	// write in six came out in another order, so write several times.
	a := render(t, hardResult(), Options{})
	for i := 0; i < 8; i++ {
		if b := render(t, hardResult(), Options{}); !bytes.Equal(a, b) {
			t.Fatalf("write %d of the same result differs from the first (%d and %d bytes)", i+2, len(a), len(b))
		}
	}
	// the dates come from the result, not the clock.
	if !bytes.Contains(a, []byte("D:20250709143000")) {
		t.Errorf("creation date of the PDF is not the run's time 2025-07-09 14:30:00")
	}
	// another run time gives other bytes.
	r := hardResult()
	r.GeneratedAt = r.GeneratedAt.Add(24 * time.Hour)
	if c := render(t, r, Options{}); bytes.Equal(a, c) {
		t.Errorf("a different run time gave the same bytes")
	}
}

func TestWriteConcurrentlyIsDeterministic(t *testing.T) {
	want := render(t, sample.Result(), Options{})
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := sample.Result()
			if i%2 == 1 {
				r.GeneratedAt = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
			}
			got[i] = render(t, r, Options{})
		}(i)
	}
	wg.Wait()
	for i := 0; i < len(got); i += 2 {
		if !bytes.Equal(got[i], want) {
			t.Errorf("write %d run alongside others differs from a lone write", i)
		}
	}
	if !bytes.Contains(got[1], []byte("D:20300102030405")) {
		t.Errorf("concurrent write 1 lost its own creation date")
	}
}

func TestWriteRejectsNil(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Fatal("Write(nil) returned no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriterError(t *testing.T) {
	err := Write(failWriter{}, sample.Result(), Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the writer's error wrapped", err)
	}
}

func TestWriteEmptyResult(t *testing.T) {
	data := render(t, &result.Result{}, Options{})
	if n := pageCount(data); n < 5 || n > 6 {
		t.Errorf("empty result: %d pages, want 5 (one per section)", n)
	}
}

var pageRe = regexp.MustCompile(`/Type /Page\b[^s]`)

func pageCount(data []byte) int { return len(pageRe.FindAll(data, -1)) }

// pdfText extracts the text of data with pdftotext, NFKC-normalised (the
// PDF holds Arabic presentation forms), bidi marks dropped and white
// space collapsed. It skips the test when pdftotext is not installed.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	s := norm.NFKC.String(string(out))
	s = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r == 0x200E || r == 0x200F {
			return -1
		}
		return r
	}, s)
	return s
}

// words collapses white space; expectations go through NFKC like the
// extracted text ("…" becomes "...").
func words(s string) string { return strings.Join(strings.Fields(norm.NFKC.String(s)), " ") }

// bodyText drops the running head and foot so that text continued over a
// page break reads on.
func bodyText(s string, r *result.Result) string {
	var keep []string
	foot := regexp.MustCompile(`page \d+ of \d+$`)
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == clean(r.Title) || strings.HasPrefix(l, "run ") || foot.MatchString(l) {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, " ")
}

func TestHardTextSurvives(t *testing.T) {
	r := hardResult()
	data := render(t, r, Options{})
	if n := pageCount(data); n < 8 || n > 40 {
		t.Errorf("%d pages: want between 8 and 40 for the sample", n)
	}
	text := pdfText(t, data)
	body := words(bodyText(text, r))

	// the 3,000-word quotation, every word in order, across pages.
	long := words(sample.LongQuote())
	if !strings.Contains(body, long) {
		lw := strings.Fields(long)
		for i := 50; i <= len(lw); i += 50 {
			if !strings.Contains(body, strings.Join(lw[:i], " ")) {
				t.Fatalf("the long quotation is cut: its first %d words are not in the PDF text in order", i)
			}
		}
		t.Fatalf("the long quotation (%d words) is not in the PDF text in order", len(lw))
	}

	flat := words(text)
	for _, f := range r.Findings {
		if f.Ignored {
			continue
		}
		if !strings.Contains(flat, f.ID) {
			t.Errorf("finding ID %s missing", f.ID)
		}
		if f.ID == "rtl0000000000003" {
			continue // checked word by word below
		}
		if msg := words(clean(f.Message)); !strings.Contains(flat, msg) {
			t.Errorf("finding %s: message %q missing", f.ID, msg)
		}
	}
	for _, want := range []string{
		"Мы не забыты", "министр иностранных дел", "Zoë Ramírez", "José Núñez", // Cyrillic, accents
		"سنبقى", "هنا", "שלום", "עולם", // Arabic and Hebrew, in logical order once extracted
		"emoji \uFFFD in the message", // the emoji replaced, the rest kept
		"bell escape[31m red nul end", // control characters stripped
		"averyveryverylongpathsegment",
	} {
		if !strings.Contains(flat, words(want)) {
			t.Errorf("%q missing from the PDF text", want)
		}
	}
	// the long URL wraps inside the page: no extracted line is wider than
	// a line of body text can be.
	for _, l := range strings.Split(text, "\n") {
		if n := len([]rune(l)); n > 160 {
			t.Errorf("a line of %d characters: long strings do not wrap: %.80q", n, l)
		}
	}
	for _, sec := range []string{"Verdict", "Findings by severity", "Findings by check", "Most serious findings",
		"Findings", "Quotations across sources", "People and names", "Appendix", "Ignored findings", "Rule files", "Limitations of this PDF"} {
		if !strings.Contains(flat, sec) {
			t.Errorf("section %q missing", sec)
		}
	}
	if !strings.Contains(flat, words(r.Verdict())) {
		t.Errorf("verdict %q missing", r.Verdict())
	}
	if !regexp.MustCompile(`page 1 of \d+`).MatchString(text) {
		t.Errorf("no 'page 1 of N' footer")
	}
}

func TestLargeAuditIsCapped(t *testing.T) {
	r := sample.Large(300)
	data := render(t, r, Options{MaxPerCheck: 20})
	if n := pageCount(data); n < 10 || n > 120 {
		t.Errorf("%d pages for 300 sources capped at 20 per check: want 10..120", n)
	}
	flat := words(pdfText(t, data))
	// 300 findings per check, 20 shown.
	if c := strings.Count(flat, words("… and 280 more findings of this check")); c != 4 {
		t.Errorf("found the 280-more note %d times, want once per check (4)", c)
	}
	if !strings.Contains(flat, words("… and 130 more groups of this kind")) {
		t.Errorf("match groups not capped: 150 exact groups, 20 shown")
	}
	if !strings.Contains(flat, words("… and 70 more people")) {
		t.Errorf("people not capped at 4×20")
	}
	if !strings.Contains(flat, words("… and 220 more sources")) || strings.Contains(flat, "S81 ") || !strings.Contains(flat, "S80 ") {
		t.Errorf("the appendix's sources not capped at 4×20 (S1…S80 listed, 220 more)")
	}
	if !strings.Contains(flat, words("at most 80 people and 80 sources")) {
		t.Errorf("the limitations do not name the cap on people and sources")
	}
}

func TestIgnoredFindingsListed(t *testing.T) {
	r := sample.Result()
	flat := words(pdfText(t, render(t, r, Options{})))
	for _, f := range r.Findings {
		if !f.Ignored {
			continue
		}
		if !strings.Contains(flat, f.ID) || !strings.Contains(flat, words(f.IgnoreReason)) {
			t.Errorf("ignored finding %s or its reason %q missing", f.ID, f.IgnoreReason)
		}
	}
}

func BenchmarkWriteLarge(b *testing.B) {
	r := sample.Large(1000)
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, r, Options{}); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n), "pdf-bytes")
}

func ExampleWrite() {
	var buf bytes.Buffer
	if err := Write(&buf, sample.Result(), Options{Title: "Desk audit"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(buf.Bytes()[:5]))
	// Output: %PDF-
}

func TestSummaryIsOnePage(t *testing.T) {
	r := hardResult()
	pages := strings.Split(pdfText(t, render(t, r, Options{})), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	p1, p2 := words(pages[0]), words(pages[1])
	for _, want := range []string{"Verdict", "What was audited", "Findings by severity", "Findings by check", "Most serious findings", "see Findings below", "page 1 of"} {
		if !strings.Contains(p1, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	if !strings.Contains(p2, "Findings Errors") {
		t.Errorf("page 2 does not open the findings: %.200q", p2)
	}
}
