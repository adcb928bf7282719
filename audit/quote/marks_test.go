package quote

import (
	"fmt"
	"strings"
	"testing"
)

// TestMarks checks mark pairing on small texts: each case lists the quotes
// expected as text plus flags (U unclosed, M mismatched, C continues the
// previous quote).
func TestMarks(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"curly", "He said “yes” today.", []string{"yes"}},
		{"apostrophes", "Russia’s plan doesn’t work, the ’90s are over and rock ’n’ roll lives; the students’ union agrees.", nil},
		{"straight apostrophes", "Russia's plan doesn't work, the '90s are over, rock 'n' roll; the students' union.", nil},
		{"straight pairs", `She said "one" and "two" then left.`, []string{"one", "two"}},
		{"straight single pair", `The so-called 'deal' collapsed.`, []string{"deal"}},
		{"open single closed double", "He wrote ‘we agree” and left.", []string{"we agree M"}},
		{"open double closed single", "“We agree’.", []string{"We agree M"}},
		{"mark run opens", "saying ‘”legitimises a regime” today.", []string{"legitimises a regime M"}},
		{"nested single", "“They shouted ‘Send them all back’ at us,” he said.", []string{"They shouted ‘Send them all back’ at us,"}},
		{"nested same family", "‘We cannot. ‘Send them all back’ is wrong.’", []string{"We cannot. ‘Send them all back’ is wrong."}},
		{"unclosed", "He said “this never ends\nNext paragraph.", []string{"this never ends U"}},
		{"multi paragraph", "“First part.\n“Second part.\n“Last part.”", []string{"First part.", "Second part. C", "Last part. C"}},
		{"lost breaks", `"One piece. "Two piece. "Three."`, []string{"One piece.", "Two piece. C", "Three. C"}},
		{"nested straight", `"We said "no" to them," he said.`, []string{`We said "no" to them,`}},
		{"stray closer", `word" and more`, nil},
		{"guillemets", "Il a dit «oui» hier.", []string{"oui"}},
		{"german", "Er sagte „ja“ gestern.", []string{"ja"}},
		{"tex", "The ``old slogan'' stays.", []string{"old slogan"}},
		{"empty", `He said "" and "   " then.`, nil},
		{"interrupted", `"A thing," she said, "and another."`, []string{"A thing,", "and another. C"}},
	}
	lx := testLexicon(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(newDoc("d", c.in), lx) {
				s := q.Text
				if q.Unclosed {
					s += " U"
				}
				if q.Mismatched {
					s += " M"
				}
				if q.Continues != "" {
					s += " C"
				}
				got = append(got, s)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("Extract(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// TestPositions checks offsets, line and column of quotes after multi-byte
// text and CRLF line ends.
func TestPositions(t *testing.T) {
	text := "Título\r\n\r\nAñadió: “sí, señor” — dijo.\r\n"
	qs := Extract(newDoc("p", text), testLexicon(t))
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1", len(qs))
	}
	q := qs[0]
	if q.Text != "sí, señor" || text[q.Start:q.End] != q.Text {
		t.Errorf("text %q at %d:%d", q.Text, q.Start, q.End)
	}
	if q.Line != 3 || q.Column != 10 || q.Paragraph != 2 {
		t.Errorf("position %d:%d paragraph %d, want 3:10 paragraph 2", q.Line, q.Column, q.Paragraph)
	}
	if q.ID != "p-Q1" || q.Source != "p" {
		t.Errorf("id %q source %q", q.ID, q.Source)
	}
}

// TestNoParagraphs checks that a document without paragraph spans is
// split at its lines.
func TestNoParagraphs(t *testing.T) {
	d := newDoc("n", "“One.”\n\n“Two,” said Ann Lee.")
	d.Paragraphs = nil
	qs := Extract(d, testLexicon(t))
	if len(qs) != 2 || qs[1].Paragraph != 2 || qs[1].Speaker.Name != "Ann Lee" {
		t.Fatalf("got %+v", qs)
	}
	if got := strings.TrimSpace(qs[0].Text); got != "One." {
		t.Errorf("first quote %q", got)
	}
}

// TestCuePosition checks that Speaker.Line and Column place the mention of
// the speaker, and that an unknown speaker has none.
func TestCuePosition(t *testing.T) {
	text := "Intro line.\n\n“It works,” said Ada Quinn.\n\nThe rain stopped.\n\n“Who knows?”"
	qs := Extract(newDoc("c", text), testLexicon(t))
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2", len(qs))
	}
	if s := qs[0].Speaker; s.Name != "Ada Quinn" || s.Line != 3 || s.Column != 18 {
		t.Errorf("speaker %+v, want Ada Quinn at 3:18", s)
	}
	if s := qs[1].Speaker; s.Known() || s.Line != 0 || s.Column != 0 {
		t.Errorf("second speaker %+v, want unknown without a position", s)
	}
}

// TestWordCount checks the word counter behind the fragment rule.
func TestWordCount(t *testing.T) {
	for in, want := range map[string]int{
		"":                      0,
		"ally":                  1,
		"grave concern":         2,
		"the '90s were great":   4,
		"well-known, isn’t it?": 3,
		"— … —":                 0,
	} {
		if got := wordCount(in); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestInsertions checks bracketed insertions and ellipses.
func TestInsertions(t *testing.T) {
	ins, ell := insertions("[we are] sure... and [the council] … agreed.... [unclosed")
	if strings.Join(ins, "|") != "[we are]|[the council]" || ell != 3 {
		t.Errorf("got %q and %d ellipses", ins, ell)
	}
}

// TestUnnamedOrganization checks that "the company said" with no company
// named before is an organisation without a name, not a guess.
func TestUnnamedOrganization(t *testing.T) {
	qs := Extract(newDoc("u", "“Sales were weak,” the company said."), testLexicon(t))
	if len(qs) != 1 {
		t.Fatalf("got %d quotes", len(qs))
	}
	if s := qs[0].Speaker; s.Kind != "organization" || s.Name != "" || s.Mention != "the company" {
		t.Errorf("speaker %+v", s)
	}
	qs = Extract(newDoc("u", "Acme Holdings cut jobs. “Sales were weak,” the company said."), testLexicon(t))
	if len(qs) != 1 || qs[0].Speaker.Name != "Acme Holdings" {
		t.Errorf("got %+v, want Acme Holdings", qs)
	}
}

// TestInvertedAsk checks that "asked" opens an inverted cue and that "the
// magazine" refers to the publication named before.
func TestInvertedAsk(t *testing.T) {
	text := "The US title Rail Monthly ran a survey of readers.\n\n“Who can forget the old steam trains?” asked the magazine."
	qs := Extract(newDoc("a", text), testLexicon(t))
	if len(qs) != 1 {
		t.Fatalf("got %d quotes", len(qs))
	}
	if s := qs[0].Speaker; s.Kind != "organization" || s.Name != "Rail Monthly" || qs[0].Verb != "ask" {
		t.Errorf("speaker %+v verb %q", s, qs[0].Verb)
	}
}

// TestMarkLeadCoversEveryMark checks that findMarks's skip table lets
// the first byte of every quotation mark through.
func TestMarkLeadCoversEveryMark(t *testing.T) {
	for _, r := range "\"'`“”‘’„‚«»‹›" {
		b := []byte(string(r))
		if !markLead[b[0]] {
			t.Errorf("markLead skips %q", r)
		}
	}
	for c := byte(0); c < 0x80; c++ {
		if want := c == '"' || c == '\'' || c == '`'; markLead[c] != want {
			t.Errorf("markLead[%q] = %v, want %v", c, markLead[c], want)
		}
	}
}

// TestLeadFinder checks leadFinder.from against a byte-by-byte scan.
func TestLeadFinder(t *testing.T) {
	text := `He said “no” and ‘yes’ — «oui» 'n' "x" ` + "``y''" + ` done`
	for lo := 0; lo < len(text); lo++ {
		f := newLeadFinder(text, lo, len(text))
		for i := lo; i <= len(text); i++ {
			want := i
			for want < len(text) && !markLead[text[want]] {
				want++
			}
			if got := f.from(i); got != want {
				t.Fatalf("from(%d) in [%d:] = %d, want %d", i, lo, got, want)
			}
		}
	}
}
