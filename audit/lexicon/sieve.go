package lexicon

// Sieve tells, without hashing, that a lower-case word is not in a set
// of words: it keeps one bit for each (length, first byte, last byte)
// of the set's words, so May is false for most words outside the set
// and true for all in it. A sieve in front of a map saves the hashing of
// the many words of a text that are in no table.
type Sieve struct {
	bits  [512]uint64 // 32 lengths (the last for 31 bytes and more) × 32 × 32
	empty bool        // the set holds ""
}

// NewSieve returns the sieve of the words.
func NewSieve[V any](words map[string]V) *Sieve {
	s := &Sieve{}
	for w := range words {
		s.Add(w)
	}
	return s
}

// Add lets w through the sieve.
func (s *Sieve) Add(w string) {
	if w == "" {
		s.empty = true
		return
	}
	i := sieveBit(w)
	s.bits[i>>6] |= 1 << (i & 63)
}

// May reports whether w may be in the set: false means it is not.
func (s *Sieve) May(w string) bool {
	if w == "" {
		return s.empty
	}
	i := sieveBit(w)
	return s.bits[i>>6]&(1<<(i&63)) != 0
}

// sieveBit is the bit of a non-empty word: its length (capped at 31)
// and the low five bits of its first and last bytes.
func sieveBit(w string) uint {
	return uint(min(len(w), 31))<<10 | uint(w[0]&31)<<5 | uint(w[len(w)-1]&31)
}
