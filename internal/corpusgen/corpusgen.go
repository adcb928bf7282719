// Package corpusgen writes reproducible corpora of "sister" articles for
// scale work. Each generated article is made from one seed article (and
// sometimes a paragraph of another): it re-quotes the seed's lines, some
// exactly, some edited (a word changed or dropped, punctuation), some with
// a speaker's name misspelt, some with curly quotes instead of straight
// ones, with its paragraphs partly shuffled. The same seed and inputs give
// byte-identical files.
//
// Generated articles are derivatives of their seeds: write them outside
// the repository (the BBC corpus is licensed for research only).
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// PerFolder is the number of articles written to each subfolder
// (dir/g000/, dir/g001/, …), so no folder grows huge.
const PerFolder = 1000

// Rates of each variation (fractions).
const (
	rateShuffle  = 0.5  // an article's body paragraphs are partly shuffled
	rateCurly    = 0.15 // an article uses curly quotes throughout
	rateEditQ    = 0.2  // a quoted span is edited
	rateMisspell = 0.2  // an article misspells one speaker's name
	rateBorrow   = 0.45 // an article carries a quoting paragraph of another seed
)

// ReadBase reads the seed articles: every .txt file directly in dir,
// in name order.
func ReadBase(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if len(strings.TrimSpace(string(b))) > 0 {
			out = append(out, string(b))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no .txt seed articles in %s", dir)
	}
	return out, nil
}

// Generate writes n sister articles made from base into dir (created if
// needed), as dir/gNNN/aNNNNNN.txt. Article i depends only on seed, i
// and base, so the output is the same whatever the number of CPUs.
func Generate(dir string, n int, seed int64, base []string) error {
	if len(base) == 0 {
		return fmt.Errorf("corpusgen: no seed articles")
	}
	if n < 0 {
		return fmt.Errorf("corpusgen: negative article count %d", n)
	}
	arts := make([]article, len(base))
	for i, b := range base {
		arts[i] = parse(b)
	}
	for g := 0; g*PerFolder < n; g++ {
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("g%03d", g)), 0o755); err != nil {
			return err
		}
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan int, 256)
	)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				text := Sister(arts, seed, i)
				name := filepath.Join(dir, fmt.Sprintf("g%03d", i/PerFolder), fmt.Sprintf("a%06d.txt", i))
				if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}

// article is a seed split into its headline and body paragraphs.
type article struct {
	headline string
	paras    []string
	quoting  []int // indices of paragraphs with a quotation mark
}

func parse(text string) article {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	var a article
	a.headline = strings.TrimSpace(lines[0])
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" {
			if strings.ContainsAny(l, "\"“”") {
				a.quoting = append(a.quoting, len(a.paras))
			}
			a.paras = append(a.paras, l)
		}
	}
	return a
}

// Sister returns article i of the corpus generated from arts with seed.
func Sister(arts []article, seed int64, i int) string {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+1))
	a := arts[r.IntN(len(arts))]
	paras := append([]string(nil), a.paras...)

	if r.Float64() < rateBorrow {
		o := arts[r.IntN(len(arts))]
		if len(o.quoting) > 0 {
			p := o.paras[o.quoting[r.IntN(len(o.quoting))]]
			at := r.IntN(len(paras) + 1)
			paras = append(paras[:at], append([]string{p}, paras[at:]...)...)
		}
	}
	if r.Float64() < rateShuffle && len(paras) > 2 {
		// Swap a few paragraphs, never splitting a quote that runs on
		// (a paragraph that opens a quote it does not close).
		for k := r.IntN(3) + 1; k > 0; k-- {
			x, y := r.IntN(len(paras)), r.IntN(len(paras))
			if runsOn(paras, x) || runsOn(paras, y) {
				continue
			}
			paras[x], paras[y] = paras[y], paras[x]
		}
	}
	for j, p := range paras {
		paras[j] = editQuotes(r, p)
	}
	body := strings.Join(paras, "\n\n")
	if r.Float64() < rateMisspell {
		body = misspellName(r, body)
	}
	headline := a.headline
	if r.IntN(4) == 0 {
		headline += fmt.Sprintf(" (update %d)", r.IntN(9)+1)
	}
	text := headline + "\n\n" + body + "\n"
	if r.Float64() < rateCurly {
		text = curly(text)
	}
	return text
}

// runsOn reports whether paragraph i is part of a quote over several
// paragraphs: it, or the one before it, has an odd number of marks.
func runsOn(paras []string, i int) bool {
	odd := func(s string) bool { return strings.Count(s, `"`)%2 == 1 }
	return odd(paras[i]) || (i > 0 && odd(paras[i-1]))
}

var quoted = regexp.MustCompile(`"[^"\n]+"`)

