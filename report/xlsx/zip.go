package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// sortedZip is an excelize.ZipWriter that makes the archive byte-for-byte
// reproducible: excelize writes streamed sheets in map order, so each
// entry is compressed on its own as it comes and the entries are written
// out in a fixed order ([Content_Types].xml first, then by name) on Close.
// Only the compressed entries are held, in spools (large ones move to
// temporary files; release frees them). Entries are deflated at
// BestSpeed: on 100,000 quotes it halves the time spent compressing for a
// file a few per cent larger.
//
// Entries built beforehand (the list sheets, see sheetXML) take the place
// of excelize's entries of the same name.
type sortedZip struct {
	w       io.Writer
	entries []*zipEntry
	cur     *zipEntry
	closed  bool
	// parts are the entries built beforehand, by name, until excelize
	// creates the entry they replace.
	parts map[string]*zipEntry
	pool  *deflaters // lends to the entries excelize creates
}

// zipEntry is one archive entry, deflated as it is written. Its data is
// cut into chunks of deflateChunk bytes, each compressed on its own
// goroutine (up to chunksInFlight at a time) and appended in order: every
// chunk but the last ends with a sync flush (an empty stored block, on a
// byte boundary) and the last with the final block, so the chunks make one
// valid DEFLATE stream. A chunk starts without the previous one's window,
// which costs a few hundred bytes a megabyte; an entry smaller than one
// chunk is compressed in one piece, on close, as a single flate.Writer
// would. The CRC is taken over the whole data as it comes.
//
// The largest sheet (Findings, ~100 MB of XML at 10,000 articles) was
// rendered and deflated on one goroutine, the longest chain of the run;
// deflating its chunks side by side takes the compression off that chain.
type zipEntry struct {
	name string
	data spool // deflated
	crc  hash.Hash32
	size uint64

	buf      []byte           // the chunk being filled
	inFlight []*deflatedChunk // chunks handed to goroutines, in order
	err      error            // the first error

	pool *deflaters // lends compressors and buffers
}

// deflaters lends compressors and chunk buffers to the entries of one
// workbook, which give them back when done: a workbook has a score of
// entries, most of them small, and a compressor or a chunk buffer is
// about a megabyte, so entries that each made their own allocated some
// 50 MB a workbook, and a compressed chunk's buffer grown anew for every
// chunk allocated twice the compressed size of the workbook again.
// Entries are written side by side: a mutex guards the lists.
type deflaters struct {
	mu     sync.Mutex
	fws    []*flate.Writer // compressors not in use
	chunks [][]byte        // chunk buffers not in use, each of deflateChunk bytes
	outs   [][]byte        // buffers for compressed chunks, not in use
}

// take removes and returns the last element of *list, or the zero value
// when it is empty; the caller holds d.mu.
func take[T any](list *[]T) (v T) {
	if n := len(*list); n > 0 {
		v = (*list)[n-1]
		*list = (*list)[:n-1]
	}
	return v
}

// deflateChunk is how much of an entry's data is compressed as one piece.
const deflateChunk = 1 << 20

// chunksInFlight bounds the chunks of one entry being compressed or
// waiting to be appended, and with them the entry's memory.
func chunksInFlight() int { return max(2, runtime.GOMAXPROCS(0)) }

// deflatedChunk is one chunk of an entry's data and its compressed form.
type deflatedChunk struct {
	in   []byte
	out  bytes.Buffer
	err  error
	done chan struct{}
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	e.crc.Write(p)
	e.size += uint64(len(p))
	n := len(p)
	for len(p) > 0 {
		if e.buf == nil {
			e.buf = e.chunkBuffer()
		}
		k := min(len(p), deflateChunk-len(e.buf))
		e.buf = append(e.buf, p[:k]...)
		p = p[k:]
		if len(e.buf) == deflateChunk {
			e.startChunk()
		}
	}
	return n, e.err
}

// chunkBuffer returns an empty buffer for a chunk.
func (e *zipEntry) chunkBuffer() []byte {
	d := e.pool
	d.mu.Lock()
	b := take(&d.chunks)
	d.mu.Unlock()
	if b == nil {
		b = make([]byte, 0, deflateChunk)
	}
	return b[:0]
}

// outBuffer returns an empty buffer for a compressed chunk.
func (d *deflaters) outBuffer() []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	return take(&d.outs)
}

// compressor returns a flate.Writer at BestSpeed writing to w. One
// reset gives the same bytes as a new one.
func (e *zipEntry) compressor(w io.Writer) (*flate.Writer, error) {
	d := e.pool
	d.mu.Lock()
	fw := take(&d.fws)
	d.mu.Unlock()
	if fw == nil {
		return flate.NewWriter(w, flate.BestSpeed)
	}
	fw.Reset(w)
	return fw, nil
}

// deflate compresses p to w, ending with a sync flush, or with the final
// block when last.
func (e *zipEntry) deflate(w io.Writer, p []byte, last bool) error {
	fw, err := e.compressor(w)
	if err != nil {
		return err
	}
	if _, err = fw.Write(p); err == nil {
		if last {
			err = fw.Close()
		} else {
			err = fw.Flush()
		}
	}
	e.pool.mu.Lock()
	e.pool.fws = append(e.pool.fws, fw)
	e.pool.mu.Unlock()
	return err
}

