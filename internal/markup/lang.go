package markup

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/diag"
)

// Words in another language: [sagsbehandler]{lang=da} becomes
// <span lang="da">sagsbehandler</span>, so that a screen reader reads a
// Danish word on an English page with Danish pronunciation (WCAG 3.1.2).
// Raw HTML is off, and this is Pandoc's syntax for a span with an
// attribute, which some editors know. The text inside is plain text: the
// span is for a word or a name, not a paragraph. A code that is not a
// language code ({lang=dansk}) leaves the text as written and is reported,
// as the editor meant something.

// KindLangSpan is the kind of a LangSpan node.
var KindLangSpan = ast.NewNodeKind("LangSpan")

// LangSpan is text in another language than the page's.
type LangSpan struct {
	ast.BaseInline
	Lang string
}

// Kind implements ast.Node.
func (*LangSpan) Kind() ast.NodeKind { return KindLangSpan }

// Dump implements ast.Node.
func (n *LangSpan) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Lang": n.Lang}, nil)
}

type langExtension struct{}

var langSpans = &langExtension{}

func (*langExtension) Extend(m goldmark.Markdown) {
	// Before goldmark's link parser (200), which would otherwise take the
	// "[" and, finding no "(", leave the brackets as text.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(langParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(langRenderer{}, 500)))
}

// langSpan matches [text]{lang=xx} at the start of a line's rest; the
// attribute may be quoted. Group 1 is the text, group 2 the code.
var langSpan = regexp.MustCompile(`^\[([^\[\]\n]+)\]\{\s*lang\s*=\s*"?([^"}\s]*)"?\s*\}`)

// langCode is a BCP 47 language tag as editors write them: da, sv, nb,
// en, en-GB, se (North Sami), kl (Greenlandic).
var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

type langParser struct{}

func (langParser) Trigger() []byte { return []byte{'['} }

func (langParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[")) || !bytes.Contains(line, []byte("]{")) {
		return nil
	}
	m := langSpan.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	code := string(line[m[4]:m[5]])
	if !langCode.MatchString(code) {
		if pg, _ := pc.Get(pageKey).(*page); pg != nil {
			l, c := pg.pos(seg.Start + m[4])
			pg.errs.Add(diag.Errorf(pg.file, l, c, "%q is not a language code", code).
				WithHint("write the language's code, like {lang=da}, {lang=sv}, {lang=nb} or {lang=en}").Warning())
		}
		return nil
	}
	n := &LangSpan{Lang: code}
	n.AppendChild(n, ast.NewTextSegment(text.NewSegment(seg.Start+m[2], seg.Start+m[3])))
	block.Advance(m[1])
	return n
}

type langRenderer struct{}

func (langRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLangSpan, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</span>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<span lang="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.(*LangSpan).Lang)))
		_, _ = w.WriteString(`">`)
		return ast.WalkContinue, nil
	})
}
