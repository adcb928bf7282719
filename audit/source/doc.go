// Package source reads the files quoteaudit audits (.txt, .md, .html,
// .docx) into Documents: the text as read, its paragraphs, its metadata
// (title, byline, dates, counts) and a map from byte offsets back to
// file:line:col.
package source
