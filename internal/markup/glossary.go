package markup

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Glossary links: the first use of each glossary term in a page's running
// text becomes a link to the term's page, so that a reader who does not
// know "partshøring" is one click from the explanation, and an editor
// need not remember to link it. An abbreviation is also marked as one:
// <a href="/ordliste/cpr/"><abbr title="Det Centrale Personregister">CPR</abbr></a>.
//
// Running text is everything but headings, links, code, images' alt text
// and table headers: a link inside a heading or a link would be a link in
// a link or a heading that is a link, and code and alt text are not read
// as prose. A term the page already links to (anywhere) is not linked
// again, and a term is not linked on its own page.
//
// A term matches by its title or an alias, as whole words (letters and
// digits, æøåäö included; a hyphen or a space separates words), ignoring
// case, so "Digital Post" matches "digital post" and "digital-post". A form
// written in capitals ("CPR") is an abbreviation and matches only in
// capitals: English "it" is not "IT". A phrase may run over a line break
// but not over punctuation, and the longest form wins ("digital postkasse"
// before "digital post").
//
// Matching is linear in the text: a Glossary keeps its forms in a map by
// first word, so each word of the page costs one look-up, and only words
// that start a form look further. It is built once per language per build
// (NewGlossary) and shared by every page.

// Term is one glossary entry as a Glossary matches it.
type Term struct {
	Forms []string // how the term is written: its title and aliases
	Href  string   // the published URL of the term's page
	Abbr  string   // the expansion, when the term is an abbreviation; "" otherwise
}

// Glossary finds the terms of one language in running text. It is read
// only once made, so render workers share it.
type Glossary struct {
	// starts has a bit for the first two letters (lower-cased, cut to a
	// byte each) of every form: nearly every word of a page starts
	// otherwise, and is passed by without lower-casing it or looking it up.
	starts [1 << 16 / 64]uint64
	terms  []Term
	words  map[string][]form // forms by first word, lower-cased
	exact  map[string][]form // abbreviations by first word, as written
	hrefs  map[string]int    // term index by Href
}

// form is one way of writing a term, split into words.
type form struct {
	words []string // lower-cased, or as written when exact
	exact bool     // written in capitals: matches only as written
	term  int
}

// NewGlossary builds the matcher for terms, which are of one language.
// Forms without a letter or digit are left out.
func NewGlossary(terms []Term) *Glossary {
	g := &Glossary{terms: terms, words: map[string][]form{}, exact: map[string][]form{}, hrefs: map[string]int{}}
	for i, t := range terms {
		if _, taken := g.hrefs[t.Href]; !taken {
			g.hrefs[t.Href] = i
		}
		for _, f := range t.Forms {
			var words []string
			for _, w := range splitWords([]byte(f), nil) {
				words = append(words, f[w[0]:w[1]])
			}
			if len(words) == 0 {
				continue
			}
			fm := form{words: words, exact: IsCapitals(f), term: i}
			m := g.exact
			if !fm.exact {
				m = g.words
				for j, w := range fm.words {
					fm.words[j] = strings.ToLower(w)
				}
			}
			m[fm.words[0]] = append(m[fm.words[0]], fm)
			k := startKey([]byte(fm.words[0]))
			g.starts[k/64] |= 1 << (k % 64)
		}
	}
	// Longest first, so that the first form that matches is the longest;
	// among equals, the term that came first.
	for _, m := range []map[string][]form{g.words, g.exact} {
		for _, fs := range m {
			slices.SortStableFunc(fs, func(a, b form) int { return cmp.Compare(len(b.words), len(a.words)) })
		}
	}
	return g
}

// IsCapitals reports whether s has two letters or more, all capitals: an
// abbreviation such as "CPR", which is matched only as written, so that
// English "it" is not "IT". torv check's matcher uses the same rule.
func IsCapitals(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		return 'a' <= c && c <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord tells the ASCII letters and digits, for splitWords' common case.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// startKey is the key of a word in Glossary.starts.
func startKey(w []byte) uint16 {
	if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
		return uint16(w[0]|0x20)<<8 | uint16(w[1]|0x20) // ASCII letters and digits
	}
	r1, n := utf8.DecodeRune(w)
	var r2 rune
	if n < len(w) {
		r2, _ = utf8.DecodeRune(w[n:])
	}
	return uint16(byte(toLower(r1)))<<8 | uint16(byte(toLower(r2)))
}

