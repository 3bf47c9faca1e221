package build

import (
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/outputs"
)

// pageTexts keeps each page's plain text and headings as the render
// stage's parser hands it each body's tree (markup.Inspector), for the
// output stages that index text (outputs.Input.Text): a page is parsed
// once, for its HTML, its findings and its text. A session keeps it when
// one of its output stages reads text (outputs.Stage.Text); the texts of the pages an
// incremental build did not render are kept, as their bodies are.
type pageTexts struct {
	mu sync.Mutex
	m  map[string]outputs.PageText // page file -> its text
}

func newPageTexts() *pageTexts { return &pageTexts{m: map[string]outputs.PageText{}} }

// begin forgets the texts of the pages about to be rendered: a body that
// became empty is not parsed, and has no text.
func (t *pageTexts) begin(pages []*content.Page) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range pages {
		delete(t.m, p.File)
	}
}

// inspect is the converter's Inspector: it keeps the text of the page
// whose body it parsed.
func (t *pageTexts) inspect(file string, doc *ast.Document, src []byte) {
	var pt outputs.PageText
	var text []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			pt.Headings = append(pt.Headings, string(markup.PlainText(h, src)))
		}
		if c := n.FirstChild(); c == nil || c.Type() != ast.TypeInline {
			if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
				return ast.WalkSkipChildren, nil // code is no citizen's word
			}
			return ast.WalkContinue, nil
		}
		if len(text) > 0 {
			text = append(text, '\n')
		}
		text = append(text, markup.PlainText(n, src)...)
		return ast.WalkSkipChildren, nil
	})
	pt.Text = string(text)
	t.mu.Lock()
	t.m[file] = pt
	t.mu.Unlock()
}

// get returns page p's text, as its last render read it.
func (t *pageTexts) get(p *content.Page) outputs.PageText {
	if t == nil {
		return outputs.PageText{}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[p.File]
}

// inspector is the Markdown converter's Inspector for this session: the
// check's, the texts', both or none.
func (s *Session) inspector() markup.Inspector {
	var fs []markup.Inspector
	if s.chk != nil {
		fs = append(fs, s.chk.inspect)
	}
	if s.texts != nil {
		fs = append(fs, s.texts.inspect)
	}
	switch len(fs) {
	case 0:
		return nil
	case 1:
		return fs[0]
	}
	return func(file string, doc *ast.Document, src []byte) {
		for _, f := range fs {
			f(file, doc, src)
		}
	}
}

// wantsTexts reports whether an output stage of the session reads text.
func (s *Session) wantsTexts() bool {
	for _, st := range s.stages() {
		if st.Text {
			return true
		}
	}
	return false
}
