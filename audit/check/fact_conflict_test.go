package check

import (
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/rules"
)

const seedFacts = `facts:
  - id: crocus-toll
    description: Crocus City Hall death toll
    pattern: 'concert hall|crocus'
    value: 'killed (\d[\d,]*)|(\d[\d,]*) (?:people )?killed'
    kind: number
  - id: recognition-date
    description: date of Russia's recognition
    pattern: 'recogni|announced|photographers'
    value: 'July (?:the )?\d{1,2}(?:st|nd|rd|th)?|\pL+ of July'
    kind: date
`

func TestFactConflictFires(t *testing.T) {
	fx := newAttrFixture(t, seedFacts)
	fx.addDoc("S1", "a.txt", "Gunmen attacked a concert hall near Moscow and killed 149 people. The recognition came on July the 4th.\n")
	fx.addDoc("S2", "b.txt", "At Crocus City Hall 145 people killed, officials said.\nRecognition followed on July 3, 2025.\n")
	fx.addDoc("S3", "c.txt", "The attack on the concert hall killed 149.\nRussia announced it on the fourth of July.\n")
	fs := fx.run(factConflict())
	wantFindings(t, fs, `
error S2:1:21  | 145 | Crocus City Hall death toll: this source gives "145", other sources give "149" in a.txt, "149" in c.txt.
error S2:2:25  | July 3 | date of Russia's recognition: this source gives "July 3", other sources give "July the 4th" in a.txt, "fourth of July" in c.txt.
`)
	if len(fs) == 2 && len(fs[0].Related) != 2 {
		t.Errorf("related: %+v", fs[0].Related)
	}
}

func TestFactConflictSilentWhenSourcesAgree(t *testing.T) {
	fx := newAttrFixture(t, seedFacts)
	fx.addDoc("S1", "a.txt", "The concert hall attack killed 149 people. Russia recognised the Taliban on July 4.\n")
	fx.addDoc("S2", "b.txt", "At Crocus, 149 people killed. The move was announced on July the 4th, 2025.\n")
	fx.addDoc("S3", "c.txt", "Nothing about either fact here. July 9 was hot.\n")
	wantFindings(t, fx.run(factConflict()), ``)
}

func TestFactConflictExpected(t *testing.T) {
	fx := newAttrFixture(t, `facts:
  - id: toll
    description: death toll
    pattern: 'concert hall'
    value: 'killed (\d+)'
    kind: number
    expected: "145"
`)
	fx.addDoc("S1", "a.txt", "The concert hall attack killed 149 people.\n")
	fx.addDoc("S2", "b.txt", "The concert hall attack killed 145 people.\n")
	fs := fx.run(factConflict())
	wantFindings(t, fs, `
error S1:1:32  | 149 | death toll: this source gives "149"; the expected value is "145".
`)
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Source != "S2") {
		t.Errorf("related: %+v", fs[0].Related)
	}
}

// The reference articles disagree on both facts: 149 (seed 000) against
// 145 (seed 001), and July 3 (001, 002) against July 4 (000, 004), a tie
// in which every source is reported.
func TestFactConflictSeeds(t *testing.T) {
	fx := newAttrFixture(t, seedFacts)
	for i, p := range []string{"000_*.txt", "001_*.txt", "002_*.txt", "004_*.txt"} {
		name, text := seedText(t, p)
		fx.addDoc(string(rune('A'+i)), name, text)
	}
	var got []string
	for _, f := range fx.run(factConflict()) {
		got = append(got, f.Source+" "+f.Evidence)
	}
	want := "A July the 4th|B July 3|C July 3|D July 4"
	// The toll: a tie between 000 (149) and 001 (145), both reported.
	want = "A 149|B 145|" + want
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("got %s\nwant %s", g, want)
	}
}

func TestNormalizeFactValue(t *testing.T) {
	for _, tc := range []struct{ kind, in, want string }{
		{"number", "1,200", "1200"},
		{"number", "about 145 people", "145"},
		{"number", "3.50", "3.5"},
		{"number", "0", "0"},
		{"number", "none", ""},
		{"date", "July the 4th", "07-04"},
		{"date", "the fourth of July", "07-04"},
		{"date", "4 July 2025", "07-04"},
		{"date", "July 3, 2025", "07-03"},
		{"date", "2025-07-03", "07-03"},
		{"date", "Dec. 31st", "12-31"},
		{"date", "July 2025", ""},
		{"date", "no date", ""},
		{"text", "  The  Kremlin ", "the kremlin"},
	} {
		if got := normalizeFactValue(tc.kind, tc.in); got != tc.want {
			t.Errorf("normalizeFactValue(%s, %q) = %q, want %q", tc.kind, tc.in, got, tc.want)
		}
	}
}

func BenchmarkFactConflictBBC(b *testing.B) {
	fx := loadBBC(b, 2225)
	rs, err := rules.LoadBytes("facts.yaml", []byte(seedFacts), rules.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	fx.rules = rs
	c := factConflict()
	ix := result.NewIndex(fx.res)
	b.ResetTimer()
	for b.Loop() {
		c.Run(NewPass(c, fx.res, ix, fx.docs, fx.rules, c.Severity, func(result.Finding) {}))
	}
}
