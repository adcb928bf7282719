package check

import (
	"fmt"

	"github.com/quoteaudit/quoteaudit/audit/names"
	"github.com/quoteaudit/quoteaudit/audit/result"
)

// roleConflict reports one person given incompatible roles.
func roleConflict() *Check {
	return &Check{
		Slug:  "role-conflict",
		Title: "one person given roles that cannot both hold",
		Doc: "The sources give one person (as resolved) two roles whose head nouns are " +
			"different offices of different kinds: public office, law, scholarship, press, " +
			"arts, sport, church, military, medicine or private life. The rule is " +
			"conservative: the same head in other words (“Taliban minister of foreign " +
			"affairs” and “Afghan Foreign Minister”) is one office; two public offices " +
			"(“President”, “Prime Minister”) can be held in turn; roles that combine " +
			"with anything (member, founder, leader, critic, analyst, spokesman, adviser) " +
			"never conflict; and a role marked “former” never conflicts. Example: " +
			"“UN Special Rapporteur” in one source and “lawyer” in another for the same " +
			"name: either the role or the merge of the two people is wrong.",
		Severity: result.Warning,
		Run:      runRoleConflict,
	}
}

func runRoleConflict(pass *Pass) {
	type verdict struct {
		conflict bool
		why, key string
	}
	for i := range pass.Result.People {
		p := &pass.Result.People[i]
		seen := map[string]bool{}
		// A person named in many sources has many roles but few distinct
		// ones: each role is compared with the first role of each earlier
		// distinct text, and each pair of texts is judged once.
		var firsts []int // index of the first role of each distinct text
		firstOf := map[string]bool{}
		judged := map[[2]string]verdict{}
		for b := range p.Roles {
			rb := p.Roles[b]
			for _, a := range firsts {
				ra := p.Roles[a]
				pair := [2]string{ra.Text, rb.Text}
				v, ok := judged[pair]
				if !ok {
					v.conflict, v.why = names.RolesConflict(ra.Text, rb.Text)
					if v.conflict {
						v.key = names.RoleHead(ra.Text) + "/" + names.RoleHead(rb.Text)
					}
					judged[pair] = v
				}
				if !v.conflict || seen[v.key] {
					continue
				}
				seen[v.key] = true
				pass.Report(result.Finding{
					Source: rb.Source, Line: rb.Line, Column: rb.Column,
					Evidence: rb.Text,
					Message:  fmt.Sprintf("%s is “%s” here but “%s” in %s: %s cannot both hold", p.Name, rb.Text, ra.Text, ra.Source, v.why),
					Related: []result.Related{{Source: ra.Source, Line: ra.Line, Column: ra.Column,
						Message: fmt.Sprintf("%s is “%s” here", p.Name, ra.Text)}},
				})
			}
			if !firstOf[rb.Text] {
				firstOf[rb.Text] = true
				firsts = append(firsts, b)
			}
		}
	}
}
