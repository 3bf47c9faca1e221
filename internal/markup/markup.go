package markup

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/diag"
)

// LinkFunc resolves a link destination written in Markdown. It returns the
// URL to write into the HTML and whether the link is internal and whether its
// target exists.
type LinkFunc func(dest string, image bool) (href string, internal, exists bool)

// Markdown converts pages. It is safe for concurrent use.
type Markdown struct {
	md goldmark.Markdown
}

// New builds the converter. Build it once per build and share it.
func New() *Markdown {
	md := goldmark.New(
		goldmark.WithExtensions(
			// Alignment becomes a class (see pageTransformer): a style
			// attribute would be blocked by the site's CSP.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			citations,     // cite.go
			glossaryLinks, // glossary.go
			langSpans,     // lang.go
		),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(pageTransformer{}, 100)),
		),
	)
	return &Markdown{md: md}
}

var pageKey = parser.NewContextKey()

// Input is what one conversion knows about its page besides the Markdown:
// how to resolve its links and, for torv's extensions, how to cite a law
// and which glossary terms to link. The zero value converts plain Markdown
// with every destination as written.
type Input struct {
	Link     LinkFunc  // every link and image destination; nil keeps them as written
	Cite     CiteFunc  // the text of law citations; nil leaves them as written (cite.go)
	Glossary *Glossary // the terms of the page's language; nil links none (glossary.go)
	Self     string    // the page's own published URL: a term is not linked on its own page
	Shift    int       // added to every heading's level; see ConvertShifted
}

// page is what one conversion knows about its page.
type page struct {
	shift int // added to every heading's level
	file  string
	src   []byte
	link  LinkFunc
	cite  CiteFunc
	gloss *Glossary
	self  string
	ids   *ids
	lines []int // byte offsets of line starts, made on first error
	errs  diag.List
}

// pos converts a byte offset of the body into a file line and column.
func (p *page) pos(off int) (line, col int) {
	if p.lines == nil {
		p.lines = []int{0}
		for i, c := range p.src {
			if c == '\n' {
				p.lines = append(p.lines, i+1)
			}
		}
	}
	lo, hi := 0, len(p.lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if p.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	start := p.lines[lo]
	return lo + 1, utf8.RuneCount(p.src[start:min(off, len(p.src))]) + 1
}

// Convert writes the HTML of a page's Markdown body to w. file names the
// page in errors. It returns the problems found in the body.
func (m *Markdown) Convert(w io.Writer, file string, body []byte, link LinkFunc) (diag.List, error) {
	return m.ConvertShifted(w, file, body, link, 0)
}

// ConvertShifted is Convert with every heading moved shift levels down (at
// most to h6), for layouts that put the body under a heading of their own:
// a law explainer's body sits under "Det betyder for dig", so the editor's
// "##" must become h3 there.
func (m *Markdown) ConvertShifted(w io.Writer, file string, body []byte, link LinkFunc, shift int) (diag.List, error) {
	return m.ConvertWith(w, file, body, Input{Link: link, Shift: shift})
}

// newPage starts one conversion of body.
func newPage(file string, body []byte, in Input) *page {
	return &page{file: file, src: body, link: in.Link, cite: in.Cite, gloss: in.Glossary, self: in.Self,
		shift: in.Shift, ids: newIDs()}
}

// ConvertWith is Convert with everything the page's Input gives: law
// citations' text and the glossary's links besides the links.
func (m *Markdown) ConvertWith(w io.Writer, file string, body []byte, in Input) (diag.List, error) {
	pg := newPage(file, body, in)
	if line, ok := tooManyOpenLinks(body); !ok {
		// goldmark rescans the rest of a line for every "](" it meets, so
		// thousands of unfinished links on one line take minutes. Show the
		// text as it is and say why.
		l, _ := pg.pos(line)
		pg.errs.Add(diag.Errorf(file, l, 1, "this line has too many links for torv to read in time").
			WithHint("split the line, or finish each link with ) after its address"))
		_, err := io.WriteString(w, "<p>"+html.EscapeString(string(body))+"</p>\n")
		return pg.errs, err
	}
	ctx := parser.NewContext(parser.WithIDs(pg.ids))
	ctx.Set(pageKey, pg)
	if b, ok := w.(*bytes.Buffer); ok {
		w = bufferWriter{b}
	}
	if err := m.md.Convert(body, w, parser.WithContext(ctx)); err != nil {
		return pg.errs, fmt.Errorf("%s: %w", file, err)
	}
	return pg.errs, nil
}

// bufferWriter lets goldmark write straight into a bytes.Buffer: given
// any other writer than a util.BufWriter, it puts a bufio.Writer of its
// own in front of it, 4 KiB for every page and every front-matter string
// converted.
type bufferWriter struct{ *bytes.Buffer }

func (bufferWriter) Buffered() int { return 0 }
func (bufferWriter) Flush() error  { return nil }

var _ util.BufWriter = bufferWriter{}

// maxLinkWork bounds the work goldmark's link scan may do on one line: the
// number of "](" on the line times the line's length.
const maxLinkWork = 50_000_000

// tooManyOpenLinks returns the offset of the first line whose link scan
// would cost more than maxLinkWork, and false; or 0 and true.
func tooManyOpenLinks(body []byte) (offset int, ok bool) {
	if bytes.Count(body, []byte("](")) < 64 {
		return 0, true
	}
	for off := 0; off < len(body); {
		line, _, _ := bytes.Cut(body[off:], []byte("\n"))
		if n := bytes.Count(line, []byte("](")); n*len(line) > maxLinkWork {
			return off, false
		}
		off += len(line) + 1
	}
	return 0, true
}

// Inline converts a short string (a lead, a "Kort fortalt") and returns its
// HTML without the wrapping paragraph. Positions in its errors are lines
// and columns of s.
func (m *Markdown) Inline(s string, link LinkFunc) (string, diag.List) {
	return m.InlineWith(s, Input{Link: link})
}

// InlineWith is Inline with a page's Input. Glossary terms are linked only
// in a page's body: a short string is one of several on the page, and
// each would link its own "first" use.
func (m *Markdown) InlineWith(s string, in Input) (string, diag.List) {
	in.Glossary = nil
	var b bytes.Buffer
	errs, _ := m.ConvertWith(&b, "", []byte(s), in)
	out := bytes.TrimSpace(b.Bytes())
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[3 : len(out)-4]
	}
	return string(out), errs
}

