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
	"strings"

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
	s := &streamer{w: bw}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
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
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
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
		return s.encode(v, "  ")
	}
	s.w.WriteString("[")
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			s.w.WriteByte(',')
		}
		s.w.WriteString("\n    ")
		if err := s.encode(v.Index(i), "    "); err != nil {
			return err
		}
	}
	s.w.WriteString("\n  ]")
	return nil
}

// encode writes v indented as it stands at prefix, without the encoder's
// trailing newline.
func (s *streamer) encode(v reflect.Value, prefix string) error {
	s.buf.Reset()
	s.enc.SetIndent(prefix, "  ")
	if err := s.enc.Encode(v.Interface()); err != nil {
		return err
	}
	b := s.buf.Bytes()
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	_, err := s.w.Write(b)
	return err
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
	// Nested slices that other tools iterate.
	srcs := make([]result.Source, len(r.Sources))
	for i, s := range r.Sources {
		if s.Dates == nil {
			s.Dates = []result.Date{}
		}
		srcs[i] = s
	}
	r.Sources = srcs
	fs := make([]result.Finding, len(r.Findings))
	for i, f := range r.Findings {
		if f.Related == nil {
			f.Related = []result.Related{}
		}
		fs[i] = f
	}
	r.Findings = fs
}
