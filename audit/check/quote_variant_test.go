package check

import (
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestQuoteVariantFires(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "2025-07-04")
	fx.source("S2", "b.txt", "2025-07-06")
	k := matchPerson("P1", "Zamir Kabulov")
	fx.quote("S1Q1", "S1", 27, matchKabulov, k)
	fx.quote("S2Q1", "S2", 31, strings.Replace(matchKabulov, "preventing", "prevent", 1), k)
	matchWant(t, fx.run(quoteVariant()), `
warning S2:31 S2Q1 | The same quotation is worded differently: “preventing” in a.txt became “prevent” in b.txt. [S1:27 the quotation as a.txt prints it]
`)
}

func TestQuoteVariantNegationIsError(t *testing.T) {
	fx := newMatchFixture(t)
	// The earlier source is the second one: the finding goes on the first
	// quote (the later version) and the difference reads from the earlier.
	fx.source("S1", "a.txt", "2025-07-09")
	fx.source("S2", "b.txt", "2025-07-01")
	fx.quote("S1Q1", "S1", 5, "These are nice people, but leadership is about taking difficult decisions", result.Speaker{})
	fx.quote("S2Q1", "S2", 8, "These are not nice people, but leadership is about taking difficult decisions", result.Speaker{})
	matchWant(t, fx.run(quoteVariant()), `
error S1:5 S1Q1 | The same quotation is worded differently: “not” in b.txt is missing in a.txt. A negation or qualifier differs (dropped “not”): the meaning changed. [S2:8 the quotation as b.txt prints it]
`)
}

func TestQuoteVariantContained(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	fx.quote("S1Q1", "S1", 3, "It is the Christian way to meet those asking for help with compassion, and it has long been the British way to give shelter where we can to those escaping violence.", result.Speaker{})
	// A faithful part: silent. A part with a word changed: reported.
	fx.quote("S2Q1", "S2", 4, "it has long been the British way to give shelter", result.Speaker{})
	fx.quote("S2Q2", "S2", 9, "it has always been the British way to give shelter where we can", result.Speaker{})
	matchWant(t, fx.run(quoteVariant()), `
error S2:9 S2Q2 | The same quotation is worded differently: “long” in a.txt became “always” in b.txt. A negation or qualifier differs (added “always”): the meaning changed. [S1:3 the quotation as a.txt prints it]
`)
}

func TestQuoteVariantSilent(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	// Only typography and punctuation differ.
	fx.quote("S1Q1", "S1", 3, "We don’t know if we will be forgotten, or when.", result.Speaker{})
	fx.quote("S2Q1", "S2", 4, `We don't know if we will be forgotten; or when`, result.Speaker{})
	fx.quote("S1Q2", "S1", 5, matchKabulov, result.Speaker{})
	fx.quote("S2Q2", "S2", 6, matchKabulov, result.Speaker{})
	matchWant(t, fx.run(quoteVariant()), ``)
}
