package render

import (
	"html/template"
	"strings"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
)

// View is the dot of every template; see the package documentation.
type View struct {
	Site    *content.Site
	Page    *content.Page
	Content template.HTML
	Lang    string
	CSS     assets.Asset
	Crumbs  []Link
	Menu    []MenuItem
	List    []*content.Page
	Topics  []*content.Topic
	Topic   *content.Topic
	CSP     string // the Content-Security-Policy, the same as in _headers
}

// Link is a title and a site path.
type Link struct {
	Title, URL string
}

// MenuItem is one item of the main navigation. Current is the page itself;
// Active is a page inside the item's folder.
type MenuItem struct {
	Title, URL      string
	Current, Active bool
}

// menu builds the main navigation for page p: config.toml's [[menu]], or
// else the home page's list pages in order.
func menu(site *content.Site, p *content.Page) []MenuItem {
	var items []MenuItem
	add := func(target *content.Page, title string) {
		if target == nil {
			return
		}
		if title == "" {
			title = target.Title()
		}
		items = append(items, MenuItem{Title: title, URL: target.URL,
			Current: target == p,
			Active:  target != p && target.URL != "/" && strings.HasPrefix(p.URL, target.URL)})
	}
	if len(site.Config.Menu) > 0 {
		for _, m := range site.Config.Menu {
			add(site.Ref(m.Page), m.Title)
		}
		return items
	}
	if site.Home != nil {
		for _, c := range site.Home.Children {
			if c.IsList() {
				add(c, "")
			}
		}
	}
	return items
}

// crumbs lists p's ancestors, home first.
func crumbs(p *content.Page) []Link {
	var out []Link
	for a := p.Parent; a != nil; a = a.Parent {
		out = append(out, Link{Title: a.Title(), URL: a.URL})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
