package hashtable

import "testing"

// The table keeps what a map would, through its growth, crowded keys
// included.
func TestTableAsMap(t *testing.T) {
	tab, want := New[int32](3), map[uint64]int32{}
	for i := range 6000 {
		k := uint64(i%2100+1)*0x100000001b3 + 1
		if i%5 == 0 {
			k = uint64(i%11 + 1) // small keys, side by side
		}
		if p := tab.Lookup(k); p != nil {
			*p += int32(i)
		} else {
			tab.Insert(k, int32(i))
		}
		want[k] += int32(i)
	}
	if tab.Len() != len(want) || 2*tab.Len() > len(tab.keys) {
		t.Fatalf("%d keys in %d slots, want %d at most half full", tab.Len(), len(tab.keys), len(want))
	}
	for k, v := range want {
		if p := tab.Lookup(k); p == nil || *p != v {
			t.Fatalf("Lookup(%d) = %v, want %d", k, p, v)
		}
	}
	if tab.Lookup(1<<60) != nil {
		t.Fatal("a key never inserted is found")
	}
}

// The zero Table is empty and takes keys.
func TestZeroTable(t *testing.T) {
	var tab Table[string]
	if tab.Lookup(5) != nil || tab.Len() != 0 {
		t.Fatal("the zero table is not empty")
	}
	tab.Insert(5, "five")
	if p := tab.Lookup(5); p == nil || *p != "five" || tab.Len() != 1 {
		t.Fatalf("Lookup(5) = %v after Insert", p)
	}
}

func TestInsertZeroPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Insert(0, …) did not panic: the key would be counted and lost")
		}
	}()
	var tab Table[int]
	tab.Insert(0, 1)
}
