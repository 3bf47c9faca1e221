package build

import (
	"slices"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/outputs"
)

// pageTexts keeps what the output stages that index text
// (outputs.Stage.Text) need of each page's body, as the render stage's
// parser hands it each body's tree (markup.Inspector): a page is parsed
// once, for its HTML, its findings and its text. A stage with Analyze
// gets the text there, on the render's workers, and the session keeps
// what it returns, not the text (the search index's counted words), so
// that torv build holds no site's worth of text; the text itself is kept
// only for a stage without Analyze. What the pages an incremental build
// did not render had is kept, as their bodies are.
type pageTexts struct {
	stages   []outputs.Stage
	page     func(file string) *content.Page
	keepText bool
	bufs     sync.Pool // *[]byte: a body's text, reused when no stage keeps it
	mu       sync.Mutex
	m        map[string]pageText // page file -> what the stages keep of it
}

type pageText struct {
	text     outputs.PageText
	analyses []any // by stage, of the stages with Analyze
}

func newPageTexts(stages []outputs.Stage, page func(file string) *content.Page) *pageTexts {
	t := &pageTexts{stages: stages, page: page, m: map[string]pageText{}}
	for _, st := range stages {
		t.keepText = t.keepText || st.Text && st.Analyze == nil
	}
	return t
}

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
// whose body it parsed, or what the stages made of it.
func (t *pageTexts) inspect(file string, doc *ast.Document, src []byte) {
	var pt outputs.PageText
	var text []byte
	if buf, ok := t.bufs.Get().(*[]byte); ok && !t.keepText {
		text = (*buf)[:0]
	}
	if cap(text) < len(src) {
		text = make([]byte, 0, len(src)) // the text is shorter than its Markdown
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		_, heading := n.(*ast.Heading)
		if c := n.FirstChild(); c == nil || c.Type() != ast.TypeInline {
			if heading {
				pt.Headings = append(pt.Headings, "") // an empty heading
			}
			if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
				return ast.WalkSkipChildren, nil // code is no citizen's word
			}
			return ast.WalkContinue, nil
		}
		if len(text) > 0 {
			text = append(text, '\n')
		}
		start := len(text)
		text = markup.AppendPlainText(text, n, src)
		if heading {
			pt.Headings = append(pt.Headings, string(text[start:])) // read once, for both
		}
		return ast.WalkSkipChildren, nil
	})
	pt.Text = text
	var kept pageText
	if t.keepText {
		kept.text = pt
	}
	if p := t.page(file); p != nil {
		for _, st := range t.stages {
			if st.Text && st.Analyze != nil {
				kept.analyses = append(kept.analyses, st.Analyze(p, pt))
			}
		}
	}
	if !t.keepText {
		if cap(text) <= keepBuffer { // as the page buffers: not the longest page's for good
			t.bufs.Put(&text) // Analyze read it and kept none of it
		}
		if !slices.ContainsFunc(kept.analyses, func(a any) bool { return a != nil }) {
			return // nothing to keep: a stage merged what it made (outputs.Stage.Begin)
		}
	}
	t.mu.Lock()
	t.m[file] = kept
	t.mu.Unlock()
}

// get returns page p's text, as its last render read it.
func (t *pageTexts) get(p *content.Page) outputs.PageText {
	if t == nil {
		return outputs.PageText{}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[p.File].text
}

// analysis returns the function that gives what the i-th stage with
// Analyze made of a page's text.
func (t *pageTexts) analysis(i int) func(p *content.Page) any {
	return func(p *content.Page) any {
		if t == nil {
			return nil
		}
		t.mu.Lock()
		defer t.mu.Unlock()
		if a := t.m[p.File].analyses; i < len(a) {
			return a[i]
		}
		return nil
	}
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
