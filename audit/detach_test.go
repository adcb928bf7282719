package audit_test

import (
	"context"
	"reflect"
	"testing"
	"unsafe"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// TestResultOwnsItsStrings checks that no string of the result points
// into a source's text, so that the texts can be freed before the
// reports are written (cmd/quoteaudit drops the corpus after Run). It
// walks every string field by reflection, so a new field that slices a
// text is caught here.
func TestResultOwnsItsStrings(t *testing.T) {
	ctx := context.Background()
	c, err := audit.LoadFS(ctx, seeds.FS(), "seeds", audit.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := audit.Run(ctx, c, audit.Config{})
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		path   string
		lo, hi uintptr
	}
	var texts []span
	for _, d := range c.Docs {
		if d.Text != "" {
			lo := uintptr(unsafe.Pointer(unsafe.StringData(d.Text)))
			texts = append(texts, span{d.Meta.Path, lo, lo + uintptr(len(d.Text))})
		}
	}
	strs := 0
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			s := v.String()
			if s == "" {
				return
			}
			strs++
			p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
			for _, tx := range texts {
				if tx.lo <= p && p < tx.hi {
					t.Errorf("%s %q points into the text of %s", path, s, tx.path)
					return
				}
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(path+"[]", v.Index(i))
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(path+"{key}", k)
				walk(path+"{}", v.MapIndex(k))
			}
		}
	}
	walk("Result", reflect.ValueOf(r))
	if strs < 1000 || len(r.Quotes) == 0 {
		t.Fatalf("walked %d strings of %d quotes: the walk did not reach the result", strs, len(r.Quotes))
	}
}
