package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDevEvalEndToEnd runs the command on the hand-annotated dev articles
// in ../shared/dev-eval, turns quoteaudit.json into the scorer's
// prediction lines ({doc, text, speaker}), runs the scorer, and fails
// below the targets of the accuracy issue. It skips when the dev set or
// python3 is absent. scripts/dev-eval.sh runs it; QUOTEAUDIT_DEV_VERBOSE=1
// adds the scorer's list of worst errors.
func TestDevEvalEndToEnd(t *testing.T) {
	dev := filepath.Join("..", "..", "..", "shared", "dev-eval")
	docs, err := os.ReadFile(filepath.Join(dev, "docs.txt"))
	if err != nil {
		t.Skip("dev set not present in ../shared/dev-eval")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: the scorer is a Python script")
	}
	corpus := filepath.Join(dev, "..", "corpus", "bbc-news")
	var paths []string
	for _, name := range strings.Fields(string(docs)) {
		paths = append(paths, filepath.Join(corpus, name+".txt"))
	}
	out := t.TempDir()
	args := append([]string{"-q", "-f", "json", "-o", out, "--fail-on", "none", "--date", "2025-01-01"}, paths...)
	if code, _, stderr := quoteaudit(t, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := readResult(t, filepath.Join(out, "quoteaudit.json"))
	pred := filepath.Join(out, "pred.jsonl")
	f, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	paths2doc := map[string]string{}
	for _, s := range r.Sources {
		paths2doc[s.ID] = strings.TrimSuffix(filepath.Base(s.Path), ".txt")
	}
	n := 0
	for _, q := range r.Quotes {
		// The gold annotates double-quoted spans only.
		if q.OpenMark != `"` && q.OpenMark != "“" && q.OpenMark != "”" && q.OpenMark != "„" {
			continue
		}
		var speaker *string
		switch {
		case q.Speaker.Name != "":
			speaker = &q.Speaker.Name
		case q.Speaker.Kind == "anonymous" && q.Speaker.Mention != "":
			speaker = &q.Speaker.Mention
		}
		enc.Encode(map[string]any{"doc": paths2doc[q.Source], "text": q.Text, "speaker": speaker})
		n++
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	scorer := filepath.Join(dev, "score.py")
	raw, err := exec.Command(python, scorer, pred, "--json").Output()
	if err != nil {
		t.Fatalf("scorer: %v", err)
	}
	var score map[string]any
	if err := json.Unmarshal(raw, &score); err != nil {
		t.Fatalf("scorer output %q: %v", raw, err)
	}
	num := func(path ...string) float64 {
		var v any = score
		for _, k := range path {
			m, ok := v.(map[string]any)
			if !ok {
				return -1
			}
			v = m[k]
		}
		f, _ := v.(float64)
		return f
	}
	quoteF1, speakerAcc, jointF1 := num("quote", "f1"), num("speaker", "accuracy"), num("joint", "f1")
	t.Logf("dev set, %d predictions from quoteaudit.json: quote P %.3f R %.3f F1 %.3f; speaker accuracy %.3f; joint F1 %.3f",
		n, num("quote", "precision"), num("quote", "recall"), quoteF1, speakerAcc, jointF1)
	if os.Getenv("QUOTEAUDIT_DEV_VERBOSE") != "" {
		verbose, _ := exec.Command(python, scorer, pred, "--verbose").CombinedOutput()
		t.Logf("\n%s", verbose)
	}
	if quoteF1 < 0.97 || speakerAcc < 0.93 || jointF1 < 0.90 {
		t.Errorf("below the targets (quote F1 ≥ 0.97, speaker accuracy ≥ 0.93, joint F1 ≥ 0.90); raw scorer output: %s", raw)
	}
}
