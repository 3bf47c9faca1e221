package check

import (
	"io/fs"
	"runtime"
	"strconv"
	"sync"
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

// Site runs build's pipeline on a site folder (config, content, assets,
// layouts, every page rendered) without minifying or writing anything, and
// checks every page on the tree the renderer parses: each page is parsed
// once, for its HTML and its findings together. The report holds the
// pipeline's own errors and warnings beside the findings, so that "torv
// check" reports everything "torv build" would.
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
	configRefs(site, &rep.Diags)
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
	if r != nil {
		rep.Diags.Add(renderAll(r, site)...)
	} else {
		rep.Diags.Add(errs...)
	}
	// Pages the renderer did not parse: no body, or a layout that failed
	// before the body.
	for i, p := range pages {
		if results[i] == nil {
			results[i] = c.parseAndCheck(p)
		}
	}
	// An anchor its page's headings do not have may be an id of the
	// layouts: render the page again to see (rare, so cheaper than
	// keeping every page's ids).
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

// renderAll renders every page on every core, as build does, for the
// errors.
func renderAll(r *render.Renderer, site *content.Site) diag.List {
	pages := append([]*content.Page(nil), site.Pages...)
	pages = append(pages, notFoundPage(site, r))
	perr := make([]diag.List, len(pages))
	var wg sync.WaitGroup
	work := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				_, perr[i] = safeRender(r, pages[i])
			}
		})
	}
	for i := range pages {
		work <- i
	}
	close(work)
	wg.Wait()
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

// configRefs reports config.toml entries that name pages that do not
// exist, as build does.
func configRefs(site *content.Site, errs *diag.List) {
	cfg := site.Config
	for i, m := range cfg.Menu {
		if site.Ref(m.Page) == nil {
			line, col := cfg.Pos("menu." + strconv.Itoa(i) + ".page")
			errs.Add(diag.Errorf(config.File, line, col, "the menu names %q, but there is no such page", m.Page).
				WithHint(`write the path of a file below content/, like page = "lov/_index.md"`))
		}
	}
	if p := cfg.Contact.Page; p != "" && site.Ref(p) == nil {
		line, col := cfg.Pos("contact.page")
		errs.Add(diag.Errorf(config.File, line, col, "contact page %q does not exist", p).
			WithHint(`write the path of a file below content/, like page = "kontakt.md"`))
	}
}
