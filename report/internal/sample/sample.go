// Package sample holds hand-built audit results that the report writers
// (workbook, PDF) share in their tests and benchmarks. Result is a small,
// realistic run full of traps: Cyrillic, Arabic, an emoji and accented
// Latin; a fragment, mismatched and unclosed marks, an interrupted
// quotation, an unattributed quote, quotes that look like spreadsheet
// formulas, a 3,000-word quotation, name variants, an exact and a near
// match group, and findings of every severity including an ignored one.
// Large builds results of any size for scale tests. Both are
// deterministic: the same call returns the same value.
package sample

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

// GeneratedAt is the fixed time of every sample run.
var generatedAt = time.Date(2025, time.July, 9, 14, 30, 0, 0, time.UTC)

// GeneratedAt returns the fixed time stamped on every sample result.
func GeneratedAt() time.Time { return generatedAt }

// Version is the tool version the samples carry.
const Version = "0.1.0-sample"

// Well-known texts of Result, exported so tests can look for them.
const (
	SumQuote       = "=SUM(A1:A9) is what the spreadsheet showed, and nobody could make the figures add up"
	HyperlinkQuote = `=HYPERLINK("http://x","y")`
	LongQuoteWords = 3000
)

// LongQuote returns the deterministic ~3,000-word quotation of Result.
func LongQuote() string { return longText(LongQuoteWords, 7) }

// longText makes n words of plain English-like text from a fixed
// vocabulary, with sentences of 6 to 17 words, from seed.
func longText(n int, seed uint32) string {
	vocab := []string{
		"we", "have", "waited", "for", "the", "border", "to", "open", "and", "every",
		"morning", "brings", "more", "families", "carrying", "what", "they", "can", "from",
		"camps", "near", "the", "river", "where", "winter", "arrives", "early", "schools",
		"remain", "closed", "to", "girls", "while", "officials", "promise", "change", "that",
		"never", "comes", "our", "children", "ask", "when", "they", "may", "study", "again",
		"nobody", "answers", "them", "clearly", "aid", "trucks", "stand", "idle", "at",
		"checkpoints", "because", "papers", "are", "missing", "or", "stamped", "wrongly",
		"people", "sell", "their", "land", "cheaply", "simply", "to", "survive", "another",
		"season", "in", "rented", "rooms", "far", "from", "home",
	}
	var b strings.Builder
	b.Grow(n * 7)
	x := seed
	next := func() uint32 { x = x*1664525 + 1013904223; return x >> 8 }
	sentence := 0
	limit := 6 + int(next()%12)
	for i := 0; i < n; i++ {
		w := vocab[next()%uint32(len(vocab))]
		if sentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		sentence++
		if sentence == limit || i == n-1 {
			b.WriteByte('.')
			sentence = 0
			limit = 6 + int(next()%12)
		}
	}
	return b.String()
}

