package build

import (
	"bytes"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/overlay"
	"github.com/torv/torv/internal/render"
)

// Options changes what a build makes.
type Options struct {
	Drafts  bool   // include drafts
	BaseURL string // overrides config.toml's baseurl
	Strict  bool   // warnings fail the build
}

// Result is what a build made and found.
type Result struct {
	Output *Output       // nil when the build failed
	Site   *content.Site // whatever loaded, even when the build failed
	Diags  diag.List     // every error and warning, sorted
	Pages  int           // pages rendered
	Timing map[string]time.Duration
}

// Failed reports whether the build has errors (or, when strict, warnings).
func (r *Result) Failed(strict bool) bool { return r.Diags.Err(strict) != nil }

// Build runs the pipeline on the site folder siteFS, with defaults (the
// embedded layouts, assets and i18n) under the site's own.
func Build(siteFS, defaults fs.FS, opts Options) *Result {
	res := &Result{Timing: map[string]time.Duration{}}
	t0 := time.Now()
	lap := func(name string) {
		now := time.Now()
		res.Timing[name] = now.Sub(t0)
		t0 = now
	}
	cfg, errs := config.Parse(siteFS, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		res.Diags = errs
		return res
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			res.Diags.Add(diag.Errorf("-baseurl", 0, 0, "%v", err).WithHint("write the full address, like https://borger.fjordby.dk/"))
			return res
		}
	}
	site, errs := content.Load(siteFS, cfg, content.Options{Drafts: opts.Drafts})
	res.Site = site
	res.Diags.Add(errs...)
	checkConfigRefs(site, &res.Diags)
	lap("load")

	layers := overlay.New(siteFS, defaults)
	min := assets.NewMinifier()
	set, errs := assets.Build(layers, min)
	res.Diags.Add(errs...)
	lap("assets")
	md := markup.New()
	r, errs := render.New(layers, site, md, set)
	res.Diags.Add(errs...)
	if r == nil {
		res.Diags.Sort()
		return res
	}
	// The topic index torv makes itself is titled in the site's language.
	if idx := site.PageByURL("/" + cfg.Taxonomy.Path + "/"); idx != nil && idx.Kind == content.KindTopics && idx.File == "" {
		if title, err := r.T(cfg.Language, "topics"); err == nil {
			idx.Common().Title = title
		}
	}
	out := NewOutput()
	pages := append([]*content.Page(nil), site.Pages...)
	pages = append(pages, notFoundPage(site, r))
	pages, owners, errs := placePages(pages)
	res.Diags.Add(errs...)
	res.Diags.Add(renderPages(r, pages, min, cfg.MinifyHTML(), out)...)
	res.Pages = len(pages)
	lap("render")

	var files []outFile
	for _, f := range site.Files {
		b, err := fs.ReadFile(siteFS, content.Dir+"/"+f)
		if err != nil {
			res.Diags.Add(diag.Errorf(content.Dir+"/"+f, 0, 0, "cannot read: %v", err))
			continue
		}
		files = append(files, contentFile(f, b))
	}
	static, errs := readStatic(siteFS)
	res.Diags.Add(errs...)
	kept, errs := placeFiles(owners, madeFiles(set, site, cfg, r), files, static)
	res.Diags.Add(errs...)
	for _, f := range kept {
		if err := out.Add(f.name, f.b); err != nil {
			res.Diags.Add(diag.Errorf(f.from.name, 0, 0, "%v", err))
		}
	}
	lap("files")
	res.Diags.Sort()
	if !res.Failed(opts.Strict) {
		res.Output = out
	}
	return res
}

// safeRender is r.Page that turns a panic in a dependency into an error at
// the page, so one strange page cannot take the build down.
func safeRender(r *render.Renderer, p *content.Page) (b []byte, errs diag.List) {
	defer func() {
		if x := recover(); x != nil {
			b, errs = nil, diag.List{diag.Errorf(p.File, 0, 0, "torv could not make this page (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return r.Page(p)
}

// renderPages renders pages on every core into out.
func renderPages(r *render.Renderer, pages []*content.Page, min *minify.M, minifyHTML bool, out *Output) diag.List {
	perr := make([]diag.List, len(pages))
	var wg sync.WaitGroup
	work := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range work {
				p := pages[i]
				b, errs := safeRender(r, p)
				perr[i] = errs
				if b == nil {
					continue
				}
				if minifyHTML {
					buf.Reset()
					if err := min.Minify("text/html", &buf, bytes.NewReader(b)); err == nil {
						b = bytes.Clone(buf.Bytes())
					}
				}
				if err := out.Add(outputPath(p.URL), b); err != nil {
					perr[i].Add(diag.Errorf(p.File, 0, 0, "%v", err))
				}
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

// outputPath is the file of a page URL: "/lov/x/" -> "lov/x/index.html".
func outputPath(u string) string {
	if strings.HasSuffix(u, ".html") {
		return strings.TrimPrefix(u, "/")
	}
	return path.Join(strings.TrimPrefix(u, "/"), "index.html")
}

// notFoundPage is the page static hosts show for a missing address.
func notFoundPage(site *content.Site, r *render.Renderer) *content.Page {
	title, _ := r.T(site.Config.Language, "page_not_found")
	return &content.Page{Kind: "404", URL: "/404.html", Lang: site.Config.Language,
		Data: &content.Plain{Common: content.Common{Title: title}}, Parent: site.Home}
}

// checkConfigRefs adds content.ConfigRefs's findings to errs.
func checkConfigRefs(site *content.Site, errs *diag.List) { errs.Add(content.ConfigRefs(site)...) }
