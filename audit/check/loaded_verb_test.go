package check

import (
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
)

func TestLoadedVerbFires(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", ""+
		"“We respect the rights of women,” the spokesman claimed. “All of them.”\n"+
		"Koofi admitted: “We said he claimed too much.”\n")
	sp := result.Speaker{Mention: "the spokesman", Kind: result.KindAnonymous}
	sp.Line, sp.Column = fx.at("S1", "the spokesman")
	q := fx.quote("q1", "S1", "We respect the rights of women,", 0, sp)
	q.Verb = "claimed"
	q = fx.quote("q2", "S1", "All of them.", 0, sp)
	q.Verb, q.Continues = "claimed", "q1"
	k := result.Speaker{Mention: "Koofi", Name: "Fawzia Koofi", Kind: result.KindPerson}
	k.Line, k.Column = fx.at("S1", "Koofi")
	q = fx.quote("q3", "S1", "We said he claimed too much.", 0, k)
	q.Verb = "admit"
	wantFindings(t, fx.run(loadedVerb()), `
warning S1:1:49 q1 | claimed | Attribution verb "claimed" casts doubt on the speaker; attribution should be neutral.
warning S1:2:7 q3 | admitted | Attribution verb "admitted" implies the speaker owned up to a fault; attribution should be neutral.
`)
}

func TestLoadedVerbSilentOnNeutralVerbs(t *testing.T) {
	fx := newAttrFixture(t, "")
	fx.addDoc("S1", "a.txt", "“They claimed it was over,” the spokesman said.\n")
	q := fx.quote("q1", "S1", "They claimed it was over,", 0, result.Speaker{Mention: "the spokesman", Kind: result.KindAnonymous})
	q.Verb = "said"
	wantFindings(t, fx.run(loadedVerb()), ``)
}

func TestLoadedVerbFromRuleFile(t *testing.T) {
	fx := newAttrFixture(t, "verbs:\n  loaded: [quip]\n")
	fx.addDoc("S1", "a.txt", "“Not today,” he quipped.\n")
	q := fx.quote("q1", "S1", "Not today,", 0, result.Speaker{Mention: "he", Kind: result.KindPerson})
	q.Verb = "quipped"
	wantFindings(t, fx.run(loadedVerb()), `
warning S1:1:17 q1 | quipped | Attribution verb "quipped" editorialises; attribution should be neutral.
`)
}