// fingerprint is a stable finding ID like the engine's: a hash of the
// check, the source and the evidence.
func fingerprint(check, source, evidence string, extra ...string) string {
	h := sha256.New()
	for _, s := range append([]string{check, source, evidence}, extra...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// quote builds a quote with End derived from Start and the text.
func quote(id, src string, start, line, col, para int, text string, sp result.Speaker, verb string) result.Quote {
	return result.Quote{
		ID: id, Source: src, Start: start, End: start + len(text), Line: line, Column: col,
		Text: text, OpenMark: "“", CloseMark: "”", Speaker: sp, Verb: verb, Paragraph: para,
	}
}

func person(mention, name, role, id string) result.Speaker {
	return result.Speaker{Mention: mention, Name: name, Role: role, Kind: result.KindPerson, Person: id}
}

// Checks returns the catalogue the samples use, in catalogue order.
func Checks() []result.CheckInfo {
	c := func(slug, title, doc string, sev result.Severity, on bool) result.CheckInfo {
		return result.CheckInfo{Slug: slug, Title: title, Doc: doc, Severity: sev, Enabled: on}
	}
	return []result.CheckInfo{
		c("unattributed-quote", "quotation with no speaker", "A full quotation whose speaker cannot be identified. Example: “We will not be forgotten.” standing alone in a paragraph → unattributed-quote.", result.Error, true),
		c("unbalanced-quote", "quotation marks that do not pair", "An opening mark with no closing mark, or marks of different kinds (‘ … ”). Example: ‘we are disappointed” → unbalanced-quote.", result.Warning, true),
		c("missing-byline", "source without a byline", "The article names no author. Example: “Written by:” followed by nothing → missing-byline.", result.Warning, true),
		c("missing-date", "source without a date", "No date was found near the top of the article.", result.Warning, true),
		c("date-conflict", "a source whose own dates disagree", "Two different dates in the top matter of one article. Example: “Thursday, December 04, 2025” above “July 8, 2025” → date-conflict.", result.Warning, true),
		c("anonymous-source", "anonymous speaker without a stated reason", "A quotation credited to an unnamed source with no reason given for the anonymity. Example: “…” said a source. → anonymous-source.", result.Warning, true),
		c("second-hand-quote", "quotation taken from another outlet", "A quotation credited to another outlet (“told the BBC”), or copied from an earlier source without credit.", result.Info, true),
		c("loaded-verb", "attribution verb that editorialises", "Verbs such as “claimed” or “admitted” take sides. Example: “…”, he claimed. → loaded-verb; suggestion: said.", result.Warning, true),
		c("altered-quote", "quotation changed by ellipsis or insertion", "Bracketed insertions and leading or trailing ellipses inside a quotation. Example: ‘[we are] disappointed’ → altered-quote.", result.Info, true),
		c("surname-before-name", "surname used before the full name", "A person is first called by surname and only later introduced in full.", result.Warning, true),
		c("duplicate-passage", "paragraph printed twice", "The same paragraph appears twice in one source.", result.Warning, true),
		c("copied-passage", "passage shared word for word by two sources", "A run of at least min_words words outside quotations shared by two sources.", result.Warning, false),
		c("fact-conflict", "sources disagree on a fact", "A fact from the rule files has different values in different sources. Example: July 3 in one article, July 4 in another → fact-conflict.", result.Error, true),
		c("shared-quote", "the same quotation in several sources", "The same quotation stands in several sources; the earliest is named.", result.Info, true),
		c("quote-variant", "the same quotation worded differently", "Two sources quote the same words differently. Example: “will like to follow” against “would like to follow” → quote-variant.", result.Warning, true),
		c("name-variant", "a person's name spelled differently", "One person spelled in several ways, within a source, against the roster or across sources.", result.Warning, true),
		c("ambiguous-speaker", "speaker who could be more than one person", "A short attribution (“Maria said”) that fits several people.", result.Warning, true),
		c("unused-ignore", "an ignore rule that matched no finding", "An ignore entry of a rule file that suppressed nothing: it may be stale.", result.Warning, true),
	}
}

// Result returns the hand-built sample result. Every call returns a fresh
// value that the caller may modify.
func Result() *result.Result {
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "quoteaudit", Version: Version},
		GeneratedAt:   generatedAt,
		Title:         "Russia recognises the Taliban — desk audit",
		Inputs:        []string{"articles/"},
		RuleFiles: []result.RuleFile{
			{Path: "(built in) default.yaml", SHA256: sha("default rules")},
			{Path: "rules/newsroom.yaml", SHA256: sha("newsroom rules")},
		},
		Checks: Checks(),
	}
	r.Sources = []result.Source{
		{ID: "S1", Path: "articles/embassy-moscow.txt", Format: "txt", Encoding: "utf-8",
			Title: "Afghan refugees fear a world moving towards the Taliban",
			Dates: []result.Date{{Text: "July the 4th 2025", ISO: "2025-07-04", Line: 7, Column: 22}},
			Words: 4960, Paragraphs: 31},
		{ID: "S2", Path: "articles/recognition.md", Format: "md", Encoding: "utf-8-bom",
			Title: "Russia's recognition of the Taliban: a blow to Afghan hopes", Byline: "Staff reporter",
			Dates: []result.Date{{Text: "July 3, 2025", ISO: "2025-07-03", Line: 5, Column: 48}},
			Words: 1210, Paragraphs: 18},
		{ID: "S3", Path: "articles/kabul-reaction-кабул.html", Format: "html", Encoding: "utf-8",
			Title:  "«Мы не забыты»: reaction in كابل 🌍",
			Byline: "Zoë Ramírez",
			Dates:  []result.Date{{Text: "5 июля 2025", ISO: "2025-07-05", Line: 3, Column: 1}},
			Words:  870, Paragraphs: 12},
		{ID: "S4", Path: "articles/border-crisis.txt", Format: "txt", Encoding: "windows-1252",
			Title: "Russia becomes first to recognise the Taliban as the border crisis deepens", Byline: "Desk",
			Dates: []result.Date{
				{Text: "Thursday, December 04, 2025", ISO: "2025-12-04", Line: 1, Column: 1},
				{Text: "July 8, 2025", ISO: "2025-07-08", Line: 5, Column: 1},
			},
			Words: 640, Paragraphs: 9, Notes: []string{"transcoded from windows-1252"}},
	}
	r.Skipped = []result.Skipped{
		{Path: "articles/notes.docx", Reason: "not a valid .docx: zip: not a valid zip file"},
		{Path: "articles/photo.jpg", Reason: "unsupported format .jpg"},
	}

	kabulov := person("Kabulov", "Zamir Kabulov", "Russia's special envoy for Afghanistan", "P2")
	muttaqi := person("Amir Khan Muttaqi", "Amir Khan Muttaqi", "Foreign Minister", "P3")
	long := LongQuote()
	q := []result.Quote{
		quote("S1-Q1", "S1", 120, 5, 1, 3, "We don’t know if we will be forgotten.", result.Speaker{Kind: result.KindUnknown}, ""),
		quote("S1-Q2", "S1", 2140, 14, 9, 8, "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders.", kabulov, "said"),
		quote("S1-Q3", "S1", 2600, 16, 41, 9, "ally", person("Vladamir Putin", "Vladimir Putin", "", "P1"), "called"),
		quote("S1-Q4", "S1", 3020, 18, 68, 10, "[we are] Disappointed by Russia’s recognition that sets a dangerous precedent", person("Richard Bernett", "Richard Bennett", "UN Special Rapporteur for Afghanistan", "P4"), "writing"),
		quote("S1-Q5", "S1", 3900, 22, 2, 13, SumQuote, result.Speaker{Mention: "an aid official", Kind: result.KindAnonymous}, "said"),
		quote("S1-Q6", "S1", 4700, 26, 2, 16, long, result.Speaker{Mention: "a Taliban spokesperson", Role: "spokesperson", Kind: result.KindAnonymous}, "told"),
		quote("S2-Q1", "S2", 900, 9, 15, 4, "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders.", person("Zamir Kabulov", "Zamir Kabulov", "Russia's special envoy for Afghanistan", "P2"), "said"),
		quote("S2-Q2", "S2", 310, 5, 120, 2, "positive precedent", muttaqi, "called"),
		quote("S2-Q3", "S2", 420, 5, 230, 2, "other countries will like to follow.", muttaqi, "stating"),
		quote("S2-Q4", "S2", 1500, 12, 3, 7, HyperlinkQuote, person("Richard Bennett", "Richard Bennett", "UN Special Rapporteur for Afghanistan", "P4"), "claimed"),
		quote("S3-Q1", "S3", 200, 6, 5, 2, "Мы не забыты,", person("José Núñez", "José Núñez", "aid worker", "P6"), "said"),
		quote("S3-Q2", "S3", 260, 6, 52, 2, "и мы останемся здесь — سنبقى هنا 🌍 — whatever Moscow decides.", person("José Núñez", "José Núñez", "aid worker", "P6"), "said"),
		quote("S3-Q3", "S3", 700, 9, 12, 5, "other countries would like to follow.", person("Муттаки", "Amir Khan Muttaqi", "министр иностранных дел", "P3"), "said"),
		quote("S3-Q4", "S3", 1100, 11, 1, 7, "It cannot foster peace; it will only normalise the regime.", person("Fawzia Koofi", "Fawzia Koofi", "former Afghan politician", "P5"), "warned"),
		quote("S4-Q1", "S4", 800, 8, 1, 4, "We recognise the Islamic Emirate and expect others to do the same.", person("Vladimir Putin", "Vladimir Putin", "President", "P1"), "said"),
		quote("S4-Q2", "S4", 1300, 12, 1, 6, "The crossing is overwhelmed and nobody is coming to help", result.Speaker{Mention: "sources", Kind: result.KindAnonymous}, "said"),
		quote("S4-Q3", "S4", 1600, 14, 30, 7, "ally", person("Vladimir Putin", "Vladimir Putin", "President", "P1"), "called"),
	}
	q[2].Fragment, q[7].Fragment, q[16].Fragment = true, true, true
	q[2].OpenMark, q[2].CloseMark = "‘", "’"
	q[3].OpenMark, q[3].CloseMark, q[3].Mismatched = "‘", "”", true
	q[3].Insertions = []string{"[we are]"}
	q[5].Via = "The Telegraph"
	q[11].Continues = "S3-Q1"
	q[11].OpenMark, q[11].CloseMark = "«", "»"
	q[10].OpenMark, q[10].CloseMark = "«", "»"
	q[15].CloseMark, q[15].Unclosed = "", true
	q[1].Match, q[6].Match = "M1", "M1"
	q[8].Match, q[12].Match = "M2", "M2"
	r.Quotes = q

	r.People = []result.Person{
		{ID: "P1", Name: "Vladimir Putin", Roster: true,
			Variants: []result.Variant{
				{Text: "Vladamir Putin", Count: 1, Sources: []string{"S1"}, Places: []result.Place{{Source: "S1", Line: 16, Column: 20}}},
				{Text: "Vladimir Putin", Count: 2, Sources: []string{"S4"}, Places: []result.Place{{Source: "S4", Line: 8, Column: 70}, {Source: "S4", Line: 14, Column: 1}}},
			},
			Roles: []result.Role{{Text: "President", Source: "S4", Line: 8, Column: 60}}},
		{ID: "P2", Name: "Zamir Kabulov",
			Variants: []result.Variant{
				{Text: "Kabulov", Count: 1, Sources: []string{"S1"}, Places: []result.Place{{Source: "S1", Line: 14, Column: 1}}},
				{Text: "Zamir Kabulov", Count: 2, Sources: []string{"S1", "S2"}, Places: []result.Place{{Source: "S1", Line: 20, Column: 5}, {Source: "S2", Line: 9, Column: 140}}},
			},
			Roles: []result.Role{{Text: "Russia's special envoy for Afghanistan", Source: "S1", Line: 20, Column: 20}}},
		{ID: "P3", Name: "Amir Khan Muttaqi", Roster: true,
			Variants: []result.Variant{
				{Text: "Amir Khan Muttaqi", Count: 2, Sources: []string{"S2"}, Places: []result.Place{{Source: "S2", Line: 5, Column: 30}}},
				{Text: "Муттаки", Count: 1, Sources: []string{"S3"}, Places: []result.Place{{Source: "S3", Line: 9, Column: 60}}},
			},
			Roles: []result.Role{
				{Text: "Foreign Minister", Source: "S2", Line: 5, Column: 12},
				{Text: "министр иностранных дел", Source: "S3", Line: 9, Column: 70},
			}},
		{ID: "P4", Name: "Richard Bennett", Roster: true,
			Variants: []result.Variant{
				{Text: "Richard Bernett", Count: 1, Sources: []string{"S1"}, Places: []result.Place{{Source: "S1", Line: 18, Column: 1}}},
				{Text: "Richard Bennett", Count: 1, Sources: []string{"S2"}, Places: []result.Place{{Source: "S2", Line: 12, Column: 80}}},
			},
			Roles: []result.Role{{Text: "UN Special Rapporteur for Afghanistan", Source: "S1", Line: 18, Column: 18}}},
		{ID: "P5", Name: "Fawzia Koofi",
			Variants: []result.Variant{{Text: "Fawzia Koofi", Count: 1, Sources: []string{"S3"}, Places: []result.Place{{Source: "S3", Line: 11, Column: 70}}}},
			Roles:    []result.Role{{Text: "former Afghan politician", Source: "S3", Line: 11, Column: 84}}},
		{ID: "P6", Name: "José Núñez",
			Variants: []result.Variant{{Text: "José Núñez", Count: 2, Sources: []string{"S3"}, Places: []result.Place{{Source: "S3", Line: 6, Column: 20}}}},
			Roles:    []result.Role{{Text: "aid worker", Source: "S3", Line: 6, Column: 32}},
			Similar:  []result.Similar{{Person: "P5", Reason: "example only: shares no name, listed to exercise the field"}}},
	}

	exact := q[1].Text
	r.Matches = []result.Match{
		{ID: "M1", Kind: result.MatchExact, Quotes: []string{"S1-Q2", "S2-Q1"}, Sources: []string{"S1", "S2"},
			Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: exact, New: exact}},
			SpeakersAgree: true, Earliest: "S2", Text: exact,
			Members: []result.MatchMember{
				{Quote: "S1-Q2", Source: "S1", Text: exact, Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: exact, New: exact}}},
				{Quote: "S2-Q1", Source: "S2", Text: exact, Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: exact, New: exact}}},
			}},
		{ID: "M2", Kind: result.MatchNear, Quotes: []string{"S2-Q3", "S3-Q3"}, Sources: []string{"S2", "S3"},
			Similarity: 0.8333,
			Diff: []result.DiffOp{
				{Op: result.OpEqual, Old: "other countries", New: "other countries"},
				{Op: result.OpReplace, Old: "will", New: "would"},
				{Op: result.OpEqual, Old: "like to follow.", New: "like to follow."},
			},
			SpeakersAgree: true, Earliest: "S2", Text: q[8].Text,
			Members: []result.MatchMember{
				{Quote: "S2-Q3", Source: "S2", Text: q[8].Text, Similarity: 1, Diff: []result.DiffOp{{Op: result.OpEqual, Old: q[8].Text, New: q[8].Text}}},
				{Quote: "S3-Q3", Source: "S3", Text: q[12].Text, Similarity: 0.8333, Diff: []result.DiffOp{
					{Op: result.OpEqual, Old: "other countries", New: "other countries"},
					{Op: result.OpReplace, Old: "will", New: "would"},
					{Op: result.OpEqual, Old: "like to follow.", New: "like to follow."},
				}},
			}},
	}

	path := func(id string) string {
		for _, s := range r.Sources {
			if s.ID == id {
				return s.Path
			}
		}
		return ""
	}
	onQuote := func(check string, sev result.Severity, qi int, msg, sug string, rel ...result.Related) result.Finding {
		qq := q[qi]
		return result.Finding{ID: fingerprint(check, qq.Source, qq.Text), Check: check, Severity: sev,
			Source: qq.Source, Path: path(qq.Source), Line: qq.Line, Column: qq.Column, Quote: qq.ID,
			Evidence: qq.Text, Message: msg, Suggestion: sug, Related: rel}
	}
	at := func(check string, sev result.Severity, src string, line, col int, evidence, msg, sug string, rel ...result.Related) result.Finding {
		return result.Finding{ID: fingerprint(check, src, evidence), Check: check, Severity: sev,
			Source: src, Path: path(src), Line: line, Column: col,
			Evidence: evidence, Message: msg, Suggestion: sug, Related: rel}
	}
	rel := func(src string, line, col int, msg string) result.Related {
		return result.Related{Source: src, Path: path(src), Line: line, Column: col, Message: msg}
	}
	ignored := onQuote("anonymous-source", result.Warning, 4, "Quotation credited to “an aid official” with no reason given for anonymity.", "Say why the source cannot be named, or name them.")
	ignored.Ignored, ignored.IgnoreReason = true, "rules/newsroom.yaml: aid officials speak on background by agreement with the desk"
	r.Findings = []result.Finding{
		onQuote("unattributed-quote", result.Error, 0, "This quotation has no speaker.", "Attribute it, or make clear who is speaking."),
		at("fact-conflict", result.Error, "S1", 7, 22, "July the 4th 2025", "Russia's recognition is dated July 4 here but July 3 in articles/recognition.md.", "Check the date against the official announcement.",
			rel("S2", 5, 48, "July 3, 2025")),
		onQuote("unbalanced-quote", result.Warning, 3, "The quotation opens with ‘ but closes with ”.", "Use a matching pair of marks."),
		onQuote("unbalanced-quote", result.Warning, 15, "The quotation opened with “ is never closed.", "Close the quotation where the speaker stops."),
		at("missing-byline", result.Warning, "S1", 3, 1, "Written by:", "The article names no author.", "Add the author's name."),
		at("date-conflict", result.Warning, "S4", 1, 1, "Thursday, December 04, 2025", "The article is dated both 2025-12-04 and 2025-07-08.", "Keep the publication date only.",
			rel("S4", 5, 1, "July 8, 2025")),
		onQuote("anonymous-source", result.Warning, 15, "Quotation credited to “sources” with no reason given for anonymity.", "Say why the source cannot be named."),
		ignored,
		onQuote("loaded-verb", result.Warning, 9, "“claimed” editorialises the attribution.", "said"),
		onQuote("surname-before-name", result.Warning, 1, "“Kabulov” is used before the full name Zamir Kabulov is introduced (line 20).", "Introduce him as Zamir Kabulov at first mention.",
			rel("S1", 20, 5, "full name introduced here")),
		onQuote("quote-variant", result.Warning, 12, "“will” in S2 became “would” in S3.", "Check the wording against the original statement.",
			rel("S2", 5, 230, "the same quotation as articles/recognition.md has it")),
		at("name-variant", result.Warning, "S1", 18, 1, "Richard Bernett", "“Richard Bernett” differs from the roster spelling “Richard Bennett”.", "Richard Bennett",
			rel("S2", 12, 80, "Richard Bennett")),
		at("unused-ignore", result.Warning, "", 0, 0, "missing-date articles/old-*.txt", "The ignore rule for missing-date on articles/old-*.txt matched no finding.", "Remove the rule if it is stale."),
		onQuote("second-hand-quote", result.Info, 5, "Quotation credited to The Telegraph.", ""),
		onQuote("altered-quote", result.Info, 3, "The quotation carries the bracketed insertion “[we are]”.", ""),
		onQuote("shared-quote", result.Info, 6, "The same quotation stands in 2 sources: articles/recognition.md (earliest) and articles/embassy-moscow.txt.", "",
			rel("S1", 14, 9, "the same quotation")),
		at("name-variant", result.Info, "S1", 16, 20, "Vladamir Putin", "“Vladamir Putin” here, “Vladimir Putin” in articles/border-crisis.txt.", "Vladimir Putin",
			rel("S4", 8, 70, "Vladimir Putin")),
	}
	r.Findings[12].Path = "rules/newsroom.yaml"
	Finish(r)
	return r
}

