package check

// nameChecks lists this family's checks in the order they run.
func nameChecks() []*Check {
	return []*Check{
		nameVariant(),
		ambiguousSpeaker(),
		roleConflict(),
		spellingVariant(),
	}
}
