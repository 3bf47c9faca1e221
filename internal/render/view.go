package render

import (
	"html/template"
	"strings"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
)

// View is the dot of every template; see the package documentation.
type View struct {
	Site    *SiteView
	Page    *content.Page
	Content template.HTML
	Lang    string
	CSS     assets.Asset
	Crumbs  []Link
	Menu    []MenuItem
	List    []*content.Page
	Topics  []*content.Topic
	Topic   *content.Topic
	CSP     string                  // the Content-Security-Policy, the same as in _headers
	Pager   *Pager                  // on a list split into pages: this page's place; List is then this page's share
	JS      map[string]assets.Asset // the scripts of assets/js by file name ("open-now.js")

	// The site in the page's language.
	Home         *content.Page // the language's home page
	Title        string        // the site's title
	Description  string        // the site's description
	ContactHours string
	Languages    []LangLink // the language switcher: every language of the site; empty for a site in one
}

// LangLink is one language in the language switcher. URL is the page in
// that language, or that language's home page when the page has no
// translation (Translated false), and Note then says so in that language.
type LangLink struct {
	Lang, Name, URL, Note string
	Href                  string // the absolute URL, for <link rel="alternate" hreflang>
	Current, Translated   bool
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
			title = target.ShortTitle()
		}
		items = append(items, MenuItem{Title: title, URL: target.URL,
			Current: target == p,
			Active:  target != p && !target.IsHome() && strings.HasPrefix(p.URL, target.URL)})
	}
	if len(site.Config.Menu) > 0 {
		// Each entry in the page's language: its translation, titled as
		// the translation is (the entry's title is in the main language),
		// or left out when the language has none.
		main := p.Lang == site.Config.Language
		for _, m := range site.Config.Menu {
			t := site.Translation(site.Ref(m.Page), p.Lang)
			if t == nil {
				continue
			}
			if !main {
				m.Title = ""
			}
			add(t, m.Title)
		}
		return items
	}
	if home := site.HomeOf(p.Lang); home != nil {
		for _, c := range home.Children {
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
		out = append(out, Link{Title: a.ShortTitle(), URL: a.URL})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// languages builds the language switcher for page p, with each language's
// entry in that language: a reader looks for "Svenska", not "Swedish".
func (r *Renderer) languages(p *content.Page) ([]LangLink, error) {
	cfg := r.site.Config
	langs := cfg.SiteLanguages()
	if len(langs) < 2 {
		return nil, nil
	}
	out := make([]LangLink, 0, len(langs))
	for _, l := range langs {
		ll := LangLink{Lang: l, Name: content.LangName(l), Current: l == p.Lang}
		t := r.site.Translation(p, l)
		if t != nil {
			ll.URL, ll.Translated = t.URL, true
		} else {
			ll.URL = r.site.HomeOf(l).URL
			note, err := r.T(l, "lang_not_translated")
			if err != nil {
				return nil, err
			}
			ll.Note = note
		}
		ll.Href = r.absURL(ll.URL)
		out = append(out, ll)
	}
	return out, nil
}

// absURL makes a site path absolute with the base URL, for hreflang links,
// which search engines read only when absolute; a site without a base URL
// gets root-relative ones.
func (r *Renderer) absURL(sitePath string) string {
	u := r.URL(sitePath)
	base := r.site.Config.BaseURL
	if i := strings.Index(base, "://"); i >= 0 {
		if j := strings.IndexByte(base[i+3:], '/'); j >= 0 {
			base = base[:i+3+j]
		}
		return strings.TrimSuffix(base, "/") + u
	}
	return u
}

// Alternates are the page's languages for <link rel="alternate" hreflang>:
// the languages it is translated into, itself included, when there are at
// least two; a lone self-reference tells a search engine nothing.
func (v *View) Alternates() []LangLink {
	var out []LangLink
	for _, l := range v.Languages {
		if l.Translated {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
