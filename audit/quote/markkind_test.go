package quote

import "testing"

// Marks pair by style as well as by family: a straight quote inside a
// curly quotation whose own closing mark follows is nested; a quote opened
// in one style and closed in another is mismatched.
func TestMarkStyles(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		mismatched bool
	}{
		{`The reader wrote: “=HYPERLINK("http://evil","x")” and left.`, `=HYPERLINK("http://evil","x")`, false},
		{`He said “we will call it "the plan" tomorrow,” and left.`, `we will call it "the plan" tomorrow,`, false},
		{`She said: «Nous partons" et puis rien.`, `Nous partons`, true},
		{`She said: «Nous partons» et puis rien.`, `Nous partons`, false},
		{`“It was over,” she said.`, `It was over,`, false},
	} {
		qs := Extract(newDoc("S1", tc.text+"\n"), testLexicon(t))
		if len(qs) == 0 {
			t.Errorf("%s: no quote", tc.text)
			continue
		}
		if qs[0].Text != tc.want || qs[0].Mismatched != tc.mismatched {
			t.Errorf("%s:\n got %q mismatched=%v\nwant %q mismatched=%v", tc.text, qs[0].Text, qs[0].Mismatched, tc.want, tc.mismatched)
		}
	}
}