// pageTransformer does torv's work on each page's tree: heading ids and
// levels, table alignment classes, link resolution and the raw-HTML
// warnings.
type pageTransformer struct{}

func (pageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	pg, _ := pc.Get(pageKey).(*page)
	if pg == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+pg.shift, 6)
			// The id comes from what the reader sees ("Ret & pligt"), not
			// from the source ("Ret &amp; pligt", link addresses).
			n.SetAttributeString("id", pg.ids.Generate(PlainText(n, src), n.Kind()))
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		case *ast.Link:
			n.Destination = pg.resolve(n, src, n.Destination, false)
		case *ast.Image:
			n.Destination = pg.resolve(n, src, n.Destination, true)
		case *ast.AutoLink:
			// Bare URLs and e-mail addresses are external by nature.
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				if seg := n.Segments.At(0); !isComment(seg.Value(src)) {
					pg.warnHTML(seg.Start)
				}
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				if seg := n.Lines().At(0); !isComment(seg.Value(src)) {
					pg.warnHTML(seg.Start)
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

// PlainText is the text a reader sees in n (its text and code, with
// entities resolved): what heading ids are made from, and what torv check
// reads as a link's or heading's text.
func PlainText(n ast.Node, src []byte) []byte { return AppendPlainText(nil, n, src) }

// AppendPlainText appends n's PlainText to dst: the search index reads
// every block of every page, and a buffer of its own for each would be
// most of what reading costs.
func AppendPlainText(dst []byte, n ast.Node, src []byte) []byte {
	from := len(dst)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			dst = append(dst, c.Segment.Value(src)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				dst = append(dst, ' ')
			}
		case *ast.String:
			dst = append(dst, c.Value...)
		}
		return ast.WalkContinue, nil
	})
	if bytes.IndexByte(dst[from:], '&') < 0 {
		return dst // no entity: most text, and no copy
	}
	return append(dst[:from], util.ResolveNumericReferences(util.ResolveEntityNames(dst[from:]))...)
}

func isComment(b []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(b), []byte("<!--")) }

func (pg *page) warnHTML(off int) {
	line, col := pg.pos(off)
	pg.errs.Add(diag.Errorf(pg.file, line, col, "HTML in Markdown is left out of the page").
		WithHint("write it in Markdown instead; for a line break, end the line with a backslash").Warning())
}

// resolve passes a destination, as the reader would read it (backslash
// escapes and entities resolved), to the LinkFunc.
func (pg *page) resolve(n ast.Node, src, raw []byte, image bool) []byte {
	if pg.link == nil {
		return raw
	}
	dest := util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(raw)))
	href, internal, exists := pg.link(string(dest), image)
	if internal && !exists {
		line, col := pg.pos(offset(n, src, raw))
		if pg.unknownLaw(string(dest), line, col) { // cite.go
			return []byte(href)
		}
		what := "a page"
		if image {
			what = "a file"
		}
		pg.errs.Add(diag.Errorf(pg.file, line, col, "link to %s that does not exist: %s", what, dest).
			WithHint("check the address; link to a page by its file, like ../lov/sygedagpenge.md, or its address, like /lov/sygedagpenge/"))
	}
	return []byte(href)
}

// offset finds where a link starts: the "[" before "](dest" in its block
// (the first such after the link's text, so a second link to the same
// address is told apart), else the "[" before its first text, else the
// start of its block. goldmark keeps no position for links themselves.
func offset(n ast.Node, src, dest []byte) int {
	after := -1
	if t := firstText(n); t != nil {
		after = t.Segment.Start
	}
	var block ast.Node
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			block = p
			break
		}
	}
	if block != nil {
		needle := append([]byte("]("), dest...)
		lines := block.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			line := src[seg.Start:seg.Stop]
			for from := 0; from < len(line); {
				j := bytes.Index(line[from:], needle)
				if j < 0 {
					break
				}
				j += from
				if seg.Start+j >= after {
					return seg.Start + openBracket(line, j)
				}
				from = j + 1
			}
		}
	}
	if after >= 0 {
		for i := after - 1; i >= 0 && src[i] != '\n'; i-- {
			if src[i] == '[' {
				return i
			}
		}
		return after
	}
	if block != nil {
		return block.Lines().At(0).Start
	}
	return 0
}

// openBracket returns the index of the "[" that the "]" at close closes,
// or close when it is not on the line.
func openBracket(line []byte, close int) int {
	depth := 0
	for i := close - 1; i >= 0; i-- {
		switch line[i] {
		case ']':
			depth++
		case '[':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return close
}

func firstText(n ast.Node) *ast.Text {
	var found *ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			found = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
