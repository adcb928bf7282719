package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"golang.org/x/text/encoding/charmap"
)

func TestHTMLFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sources", "library.html"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadBytes("library.html", data)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, d.Slice(p))
	}
	want := []string{
		"Library extends opening hours",
		"By Sofia Marin",
		"14 September 2025",
		"The central library will stay open until 9pm on weekdays, the council announced.",
		"“Students asked us for quiet space in the evening,” said head librarian Yusuf Kaya.",
		"The change costs R&D funds nothing,",
		"a spokesperson added.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n%q, want\n%q", got, want)
	}
	for _, junk := range []string{"Home", "Subscribe", "Search", "not a quote", "color", "Town Post"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("boilerplate %q left in text", junk)
		}
	}
	wantDates := []result.Date{
		{Text: "2025-09-14T08:30:00Z", ISO: "2025-09-14", Line: 8, Column: 1},
		{Text: "2025-09-14", ISO: "2025-09-14", Line: 18, Column: 3},
		{Text: "14 September 2025", ISO: "2025-09-14", Line: 18, Column: 31},
	}
	if d.Meta.Title != "Library extends opening hours" || d.Meta.Byline != "Sofia Marin" || !reflect.DeepEqual(d.Meta.Dates, wantDates) {
		t.Errorf("meta %+v", d.Meta)
	}
	lines := strings.Split(string(data), "\n")
	for _, word := range []string{"Students", "librarian", "central", "the council", "R&D", "a spokesperson"} {
		l, c := posOf(t, d, word)
		ln := []rune(lines[l-1])
		// Entities make the file longer than the text: compare the first letter.
		if word == "R&D" {
			word = "R&amp;D"
		}
		w := []rune(word)
		if c-1+len(w) > len(ln) || string(ln[c-1:c-1+len(w)]) != word {
			t.Errorf("%q maps to %d:%d in %q", word, l, c, lines[l-1])
		}
	}
	// After an entity, columns are still exact.
	if l, c := posOf(t, d, "said head"); l != 21 || c != 70 {
		t.Errorf("\"said head\" at %d:%d, want 21:70", l, c)
	}
}

func TestHTMLBodyChoice(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"body", "<html><body><nav>menu</nav><p>One</p><p>Two</p><footer>f</footer></body></html>", []string{"One", "Two"}},
		{"main", "<body><div>promo</div><main><p>Main text</p></main></body>", []string{"Main text"}},
		{"article over main", "<main><div>teaser</div><article><p>Story</p></article></main>", []string{"Story"}},
		{"longest article", "<article><p>Short</p></article><article><p>The longer story wins</p></article>", []string{"The longer story wins"}},
		{"articleBody", "<div><div>chrome</div><div itemprop=\"articleBody\"><p>Body text</p></div></div>", []string{"Body text"}},
		{"unclosed aside", "<body><p>Kept</p><aside>ad<p>Lost in aside</body>", []string{"Kept"}},
		{"whitespace and nbsp", "<p>  a\n\tb&nbsp;&nbsp;c  </p>", []string{"a b c"}},
		{"br and blocks", "<div>x<br>y<li>z</li></div>", []string{"x", "y", "z"}},
		{"inline", "<p>He <b>said</b> <a href=\"#\">“hi”</a>.</p>", []string{"He said “hi”."}},
		{"nul", "<p>a\x00b</p>", []string{"ab"}},
		{"self-closing script", "<p>Before</p><script src=\"x.js\"/>var s = \"no\";</script><p>After</p>", []string{"Before", "After"}},
		{"q element", "<p>He said <q>we <q>won</q> today</q>.</p>", []string{"He said “we ‘won’ today”."}},
		{"hidden", "<p>Seen</p><div hidden><p>a</p></div><span aria-hidden=\"true\">b</span><p style=\"display: none\">c</p>", []string{"Seen"}},
		{"comment", "<p>Seen<!-- <p>unseen</p> --></p>", []string{"Seen"}},
		{"header inside article", "<article><header><h1>Head</h1></header><p>Story</p></article>", []string{"Story"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.html", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, d.Slice(p))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLEncodings(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body><p>“Déjà vu,” he said.</p></body></html>"
	win, err := charmap.Windows1252.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	nometa := strings.Replace(page, `<meta charset="windows-1252">`, "", 1)
	winNoMeta, _ := charmap.Windows1252.NewEncoder().String(nometa)
	tests := []struct {
		name, data, enc, src string
	}{
		{"utf-8", nometa, "utf-8", nometa},
		{"utf-8 bom", "\xEF\xBB\xBF" + nometa, "utf-8-bom", nometa},
		{"meta windows-1252", win, "windows-1252", page},
		{"guess windows-1252", winNoMeta, "windows-1252", nometa},
		{"utf-16le", string(utf16Bytes(t, nometa, false, true)), "utf-16le", nometa},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.html", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if d.Meta.Encoding != tt.enc || d.Meta.Title != "Café" {
				t.Errorf("encoding %q title %q, want %q", d.Meta.Encoding, d.Meta.Title, tt.enc)
			}
			if len(d.Paragraphs) != 1 || d.Slice(d.Paragraphs[0]) != "“Déjà vu,” he said." {
				t.Errorf("text %q", d.Text)
			}
			// Columns count characters of the file, whatever its encoding.
			want := len([]rune(tt.src[:strings.Index(tt.src, "he said")])) + 1
			if l, c := posOf(t, d, "he said"); l != 1 || c != want {
				t.Errorf("\"he said\" at %d:%d, want 1:%d", l, c, want)
			}
		})
	}
}

func TestHTMLMeta(t *testing.T) {
	tests := []struct {
		name, in, title, byline string
		iso                     []string
	}{
		{"title minus site", "<title>Big news | Daily</title><h1>Big news</h1><p>x</p>", "Big news", "", nil},
		{"svg title ignored", "<title>Page</title><svg><title>Icon</title></svg><p>x</p>", "Page", "", nil},
		{"title alone", "<title>Only title</title><p>x</p>", "Only title", "", nil},
		{"h1 alone", "<h1>From h1</h1><p>x</p>", "From h1", "", nil},
		{"rel author", "<p>x <a rel=\"author\" href=\"/a\">Kim Park</a></p>", "x Kim Park", "Kim Park", nil},
		{"itemprop author", "<article><header><span itemprop=\"author\">Lu  Wei</span><time datetime=\"2024-02-29T10:00\">Feb 29</time></header><p>Body</p></article>", "Body", "Lu Wei", []string{"2024-02-29"}},
		{"footer time ignored", "<p>Body</p><footer><time datetime=\"2020-01-01\">x</time></footer>", "Body", "", nil},
		{"meta date", "<meta name=\"date\" content=\"2023-04-05\"><p>Body</p>", "Body", "", []string{"2023-04-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.html", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var iso []string
			for _, x := range d.Meta.Dates {
				iso = append(iso, x.ISO)
			}
			if d.Meta.Title != tt.title || d.Meta.Byline != tt.byline || !reflect.DeepEqual(iso, tt.iso) {
				t.Errorf("title %q byline %q dates %q; want %q %q %q", d.Meta.Title, d.Meta.Byline, iso, tt.title, tt.byline, tt.iso)
			}
		})
	}
}

func TestHTMLRejects(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"whitespace": "  \n ",
	} {
		_, err := ReadBytes("a.html", []byte(in))
		skipReason(t, err)
		_ = name
	}
	_, err := ReadBytes("a.html", []byte("<html><body><nav>only chrome</nav></body></html>"))
	if got := skipReason(t, err); got != "no text" {
		t.Errorf("reason %q, want \"no text\"", got)
	}
}
