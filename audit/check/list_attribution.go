package check

// attributionChecks lists this family's checks in the order they run.
func attributionChecks() []*Check {
	return []*Check{}
}
