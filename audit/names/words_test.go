package names

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// refWords is the word splitter as it was written first, rune by rune,
// with makeWord for every word: the reference of wordScanner's fast path
// for ASCII words.
func refWords(text string, lowerCaps bool) []word {
	var out []word
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '‐' {
				if r2, _ := utf8.DecodeRuneInString(text[j+n:]); j+n < len(text) && isWordRune(r2) {
					j += n
					continue
				}
			}
			break
		}
		out = append(out, makeWord(text, i, j, lowerCaps))
		i = j
	}
	return out
}

// scanAll returns the words of text as the scanner reads them.
func scanAll(text string, lowerCaps bool) []word {
	var out []word
	s := wordScanner{text: text, lowerCaps: lowerCaps}
	var w word
	for s.next(&w) {
		out = append(out, w)
	}
	return out
}

// checkWords compares the scanner with the reference on text. makeWord
// leaves plain false: the scanner's plain is checked on its own.
func checkWords(t *testing.T, text string) {
	t.Helper()
	unplain := func(ws []word) []word {
		for i := range ws {
			w := &ws[i]
			// A word followed by ’s takes the slow path: not plain.
			alnum := strings.Trim(w.text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == ""
			if w.plain && !alnum || !w.plain && alnum && !w.possessive {
				t.Errorf("%q: plain = %v", w.text, w.plain)
			}
			w.plain = false
		}
		return ws
	}
	want := refWords(text, true)
	if got := unplain(scanAll(text, true)); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Errorf("scanner with lower-case capitals (%q)\n got %+v\nwant %+v", text, got, want)
	}
	want = refWords(text, false)
	if got := unplain(scanAll(text, false)); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Errorf("scanner without lower-case capitals (%q)\n got %+v\nwant %+v", text, got, want)
	}
}

func TestWordScanner(t *testing.T) {
	for _, text := range []string{
		"",
		"Amir Khan Muttaqi, the Taliban's minister, said: \"UN's AWJM\" 2005 -- O'Brien's",
		"al-Sharra el-Sisi al-qaeda von der Leyen Kabul-based DON'T don't iPhone 3DS x-'s 's ab's AB'S",
		"word- -word a--b it's' X'S O'S Os's",
		"Šefčovič’s el‐Sisi Taliban’s ÉMILE émile İstanbul ǅemal e\u0301te",
		"bad \xff byte\xffs and half \xe2\x80 rune’",
		"Mr. Blair (PM) said; Dr Spanta—minister—spoke",
	} {
		checkWords(t, text)
	}
	// The fast path really ran: an ASCII word's fields.
	ws := scanAll("UN's al-Sharra iPhone", true)
	want := []word{
		{start: 0, end: 2, text: "UN", lower: "un", cap: true, acronym: true, possessive: true, plain: true},
		{start: 5, end: 14, text: "al-Sharra", lower: "al-sharra", cap: true},
		{start: 15, end: 21, text: "iPhone", lower: "iphone", plain: true},
	}
	if !reflect.DeepEqual(ws, want) {
		t.Errorf("got %+v\nwant %+v", ws, want)
	}
}
