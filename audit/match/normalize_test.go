package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"curly quotes and trailing period", "“Supporting the de facto government.”", "supporting the de facto government"},
		{"straight quotes", `"Supporting the de facto government"`, "supporting the de facto government"},
		{"apostrophes unified", "We don’t know", "we don't know"},
		{"straight apostrophe", "We don't know", "we don't know"},
		{"modifier apostrophe", "We donʼt know", "we don't know"},
		{"leading single mark dropped", "‘ally’", "ally"},
		{"em dash glued", "take notice—if you want", "take notice — if you want"},
		{"en dash spaced", "take notice – if you want", "take notice — if you want"},
		{"double hyphen", "take notice -- if you want", "take notice — if you want"},
		{"lone hyphen", "take notice - if you want", "take notice — if you want"},
		{"hyphenated word kept", "Pashtun-dominated", "pashtun-dominated"},
		{"ellipsis character", "we will… fight", "we will … fight"},
		{"three dots", "we will ... fight", "we will … fight"},
		{"trailing ellipsis dropped", "we will fight...", "we will fight"},
		{"brackets unwrapped", "We urge the international [community] to stop", "we urge the international community to stop"},
		{"multi-word insertion", "[we are] ready", "we are ready"},
		{"white space", "  we \t will\n\nfight  ", "we will fight"},
		{"comma at the end", "new phase of positive relations,", "new phase of positive relations"},
		{"question mark at the end", "what can they do?", "what can they do"},
		{"inner punctuation kept", "Crazy, but not surprising", "crazy, but not surprising"},
		{"nested quotes", `He called it “a ‘historic’ step”`, "he called it a historic step"},
		{"full-width letters", "ＵＮ said", "un said"},
		{"guillemets", "«Nous resterons»", "nous resterons"},
		{"case", "THE UN Has Failed Us", "the un has failed us"},
		{"empty", "", ""},
		{"only marks", "“ ” …", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeEqualForms(t *testing.T) {
	// The two Kabulov quotations as the two seed articles print them.
	a := "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders."
	b := "Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders"
	if Normalize(a) != Normalize(b) {
		t.Errorf("Normalize differs:\n%q\n%q", Normalize(a), Normalize(b))
	}
	if Normalize(a) == Normalize(strings.Replace(a, "preventing", "prevent", 1)) {
		t.Error("a changed word must change the normal form")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"“Supporting the de facto government.”", "We don’t [really] know… — or do we?",
		"‘ally’", "a--b ... c", "\xff\xfe", "İstanbul ŞEHİR", "'", "[[", "U.S... ok",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(s) {
			return
		}
		// Idempotent.
		if nn := Normalize(n); nn != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, nn)
		}
		// No outer space, no runs of spaces, no quotation marks or brackets.
		if strings.TrimSpace(n) != n || strings.Contains(n, "  ") {
			t.Fatalf("bad spacing in %q", n)
		}
		if strings.ContainsAny(n, "“”\"[]«»") {
			t.Fatalf("marks left in %q", n)
		}
		// Insensitive to case and mark style.
		if Normalize(strings.ToUpper(s)) != Normalize(strings.ToUpper(n)) {
			t.Fatalf("case-sensitive: %q", s)
		}
		if Normalize(`“`+s+`”`) != n && Normalize(`“ `+s+` ”`) != n {
			t.Fatalf("wrapping in quotation marks changed %q", s)
		}
	})
}

// FuzzASCIIWordKey: the byte loop for ASCII words gives what the rune
// loop does.
func FuzzASCIIWordKey(f *testing.F) {
	for _, s := range []string{"Kabulov's", "[We]", "don`t", `"Yes,"`, "'-'", "[-]", "A\tB", "O'", "X-Ray"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if !isASCII(w) {
			return
		}
		if got, want := asciiWordKey(w), runeWordKey(w); got != want {
			t.Fatalf("asciiWordKey(%q) = %q, runeWordKey gives %q", w, got, want)
		}
	})
}

// coreByRunes is coreOf the plain way, rune by rune, for
// FuzzSplitPunctAndCore.
func coreByRunes(k string) string {
	var b strings.Builder
	for _, r := range k {
		if isWordRune(r) || r == '\'' {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "'")
}

// FuzzSplitPunctAndCore: splitPunct may skip the bytes that cannot start
// a dash or an ellipsis (punctRun finds no run at any of them), and
// settling plain ASCII cores in one pass changes no core.
func FuzzSplitPunctAndCore(f *testing.F) {
	for _, s := range []string{"notice—if", "U.S...", "a--b", "'tis", "rock'n'roll'", "x\xe2\x80", "“quote”—…", "don't", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) {
			if n := punctRun(s[i:]); n > 0 && !mayStartPunctRun(s[i]) {
				t.Fatalf("punctRun(%q) = %d, from a byte splitPunct skips", s[i:], n)
			}
		}
		if got := strings.Join(splitPunct(s, nil), ""); got != s {
			t.Fatalf("splitPunct(%q) pieces join to %q", s, got)
		}
		if got, want := coreOf(s), coreByRunes(s); got != want {
			t.Fatalf("coreOf(%q) = %q, want %q", s, got, want)
		}
	})
}