// startChunk hands the full chunk to a goroutine, then appends the chunks
// already compressed, waiting for the oldest while too many are in flight.
func (e *zipEntry) startChunk() {
	c := &deflatedChunk{in: e.buf, done: make(chan struct{})}
	c.out = *bytes.NewBuffer(e.pool.outBuffer())
	e.buf = nil
	e.inFlight = append(e.inFlight, c)
	go func() {
		defer close(c.done)
		c.err = e.deflate(&c.out, c.in, false)
	}()
	for len(e.inFlight) > 0 && e.err == nil {
		select {
		case <-e.inFlight[0].done:
		default:
			if len(e.inFlight) <= chunksInFlight() {
				return
			}
			<-e.inFlight[0].done
		}
		e.appendOldest()
	}
}

// appendOldest appends the oldest chunk in flight, compressed, to the
// entry's data and recycles its buffers.
func (e *zipEntry) appendOldest() {
	c := e.inFlight[0]
	e.inFlight = e.inFlight[1:]
	<-c.done
	if e.err == nil {
		e.err = c.err
	}
	if e.err == nil {
		_, e.err = e.data.Write(c.out.Bytes())
	}
	e.pool.mu.Lock()
	e.pool.chunks = append(e.pool.chunks, c.in)
	e.pool.outs = append(e.pool.outs, c.out.Bytes()[:0])
	e.pool.mu.Unlock()
}

var _ excelize.ZipWriter = (*sortedZip)(nil)

// newZipEntry starts an entry to be written and closed by the caller,
// with compressors and buffers lent by pool (a pool of its own when nil).
func newZipEntry(name string, pool *deflaters) (*zipEntry, error) {
	if pool == nil {
		pool = &deflaters{}
	}
	return &zipEntry{name: name, crc: crc32.NewIEEE(), data: spool{limit: spoolMemory}, pool: pool}, nil
}

// close completes e: the chunks in flight are appended, then the last
// chunk, compressed here with the final block.
func (e *zipEntry) close() error {
	for len(e.inFlight) > 0 {
		e.appendOldest()
	}
	if e.err == nil {
		e.err = e.deflate(&e.data, e.buf, true)
	}
	if cap(e.buf) == deflateChunk {
		e.pool.mu.Lock()
		e.pool.chunks = append(e.pool.chunks, e.buf)
		e.pool.mu.Unlock()
	}
	e.buf = nil
	return e.err
}

// release frees what e holds; e is empty afterwards. Chunks still in
// flight (an entry abandoned on error) are waited for.
func (e *zipEntry) release() {
	for _, c := range e.inFlight {
		<-c.done
	}
	e.inFlight, e.buf = nil, nil
	e.data.release()
}

// releaseAll releases every entry in es.
func releaseAll(es []*zipEntry) {
	for _, e := range es {
		e.release()
	}
}

// newSortedZip returns a sortedZip writing to w, with parts in place of
// excelize's entries of the same names; its own entries borrow from pool.
func newSortedZip(w io.Writer, parts []*zipEntry, pool *deflaters) *sortedZip {
	z := &sortedZip{w: w, parts: make(map[string]*zipEntry, len(parts)), pool: pool}
	for _, e := range parts {
		z.parts[e.name] = e
	}
	return z
}

func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.close()
	z.cur = nil
	return err
}

// Create starts a new entry; the previous one is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.closed {
		return nil, errors.New("zip: create after close")
	}
	if err := z.finish(); err != nil {
		return nil, err
	}
	if e, ok := z.parts[name]; ok {
		delete(z.parts, name)
		z.entries = append(z.entries, e)
		return io.Discard, nil // excelize's own rendering, replaced by e
	}
	e, err := newZipEntry(name, z.pool)
	if err != nil {
		return nil, err
	}
	z.entries = append(z.entries, e)
	z.cur = e
	return e, nil
}

// AddFS is not used by excelize when saving; it is refused rather than
// silently ignored.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("zip: AddFS is not supported") }

// Close writes the archive and releases its entries.
func (z *sortedZip) Close() error {
	if z.closed {
		return nil
	}
	z.closed = true
	defer releaseAll(z.entries)
	if err := z.finish(); err != nil {
		return err
	}
	if len(z.parts) > 0 {
		return fmt.Errorf("zip: excelize wrote no %s to replace", strings.Join(slices.Sorted(maps.Keys(z.parts)), ", "))
	}
	rank := func(name string) int {
		if name == "[Content_Types].xml" {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(z.entries, func(a, b *zipEntry) int {
		if ra, rb := rank(a.name), rank(b.name); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.name, b.name)
	})
	// The destination is the report's file itself (see writeWith), in
	// writes of archiveBuffer bytes rather than zip.Writer's 4 KB.
	bw := bufio.NewWriterSize(z.w, archiveBuffer)
	zw := zip.NewWriter(bw)
	for _, e := range z.entries {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size,
		})
		if err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
		if _, err := e.data.WriteTo(w); err != nil {
			return fmt.Errorf("zip %s: %w", e.name, err)
		}
		e.release()
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// archiveBuffer is the size of the writes of the archive to its
// destination.
const archiveBuffer = 256 << 10
