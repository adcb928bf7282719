package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/match"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// attributionConflict reports one quotation given to different speakers.
func attributionConflict() *Check {
	return &Check{
		Slug:  "attribution-conflict",
		Title: "the same quotation attributed to different speakers",
		Doc: "A quotation (exact, near, contained or fragment match) that one source gives to " +
			"one person and another source to a different person, or to a named person in " +
			"one source and to an anonymous source in another. Quotations whose speaker is " +
			"unknown do not conflict with anyone. Speakers are compared as resolved people " +
			"(spellings of the same name agree). The finding is placed at each version " +
			"that disagrees with the first attributed one and points at it. Example: “Not " +
			"unexpected, but tragic in its timing.” said by Fereshta Abbasi in a.txt and by " +
			"“a Taliban spokesperson” in b.txt → attribution-conflict.",
		Severity: result.Error,
		Run:      runAttributionConflict,
	}
}

func runAttributionConflict(pass *Pass) {
	next := matchNextParts(pass.Result)
	for i := range pass.Result.Matches {
		m := &pass.Result.Matches[i]
		var ref *result.Quote
		var refSpeaker result.Speaker
		refKey := ""
		for _, mem := range m.Members {
			q := pass.Index.Quote(mem.Quote)
			if q == nil {
				continue
			}
			sp := matchQuotationSpeaker(pass.Index, next, mem.Quote)
			key := match.SpeakerKey(sp)
			switch {
			case key == "":
				continue
			case ref == nil:
				ref, refSpeaker, refKey = q, sp, key
				continue
			case key == refKey:
				continue
			}
			refSrc, src := matchSourceName(pass.Index, ref.Source), matchSourceName(pass.Index, q.Source)
			msg := fmt.Sprintf("The same quotation is attributed to %s in %s and to %s in %s.",
				matchSpeakerLabel(pass.Index, refSpeaker), refSrc, matchSpeakerLabel(pass.Index, sp), src)
			pass.ReportQuote(q, msg,
				"Settle who said it with the original source and correct the attribution.",
				matchRelated(ref, fmt.Sprintf("attributed to %s here", matchSpeakerLabel(pass.Index, refSpeaker))))
		}
	}
}
