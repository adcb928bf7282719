package jsonreport

import (
	"bytes"
	"encoding/json"
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
	for name, r := range map[string]*result.Result{
		"sample": sample.Result(),
		"empty":  {SchemaVersion: 1, GeneratedAt: time.Unix(0, 0).UTC()},
		"failed": failed,
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
