package render

import (
	"html/template"
	"strings"
	"text/template/parse"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/reads"
)

// What a page read while it rendered (package reads): the renderer notes
// it where the page is given something besides itself, so that the
// preview re-renders a page exactly when one of those things changed.
//
//   - The View: every page it hands the layouts (ancestors, menu,
//     translations, the list and its pager, topics, the home page) and the
//     pages one step from the page itself (.Page.Parent, .Children,
//     .Translations, .Tags, the pages its front matter names), whose
//     fields a layout may read.
//   - The functions: page "x", item, and the links and law citations of
//     the body and of md, each at the page it found, or reads.Miss.
//   - .Site's lists of pages (SiteView), as reads.Site.
//   - Every layout and partial that executed: hookTemplates puts a call
//     at the start of each, so a template that did not run is not read.
//   - What no View notes: a page's fields are read without a call, so a
//     template that goes on from a page to the relations of another
//     (.Page.Parent.Children, a child's translations, a topic's pages)
//     reads more than one step from the page. A template that names such
//     a relation (namesRelation) reads the whole site's shape, reads.Site,
//     whenever it runs: more than it may need.

// readHook is the template function the hooks call; it writes nothing.
const readHook = "_torvRead"

// hookTemplates puts a call of readHook with the name of file at the start
// of every template that parsing file defined in t, so that executing one
// notes it. {{if}} with an empty body writes nothing in any context,
// where a value, even "", would be escaped into a JavaScript or URL one.
func hookTemplates(t *template.Template, file string) error {
	var roots []parse.Node
	for _, d := range t.Templates() {
		if d.Tree != nil && d.Tree.ParseName == file && d.Tree.Root != nil {
			roots = append(roots, d.Tree.Root)
		}
	}
	call := readHook + ` "` + template.JSEscapeString(file) + `"`
	if namesRelation(roots...) {
		call += " true"
	}
	for _, d := range t.Templates() {
		if d.Tree == nil || d.Tree.ParseName != file || d.Tree.Root == nil {
			continue
		}
		hook := parse.New("hook")
		hook.Mode = parse.SkipFuncCheck
		trees, err := hook.Parse(`{{if `+call+`}}{{end}}`, "{{", "}}", map[string]*parse.Tree{})
		if err != nil {
			return err
		}
		d.Tree.Root.Nodes = append([]parse.Node{trees.Root.Nodes[0]}, d.Tree.Root.Nodes...)
	}
	return nil
}

// namesRelation reports whether the tree names a field that leads from a
// page to other pages' relations: content.Page's Parent, Children or
// Translations, or both a page's Tags and a Pages (a topic's pages).
// The default layouts name none of those on a page (their lists come
// from the View), so they pay nothing for it. It looks at one file's
// trees: a layout that takes .Tags in one file and their .Pages in
// another, or follows a featured page's own references, goes unseen.
func namesRelation(trees ...parse.Node) bool {
	names := map[string]bool{}
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		var idents []string
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walk(&n.BranchNode)
		case *parse.RangeNode:
			walk(&n.BranchNode)
		case *parse.WithNode:
			walk(&n.BranchNode)
		case *parse.BranchNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
			idents = n.Field
		case *parse.FieldNode:
			idents = n.Ident
		case *parse.VariableNode:
			idents = n.Ident[1:]
		}
		for _, id := range idents {
			names[id] = true
		}
	}
	for _, t := range trees {
		walk(t)
	}
	return names["Parent"] || names["Children"] || names["Translations"] || names["Tags"] && names["Pages"]
}

// note records that the page being rendered read k.
func (w *worker) note(k reads.Key) {
	if w.noting() {
		w.rd.Add(k)
	}
}

// noting reports whether the reads of the page being rendered are noted:
// a render that notes none (torv build) does not make their keys either,
// a string each, thousands on a list page.
func (w *worker) noting() bool { return w != nil && w.rd != nil }

