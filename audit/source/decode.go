package source

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as they appear in result.Source.Encoding.
const (
	encUTF8     = "utf-8"
	encUTF8BOM  = "utf-8-bom"
	encUTF16LE  = "utf-16le"
	encUTF16BE  = "utf-16be"
	encWin1252  = "windows-1252"
	bomUTF8     = "\xEF\xBB\xBF"
	sampleBytes = 64 << 10
)

// decoded is a file's bytes as UTF-8 text.
type decoded struct {
	text     string
	encoding string
	notes    []string
	// bom is the length of a byte-order mark kept at the start of text
	// (UTF-8 files keep theirs; it is not a column of the file).
	bom int
}

// decodeText turns the bytes of a plain-text file into UTF-8. It returns
// a reason ("binary file", ...) when the bytes are not text. With owned
// (see Options.owned) valid UTF-8 becomes the text without a copy.
func decodeText(data []byte, owned bool) (decoded, string) {
	switch {
	case bytes.HasPrefix(data, []byte(bomUTF8)):
		d := decodeUTF8ish(data[3:], false)
		d.text = bomUTF8 + d.text
		d.bom = 3
		if d.encoding == encUTF8 {
			d.encoding = encUTF8BOM
		}
		return d, textReason(d.text[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false, true)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true, true)
	}
	if be, ok := looksUTF16(data); ok {
		return decodeUTF16(data, be, false)
	}
	if looksBinary(data) {
		return decoded{}, "binary file"
	}
	d := decodeUTF8ish(data, owned)
	return d, textReason(d.text)
}

// looksUTF16 guesses UTF-16 without a byte-order mark from the pattern of
// NUL bytes in the first bytes: Latin text in UTF-16 has a NUL in every
// other byte. be reports big-endian.
func looksUTF16(data []byte) (be, ok bool) {
	n := min(len(data), sampleBytes) &^ 1
	if n < 4 || bytes.IndexByte(data[:n], 0) < 0 {
		// Too short, or no NUL at all (most text, found at once).
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*4 && even*20 <= pairs:
		return false, true
	case even*10 >= pairs*4 && odd*20 <= pairs:
		return true, true
	}
	return false, false
}

func decodeUTF16(data []byte, be, hadBOM bool) (decoded, string) {
	order := unicode.LittleEndian
	name := encUTF16LE
	if be {
		order = unicode.BigEndian
		name = encUTF16BE
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return decoded{}, "binary file"
	}
	d := decoded{text: string(out), encoding: name}
	if !hadBOM {
		d.notes = append(d.notes, "read as "+name+" (no byte-order mark)")
	}
	if len(data)%2 == 1 {
		d.notes = append(d.notes, "odd trailing byte replaced")
	}
	if looksBinary([]byte(d.text)) {
		return decoded{}, "binary file"
	}
	return d, textReason(d.text)
}

// decodeUTF8ish reads data as UTF-8. A file with no valid multi-byte
// sequence and some invalid bytes is read as Windows-1252; a file that
// mixes valid UTF-8 with stray high bytes keeps its UTF-8 and reads each
// stray byte as its Windows-1252 character, one character per byte, so
// columns stay right. With owned (see Options.owned) valid UTF-8 becomes
// the text without a copy.
func decodeUTF8ish(data []byte, owned bool) decoded {
	if utf8.Valid(data) {
		return decoded{text: bytesText(data, owned), encoding: encUTF8}
	}
	multi := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n > 1 {
			multi = true
			break
		}
		i++
	}
	if !multi {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return decoded{text: string(out), encoding: encWin1252, notes: []string{"transcoded from windows-1252"}}
		}
	}
	var b strings.Builder
	b.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(charmap.Windows1252.DecodeByte(data[i]))
			i++
			continue
		}
		b.Write(data[i : i+n])
		i += n
	}
	return decoded{text: b.String(), encoding: encUTF8, notes: []string{"invalid UTF-8 bytes read as windows-1252"}}
}

// bytesText returns data as a string: a copy, or with owned the bytes
// themselves.
func bytesText(data []byte, owned bool) string {
	if owned && len(data) > 0 {
		// Safe: owned says data is Read's own buffer, filled once from
		// the file and never written again, so the string the bytes
		// become can never change. This saves a copy of every file.
		return unsafe.String(&data[0], len(data))
	}
	return string(data)
}

// looksBinary reports whether data holds NUL bytes or many control
// bytes: executables, images, archives.
func looksBinary(data []byte) bool {
	sample := data[:min(len(data), sampleBytes)]
	var nul, ctl int
	for _, c := range sample {
		k := binaryByte[c]
		nul += int(k & nulByte)
		ctl += int(k >> 1)
	}
	// A few stray NULs are damage, not binary: they are removed later.
	if nul*10 > len(sample) || nul > 4 && nul*100 > len(sample) || nul > 64 {
		return true
	}
	return ctl*20 > len(sample)
}

// binaryByte classes bytes for looksBinary, so that it counts without a
// branch: nulByte for NUL, ctlByte for the control bytes text does not
// hold (all below 0x20 but tab, line feed, carriage return, form feed,
// vertical tab and escape; and DEL).
var binaryByte = func() (t [256]uint8) {
	t[0] = nulByte
	for c := 1; c < 0x20; c++ {
		switch c {
		case '\t', '\n', '\r', '\f', '\v', 0x1B:
		default:
			t[c] = ctlByte
		}
	}
	t[0x7F] = ctlByte
	return t
}()

const (
	nulByte = 1
	ctlByte = 2
)

// textReason returns why decoded text cannot be audited, or "".
func textReason(s string) string {
	if s == "" {
		return "empty file"
	}
	if strings.TrimFunc(s, isBlank) == "" {
		return "whitespace only"
	}
	return ""
}
