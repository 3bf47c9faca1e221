package check

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/torv/torv/internal/markup"
)

// This file turns a page's Markdown tree into the text its rules read:
// one buffer of blocks (paragraphs, list items, quotes, headings, table
// cells), with code, images, raw HTML and bare addresses left out, and a
// map from every byte of the buffer back to the file.

type blockKind uint8

const (
	running blockKind = iota // paragraphs, list items, quotes, front-matter prose: what LIX reads
	heading
	cell
)

// block is one block of text in the buffer.
type block struct {
	kind         blockKind
	start, end   int // buf[start:end]
	src          int // index into pageText.sources
	span0, span1 int // spans[span0:span1] map its bytes to the source
}

// span says that buf[buf:buf+n] is source bytes [src:src+n].
type span struct{ buf, src, n int }

// source is the body (index 0) or one front-matter value, parsed as
// Markdown too.
type source struct {
	text []byte
	fm   string // the front-matter value as written; "" for the body
	key  string // its key, for messages
}

// linkSpan is the text of a link in the buffer.
type linkSpan struct {
	start, end int
	link       *ast.Link
	src        int
}

// pageText is a page's prose. Its slices are reused from page to page.
type pageText struct {
	buf     []byte
	blocks  []block
	spans   []span
	sources []source
	links   []linkSpan
	foreign [][2]int // words marked as another language's: [ord]{lang=sv}

	// The body's nodes the structure rules read, in the order of the page,
	// collected on the same walk.
	headings []*ast.Heading
	images   []*ast.Image
	tables   []*east.Table
}

func (t *pageText) reset() {
	t.buf = t.buf[:0]
	t.blocks = t.blocks[:0]
	t.spans = t.spans[:0]
	t.sources = t.sources[:0]
	t.links = t.links[:0]
	t.foreign = t.foreign[:0]
	t.headings = t.headings[:0]
	t.images = t.images[:0]
	t.tables = t.tables[:0]
}

// add reads the prose of doc, parsed from src, as a new source.
func (t *pageText) add(doc ast.Node, src []byte, fm, key string) {
	si := len(t.sources)
	t.sources = append(t.sources, source{text: src, fm: fm, key: key})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		kind := running
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		case *ast.Heading:
			kind = heading
			if si == 0 {
				t.headings = append(t.headings, n)
			}
		case *east.TableCell:
			kind = cell
		case *east.Table:
			if si == 0 {
				t.tables = append(t.tables, n)
			}
			return ast.WalkContinue, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		b := block{kind: kind, start: len(t.buf), src: si, span0: len(t.spans)}
		t.inline(n, src, si)
		b.end, b.span1 = len(t.buf), len(t.spans)
		if b.end > b.start {
			t.blocks = append(t.blocks, b)
		}
		t.buf = append(t.buf, '\n')
		return ast.WalkSkipChildren, nil
	})
}

// addPlain adds src, one line of plain text, as a source of one running
// block, as add would after goldmark made it one paragraph.
func (t *pageText) addPlain(src []byte, fm, key string) {
	si := len(t.sources)
	t.sources = append(t.sources, source{text: src, fm: fm, key: key})
	b := block{kind: running, start: len(t.buf), src: si, span0: len(t.spans)}
	t.spans = append(t.spans, span{buf: len(t.buf), src: 0, n: len(src)})
	t.buf = append(t.buf, src...)
	b.end, b.span1 = len(t.buf), len(t.spans)
	t.blocks = append(t.blocks, b)
	t.buf = append(t.buf, '\n')
}

// inline appends the text of n's inline children. What is not prose
// becomes one space, so that words on either side stay apart.
func (t *pageText) inline(n ast.Node, src []byte, si int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			t.segment(c.Segment, src)
			switch {
			case c.HardLineBreak():
				// As the glossary reads it: no phrase runs over it.
				t.buf = append(t.buf, '\n')
			case c.SoftLineBreak():
				t.buf = append(t.buf, ' ')
			}
		case *ast.Link:
			start := len(t.buf)
			t.inline(c, src, si)
			t.links = append(t.links, linkSpan{start: start, end: len(t.buf), link: c, src: si})
		case *ast.Image:
			if si == 0 {
				t.images = append(t.images, c)
			}
			t.buf = append(t.buf, ' ')
		case *markup.LangSpan:
			start := len(t.buf)
			t.inline(c, src, si)
			t.foreign = append(t.foreign, [2]int{start, len(t.buf)})
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.String:
			t.buf = append(t.buf, ' ')
		default: // emphasis, strikethrough
			t.inline(c, src, si)
		}
	}
}

// segment appends source bytes, with character references ("&amp;")
// blanked to spaces of the same length, so offsets stay those of the
// source and "amp" is no word.
func (t *pageText) segment(seg text.Segment, src []byte) {
	if seg.Stop <= seg.Start {
		return
	}
	t.spans = append(t.spans, span{buf: len(t.buf), src: seg.Start, n: seg.Stop - seg.Start})
	start := len(t.buf)
	t.buf = append(t.buf, src[seg.Start:seg.Stop]...)
	out := t.buf[start:]
	for i := 0; i < len(out); i++ {
		if out[i] != '&' {
			continue
		}
		j := i + 1
		for j < len(out) && j-i <= 32 && (isAlnum(out[j]) || out[j] == '#') {
			j++
		}
		if j < len(out) && out[j] == ';' && j > i+1 {
			for k := i; k <= j; k++ {
				out[k] = ' '
			}
			i = j
		}
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// blockAt returns the index of the block holding buffer offset off.
func (t *pageText) blockAt(off int) int {
	i := sort.Search(len(t.blocks), func(i int) bool { return t.blocks[i].end > off })
	return min(i, len(t.blocks)-1)
}

// where maps a buffer offset to its source and the offset there. Bytes
// torv put in (the space for a code span) map to the next byte that came
// from the source.
func (t *pageText) where(off int) (src, srcOff int) {
	if len(t.blocks) == 0 {
		return 0, 0
	}
	b := t.blocks[t.blockAt(off)]
	spans := t.spans[b.span0:b.span1]
	if len(spans) == 0 {
		return b.src, 0
	}
	i := sort.Search(len(spans), func(i int) bool { return spans[i].buf+spans[i].n > off })
	if i == len(spans) {
		s := spans[len(spans)-1]
		return b.src, s.src + s.n
	}
	s := spans[i]
	if off < s.buf {
		return b.src, s.src
	}
	return b.src, s.src + off - s.buf
}

// inLink returns the link whose text holds buffer offset off, or nil.
func (t *pageText) inLink(off int) *ast.Link {
	for _, l := range t.links {
		if off >= l.start && off < l.end {
			return l.link
		}
	}
	return nil
}

// inForeign reports whether buffer offset off is in words marked as
// another language's.
func (t *pageText) inForeign(off int) bool {
	for _, f := range t.foreign {
		if off >= f[0] && off < f[1] {
			return true
		}
	}
	return false
}

// lines finds lines and columns in a text.
type lines struct {
	text   []byte
	starts []int
}

func (l *lines) pos(off int) (line, col int) {
	if l.starts == nil {
		l.starts = append(l.starts, 0)
		for i := 0; ; {
			j := bytes.IndexByte(l.text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			l.starts = append(l.starts, i)
		}
	}
	off = min(max(off, 0), len(l.text))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return i + 1, utf8.RuneCount(l.text[l.starts[i]:off]) + 1
}
