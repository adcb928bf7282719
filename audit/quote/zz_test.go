package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZCorpus(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/bbc-news/*.txt")
	lx := testLexicon(t)
	kinds := map[string]int{}
	n, frag, unc, mm, cont := 0, 0, 0, 0, 0
	out, _ := os.Create("/tmp/corpus_quotes.txt")
	defer out.Close()
	for _, f := range files {
		data, _ := os.ReadFile(f)
		id := trimID(filepath.Base(f))
		for _, q := range Extract(newDoc(id, string(data)), lx) {
			n++
			kinds[q.Speaker.Kind]++
			if q.Fragment {
				frag++
			}
			if q.Unclosed {
				unc++
			}
			if q.Mismatched {
				mm++
			}
			if q.Continues != "" {
				cont++
			}
			txt := q.Text
			if len(txt) > 50 {
				txt = txt[:50]
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%v\t%q\n", q.ID, speakerLabel(q.Speaker), q.Speaker.Mention, q.Verb, q.Fragment, txt)
		}
	}
	t.Logf("quotes %d kinds %v fragments %d unclosed %d mismatched %d continues %d", n, kinds, frag, unc, mm, cont)
}
