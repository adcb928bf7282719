package rules

import (
	"fmt"
	"path"
	"reflect"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// maxAliasExpansion caps how many nodes the aliases of one rule file may
// add when expanded: a real rule file needs a handful, a "billion laughs"
// file needs billions.
const maxAliasExpansion = 100_000

// fileCheck validates one rule file and collects its errors.
type fileCheck struct {
	name  string
	data  []byte
	opts  LoadOptions
	errs  []*Error
	lines []string // split lazily, for Error.SourceLine
}

// add records an error at node n (nil: the whole file).
func (c *fileCheck) add(n *yaml.Node, msg, hint string) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	c.addAt(line, col, msg, hint)
}

// addAt records an error at line:col (1-based; 0: no position).
func (c *fileCheck) addAt(line, col int, msg, hint string) {
	if line > 0 {
		// The YAML scanner may place an error at the end of input, one
		// line past the last: point at the end of the last line instead.
		if n := c.lineCount(); line > n {
			line = n
			col = utf8.RuneCountInString(c.line(n)) + 1
		}
		if col < 1 {
			col = 1
		}
	}
	e := &Error{File: c.name, Line: line, Col: col, Message: msg, Hint: hint}
	if line > 0 {
		e.SourceLine = c.line(line)
	}
	c.errs = append(c.errs, e)
}

// lineCount is the number of lines of the file (at least 1).
func (c *fileCheck) lineCount() int {
	c.line(1)
	return len(c.lines)
}

// line returns line n (1-based) of the file without its line break.
func (c *fileCheck) line(n int) string {
	if c.lines == nil {
		c.lines = strings.Split(string(c.data), "\n")
	}
	if n < 1 || n > len(c.lines) {
		return ""
	}
	l := strings.TrimRight(c.lines[n-1], "\r")
	if n == 1 {
		l = strings.TrimPrefix(l, "\ufeff")
	}
	return strings.ToValidUTF8(l, "\ufffd")
}

// sorted returns the errors ordered by position, without exact repeats.
func (c *fileCheck) sorted() []*Error {
	sort.SliceStable(c.errs, func(i, j int) bool {
		a, b := c.errs[i], c.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := c.errs[:0]
	for i, e := range c.errs {
		if i > 0 {
			p := c.errs[i-1]
			if p.Line == e.Line && p.Col == e.Col && p.Message == e.Message {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node holds, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "a number (" + v + ")"
		case "!!bool":
			return "a true/false value (" + v + ")"
		case "!!null":
			return "nothing"
		}
		return fmt.Sprintf("text (%q)", v)
	}
	return "an unexpected value"
}

// checkAliases rejects alias cycles and alias bombs before anything
// expands them. It reports false when the file must not be decoded.
func (c *fileCheck) checkAliases(root *yaml.Node) bool {
	size := map[*yaml.Node]int{}
	onStack := map[*yaml.Node]bool{}
	ok := true
	var measure func(n *yaml.Node) int
	measure = func(n *yaml.Node) int {
		if n == nil {
			return 0
		}
		if s, seen := size[n]; seen {
			return s
		}
		if onStack[n] {
			return maxAliasExpansion + 1
		}
		onStack[n] = true
		total := 1
		if n.Kind == yaml.AliasNode {
			total += measure(n.Alias)
		} else {
			for _, ch := range n.Content {
				total += measure(ch)
				if total > maxAliasExpansion {
					total = maxAliasExpansion + 1
					break
				}
			}
		}
		onStack[n] = false
		size[n] = total
		return total
	}
	// Walk the tree as written (aliases not followed) adding up what
	// each alias expands to.
	added := 0
	var walk func(n *yaml.Node, ancestors map[*yaml.Node]bool)
	walk = func(n *yaml.Node, ancestors map[*yaml.Node]bool) {
		if n == nil || !ok {
			return
		}
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return
			}
			if ancestors[n.Alias] {
				c.add(n, fmt.Sprintf("alias `*%s` is used inside its own anchor", n.Value), "an anchor cannot contain itself; copy the values instead")
				ok = false
				return
			}
			added += measure(n.Alias)
			if added > maxAliasExpansion {
				c.add(n, fmt.Sprintf("aliases expand to more than %d values", maxAliasExpansion), "a rule file needs only a few aliases; this looks like a YAML alias bomb")
				ok = false
			}
			return
		}
		ancestors[n] = true
		for _, ch := range n.Content {
			walk(ch, ancestors)
		}
		delete(ancestors, n)
	}
	walk(root, map[*yaml.Node]bool{})
	return ok
}

// field is a YAML key of a struct type.
type field struct {
	key string
	typ reflect.Type
}

// yamlFields lists the keys a struct type accepts, in declaration order.
func yamlFields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, field{key: name, typ: f.Type})
	}
	return out
}

