// Package jsonreport writes quoteaudit.json, the machine-readable report
// other tools read (schema_version 1). The same result gives a
// byte-identical file.
package jsonreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Write encodes r as indented JSON. Slices are written as [] rather than
// null so that readers can iterate without checks.
//
// The output is the same, byte for byte, as encoding/json's indented
// encoding of the whole value, but it is streamed: each top-level field,
// and each element of a top-level list, is encoded on its own into a
// small reused buffer and written out, so memory does not grow with the
// size of the report (a json.Encoder holds the whole document twice:
// encoded, then indented).
func Write(w io.Writer, r *result.Result) error {
	out := *r
	fill(&out)
	bw := bufio.NewWriterSize(w, 256<<10)
	s := &streamer{w: bw, elementEncoder: newElementEncoder(), free: make(chan []byte, freeChunks())}
	v := reflect.ValueOf(&out).Elem()
	t := v.Type()
	bw.WriteString("{")
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, omitEmpty, omitZero, ok := jsonName(f)
		if !ok {
			continue
		}
		fv := v.Field(i)
		if omitEmpty && isEmptyValue(fv) || omitZero && fv.IsZero() {
			continue
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n  ")
		s.writeKey(name)
		if err := s.writeValue(fv); err != nil {
			return err
		}
	}
	if !first {
		bw.WriteString("\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// streamer writes values at depth one of the document.
type streamer struct {
	w *bufio.Writer
	*elementEncoder
	// free holds chunk buffers once written, for the next chunks of
	// every list: a report is written with a handful of buffers whatever
	// its size.
	free chan []byte
}

// A long list is written in chunks of consecutive elements of about
// chunkBytes of output each: a chunk takes as many elements as the last
// chunk of its list suggests (between 1 and maxChunkElements; the first
// takes firstChunkElements), but match groups and people, which range
// from a pair to a line quoted in thousands of sources, are measured
// beforehand (measuredChunk). A chunk takes a kept buffer with room for its expected
// size and a quarter, or a new one, and a buffer past maxChunkKept is
// not kept for reuse. With at most chunksInFlight chunks per CPU under
// way, the writer holds a few megabytes of output at a time (a few
// largest groups' worth at most) and allocates hardly anything once its
// buffers are made: on 100,000 articles a chunk of a fixed 512 elements
// could reach hundreds of megabytes, and buffers allocated for every
// chunk (1.6 GB in all, grown by doubling) kept the collector busy; and
// groups of mixed sizes sized by their neighbours grew a buffer for
// every large one (BenchmarkWriteMatchGroups: 1 GB allocated for 200 MB
// of JSON, 65 MB now).
const (
	chunkBytes         = 256 << 10
	firstChunkElements = 16
	maxChunkElements   = 512
	maxChunkKept       = 8 << 20
	chunksInFlight     = 2
)

// freeChunks is how many written chunk buffers the streamer keeps for
// reuse: enough for every chunk that can be under way.
func freeChunks() int { return (chunksInFlight+1)*runtime.GOMAXPROCS(0) + 1 }

// buffer returns an empty chunk buffer.
func (s *streamer) buffer(want int) []byte {
	select {
	case b := <-s.free:
		if cap(b) >= want {
			return b[:0]
		}
		// Too small: growing it would copy what the chunk holds at each
		// doubling.
	default:
	}
	return make([]byte, 0, max(want, chunkBytes+chunkBytes/4))
}

// recycle keeps a written chunk buffer for the next chunks.
func (s *streamer) recycle(b []byte) {
	if cap(b) > maxChunkKept {
		return
	}
	select {
	case s.free <- b[:0]:
	default:
	}
}

// elementEncoder encodes one value at a time, indented, into buffers it
// reuses.
type elementEncoder struct {
	buf bytes.Buffer // an element, compact
	ind []byte       // the element, indented
	enc *json.Encoder
}

func newElementEncoder() *elementEncoder {
	e := new(elementEncoder)
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

func (s *streamer) writeKey(name string) {
	key, _ := json.Marshal(name)
	s.w.Write(key)
	s.w.WriteString(": ")
}

// writeValue writes a top-level field's value: a non-empty slice element
// by element, anything else at once.
func (s *streamer) writeValue(v reflect.Value) error {
	if v.Kind() != reflect.Slice || v.Len() == 0 || v.Type().Elem().Kind() == reflect.Uint8 {
		b, err := s.encode(nil, v, "  ")
		if err != nil {
			return err
		}
		_, err = s.w.Write(b)
		return err
	}
	s.w.WriteString("[")
	if err := s.writeElements(v); err != nil {
		return err
	}
	s.w.WriteString("\n  ]")
	return nil
}

// chunk is a run of consecutive elements of a list, encoded by a worker
// and written by writeElements.
type chunk struct {
	from, to int
	b        []byte
	err      error
	problem  any // a panic in the encoder, raised again by writeElements
	done     chan struct{}
}

// writeElements writes the elements of a non-empty list, each after
// ",\n    " (the first after "\n    "). The list is cut into chunks (see
// chunkBytes) encoded on every CPU and written in order: the same bytes
// as one encoder, in about half the time on two cores. The lists of the
// result's own types are written by their direct encoders
// (appendDirectRange), the others through encoding/json and indent.
func (s *streamer) writeElements(v reflect.Value) error {
	n := v.Len()
	list := v.Interface()
	workers := max(1, runtime.GOMAXPROCS(0))
	todo := make(chan *chunk)
	// queued holds the chunks handed out, in order; its capacity bounds
	// the chunks under way.
	queued := make(chan *chunk, chunksInFlight*workers)
	quit := make(chan struct{})
	var perElement atomic.Int64 // output bytes an element in the last chunk written
	var wg sync.WaitGroup
	defer func() {
		close(quit)
		wg.Wait()
	}()
	for range workers {
		wg.Go(func() {
			var e *elementEncoder // for lists without a direct encoder
			for c := range todo {
				s.encodeChunk(c, list, v, &e)
			}
		})
	}
	wg.Go(func() {
		defer close(todo)
		defer close(queued)
		for from := 0; from < n; {
			size, want := firstChunkElements, 0
			if per := perElement.Load(); per > 0 {
				size = int(min(max(chunkBytes/per, 1), maxChunkElements))
				want = int(per) * size
			}
			to := min(from+size, n)
			// A group's size, and a person's, is known beforehand, and
			// they range from a pair to a line quoted in thousands of
			// sources, from one spelling to a name spelt in thousands.
			switch xs := list.(type) {
			case []result.Match:
				to, want = measuredChunk(xs, from, matchBytes)
			case []result.Person:
				to, want = measuredChunk(xs, from, personBytes)
			}
			c := &chunk{from: from, to: to, b: s.buffer(want + want/4), done: make(chan struct{})}
			from = c.to
			select {
			case queued <- c:
			case <-quit:
				return
			}
			select {
			case todo <- c:
			case <-quit:
				return
			}
		}
	})
	for c := range queued {
		<-c.done
		if c.problem != nil {
			panic(c.problem)
		}
		err := c.err
		if err == nil {
			_, err = s.w.Write(c.b)
		}
		if err != nil {
			return err
		}
		perElement.Store(max(int64(len(c.b)/(c.to-c.from)), 1))
		s.recycle(c.b)
	}
	return nil
}

// encodeChunk appends c's elements of list (v) to c.b, by their direct
// encoder or through *e (made on first use), and marks c done.
func (s *streamer) encodeChunk(c *chunk, list any, v reflect.Value, e **elementEncoder) {
	defer close(c.done)
	defer func() {
		if p := recover(); p != nil {
			c.problem = p
		}
	}()
	if b, ok := appendDirectRange(c.b, list, c.from, c.to); ok {
		c.b = b
		return
	}
	if *e == nil {
		*e = newElementEncoder()
	}
	c.b, c.err = (*e).encodeRange(c.b, v, c.from, c.to)
}

// encodeRange appends the elements v[from:to] to dst, each after its
// separator.
func (e *elementEncoder) encodeRange(dst []byte, v reflect.Value, from, to int) ([]byte, error) {
	var err error
	for i := from; i < to; i++ {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, "\n    "...)
		if dst, err = e.encode(dst, v.Index(i), "    "); err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// encode appends v to dst, indented as it stands at prefix.
func (e *elementEncoder) encode(dst []byte, v reflect.Value, prefix string) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(withEmptyLists(v.Interface())); err != nil {
		return dst, err
	}
	b := e.buf.Bytes()
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	return indent(dst, b, prefix, "  "), nil
}

// withEmptyLists returns an element with the nested lists that other tools
// iterate set to [] rather than null.
func withEmptyLists(v any) any {
	switch x := v.(type) {
	case result.Source:
		if x.Dates == nil {
			x.Dates = []result.Date{}
		}
		return x
	case result.Finding:
		if x.Related == nil {
			x.Related = []result.Related{}
		}
		return x
	}
	return v
}

// indent appends to dst the compact JSON src indented as json.Indent
// would (src as encoding/json writes it: valid, no white space outside
// strings), in one pass: json.Indent runs the full JSON scanner over every
// byte, the largest single cost of writing a big report.
func indent(dst, src []byte, prefix, step string) []byte {
	depth := 0
	open := false // just after [ or {: indent unless it closes at once
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, step...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != ']' && c != '}' {
			newline()
		}
		wasOpen := open
		open = false
		switch c {
		case '"':
			j := i + 1
			for ; j < len(src); j++ {
				if src[j] == '\\' {
					j++
				} else if src[j] == '"' {
					break
				}
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			depth++
			open = true
		case '}', ']':
			depth--
			if !wasOpen {
				newline()
			}
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// jsonName reads a field's JSON name and its omitempty and omitzero
// options the way encoding/json does for the plain tags result.Result
// uses.
func jsonName(f reflect.StructField) (name string, omitEmpty, omitZero, ok bool) {
	if !f.IsExported() {
		return "", false, false, false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false, false, false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	for _, o := range strings.Split(opts, ",") {
		switch o {
		case "omitempty":
			omitEmpty = true
		case "omitzero":
			omitZero = true
		}
	}
	return name, omitEmpty, omitZero, true
}

// isEmptyValue is encoding/json's test for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// Read decodes a report written by Write.
func Read(rd io.Reader) (*result.Result, error) {
	var r result.Result
	dec := json.NewDecoder(rd)
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

func fill(r *result.Result) {
	if r.Inputs == nil {
		r.Inputs = []string{}
	}
	if r.RuleFiles == nil {
		r.RuleFiles = []result.RuleFile{}
	}
	if r.Sources == nil {
		r.Sources = []result.Source{}
	}
	if r.Skipped == nil {
		r.Skipped = []result.Skipped{}
	}
	if r.Quotes == nil {
		r.Quotes = []result.Quote{}
	}
	if r.People == nil {
		r.People = []result.Person{}
	}
	if r.Matches == nil {
		r.Matches = []result.Match{}
	}
	if r.Findings == nil {
		r.Findings = []result.Finding{}
	}
	if r.Checks == nil {
		r.Checks = []result.CheckInfo{}
	}
	if r.Stats.ByCheck == nil {
		r.Stats.ByCheck = map[string]int{}
	}
	// Nested lists are filled element by element as they are written
	// (withEmptyLists): copying every finding here would double them.
}
