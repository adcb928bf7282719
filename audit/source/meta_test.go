package source

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in   string
		name string
		ok   bool
	}{
		{"By: Salman Rafi Sheikh", "Salman Rafi Sheikh", true},
		{"By Jane Roe", "Jane Roe", true},
		{"BY JANE ROE", "JANE ROE", true},
		{"Written by: Ade Okafor", "Ade Okafor", true},
		{"Written by Ade Okafor", "Ade Okafor", true},
		{"Written by:", "", true},
		{"Written by:\u00a0\u00a0 ", "", true},
		{"By: ", "", true},
		{"By Jane Roe, Reuters", "Jane Roe", true},
		{"By Jane Roe | July 8, 2025", "Jane Roe", true},
		{"By Jane Roe and Tom Lee", "Jane Roe and Tom Lee", true},
		{"By Ahmad al-Sharra", "Ahmad al-Sharra", true},
		{"By Ludwig van Beethoven", "Ludwig van Beethoven", true},
		{"By July the fighting had ended.", "", false},
		{"By Monday", "", false},
		{"By the time the vote came, most had left.", "", false},
		{"by then it was late", "", false},
		{"By", "", false},
		{"Bystanders said the ferry was late.", "", false},
		{"By: staff reporter", "staff reporter", true},
	}
	for _, tt := range tests {
		name, ok := parseByline(tt.in)
		if name != tt.name || ok != tt.ok {
			t.Errorf("parseByline(%q) = %q, %v; want %q, %v", tt.in, name, ok, tt.name, tt.ok)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		line bool // a date line
		iso  []string
	}{
		{"July 8, 2025", true, []string{"2025-07-08"}},
		{"Thursday, December 04, 2025", true, []string{"2025-12-04"}},
		{"8 July 2025", true, []string{"2025-07-08"}},
		{"2025-07-08", true, []string{"2025-07-08"}},
		{"Published: 3rd of March 2024, 10:32 GMT", true, []string{"2024-03-03"}},
		{"Updated Sept. 9, 2023", true, []string{"2023-09-09"}},
		{"February 30, 2025", true, []string{""}},
		{"2025-13-01", true, []string{""}},
		{"Sometime early on July the 4th 2025, photographers sat patiently outside a building.", false, nil},
		{"The deal signed on July 3, 2025 was the first of its kind for the region's traders.", false, []string{"2025-07-03"}},
		{"2 mins read", false, nil},
		{"Election results: May 5, 2025", false, []string{"2025-05-05"}},
		{"Last updated at 10:32 GMT on 8 July 2025", true, []string{"2025-07-08"}},
		{"July 8, 2025 | 2 mins read", true, []string{"2025-07-08"}},
	}
	for _, tt := range tests {
		if got := isDateLine(tt.in); got != tt.line {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.in, got, tt.line)
		}
		d := &Document{Text: tt.in}
		var iso []string
		for _, x := range findDates(d, 0, tt.in) {
			iso = append(iso, x.ISO)
		}
		if !reflect.DeepEqual(iso, tt.iso) {
			t.Errorf("findDates(%q) = %q, want %q", tt.in, iso, tt.iso)
		}
	}
}

func TestTopMatter(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		title  string
		byline string
		dates  []result.Date
		header string // the text just before Header
	}{
		{
			name:   "title byline date",
			text:   "Ferry trial approved\n\nBy: Mara Lindqvist\nTuesday, March 11, 2025\n\nThe board voted on Monday to run a ferry.\n",
			title:  "Ferry trial approved",
			byline: "Mara Lindqvist",
			dates:  []result.Date{{Text: "Tuesday, March 11, 2025", ISO: "2025-03-11", Line: 4, Column: 1}},
			header: "March 11, 2025",
		},
		{
			name:   "empty written by",
			text:   "Refugees wait for news.\u00a0\n\n\u00a0\u00a0\n\nWritten by:\n\n“We wait,” one said.\n\nThe long body starts here.\n",
			title:  "Refugees wait for news.",
			header: "Written by:",
		},
		{
			name:   "byline first, long body",
			text:   "By: Salman Rafi Sheikh\nAs millions struggle " + repeatWords(60) + "\n",
			byline: "Salman Rafi Sheikh",
			header: "By: Salman Rafi Sheikh",
		},
		{
			name:   "repeated headline wins",
			text:   "In a surprising move, the council approved the plan on Friday.\nCouncil Approves Plan\n\nCouncil Approves Plan\nMore text.\n" + repeatWords(50) + "\n",
			title:  "Council Approves Plan",
			header: "Council Approves Plan\n\nCouncil Approves Plan",
		},
		{
			name:  "dates at the top, not in the body",
			text:  "Thursday, December 04, 2025\n\nHeadline here\n\nJuly 8, 2025\n2 mins read\nHeadline here\n\nIt happened on July 4, 2025, officials said " + repeatWords(50) + "\n",
			title: "Headline here",
			dates: []result.Date{
				{Text: "Thursday, December 04, 2025", ISO: "2025-12-04", Line: 1, Column: 1},
				{Text: "July 8, 2025", ISO: "2025-07-08", Line: 5, Column: 1},
			},
			header: "Headline here",
		},
		{
			name:   "dateline",
			text:   "Title\n\nMOSCOW, July 8, 2025 — Officials met on Tuesday to talk.\n",
			title:  "Title",
			dates:  []result.Date{{Text: "July 8, 2025", ISO: "2025-07-08", Line: 3, Column: 9}},
			header: "Title",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if d.Meta.Title != tt.title || d.Meta.Byline != tt.byline {
				t.Errorf("title %q byline %q, want %q %q", d.Meta.Title, d.Meta.Byline, tt.title, tt.byline)
			}
			if !reflect.DeepEqual(d.Meta.Dates, tt.dates) {
				t.Errorf("dates %+v, want %+v", d.Meta.Dates, tt.dates)
			}
			if got := d.Text[:d.Header]; len(got) < len(tt.header) || got[len(got)-len(tt.header):] != tt.header {
				t.Errorf("header ends %q, want …%q", got, tt.header)
			}
		})
	}
}

