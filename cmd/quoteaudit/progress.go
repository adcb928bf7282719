package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// wantProgress decides from --progress whether to draw a bar: "auto"
// draws one only when stderr is a terminal, so logs stay clean.
func wantProgress(mode string, quiet bool) (bool, error) {
	switch mode {
	case "never":
		return false, nil
	case "always":
		return !quiet, nil
	case "auto":
		return !quiet && term.IsTerminal(int(os.Stderr.Fd())), nil
	}
	return false, fmt.Errorf("--progress: unknown mode %q (want auto, always or never)", mode)
}

// progress draws files done, rate and time left while sources are read.
type progress struct {
	mu  sync.Mutex
	w   io.Writer
	on  bool
	bar *progressbar.ProgressBar
	// shown: a stage line is on the terminal.
	shown bool
}

func newProgress(w io.Writer, on bool) *progress { return &progress{w: w, on: on} }

func (p *progress) update(done, total int) {
	if !p.on || total < 50 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("reading"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100_000_000),
		)
	}
	p.bar.Set(done)
}

// stageLabels are what the terminal shows while each stage of the audit
// runs (after reading, which has the bar).
var stageLabels = map[string]string{
	"extract": "extracting and attributing quotes",
	"people":  "resolving people",
	"match":   "matching quotes across sources",
	"checks":  "running the checks",
}

// stage shows the stage under way on one line that the next replaces;
// "" clears it. Only when the bar was shown: a small corpus is done
// before anyone could read it.
func (p *progress) stage(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.on || p.bar == nil {
		return
	}
	if label, ok := stageLabels[name]; ok {
		fmt.Fprintf(p.w, "\r\x1b[Kquoteaudit: %s…", label)
		p.shown = true
	} else if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
	}
}
