package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

const sharedBackground = "Russia became the first country to formally recognise the Taliban government, nearly four years after the group seized power in Kabul and imposed sweeping restrictions on women and girls across the country"

func TestCopiedPassageFires(t *testing.T) {
	fx := newAttrFixture(t, "checks:\n  copied-passage:\n    options:\n      min_words: 20\n")
	fx.addDoc("S1", "early.txt", "Opening line of the first piece.\n"+sharedBackground+". Officials welcomed it.\n")
	fx.addDoc("S2", "late.txt", "A different opening entirely.\nAs reported, "+strings.ToUpper(sharedBackground[:6])+sharedBackground[6:]+"; critics were furious.\n")
	fx.source("S1").Dates = []result.Date{{Text: "July 4, 2025", ISO: "2025-07-04", Line: 1, Column: 1}}
	fx.source("S2").Dates = []result.Date{{Text: "July 9, 2025", ISO: "2025-07-09", Line: 1, Column: 1}}
	fs := fx.run(copiedPassage())
	wantFindings(t, fs, `
warning S2:2:14  | RUSSIA became the first country to formally recognise the Taliban government, nearly four years after the group seized power in Kabul and imposed sweeping restrictions on women and girls across the… | A passage of 32 words (not a quotation) is word for word the same as in early.txt.
`)
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Source != "S1" || fs[0].Related[0].Line != 2) {
		t.Errorf("related: %+v", fs[0].Related)
	}
	// The later-dated source is reported, whatever the IDs say.
	fx.source("S1").Dates[0].ISO = "2025-07-10"
	if fs := fx.run(copiedPassage()); len(fs) != 1 || fs[0].Source != "S1" {
		t.Errorf("want the finding in S1 (now the later source):\n%s", attrSummary(fs))
	}
}

// A passage shared by k sources gives one finding in each later source,
// pointing at the earliest, never one per pair.
func TestCopiedPassageOncePerCopyingSource(t *testing.T) {
	fx := newAttrFixture(t, "checks:\n  copied-passage:\n    options:\n      min_words: 20\n")
	for i, id := range []string{"S1", "S2", "S3", "S4"} {
		fx.addDoc(id, strings.ToLower(id)+".txt", fmt.Sprintf("Opening number %d.\n", i)+sharedBackground+fmt.Sprintf(". Then %d.\n", i))
		fx.source(id).Dates = []result.Date{{Text: "July 2025", ISO: fmt.Sprintf("2025-07-0%d", 9-i), Line: 1, Column: 1}}
	}
	// S4 is the earliest, S1 the latest.
	fs := fx.run(copiedPassage())
	wantFindings(t, fs, `
warning S3:2:1  | Russia became the first country to formally recognise the Taliban government, nearly four years after the group seized power in Kabul and imposed sweeping restrictions on women and girls across the… | A passage of 33 words (not a quotation) is word for word the same as in s4.txt.
warning S2:2:1  | Russia became the first country to formally recognise the Taliban government, nearly four years after the group seized power in Kabul and imposed sweeping restrictions on women and girls across the… | A passage of 33 words (not a quotation) is word for word the same as in s4.txt (and in 1 other earlier source).
warning S1:2:1  | Russia became the first country to formally recognise the Taliban government, nearly four years after the group seized power in Kabul and imposed sweeping restrictions on women and girls across the… | A passage of 33 words (not a quotation) is word for word the same as in s4.txt (and in 2 other earlier sources).
`)
	for _, f := range fs {
		if len(f.Related) != 1 || f.Related[0].Source != "S4" || f.Related[0].Line != 2 {
			t.Errorf("%s: related %+v, want S4:2", f.Source, f.Related)
		}
	}
}

func TestCopiedPassageSilentOnSharedQuotations(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "The minister said: “"+sharedBackground+".”\n")
	fx.addDoc("S2", "b.txt", "In a statement, he wrote “"+sharedBackground+".” Then he left.\n")
	sp := result.Speaker{Mention: "he", Kind: result.KindPerson}
	fx.quote("q1", "S1", sharedBackground+".", 0, sp)
	fx.quote("q2", "S2", sharedBackground+".", 0, sp)
	wantFindings(t, fx.run(copiedPassage()), ``)
	// Shorter than min_words (default 25): silent too.
	fx2 := newAttrFixture(t, "")
	words := strings.Fields(sharedBackground)
	short := strings.Join(words[:24], " ")
	fx2.addDoc("S1", "a.txt", "One. "+short+" alpha.\n")
	fx2.addDoc("S2", "b.txt", "Two. "+short+" beta.\n")
	wantFindings(t, fx2.run(copiedPassage()), ``)
	fx2.docs["S2"].Text = "Two. " + short + " alpha.\n"
	if fs := fx2.run(copiedPassage()); len(fs) != 1 || !strings.Contains(fs[0].Message, "25 words") {
		t.Errorf("25 shared words should be reported:\n%s", attrSummary(fs))
	}
}

