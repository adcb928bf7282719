package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// stageClock times the stages of one run for the hidden --timings flag
// (performance work: scripts/scale.sh, README "Performance").
type stageClock struct {
	on     bool
	now    func() time.Time
	names  []string
	starts []time.Time
}

func newStageClock(on bool) *stageClock { return &stageClock{on: on, now: time.Now} }

// begin ends the stage under way, if any, and starts the named one.
func (c *stageClock) begin(name string) {
	if !c.on {
		return
	}
	c.names = append(c.names, name)
	c.starts = append(c.starts, c.now())
}

// report writes one line: each stage's wall time and the total.
func (c *stageClock) report(w io.Writer) {
	if !c.on || len(c.starts) == 0 {
		return
	}
	end := c.now()
	parts := make([]string, 0, len(c.names)+1)
	for i, name := range c.names {
		next := end
		if i+1 < len(c.starts) {
			next = c.starts[i+1]
		}
		parts = append(parts, fmt.Sprintf("%s %.2fs", name, next.Sub(c.starts[i]).Seconds()))
	}
	parts = append(parts, fmt.Sprintf("total %.2fs", end.Sub(c.starts[0]).Seconds()))
	fmt.Fprintf(w, "quoteaudit: timings: %s\n", strings.Join(parts, ", "))
}
