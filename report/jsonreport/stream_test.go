package jsonreport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

// wholeDocument is what Write wrote before it streamed: encoding/json's
// indented encoding of the whole filled result.
func wholeDocument(t *testing.T, r *result.Result) []byte {
	t.Helper()
	out := *r
	fill(&out)
	// and the nested lists other tools iterate, in copies
	out.Sources = slices.Clone(out.Sources)
	for i := range out.Sources {
		if out.Sources[i].Dates == nil {
			out.Sources[i].Dates = []result.Date{}
		}
	}
	out.Findings = slices.Clone(out.Findings)
	for i := range out.Findings {
		if out.Findings[i].Related == nil {
			out.Findings[i].Related = []result.Related{}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStreamedIsWholeDocument: the streamed output is byte for byte the
// whole-document encoding, for a full, an empty and a failed result.
func TestStreamedIsWholeDocument(t *testing.T) {
	failed := sample.Result()
	failed.Failures = []result.Failure{{Stage: "check x", Reason: "internal error: <boom> & \"quotes\""}}
	// Long lists are encoded in chunks on several goroutines: a result
	// with thousands of quotes and findings, on four of them.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	long := sample.Result()
	for i := 0; len(long.Quotes) < 5*maxChunkElements+7; i++ {
		q := long.Quotes[i%len(sample.Result().Quotes)]
		q.ID = fmt.Sprintf("S9-Q%d", i)
		long.Quotes = append(long.Quotes, q)
		f := long.Findings[i%len(sample.Result().Findings)]
		f.ID = fmt.Sprintf("F-%d", i)
		long.Findings = append(long.Findings, f)
	}
	for name, r := range map[string]*result.Result{
		"sample": sample.Result(),
		"empty":  {SchemaVersion: 1, GeneratedAt: time.Unix(0, 0).UTC()},
		"failed": failed,
		"long":   long,
	} {
		var got bytes.Buffer
		if err := Write(&got, r); err != nil {
			t.Fatal(err)
		}
		if want := wholeDocument(t, r); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: streamed JSON differs from the whole-document encoding:\n got %q\nwant %q", name, got.Bytes(), want)
		}
	}
}

// indent gives json.Indent's bytes for compact JSON as encoding/json
// writes it, strings with escapes and brackets included.
func TestIndentIsJSONIndent(t *testing.T) {
	values := []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{[]any{}, map[string]any{"x": nil}}},
		[]any{"[{\",\"}]", "\\", "\\\"", "a\u2028b", "<&>", 1.5, -2, true, false, nil},
		map[string]any{"k:,{}[]\"": "v:,{}[]\"", "é🌍": []any{map[string]any{"x": []any{1, 2}}}},
		sampleResult(),
	}
	for _, v := range values {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, compact, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := indent(nil, compact, prefix, "  "); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("indent(%.60q, %q):\n got %q\nwant %q", compact, prefix, got, want.Bytes())
			}
		}
	}
}

func sampleResult() *result.Result { return sample.Result() }

// failingWriter fails once it has taken limit bytes.
type failingWriter struct{ limit int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, errDiskFull
	}
	w.limit -= len(p)
	return len(p), nil
}

var errDiskFull = errors.New("disk full")

// A writer that fails in the middle of a long list: Write returns its
// error (and does not hang waiting on its encoders).
func TestWriteErrorInLongList(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	r := sample.Result()
	for len(r.Quotes) < 20*maxChunkElements {
		r.Quotes = append(r.Quotes, r.Quotes...)
	}
	for _, limit := range []int{0, 1 << 10, 300 << 10, 2 << 20} {
		if err := Write(&failingWriter{limit: limit}, r); !errors.Is(err, errDiskFull) {
			t.Errorf("limit %d: error %v, want %v", limit, err, errDiskFull)
		}
	}
}

