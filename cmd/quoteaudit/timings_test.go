package main

import (
	"bytes"
	"regexp"
	"testing"
	"time"
)

func TestStageClockReport(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ticks := []time.Duration{0, 1500 * time.Millisecond, 2 * time.Second, 4250 * time.Millisecond}
	c := newStageClock(true)
	c.now = func() time.Time {
		d := ticks[0]
		ticks = ticks[1:]
		return t0.Add(d)
	}
	c.begin("read")
	c.begin("extract")
	c.begin("write")
	var out bytes.Buffer
	c.report(&out)
	if got, want := out.String(), "quoteaudit: timings: read 1.50s, extract 0.50s, write 2.25s, total 4.25s\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	off := newStageClock(false)
	off.begin("read")
	out.Reset()
	off.report(&out)
	if out.Len() != 0 {
		t.Errorf("timings off wrote %q", out.String())
	}
}

// --timings names every stage of a real run, in order, on stderr.
func TestTimingsFlag(t *testing.T) {
	code, _, stderr := quoteaudit(t, "-q", "--timings", "-f", "json", "--fail-on", "none", "-o", t.TempDir())
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	re := regexp.MustCompile(`(?m)^quoteaudit: timings: read [0-9.]+s, extract [0-9.]+s, people [0-9.]+s, match [0-9.]+s, checks [0-9.]+s, write [0-9.]+s, total [0-9.]+s$`)
	if !re.MatchString(stderr) {
		t.Errorf("stderr has no timings line:\n%s", stderr)
	}
}

// After reading, the progress line names the stage under way and is
// cleared at the end; with no bar (a small corpus, or not a terminal)
// nothing is written.
func TestProgressStage(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, true)
	p.stage("people")
	if out.Len() != 0 {
		t.Fatalf("no bar yet, wrote %q", out.String())
	}
	p.update(100, 100)
	p.finish()
	out.Reset()
	p.stage("people")
	p.stage("checks")
	p.stage("")
	if got, want := out.String(), "\r\x1b[Kquoteaudit: resolving people…\r\x1b[Kquoteaudit: running the checks…\r\x1b[K"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
