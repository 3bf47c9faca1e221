package check

import (
	"bytes"
	"github.com/torv/torv/internal/parallel"
	"io/fs"
	"reflect"
	"strings"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/overlay"
	"github.com/torv/torv/internal/render"
)

// Site runs build's pipeline on a site folder without minifying or
// writing anything, and checks every page:
//
//   - config.toml, content/, assets/ and the layouts are read and checked
//     as build reads them, with the same errors;
//   - every page body is parsed once, with build's link resolution and
//     law citations (markup's CheckWith), which gives build's errors for
//     the body and the tree the rules read;
//   - the layouts are executed for every page whose front matter holds a
//     Markdown link (only the layouts resolve those), every page with a
//     layout of its own, and one page of every other layout and the 404
//     page: a layout that fails for every page fails there. A layout that
//     fails only for some pages' data is found by build (and build
//     -strict runs check too).
//
// Executing the layouts for all 10 000 pages of a large site would cost
// about as much as build's minifying and writing together; this is what
// makes check faster than build.
func Site(siteFS, defaults fs.FS, opts Options) *Report {
	rep := &Report{}
	cfg, errs := config.Parse(siteFS, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		rep.Diags = errs
		return rep
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			rep.Diags.Add(diag.Errorf("-baseurl", 0, 0, "%v", err).WithHint("write the full address, like https://borger.fjordby.dk/"))
			return rep
		}
	}
	site, errs := content.Load(siteFS, cfg, content.Options{Drafts: opts.Drafts})
	rep.Diags.Add(errs...)
	rep.Diags.Add(content.ConfigRefs(site)...)
	layers := overlay.New(siteFS, defaults)
	set, errs := assets.Build(layers, assets.NewMinifier())
	rep.Diags.Add(errs...)

	var c *Checker
	pages := pagesToCheck(site)
	index := make(map[string]int, len(pages))
	for i, p := range pages {
		index[p.File] = i
	}
	results := make([]*pageResult, len(pages))
	taken := make([]atomic.Bool, len(pages))
	md := markup.NewInspecting(func(file string, doc *ast.Document, src []byte) {
		if i, ok := index[file]; ok && taken[i].CompareAndSwap(false, true) {
			results[i] = c.check(pages[i], doc, src)
		}
	})
	c = New(site, md, opts)
	r, errs := render.New(layers, site, md, set)
	rep.Diags.Add(errs...)
	rep.Diags.Add(parseAll(md, site, pages, r)...)
	if r != nil {
		rep.Diags.Add(renderAll(r, toRender(site, r))...)
	}
	// Pages without a body.
	for i, p := range pages {
		if results[i] == nil {
			results[i] = c.parseAndCheck(p)
		}
	}
	// An anchor its page's headings do not have may be an id of the
	// layouts: render that page to see (rare).
	var rendered idsFunc
	if r != nil {
		rendered = func(u string, m map[string]bool) {
			if p := site.PageByURL(u); p != nil {
				b, _ := safeRender(r, p)
				htmlIDs(b, m)
			}
		}
	}
	rep.Pages = c.finish(results, rendered).Pages
	rep.Diags.Sort()
	return rep
}

// parseAll parses every page body on every core with build's link
// resolution, and returns the problems build would find in them; md's
// inspector checks each page on the way.
func parseAll(md *markup.Markdown, site *content.Site, pages []*content.Page, r *render.Renderer) diag.List {
	perr := make([]diag.List, len(pages))
	parallel.Each(len(pages), func(i int) {
		p := pages[i]
		if len(bytes.TrimSpace(p.Body)) == 0 {
			return // build converts no empty body
		}
		perr[i] = safeCheck(md, p, markup.Input{Link: linker(site, p, r), Cite: citer(site, p)})
	})
	var all diag.List
	for _, e := range perr {
		all.Add(e...)
	}
	return all
}

// linker resolves links as the renderer does; only whether a target
// exists matters here.
func linker(site *content.Site, p *content.Page, r *render.Renderer) markup.LinkFunc {
	return func(dest string, image bool) (string, bool, bool) {
		href, internal, exists := site.ResolveLink(p, dest)
		if r != nil && internal && exists && strings.HasPrefix(href, "/") {
			href = r.URL(href)
		}
		return href, internal, exists
	}
}

// citer answers for the law citations of page p as the renderer does, so
// that an unknown law is reported with the same suggestion.
func citer(site *content.Site, p *content.Page) markup.CiteFunc {
	return func(dest string) markup.Citation {
		c, _ := site.Cite(p, dest)
		return markup.Citation{Text: c.Text, Lang: c.Lang, Hint: c.Hint}
	}
}

func safeCheck(md *markup.Markdown, p *content.Page, in markup.Input) (errs diag.List) {
	defer func() {
		if x := recover(); x != nil {
			errs = diag.List{diag.Errorf(p.File, 0, 0, "torv could not read this page's Markdown (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return md.CheckWith(p.File, p.Body, in)
}

// toRender picks the pages whose layouts check executes: see Site.
func toRender(site *content.Site, r *render.Renderer) []*content.Page {
	var out []*content.Page
	seen := map[string]bool{}
	for _, p := range append(append([]*content.Page(nil), site.Pages...), notFoundPage(site, r)) {
		layout := p.Common().Layout
		name := layout
		if name == "" {
			name = string(p.Kind)
		}
		if !seen[name] || layout != "" || hasMarkdownLinks(reflect.ValueOf(p.Data)) {
			seen[name] = true
			out = append(out, p)
		}
	}
	return out
}

// hasMarkdownLinks reports whether any text of a front-matter struct holds
// a Markdown link ("[text](address)"), which only the layouts resolve.
// Pointers (references to other pages) are not followed.
func hasMarkdownLinks(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && hasMarkdownLinks(v.Elem())
	case reflect.Pointer:
		return v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem() != reflect.TypeFor[content.Page]() &&
			!v.IsNil() && hasMarkdownLinks(v.Elem())
	case reflect.String:
		return strings.Contains(v.String(), "](")
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && v.Field(i).Kind() != reflect.Pointer && hasMarkdownLinks(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if hasMarkdownLinks(v.Index(i)) {
				return true
			}
		}
	}
	return false
}

// renderAll renders pages on every core, as build does, for the errors.
func renderAll(r *render.Renderer, pages []*content.Page) diag.List {
	perr := make([]diag.List, len(pages))
	parallel.Each(len(pages), func(i int) { _, perr[i] = safeRender(r, pages[i]) })
	var all diag.List
	for _, e := range perr {
		all.Add(e...)
	}
	return all
}

func safeRender(r *render.Renderer, p *content.Page) (b []byte, errs diag.List) {
	defer func() {
		if x := recover(); x != nil {
			file := p.File
			if file == "" {
				file = p.URL
			}
			b, errs = nil, diag.List{diag.Errorf(file, 0, 0, "torv could not make this page (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return r.Page(p)
}

// notFoundPage is the page static hosts show for a missing address; it is
// rendered so that errors in layouts/404.html show here too.
func notFoundPage(site *content.Site, r *render.Renderer) *content.Page {
	title, _ := r.T(site.Config.Language, "page_not_found")
	return &content.Page{Kind: "404", URL: "/404.html", Lang: site.Config.Language,
		Data: &content.Plain{Common: content.Common{Title: title}}, Parent: site.Home}
}
