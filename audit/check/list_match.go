package check

import (
	"path/filepath"
	"strings"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// matchChecks lists this family's checks in the order they run.
func matchChecks() []*Check {
	return []*Check{sharedQuote(), quoteVariant(), attributionConflict()}
}

// Helpers of the match checks (shared-quote, quote-variant,
// attribution-conflict). Names start with "match" because three engineers
// share this package.

// matchSourceName names a source in a message: the base name of its path,
// or its ID.
func matchSourceName(ix *result.Index, id string) string {
	if s := ix.Source(id); s != nil && s.Path != "" {
		return filepath.Base(s.Path)
	}
	return id
}

// matchRelated places a quote as a related position.
func matchRelated(q *result.Quote, message string) result.Related {
	return result.Related{Source: q.Source, Line: q.Line, Column: q.Column, Message: message}
}

// matchNextParts maps each quote ID to the ID of the part that continues
// it (the first in result order when several claim the same part).
func matchNextParts(r *result.Result) map[string]string {
	next := map[string]string{}
	for _, q := range r.Quotes {
		if q.Continues == "" || q.Continues == q.ID {
			continue
		}
		if _, ok := next[q.Continues]; !ok {
			next[q.Continues] = q.ID
		}
	}
	return next
}

// matchQuotationSpeaker is the speaker of the quotation that starts at
// quote id: the first part with a known speaker, else the first part's.
func matchQuotationSpeaker(ix *result.Index, next map[string]string, id string) result.Speaker {
	first := ix.Quote(id)
	if first == nil {
		return result.Speaker{}
	}
	seen := map[string]bool{}
	for q := first; q != nil && !seen[q.ID]; q = ix.Quote(next[q.ID]) {
		seen[q.ID] = true
		if q.Speaker.Known() {
			return q.Speaker
		}
	}
	return first.Speaker
}

// matchSpeakerLabel names a speaker in a message.
func matchSpeakerLabel(ix *result.Index, s result.Speaker) string {
	if s.Kind == result.KindAnonymous {
		if s.Mention != "" {
			return "an anonymous source (“" + s.Mention + "”)"
		}
		return "an anonymous source"
	}
	if s.Person != "" {
		if p := ix.Person(s.Person); p != nil && p.Name != "" {
			return p.Name
		}
	}
	for _, n := range []string{s.Name, s.Mention} {
		if strings.TrimSpace(n) != "" {
			return n
		}
	}
	return "an unnamed speaker"
}
