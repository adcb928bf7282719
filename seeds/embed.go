// Package seeds is quoteaudit's bundled demo corpus: five short articles
// about Russia's recognition of the Taliban, written for this project
// around real quotations, with the traps the tool exists to catch
// (see README.md), and the demo story's rule file.
//
// `quoteaudit` with no path audits this corpus with these rules.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt rules.yaml
var files embed.FS

// FS returns the demo articles (and rules.yaml) as a read-only file system.
func FS() fs.FS { return files }

// Rules returns the demo story's rule file.
func Rules() []byte {
	data, err := files.ReadFile("rules.yaml")
	if err != nil {
		panic("seeds: rules.yaml is not embedded: " + err.Error()) // a build error, not an input error
	}
	return data
}
