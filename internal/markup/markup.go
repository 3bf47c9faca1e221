package markup

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
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
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)),
		),
	)
	return &Markdown{md: md}
}

var pageKey = parser.NewContextKey()

// page is what one conversion knows about its page.
type page struct {
	shift int // added to every heading's level
	file  string
	src   []byte
	link  LinkFunc
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
	pg := &page{file: file, src: body, link: link, shift: shift}
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	ctx.Set(pageKey, pg)
	if err := m.md.Convert(body, w, parser.WithContext(ctx)); err != nil {
		return pg.errs, fmt.Errorf("%s: %w", file, err)
	}
	return pg.errs, nil
}

// Inline converts a short string (a lead, a "Kort fortalt") and returns its
// HTML without the wrapping paragraph.
func (m *Markdown) Inline(s string, link LinkFunc) (string, diag.List) {
	var b bytes.Buffer
	errs, _ := m.Convert(&b, "", []byte(s), link)
	out := bytes.TrimSpace(b.Bytes())
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[3 : len(out)-4]
	}
	return string(out), errs
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
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
		case *ast.Link:
			n.Destination = pg.resolve(n, n.Destination, false)
		case *ast.Image:
			n.Destination = pg.resolve(n, n.Destination, true)
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

func isComment(b []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(b), []byte("<!--")) }

func (pg *page) warnHTML(off int) {
	if pg.file == "" {
		return
	}
	line, col := pg.pos(off)
	pg.errs.Add(diag.Errorf(pg.file, line, col, "HTML in Markdown is left out of the page").
		WithHint("write it in Markdown instead; for a line break, end the line with a backslash").Warning())
}

func (pg *page) resolve(n ast.Node, dest []byte, image bool) []byte {
	if pg.link == nil {
		return dest
	}
	href, internal, exists := pg.link(string(dest), image)
	if internal && !exists && pg.file != "" {
		line, col := pg.pos(offset(n))
		what := "a page"
		if image {
			what = "a file"
		}
		pg.errs.Add(diag.Errorf(pg.file, line, col, "link to %s that does not exist: %s", what, dest).
			WithHint("check the address; link to a page by its file, like ../lov/sygedagpenge.md, or its address, like /lov/sygedagpenge/"))
	}
	return []byte(href)
}

// offset finds a byte offset for an inline node: the start of its first
// text, or of the block it sits in.
func offset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			// The link starts at "[" just before its text.
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
