package names

import "unicode/utf8"

// Distance returns the Levenshtein distance between a and b (in runes)
// when it is at most k, and ok=false as soon as it must exceed k. A length
// difference above k is rejected without any work, and the dynamic
// programme only fills the diagonal band of width 2k+1, so a comparison
// costs O(k·n) instead of O(n²).
func Distance(a, b string, k int) (d int, ok bool) {
	if k < 0 {
		return 0, false
	}
	if a == b {
		return 0, true
	}
	// Short words (nearly every name) use buffers on the stack, of bytes
	// when both are ASCII.
	if len(a) <= 64 && len(b) <= 64 && isASCII(a) && isASCII(b) {
		var abuf, bbuf [64]byte
		return bandDistance(append(abuf[:0], a...), append(bbuf[:0], b...), k)
	}
	var abuf, bbuf [64]rune
	return bandDistance(appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b), k)
}

// bandDistance is Distance of two sequences of letters (k ≥ 0). A row of
// the programme sets only its band and the cells on either side of it,
// which are all the next row reads.
func bandDistance[T byte | rune](ra, rb []T, k int) (d int, ok bool) {
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	n, m := len(ra), len(rb)
	if m-n > k {
		return 0, false
	}
	if n == 0 {
		return m, m <= k
	}
	inf := k + 1
	var pbuf, cbuf [65]int
	prev, cur := pbuf[:0], cbuf[:0]
	if m+1 > len(pbuf) {
		prev, cur = make([]int, 0, m+1), make([]int, 0, m+1)
	}
	prev, cur = prev[:m+1], cur[:m+1]
	// Row 0 as far as row 1 reads it: j, and inf at k+1.
	for j := 0; j <= min(m, k+1); j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		best := inf
		if lo == 1 {
			cur[0] = min(i, inf)
			best = cur[0]
		} else {
			cur[lo-1] = inf
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if w := prev[j] + 1; w < v {
				v = w
			}
			if w := cur[j-1] + 1; w < v {
				v = w
			}
			if v > inf {
				v = inf
			}
			cur[j] = v
			if v < best {
				best = v
			}
		}
		if hi < m {
			cur[hi+1] = inf
		}
		if best > k {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[m] > k {
		return 0, false
	}
	return prev[m], true
}

// appendRunes appends the runes of s to dst.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// runeLen is utf8.RuneCountInString, named for the length pre-filters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