// notePage records a read of page p as its file makes it, or a miss when
// there is none.
func (w *worker) notePage(p *content.Page) {
	if !w.noting() {
		return
	}
	if p == nil {
		w.note(reads.Miss)
		return
	}
	w.note(reads.Page(p.URL))
}

// noteRef records that a layout or config.toml named a page ref, and
// what it found, p or nothing.
func (w *worker) noteRef(ref string, p *content.Page) {
	if !w.noting() {
		return
	}
	if p == nil {
		w.note(reads.Ref(ref, ""))
		return
	}
	w.note(reads.Ref(ref, p.URL))
	w.notePage(p)
}

func (w *worker) notePages(ps []*content.Page) {
	for _, p := range ps {
		w.notePage(p)
	}
}

// noteLink records what a link of the page led to: a page, a file of
// content/, or nothing. External links read nothing of the site.
func (w *worker) noteLink(href string, internal, exists bool) {
	if !w.noting() {
		return
	}
	switch {
	case !internal:
	case !exists:
		w.note(reads.Miss)
	default:
		if i := strings.IndexAny(href, "?#"); i >= 0 {
			href = href[:i]
		}
		if href == "" {
			return // an anchor on the page itself
		}
		if p := w.r.site.PageByURL(href); p != nil {
			w.note(reads.Page(p.URL))
		} else {
			w.note(reads.File(href))
		}
	}
}

// noteView records the pages the View of page p hands the layouts: as
// links (title and address) or as pages, whose own fields a layout may
// show (reads.Page), and, where a layout is given what a page is made of
// (the lists, the menu made of the home page's lists), that too
// (reads.List). The page's own lists are part of itself.
func (w *worker) noteView(p *content.Page, v *View) {
	if !w.noting() {
		return
	}
	w.note(reads.Assets) // .CSS and .JS
	for a := p.Parent; a != nil; a = a.Parent {
		w.notePage(a)
	}
	w.notePages(p.Children)
	w.notePages(p.Translations)
	w.notePages(content.Refs(p))
	for _, t := range p.Tags {
		w.notePage(t.Page)
	}
	for _, l := range v.Languages {
		w.note(reads.Page(l.URL))
	}
	if menu := w.r.site.Config.Menu; len(menu) > 0 {
		for _, m := range menu {
			w.noteRef(m.Page, w.r.site.Ref(m.Page)) // and its translation in p's language
		}
	} else if home := w.r.site.HomeOf(p.Lang); home != nil {
		w.note(reads.List(home.URL)) // the menu is its lists
	}
	for _, m := range v.Menu {
		w.note(reads.Page(m.URL))
	}
	w.notePage(v.Home)
	w.notePages(v.List)
	if g := p.Pager(); g != nil {
		w.notePages(g.Pages)
	}
	for _, t := range v.Topics {
		w.notePage(t.Page)
		if t.Page != nil {
			w.note(reads.List(t.Page.URL)) // how many pages it has
		}
	}
	if v.Topic != nil {
		w.notePages(v.Topic.Pages)
	}
}

// SiteView is the site as layouts see it (.Site): config.toml, and the
// lists of every page, which a page that uses one reads as a whole.
type SiteView struct {
	Config *config.Config
	site   *content.Site
	w      *worker
}

// Pages is every page, generated ones included, sorted by URL.
func (s *SiteView) Pages() []*content.Page { s.w.note(reads.Site); return s.site.Pages }

// Home is the main language's home page.
func (s *SiteView) Home() *content.Page { s.w.note(reads.Site); return s.site.Home }

// Topics is every topic of every language.
func (s *SiteView) Topics() []*content.Topic { s.w.note(reads.Site); return s.site.Topics }

// Terms is every glossary term, A–Å.
func (s *SiteView) Terms() []*content.Page { s.w.note(reads.Site); return s.site.Terms }

// Laws is the law explainers by id.
func (s *SiteView) Laws() map[string]*content.Page { s.w.note(reads.Site); return s.site.Laws }

// Files is the other files below content/.
func (s *SiteView) Files() []string { s.w.note(reads.Site); return s.site.Files }
