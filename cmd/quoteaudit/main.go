// Command quoteaudit audits the quotations and sourcing of a story's
// source articles: it extracts and attributes every quotation, matches
// quotes and names across sources, checks attribution against the
// editors' rule files, and writes JSON, text, an Excel workbook and a PDF.
//
// Run `quoteaudit --help` for usage. With no path it audits its bundled
// demo corpus.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first Ctrl-C the run winds down and says what it did
		// not write; a second one ends the program at once.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
