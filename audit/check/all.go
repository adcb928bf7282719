package check

// All returns the catalogue, a fresh value each call, in the order the
// checks run and are documented. Adding a check: write its file and test,
// then list it in the list function of its family below.
func All() []*Check {
	var all []*Check
	all = append(all, attributionChecks()...) // quotes, attribution, sources (list_attribution.go)
	all = append(all, matchChecks()...)       // cross-source quote matches (list_match.go)
	all = append(all, nameChecks()...)        // people and spellings (list_names.go)
	all = append(all, unusedIgnore())         // always last: reads the other checks' findings
	return all
}
