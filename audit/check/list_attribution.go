package check

// attributionChecks lists this family's checks in the order they run:
// quotations first, then their attribution, then the sources as a whole.
func attributionChecks() []*Check {
	return []*Check{
		unattributedQuote(),
		unbalancedQuote(),
		anonymousSource(),
		secondHandQuote(),
		loadedVerb(),
		alteredQuote(),
		surnameBeforeName(),
		missingByline(),
		missingDate(),
		dateConflict(),
		duplicatePassage(),
		copiedPassage(),
		factConflict(),
	}
}
