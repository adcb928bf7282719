// Package hashtable is a map from hashes (non-zero uint64 keys) to values,
// in two flat arrays: open addressing with linear probing, kept at most
// half full. It serves hot loops where a Go map's look-ups and growth
// cost more than the work around them.
package hashtable

// Table maps non-zero uint64 keys to values of type V. The keys should be
// hashes or otherwise well spread: a multiplication only carries their
// bits into the slot index. The zero Table is empty and ready to use.
type Table[V any] struct {
	keys  []uint64 // 0 marks an empty slot
	vals  []V
	n     int   // keys held
	shift uint8 // 64 - log2(len(keys))
}

// New makes a table for about n keys without growing.
func New[V any](n int) Table[V] {
	size, shift := 16, uint8(64-4)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	return Table[V]{keys: make([]uint64, size), vals: make([]V, size), shift: shift}
}

// Len is the number of keys held.
func (t *Table[V]) Len() int { return t.n }

// slot is where key k is, or the empty slot where it would go.
func (t *Table[V]) slot(k uint64) int {
	mask := len(t.keys) - 1
	i := int((k * 0x9E3779B97F4A7C15) >> t.shift)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// Lookup returns the value of key k, which may be changed through the
// pointer until the next Insert, or nil when k is not held.
func (t *Table[V]) Lookup(k uint64) *V {
	if t.n == 0 {
		return nil
	}
	i := t.slot(k)
	if t.keys[i] == 0 {
		return nil
	}
	return &t.vals[i]
}

// Insert adds key k, which is not held and not 0, with value v.
func (t *Table[V]) Insert(k uint64, v V) {
	if k == 0 {
		panic("hashtable: key 0 marks an empty slot") // a caller's bug: it would be counted and lost
	}
	if len(t.keys) == 0 {
		*t = New[V](0)
	} else if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	i := t.slot(k)
	t.keys[i], t.vals[i] = k, v
	t.n++
}

// grow doubles the table, placing every key again.
func (t *Table[V]) grow() {
	keys, vals := t.keys, t.vals
	t.keys, t.vals = make([]uint64, 2*len(keys)), make([]V, 2*len(keys))
	t.shift--
	for j, k := range keys {
		if k != 0 {
			i := t.slot(k)
			t.keys[i], t.vals[i] = k, vals[j]
		}
	}
}
