// Package source reads the files quoteaudit audits (.txt, .md, .html,
// .docx) into Documents: the text as read, its paragraphs, its metadata
// (title, byline, dates, counts) and a map from byte offsets back to
// file:line:col.
//
// Walk expands the command line's files and folders; Read reads one file
// within Options (a size limit checked before reading); ReadBytes parses
// bytes already in memory. Files that cannot be audited give a
// *SkipError with a short reason for the report.
//
// Per format:
//
//   - .txt: UTF-8 text is kept byte for byte (BOM and CR included).
//     UTF-16 (with a BOM, or recognised by its NUL pattern) and
//     Windows-1252 are transcoded; stray high bytes in UTF-8 read as
//     Windows-1252, one character each. A few NULs are removed (noted),
//     many make a "binary file". Each non-blank line is a paragraph.
//   - .md: front matter gives title, author and date; markup is removed
//     (headings, emphasis, links, images, code fences, bullets, block
//     quotes, HTML tags and comments) and anchors map every kept run to
//     its line:col. Blank lines separate paragraphs. Indented code blocks
//     and tables are read as text.
//   - .html: transcoded by BOM, <meta charset> or a guess; the article
//     body only (<article>, else <main>, else itemprop=articleBody, else
//     the page), without navigation, headers, footers, asides, scripts
//     or forms. Block elements and <br> end paragraphs; white space folds.
//     Positions are exact, also after entities (decoded one by one); a
//     folded white space run maps to its first character.
//   - .docx: word/document.xml streamed; deleted text, field codes and
//     compatibility fallbacks are left out. Positions are
//     paragraph:column, where paragraph counts the non-empty paragraphs
//     (the index in Document.Paragraphs plus one). The unzipped size is
//     capped at 20 times the size limit.
//
// Metadata from the text is looked for in the first twelve paragraphs,
// until the first long (body) paragraph: the title is the format's, else
// a short paragraph printed twice near the top, else the first short
// paragraph; bylines are "By X", "By: X", "Written by X" ("Written by:"
// alone is no byline); dates are taken only from date lines, byline lines
// and datelines ("MOSCOW, July 8, 2025 —"), never from body sentences.
package source
