package jsonreport

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/report/internal/sample"
)

func TestEmptyListsAreArraysNotNull(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, &result.Result{SchemaVersion: 1, GeneratedAt: time.Unix(0, 0).UTC(), Sources: []result.Source{{ID: "S1"}}, Findings: []result.Finding{{ID: "F-1"}}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "null") {
		t.Errorf("JSON contains null:\n%s", out)
	}
	for _, key := range []string{`"quotes": []`, `"people": []`, `"matches": []`, `"skipped": []`, `"dates": []`, `"related": []`, `"by_check": {}`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestRoundTripAndDeterminism(t *testing.T) {
	r := sample.Result()
	var a, b bytes.Buffer
	if err := Write(&a, r); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("write → read → write changed the JSON")
	}
	if !strings.Contains(a.String(), `"schema_version": 1`) {
		t.Error("no schema_version")
	}
	// Untrusted text is escaped as JSON, never as HTML entities.
	if !strings.Contains(a.String(), `=HYPERLINK(`) || strings.Contains(a.String(), `\u003c`) {
		t.Error("text not written as plain JSON strings")
	}
}