// replacements are word swaps an editor or another outlet might make.
var replacements = map[string]string{
	"very": "really", "really": "very", "said": "says", "is": "was", "was": "is",
	"will": "would", "would": "will", "can": "could", "could": "can",
	"not": "never", "big": "large", "important": "significant", "we": "they",
	"the": "this", "this": "the", "a": "the", "think": "believe", "believe": "think",
	"good": "great", "great": "good", "must": "should", "should": "must",
}

// editQuotes edits some of the quoted spans of p.
func editQuotes(r *rand.Rand, p string) string {
	return quoted.ReplaceAllStringFunc(p, func(q string) string {
		if r.Float64() >= rateEditQ {
			return q
		}
		inner := q[1 : len(q)-1]
		ws := strings.Fields(inner)
		if len(ws) < 4 {
			return q
		}
		switch r.IntN(4) {
		case 0: // change a word
			for try := 0; try < 8; try++ {
				k := r.IntN(len(ws))
				if rep, ok := replacements[strings.ToLower(ws[k])]; ok {
					ws[k] = rep
					break
				}
				if try == 7 {
					ws[k] = "indeed"
				}
			}
		case 1: // drop a word
			k := r.IntN(len(ws) - 1)
			ws = append(ws[:k], ws[k+1:]...)
		case 2: // punctuation
			last := ws[len(ws)-1]
			switch {
			case strings.HasSuffix(last, ","), strings.HasSuffix(last, "."):
				ws[len(ws)-1] = last[:len(last)-1] + []string{"!", ";", "", "..."}[r.IntN(4)]
			default:
				k := r.IntN(len(ws) - 1)
				ws[k] = strings.TrimRight(ws[k], ",;") + ","
			}
		case 3: // a word dropped and another changed
			k := r.IntN(len(ws) - 1)
			ws = append(ws[:k], ws[k+1:]...)
			j := r.IntN(len(ws))
			if rep, ok := replacements[strings.ToLower(ws[j])]; ok {
				ws[j] = rep
			}
		}
		return `"` + strings.Join(ws, " ") + `"`
	})
}

// speakerName finds names attributed as speakers: "Mr Blair", or two or
// three capitalised words next to a speech verb.
var speakerName = regexp.MustCompile(`(?:Mr|Mrs|Ms|Dr) [A-Z][a-z]{3,}|[A-Z][a-z]+ [A-Z][a-z]{3,}(?: said| says| told| added)`)

// misspellName misspells one speaker's surname everywhere in body.
func misspellName(r *rand.Rand, body string) string {
	ms := speakerName.FindAllString(body, -1)
	if len(ms) == 0 {
		return body
	}
	m := ms[r.IntN(len(ms))]
	f := strings.Fields(m)
	surname := f[1]
	bad := misspell(r, surname)
	if bad == surname {
		return body
	}
	return replaceWord(body, surname, bad)
}

// misspell makes one typing error in w: a swap, a doubled letter, a
// dropped letter or a changed vowel (never the first letter).
func misspell(r *rand.Rand, w string) string {
	rs := []rune(w)
	if len(rs) < 4 {
		return w
	}
	k := 1 + r.IntN(len(rs)-2)
	switch r.IntN(4) {
	case 0:
		rs[k], rs[k+1] = rs[k+1], rs[k]
	case 1:
		rs = append(rs[:k+1], rs[k:]...)
	case 2:
		rs = append(rs[:k], rs[k+1:]...)
	case 3:
		const vowels = "aeiou"
		for j := k; j < len(rs); j++ {
			if strings.ContainsRune(vowels, rs[j]) {
				rs[j] = rune(vowels[(strings.IndexRune(vowels, rs[j])+1+r.IntN(4))%5])
				break
			}
		}
	}
	return string(rs)
}

// replaceWord replaces whole-word occurrences of old in s.
func replaceWord(s, old, repl string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(old):])
		b.WriteString(s[:i])
		if (i == 0 || !isWord(before)) && (i+len(old) == len(s) || !isWord(after)) {
			b.WriteString(repl)
		} else {
			b.WriteString(old)
		}
		s = s[i+len(old):]
	}
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// curly turns straight double quotes into curly ones: an opening mark at
// the start of a line or after a space or bracket, a closing one elsewhere.
func curly(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/20)
	prev := '\n'
	for _, c := range s {
		if c == '"' {
			if prev == '\n' || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '-' {
				b.WriteString("“")
			} else {
				b.WriteString("”")
			}
		} else {
			b.WriteRune(c)
		}
		prev = c
	}
	return b.String()
}

// BBCDir is where the BBC corpus lives, relative to the repository root.
const BBCDir = "../shared/corpus/bbc-news"

// DefaultBase reads the default seed articles for a repository at root:
// the BBC corpus beside it when present, else the bundled demo corpus
// (root/seeds). It returns the folder it read.
func DefaultBase(root string) ([]string, string, error) {
	dir := filepath.Join(root, BBCDir)
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Join(root, "seeds")
	}
	base, err := ReadBase(dir)
	return base, dir, err
}