// loadBBC reads up to n articles of the BBC corpus under ../shared.
func loadBBC(tb testing.TB, n int) *attrFixture {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "bbc-news", "*", "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "bbc-news", "*.txt"))
	}
	if len(files) == 0 {
		tb.Skip("BBC corpus not available")
	}
	sort.Strings(files)
	if len(files) > n {
		files = files[:n]
	}
	t, _ := tb.(*testing.T)
	fx := &attrFixture{t: t, res: &result.Result{}, docs: map[string]*source.Document{}}
	rs, err := rules.LoadBytes("bench.yaml", []byte("{}\n"), rules.LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	fx.rules = rs
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		fx.addDoc(fmt.Sprintf("S%04d", i+1), f, string(b))
	}
	return fx
}

func BenchmarkCopiedPassageBBC(b *testing.B) {
	fx := loadBBC(b, 2225)
	c := copiedPassage()
	ix := result.NewIndex(fx.res)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		c.Run(NewPass(c, fx.res, ix, fx.docs, fx.rules, c.Severity, func(result.Finding) { n++ }))
	}
}

// Winnowing indexes about one shingle in ten, yet a shared run of exactly
// min_words words is found wherever it stands in either source.
func TestCopiedPassageFindsEveryRunOfMinWords(t *testing.T) {
	word := func(seed, i int) string { return fmt.Sprintf("w%dx%d", seed, i*7919%1009) }
	text := func(seed, n int) []string {
		var ws []string
		for i := range n {
			ws = append(ws, word(seed, i))
		}
		return ws
	}
	shared := text(3, 25)
	for _, offA := range []int{0, 1, 7, 19, 40} {
		for _, offB := range []int{0, 3, 11, 33} {
			fx := newAttrFixture(t, "")
			a := append(append(text(1, offA), shared...), text(1, 30)[offA%30:]...)
			b := append(append(text(2, offB), shared...), text(2, 5)...)
			fx.addDoc("S1", "a.txt", strings.Join(a, " ")+"\n")
			fx.addDoc("S2", "b.txt", strings.Join(b, " ")+"\n")
			fs := fx.run(copiedPassage())
			if len(fs) != 1 || !strings.Contains(fs[0].Message, "25 words") || fs[0].Column != 1+len(strings.Join(b[:offB], " "))+min(offB, 1) {
				t.Errorf("offsets %d/%d: want one 25-word finding at the run:\n%s", offA, offB, attrSummary(fs))
			}
		}
	}
}

// A passage shared by more sources than are compared says "at least".
func TestCopiedPassageManySharers(t *testing.T) {
	fx := newAttrFixture(t, "")
	n := maxCopyCandidates + 5
	for i := range n {
		id := fmt.Sprintf("S%03d", i)
		fx.addDoc(id, id+".txt", fmt.Sprintf("Opening number %d.\n", i)+sharedBackground+fmt.Sprintf(". Then %d.\n", i))
	}
	fs := fx.run(copiedPassage())
	if len(fs) != n-1 {
		t.Fatalf("%d findings, want %d", len(fs), n-1)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].Source < fs[j].Source })
	for i, f := range fs {
		if f.Related[0].Source != "S000" {
			t.Errorf("%s points at %s, want the earliest, S000", f.Source, f.Related[0].Source)
		}
		want := fmt.Sprintf("(and in %d other earlier sources)", i)
		switch {
		case i == 0:
			want = "same as in S000.txt."
		case i == 1:
			want = "(and in 1 other earlier source)"
		case i >= maxCopyCandidates:
			want = fmt.Sprintf("(and in at least %d other earlier sources)", maxCopyCandidates-1)
		}
		if !strings.Contains(f.Message, want) {
			t.Errorf("%s: %q, want %q", f.Source, f.Message, want)
		}
	}
}
