package source

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestMarkdownStripsMarkup(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // paragraphs
	}{
		{"heading", "# Big *news* today #\n\nBody.", []string{"Big news today", "Body."}},
		{"emphasis", "He said **“we _will_ stay”** and ~~left~~.", []string{"He said “we will stay” and left."}},
		{"snake case stays", "a file_name_here and 5 * 3", []string{"a file_name_here and 5 * 3"}},
		{"links", "See [the report](http://x.org/a_(b)) and [ref link][r] and <http://x.org>.\n\n[r]: http://x.org", []string{"See the report and ref link and http://x.org."}},
		{"image dropped", "Before ![alt text](pic.png) after", []string{"Before  after"}},
		{"code fence dropped", "Text\n\n```go\n\"not a quote\"\n```\n\nMore", []string{"Text", "More"}},
		{"inline code kept", "Run `go \"x\"` now", []string{"Run go \"x\" now"}},
		{"bullets", "- one\n- two\n1. three\n* [x] four", []string{"one", "two", "three", "four"}},
		{"bullet continues", "- one\n  and more\n- two", []string{"one\nand more", "two"}},
		{"not a bullet", "+44 and *emphatic*", []string{"+44 and emphatic"}},
		{"blockquote", "> “Line one\n> line two,” she said.", []string{"“Line one\nline two,” she said."}},
		{"nested blockquote", "> > deep", []string{"deep"}},
		{"html tags", "A <span class=\"x\">styled</span> word<br/>", []string{"A styled word"}},
		{"comment", "Keep <!-- hidden\nstill hidden --> shown", []string{"Keep \n shown"}},
		{"escapes", `\*not emphasis\* and \[x\]`, []string{"*not emphasis* and [x]"}},
		{"setext and rule", "Title\n=====\n\nText\n\n---\n\nMore", []string{"Title", "Text", "More"}},
		{"script block", "Before\n\n<script>\nvar q = \"no\";\n</script>\n<style>p{}</style>\nAfter", []string{"Before", "After"}},
		{"table", "Intro\n\n| Who | Said |\n|-----|------|\n| Ana | “yes” |\n| Bo \\| Li | *no* |\n", []string{"Intro", "Who Said", "Ana “yes”", "Bo | Li no"}},
		{"hard break", "Line one\\\nline two", []string{"Line one\nline two"}},
		{"footnote", "Claim[^1] here.\n\n[^1]: Source.", []string{"Claim here."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("a.md", []byte(tt.in))
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

func TestMarkdownPositions(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sources", "garden.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadBytes("garden.md", data)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	lines := strings.Split(string(data), "\n")
	// Every word below must map to where it stands in the file.
	for _, word := range []string{"city", "garden collective", "receive", "This money", "we can finally", "build", "Omar", "June", "September", "neglected_for_years"} {
		l, c := posOf(t, d, word)
		if l < 1 || l > len(lines) {
			t.Fatalf("%q at line %d", word, l)
		}
		ln := []rune(lines[l-1])
		if c-1+len([]rune(word)) > len(ln) || string(ln[c-1:c-1+len([]rune(word))]) != word {
			t.Errorf("%q maps to %d:%d, where the file has %q", word, l, c, lines[l-1])
		}
	}
	if strings.ContainsAny(d.Text, "*#`[]>") || strings.Contains(d.Text, "code, not a quote") {
		t.Errorf("markup left in text: %q", d.Text)
	}
	wantMeta := result.Source{
		Path: "garden.md", Format: "md", Encoding: "utf-8",
		Title: "Community garden wins city grant", Byline: "Lena Fischer",
		Dates:      []result.Date{{Text: "2025-05-02", ISO: "2025-05-02", Line: 4, Column: 7}},
		Words:      d.Meta.Words,
		Paragraphs: 7,
	}
	if !reflect.DeepEqual(d.Meta, wantMeta) {
		t.Errorf("meta\n%+v, want\n%+v", d.Meta, wantMeta)
	}
	if !strings.HasSuffix(d.Text[:d.Header], "By Lena Fischer") {
		t.Errorf("header ends %q", d.Text[:d.Header])
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	d, err := ReadBytes("a.md", []byte("---\r\ntitle: 'Café rules'\r\nauthors: [Ana Ruiz]\r\ndate:   \"8 July 2025\"\r\n---\r\n\r\nBody “text”.\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []result.Date{{Text: "8 July 2025", ISO: "2025-07-08", Line: 4, Column: 10}}
	if d.Meta.Title != "Café rules" || d.Meta.Byline != "Ana Ruiz" || !reflect.DeepEqual(d.Meta.Dates, want) {
		t.Errorf("meta %+v", d.Meta)
	}
	if l, c := posOf(t, d, "text"); l != 7 || c != 7 {
		t.Errorf("text at %d:%d, want 7:7", l, c)
	}
}

func TestMarkdownRuleNotFrontMatter(t *testing.T) {
	d, err := ReadBytes("a.md", []byte("---\nSome prose here.\n\nMore: prose.\n---\nEnd"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) != 3 || d.Slice(d.Paragraphs[0]) != "Some prose here." {
		t.Fatalf("paragraphs %v of %q", d.Paragraphs, d.Text)
	}
}

func TestMarkdownFrontMatterUnclosed(t *testing.T) {
	d, err := ReadBytes("a.md", []byte("---\ntitle: x\nno end"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title == "x" {
		t.Fatalf("unclosed front matter was read as metadata")
	}
}
