package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

// anonymousSource reports quotations from unnamed speakers.
func anonymousSource() *Check {
	return &Check{
		Slug:  "anonymous-source",
		Title: "anonymous source without a stated reason",
		Doc: "A quotation whose speaker is described but not named (“a Taliban " +
			"spokesperson”, “a State Department official”). Anonymous sources are the " +
			"weakest: the article should say why the speaker is not named. The reason is " +
			"looked for in the attribution's paragraph, outside quotation marks, among the " +
			"rule files' anonymous.reasons. Warning when no reason is given, when the only " +
			"reason is a formula that describes the arrangement rather than a motive (“on " +
			"condition of anonymity”, “who asked not to be named”, “not authorised to " +
			"speak”), for a bare “a source” or “sources” with no description, and for " +
			"“sources” in the plural quoting one person in the first person singular. When " +
			"a real reason is given (“wrote anonymously for fear of reprisal”, “for their " +
			"safety”) the quotation is still listed, as info naming the reason, so that an " +
			"editor sees every anonymous voice in the piece. Example: “We have nothing to " +
			"hide,” a Taliban spokesperson told The Telegraph. → anonymous-source.",
		Severity: result.Warning,
		Run:      runAnonymousSource,
	}
}

// anonymityFormulas are reason phrases that state the arrangement, not a
// motive: they count as barely a reason.
var anonymityFormulas = []string{"condition of anonymity", "asked not to be", "declined to be named", "not authorised", "not authorized", "were not authorised", "were not authorized"}

var firstPersonSingular = regexp.MustCompile(`(?i)(^|[^\p{L}])(i|me|my|mine|myself|i'm|i’m|i've|i’ve)([^\p{L}]|$)`)

func runAnonymousSource(pass *Pass) {
	lx := pass.Lexicon()
	singular := map[string]bool{}
	if pass.Rules != nil {
		for _, d := range pass.Rules.Anonymous.Descriptors {
			singular[strings.ToLower(strings.TrimSpace(d))] = true
		}
	}
	spans := quoteSpansBySource(pass.Result, pass.Docs)
	parts := &quotationParts{pass: pass}
	for i := range pass.Result.Quotes {
		q := &pass.Result.Quotes[i]
		if q.Speaker.Kind != result.KindAnonymous || q.Fragment || endsWithProperName(lx, q.Speaker.Mention) {
			continue
		}
		if q.Continues != "" {
			if root := quotationRoot(pass.Index, q); root != q && sameSpeaker(root.Speaker, q.Speaker) {
				continue
			}
		}
		doc := pass.Docs[q.Source]
		context := ""
		if doc != nil {
			context = attributionContext(doc, q, spans[q.Source])
		}
		mention := q.Speaker.Mention
		if mention == "" {
			mention = "an unnamed speaker"
		}
		reason := anonymityReason(pass, lx, context)
		head := descriptorHead(mention)
		switch {
		case bareSource(mention):
			pass.ReportQuote(q,
				fmt.Sprintf("Attributed only to %q: the reader cannot tell who this is or how they know.", mention),
				"Describe the source (which office, what role, how they know) and say why they are not named.")
		case lx.Descriptor(head) && !singular[head] && firstPersonSingular.MatchString(parts.text(q)):
			pass.ReportQuote(q,
				fmt.Sprintf("Attributed to %q in the plural, but the quotation speaks as one person (“I”).", mention),
				"Use the singular for one speaker (“an official said”) and say why they are not named.")
		case reason == "" && spokespersonHeads[head]:
			pass.ReportQuote(q,
				fmt.Sprintf("Anonymous source %q: the article does not say why the speaker is not named.", mention),
				"Name the spokesperson, or attribute the words to the organisation they speak for (“the ministry said”).")
		case reason == "":
			pass.ReportQuote(q,
				fmt.Sprintf("Anonymous source %q: the article does not say why the speaker is not named.", mention),
				"Say why the speaker is not named (e.g. “who spoke on condition of anonymity because …”), or name them.")
		case isAnonymityFormula(reason):
			pass.ReportQuote(q,
				fmt.Sprintf("Anonymous source %q: the only reason given, %q, is a formula, not a motive.", mention, reason),
				"Say why the speaker could not be named (their safety, their job), not only that they asked.")
		default:
			pass.Report(result.Finding{
				Severity: severityAtMost(pass.Severity, result.Info),
				Source:   q.Source, Line: q.Line, Column: q.Column, Quote: q.ID, Evidence: q.Text,
				Message: fmt.Sprintf("Anonymous source %q; reason given: %q.", mention, reason),
			})
		}
	}
}

