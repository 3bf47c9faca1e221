package check

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// pageCheck is the state of checking one page.
type pageCheck struct {
	c    *Checker
	w    *worker
	p    *content.Page
	lang string
	doc  ast.Node // the body's tree; nil for a page without one
	src  []byte
	res  *pageResult
	off  map[string]*Off

	lines     []lines         // per source of w.text
	dests     []string        // the body's link destinations, as written
	targetSet map[string]bool // see targets
}

// check runs every rule on page p whose body src parsed into doc (nil when
// it has no body or could not be parsed).
func (c *Checker) check(p *content.Page, doc ast.Node, src []byte) (res *pageResult) {
	w := c.pool.Get().(*worker)
	defer c.pool.Put(w)
	lang := p.Lang
	if c.jargon[lang] == nil {
		lang = c.site.Config.Language
	}
	res = &pageResult{page: p, report: &PageReport{File: p.File, URL: p.URL, Lang: p.Lang}}
	pc := &pageCheck{c: c, w: w, p: p, lang: lang, doc: doc, src: src, res: res}
	// Sorted once, here, last: Report shares a result's report that has
	// no anchors to resolve, and must not sort it again.
	defer func() { res.report.Findings.Sort() }()
	defer func() {
		// One strange page must not take the check down: say so at the
		// page, like the build does.
		if x := recover(); x != nil {
			res.report.Findings = append(res.report.Findings, diag.Errorf(p.File, 0, 0, "torv could not check this page (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached"))
		}
	}()
	pc.readOff()
	pc.readText()
	pc.split()
	if doc != nil {
		pc.walk()
	}
	pc.lix()
	pc.longSentences()
	pc.words()
	pc.frontMatter()
	for _, o := range pc.off {
		res.report.Off = append(res.report.Off, *o)
	}
	sortOff(res.report.Off)
	return res
}

// readText puts the body and the front matter's prose into w.text.
func (pc *pageCheck) readText() {
	t := &pc.w.text
	t.reset()
	if pc.doc != nil {
		t.add(pc.doc, pc.src, "", "")
	}
	for _, f := range prose(pc.p) {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		b := []byte(f.text)
		if isPlain(f.text) {
			// Most front-matter text is one plain line: goldmark would
			// make it one paragraph of one text, so skip goldmark.
			t.addPlain(b, f.text, f.key)
			continue
		}
		doc, ok := pc.c.md.Parse(b)
		if !ok {
			continue
		}
		t.add(doc, b, f.text, f.key)
	}
	pc.lines = make([]lines, len(t.sources))
	for i, s := range t.sources {
		pc.lines[i] = lines{text: s.text}
	}
}

type fmText struct{ key, text string }

// isPlain reports whether s is one line that Markdown leaves as it is.
func isPlain(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\r[]*_`<>&\\#|!~") {
		return false
	}
	c := s[0]
	return c != '-' && c != '+' && c != ' ' && c != '\t' && !(c >= '0' && c <= '9') && c != '='
}

// prose is the front matter a citizen reads as text on the page.
func prose(p *content.Page) []fmText {
	out := []fmText{{"description", p.Description()}}
	switch d := p.Data.(type) {
	case *content.Home:
		out = append(out, fmText{"lead", d.Lead})
	case *content.Principle:
		out = append(out, fmText{"statement", d.Statement})
	case *content.Theme:
		out = append(out, fmText{"question", d.Question})
	case *content.Law:
		out = append(out, fmText{"in_short", d.InShort})
		for _, y := range d.YouCan {
			out = append(out, fmText{"you_can", y})
		}
	case *content.Initiative:
		out = append(out, fmText{"latest", d.Latest})
	case *content.Place:
		out = append(out, fmText{"directions", d.Directions}, fmText{"parking", d.Parking})
	case *content.Term:
		if d.Short != p.Description() {
			out = append(out, fmText{"short", d.Short})
		}
	}
	return out
}

// split splits every block into words, and running blocks into sentences.
func (pc *pageCheck) split() {
	w := pc.w
	w.run.Reset()
	w.other.Reset()
	w.words = w.words[:0]
	for i, b := range w.text.blocks {
		t := &w.other
		if b.kind == running {
			t = &w.run
		}
		bw := blockWords{t: t, first: len(t.Words), block: i, sent0: len(t.Sentences)}
		t.Split(w.text.buf, b.start, b.end, pc.lang)
		bw.n = len(t.Words) - bw.first
		bw.sent1 = len(t.Sentences)
		if b.kind != running {
			bw.sent0, bw.sent1 = 0, 0
		}
		w.words = append(w.words, bw)
	}
}

// posOf returns the file position of a buffer offset.
func (pc *pageCheck) posOf(off int) (line, col int) {
	si, so := pc.w.text.where(off)
	return pc.posIn(si, so)
}

// posIn returns the file position of an offset in source si.
func (pc *pageCheck) posIn(si, off int) (line, col int) {
	if si >= len(pc.lines) {
		return 1, 1
	}
	line, col = pc.lines[si].pos(off)
	if s := pc.w.text.sources[si]; s.fm != "" {
		return pc.p.FrontMatterPos(s.fm, line, col)
	}
	return line, col
}

// posNode returns the file position of a node of the body.
func (pc *pageCheck) posNode(n ast.Node) (line, col int) {
	off := n.Pos()
	if off < 0 {
		for p := n.Parent(); p != nil && off < 0; p = p.Parent() {
			off = p.Pos()
		}
	}
	return pc.posIn(0, max(off, 0))
}

// add reports a finding of rule at line and col.
func (pc *pageCheck) add(rule string, found diag.Level, line, col int, msg, hint string) {
	level, ok := pc.c.levels.apply(rule, found)
	if !ok {
		return
	}
	if o := pc.off[rule]; o != nil {
		o.Silenced++
		return
	}
	pc.res.report.Findings = append(pc.res.report.Findings, &diag.Error{File: pc.p.File, Line: line, Col: col,
		Msg: msg, Hint: hint, Level: level, Rule: rule})
}

// on reports whether a rule may report on this page at all, to spare the
// work of rules that are off in config.toml.
func (pc *pageCheck) on(rule string) bool { return pc.c.levels.on(rule) }

// excerpt returns text shortened to about n characters on one line.
func excerpt(b []byte, n int) string {
	out := make([]rune, 0, n+1)
	space, cut := false, false
	for _, r := range string(b) {
		if unicode.IsSpace(r) {
			space = len(out) > 0
			continue
		}
		if len(out) >= n {
			cut = true
			break
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
	}
	s := string(out)
	if !cut {
		return s
	}
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, ",;:") + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
