package rules

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

//go:embed default.yaml
var defaultYAML []byte

//go:embed starter.yaml
var starterYAML []byte

// BundledName is the name of the bundled defaults in messages and in
// Set.Sources.
const BundledName = "(bundled) rules/default.yaml"

// MaxFileSize is the largest rule file Load accepts (4 MiB). Real rule
// files are a few kilobytes.
const MaxFileSize = 4 << 20

// LoadOptions control Load and LoadBytes.
type LoadOptions struct {
	// NoDefaults leaves the bundled default.yaml out (--no-default-rules).
	NoDefaults bool
	// Checks lists the known check slugs with the option names each
	// reads; it is used to validate `checks:` and `ignore:` (an unknown
	// slug or option is an error with a "did you mean" hint). nil: slugs
	// and option names are not validated.
	Checks map[string][]string
	// Extra are in-memory rule files loaded after the defaults and before
	// the paths (the demo corpus's embedded rules).
	Extra []Named
}

// Named is an in-memory rule file with the name used in messages.
type Named struct {
	Name string
	Data []byte
}

// Default returns the bundled default rules (a copy).
func Default() []byte { return bytes.Clone(defaultYAML) }

// Starter returns a commented starter rule file for `quoteaudit init`,
// with an example of every section (a copy).
func Starter() []byte { return bytes.Clone(starterYAML) }

// Load reads the bundled defaults (unless opts.NoDefaults), then each
// path in order; decodes each strictly (unknown and duplicate keys are
// errors); validates it; merges them (lists append, later settings
// override, check severity and options slug by slug and key by key) and
// compiles the fact patterns. On failure the error is an *Errors holding
// every problem of every file.
func Load(paths []string, opts LoadOptions) (*Set, error) {
	var inputs []input
	var errs []*Error
	if !opts.NoDefaults {
		inputs = append(inputs, input{name: BundledName, data: defaultYAML})
	}
	for _, x := range opts.Extra {
		inputs = append(inputs, input{name: x.Name, data: x.Data})
	}
	for _, p := range paths {
		data, err := readLimited(p)
		if err != nil {
			errs = append(errs, &Error{File: p, Message: err.Error(), err: err})
			continue
		}
		inputs = append(inputs, input{name: p, data: data})
	}
	return build(inputs, errs, opts)
}

// LoadBytes is Load for one in-memory rule file (embedded rules, tests,
// fuzzing); name is used in messages and Sources. The bundled defaults
// (unless opts.NoDefaults) and then opts.Extra come first, as in Load.
func LoadBytes(name string, data []byte, opts LoadOptions) (*Set, error) {
	var inputs []input
	if !opts.NoDefaults {
		inputs = append(inputs, input{name: BundledName, data: defaultYAML})
	}
	for _, x := range opts.Extra {
		inputs = append(inputs, input{name: x.Name, data: x.Data})
	}
	inputs = append(inputs, input{name: name, data: data})
	return build(inputs, nil, opts)
}

type input struct {
	name string
	data []byte
}

// readLimited reads a file, refusing one larger than MaxFileSize without
// reading all of it.
func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read rule file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read rule file: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge()
	}
	return data, nil
}

// tooLarge is the error for a file over MaxFileSize.
func tooLarge() error {
	return fmt.Errorf("rule file too large (more than %d MiB); rule files are a few kilobytes", MaxFileSize>>20)
}

// build parses, validates and merges the inputs.
func build(inputs []input, errs []*Error, opts LoadOptions) (*Set, error) {
	set := &Set{}
	for _, in := range inputs {
		f, ferrs := parseFile(in.name, in.data, opts)
		errs = append(errs, ferrs...)
		set.Sources = append(set.Sources, Source{Path: in.name, SHA256: sha(in.data)})
		if len(ferrs) == 0 {
			set.File.merge(f)
		}
	}
	if len(errs) > 0 {
		return nil, &Errors{List: errs}
	}
	for _, fa := range set.File.Facts {
		// Validated per file: these compile.
		pre, err1 := regexp.Compile("(?i)" + fa.Pattern)
		val, err2 := regexp.Compile("(?i)" + fa.Value)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("compile fact %s: %w", fa.ID, err)
		}
		set.Facts = append(set.Facts, CompiledFact{Fact: fa, PatternRE: pre, ValueRE: val})
	}
	return set, nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// parseFile decodes and validates one rule file.
