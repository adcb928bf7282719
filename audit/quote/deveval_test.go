package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// devPrediction is one line of the dev-eval prediction file.
type devPrediction struct {
	Doc     string  `json:"doc"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
}

// devSpeaker is the speaker as the dev-eval scorer reads it: the name, the
// descriptor of an anonymous speaker, or null when unknown.
func devSpeaker(s result.Speaker) *string {
	var v string
	switch s.Kind {
	case result.KindPerson, result.KindOrganization:
		v = s.Name
		if v == "" {
			v = s.Mention
		}
	case result.KindAnonymous:
		v = s.Mention
		if _, pronoun := pronouns[strings.ToLower(v)]; pronoun && s.Role != "" {
			v = s.Role // "they", standing for "officials"
		}
	}
	if v == "" {
		return nil
	}
	return &v
}

// devPredictions extracts the quotes of every dev document. The gold set
// annotates double-quoted spans only (its README), so single-quoted spans
// are left out of the predictions.
func devPredictions(tb testing.TB, devDir, corpus string) []devPrediction {
	tb.Helper()
	names, err := os.ReadFile(filepath.Join(devDir, "docs.txt"))
	if err != nil {
		tb.Fatalf("reading docs.txt: %v", err)
	}
	lx := testLexicon(tb)
	var preds []devPrediction
	for _, name := range strings.Fields(string(names)) {
		data, err := os.ReadFile(filepath.Join(corpus, name+".txt"))
		if err != nil {
			tb.Fatalf("reading %s: %v", name, err)
		}
		for _, q := range Extract(newDoc(name, string(data)), lx) {
			if singleMark(q.OpenMark) {
				continue
			}
			preds = append(preds, devPrediction{Doc: name, Text: q.Text, Speaker: devSpeaker(q.Speaker)})
		}
	}
	return preds
}

func singleMark(m string) bool {
	r := firstRune(m)
	return r == '\'' || r == '‘' || r == '’' || r == '‹' || r == '›' || r == '‚'
}

// TestDevEval scores the extractor on the hand-annotated BBC dev set and
// fails below a regression floor. Set QUOTE_DEV_PRED to keep the
// predictions file.
func TestDevEval(t *testing.T) {
	devDir := shared(t, "dev-eval")
	corpus := shared(t, "corpus", "bbc-news")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	preds := devPredictions(t, devDir, corpus)
	out := os.Getenv("QUOTE_DEV_PRED")
	if out == "" {
		out = filepath.Join(t.TempDir(), "pred.jsonl")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, p := range preds {
		if err := enc.Encode(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	score := filepath.Join(devDir, "score.py")
	text, err := exec.Command(py, score, out, "--verbose").CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, text)
	}
	t.Logf("\n%s", text)
	js, err := exec.Command(py, score, out, "--json").Output()
	if err != nil {
		t.Fatalf("score.py --json: %v", err)
	}
	var res struct {
		Quote   struct{ F1 float64 } `json:"quote"`
		Speaker struct{ Accuracy float64 }
		Joint   struct{ F1 float64 }
	}
	if err := json.Unmarshal(js, &res); err != nil {
		t.Fatalf("reading scores: %v", err)
	}
	t.Logf("quote F1 %.3f, speaker accuracy %.3f, joint F1 %.3f", res.Quote.F1, res.Speaker.Accuracy, res.Joint.F1)
	if res.Quote.F1 < 0.90 {
		t.Errorf("quote F1 %.3f is below the floor 0.90", res.Quote.F1)
	}
	if res.Speaker.Accuracy < 0.85 {
		t.Errorf("speaker accuracy %.3f is below the floor 0.85", res.Speaker.Accuracy)
	}
}
