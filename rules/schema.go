package rules

// File is the schema of one rule file, as editors write it in YAML. Every
// section is optional. When several files are loaded, lists append and
// later settings override earlier ones (see Merge).
type File struct {
	People        []Person               `yaml:"people"`
	Organizations []Organization         `yaml:"organizations"`
	Outlets       []Organization         `yaml:"outlets"`
	Names         Names                  `yaml:"names"`
	Verbs         Verbs                  `yaml:"verbs"`
	Anonymous     Anonymous              `yaml:"anonymous"`
	Facts         []Fact                 `yaml:"facts"`
	Checks        map[string]CheckConfig `yaml:"checks"`
	Ignore        []Ignore               `yaml:"ignore"`
}

// Person is an entry of the editors' roster.
type Person struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Roles   []string `yaml:"roles"`
	Note    string   `yaml:"note"`
}

// Organization is a named organisation or outlet with its other names.
type Organization struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
}

// Names holds rules about proper nouns.
type Names struct {
	// Allow lists proper nouns that are right as they are: never reported
	// as spelling variants of one another.
	Allow []string `yaml:"allow"`
}

// Verbs lists attribution verbs. Neutral verbs attribute speech without
// comment ("said", "told"); loaded verbs editorialise ("claimed",
// "admitted") and are reported by the loaded-verb check. Both kinds are
// recognised as attribution cues. Give the base form; inflections
// (says, said, saying) are derived.
type Verbs struct {
	Neutral []string `yaml:"neutral"`
	Loaded  []string `yaml:"loaded"`
}

// Anonymous holds what makes a speaker anonymous and what counts as a
// stated reason for anonymity.
type Anonymous struct {
	// Descriptors are head nouns of anonymous speakers ("spokesperson",
	// "official", "source", "activist").
	Descriptors []string `yaml:"descriptors"`
	// Reasons are phrases that count as a stated reason for anonymity
	// ("on condition of anonymity", "for fear of reprisal").
	Reasons []string `yaml:"reasons"`
}

// Fact is a claim whose value must agree across sources (and with the
// expected value when one is given).
type Fact struct {
	ID          string `yaml:"id"`
	Description string `yaml:"description"`
	// Pattern is an RE2 regular expression that finds the claim in a
	// sentence (case-insensitive).
	Pattern string `yaml:"pattern"`
	// Value is an RE2 regular expression for the claimed value within the
	// sentence that Pattern matched; its first group, if any, is the value.
	Value string `yaml:"value"`
	// Expected is the value the editors know to be right; optional.
	Expected string `yaml:"expected"`
	// Kind says how values compare: "number", "date" or "text" (default).
	Kind string `yaml:"kind"`
}

// CheckConfig turns a check off, changes its severity, or sets options.
type CheckConfig struct {
	// Severity overrides the check's default: error, warning, info or off.
	Severity string `yaml:"severity"`
	// Options are check-specific settings (e.g. fragment_words: 2).
	Options map[string]any `yaml:"options"`
}

// Ignore silences findings of a check in matching sources. Ignored
// findings stay in every report, marked ignored, with the reason.
type Ignore struct {
	Check  string `yaml:"check"`
	Source string `yaml:"source"` // glob on the source path; empty: every source
	Text   string `yaml:"text"`   // optional substring of the finding's evidence or message
	Reason string `yaml:"reason"` // required
}
