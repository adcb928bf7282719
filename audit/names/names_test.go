package names

import (
	"strings"
	"testing"
	"unicode"

	"github.com/agnivade/levenshtein"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Šefčovič":                "sefcovic",
		"O’Brien":                 "obrien",
		"O'Brien":                 "obrien",
		"İstanbul":                "istanbul",
		"Łukasz Søren":            "lukasz soren",
		"al-Sharra":               "al sharra",
		"  Amir   Khan\tMuttaqi ": "amir khan muttaqi",
		"Dr. Spanta":              "dr spanta",
		"STRASSE":                 "strasse",
		"Straße":                  "strasse",
		"Муттаки":                 "муттаки",
		"":                        "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	pairs := [][2]string{
		{"Muttaqi, Amir Khan", "Amir Khan Muttaqi"},
		{"amir KHAN muttaqi", "Amir Khan Muttaqi"},
		{"Khan Khan", "Khan"},
	}
	for _, p := range pairs {
		if a, b := Fingerprint(p[0]), Fingerprint(p[1]); a != b {
			t.Errorf("Fingerprint(%q) = %q, Fingerprint(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	if got := Fingerprint("Muttaqi, Amir Khan"); got != "amir khan muttaqi" {
		t.Errorf("Fingerprint = %q", got)
	}
}

func TestTranslitKey(t *testing.T) {
	same := [][2]string{
		{"Muttaqi", "Mutaqi"},
		{"Akhundzada", "Akhunzada"},
		{"Mohammad", "Mohamad"},
		{"Khalilzad", "Kalilzad"},
		{"Mustafa", "Mustapha"},
		{"Yusuf", "Yousuf"},
	}
	for _, p := range same {
		if a, b := TranslitKey(p[0]), TranslitKey(p[1]); a != b {
			t.Errorf("TranslitKey(%q) = %q, TranslitKey(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"Iran", "Iraq"}, {"Bennett", "Bernett"}, {"Maria", "Mariam"}, {"Austria", "Australia"}}
	for _, p := range differ {
		if a, b := TranslitKey(p[0]), TranslitKey(p[1]); a == b {
			t.Errorf("TranslitKey(%q) = TranslitKey(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		k    int
		d    int
		ok   bool
	}{
		{"vladamir putin", "vladimir putin", 2, 1, true},
		{"bennett", "bernett", 2, 1, true},
		{"bennett", "bennett", 0, 0, true},
		{"maria", "maria ivanova", 2, 0, false},
		{"kitten", "sitting", 3, 3, true},
		{"kitten", "sitting", 2, 0, false},
		{"", "abc", 3, 3, true},
		{"", "abc", 2, 0, false},
		{"муттаки", "мутаки", 1, 1, true},
	} {
		d, ok := Distance(c.a, c.b, c.k)
		if ok != c.ok || (ok && d != c.d) {
			t.Errorf("Distance(%q, %q, %d) = %d, %v; want %d, %v", c.a, c.b, c.k, d, ok, c.d, c.ok)
		}
	}
}

// FuzzDistance checks the bounded distance against the reference
// implementation: equal when within k, rejected otherwise.
func FuzzDistance(f *testing.F) {
	f.Add("vladamir", "vladimir", 2)
	f.Add("", "x", 0)
	f.Add("abcdef", "badcfe", 3)
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		if k < 0 || k > 8 || len(a) > 64 || len(b) > 64 {
			return
		}
		want := levenshtein.ComputeDistance(a, b)
		d, ok := Distance(a, b, k)
		if want <= k && (!ok || d != want) {
			t.Fatalf("Distance(%q, %q, %d) = %d, %v; reference %d", a, b, k, d, ok, want)
		}
		if want > k && ok {
			t.Fatalf("Distance(%q, %q, %d) = %d, true; reference %d exceeds k", a, b, k, d, want)
		}
	})
}

// FuzzFold: no panic, idempotent, no upper case, single inner spaces, no
// punctuation, and invariant under case.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Šefčovič", "O’Brien", "İSTANBUL", "ΐ", "ﬁnn", "a - b", "Ǆemal", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if k2 := Fold(k); k2 != k {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, k, k2)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Fold(%q) = %q: bad spacing", s, k)
		}
		for _, r := range k {
			if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Fatalf("Fold(%q) = %q keeps %q", s, k, r)
			}
		}
		if Fold(strings.ToUpper(s)) != Fold(strings.ToLower(s)) && isSimpleLatin(s) {
			t.Fatalf("Fold(%q) depends on case", s)
		}
		if fp := Fingerprint(s); Fingerprint(fp) != fp {
			t.Fatalf("Fingerprint not idempotent on %q", s)
		}
		tk := TranslitKey(s)
		if TranslitKey(k) != tk {
			t.Fatalf("TranslitKey(%q) = %q but TranslitKey(Fold) = %q", s, tk, TranslitKey(k))
		}
	})
}

func isSimpleLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}
