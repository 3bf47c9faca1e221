package build

import (
	"bytes"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/render"
)

// This file predicts which pages an edit shows on: the rules the package
// documentation lists under Incremental builds.

// dependents adds to want the URLs of the pages that show page p and
// reports whether every page does: list pages are in every page's
// breadcrumbs or menu, pages named by config.toml or a layout may be on
// every page, and glossary terms and laws may be cited from any text.
func (s *Session) dependents(p *content.Page, refs map[*content.Page][]*content.Page, want map[string]bool) (all bool) {
	want[p.URL] = true
	if p.IsList() && p.Kind != content.KindTopic && p.Kind != content.KindTopics || len(p.Children) > 0 {
		return true
	}
	if p.Kind == content.KindTerm || p.Kind == content.KindLaw {
		return true
	}
	for _, ref := range s.global {
		if s.site.Ref(ref) == p {
			return true
		}
	}
	if p.Parent != nil {
		listPages(p.Parent, want) // the page may move from one page of the list to another
	}
	for a := p.Parent; a != nil; a = a.Parent {
		want[a.URL] = true // its list, and "Senest opdateret" of lists without a date of their own
	}
	for _, t := range p.Translations {
		want[t.URL] = true // their language switcher and hreflang links
	}
	for _, t := range p.Tags {
		want[t.URL] = true
		if t.Page != nil && t.Page.Parent != nil {
			want[t.Page.Parent.URL] = true // the topic index counts its pages
		}
	}
	for _, q := range refs[p] {
		want[q.URL] = true
	}
	return false
}

// linkers adds to want the pages whose links may point at p, a page that
// appeared or went away, and reports whether every page must be rendered.
func (s *Session) linkers(p *content.Page, want map[string]bool) (all bool) {
	if g := p.Pager(); g != nil && g.Number > 1 {
		listPages(p, want) // a further page of a list: only the list's pages lead to it
		return false
	}
	if p.Kind == content.KindHome || p.Kind == content.KindSection {
		return true // in the menu or the breadcrumbs
	}
	if p.Kind == content.KindTopic || p.Kind == content.KindTopics {
		want[s.cfg.LangPrefix(p.Lang)+"/"+s.cfg.Taxonomy.Path+"/"] = true
	}
	for _, t := range p.Translations {
		want[t.URL] = true // their language switcher leads here now, or no longer
	}
	for _, k := range pageKeys(p) {
		for file := range s.links[k] {
			if q := s.site.PageByFile(strings.TrimPrefix(file, content.Dir+"/")); q != nil {
				want[q.URL] = true
			}
		}
	}
	return false
}

// listPages adds to want every page of list page p when the list is split
// into pages: which page shows an item, and how many pages there are,
// changes with any item.
func listPages(p *content.Page, want map[string]bool) {
	if g := p.Pager(); g != nil {
		for _, q := range g.Pages {
			want[q.URL] = true
		}
	}
}

// dataReaders returns the Markdown files whose pages read one of the
// changed other files (paths relative to content/): a chart's CSV file,
// which is read with its page, so a change to it is a change to the page.
func (s *Session) dataReaders(changed map[string]bool) map[string]bool {
	out := map[string]bool{}
	if len(changed) == 0 {
		return out
	}
	for f, pr := range s.parsed {
		if pr.Page == nil {
			continue
		}
		for _, d := range pr.Page.DataFiles() {
			if changed[strings.TrimPrefix(d, content.Dir+"/")] {
				out[f] = true
			}
		}
	}
	return out
}

// references maps each page to the pages that name it in their front
// matter: the home page's featured, a theme's initiatives, an
// initiative's theme.
func references(site *content.Site) map[*content.Page][]*content.Page {
	refs := map[*content.Page][]*content.Page{}
	for _, p := range site.Pages {
		switch d := p.Data.(type) {
		case *content.Home:
			for _, q := range d.Featured {
				refs[q] = append(refs[q], p)
			}
		case *content.Theme:
			for _, q := range d.Initiatives {
				refs[q] = append(refs[q], p)
			}
		case *content.Initiative:
			if d.Theme != nil {
				refs[d.Theme] = append(refs[d.Theme], p)
			}
		}
	}
	return refs
}

func pagesByURL(site *content.Site) map[string]*content.Page {
	m := make(map[string]*content.Page, len(site.Pages))
	for _, p := range site.Pages {
		m[p.URL] = p
	}
	return m
}

func sameFrontMatter(a, b *content.Page) bool {
	at, al := a.FrontMatter()
	bt, bl := b.FrontMatter()
	return at == bt && al == bl && a.URL == b.URL && a.Kind == b.Kind
}