func fieldKeys(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.key
	}
	return out
}

// keyHomes lists where in the schema key is a valid key ("`people`
// entries", "`verbs`"), for a key written at the wrong level.
func keyHomes(t reflect.Type, at, key string) []string {
	var out []string
	switch t.Kind() {
	case reflect.Slice:
		return keyHomes(t.Elem(), at+" entries", key)
	case reflect.Map:
		return keyHomes(t.Elem(), at+" entries", key)
	case reflect.Struct:
		for _, f := range yamlFields(t) {
			if f.key == key && at != "" {
				out = append(out, strings.TrimSpace(at))
			}
			out = append(out, keyHomes(f.typ, "`"+f.key+"`", key)...)
		}
	}
	return out
}

// where renders the context of a key for messages: "" at the top level.
func where(label string) string {
	if label == "" {
		return ""
	}
	return " in " + label
}

// mapKeys checks the keys of a mapping node (plain scalars, no
// duplicates, no merge keys) and calls fn for each valid pair.
func (c *fileCheck) mapKeys(n *yaml.Node, label string, fn func(k, v *yaml.Node, key string)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kd := deref(k)
		if kd == nil || kd.Kind != yaml.ScalarNode {
			c.add(k, "a key must be a plain word"+where(label), "")
			continue
		}
		if kd.Value == "<<" && kd.ShortTag() == "!!merge" {
			c.add(k, "merge keys (<<) are not supported in rule files", "write the keys out in full")
			continue
		}
		if first, dup := seen[kd.Value]; dup {
			c.add(k, fmt.Sprintf("key `%s` appears twice%s (first at line %d)", kd.Value, where(label), first.Line), "remove or rename one of them")
			continue
		}
		seen[kd.Value] = k
		fn(k, v, kd.Value)
	}
}

