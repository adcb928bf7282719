package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// want is one expectation line of a fixture's .want file.
type want struct {
	line    int
	prefix  string
	speaker string
	flags   map[string]string
}

func readWant(t *testing.T, path string) []want {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("opening expectations: %v", err)
	}
	defer f.Close()
	var ws []want
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) < 2 {
			t.Fatalf("%s:%d: want `prefix | speaker | flags`", path, n)
		}
		w := want{line: n, prefix: strings.TrimSpace(parts[0]), speaker: strings.TrimSpace(parts[1]), flags: map[string]string{}}
		if len(parts) == 3 {
			for _, fl := range strings.Split(parts[2], ";") {
				fl = strings.TrimSpace(fl)
				if fl == "" {
					continue
				}
				k, v, _ := strings.Cut(fl, "=")
				w.flags[k] = v
			}
		}
		ws = append(ws, w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestFixtures checks every quote of the fixture articles in
// testdata/quotes against its expectations: text, speaker, marks, flags.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	lx := testLexicon(t)
	for _, file := range files {
		name := trimID(filepath.Base(file))
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ws := readWant(t, strings.TrimSuffix(file, ".txt")+".want")
			qs := Extract(newDoc(name, string(data)), lx)
			for i := 0; i < len(ws) || i < len(qs); i++ {
				switch {
				case i >= len(qs):
					t.Errorf("want line %d: missing quote %q", ws[i].line, ws[i].prefix)
					continue
				case i >= len(ws):
					t.Errorf("unexpected quote %s %q", qs[i].ID, qs[i].Text)
					continue
				}
				checkQuote(t, ws[i], qs[i], qs)
			}
		})
	}
}

func checkQuote(t *testing.T, w want, q result.Quote, all []result.Quote) {
	t.Helper()
	at := "line " + strconv.Itoa(w.line) + " (" + q.ID + ")"
	if !strings.HasPrefix(q.Text, w.prefix) {
		t.Errorf("%s: text %q, want prefix %q", at, q.Text, w.prefix)
		return
	}
	if got := speakerLabel(q.Speaker); got != w.speaker {
		t.Errorf("%s %q: speaker %q (mention %q), want %q", at, w.prefix, got, q.Speaker.Mention, w.speaker)
	}
	boolFlag := func(name string, got bool) {
		if _, ok := w.flags[name]; ok != got {
			t.Errorf("%s %q: %s = %v, want %v", at, w.prefix, name, got, ok)
		}
	}
	boolFlag("fragment", q.Fragment)
	boolFlag("unclosed", q.Unclosed)
	boolFlag("mismatched", q.Mismatched)
	wantCont := ""
	if c, ok := w.flags["cont"]; ok {
		n, err := strconv.Atoi(c)
		if err != nil || n < 1 || n > len(all) {
			t.Fatalf("%s: bad cont=%q", at, c)
		}
		wantCont = all[n-1].ID
	}
	if q.Continues != wantCont {
		t.Errorf("%s %q: continues %q, want %q", at, w.prefix, q.Continues, wantCont)
	}
	str := map[string]string{
		"via": q.Via, "verb": q.Verb, "role": q.Speaker.Role, "mention": q.Speaker.Mention,
		"open": q.OpenMark, "close": q.CloseMark, "ins": strings.Join(q.Insertions, "|"),
		"ell": strconv.Itoa(q.Ellipses),
	}
	for k, v := range w.flags {
		switch k {
		case "fragment", "unclosed", "mismatched", "cont":
			continue
		}
		got, ok := str[k]
		if !ok {
			t.Fatalf("%s: unknown flag %q", at, k)
		}
		if got != v {
			t.Errorf("%s %q: %s = %q, want %q", at, w.prefix, k, got, v)
		}
	}
}

// One Extractor reused over every fixture, longest first and then again,
// gives what a fresh extraction gives: nothing of one document's buffers
// leaks into the next.
func TestExtractorReuse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "quotes", "*.txt"))
	if len(files) < 2 {
		t.Fatal("no fixtures")
	}
	lx := testLexicon(t)
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	slices.SortFunc(files, func(a, b string) int { return len(texts[b]) - len(texts[a]) })
	x := NewExtractor(lx)
	for _, f := range append(files, files...) {
		got := x.Extract(newDoc("d", texts[f]))
		if want := Extract(newDoc("d", texts[f]), lx); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: a reused Extractor differs from a fresh one", filepath.Base(f))
		}
	}
}

// An Extractor does not keep, for the rest of the run, the buffers one
// huge document grew: past their bounds they are dropped, and the next
// document is still extracted as a fresh Extractor would.
func TestExtractorDropsHugeBuffers(t *testing.T) {
	lx := testLexicon(t)
	var b strings.Builder
	for i := range maxKeptItems + 10 {
		fmt.Fprintf(&b, "“Line %d,” Maria Ivanova said.\n\n", i)
	}
	x := NewExtractor(lx)
	if qs := x.Extract(newDoc("huge", b.String())); len(qs) <= maxKeptItems {
		t.Fatalf("the huge document gave %d quotes, want more than %d", len(qs), maxKeptItems)
	}
	if cap(x.paras) > maxKeptItems || cap(x.spans) > maxKeptItems || cap(x.marks) > maxKeptItems ||
		cap(x.qtoks) > maxKeptItems || cap(x.tokens) > maxKeptTokens || cap(x.lower) > maxKeptBytes {
		t.Errorf("kept paras %d, spans %d, marks %d, quote tokens %d, tokens %d, lower %d",
			cap(x.paras), cap(x.spans), cap(x.marks), cap(x.qtoks), cap(x.tokens), cap(x.lower))
	}
	small := "“Yes,” said Maria Ivanova. “Of course.”"
	if got, want := x.Extract(newDoc("s", small)), Extract(newDoc("s", small), lx); !reflect.DeepEqual(got, want) {
		t.Errorf("after the huge document: %+v, want %+v", got, want)
	}
}