func repeatWords(n int) string {
	b := make([]byte, 0, n*5)
	for i := 0; i < n; i++ {
		b = append(b, "word "...)
	}
	return string(b)
}

func TestCountWords(t *testing.T) {
	tests := map[string]int{
		"":                           0,
		"one":                        1,
		"don’t stop-gap  2025 £600m": 4,
		"“Quote,” he said — twice.":  4,
		"Муттаки сказал":             2,
	}
	for in, want := range tests {
		if got := countWords(in); got != want {
			t.Errorf("countWords(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestSeeds reads the reference articles (research only, not in the repo).
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("seeds not available")
	}
	type want struct {
		title, byline string
		isos          []string
	}
	wants := map[string]want{
		"000": {title: "Afghan refugees fear as world moves towards international ties with the Taliban."},
		"001": {title: "Russia’s Recognition of the Taliban: A Blow to Human Rights and Afghan Aspirations"},
		"002": {byline: "Salman Rafi Sheikh"},
		"003": {title: "Russia Becomes First Country to Recognize Taliban Government"},
		"004": {title: "Russia becomes first to recognize Taliban regime as migration crisis deepens on Afghan-Iranian border", isos: []string{"2025-12-04", "2025-07-08"}},
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	for _, f := range files {
		key := filepath.Base(f)[:3]
		w, ok := wants[key]
		if !ok {
			continue
		}
		d, err := Read(f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, d)
		var isos []string
		for _, x := range d.Meta.Dates {
			isos = append(isos, x.ISO)
		}
		if d.Meta.Title != w.title || d.Meta.Byline != w.byline || !reflect.DeepEqual(isos, w.isos) {
			t.Errorf("%s: title %q byline %q dates %q; want %q %q %q", key, d.Meta.Title, d.Meta.Byline, isos, w.title, w.byline, w.isos)
		}
		if d.Meta.Encoding != "utf-8" || d.Header == 0 {
			t.Errorf("%s: encoding %q header %d", key, d.Meta.Encoding, d.Header)
		}
	}
}

// TestBBCCorpus reads the research corpus (not in the repo): each article
// has its headline on the first line and no byline or date line, so the
// title must be that line, the header must end with it, and no byline or
// date may be invented from the body.
func TestBBCCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "bbc-news", "*.txt"))
	if len(files) == 0 {
		t.Skip("BBC corpus not available")
	}
	for _, f := range files {
		d, err := Read(f, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		first := d.Slice(d.Paragraphs[0])
		if d.Meta.Title != oneLine(first) || d.Header != d.Paragraphs[0].End || d.Meta.Byline != "" || len(d.Meta.Dates) != 0 {
			t.Errorf("%s: title %q header %d byline %q dates %v", filepath.Base(f), d.Meta.Title, d.Header, d.Meta.Byline, d.Meta.Dates)
		}
		if d.Meta.Encoding != "utf-8" || d.Meta.Words < 50 {
			t.Errorf("%s: encoding %q, %d words", filepath.Base(f), d.Meta.Encoding, d.Meta.Words)
		}
	}
}

// countWords is the plain rune-by-rune count on random text of letters,
// digits, joiners, marks, spaces and invalid bytes.
func TestCountWordsIsPlainCount(t *testing.T) {
	plain := func(s string) int {
		n, in := 0, false
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				if !in {
					n++
				}
				in = true
				continue
			}
			in = in && (r == '\'' || r == '’' || r == '-')
		}
		return n
	}
	pieces := []string{"a", "Z", "9", "é", "ß", "\u0301", "'", "’", "-", " ", "\n", "“", ".", "\xff", "\xe2\x80", "日本", "٣", "—", "\u2060", "\u2071"}
	rng := rand.New(rand.NewSource(7))
	for range 5000 {
		var b strings.Builder
		for range rng.Intn(20) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		if s := b.String(); countWords(s) != plain(s) {
			t.Fatalf("countWords(%q) = %d, want %d", s, countWords(s), plain(s))
		}
	}
}