// shape checks that node n has the shape of Go type t: mappings for
// structs and maps, lists for slices, single values for strings. It
// reports unknown and duplicate keys with the closest known key.
func (c *fileCheck) shape(n *yaml.Node, t reflect.Type, key, label string) {
	n = deref(n)
	if n == nil || isNull(n) {
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		fs := yamlFields(t)
		if n.Kind != yaml.MappingNode {
			if label == "" {
				c.add(n, "a rule file must be a mapping of sections, not "+describe(n), "start with a section name such as `people:` or `checks:`")
				return
			}
			hint := "give its keys on the lines below, indented: " + orList(fieldKeys(fs))
			if n.Kind == yaml.ScalarNode && fs[0].key == "name" && strings.HasPrefix(label, "an entry of") {
				hint = fmt.Sprintf("write `- name: %s`", n.Value)
			}
			c.add(n, fmt.Sprintf("%s must be a mapping, not %s", label, describe(n)), hint)
			return
		}
		c.mapKeys(n, label, func(k, v *yaml.Node, name string) {
			for _, f := range fs {
				if f.key == name {
					sub := "`" + name + "`"
					c.shape(v, f.typ, name, sub)
					return
				}
			}
			allowed := "keys allowed here"
			if label == "" {
				allowed = "sections allowed"
			}
			hint := didYouMean(name, fieldKeys(fs), allowed)
			if !strings.HasPrefix(hint, "did you mean") {
				if homes := keyHomes(reflect.TypeOf(File{}), "", name); len(homes) > 0 {
					hint = fmt.Sprintf("`%s` belongs in %s", name, orList(homes))
				}
			}
			c.add(k, fmt.Sprintf("unknown key `%s`%s", name, where(label)), hint)
		})
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			c.add(n, fmt.Sprintf("%s must be a mapping, not %s", label, describe(n)), "give one `name:` per line below it, indented")
			return
		}
		c.mapKeys(n, label, func(k, v *yaml.Node, name string) {
			sub := fmt.Sprintf("%s entry `%s`", label, name)
			if key == "checks" {
				sub = fmt.Sprintf("check `%s`", name)
				if vd := deref(v); vd != nil && vd.Kind == yaml.ScalarNode && contains(severities, strings.ToLower(vd.Value)) {
					c.add(vd, fmt.Sprintf("check `%s` must be a mapping, not %s", name, describe(vd)),
						fmt.Sprintf("write `%s: {severity: %s}`", name, vd.Value))
					return
				}
			}
			c.shape(v, t.Elem(), name, sub)
		})
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			c.add(n, fmt.Sprintf("%s must be a list, not %s", label, describe(n)), fmt.Sprintf("write a list: `%s: [first, second]`, or one `- item` per line", key))
			return
		}
		for _, item := range n.Content {
			if d := deref(item); t.Elem().Kind() == reflect.Struct && d != nil && isNull(d) {
				c.add(item, fmt.Sprintf("empty entry in %s", label), "remove the lone `-`, or give the entry its keys")
				continue
			}
			c.shape(item, t.Elem(), key, "an entry of "+label)
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			hint := ""
			if n.Kind == yaml.MappingNode {
				hint = "text that contains `: ` must be put in quotes"
			}
			c.add(n, fmt.Sprintf("%s must be text, not %s", label, describe(n)), hint)
		}
	}
}

// get returns the value node of key in mapping m (aliases followed), or
// nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := deref(m.Content[i]); k != nil && k.Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

