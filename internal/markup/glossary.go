package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/torv/torv/internal/language"
)

// Glossary links: the first use of each glossary term in a page's running
// text becomes a link to the term's page, so that a reader who does not
// know "partshøring" is one click from the explanation, and an editor
// need not remember to link it. An abbreviation is also marked as one:
// <a href="/ordliste/cpr/"><abbr title="Det Centrale Personregister">CPR</abbr></a>.
//
// Running text is everything but headings, links, code, images' alt text,
// table headers and words in another language ([ord]{lang=da}): a link
// inside a heading or a link would be a link in a link or a heading that
// is a link, code and alt text are not read as prose, and the words of
// another language are not this glossary's. A term the page already links
// to (anywhere) is not linked again, and a term is not linked on its own
// page.
//
// A term matches by its title or an alias, as package language's Matcher
// matches phrases: by whole parts of words, in any case, with a hyphen or
// spaces between its words ("Digital Post" matches "digital-post"), a
// form in capitals ("CPR") only as written. A phrase may run over a line
// break but not over punctuation, and the longest form wins ("digital
// postkasse" before "digital post"). The build links only a use written
// as the entry writes it: an inflected use ("partshøringen") is found,
// and not linked, as the editor may mean it otherwise; torv check asks
// for those (Uses).
//
// A run of text nodes (the text between two inline elements) is matched
// as one text, so that a term may run over a soft line break but not over
// emphasis or a hard line break. A Glossary is built once per language
// per build (NewGlossaryIn) and shared by every page; matching costs a
// look-up for the few words whose first letters start a form.

// Term is one glossary entry as a Glossary matches it.
type Term struct {
	Forms []string // how the term is written: its title and aliases
	Href  string   // the published URL of the term's page
	Abbr  string   // the expansion, when the term is an abbreviation; "" otherwise
}

// Glossary finds the terms of one language in running text. It is read
// only once made, so render workers share it.
type Glossary struct {
	terms []Term
	forms []form // by phrase id of m
	m     *language.Matcher
	hrefs map[string]int // term index by Href
}

// form is one way of writing a term.
type form struct {
	term  int
	exact bool // in capitals: an abbreviation, marked <abbr> when the term has an expansion
}

// NewGlossary is NewGlossaryIn for a language torv does not know: forms
// match as written, in any case, without the language's endings.
func NewGlossary(terms []Term) *Glossary { return NewGlossaryIn("", terms) }

// NewGlossaryIn builds the matcher for terms, which are of language lang.
// Forms without a letter or digit are left out.
func NewGlossaryIn(lang string, terms []Term) *Glossary {
	g := &Glossary{terms: terms, m: language.NewMatcher(language.Get(lang)), hrefs: map[string]int{}}
	for i, t := range terms {
		if _, taken := g.hrefs[t.Href]; !taken {
			g.hrefs[t.Href] = i
		}
		for _, f := range t.Forms {
			if g.m.Add(f, len(g.forms)) {
				g.forms = append(g.forms, form{term: i, exact: language.IsCapitals(f)})
			}
		}
	}
	return g
}

// IsCapitals reports whether s has two letters or more, all capitals: an
// abbreviation such as "CPR", which is matched only as written, so that
// English "it" is not "IT". It is language.IsCapitals.
func IsCapitals(s string) bool { return language.IsCapitals(s) }

// Use is a use of a glossary term in a page's running text.
type Use struct {
	Term       int  // its index in the terms the Glossary was made of
	Start, End int  // bytes of the body
	Inflected  bool // written with an ending ("partshøringen"): found, but not linked
}

// Uses calls f with each use of a term in the running text of doc, a body
// parsed from src that no glossary has linked yet, in reading order. These
// are the uses the glossary links from: the first of each term that is
// not Inflected, unless the page links the term already or is the term's
// page. torv check asks this rather than guessing what the build links.
func (g *Glossary) Uses(doc ast.Node, src []byte, f func(Use)) {
	if g == nil || g.m.Len() == 0 || doc == nil {
		return
	}
	st := &glossState{g: g, src: src}
	st.container(doc, func(ast.Node) bool {
		st.fill()
		g.m.Find(st.buf, func(m language.Match) bool {
			_, from := st.at(m.Start, false)
			_, to := st.at(m.End, true)
			f(Use{Term: g.forms[m.ID].term, Start: from, End: to, Inflected: m.Inflected})
			return true
		})
		return true
	})
}

// glossaryExtension links terms; see the top of this file. Like
// citeExtension, it has the shape of goldmark's extensions but takes what
// it needs (the page's Glossary) from each conversion.
type glossaryExtension struct{}

var glossaryLinks = &glossaryExtension{}

func (*glossaryExtension) Extend(m goldmark.Markdown) {
	// After pageTransformer (100): the editor's links are resolved by
	// then, so a term the page links already is seen as linked, and the
	// links made here, already published URLs, are not resolved again.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(glossaryTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(abbrRenderer{}, 500)))
}

type glossaryTransformer struct{}

func (glossaryTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	pg, _ := pc.Get(pageKey).(*page)
	if pg == nil || pg.gloss == nil || len(pg.gloss.terms) == 0 {
		return
	}
	g := pg.gloss
	st := &glossState{g: g, src: reader.Source(), done: make([]bool, len(g.terms))}
	st.left = len(g.terms)
	if i, ok := g.hrefs[pg.self]; ok && pg.self != "" {
		st.finish(i)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			dest, _, _ := bytes.Cut(l.Destination, []byte("#"))
			if i, ok := g.hrefs[string(dest)]; ok {
				st.finish(i)
			}
		}
		return ast.WalkContinue, nil
	})
	if st.left > 0 {
		st.container(doc, st.linkRun)
	}
}

