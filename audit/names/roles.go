package names

import "strings"

// roleClass groups role head nouns into offices that one person can hold
// at once or in sequence without contradiction. Two roles conflict only
// when their heads fall in two different classes that are both
// "exclusive" (see RolesConflict).
var roleClass = map[string]string{
	// Public office and diplomacy.
	"president": "office", "minister": "office", "premier": "office", "chancellor": "office",
	"ambassador": "office", "envoy": "office", "rapporteur": "office", "secretary": "office",
	"governor": "office", "mayor": "office", "senator": "office", "mp": "office", "mep": "office",
	"congressman": "office", "congresswoman": "office", "diplomat": "office", "consul": "office",
	"commissioner": "office", "king": "office", "queen": "office", "prince": "office", "princess": "office",
	"emir": "office", "official": "office", "representative": "office", "deputy": "office",
	"attache": "office", "councillor": "office", "councilor": "office", "speaker": "office",
	// Law.
	"lawyer": "law", "judge": "law", "prosecutor": "law", "attorney": "law", "barrister": "law",
	"solicitor": "law", "advocate": "law",
	// Scholarship.
	"scholar": "academic", "professor": "academic", "historian": "academic", "researcher": "academic",
	"lecturer": "academic", "academic": "academic", "economist": "academic", "scientist": "academic",
	// Press.
	"journalist": "press", "reporter": "press", "editor": "press", "correspondent": "press",
	"columnist": "press", "broadcaster": "press", "presenter": "press",
	// Arts and sport.
	"artist": "arts", "author": "arts", "writer": "arts", "poet": "arts", "singer": "arts",
	"actor": "arts", "actress": "arts", "director": "arts", "musician": "arts", "film-maker": "arts",
	"coach": "sport", "player": "sport", "striker": "sport", "captain": "sport", "athlete": "sport",
	"footballer": "sport", "midfielder": "sport", "defender": "sport", "goalkeeper": "sport",
	// Religion.
	"archbishop": "church", "bishop": "church", "cleric": "church", "imam": "church", "priest": "church",
	"rabbi": "church", "pope": "church", "vicar": "church", "mullah": "church",
	// Military.
	"general": "military", "commander": "military", "colonel": "military", "soldier": "military",
	"officer": "military",
	// Medicine.
	"doctor": "medicine", "surgeon": "medicine", "nurse": "medicine",
	// Private life: who a person is rather than an office.
	"citizen": "private", "refugee": "private", "resident": "private", "student": "private",
	"migrant": "private", "mother": "private", "father": "private", "farmer": "private",
	"shopkeeper": "private", "teacher": "private", "worker": "private", "pensioner": "private",
	"interviewee": "private", "fisherman": "private", "driver": "private", "builder": "private",
	"engineer": "private", "chef": "private", "pilot": "private", "shopowner": "private", "villager": "private",
	// Roles that combine with anything (a founder may be a minister).
	"analyst": "any", "activist": "any", "critic": "any", "member": "any", "founder": "any",
	"co-founder": "any", "chairman": "any", "chairwoman": "any", "chair": "any", "chairperson": "any",
	"leader": "any", "head": "any", "chief": "any", "executive": "any", "spokesman": "any",
	"spokeswoman": "any", "spokesperson": "any", "adviser": "any", "advisor": "any", "expert": "any",
	"politician": "any", "campaigner": "any", "candidate": "any", "consultant": "any", "owner": "any",
	"manager": "any", "boss": "any", "ceo": "any", "partner": "any", "observer": "any",
	"contributor": "any", "supporter": "any", "aide": "any", "strategist": "any",
	"democrat": "any", "republican": "any", "tory": "any", "producer": "any", "buyer": "any",
}

// roleWord returns the head noun a word names when it is a role noun
// ("Ministers" -> "minister", "Preseident" -> "president": one edit is
// forgiven in words of seven letters or more).
func roleWord(w string) (string, bool) { return roleFolded(Fold(w)) }

// roleFolded is roleWord of a folded word f.
func roleFolded(f string) (string, bool) {
	if f == "" {
		return "", false
	}
	if _, ok := roleClass[f]; ok {
		return f, true
	}
	for _, suf := range []string{"s", "es"} {
		if s, ok := strings.CutSuffix(f, suf); ok {
			if _, ok := roleClass[s]; ok {
				return s, true
			}
		}
	}
	if r := runeLen(f); r >= 7 {
		for _, cand := range fuzzyRoles {
			// Cheap tests first: same first letter, lengths within one.
			if f[0] != cand[0] || r-len(cand) > 1 || len(cand)-r > 1 {
				continue
			}
			if d, ok := Distance(f, cand, 1); ok && d == 1 && f[0] == cand[0] {
				return cand, true
			}
		}
	}
	return "", false
}

// fuzzyRoles are the long role nouns that a one-letter typo may hide.
var fuzzyRoles = []string{"president", "minister", "ambassador", "rapporteur", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson", "professor", "journalist", "commissioner", "archbishop", "correspondent"}

// RoleHead returns the head noun of a role phrase ("the Taliban minister
// of foreign affairs" -> "minister", "UN Special Rapporteur for
// Afghanistan" -> "rapporteur"): the last role noun before any "of",
// "for", "to", "on", "at" or "in" complement. It returns "" when the
// phrase names no known role.
func RoleHead(role string) string {
	words := strings.Fields(role)
	head := ""
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,;:()’'\""))
		if complement[lw] && head != "" {
			break
		}
		if h, ok := roleWord(strings.Trim(w, ".,;:()’'\"")); ok {
			head = h
		}
	}
	return head
}

var complement = map[string]bool{"of": true, "for": true, "to": true, "on": true, "at": true, "in": true, "born": true, "from": true, "with": true, "and": true, "who": true}

// RolesConflict reports whether two role phrases cannot both describe one
// person, with the reason. The rule is deliberately conservative: the
// roles conflict only when their head nouns are different, belong to two
// different classes of office (public office, law, scholarship, press,
// arts, sport, church, military, medicine, private life), neither class is
// one that combines with anything (member, founder, leader, critic,
// analyst, spokesman…) and neither phrase says "former" or "ex-". So
// "Taliban minister of foreign affairs" and "Afghan Foreign Minister" are
// compatible (same head), "President" and "Prime Minister" are compatible
// (both public office), and "UN Special Rapporteur" and "scholar of world
// history" conflict.
func RolesConflict(a, b string) (bool, string) {
	ha, hb := RoleHead(a), RoleHead(b)
	if ha == "" || hb == "" || ha == hb {
		return false, ""
	}
	ca, cb := roleClass[ha], roleClass[hb]
	if ca == cb || ca == "any" || cb == "any" {
		return false, ""
	}
	if past(a) || past(b) {
		return false, ""
	}
	return true, ha + " (" + ca + ") and " + hb + " (" + cb + ")"
}

func past(role string) bool {
	l := " " + strings.ToLower(role) + " "
	return strings.Contains(l, " former ") || strings.Contains(l, " ex-") || strings.Contains(l, " retired ") || strings.Contains(l, " late ")
}
