// Command gencorpus writes a reproducible corpus of sister articles for
// scale work (see internal/corpusgen). Write it outside the
// repository:
//
//	go run ./scripts/gencorpus -n 10000 -seed 1 -out /tmp/qa-bench/10k
//
// The seed articles are the BBC corpus in ../shared when present, else the
// bundled demo corpus in seeds/.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/quoteaudit/quoteaudit/internal/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "output folder (outside the repository)")
	from := flag.String("from", "../shared/corpus/bbc-news", "folder of seed articles (*.txt); falls back to seeds/ when absent")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -out is required")
		os.Exit(2)
	}
	dir := *from
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s not found; using seeds/\n", dir)
		dir = "seeds"
	}
	base, err := corpusgen.ReadBase(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	start := time.Now()
	if err := corpusgen.Generate(*out, *n, *seed, base); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d articles from %d seeds in %s (%.1fs)\n", *n, len(base), *out, time.Since(start).Seconds())
}
