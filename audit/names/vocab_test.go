package names

import (
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/lexicon"
	"github.com/quoteaudit/quoteaudit/rules"
)

// TestVocabDescribe: every word the Scanner reads gets the classes of its
// lower-case form, and only words written in lower case count as seen in
// lower case, whatever the path (packed, long, non-ASCII).
func TestVocabDescribe(t *testing.T) {
	rs, err := rules.Load(nil, rules.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lx := lexicon.New(rs)
	text := "The minister said Mr Blair told the BBC: Taliban-led forces, al-Sharra's " +
		"envoy and an Ambassadors' aide. Reuters reported; Über über ÉMILE Émile émile " +
		"xK Spokeswoman spokeswomen Preseident of the Kabul-based Foreign Ministry who"
	v := newVocab(lx)
	s := wordScanner{text: text}
	var w word
	lowerSeen := map[string]bool{}
	for s.next(&w) {
		lw := lowerOf(w)
		v.describe(&w)
		if want := classify(lx, strings.ToLower(w.text)); w.class != want {
			t.Errorf("%q: class %b, want %b", w.text, w.class, want)
		}
		if !w.cap {
			lowerSeen[lw] = true
		}
	}
	s = wordScanner{text: text}
	for s.next(&w) {
		lw := strings.ToLower(w.text)
		if got := v.seenLower(lw); got != lowerSeen[lw] {
			t.Errorf("seenLower(%q) = %v, want %v", lw, got, lowerSeen[lw])
		}
	}
	for _, c := range []struct {
		word  string
		class uint16
	}{
		{"the", classStop | classArticle}, {"said", classVerb}, {"mr", classTitle},
		{"minister", classRole}, {"ministry", classOrg},
		{"al", classParticle}, {"bbc", classNamed}, {"kabul", classPlace},
	} {
		if got := classify(lx, c.word); got&c.class != c.class {
			t.Errorf("classify(%q) = %b, want the classes %b", c.word, got, c.class)
		}
	}
}

// TestPackedSet: the set finds what it was given through its growth, and
// nothing else.
func TestPackedSet(t *testing.T) {
	var s packedSet
	if _, ok := s.get(1); ok {
		t.Fatal("empty set has 1")
	}
	for k := uint64(1); k <= 5000; k++ {
		sl, seen := s.find(k * 7919)
		if seen {
			t.Fatalf("%d seen before it was added", k)
		}
		sl.class = uint16(k)
	}
	for k := uint64(1); k <= 5000; k++ {
		sl, ok := s.get(k * 7919)
		if !ok || sl.class != uint16(k) {
			t.Fatalf("%d: %v %v", k, sl, ok)
		}
		if sl, seen := s.find(k * 7919); !seen || sl.class != uint16(k) {
			t.Fatalf("find %d again: %v %v", k, sl, seen)
		}
		if _, ok := s.get(k*7919 + 1); ok {
			t.Fatalf("%d+1 found", k*7919)
		}
	}
	if s.n != 5000 || 2*s.n > len(s.slots) {
		t.Errorf("%d words in %d slots", s.n, len(s.slots))
	}
}

func TestPackLower(t *testing.T) {
	a, ok1 := packLower("Taliban")
	b, ok2 := packLower("taliban")
	c, _ := packLower("talibans")
	if !ok1 || !ok2 || a != b || a == c || a == 0 {
		t.Errorf("packLower: %x %v, %x %v, %x", a, ok1, b, ok2, c)
	}
	for _, w := range []string{"Ministers", "Émile"} {
		if k, ok := packLower(w); ok {
			t.Errorf("packLower(%q) = %x, %v", w, k, ok)
		}
	}
}
