package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// docxRatio bounds how much a .docx may expand when unzipped, as a
// multiple of the size limit: a guard against zip bombs.
const docxRatio = 20

var errTooBig = errors.New("decompressed size over the limit")

// readDOCX builds a Document from a Word file: the text of word/document.xml
// (deleted text and field codes left out), one paragraph per w:p, the
// title from docProps/core.xml. Positions are paragraph:column.
func readDOCX(path string, data []byte, maxSize int64) (*Document, error) {
	corrupt := func(err error) error {
		return &SkipError{Path: path, Reason: "corrupt .docx: " + err.Error()}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, corrupt(err)
	}
	budget := docxRatio * maxSize
	var docFile, coreFile *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			if docFile == nil {
				docFile = f
			}
		case "docProps/core.xml":
			if coreFile == nil {
				coreFile = f
			}
		}
	}
	if docFile == nil {
		return nil, corrupt(errors.New("no word/document.xml"))
	}
	d := &Document{}
	d.Meta.Format = "docx"
	d.Meta.Encoding = encUTF8
	var fm formatMeta
	if coreFile != nil {
		if t, err := docxCoreTitle(coreFile, budget); err == nil {
			fm.Title = t
		} else {
			d.Meta.Notes = append(d.Meta.Notes, "docProps/core.xml unreadable")
		}
	}
	rc, err := docFile.Open()
	if err != nil {
		return nil, corrupt(err)
	}
	defer rc.Close()
	text, paras, anchors, err := docxText(&limitedReader{r: rc, n: budget})
	if err != nil {
		if errors.Is(err, errTooBig) {
			return nil, &SkipError{Path: path, Reason: fmt.Sprintf("corrupt .docx: word/document.xml over %s decompressed", humanSize(budget))}
		}
		return nil, corrupt(err)
	}
	d.Text = text
	d.Paragraphs = paras
	d.SetAnchors(anchors)
	fillTextMeta(d, fm)
	return d, nil
}

// limitedReader fails with errTooBig once more than n bytes were read.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// docxCoreTitle reads dc:title from docProps/core.xml.
func docxCoreTitle(f *zip.File, budget int64) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&limitedReader{r: rc, n: min(budget, 1<<20)})
	in := false
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return oneLine(b.String()), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			if t.Name.Local == "title" {
				return oneLine(b.String()), nil
			}
			in = false
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}

// docxText streams word/document.xml into text, paragraph spans and
// anchors (line = paragraph number, column = character in the paragraph).
func docxText(r io.Reader) (string, []Span, []Anchor, error) {
	dec := xml.NewDecoder(r)
	var (
		b       strings.Builder
		paras   []Span
		anchors []Anchor
		para    strings.Builder // text of the open paragraph
		inPara  bool
		del     int // depth inside w:del / w:moveFrom
		skip    int // depth inside w:instrText / w:delText / w:pPr / w:rPr...
		inT     bool
		inRun   int
		inRPr   bool // inside a run's properties
		hidden  bool // the current run is hidden text (w:vanish)
	)
	flush := func() {
		if !inPara {
			return
		}
		inPara = false
		s := para.String()
		para.Reset()
		lo, hi := trimSpan(s)
		if lo >= hi {
			return
		}
		s = s[lo:hi]
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		n := len(paras) + 1
		start := b.Len()
		anchors = append(anchors, Anchor{Offset: start, Line: n, Column: 1})
		// A line break inside a paragraph stays on the paragraph's "line".
		col := 1
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				b.WriteByte('\n')
				col++
				anchors = append(anchors, Anchor{Offset: b.Len(), Line: n, Column: col})
			}
			b.WriteString(part)
			col += countRunes(part)
		}
		paras = append(paras, Span{Start: start, End: b.Len()})
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				flush()
				inPara = true
			case "del", "moveFrom":
				del++
			case "instrText", "delText", "delInstrText", "pPr", "rPr", "sectPr", "tblPr", "tcPr", "trPr", "Fallback":
				skip++
				if t.Name.Local == "rPr" && inRun > 0 {
					inRPr = true
				}
			case "r":
				inRun++
				hidden = false
			case "vanish", "specVanish", "webHidden":
				if inRPr && !xmlFalse(t.Attr) {
					hidden = true
				}
			case "t":
				inT = true
			case "tab":
				if inRun > 0 && del == 0 && skip == 0 {
					para.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && del == 0 && skip == 0 {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				if inRun > 0 && del == 0 && skip == 0 {
					para.WriteByte('-')
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				flush()
			case "del", "moveFrom":
				if del > 0 {
					del--
				}
			case "instrText", "delText", "delInstrText", "pPr", "rPr", "sectPr", "tblPr", "tcPr", "trPr", "Fallback":
				if skip > 0 {
					skip--
				}
				if t.Name.Local == "rPr" {
					inRPr = false
				}
			case "r":
				if inRun > 0 {
					inRun--
				}
				hidden = false
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT && del == 0 && skip == 0 && !hidden {
				if !inPara {
					inPara = true
				}
				para.Write(bytes.ReplaceAll(t, []byte{'\r'}, []byte{' '}))
			}
		}
	}
	flush()
	return b.String(), paras, anchors, nil
}

// xmlFalse reports whether an on/off property is switched off (w:val="false").
func xmlFalse(attrs []xml.Attr) bool {
	for _, a := range attrs {
		if a.Name.Local == "val" {
			switch a.Value {
			case "false", "0", "off":
				return true
			}
		}
	}
	return false
}

func countRunes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
