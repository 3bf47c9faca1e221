package content

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// This file splits long lists into pages. A section whose list holds more
// pages than fit on one gets generated pages for the rest: /nyheder/ shows
// the first ten, /nyheder/side/2/ the next ten, and so on. They are real
// pages of the Site, in Pages and at their URLs, so that a full build and
// the preview's incremental one (which both render Site.Pages) make them
// alike, and so that links to them are checked like any other. Nothing but
// plain links leads from one to the next: the list works without
// JavaScript, in every browser and in print.
//
// A further page is a copy of its list page without the body (the
// introduction stands on the first page only): the same kind and layout,
// title, language and parent, so its breadcrumbs and menu are the list's.

// DefaultPerPage is how many pages one page of a list shows when its
// _index.md has no paginate key; MaxPerPage is the most it may ask for, as a
// longer page stops being a page of a list.
const (
	DefaultPerPage = 10
	MaxPerPage     = 100
)

// pageSegments are the URL folder of a list's further pages in each
// language: /nyheder/side/2/, /en/news/page/2/. URLs are made when the site
// is read, before any UI string is, and a published URL must not move when
// a municipality rewords a UI string (links to page 2 would break), so the
// word is fixed per language here, as the topic index's titles are.
var pageSegments = map[string]string{"da": "side", "nb": "side", "sv": "sida", "en": "page"}

// Pager is one page of a list split into pages.
type Pager struct {
	Number int     // 1 for the list page itself
	Pages  []*Page // every page of the list, the list page (its _index.md) first
	Items  []*Page // the pages this page lists: its share of the list page's Children
}

// Total returns how many pages the list has.
func (g *Pager) Total() int { return len(g.Pages) }

// First returns the list page itself.
func (g *Pager) First() *Page { return g.Pages[0] }

// Last returns the list's last page.
func (g *Pager) Last() *Page { return g.Pages[len(g.Pages)-1] }

// Prev returns the page before this one, or nil on the first.
func (g *Pager) Prev() *Page {
	if g.Number <= 1 {
		return nil
	}
	return g.Pages[g.Number-2]
}

// Next returns the page after this one, or nil on the last.
func (g *Pager) Next() *Page {
	if g.Number >= len(g.Pages) {
		return nil
	}
	return g.Pages[g.Number]
}

// Pager returns p's place among its list's pages: on a list split into
// pages, the list page itself and each further page have one; any other
// page, and a list that fits on one page, has none.
func (p *Page) Pager() *Pager {
	if d, ok := p.Data.(*Section); ok {
		return d.pager
	}
	return nil
}

// PerPage returns how many pages one page of the list shows: its
// paginate, else config.toml's [lists] per_page, else DefaultPerPage.
func (d *Section) PerPage(cfg *config.Config) int {
	if d.Paginate > 0 {
		return d.Paginate
	}
	if cfg != nil && cfg.Lists.PerPage > 0 {
		return cfg.Lists.PerPage
	}
	return DefaultPerPage
}

// paginate splits every section's list that does not fit on one page. It
// runs last in link, when Children are sorted, and sets the pager of every
// section afresh: Assemble links pages read for an earlier Site again, and
// a list may have shrunk to one page since.
func (s *Site) paginate(errs *diag.List) {
	if !s.Config.SplitLists() {
		for _, p := range s.Pages {
			if d, ok := p.Data.(*Section); ok {
				d.pager = nil
			}
		}
		return
	}
	var lists [][]*Page
	for i, n := 0, len(s.Pages); i < n; i++ { // s.Pages grows while we walk it
		p := s.Pages[i]
		d, ok := p.Data.(*Section)
		if !ok {
			continue
		}
		d.pager = nil
		if p.Kind != KindSection {
			continue // the home page and the topic pages list everything on one
		}
		if d.Paginate == 0 && AllOfKind(p.Children, KindTerm) {
			continue // a glossary is one page A–Å, its letters linked from the top
		}
		per := d.PerPage(s.Config)
		total := (len(p.Children) + per - 1) / per
		if total < 2 {
			continue
		}
		pages := s.pagesOf(p, d, total, errs)
		if pages == nil {
			continue
		}
		for k, q := range pages {
			lo := k * per
			hi := min(lo+per, len(p.Children))
			q.Data.(*Section).pager = &Pager{Number: k + 1, Pages: pages, Items: p.Children[lo:hi:hi]}
		}
		for _, q := range pages[1:] {
			s.byURL[q.URL] = q
			s.Pages = append(s.Pages, q)
		}
		lists = append(lists, pages)
	}
	if lists == nil {
		return
	}
	// A further page's translation is the same page of the translated list,
	// or that list's first page when it is shorter: the language switcher
	// then leads to the list rather than to the home page.
	for _, pages := range lists {
		for k, q := range pages[1:] {
			for _, t := range pages[0].Translations {
				if g := t.Pager(); g != nil && k+1 < g.Total() {
					t = g.Pages[k+1]
				}
				q.Translations = append(q.Translations, t)
			}
		}
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
}

// pagesOf makes the further pages of list page p, which holds total pages,
// and returns them after p; it returns nil, with an error, when one of
// their URLs is taken.
func (s *Site) pagesOf(p *Page, d *Section, total int, errs *diag.List) []*Page {
	seg := cmp.Or(pageSegments[p.Lang], pageSegments["da"])
	pages := make([]*Page, total)
	pages[0] = p
	for k := 2; k <= total; k++ {
		u := p.URL + seg + "/" + strconv.Itoa(k) + "/"
		if taken := s.byURL[u]; taken != nil {
			file, line, col := taken.File, 0, 0
			if p.File != "" {
				file = p.File
				line, col = p.Pos("paginate")
			}
			errs.Add(diag.Errorf(file, line, col, "page %d of the list %s would be at %s, but %s is there", k, p.URL, u, pageName(taken)).
				WithHint("rename the folder %q, or show more on each page with a higher paginate in the list's _index.md", seg))
			return nil
		}
		data := *d
		data.Common.Tags = nil // the topics list the list page, not its further pages
		pages[k-1] = &Page{Kind: p.Kind, URL: u, Section: p.Section, Lang: p.Lang, Data: &data,
			Parent: p.Parent, titleKey: p.titleKey, dir: p.dir}
	}
	return pages
}

// pageName names a page in a message: its file, or its URL when torv made it.
func pageName(p *Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}