// getKey returns the key node of key in mapping m, or nil.
func getKey(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := deref(m.Content[i]); k != nil && k.Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// entries returns the mapping entries of the list under key.
func entries(root *yaml.Node, key string) []*yaml.Node {
	seq := get(root, key)
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, it := range seq.Content {
		if it = deref(it); it != nil && it.Kind == yaml.MappingNode {
			out = append(out, it)
		}
	}
	return out
}

// text returns the scalar value at key of mapping m and its node; ok is
// false when the key is absent or not a scalar.
func text(m *yaml.Node, key string) (string, *yaml.Node, bool) {
	v := get(m, key)
	if v == nil || v.Kind != yaml.ScalarNode || isNull(v) {
		return "", v, false
	}
	return v.Value, v, true
}

// require reports an entry of section that lacks key (or has it empty),
// and returns the value.
func (c *fileCheck) require(entry *yaml.Node, section, key, hint string) (string, bool) {
	s, v, ok := text(entry, key)
	if ok && strings.TrimSpace(s) != "" {
		return s, true
	}
	if v != nil && v.Kind != yaml.ScalarNode {
		return "", false // wrong shape: already reported
	}
	k := getKey(entry, key)
	switch {
	case k == nil:
		c.add(entry, fmt.Sprintf("an entry of `%s` has no `%s`", section, key), hint)
	case v == nil || isNull(v):
		c.add(k, fmt.Sprintf("`%s` is empty in an entry of `%s`", key, section), hint)
	default:
		c.add(v, fmt.Sprintf("`%s` is empty in an entry of `%s`", key, section), hint)
	}
	return "", false
}

// severities are the values of checks.SLUG.severity.
var severities = []string{"error", "warning", "info", Off}

// severitySynonyms are words editors reach for instead of ours.
var severitySynonyms = map[string]string{
	"high": "error", "critical": "error", "fatal": "error", "err": "error", "severe": "error",
	"medium": "warning", "warn": "warning", "moderate": "warning",
	"low": "info", "information": "info", "notice": "info", "minor": "info", "hint": "info",
	"none": Off, "disable": Off, "disabled": Off, "false": Off, "no": Off, "ignore": Off, "skip": Off,
}

// severityHint suggests the valid severity nearest to a bad value,
// through the synonyms ("hgih" is near "high", which means "error").
func severityHint(v string) string {
	cands := append([]string(nil), severities...)
	syn := make([]string, 0, len(severitySynonyms))
	for s := range severitySynonyms {
		syn = append(syn, s)
	}
	sort.Strings(syn)
	cands = append(cands, syn...)
	best := closest(v, cands)
	if best == "" {
		return ""
	}
	if to, ok := severitySynonyms[best]; ok {
		best = to
	}
	return "did you mean `" + best + "`?"
}

// factKinds are the values of facts[].kind.
var factKinds = []string{"number", "date", "text"}

// semantics validates values: required keys, enumerations, known check
// slugs and options, regular expressions and globs.
func (c *fileCheck) semantics(root *yaml.Node) {
	if root == nil || root.Kind != yaml.MappingNode {
		return
	}
	for _, sec := range []string{"people", "organizations", "outlets"} {
		for _, e := range entries(root, sec) {
			c.require(e, sec, "name", "add `name: ` with the name as it should be written")
		}
	}
	c.facts(root)
	c.checks(root)
	c.ignores(root)
}

func (c *fileCheck) facts(root *yaml.Node) {
	ids := map[string]int{}
	seq := get(root, "facts")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return
	}
	for _, it := range seq.Content {
		e := deref(it)
		if e == nil || e.Kind != yaml.MappingNode {
			continue
		}
		if id, ok := c.require(e, "facts", "id", "give each fact a short unique `id:`, e.g. `id: death-toll`"); ok {
			_, idNode, _ := text(e, "id")
			if first, dup := ids[id]; dup {
				c.add(idNode, fmt.Sprintf("fact id `%s` is used twice (first at line %d)", id, first), "give each fact its own id")
			} else {
				ids[id] = idNode.Line
			}
		}
		for _, key := range []string{"pattern", "value"} {
			p, ok := c.require(e, "facts", key, "an RE2 regular expression, e.g. `"+key+": '\\d+ (?:people|dead)'`")
			if !ok {
				continue
			}
			_, n, _ := text(e, key)
			if _, err := regexp.Compile(p); err != nil {
				c.add(n, fmt.Sprintf("invalid regular expression in `%s`: %s", key, regexpProblem(err)), regexpHint(p))
			}
		}
		if k, n, ok := text(e, "kind"); ok {
			lk := strings.ToLower(strings.TrimSpace(k))
			valid := false
			for _, v := range factKinds {
				valid = valid || lk == v
			}
			if !valid {
				c.add(n, fmt.Sprintf("unknown fact kind %q: want %s", k, orList(factKinds)), didYouMean(lk, factKinds, "kinds"))
			}
		}
	}
}

// regexpProblem is the reason of a regexp compile error, without Go's
// "error parsing regexp: " prefix.
func regexpProblem(err error) string {
	if se, ok := err.(*syntax.Error); ok {
		return fmt.Sprintf("%s `%s`", se.Code, se.Expr)
	}
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}

func regexpHint(p string) string {
	for _, s := range []string{"(?=", "(?!", "(?<=", "(?<!", `\1`, `\2`} {
		if strings.Contains(p, s) {
			return "patterns are RE2: no look-around and no back-references"
		}
	}
	return "a literal ( ) [ ] . * + ? needs a backslash before it"
}

