package jsonld

import (
	"strings"

	"github.com/torv/torv/internal/content"
)

// Input is what a page's JSON-LD is made of besides the page.
type Input struct {
	Page *content.Page
	Site *content.Site
	// Abs is the address of a site path: absolute with a full base URL,
	// with the base path without one.
	Abs func(sitePath string) string
	// Crumbs are the page's ancestors, the home page first, as the
	// breadcrumbs name them.
	Crumbs []Crumb
	// StepFree names step-free access in the page's language ("Adgang
	// uden trin"), for a place's amenityFeature.
	StepFree string
}

// Crumb is one step of the breadcrumbs: a name and a site path.
type Crumb struct {
	Name, Path string
}

// node is one schema.org thing. appendJSON writes its keys in order, so
// the output does not change between builds, and "@type" comes first.
type node = map[string]any

// Graph returns page in.Page's JSON-LD, or nil when it has none (the
// page for missing addresses).
func Graph(in Input) ([]byte, error) {
	p := in.Page
	if p.Kind == "404" {
		return nil, nil
	}
	var graph []node
	switch d := p.Data.(type) {
	case *content.Home:
		graph = append(graph, website(in))
	case *content.Place:
		graph = append(graph, office(in, d))
	case *content.News:
		graph = append(graph, article(in))
	case *content.Law:
		graph = append(graph, service(in, d))
	}
	if len(in.Crumbs) > 0 {
		graph = append(graph, breadcrumbs(in))
	}
	if len(graph) == 0 {
		return nil, nil
	}
	// appendJSON escapes <, > and &: see the package documentation.
	return appendJSON(make([]byte, 0, 1024), node{"@context": "https://schema.org", "@graph": graph})
}

// set adds key with value v to n when v is not empty.
func set(n node, key string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		n[key] = v
	}
}

// organisation is config.toml's municipality, with its contact details.
func organisation(in Input) node {
	cfg := in.Site.Config
	n := node{"@type": "GovernmentOrganization", "name": cfg.Municipality}
	if home := in.Site.HomeOf(in.Page.Lang); home != nil {
		n["url"] = in.Abs(home.URL)
	}
	set(n, "telephone", cfg.Contact.Phone)
	set(n, "email", cfg.Contact.Email)
	return n
}

// website is a home page: the site in the page's language.
func website(in Input) node {
	cfg := in.Site.Config
	p := in.Page
	n := node{"@type": "WebSite", "name": cfg.TitleIn(p.Lang), "url": in.Abs(p.URL), "inLanguage": p.Lang,
		"publisher": organisation(in)}
	set(n, "description", cmpOr(p.Description(), cfg.DescriptionIn(p.Lang)))
	return n
}

// article is a news item.
func article(in Input) node {
	p := in.Page
	org := organisation(in)
	n := node{"@type": "NewsArticle", "headline": p.Title(), "url": in.Abs(p.URL), "mainEntityOfPage": in.Abs(p.URL),
		"inLanguage": p.Lang, "author": org, "publisher": org}
	set(n, "description", p.Description())
	set(n, "datePublished", p.Date().ISO())
	set(n, "dateModified", p.Updated().ISO())
	return n
}

// service is a law explainer: the service the organisation gives under
// the law it explains.
func service(in Input, d *content.Law) node {
	p := in.Page
	n := node{"@type": "GovernmentService", "name": p.Title(), "url": in.Abs(p.URL),
		"serviceType": strings.TrimSpace(d.Law + " " + d.Paragraph), "provider": organisation(in)}
	set(n, "description", p.Description())
	return n
}

// breadcrumbs is the page's place below its home page: its ancestors and
// itself.
func breadcrumbs(in Input) node {
	var items []node
	add := func(name, path string) {
		items = append(items, node{"@type": "ListItem", "position": len(items) + 1, "name": name, "item": in.Abs(path)})
	}
	for _, c := range in.Crumbs {
		add(c.Name, c.Path)
	}
	add(in.Page.Title(), in.Page.URL)
	return node{"@type": "BreadcrumbList", "itemListElement": items}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
