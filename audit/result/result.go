// Package result holds quoteaudit's result model: the one value that the
// audit engine fills and every report writer (JSON, text, workbook, PDF)
// reads. Field names and JSON tags are a contract read by other tools:
// extend them, never rename them.
package result

import (
	"time"
)

// SchemaVersion is the version of the JSON layout written to quoteaudit.json.
const SchemaVersion = 1

// Result is everything one audit run found.
type Result struct {
	SchemaVersion int       `json:"schema_version"`
	Tool          Tool      `json:"tool"`
	GeneratedAt   time.Time `json:"generated_at"`
	// Title names the audit in reports (from --title or the inputs).
	Title     string     `json:"title"`
	Inputs    []string   `json:"inputs"`
	RuleFiles []RuleFile `json:"rule_files"`
	Stats     Stats      `json:"stats"`
	Sources   []Source   `json:"sources"`
	Skipped   []Skipped  `json:"skipped"`
	Quotes    []Quote    `json:"quotes"`
	People    []Person   `json:"people"`
	Matches   []Match    `json:"matches"`
	Findings  []Finding  `json:"findings"`
	// Checks is the catalogue the run used, so that writers can print
	// titles and documentation without importing the check package.
	Checks []CheckInfo `json:"checks"`
	// Failures are internal errors the run recovered from (a check that
	// panicked); empty in a healthy run.
	Failures []Failure `json:"failures,omitempty"`
}

// Failure is an internal error the run recovered from.
type Failure struct {
	Stage  string `json:"stage"`
	Reason string `json:"reason"`
}

// Tool identifies the program that wrote the result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// RuleFile is one rule file that took part in the run.
type RuleFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Stats are the run's counts, computed once by the engine.
type Stats struct {
	Sources    int `json:"sources"`
	Skipped    int `json:"skipped"`
	Quotes     int `json:"quotes"`
	Quotations int `json:"quotations"` // quotations = quotes joined across interruptions and paragraphs, fragments excluded
	Fragments  int `json:"fragments"`
	Attributed int `json:"attributed"` // quotations with a known speaker
	People     int `json:"people"`
	Matches    int `json:"matches"`
	Errors     int `json:"errors"`   // findings not ignored
	Warnings   int `json:"warnings"` // findings not ignored
	Infos      int `json:"infos"`    // findings not ignored
	Ignored    int `json:"ignored"`
	// ByCheck counts findings (not ignored) per check slug.
	ByCheck map[string]int `json:"by_check"`
}

// Source is one audited input file.
type Source struct {
	ID       string `json:"id"`
	Path     string `json:"path"`
	Format   string `json:"format"`   // txt, md, html, docx
	Encoding string `json:"encoding"` // utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252
	Title    string `json:"title"`
	Byline   string `json:"byline"`
	// Dates are the dates found near the top, as written, with their ISO
	// form when it could be parsed.
	Dates      []Date   `json:"dates"`
	Words      int      `json:"words"`
	Paragraphs int      `json:"paragraphs"`
	Quotes     int      `json:"quotes"`
	Notes      []string `json:"notes,omitempty"` // e.g. "transcoded from windows-1252"
}

// Date is a date found in a source.
type Date struct {
	Text   string `json:"text"`
	ISO    string `json:"iso,omitempty"` // YYYY-MM-DD when known
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Skipped is an input that was not audited, with the reason.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Speaker kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindAnonymous    = "anonymous"
	KindUnknown      = "unknown"
)

