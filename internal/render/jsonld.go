package render

import (
	"html/template"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/jsonld"
	"github.com/torv/torv/internal/outputs"
)

// jsonld is the page's schema.org JSON-LD (package jsonld), for the
// layouts' <script type="application/ld+json">; "" when it has none. It
// reads what the View already hands the layouts (the page, its
// ancestors, the home page) and config.toml, so it adds nothing to what
// the page read.
func (w *worker) jsonld(v *View) (template.JS, error) {
	in := jsonld.Input{Page: v.Page, Site: w.r.site, Abs: w.r.absURL}
	for _, c := range v.Crumbs {
		in.Crumbs = append(in.Crumbs, jsonld.Crumb{Name: c.Title, Path: c.URL})
	}
	if d, ok := v.Page.Data.(*content.Place); ok && d.StepFree {
		s, err := w.r.T(v.Page.Lang, "step_free")
		if err != nil {
			return "", err
		}
		in.StepFree = s
	}
	b, err := jsonld.Graph(in)
	if err != nil {
		return "", err
	}
	// Safe as a script element's text: encoding/json wrote <, > and & as
	// \u escapes, so it cannot end the element.
	return template.JS(b), nil
}

// FeedLink is a feed a page links to with <link rel="alternate"
// type="application/atom+xml">: its title and site path.
type FeedLink struct {
	Title, Path string
}

// feeds are the Atom feeds page p belongs to (outputs.FeedsOf): its news
// section's, or on a home page its language's changes. They are made of
// p, its ancestors and config.toml, which the page read already.
func (r *Renderer) feeds(p *content.Page) ([]FeedLink, error) {
	var out []FeedLink
	for _, f := range outputs.FeedsOf(r.site, p) {
		title, err := f.Title(r.site.Config, r.T)
		if err != nil {
			return nil, err
		}
		out = append(out, FeedLink{Title: title, Path: f.Path})
	}
	return out, nil
}
