package check

import "testing"

func TestAmbiguousSpeakerFires(t *testing.T) {
	fx := newNameFixture(t, "")
	d := fx.doc("S1", "Maria Ivanova, a Russian citizen born in Moscow, remarked that it was crazy.\n"+
		"Founding member of the women's justice movement, Maria stated her fears.\n"+
		"\"We wanted to make a stand.\" Maria said.\n")
	fx.quote(d, "We wanted to make a stand.", "Maria")
	r, got := fx.run(ambiguousSpeaker())
	expectFindings(t, got, []string{"warning S1:3:2 Maria => name the speaker in full at the attribution [S1:1:1]"})
	if c := r.Quotes[0].Speaker.Candidates; len(c) != 2 || c[0] != "P1" || c[1] != "P2" {
		t.Errorf("candidates = %v", c)
	}
}

func TestAmbiguousSpeakerSilentWhenOnlyOneMaria(t *testing.T) {
	fx := newNameFixture(t, "")
	d := fx.doc("S1", "Founding member of the women's justice movement, Maria stated her fears.\n"+
		"\"We wanted to make a stand.\" Maria said.\n")
	fx.quote(d, "We wanted to make a stand.", "Maria")
	d2 := fx.doc("S2", "Amir Khan Muttaqi, the foreign minister, spoke.\n\"We are ready,\" Muttaqi said.\n")
	fx.quote(d2, "We are ready,", "Muttaqi")
	r, got := fx.run(ambiguousSpeaker())
	expectFindings(t, got, nil)
	if r.Quotes[0].Speaker.Person != "P1" || r.Quotes[1].Speaker.Person != "P2" {
		t.Errorf("speakers = %+v / %+v", r.Quotes[0].Speaker, r.Quotes[1].Speaker)
	}
}
