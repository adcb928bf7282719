// Package rules defines quoteaudit's rule files (YAML that editors write:
// roster, verbs, anonymous descriptors, facts, check settings, ignores),
// loads them strictly with every error at file:line:col, merges them over
// the bundled defaults and compiles them once for the checks.
//
// Load and LoadBytes return a *Set, or an *Errors listing every problem of
// every file (unknown or duplicate keys with the closest known key, wrong
// types, bad severities and kinds, unknown checks and options, invalid
// regular expressions and globs, missing names and reasons), each at
// file:line:col with the offending line; Errors.Format prints them for a
// terminal. Aliases are allowed but capped, so an alias bomb is an error,
// and a file over MaxFileSize is refused unread.
package rules

import (
	"fmt"
	"regexp"
	"strconv"
)

// Set is the merged, validated and compiled rules of one run.
type Set struct {
	// File is the merge of every loaded file, in order.
	File
	// Sources are the files that make up the set, in load order, with
	// the SHA-256 of their bytes. The bundled defaults are named
	// "(bundled) rules/default.yaml".
	Sources []Source
	// Facts are File.Facts with their patterns compiled.
	Facts []CompiledFact
}

// Source is one loaded rule file.
type Source struct {
	Path   string
	SHA256 string
}

// CompiledFact is a Fact with its regular expressions compiled
// (case-insensitive RE2).
type CompiledFact struct {
	Fact
	PatternRE *regexp.Regexp
	ValueRE   *regexp.Regexp
}

// Off is the severity value that turns a check off.
const Off = "off"

// CheckSeverity returns the severity name configured for the check slug
// ("error", "warning", "info" or "off"), or "" when the rules leave the
// default in force.
func (s *Set) CheckSeverity(slug string) string {
	if s == nil {
		return ""
	}
	return s.Checks[slug].Severity
}

// Option returns the raw value of a check option, if set.
func (s *Set) Option(slug, name string) (any, bool) {
	if s == nil {
		return nil, false
	}
	v, ok := s.Checks[slug].Options[name]
	return v, ok
}

// IntOption returns a whole-number check option, or def when it is not
// set. Validation at load time guarantees a set value is a whole number
// for the options checks declare as such.
func (s *Set) IntOption(slug, name string, def int) int {
	v, ok := s.Option(slug, name)
	if !ok {
		return def
	}
	n, err := toInt(v)
	if err != nil {
		return def
	}
	return n
}

func toInt(v any) (int, error) {
	switch x := v.(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case uint64:
		return int(x), nil
	case float64:
		if x == float64(int(x)) {
			return int(x), nil
		}
	case string:
		return strconv.Atoi(x)
	}
	return 0, fmt.Errorf("%v is not a whole number", v)
}