func (c *fileCheck) knownSlugs() []string {
	out := make([]string, 0, len(c.opts.Checks))
	for s := range c.opts.Checks {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func (c *fileCheck) checks(root *yaml.Node) {
	m := get(root, "checks")
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn, cfg := deref(m.Content[i]), deref(m.Content[i+1])
		if kn == nil || kn.Kind != yaml.ScalarNode {
			continue
		}
		slug := kn.Value
		optNames, known := c.opts.Checks[slug]
		if c.opts.Checks != nil && !known {
			c.add(m.Content[i], fmt.Sprintf("unknown check `%s`", slug), didYouMean(slug, c.knownSlugs(), "known checks"))
		}
		if cfg == nil || cfg.Kind != yaml.MappingNode {
			continue
		}
		if s, n, ok := text(cfg, "severity"); ok {
			ls := strings.ToLower(strings.TrimSpace(s))
			valid := false
			for _, v := range severities {
				valid = valid || ls == v
			}
			if !valid {
				c.add(n, fmt.Sprintf("unknown severity %q: want %s", s, orList(severities)), severityHint(ls))
			}
		}
		if opts := get(cfg, "options"); opts != nil && opts.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(opts.Content); j += 2 {
				on, ov := deref(opts.Content[j]), deref(opts.Content[j+1])
				if on == nil || on.Kind != yaml.ScalarNode || ov == nil {
					continue
				}
				if known && !contains(optNames, on.Value) {
					hint := "`" + slug + "` takes no options; remove the option"
					if len(optNames) > 0 {
						sorted := append([]string(nil), optNames...)
						sort.Strings(sorted)
						hint = didYouMean(on.Value, sorted, "its options are")
					}
					c.add(opts.Content[j], fmt.Sprintf("check `%s` has no option `%s`", slug, on.Value), hint)
					continue
				}
				if _, err := wholeNumber(ov); err != nil {
					c.add(ov, fmt.Sprintf("option `%s` of check `%s` %v", on.Value, slug, err), "write a whole number, e.g. `"+on.Value+": 3`")
				}
			}
		}
	}
}

// wholeNumber reads an integer scalar.
func wholeNumber(n *yaml.Node) (int, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		return 0, fmt.Errorf("must be a whole number, not %s", describe(n))
	}
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("is out of range (%s)", n.Value)
	}
	if int64(int(v)) != v {
		return 0, fmt.Errorf("is out of range (%s)", n.Value)
	}
	return int(v), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c *fileCheck) ignores(root *yaml.Node) {
	for _, e := range entries(root, "ignore") {
		if slug, ok := c.require(e, "ignore", "check", "name the check to silence, e.g. `check: loaded-verb`"); ok {
			if _, known := c.opts.Checks[slug]; c.opts.Checks != nil && !known {
				_, n, _ := text(e, "check")
				c.add(n, fmt.Sprintf("unknown check `%s`", slug), didYouMean(slug, c.knownSlugs(), "known checks"))
			}
		}
		if g, n, ok := text(e, "source"); ok {
			if _, err := path.Match(g, ""); err != nil {
				c.add(n, fmt.Sprintf("invalid glob in `source`: %q", g), "globs use * ? and [a-z]; put a backslash before a literal [")
			}
		}
		c.require(e, "ignore", "reason", "say why these findings are acceptable, e.g. `reason: checked against the recording`")
	}
}

// normalise puts a validated file in canonical form: lower-case
// severities and fact kinds, whole-number options as int.
func normalise(f *File) {
	for i := range f.Facts {
		f.Facts[i].Kind = strings.ToLower(strings.TrimSpace(f.Facts[i].Kind))
	}
	for slug, cc := range f.Checks {
		cc.Severity = strings.ToLower(strings.TrimSpace(cc.Severity))
		opts := make(map[string]any, len(cc.Options))
		for k, v := range cc.Options {
			if n, err := toInt(v); err == nil {
				opts[k] = n
			} else {
				opts[k] = v
			}
		}
		cc.Options = opts
		f.Checks[slug] = cc
	}
}
