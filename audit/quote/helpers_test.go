package quote

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

var (
	lexOnce sync.Once
	lexVal  *lexicon.Lexicon
	lexErr  error
)

// testLexicon builds the lexicon from the bundled rules/default.yaml,
// decoded here because the rules loader belongs to another package.
func testLexicon(tb testing.TB) *lexicon.Lexicon {
	tb.Helper()
	lexOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join("..", "..", "rules", "default.yaml"))
		if err != nil {
			lexErr = err
			return
		}
		var f rules.File
		if err := yaml.Load(data, &f); err != nil {
			lexErr = err
			return
		}
		lexVal = lexicon.New(&rules.Set{File: f})
	})
	if lexErr != nil {
		tb.Fatalf("loading default rules: %v", lexErr)
	}
	return lexVal
}

// newDoc builds a Document with one paragraph per non-blank line, the way
// the reader does for plain text.
func newDoc(id, text string) *source.Document {
	d := &source.Document{Text: text}
	d.Meta.ID = id
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			s, e := start, i
			for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
				s++
			}
			for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
				e--
			}
			if s < e {
				d.Paragraphs = append(d.Paragraphs, source.Span{Start: s, End: e})
			}
			start = i + 1
		}
	}
	return d
}

// speakerLabel is the speaker as the expectations write it: the name,
// the mention of an anonymous speaker, or "?" when unknown.
func speakerLabel(s result.Speaker) string {
	switch s.Kind {
	case result.KindAnonymous:
		return "anon:" + s.Mention
	case result.KindOrganization:
		return "org:" + s.Name
	case result.KindPerson:
		return s.Name
	}
	return "?"
}

func shared(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not available", p)
	}
	return p
}

func trimID(s string) string { return strings.TrimSuffix(s, filepath.Ext(s)) }