func parseFile(name string, data []byte, opts LoadOptions) (f File, errs []*Error) {
	c := &fileCheck{name: name, data: data, opts: opts}
	defer func() {
		// The YAML library recovers its own panics; this is a last guard
		// so that no input can crash the command.
		if r := recover(); r != nil {
			f = File{}
			c.addAt(0, 0, fmt.Sprintf("cannot read rule file: internal error: %v", r), "")
			errs = c.sorted()
		}
	}()
	if len(data) > MaxFileSize {
		c.addAt(0, 0, tooLarge().Error(), "")
		return File{}, c.sorted()
	}
	if line, col, ok := invalidUTF8(data); ok {
		c.addAt(line, col, "rule file is not valid UTF-8", "save it as UTF-8 (in most editors: Save As, encoding UTF-8)")
		return File{}, c.sorted()
	}
	l, err := yaml.NewLoader(bytes.NewReader(data))
	if err != nil {
		c.addAt(0, 0, "cannot read rule file: "+err.Error(), "")
		return File{}, c.sorted()
	}
	var doc yaml.Node
	switch err := l.Load(&doc); {
	case err == io.EOF:
		return File{}, nil // empty, or comments only
	case err != nil:
		c.yamlErrors(err)
		return File{}, c.sorted()
	}
	var extra yaml.Node
	switch err := l.Load(&extra); {
	case err == io.EOF:
	case err != nil:
		c.yamlErrors(err)
		return File{}, c.sorted()
	default:
		c.add(&extra, "a rule file holds one YAML document; this is a second one", "remove the `---` line, or make two files and pass both")
		return File{}, c.sorted()
	}
	var root *yaml.Node
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if root == nil || isNull(root) {
		return File{}, nil
	}
	if !c.checkAliases(root) {
		return File{}, c.sorted()
	}
	c.shape(root, reflect.TypeOf(File{}), "", "")
	shapeErrs := len(c.errs)
	// Decode the tree already parsed, as strictly as yaml.Load would.
	derr := doc.Load(&f, yaml.WithKnownFields(), yaml.WithUniqueKeys())
	c.semantics(deref(root))
	if derr != nil && shapeErrs == 0 {
		// The shape walk reports every structural problem with a better
		// message; keep the library's own as a fallback so none is lost.
		c.yamlErrors(derr)
	}
	if len(c.errs) > 0 {
		return File{}, c.sorted()
	}
	normalise(&f)
	return f, nil
}

// locate guesses the position of a YAML error that came without one
// from the value it quotes ("cannot construct !!str `x` as a !!float"):
// the first line holding that value, preferring one that also holds the
// tag. Without a clue it answers 1:1.
func (c *fileCheck) locate(msg string) (line, col int) {
	_, rest, ok := strings.Cut(msg, "`")
	val, _, ok2 := strings.Cut(rest, "`")
	if !ok || !ok2 || val == "" {
		return 1, 1
	}
	tag := ""
	if i := strings.LastIndex(msg, "!!"); i >= 0 {
		tag = strings.Fields(msg[i:])[0]
	}
	best, bestCol := 0, 0
	for n := 1; n <= c.lineCount(); n++ {
		l := c.line(n)
		i := strings.Index(l, val)
		if i < 0 {
			continue
		}
		if tag != "" && strings.Contains(l, tag+" "+val) {
			i = strings.Index(l, tag+" "+val)
			return n, utf8.RuneCountInString(l[:i]) + 1
		}
		if best == 0 {
			best, bestCol = n, utf8.RuneCountInString(l[:i])+1
		}
	}
	if best == 0 {
		return 1, 1
	}
	return best, bestCol
}

