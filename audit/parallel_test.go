package audit_test

import (
	"bytes"
	"context"
	"math"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/quoteaudit/quoteaudit/audit"
	"github.com/quoteaudit/quoteaudit/report/jsonreport"
	"github.com/quoteaudit/quoteaudit/rules"
	"github.com/quoteaudit/quoteaudit/seeds"
)

// TestWorkersDoNotChangeTheResult: extraction and the checks run on the
// worker pool; one worker and several give the same JSON (run it with
// -race: the checks share the result).
func TestWorkersDoNotChangeTheResult(t *testing.T) {
	ctx := context.Background()
	rs, err := rules.Load(nil, rules.LoadOptions{Extra: []rules.Named{{Name: "(bundled) seeds/rules.yaml", Data: seeds.Rules()}}})
	if err != nil {
		t.Fatal(err)
	}
	var out [2]bytes.Buffer
	for i, workers := range []int{1, 4} {
		c, err := audit.LoadFS(ctx, seeds.FS(), "seeds", audit.LoadOptions{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		r, err := audit.Run(ctx, c, audit.Config{Rules: rs, Now: time.Unix(0, 0), Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Findings) == 0 {
			t.Fatal("no findings on the demo corpus")
		}
		if err := jsonreport.Write(&out[i], r); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("the result with 4 workers differs from the result with 1")
	}
}

// TestRunReportsStages: Config.Stage hears each stage once, in order.
func TestRunReportsStages(t *testing.T) {
	ctx := context.Background()
	c, err := audit.LoadFS(ctx, seeds.FS(), "seeds", audit.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	if _, err := audit.Run(ctx, c, audit.Config{Now: time.Unix(0, 0), Stage: func(s string) { stages = append(stages, s) }}); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(stages, " "), "extract people match checks"; got != want {
		t.Errorf("stages %q, want %q", got, want)
	}
}

// TestEarlyChecksWithoutRoom: when the heap has no room for the early
// checks beside people and matching (a soft memory limit far below the
// live heap), they run with the others, and the result is the same.
func TestEarlyChecksWithoutRoom(t *testing.T) {
	ctx := context.Background()
	rs, err := rules.Load(nil, rules.LoadOptions{Extra: []rules.Named{{Name: "(bundled) seeds/rules.yaml", Data: seeds.Rules()}}})
	if err != nil {
		t.Fatal(err)
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	var out [2]bytes.Buffer
	for i, limit := range []int64{math.MaxInt64, 64 << 10} {
		debug.SetMemoryLimit(limit)
		c, err := audit.LoadFS(ctx, seeds.FS(), "seeds", audit.LoadOptions{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		r, err := audit.Run(ctx, c, audit.Config{Rules: rs, Now: time.Unix(0, 0), Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if err := jsonreport.Write(&out[i], r); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("the result with the early checks run late differs")
	}
}
