package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/diag"
)

// Law citations: a link whose destination is lov:ID cites the law
// explainer with that id. law: and lag: are the same for editors who think
// in English or Swedish, so a Swedish editor's [](lag:sjukpenning) works
// on a Danish site too. The destination is an ordinary link destination,
// so an editor needs no new syntax, goldmark needs no new parser, and a
// fragment (lov:sygedagpenge#frist) works as on any link.
//
// Where the link goes is the LinkFunc's business, like any link's (the
// build resolves lov: in content.Site.ResolveLink, so torv check sees the
// same target). This file adds what a plain link cannot know: a citation
// written without text ([](lov:sygedagpenge)) gets the law's short title
// from the page's CiteFunc, and a citation of an unknown law is reported
// as such, with the closest id when the CiteFunc can name one.

// Citation is what a page's CiteFunc says about one law citation.
type Citation struct {
	Text string // the law's short title ("Sygedagpengeloven § 7"); "" for an unknown law
	Lang string // the law page's language when it is not the citing page's, else ""
	Hint string // for an unknown law: what to write instead ("did you mean ...")
}

// CiteFunc answers for a law citation as the editor wrote it
// ("lov:sygedagpenge#frist").
type CiteFunc func(dest string) Citation

// CitedLaw reports whether dest is a law citation, lov:ID[#fragment] (or
// law:, lag:, in any case), and returns the id and the fragment. It is the
// one definition of the syntax: the build resolves citations with it.
func CitedLaw(dest string) (id, fragment string, ok bool) {
	scheme, rest, found := strings.Cut(dest, ":")
	if !found {
		return "", "", false
	}
	switch strings.ToLower(scheme) {
	case "lov", "law", "lag":
	default:
		return "", "", false
	}
	id, fragment, _ = strings.Cut(rest, "#")
	return id, fragment, true
}

// citeExtension fills citations written without text. It is a goldmark
// extension in the shape of goldmark's extension/ package, though it works
// only inside this package's converter: what it needs comes with each
// conversion (the page's CiteFunc), not with the extension.
type citeExtension struct{}

var citations = &citeExtension{}

func (*citeExtension) Extend(m goldmark.Markdown) {
	// After the inspector (50), which must see the body as the editor
	// wrote it; before pageTransformer (100), which replaces the lov:
	// destination with the law's URL and makes heading ids from the text
	// this fills in.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(citeTransformer{}, 90)))
}

type citeTransformer struct{}

func (citeTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	pg, _ := pc.Get(pageKey).(*page)
	if pg == nil || pg.cite == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		dest := string(readDest(l.Destination))
		if _, _, ok := CitedLaw(dest); !ok || !emptyText(l, src) {
			return ast.WalkSkipChildren, nil
		}
		c := pg.cite(dest)
		if c.Text == "" {
			return ast.WalkSkipChildren, nil // unknown: resolve reports it
		}
		for l.FirstChild() != nil {
			l.RemoveChild(l, l.FirstChild())
		}
		s := ast.NewString([]byte(c.Text))
		s.SetRaw(true) // the title is text, not Markdown: only escaped
		l.AppendChild(l, s)
		if c.Lang != "" {
			// The text is the law's own, in the law page's language. An
			// editor's own text is in the page's language and gets none.
			l.SetAttributeString("lang", []byte(c.Lang))
		}
		return ast.WalkSkipChildren, nil
	})
}

// emptyText reports whether a link shows nothing: no text but spaces and
// no image.
func emptyText(l *ast.Link, src []byte) bool {
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Image); ok {
			return false
		}
	}
	return len(bytes.TrimSpace(PlainText(l, src))) == 0
}

// readDest is a destination as the reader reads it: backslash escapes and
// entities resolved.
func readDest(raw []byte) []byte {
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(raw)))
}

// unknownLaw reports a citation whose law the LinkFunc does not know, and
// says whether dest was a citation.
func (pg *page) unknownLaw(dest string, line, col int) bool {
	id, _, ok := CitedLaw(dest)
	if !ok {
		return false
	}
	hint := "write the id of a law explainer: its file name without .md, or its id key"
	if pg.cite != nil {
		if h := pg.cite(dest).Hint; h != "" {
			hint = h
		}
	}
	pg.errs.Add(diag.Errorf(pg.file, line, col, "unknown law %q", id).WithHint("%s", hint))
	return true
}