// Finish fills the counts that follow from r's content: each source's
// Quotes, each person's Quotes and r.Stats. It also sorts findings by
// severity, path, line, column and ID.
func Finish(r *result.Result) {
	perSource := map[string]int{}
	perPerson := map[string]int{}
	st := result.Stats{Sources: len(r.Sources), Skipped: len(r.Skipped), Quotes: len(r.Quotes),
		People: len(r.People), Matches: len(r.Matches), ByCheck: map[string]int{}}
	for _, q := range r.Quotes {
		perSource[q.Source]++
		if q.Speaker.Person != "" {
			perPerson[q.Speaker.Person]++
		}
		switch {
		case q.Fragment:
			st.Fragments++
		case q.Continues != "":
		default:
			st.Quotations++
			if q.Speaker.Known() {
				st.Attributed++
			}
		}
	}
	for i := range r.Sources {
		r.Sources[i].Quotes = perSource[r.Sources[i].ID]
	}
	for i := range r.People {
		r.People[i].Quotes = perPerson[r.People[i].ID]
	}
	for _, f := range r.Findings {
		if f.Ignored {
			st.Ignored++
			continue
		}
		st.ByCheck[f.Check]++
		switch f.Severity {
		case result.Error:
			st.Errors++
		case result.Warning:
			st.Warnings++
		case result.Info:
			st.Infos++
		}
	}
	r.Stats = st
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() > b.Severity.Rank()
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.ID < b.ID
	})
}

