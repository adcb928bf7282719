package check

// matchChecks lists this family's checks in the order they run.
func matchChecks() []*Check {
	return []*Check{}
}
