package markup

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/diag"
)

// This file gives the checker (package check) the tree goldmark parses,
// so that it tells running text, code, tables, headings, links and images
// apart by structure and reports positions from goldmark's segments.

// Inspector is called with the tree of every page body a Markdown made by
// NewInspecting converts: after goldmark has parsed it and before torv's
// own changes (heading levels, ids and link destinations), so it sees the
// body as the editor wrote it. file is the page's file, src its body (the
// segments' offsets are offsets into src, and so into the file). It is
// called on the goroutine that converts the page, so it must be safe for
// concurrent use, and it must not change the tree.
type Inspector func(file string, doc *ast.Document, src []byte)

// NewInspecting returns a converter like New's that also calls f with each
// page body it parses (not the short strings of Inline), so that a page is
// parsed once for rendering and checking together.
func NewInspecting(f Inspector) *Markdown {
	m := New()
	// A fresh goldmark from New has not parsed yet, so its parser still
	// takes options. Priority 50 runs after goldmark's table transformer
	// (0) and before pageTransformer (100).
	m.md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(inspector{f}, 50)))
	return m
}

type inspector struct{ f Inspector }

func (i inspector) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if pg, _ := pc.Get(pageKey).(*page); pg != nil && pg.file != "" {
		i.f(pg.file, doc, reader.Source())
	}
}

// Parse parses a page body the way Convert does, without rendering it. The
// tree is the editor's: headings keep the level written, links and images
// their destination as written; headings carry the id Convert gives them
// (the "id" attribute). ok is false for a body Convert would not parse
// either (a line with thousands of unfinished links, which would take
// goldmark minutes).
func (m *Markdown) Parse(body []byte) (doc ast.Node, ok bool) {
	if _, ok := tooManyOpenLinks(body); !ok {
		return nil, false
	}
	pg := &page{src: body, ids: newIDs()} // no LinkFunc: destinations stay as written
	ctx := parser.NewContext(parser.WithIDs(pg.ids))
	ctx.Set(pageKey, pg)
	return m.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx)), true
}

// Check parses a page body as Convert does, with its LinkFunc, and returns
// the problems Convert would report (links to pages that do not exist, raw
// HTML), without writing any HTML: torv check needs the problems and the
// tree, not the page. A Markdown made by NewInspecting calls its Inspector
// as Convert would.
func (m *Markdown) Check(file string, body []byte, link LinkFunc) diag.List {
	return m.CheckWith(file, body, Input{Link: link})
}

// CheckWith is Check with a page's Input, so that its problems are
// reported as ConvertWith reports them (an unknown law with the closest
// id as a suggestion, which needs the Input's CiteFunc).
func (m *Markdown) CheckWith(file string, body []byte, in Input) diag.List {
	pg := newPage(file, body, in)
	if line, ok := tooManyOpenLinks(body); !ok {
		// As ConvertShifted says it.
		l, _ := pg.pos(line)
		pg.errs.Add(diag.Errorf(file, l, 1, "this line has too many links for torv to read in time").
			WithHint("split the line, or finish each link with ) after its address"))
		return pg.errs
	}
	ctx := parser.NewContext(parser.WithIDs(pg.ids))
	ctx.Set(pageKey, pg)
	m.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	return pg.errs
}

// HeadingIDs returns the ids Convert gives the headings of a tree (from
// Parse or an Inspector), in order: the anchors other pages may link to.
func HeadingIDs(doc ast.Node, src []byte) []string {
	g := newIDs()
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok { // Parse made it already
				g.Put(b)
				out = append(out, string(b))
				return ast.WalkSkipChildren, nil
			}
		}
		out = append(out, string(g.Generate(PlainText(h, src), h.Kind())))
		return ast.WalkSkipChildren, nil
	})
	return out
}
