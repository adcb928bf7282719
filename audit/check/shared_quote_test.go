package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestSharedQuoteFires(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "news/a.txt", "2025-07-05")
	fx.source("S2", "news/b.txt", "2025-07-04")
	fx.source("S3", "news/c.txt", "")
	k := matchPerson("P1", "Zamir Kabulov")
	fx.quote("S1Q1", "S1", 27, matchKabulov, k)
	fx.quote("S2Q1", "S2", 31, "“"+matchKabulov+"”", k)
	// Printed twice in one source: not a shared quotation.
	fx.quote("S3Q1", "S3", 10, "new phase of positive relations,", k)
	fx.quote("S3Q2", "S3", 19, "new phase of positive relations,", k)
	matchWant(t, fx.run(sharedQuote()), `
info S2:31 S2Q1 | The same quotation stands in 2 sources: a.txt, b.txt; earliest: b.txt. [S1:27 the same quotation in a.txt]
`)
}

func TestSharedQuoteNoDates(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	fx.source("S3", "c.txt", "")
	fx.quote("S1Q1", "S1", 3, matchKabulov, matchPerson("P1", "Zamir Kabulov"))
	fx.quote("S2Q1", "S2", 4, matchKabulov, matchPerson("P1", "Zamir Kabulov"))
	fx.quote("S3Q1", "S3", 5, "Supporting the de facto government in Kabul is the most pragmatic approach to prevent terrorism on our southern borders", matchPerson("P1", "Zamir Kabulov"))
	matchWant(t, fx.run(sharedQuote()), `
info S1:3 S1Q1 | The same quotation, worded slightly differently, stands in 3 sources: a.txt, b.txt, c.txt; earliest: unknown (dates missing or equal). [S2:4 the same quotation in b.txt] [S3:5 the same quotation in c.txt]
`)
}

func TestSharedQuoteSilent(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	putin := matchPerson("P2", "Vladimir Putin")
	// Fragments of the same speaker group, but are not provenance.
	fx.quote("S1Q1", "S1", 3, "ally", putin).Fragment = true
	fx.quote("S2Q1", "S2", 4, "ally", putin).Fragment = true
	// Different quotations.
	fx.quote("S1Q2", "S1", 5, "The UN has failed us", result.Speaker{})
	fx.quote("S2Q2", "S2", 6, "We urge the international community to stop cooperating", result.Speaker{})
	matchWant(t, fx.run(sharedQuote()), ``)
}