// attributionContext is the text of the quote's paragraph, and of the
// paragraph holding its attribution cue when that is another one, with
// every quotation blanked out.
func attributionContext(doc *source.Document, q *result.Quote, spans []source.Span) string {
	var parts []string
	add := func(p int) {
		if p < 0 || p >= len(doc.Paragraphs) {
			return
		}
		sp := doc.Paragraphs[p]
		parts = append(parts, blankSpans(doc.Text, sp.Start, sp.End, spans))
	}
	qp := doc.ParagraphAt(q.Start)
	add(qp)
	if off := offsetOfPosition(doc, q.Speaker.Line, q.Speaker.Column); off >= 0 {
		if sp := doc.ParagraphAt(off); sp != qp {
			add(sp)
		}
	}
	if qp < 0 && q.Start >= 0 && q.End <= len(doc.Text) && q.Start <= q.End {
		parts = append(parts, doc.Text[q.Start:q.End])
	}
	return strings.Join(parts, "\n")
}

// descriptorHead is the last word of a speaker mention, lower-cased
// ("a senior State Department official" → "official").
func descriptorHead(mention string) string {
	f := strings.Fields(strings.ToLower(mention))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:!?\"'’”")
}

var spokespersonHeads = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true, "representative": true}

// endsWithProperName reports whether a mention the extractor took for
// an anonymous descriptor ends with a personal name ("Liberal Democrat
// spokeswoman Sandra Gidley"): its last two words are capitalised and
// neither is a descriptor. Such a speaker is named, not anonymous.
func endsWithProperName(lx *lexicon.Lexicon, mention string) bool {
	f := strings.Fields(mention)
	if len(f) < 3 {
		return false // "Taliban spokesperson", "A source": too short to hold a descriptor and a name
	}
	for _, w := range f[len(f)-2:] {
		w = strings.Trim(w, ".,;:’'")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || lx.Descriptor(strings.ToLower(w)) || strings.ToUpper(w) == w {
			return false
		}
	}
	return true
}

// bareSource reports whether a mention is only "a source" or "sources",
// with no description ("a source", "sources", "one source").
func bareSource(mention string) bool {
	f := strings.Fields(strings.ToLower(mention))
	for len(f) > 0 {
		switch f[0] {
		case "a", "an", "the", "one", "some", "two", "three", "several", "many", "other", "our":
			f = f[1:]
			continue
		}
		break
	}
	return len(f) == 1 && (strings.Trim(f[0], ".,;:") == "source" || strings.Trim(f[0], ".,;:") == "sources")
}

// anonymityReason returns the stated reason for anonymity in context:
// a motive when one is given, else a formula, else "".
func anonymityReason(pass *Pass, lx *lexicon.Lexicon, context string) string {
	first := lx.Reason(context)
	if first == "" || !isAnonymityFormula(first) || pass.Rules == nil {
		return first
	}
	low := strings.ToLower(context)
	for _, r := range pass.Rules.Anonymous.Reasons {
		r = strings.ToLower(strings.TrimSpace(r))
		if r != "" && !isAnonymityFormula(r) && strings.Contains(low, r) {
			return r
		}
	}
	return first
}

func isAnonymityFormula(reason string) bool {
	for _, f := range anonymityFormulas {
		if strings.Contains(reason, f) {
			return true
		}
	}
	return false
}

// quotationParts joins the parts of quotations; the index of
// continuations is built on first use.
type quotationParts struct {
	pass *Pass
	next map[string][]*result.Quote // first part ID -> later parts, in result order
}

// text is the text of q and of the parts that continue it.
func (qp *quotationParts) text(q *result.Quote) string {
	if qp.next == nil {
		qp.next = map[string][]*result.Quote{}
		for i := range qp.pass.Result.Quotes {
			p := &qp.pass.Result.Quotes[i]
			if p.Continues != "" {
				root := quotationRoot(qp.pass.Index, p)
				qp.next[root.ID] = append(qp.next[root.ID], p)
			}
		}
	}
	var b strings.Builder
	b.WriteString(q.Text)
	for _, p := range qp.next[q.ID] {
		b.WriteString(" ")
		b.WriteString(p.Text)
	}
	return b.String()
}
