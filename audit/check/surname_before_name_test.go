package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestSurnameBeforeNameFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", ""+
		"Moscow raised the flag on Friday.\n"+
		"“This is a new phase,” Kabulov said.\n"+
		"“Relations will grow,” Mr Kabulov added.\n"+
		"Zamir Kabulov, Russia’s special envoy, has led the talks since 2021.\n"+
		"“We will not wait,” Muttaqi said.\n")
	k := result.Speaker{Mention: "Kabulov", Name: "Zamir Kabulov", Kind: result.KindPerson, Person: "p1"}
	k.Line, k.Column = fx.at("S1", "Kabulov said")
	fx.quote("q1", "S1", "This is a new phase,", 0, k)
	k2 := k
	k2.Mention = "Mr Kabulov"
	k2.Line, k2.Column = fx.at("S1", "Mr Kabulov")
	fx.quote("q2", "S1", "Relations will grow,", 0, k2)
	m := result.Speaker{Mention: "Muttaqi", Name: "Amir Khan Muttaqi", Kind: result.KindPerson}
	m.Line, m.Column = fx.at("S1", "Muttaqi")
	fx.quote("q3", "S1", "We will not wait,", 0, m)
	fs := fx.run(surnameBeforeName())
	wantFindings(t, fs, `
warning S1:5:21 q3 | Muttaqi | "Muttaqi" is attributed by surname only; the article never gives the full name (Amir Khan Muttaqi).
warning S1:2:24 q1 | Kabulov | "Kabulov" is attributed by surname before the full name "Zamir Kabulov" is introduced (line 4).
`)
	if len(fs) == 2 && (len(fs[1].Related) != 1 || fs[1].Related[0].Line != 4 || fs[1].Related[0].Column != 1) {
		t.Errorf("related: %+v", fs[1].Related)
	}
}

func TestSurnameBeforeNameSilentAfterIntroduction(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", ""+
		"Zamir  Kabulov, Russia’s special envoy, spoke first.\n"+
		"“This is a new phase,” Kabulov said.\n"+
		"“We are hopeful,” Zamir Kabulov said.\n")
	k := result.Speaker{Mention: "Kabulov", Name: "Zamir Kabulov", Kind: result.KindPerson}
	k.Line, k.Column = fx.at("S1", "Kabulov said")
	fx.quote("q1", "S1", "This is a new phase,", 0, k)
	full := k
	full.Mention = "Zamir Kabulov"
	fx.quote("q2", "S1", "We are hopeful,", 0, full)
	wantFindings(t, fx.run(surnameBeforeName()), ``)
}

func TestSurnameBeforeNameFromPerson(t *testing.T) {
	// The resolver left the surname as the speaker's name; the person
	// record carries the full name.
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“This is a new phase,” Kabulov said.\nZamir Kabulov is Russia’s envoy.\n")
	fx.res.People = []result.Person{{ID: "P1", Name: "Zamir Kabulov"}}
	k := result.Speaker{Mention: "Kabulov", Name: "Kabulov", Kind: result.KindPerson, Person: "P1"}
	k.Line, k.Column = fx.at("S1", "Kabulov said")
	fx.quote("q1", "S1", "This is a new phase,", 0, k)
	wantFindings(t, fx.run(surnameBeforeName()), `
warning S1:1:24 q1 | Kabulov | "Kabulov" is attributed by surname before the full name "Zamir Kabulov" is introduced (line 2).
`)
}
