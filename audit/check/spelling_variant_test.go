package check

import (
	"strings"
	"testing"
)

func TestSpellingVariantFires(t *testing.T) {
	fx := newNameFixture(t, "")
	d := fx.doc("S1", strings.Repeat("The Taliban met the envoys. ", 8)+"\n\"If the Taiban are made legitimate, we lose.\" Bakhtawar said.\n")
	fx.quote(d, "If the Taiban are made legitimate, we lose.", "Bakhtawar")
	fx.doc("S2", "Aghan refugees wait. "+strings.Repeat("Afghan families wait. ", 4))
	_, got := fx.run(spellingVariant())
	expectFindings(t, got, []string{
		"info S1:2:9 Taiban => Taliban",
		"info S2:1:1 Aghan => Afghan",
	})
}

func TestSpellingVariantSilent(t *testing.T) {
	fx := newNameFixture(t, "names:\n  allow: [Kabulow]\n")
	fx.doc("S1", strings.Repeat("Iran and the Taliban talk. ", 6)+"Iraq stays out. Kabulow and Kabulov. Kabulov. Kabulov. Kabulov.")
	_, got := fx.run(spellingVariant())
	expectFindings(t, got, nil)
}