// Quote is one quoted span: a whole quotation, or one part of an
// interrupted or multi-paragraph quotation (linked through Continues).
type Quote struct {
	ID     string `json:"id"`
	Source string `json:"source"` // Source.ID
	// Start and End are byte offsets of the quote's text (marks excluded)
	// in the source's text as the tool read it.
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"text"`
	// OpenMark and CloseMark are the marks as written; CloseMark is empty
	// when the quote is unclosed.
	OpenMark   string `json:"open_mark"`
	CloseMark  string `json:"close_mark"`
	Unclosed   bool   `json:"unclosed"`
	Mismatched bool   `json:"mismatched"`
	Fragment   bool   `json:"fragment"`
	// Continues is the ID of the previous part of the same quotation, or "".
	Continues string  `json:"continues"`
	Speaker   Speaker `json:"speaker"`
	Verb      string  `json:"verb"`
	Via       string  `json:"via"`
	// Match is the ID of the match group this quote belongs to, or "".
	Match string `json:"match"`
	// Insertions are bracketed editorial insertions inside the quote as
	// written ("[we are]"); Ellipses counts ellipses inside it.
	Insertions []string `json:"insertions,omitempty"`
	Ellipses   int      `json:"ellipses,omitempty"`
	// Paragraph is the 1-based paragraph of the source the quote starts in.
	Paragraph int `json:"paragraph"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Mention string `json:"mention"` // as written at the attribution ("he", "Kabulov", "a Taliban spokesperson")
	Name    string `json:"name"`    // the name it resolves to, "" when unknown
	Role    string `json:"role"`
	Kind    string `json:"kind"`   // person, organization, anonymous, unknown
	Person  string `json:"person"` // Person.ID, "" when not a known person
	// Candidates lists Person IDs a short mention could refer to when it
	// is ambiguous (more than one).
	Candidates []string `json:"candidates,omitempty"`
	// Line and Column place the attribution cue when there is one.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// Known reports whether the speaker is identified (a person, an
// organisation or an anonymous descriptor).
func (s Speaker) Known() bool { return s.Kind != "" && s.Kind != KindUnknown }

// Person is one real person, resolved across sources.
type Person struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"` // canonical: the roster's, or the most frequent spelling
	Roster   bool      `json:"roster"`
	Variants []Variant `json:"variants"`
	Roles    []Role    `json:"roles"`
	Quotes   int       `json:"quotes"` // quotes attributed
	// Similar lists people this one was not merged with although a fuzzy
	// match suggests they may be the same (conflicting given names or roles).
	Similar []Similar `json:"similar,omitempty"`
}

// Variant is one spelling of a person's name.
type Variant struct {
	Text    string   `json:"text"`
	Count   int      `json:"count"`
	Sources []string `json:"sources"` // Source IDs
	// Places are where the spelling stands (first few per source).
	Places []Place `json:"places,omitempty"`
}

// Role is a role or title given to a person in a source.
type Role struct {
	Text   string `json:"text"`
	Source string `json:"source"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Similar is a possible merge that was not made.
type Similar struct {
	Person string `json:"person"`
	Reason string `json:"reason"`
}

// Place is a position in a source.
type Place struct {
	Source string `json:"source"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Match kinds.
const (
	MatchExact     = "exact"
	MatchNear      = "near"
	MatchContained = "contained"
	MatchFragment  = "fragment"
)

// Match is a group of quotations that are the same or nearly the same.
type Match struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"`
	Quotes     []string `json:"quotes"`  // Quote IDs (first part of each quotation)
	Sources    []string `json:"sources"` // Source IDs, in order of Quotes
	Similarity float64  `json:"similarity"`
	// Diff is the word-level difference from the first quote to the second.
	Diff          []DiffOp `json:"diff"`
	SpeakersAgree bool     `json:"speakers_agree"`
	// Earliest is the Source ID with the earliest date, when dates are known.
	Earliest string `json:"earliest,omitempty"`
	// Members holds every quote of the group with its difference from the first.
	Members []MatchMember `json:"members"`
	// Text is the group's quotation as the first quote has it (joined parts).
	Text string `json:"text"`
}

// MatchMember is one quotation of a match group.
type MatchMember struct {
	Quote      string   `json:"quote"`
	Source     string   `json:"source"`
	Text       string   `json:"text"` // whole quotation, parts joined
	Similarity float64  `json:"similarity"`
	Diff       []DiffOp `json:"diff"` // from the group's first quotation to this one
}

// Diff operations.
const (
	OpEqual   = "equal"
	OpInsert  = "insert"
	OpDelete  = "delete"
	OpReplace = "replace"
)

// DiffOp is one word-level operation. Old holds the words of the first
// quote, New those of the other.
type DiffOp struct {
	Op  string `json:"op"`
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// Finding is one problem or observation a check reported.
type Finding struct {
	ID       string   `json:"id"` // stable fingerprint of check + source + evidence
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	Source   string   `json:"source"` // Source ID, "" for a corpus-wide finding
	Path     string   `json:"path"`   // the source's path, for convenience
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Quote    string   `json:"quote"` // Quote ID, or ""
	// Evidence is the text the finding is about, as written.
	Evidence     string    `json:"evidence"`
	Message      string    `json:"message"`
	Suggestion   string    `json:"suggestion"`
	Related      []Related `json:"related"`
	Ignored      bool      `json:"ignored"`
	IgnoreReason string    `json:"ignore_reason,omitempty"`
}

// Related is a secondary position of a finding ("the same quote in B is here").
type Related struct {
	Source  string `json:"source"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// CheckInfo describes one check of the catalogue.
type CheckInfo struct {
	Slug     string   `json:"slug"`
	Title    string   `json:"title"`
	Doc      string   `json:"doc"`
	Severity Severity `json:"severity"` // in force for this run
	Enabled  bool     `json:"enabled"`
}
