package jsonreport

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

// trickyStrings are strings every escaping rule of encoding/json meets.
var trickyStrings = []string{
	"", "plain", `"quoted" \ back\slash`, "<b>&amp;</b>", "tab\tnew\nline\r\f\b\x00\x01\x1f\x7f",
	"a\u2028b\u2029c", "é🌍—«»", "bad \xff\xfe utf-8 \xc3", "\xe2\x80", "'single' ’curly’",
}

// fillRandom sets every field of v (a pointer's element) to a random
// value: tricky or random strings, zero and non-zero numbers, nil, empty
// and full lists, so that omitempty and the nil-or-empty rules are met.
func fillRandom(rng *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		if rng.IntN(3) == 0 {
			b := make([]byte, rng.IntN(12))
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			v.SetString(string(b))
			return
		}
		v.SetString(trickyStrings[rng.IntN(len(trickyStrings))])
	case reflect.Int:
		v.SetInt([]int64{0, 1, -7, 123456789, math.MaxInt64}[rng.IntN(5)])
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Float64:
		v.SetFloat([]float64{0, 1, 0.5, 1.0 / 3, 1e-7, 2.5e-9, 1e21, 123456789.125, -0.25}[rng.IntN(9)])
	case reflect.Slice:
		switch n := rng.IntN(4); {
		case n == 0 || depth > 4:
			v.SetZero()
		default:
			s := reflect.MakeSlice(v.Type(), n-1, n-1)
			for i := range n - 1 {
				fillRandom(rng, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillRandom(rng, v.Field(i), depth+1)
		}
	}
}

// TestDirectIsEncodingJSON: each direct encoder writes, for random
// elements, the bytes of encoding/json's encoding indented by indent.
func TestDirectIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	lists := []any{
		[]result.Source{}, []result.Quote{}, []result.Person{},
		[]result.Match{}, []result.Finding{}, []result.Skipped{},
	}
	e := newElementEncoder()
	for _, list := range lists {
		for range 300 {
			s := reflect.New(reflect.TypeOf(list)).Elem()
			fillRandom(rng, s, 0)
			if s.Len() == 0 {
				continue
			}
			from := rng.IntN(s.Len())
			want, err := e.encodeRange(nil, s, from, s.Len())
			if err != nil {
				t.Fatal(err)
			}
			got, ok := appendDirectRange(nil, s.Interface(), from, s.Len())
			if !ok {
				t.Fatalf("%T has no direct encoder", list)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%T:\n got %s\nwant %s", list, got, want)
			}
		}
	}
}

// TestDirectSample: the sample result's lists, element by element.
func TestDirectSample(t *testing.T) {
	r := sample.Result()
	e := newElementEncoder()
	for _, list := range []any{r.Sources, r.Quotes, r.People, r.Matches, r.Findings, r.Skipped} {
		v := reflect.ValueOf(list)
		want, err := e.encodeRange(nil, v, 0, v.Len())
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := appendDirectRange(nil, list, 0, v.Len()); !bytes.Equal(got, want) {
			t.Errorf("%T:\n got %s\nwant %s", list, got, want)
		}
	}
}

// A similarity that JSON cannot hold is encoding/json's error, as before.
func TestDirectNaNIsAnError(t *testing.T) {
	r := sample.Result()
	r.Matches = append(r.Matches, result.Match{ID: "M9", Similarity: math.NaN()})
	var b bytes.Buffer
	var unsupported *json.UnsupportedValueError
	if err := Write(&b, r); err == nil || !errors.As(err, &unsupported) {
		t.Errorf("Write with a NaN similarity: error %v, want an UnsupportedValueError", err)
	}
}

// FuzzAppendString: appendString is encoding/json's string encoding
// without HTML escaping, for any bytes.
func FuzzAppendString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want.Bytes())
		}
	})
}

// FuzzAppendFloat: appendFloat is encoding/json's number encoding.
func FuzzAppendFloat(f *testing.F) {
	for _, x := range []float64{0, 1, -0.5, 1e-7, 1e21, 1.0 / 3, 5e-324, math.MaxFloat64} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if !finite(x) {
			return
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFloat(nil, x); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, want %s", x, got, want)
		}
	})
}