// invalidUTF8 finds the line and column of the first byte that is not
// UTF-8. Files that start with a UTF-16 byte-order mark are left to the
// YAML reader, which decodes them.
func invalidUTF8(data []byte) (line, col int, bad bool) {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col, true
}

// yamlErrors converts the YAML library's errors, which carry positions.
func (c *fileCheck) yamlErrors(err error) {
	var les *yaml.LoadErrors
	var le *yaml.LoadError
	switch {
	case errors.As(err, &les):
		for _, e := range les.Errors {
			c.yamlError(e)
		}
	case errors.As(err, &le):
		c.yamlError(le)
	default:
		c.addAt(1, 1, "invalid YAML: "+err.Error(), "")
	}
}

func (c *fileCheck) yamlError(e *yaml.LoadError) {
	line, col := e.Mark.Line, e.Mark.Column
	if line < 1 {
		line, col = c.locate(e.Message)
	}
	if col < 1 {
		col = 1
	}
	msg := strings.TrimPrefix(e.Message, "yaml: ")
	hint := ""
	if e.ContextMsg != "" {
		cm := e.ContextMark
		if cm.Line > 0 && cm.Line != line {
			msg += fmt.Sprintf(" (%s that starts at line %d)", e.ContextMsg, cm.Line)
			hint = fmt.Sprintf("look at line %d: %s", cm.Line, strings.TrimSpace(c.line(cm.Line)))
		} else {
			msg += " (" + e.ContextMsg + ")"
		}
	}
	src := c.line(line)
	if lead := src[:len(src)-len(strings.TrimLeft(src, " \t"))]; strings.Contains(lead, "\t") {
		hint = "indent with spaces: YAML does not allow tabs for indentation"
	}
	if hint == "" && strings.Contains(e.Message, "cannot construct") {
		hint = "remove the explicit tag (!!…) or change the value"
	}
	c.addAt(line, col, "invalid YAML: "+msg, hint)
}

// merge adds o to f: lists append; check severities and options override
// slug by slug and option by option; a fact whose id is already present
// replaces the earlier one in place.
func (f *File) merge(o File) {
	f.People = append(f.People, o.People...)
	f.Organizations = append(f.Organizations, o.Organizations...)
	f.Outlets = append(f.Outlets, o.Outlets...)
	f.Names.Allow = append(f.Names.Allow, o.Names.Allow...)
	f.Verbs.Neutral = append(f.Verbs.Neutral, o.Verbs.Neutral...)
	f.Verbs.Loaded = append(f.Verbs.Loaded, o.Verbs.Loaded...)
	f.Anonymous.Descriptors = append(f.Anonymous.Descriptors, o.Anonymous.Descriptors...)
	f.Anonymous.Reasons = append(f.Anonymous.Reasons, o.Anonymous.Reasons...)
	f.Ignore = append(f.Ignore, o.Ignore...)
	for _, fa := range o.Facts {
		replaced := false
		for i := range f.Facts {
			if f.Facts[i].ID == fa.ID {
				f.Facts[i], replaced = fa, true
				break
			}
		}
		if !replaced {
			f.Facts = append(f.Facts, fa)
		}
	}
	for slug, oc := range o.Checks {
		if f.Checks == nil {
			f.Checks = map[string]CheckConfig{}
		}
		cur := f.Checks[slug]
		if oc.Severity != "" {
			cur.Severity = oc.Severity
		}
		if len(oc.Options) > 0 {
			opts := make(map[string]any, len(cur.Options)+len(oc.Options))
			for k, v := range cur.Options {
				opts[k] = v
			}
			for k, v := range oc.Options {
				opts[k] = v
			}
			cur.Options = opts
		}
		f.Checks[slug] = cur
	}
}