// index records the link keys of a Markdown file: the last part of every
// link destination in its body and front matter.
func (s *Session) index(file string) {
	for _, k := range s.keysOf[file] {
		delete(s.links[k], file)
	}
	delete(s.keysOf, file)
	pr := s.parsed[file]
	if pr == nil || pr.Page == nil {
		return
	}
	front, _ := pr.Page.FrontMatter()
	keys := linkKeys([]byte(front), pr.Page.Body)
	s.keysOf[file] = keys
	for _, k := range keys {
		if s.links[k] == nil {
			s.links[k] = map[string]bool{}
		}
		s.links[k][file] = true
	}
}

// linkKeys finds the destinations of Markdown links and reference
// definitions ("](dest" and "]: dest") in texts and returns the key of
// each (see linkKey). It may find more than goldmark does; that costs a
// page rendered for nothing, never a page missed.
func linkKeys(texts ...[]byte) []string {
	seen := map[string]bool{}
	var keys []string
	for _, b := range texts {
		for _, sep := range [][]byte{[]byte("]("), []byte("]:")} {
			rest := b
			for {
				i := bytes.Index(rest, sep)
				if i < 0 {
					break
				}
				rest = rest[i+2:]
				d := bytes.TrimLeft(rest, " \t")
				var dest []byte
				if len(d) > 0 && d[0] == '<' {
					end := bytes.IndexByte(d, '>')
					if end < 0 {
						continue
					}
					dest = d[1:end]
				} else {
					end := bytes.IndexAny(d, " \t\r\n)")
					if end < 0 {
						end = len(d)
					}
					dest = d[:end]
				}
				if k := linkKey(string(dest)); k != "" && !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// linkKey is the key a link destination is filed under: its last path
// segment in lower case, without ".md", and the folder's name for
// "_index.md": "../lov/sygedagpenge.md", "/lov/sygedagpenge/" and
// "sygedagpenge" all give "sygedagpenge". External links, anchors and
// links to a folder above ("../") give "".
func linkKey(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
		return "" // a scheme: not a page of the site
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	dest = strings.TrimSuffix(dest, "/")
	base := path.Base(dest)
	if base == "_index.md" || (strings.HasPrefix(base, "_index.") && len(base) == len("_index.en.md")) {
		base = path.Base(path.Dir(dest)) // _index.en.md too
	}
	base = strings.ToLower(strings.TrimSuffix(base, ".md"))
	switch base {
	case "", ".", "..", "/":
		return ""
	}
	return base
}

// pageKeys are the keys under which links to page p are filed: the last
// segment of its URL and its file's name.
func pageKeys(p *content.Page) []string {
	keys := []string{linkKey(p.URL)}
	if p.File != "" {
		if k := linkKey(p.File); k != keys[0] {
			keys = append(keys, k)
		}
	}
	return keys
}

var pageCall = regexp.MustCompile(`\bpage\s+"([^"]*)"`)

var siteLists = regexp.MustCompile(`\.Site\.(Pages|Topics|Terms|Laws|Home)\b`)

// layoutRefs reads the layouts for what a page's rendering may take from
// other pages: the pages named by page "x" (and config.toml's menu and
// contact page), which may be on every page, and the layouts that read the
// site's lists of pages ("" for base.html and the partials, which every
// page uses).
func layoutRefs(fsys fs.FS, cfg *config.Config) (global []string, readers map[string]bool) {
	readers = map[string]bool{}
	for _, m := range cfg.Menu {
		global = append(global, m.Page)
	}
	if cfg.Contact.Page != "" {
		global = append(global, cfg.Contact.Page)
	}
	global = append(global, cfg.FeedbackPage()) // partials/feedback.html, on every page
	files, _ := fs.Glob(fsys, render.LayoutDir+"/*.html")
	partials, _ := fs.Glob(fsys, render.LayoutDir+"/partials/*.html")
	for _, f := range append(files, partials...) {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		for _, m := range pageCall.FindAllSubmatch(b, -1) {
			global = append(global, string(m[1]))
		}
		if siteLists.Match(b) {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if name == "base" || strings.Contains(f, "/partials/") {
				name = ""
			}
			readers[name] = true
		}
	}
	return global, readers
}

// layoutName is the layout page p is rendered with, as the renderer
// chooses it.
func layoutName(p *content.Page) string {
	if l := p.Common().Layout; l != "" {
		return l
	}
	return string(p.Kind)
}

// inDir reports whether slash path p is dir or inside it.
func inDir(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
