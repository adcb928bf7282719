package rules

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadDefaults measures the fixed cost of every run: parsing,
// validating and merging the bundled default.yaml.
func BenchmarkLoadDefaults(b *testing.B) {
	for b.Loop() {
		if _, err := LoadBytes("empty.yaml", nil, LoadOptions{Checks: testChecks}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadRoster measures a large newsroom roster: 5,000 people and
// 500 facts.
func BenchmarkLoadRoster(b *testing.B) {
	var s strings.Builder
	s.WriteString("people:\n")
	for i := range 5000 {
		fmt.Fprintf(&s, "  - name: Person Number%d\n    aliases: [P. Number%d, Number%d]\n    roles: [adviser]\n", i, i, i)
	}
	s.WriteString("facts:\n")
	for i := range 500 {
		fmt.Fprintf(&s, "  - id: fact-%d\n    pattern: 'claim %d'\n    value: '(\\d+) things'\n    kind: number\n", i, i)
	}
	data := []byte(s.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := LoadBytes("roster.yaml", data, LoadOptions{NoDefaults: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAliasBomb measures how fast a billion-laughs file is
// refused.
func BenchmarkLoadAliasBomb(b *testing.B) {
	var s strings.Builder
	s.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&s, "%s: &%s [%s]\n", n, n, strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", "))
		prev = n
	}
	data := []byte("checks:\n  x:\n    options:\n" + indent(s.String(), "      "))
	for b.Loop() {
		if _, err := LoadBytes("bomb.yaml", data, LoadOptions{NoDefaults: true}); err == nil {
			b.Fatal("bomb loaded")
		}
	}
}

// BenchmarkLoadAliasesAtCap measures the worst accepted aliasing: one
// anchor of 1,000 values used 99 times, just under the expansion cap.
func BenchmarkLoadAliasesAtCap(b *testing.B) {
	var s strings.Builder
	s.WriteString("names:\n  allow: &big [")
	for i := range 1000 {
		if i > 0 {
			s.WriteString(", ")
		}
		fmt.Fprintf(&s, "N%d", i)
	}
	s.WriteString("]\npeople:\n")
	for i := range 99 {
		fmt.Fprintf(&s, "  - name: P%d\n    aliases: *big\n", i)
	}
	data := []byte(s.String())
	for b.Loop() {
		if _, err := LoadBytes("cap.yaml", data, LoadOptions{NoDefaults: true}); err != nil {
			b.Fatal(err)
		}
	}
}
