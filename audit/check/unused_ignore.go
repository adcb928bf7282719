package check

// unusedIgnore is implemented with the ignore mechanism (ignore.go).
func unusedIgnore() *Check {
	return &Check{
		Slug:     "unused-ignore",
		Title:    "an ignore rule that matched no finding",
		Doc:      "placeholder until the ignore mechanism lands",
		Severity: "warning",
		Run:      func(*Pass) {},
	}
}
