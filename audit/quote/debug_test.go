package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("QDEBUG") == "" {
		t.Skip("set QDEBUG")
	}
	dir := shared(t, "seeds")
	if d := os.Getenv("QDEBUGDIR"); d != "" {
		dir = d
	}
	files, _ := filepath.Glob(filepath.Join(dir, os.Getenv("QDEBUG")))
	lx := testLexicon(t)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d := newDoc(trimID(filepath.Base(f)), string(data))
		for _, q := range Extract(d, lx) {
			txt := q.Text
			if len(txt) > 60 {
				txt = txt[:60]
			}
			fmt.Printf("%s %q om=%q cm=%q u=%v mm=%v fr=%v cont=%s | %s [%s] m=%q role=%q verb=%s via=%s\n", q.ID, txt, q.OpenMark, q.CloseMark, q.Unclosed, q.Mismatched, q.Fragment, q.Continues, speakerLabel(q.Speaker), q.Speaker.Kind, q.Speaker.Mention, q.Speaker.Role, q.Verb, q.Via)
		}
	}
}
