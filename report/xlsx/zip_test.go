package xlsx

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"testing"
)

// entryData is n bytes of sheet-like XML, compressible but not trivially.
func entryData(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b []byte
	for r := 1; len(b) < n; r++ {
		b = append(b, `<row r="`...)
		b = append(b, byte('0'+r%10))
		b = append(b, `"><c t="inlineStr"><is><t>`...)
		for range rng.IntN(40) {
			b = append(b, byte('a'+rng.IntN(26)))
		}
		b = append(b, "</t></is></c></row>"...)
	}
	return b[:n]
}

// deflated writes data to a new entry in pieces of the given size and
// returns the entry, closed.
func deflated(t *testing.T, data []byte, piece int) *zipEntry {
	t.Helper()
	e, err := newZipEntry("x.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	for p := data; len(p) > 0; {
		k := min(piece, len(p))
		if _, err := e.Write(p[:k]); err != nil {
			t.Fatal(err)
		}
		p = p[k:]
	}
	if err := e.close(); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestZipEntryChunks checks that an entry deflated in chunks side by side
// is one valid DEFLATE stream of its data, with its size and CRC, for
// sizes around the chunk boundaries.
func TestZipEntryChunks(t *testing.T) {
	for _, n := range []int{0, 1, deflateChunk - 1, deflateChunk, deflateChunk + 1, 5*deflateChunk + 12345, 8 * deflateChunk} {
		data := entryData(n)
		e := deflated(t, data, 64<<10+7)
		var comp bytes.Buffer
		if _, err := e.data.WriteTo(&comp); err != nil {
			t.Fatal(err)
		}
		if int64(comp.Len()) != e.data.Len() {
			t.Fatalf("%d bytes: spool holds %d bytes, says %d", n, comp.Len(), e.data.Len())
		}
		got, err := io.ReadAll(flate.NewReader(&comp))
		if err != nil {
			t.Fatalf("%d bytes: inflating: %v", n, err)
		}
		if !bytes.Equal(got, data) {
			t.Fatalf("%d bytes: inflated %d bytes, not the data", n, len(got))
		}
		if e.size != uint64(n) || e.crc.Sum32() != crc32.ChecksumIEEE(data) {
			t.Fatalf("%d bytes: size %d, crc %08x; want %d, %08x", n, e.size, e.crc.Sum32(), n, crc32.ChecksumIEEE(data))
		}
		e.release()
	}
}

// TestZipEntrySmallAsOneWriter checks that an entry of less than a chunk
// is compressed as one flate.Writer at BestSpeed compresses it, whatever
// the pieces it came in: the workbook's small parts keep their bytes.
func TestZipEntrySmallAsOneWriter(t *testing.T) {
	data := entryData(deflateChunk - 100)
	var want bytes.Buffer
	fw, _ := flate.NewWriter(&want, flate.BestSpeed)
	fw.Write(data)
	fw.Close()
	for _, piece := range []int{1000, 64 << 10, len(data)} {
		e := deflated(t, data, piece)
		var got bytes.Buffer
		e.data.WriteTo(&got)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("pieces of %d: %d compressed bytes differ from one writer's %d", piece, got.Len(), want.Len())
		}
		e.release()
	}
}

// TestZipEntryReleaseInFlight checks that an entry abandoned with chunks
// in flight can be released.
func TestZipEntryReleaseInFlight(t *testing.T) {
	e, err := newZipEntry("x.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Write(entryData(3*deflateChunk + 5)); err != nil {
		t.Fatal(err)
	}
	e.release()
	if e.data.Len() != 0 || len(e.inFlight) != 0 {
		t.Fatalf("released entry holds %d bytes, %d chunks", e.data.Len(), len(e.inFlight))
	}
}
