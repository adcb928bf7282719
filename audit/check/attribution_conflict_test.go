package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestAttributionConflictFires(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	fx.source("S3", "c.txt", "")
	fx.res.People = []result.Person{{ID: "P1", Name: "Fereshta Abbasi"}, {ID: "P2", Name: "Heather Barr"}}
	text := "Not unexpected, but tragic in its timing."
	fx.quote("S1Q1", "S1", 3, text, matchPerson("P1", "Abbasi"))
	fx.quote("S2Q1", "S2", 4, text, result.Speaker{Mention: "a Taliban spokesperson", Kind: result.KindAnonymous})
	fx.quote("S3Q1", "S3", 5, text, matchPerson("P2", "Barr"))
	matchWant(t, fx.run(attributionConflict()), `
error S2:4 S2Q1 | The same quotation is attributed to Fereshta Abbasi in a.txt and to an anonymous source (“a Taliban spokesperson”) in b.txt. [S1:3 attributed to Fereshta Abbasi here]
error S3:5 S3Q1 | The same quotation is attributed to Fereshta Abbasi in a.txt and to Heather Barr in c.txt. [S1:3 attributed to Fereshta Abbasi here]
`)
}

func TestAttributionConflictSpeakerOnLaterPart(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	// “We waited,” Amina said. “Then we left for the border at night.”
	fx.quote("S1Q1", "S1", 3, "We waited for weeks,", result.Speaker{})
	fx.quote("S1Q2", "S1", 3, "Then we left for the border at night.", matchPerson("P1", "Amina")).Continues = "S1Q1"
	fx.quote("S2Q1", "S2", 7, "We waited for weeks, then we left for the border at night.", matchPerson("P2", "Zahra"))
	matchWant(t, fx.run(attributionConflict()), `
error S2:7 S2Q1 | The same quotation is attributed to Amina in a.txt and to Zahra in b.txt. [S1:3 attributed to Amina here]
`)
}

func TestAttributionConflictSilent(t *testing.T) {
	fx := newMatchFixture(t)
	fx.source("S1", "a.txt", "")
	fx.source("S2", "b.txt", "")
	fx.source("S3", "c.txt", "")
	text := "Not unexpected, but tragic in its timing."
	// Same person under two spellings (resolved to one Person), and an
	// unknown speaker: no conflict.
	fx.quote("S1Q1", "S1", 3, text, matchPerson("P1", "Vladamir Putin"))
	fx.quote("S2Q1", "S2", 4, text, matchPerson("P1", "Vladimir Putin"))
	fx.quote("S3Q1", "S3", 5, text, result.Speaker{Kind: result.KindUnknown})
	matchWant(t, fx.run(attributionConflict()), ``)
}
