// Package jsonreport writes quoteaudit.json, the machine-readable report
// other tools read (schema_version 1). The same result gives a
// byte-identical file.
package jsonreport

import (
	"encoding/json"
	"io"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// Write encodes r as indented JSON. Slices are written as [] rather than
// null so that readers can iterate without checks.
func Write(w io.Writer, r *result.Result) error {
	out := *r
	fill(&out)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

// Read decodes a report written by Write.
func Read(rd io.Reader) (*result.Result, error) {
	var r result.Result
	dec := json.NewDecoder(rd)
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

func fill(r *result.Result) {
	if r.Inputs == nil {
		r.Inputs = []string{}
	}
	if r.RuleFiles == nil {
		r.RuleFiles = []result.RuleFile{}
	}
	if r.Sources == nil {
		r.Sources = []result.Source{}
	}
	if r.Skipped == nil {
		r.Skipped = []result.Skipped{}
	}
	if r.Quotes == nil {
		r.Quotes = []result.Quote{}
	}
	if r.People == nil {
		r.People = []result.Person{}
	}
	if r.Matches == nil {
		r.Matches = []result.Match{}
	}
	if r.Findings == nil {
		r.Findings = []result.Finding{}
	}
	if r.Checks == nil {
		r.Checks = []result.CheckInfo{}
	}
	if r.Stats.ByCheck == nil {
		r.Stats.ByCheck = map[string]int{}
	}
	// Nested slices that other tools iterate.
	srcs := make([]result.Source, len(r.Sources))
	for i, s := range r.Sources {
		if s.Dates == nil {
			s.Dates = []result.Date{}
		}
		srcs[i] = s
	}
	r.Sources = srcs
	fs := make([]result.Finding, len(r.Findings))
	for i, f := range r.Findings {
		if f.Related == nil {
			f.Related = []result.Related{}
		}
		fs[i] = f
	}
	r.Findings = fs
}
