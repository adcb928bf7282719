package rules

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// closest returns the candidate nearest to word by edit distance
// (case-insensitive), or "" when none is near enough to be a likely typo.
// Ties go to the earlier candidate, so the answer is deterministic.
func closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(w, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > maxTypoDistance(w) {
		return ""
	}
	return best
}

// maxTypoDistance is how many edits still look like a typo of a word of
// this length: 1 for very short words, up to a third of longer ones.
func maxTypoDistance(w string) int {
	n := len([]rune(w))
	switch {
	case n <= 2:
		return 1
	case n <= 6:
		return 2
	default:
		return n / 3
	}
}

// didYouMean is a hint naming the closest candidate, or listing them all
// (prefixed by what) when none is close.
func didYouMean(word string, candidates []string, what string) string {
	if c := closest(word, candidates); c != "" {
		return "did you mean `" + c + "`?"
	}
	if len(candidates) == 0 {
		return ""
	}
	return what + ": " + orList(candidates)
}

// orList joins words as "a, b, c or d".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