// glossState is one page's matching.
type glossState struct {
	g      *Glossary
	src    []byte
	run    []*ast.Text
	buf    []byte // the run's text
	starts []int  // where each node of the run starts in buf

	// Linking only.
	done  []bool // by term: linked, or not to be linked
	left  int    // terms not done
	finds []found
}

// found is a use to link: buf[start:end] of the run.
type found struct {
	start, end int
	term       int
	exact      bool
}

func (st *glossState) finish(term int) {
	if !st.done[term] {
		st.done[term] = true
		st.left--
	}
}

// container calls match for each run of text siblings in the running text
// inside n, in reading order, with st.run set to the run and parent its
// parent, until match returns false.
func (st *glossState) container(n ast.Node, match func(parent ast.Node) bool) bool {
	for c := n.FirstChild(); c != nil; {
		switch c.(type) {
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.CodeBlock,
			*ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *east.TableHeader, *abbrNode,
			*LangSpan: // words in another language are not the glossary's
			c = c.NextSibling()
		case *ast.Text:
			// A run of text siblings is matched as one text, so that a
			// term may run over a line break.
			st.run = st.run[:0]
			for ; c != nil; c = c.NextSibling() {
				t, ok := c.(*ast.Text)
				if !ok {
					break
				}
				st.run = append(st.run, t)
			}
			if !match(n) {
				return false
			}
		default:
			if !st.container(c, match) {
				return false
			}
			c = c.NextSibling()
		}
	}
	return true
}

// fill puts the text of st.run into st.buf.
func (st *glossState) fill() {
	st.buf, st.starts = st.buf[:0], st.starts[:0]
	for _, t := range st.run {
		st.starts = append(st.starts, len(st.buf))
		st.buf = append(st.buf, t.Segment.Value(st.src)...)
		switch {
		case t.HardLineBreak():
			st.buf = append(st.buf, '\n') // not a separator within a term
		case t.SoftLineBreak():
			st.buf = append(st.buf, ' ')
		}
	}
}

// linkRun links the first use of each term not done in st.run, children
// of parent, and reports whether any term is left.
func (st *glossState) linkRun(parent ast.Node) bool {
	st.fill()
	st.finds = st.finds[:0]
	st.g.m.Find(st.buf, func(m language.Match) bool {
		f := st.g.forms[m.ID]
		if !m.Inflected && !st.done[f.term] {
			st.finish(f.term)
			st.finds = append(st.finds, found{m.Start, m.End, f.term, f.exact})
		}
		return st.left > 0
	})
	// From the last, so that offsets of earlier finds stay in the nodes
	// they were found in: a split keeps the first part in the old node.
	for k := len(st.finds) - 1; k >= 0; k-- {
		f := st.finds[k]
		t := st.g.terms[f.term]
		st.link(parent, f.start, f.end, t, f.exact && t.Abbr != "")
	}
	return st.left > 0
}

// at returns the node of the run that holds buf offset off, and the
// offset in the source. end says off is an end, which belongs to the node
// before when it falls on a boundary.
func (st *glossState) at(off int, end bool) (*ast.Text, int) {
	k := len(st.starts) - 1
	for k > 0 && (st.starts[k] > off || end && st.starts[k] == off) {
		k--
	}
	t := st.run[k]
	return t, t.Segment.Start + off - st.starts[k]
}

// link wraps buf[start:end] of the run, children of parent, in a link to
// t, and in <abbr> when abbr is set.
func (st *glossState) link(parent ast.Node, start, end int, t Term, abbr bool) {
	first, from := st.at(start, false)
	last, to := st.at(end, true)
	if rest := splitText(first, from); rest != nil {
		if last == first {
			last = rest
		}
		first = rest
	}
	splitText(last, to)
	l := ast.NewLink()
	l.Destination = []byte(t.Href)
	parent.InsertBefore(parent, first, l)
	var into ast.Node = l
	if abbr {
		a := &abbrNode{title: []byte(t.Abbr)}
		l.AppendChild(l, a)
		into = a
	}
	for c := ast.Node(first); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		into.AppendChild(into, c)
		if c == ast.Node(last) {
			break
		}
		c = next
	}
}

// splitText cuts t at source offset at: t keeps what is before, and a new
// node after it holds the rest with t's line break. It returns the new
// node, or nil when there is nothing to move (at is t's start, or its end
// without a line break).
func splitText(t *ast.Text, at int) *ast.Text {
	seg := t.Segment
	if at <= seg.Start || at >= seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		return nil
	}
	rest := ast.NewTextSegment(text.NewSegment(at, seg.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	rest.SetRaw(t.IsRaw())
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Segment = seg.WithStop(at)
	t.Parent().InsertAfter(t.Parent(), t, rest)
	return rest
}

// kindAbbr is the kind of abbrNode.
var kindAbbr = ast.NewNodeKind("Abbr")

// abbrNode is an abbreviation, <abbr title="expansion">.
type abbrNode struct {
	ast.BaseInline
	title []byte
}

func (n *abbrNode) Kind() ast.NodeKind { return kindAbbr }

func (n *abbrNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Title": string(n.title)}, nil)
}

type abbrRenderer struct{}

func (abbrRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAbbr, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</abbr>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<abbr title="`)
		_, _ = w.Write(util.EscapeHTML(n.(*abbrNode).title))
		_, _ = w.WriteString(`">`)
		return ast.WalkContinue, nil
	})
}
