package audit

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

func TestDetachCopiesOncePerSliceAndShortText(t *testing.T) {
	text := strings.Repeat("x", 40) + ` "We will not talk to them," said Zamir Kabulov. Zamir Kabulov said: "Never."`
	doc := &source.Document{Text: text}
	slice := func(s string) string {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return text[i : i+len(s)]
	}
	quote := slice("We will not talk to them,")
	name := slice("Zamir Kabulov")
	name2 := text[strings.LastIndex(text, "Zamir Kabulov"):][:len("Zamir Kabulov")]
	outside := strings.Clone(quote)
	r := &result.Result{
		Quotes: []result.Quote{
			{Text: quote, Speaker: result.Speaker{Mention: name, Name: name2}},
		},
		Findings: []result.Finding{{Evidence: quote, Message: outside}},
	}
	detach(r, []*source.Document{doc})

	q, f := r.Quotes[0], r.Findings[0]
	if q.Text != quote || q.Speaker.Mention != name || q.Speaker.Name != name2 || f.Evidence != quote || f.Message != outside {
		t.Fatalf("detach changed a value: %+v %+v", q, f)
	}
	at := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	lo, hi := at(text), at(text)+uintptr(len(text))
	for _, s := range []string{q.Text, q.Speaker.Mention, q.Speaker.Name, f.Evidence} {
		if p := at(s); lo <= p && p < hi {
			t.Errorf("%q still points into the text", s)
		}
	}
	if at(q.Text) != at(f.Evidence) {
		t.Error("the quote's text and the finding's evidence (one slice of the text) got two copies")
	}
	if at(q.Speaker.Mention) != at(q.Speaker.Name) {
		t.Error("two equal short strings (a name written twice) got two copies")
	}
	if at(f.Message) != at(outside) {
		t.Error("a string outside the texts was copied")
	}
}