func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// splitWords appends the [start, end) byte offsets of the words of b to
// out: runs of letters, digits and combining marks.
func splitWords(b []byte, out [][2]int) [][2]int {
	start := -1
	for i := 0; i < len(b); {
		var word bool
		n := 1
		if c := b[i]; c < utf8.RuneSelf {
			word = asciiWord[c]
		} else {
			var r rune
			r, n = utf8.DecodeRune(b[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(b)})
	}
	return out
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
		st.container(doc)
	}
}

// glossState is one page's matching.
type glossState struct {
	g      *Glossary
	src    []byte
	done   []bool // by term: linked, or not to be linked
	left   int    // terms not done
	run    []*ast.Text
	buf    []byte   // the run's text
	starts []int    // where each node of the run starts in buf
	words  [][2]int // the words of buf
	lower  []byte   // scratch for a lower-cased word
}

func (st *glossState) finish(term int) {
	if !st.done[term] {
		st.done[term] = true
		st.left--
	}
}

// container links terms in the running text inside n, in reading order.
func (st *glossState) container(n ast.Node) {
	for c := n.FirstChild(); c != nil && st.left > 0; {
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
			st.match(n)
		default:
			st.container(c)
			c = c.NextSibling()
		}
	}
}

// match links the terms found in st.run, children of parent.
func (st *glossState) match(parent ast.Node) {
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
	st.words = splitWords(st.buf, st.words[:0])
	type found struct{ start, end, term int }
	var finds []found
	var exact []bool
	for i := 0; i < len(st.words) && st.left > 0; {
		f, n := st.longest(i)
		if f == nil {
			i++
			continue
		}
		if !st.done[f.term] {
			st.finish(f.term)
			finds = append(finds, found{st.words[i][0], st.words[i+n-1][1], f.term})
			exact = append(exact, f.exact)
		}
		i += n // a term's words are not searched for others
	}
	// From the last, so that offsets of earlier finds stay in the nodes
	// they were found in: a split keeps the first part in the old node.
	for k := len(finds) - 1; k >= 0; k-- {
		f := finds[k]
		t := st.g.terms[f.term]
		st.link(parent, f.start, f.end, t, exact[k] && t.Abbr != "")
	}
}

// longest returns the longest form starting at word i and its length in
// words, or nil.
func (st *glossState) longest(i int) (*form, int) {
	w := st.buf[st.words[i][0]:st.words[i][1]]
	if k := startKey(w); st.g.starts[k/64]&(1<<(k%64)) == 0 {
		return nil, 0
	}
	var best *form
	n := 0
	if c := w[0]; c < 'a' || c > 'z' { // an abbreviation has no small letter
		if fs := st.g.exact[string(w)]; fs != nil {
			best, n = st.first(fs, i)
		}
	}
	st.lower = appendLower(st.lower[:0], w)
	if fs := st.g.words[string(st.lower)]; fs != nil {
		if f, m := st.first(fs, i); m > n {
			best, n = f, m
		}
	}
	return best, n
}

// first returns the first (so longest) of fs that matches at word i.
func (st *glossState) first(fs []form, i int) (*form, int) {
	for k := range fs {
		if st.matches(&fs[k], i) {
			return &fs[k], len(fs[k].words)
		}
	}
	return nil, 0
}

// matches reports whether form f is written at word i: its later words
// follow, each after nothing but spaces and hyphens.
func (st *glossState) matches(f *form, i int) bool {
	if i+len(f.words) > len(st.words) {
		return false
	}
	for j := 1; j < len(f.words); j++ {
		prev, cur := st.words[i+j-1], st.words[i+j]
		if !separator(st.buf[prev[1]:cur[0]]) {
			return false
		}
		w := st.buf[cur[0]:cur[1]]
		if f.exact && string(w) != f.words[j] || !f.exact && !bytes.EqualFold(w, []byte(f.words[j])) {
			return false
		}
	}
	return true
}

func separator(b []byte) bool {
	for _, c := range string(b) {
		if c != ' ' && c != '\t' && c != '-' && c != '\u00a0' && c != '\u2010' && c != '\u2011' {
			return false
		}
	}
	return len(b) > 0
}

func appendLower(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			dst = append(dst, byte(toLower(rune(c))))
			i++
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
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
