package ordered

import (
	"runtime"
	"sort"
	"testing"
)

// Map hands results over in index order whatever order the work
// finishes in, and a panic in the work reaches the caller.
func TestMap(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		var got []int
		Map(n, func(i int) int {
			if i%3 == 0 {
				runtime.Gosched() // let later items finish first
			}
			return i * i
		}, func(i, v int) {
			if v != i*i {
				t.Errorf("n=%d: item %d got %d", n, i, v)
			}
			got = append(got, i)
		})
		if len(got) != n || !sort.IntsAreSorted(got) {
			t.Errorf("n=%d: done called for %v", n, got)
		}
	}
	defer func() {
		if p := recover(); p != "boom 42" {
			t.Errorf("recovered %v, want the work's panic", p)
		}
	}()
	Map(100, func(i int) int {
		if i == 42 {
			panic("boom 42")
		}
		return i
	}, func(i, v int) {
		if i >= 42 {
			t.Errorf("done called for %d after the panic", i)
		}
	})
}