// Large returns a generated result with n sources of 10 quotes each (one a
// fragment, one the continuation of the one before), a person per source
// pair, a match group for every pair of sources and about four findings
// per source, for scale tests and benchmarks.
func Large(n int) *result.Result {
	if n < 0 {
		n = 0
	}
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          result.Tool{Name: "quoteaudit", Version: Version},
		GeneratedAt:   generatedAt,
		Title:         fmt.Sprintf("Generated audit of %d sources", n),
		Inputs:        []string{"generated/"},
		RuleFiles:     []result.RuleFile{{Path: "(built in) default.yaml", SHA256: sha("default rules")}},
		Checks:        Checks(),
	}
	r.Sources = make([]result.Source, 0, n)
	r.Quotes = make([]result.Quote, 0, n*10)
	r.Findings = make([]result.Finding, 0, n*4)
	for s := 0; s < n; s++ {
		sid := fmt.Sprintf("S%d", s+1)
		spath := fmt.Sprintf("generated/article-%05d.txt", s+1)
		r.Sources = append(r.Sources, result.Source{ID: sid, Path: spath, Format: "txt", Encoding: "utf-8",
			Title: fmt.Sprintf("Generated article %d", s+1), Byline: "Desk",
			Dates: []result.Date{{Text: "July 3, 2025", ISO: "2025-07-03", Line: 2, Column: 1}},
			Words: 600, Paragraphs: 12})
		pid := fmt.Sprintf("P%d", s/2+1)
		name := fmt.Sprintf("Speaker Number%d", s/2+1)
		for k := 0; k < 10; k++ {
			text := longText(8+(s*7+k*3)%30, uint32(s*10+k+1))
			qt := quote(fmt.Sprintf("%s-Q%d", sid, k+1), sid, 100*k+10, k+2, 5, k+1, text, person(name, name, "official", pid), "said")
			switch k {
			case 1:
				qt.Verb = "claimed"
			case 3:
				qt.Fragment = true
				qt.Text = "partner"
				qt.End = qt.Start + len(qt.Text)
			case 6:
				qt.Continues = fmt.Sprintf("%s-Q%d", sid, k)
			case 8:
				qt.Speaker = result.Speaker{Kind: result.KindUnknown}
			case 9:
				qt.Speaker = result.Speaker{Mention: "a source", Kind: result.KindAnonymous}
			}
			r.Quotes = append(r.Quotes, qt)
		}
		base := len(r.Quotes) - 10
		r.Findings = append(r.Findings,
			onQuoteOf(&r.Quotes[base+8], spath, "unattributed-quote", result.Error, "This quotation has no speaker."),
			onQuoteOf(&r.Quotes[base+9], spath, "anonymous-source", result.Warning, "Quotation credited to “a source” with no reason given."),
			onQuoteOf(&r.Quotes[base+1], spath, "loaded-verb", result.Warning, "“claimed” editorialises the attribution."),
			onQuoteOf(&r.Quotes[base+3], spath, "altered-quote", result.Info, "A fragment of one word."),
		)
	}
	for s := 0; s+1 < n; s += 2 {
		a, b := &r.Quotes[s*10], &r.Quotes[(s+1)*10]
		b.Text = a.Text
		b.End = b.Start + len(b.Text)
		id := fmt.Sprintf("M%d", s/2+1)
		a.Match, b.Match = id, id
		eq := []result.DiffOp{{Op: result.OpEqual, Old: a.Text, New: a.Text}}
		r.Matches = append(r.Matches, result.Match{ID: id, Kind: result.MatchExact,
			Quotes: []string{a.ID, b.ID}, Sources: []string{a.Source, b.Source}, Similarity: 1, Diff: eq,
			SpeakersAgree: true, Earliest: a.Source, Text: a.Text,
			Members: []result.MatchMember{
				{Quote: a.ID, Source: a.Source, Text: a.Text, Similarity: 1, Diff: eq},
				{Quote: b.ID, Source: b.Source, Text: b.Text, Similarity: 1, Diff: eq},
			}})
	}
	for p := 0; p < (n+1)/2; p++ {
		name := fmt.Sprintf("Speaker Number%d", p+1)
		srcs := []string{fmt.Sprintf("S%d", 2*p+1)}
		if 2*p+2 <= n {
			srcs = append(srcs, fmt.Sprintf("S%d", 2*p+2))
		}
		r.People = append(r.People, result.Person{ID: fmt.Sprintf("P%d", p+1), Name: name, Roster: p%3 == 0,
			Variants: []result.Variant{{Text: name, Count: 8 * len(srcs), Sources: srcs}},
			Roles:    []result.Role{{Text: "official", Source: srcs[0], Line: 2, Column: 5}}})
	}
	Finish(r)
	return r
}

func onQuoteOf(q *result.Quote, path, check string, sev result.Severity, msg string) result.Finding {
	return result.Finding{ID: fingerprint(check, q.Source, q.Text, q.ID), Check: check, Severity: sev,
		Source: q.Source, Path: path, Line: q.Line, Column: q.Column, Quote: q.ID,
		Evidence: q.Text, Message: msg}
}
