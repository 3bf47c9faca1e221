package render

import "github.com/torv/torv/internal/content"

// Pager is a list page's place among the pages of its list, as the layouts
// see it (.Pager; nil on a page that is not one of several): the current
// page's number, how many there are, where the first, previous, next and
// last page are, the numbered links to show, and the pages this page lists
// (also .List). The links are all there is to it, so the list works
// without JavaScript; partials/pagination.html draws it.
type Pager struct {
	Number, Total           int
	First, Prev, Next, Last string // site paths; Prev is "" on the first page, Next on the last
	Links                   []PageLink
	Items                   []*content.Page
}

// PageLink is one numbered link of a pager. Gap says that pages are left
// out before it, so the partial can show "…" there.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pagerWindow is how many pages a list may have before the pager leaves
// some out: past it, the pager links the first and the last page and those
// next to the current one, so that it stays short enough for a 320 px
// screen however long the list grows.
const pagerWindow = 7

// newPager returns the pager of page p, or nil.
func newPager(p *content.Page) *Pager {
	g := p.Pager()
	if g == nil {
		return nil
	}
	v := &Pager{Number: g.Number, Total: g.Total(), First: g.First().URL, Last: g.Last().URL, Items: g.Items}
	if q := g.Prev(); q != nil {
		v.Prev = q.URL
	}
	if q := g.Next(); q != nil {
		v.Next = q.URL
	}
	v.Links = pagerLinks(g)
	return v
}

// pagerLinks picks the numbered links of a pager; see pagerWindow.
func pagerLinks(g *content.Pager) []PageLink {
	total := g.Total()
	show := func(n int) bool {
		if total <= pagerWindow || n == 1 || n == total || n >= g.Number-1 && n <= g.Number+1 {
			return true
		}
		// A gap of one page would take as much room as the page: show it.
		return n == 2 && g.Number == 4 || n == total-1 && g.Number == total-3
	}
	var out []PageLink
	last := 0
	for n := 1; n <= total; n++ {
		if !show(n) {
			continue
		}
		out = append(out, PageLink{Number: n, URL: g.Pages[n-1].URL, Current: n == g.Number, Gap: n > last+1})
		last = n
	}
	return out
}
