package quote

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// FuzzExtract checks the invariants of Extract on arbitrary text: no
// panic; offsets inside the text; Text is the slice it claims; quotes
// sorted and never overlapping; IDs sequential; Continues points to an
// earlier quote; positions agree with the document; kinds are valid; a
// fragment is never attributed; the result is deterministic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“We don’t know,” she said.",
		"He wrote ‘we agree” and left.",
		`"One. "Two. "Three."`,
		"“First.\n“Second.\n“Third.”",
		"Maria Ivanova said “Crazy” she began. Then “more”.",
		"``a'' «b» „c“ ‹d› ‚e‘",
		"rock ’n’ roll, the ’90s, students' union, doesn't",
		"\"\"\"\"'''“”“”‘’",
		"Mr Smith, the chairman, said: \"Fine.\"\r\n\r\n\"Next,\" he added, \"end.\"",
		"\xff\xfe“broken \xc3 bytes”",
		"(AWJM), , Maria Lee said “yes” — Dr. J. Smith, of Acme, , told BBC: “no”",
	} {
		f.Add(s)
	}
	lx := testLexicon(f)
	// reused holds the buffers of every earlier input: extracting with it
	// must give what a fresh extraction gives.
	reused := NewExtractor(lx)
	var mu sync.Mutex
	f.Fuzz(func(t *testing.T, text string) {
		d := newDoc("f", text)
		qs := Extract(d, lx)
		mu.Lock()
		again := reused.Extract(newDoc("f", text))
		mu.Unlock()
		if !reflect.DeepEqual(qs, again) {
			t.Fatalf("not deterministic (or a reused Extractor differs) on %q", text)
		}
		ids := map[string]int{}
		prevEnd := -1
		for i, q := range qs {
			if q.ID != "f-Q"+itoa(i+1) || q.Source != "f" {
				t.Fatalf("quote %d: id %q source %q", i, q.ID, q.Source)
			}
			if q.Start < 0 || q.Start > q.End || q.End > len(text) {
				t.Fatalf("%s: bad span %d:%d of %d", q.ID, q.Start, q.End, len(text))
			}
			if q.Text != text[q.Start:q.End] {
				t.Fatalf("%s: text %q is not text[%d:%d]", q.ID, q.Text, q.Start, q.End)
			}
			if q.Start < prevEnd {
				t.Fatalf("%s overlaps or is out of order (start %d < previous end %d)", q.ID, q.Start, prevEnd)
			}
			prevEnd = q.End
			if q.Continues != "" {
				j, ok := ids[q.Continues]
				if !ok || j >= i {
					t.Fatalf("%s continues %q, not an earlier quote", q.ID, q.Continues)
				}
			}
			ids[q.ID] = i
			if l, c := d.Position(q.Start); l != q.Line || c != q.Column {
				t.Fatalf("%s: position %d:%d, document says %d:%d", q.ID, q.Line, q.Column, l, c)
			}
			if q.Paragraph < 1 || q.Paragraph > len(d.Paragraphs) {
				t.Fatalf("%s: paragraph %d of %d", q.ID, q.Paragraph, len(d.Paragraphs))
			}
			switch q.Speaker.Kind {
			case result.KindPerson, result.KindOrganization, result.KindAnonymous, result.KindUnknown:
			default:
				t.Fatalf("%s: speaker kind %q", q.ID, q.Speaker.Kind)
			}
			if q.Fragment && q.Speaker.Known() {
				t.Fatalf("%s: a fragment with a speaker", q.ID)
			}
			if q.Speaker.Kind == result.KindUnknown && q.Speaker.Name != "" {
				t.Fatalf("%s: unknown speaker with name %q", q.ID, q.Speaker.Name)
			}
			if strings.TrimSpace(q.Text) != q.Text || q.Text == "" {
				t.Fatalf("%s: text %q not trimmed or empty", q.ID, q.Text)
			}
		}
	})
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// BenchmarkExtract extracts the quotes of every article of the BBC corpus
// (../shared/corpus/bbc-news); ns/op is per article.
func BenchmarkExtract(b *testing.B) {
	dir := shared(b, "corpus", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no corpus")
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	lx := testLexicon(b)
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(newDoc("b", texts[i%len(texts)]), lx)
	}
}
