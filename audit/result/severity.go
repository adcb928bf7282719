package result

import (
	"fmt"
	"strings"
)

// Severity is how serious a finding is: info < warning < error.
type Severity string

// Severities, from least to most serious.
const (
	Info    Severity = "info"
	Warning Severity = "warning"
	Error   Severity = "error"
)

// Rank orders severities: info 1, warning 2, error 3; anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Info:
		return 1
	case Warning:
		return 2
	case Error:
		return 3
	}
	return 0
}

// Valid reports whether s is one of the three severities.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(name string) (Severity, error) {
	s := Severity(strings.ToLower(strings.TrimSpace(name)))
	if !s.Valid() {
		return "", fmt.Errorf("unknown severity %q (want error, warning or info)", name)
	}
	return s, nil
}

// Severities lists the severities from most to least serious, the order
// reports present them in.
func Severities() []Severity { return []Severity{Error, Warning, Info} }