// TestChunkBuffersFollowTheirList: a list of large elements (matches
// quoted in many sources) must not make every later chunk start as large.
// When chunk buffers were sized by the largest chunk of any list, the
// findings below asked for about 40 × 10 MB; sized by their own list
// they take a few MB.
func TestChunkBuffersFollowTheirList(t *testing.T) {
	long := strings.Repeat("a quotation printed in source after source ", 500) // ~22 KB
	r := &result.Result{}
	for i := range maxChunkElements {
		r.Matches = append(r.Matches, result.Match{ID: fmt.Sprintf("M%d", i+1), Kind: result.MatchExact, Text: long})
	}
	for i := range 40 * maxChunkElements {
		r.Findings = append(r.Findings, result.Finding{ID: fmt.Sprintf("F-%010d", i), Check: "missing-date", Message: "No date."})
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := Write(io.Discard, r); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 100<<20 {
		t.Errorf("writing %d matches of 22 KB and %d small findings allocated %d MB", len(r.Matches), len(r.Findings), got>>20)
	}
}

// TestWriteAllocatesLittle: the chunk buffers are reused, so writing a
// report allocates a few megabytes however long it is; when every chunk
// had a buffer of its own, writing allocated about as much as it wrote.
func TestWriteAllocatesLittle(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	r := &result.Result{}
	msg := strings.Repeat("A finding's message of some length. ", 10)
	for i := range 100_000 {
		r.Findings = append(r.Findings, result.Finding{ID: fmt.Sprintf("F-%010d", i), Check: "missing-date", Message: msg})
	}
	var out countingWriter
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := Write(&out, r); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 || out.n < 50<<20 {
		t.Errorf("writing %d MB of JSON allocated %d MB", out.n>>20, got>>20)
	}
}

// countingWriter counts and discards what it is given.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// TestListsInChunksOfMixedSizes: match groups and people of very
// different sizes (a pair to a thousand members, one place to a
// thousand), cut into chunks by their measured size, come out as the
// whole-document encoding; and matchBytes and personBytes are no less
// than their JSON, escapes aside, so that a chunk's buffer need not grow.
func TestListsInChunksOfMixedSizes(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	r := sample.Result()
	matches, people := r.Matches, r.People
	for i := range 300 {
		n := 1 << (i * 5 % 11)
		m := matches[i%len(matches)]
		m.ID = fmt.Sprintf("M-%d", i)
		m.Members = nil
		for k := range n {
			mm := matches[i%len(matches)].Members[k%len(matches[i%len(matches)].Members)]
			mm.Quote = fmt.Sprintf("S%d-Q%d", k, i)
			m.Members = append(m.Members, mm)
		}
		r.Matches = append(r.Matches, m)
		if enc := appendMatch(nil, &m, elementDepth); len(enc) > matchBytes(&m) {
			t.Errorf("group of %d members: %d bytes of JSON, estimated %d", n, len(enc), matchBytes(&m))
		}
		p := people[i%len(people)]
		p.ID = fmt.Sprintf("P-%d", i)
		p.Variants = slices.Clone(p.Variants)
		for k := range p.Variants {
			v := &p.Variants[k]
			v.Sources, v.Places = nil, nil
			for j := range n {
				v.Sources = append(v.Sources, fmt.Sprintf("S%d", j))
				v.Places = append(v.Places, result.Place{Source: fmt.Sprintf("S%d", j), Line: j, Column: 3})
			}
		}
		r.People = append(r.People, p)
		if enc := appendPerson(nil, &p, elementDepth); len(enc) > personBytes(&p) {
			t.Errorf("person with %d places a spelling: %d bytes of JSON, estimated %d", n, len(enc), personBytes(&p))
		}
	}
	var got bytes.Buffer
	if err := Write(&got, r); err != nil {
		t.Fatal(err)
	}
	if want := wholeDocument(t, r); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("streamed JSON of %d groups and %d people differs from the whole-document encoding", len(r.Matches), len(r.People))
	}
}

// BenchmarkWriteMatchGroups writes match groups of very different sizes,
// from a pair to a famous line quoted in thousands of sources (a few
// megabytes of JSON), in no order, as real archives mix them: what the
// chunk buffers cost when elements are far from the size of their
// neighbours.
func BenchmarkWriteMatchGroups(b *testing.B) {
	text := strings.Repeat("a line quoted again and again ", 6)
	r := &result.Result{}
	for i := range 400 {
		n := 2 << (i * 7 % 12) // 2 to 4,096 members
		m := result.Match{ID: fmt.Sprintf("M%d", i+1), Kind: result.MatchNear, Text: text}
		for k := range n {
			id := fmt.Sprintf("S%d-Q%d", k, i)
			m.Quotes = append(m.Quotes, id)
			m.Members = append(m.Members, result.MatchMember{Quote: id, Source: fmt.Sprintf("S%d", k), Text: text, Similarity: 0.9,
				Diff: []result.DiffOp{{Op: result.OpEqual, Old: text}, {Op: result.OpReplace, Old: "again", New: "anew"}}})
		}
		r.Matches = append(r.Matches, m)
	}
	var out countingWriter
	if err := Write(&out, r); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(out.n))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
