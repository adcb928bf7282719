package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/names"
)

func TestRoleConflictFires(t *testing.T) {
	fx := newNameFixture(t, "")
	fx.doc("S1", "Zamir Kabulov, Russian envoy to Afghanistan, said the talks went well.\n")
	fx.doc("S2", "Zamir Kabulov, a Moscow lawyer, said the case was closed.\n")
	_, got := fx.run(roleConflict())
	expectFindings(t, got, []string{"warning S2:1:18 Moscow lawyer [S1:1:16]"})
}

func TestRoleConflictSilentOnSameOffice(t *testing.T) {
	fx := newNameFixture(t, "")
	fx.doc("S1", "Amir Khan Muttaqi, the Taliban minister of foreign affairs, told the BBC he hoped for more.\n")
	fx.doc("S2", "Afghan Foreign Minister Amir Khan Muttaqi expressed hope.\n")
	fx.doc("S3", "Amir Khan Muttaqi, a founding member of the movement, said little.\n")
	r, got := fx.run(roleConflict())
	expectFindings(t, got, nil)
	if len(r.People) != 1 || len(r.People[0].Roles) != 3 {
		t.Errorf("people = %+v", r.People)
	}
}

func TestRolesConflictRule(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Taliban minister of foreign affairs", "Afghan Foreign Minister", false},
		{"President", "Prime Minister", false},
		{"UN Special Rapporteur for Afghanistan", "International scholars of world history", true},
		{"UN Special Rapporteur", "former lawyer", false},
		{"Founding member of the movement", "Russian citizen", false},
		{"Russian citizen born in Moscow", "Founding member of AWJM", false},
		{"archbishop of York", "Reform MP", true},
		{"Russian Preseident", "President", false},
		{"envoy", "", false},
	} {
		if got, _ := names.RolesConflict(c.a, c.b); got != c.want {
			t.Errorf("RolesConflict(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
