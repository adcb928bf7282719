package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiler serves the hidden --cpuprofile and --memprofile flags, which are
// for performance work (scripts/scale.sh, README "Performance").
type profiler struct {
	cpu     *os.File
	memFile string
}

// startProfiles starts a CPU profile into cpuFile when it is set.
func startProfiles(cpuFile, memFile string) (*profiler, error) {
	p := &profiler{memFile: memFile}
	if cpuFile != "" {
		f, err := os.Create(cpuFile)
		if err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		p.cpu = f
	}
	return p, nil
}

// heap writes the heap profile into memFile (when set). It is called when
// the audit is complete and before the reports are written: what is live
// then (the result and what still refers to the sources) is the peak of
// retained memory; the profile's alloc_* samples count every allocation
// up to that point.
func (p *profiler) heap() error {
	if p == nil || p.memFile == "" {
		return nil
	}
	f, err := os.Create(p.memFile)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return f.Close()
}

// stop ends the CPU profile.
func (p *profiler) stop() error {
	if p == nil || p.cpu == nil {
		return nil
	}
	pprof.StopCPUProfile()
	if err := p.cpu.Close(); err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	return nil
}
