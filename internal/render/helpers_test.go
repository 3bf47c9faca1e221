package render_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/render"
)

const siteConfig = `title = "Testby"
municipality = "Testby Kommune"
baseurl = "https://test.example/borger/"

[sections]
lov = "law"
`

// loadSite reads a site from files (path -> text) with the config above
// (or files["config.toml"]) and a home page unless files give their own.
func loadSite(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte(siteConfig)},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Forside\"\n+++\n\nVelkommen.\n")},
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return siteOf(t, fsys)
}

// siteOf reads the site of fsys, which must have no mistakes.
func siteOf(t testing.TB, fsys fs.FS) *content.Site {
	t.Helper()
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatalf("config: %v", errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if len(errs.Errors()) > 0 {
		t.Fatalf("content: %v", errs)
	}
	return site
}

// layoutFS is a minimal layouts/ and i18n/ with files added or replaced.
func layoutFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"layouts/base.html":          {Data: []byte("<main>{{template \"main\" .}}</main>\n")},
		"layouts/page.html":          {Data: []byte("{{define \"main\"}}<h1>{{.Page.Title}}</h1>\n{{.Content}}{{end}}")},
		"layouts/partials/hej.html":  {Data: []byte("<p>{{t \"hello\"}}</p>")},
		"i18n/da.toml":               {Data: []byte("hello = \"Hej\"\n")},
		"i18n/sv.toml":               {Data: []byte("hello = \"Hej\"\n")},
		"i18n/en.toml":               {Data: []byte("hello = \"Hello\"\n")},
		"layouts/partials/tom.html":  {Data: []byte("")},
		"layouts/partials/note.html": {Data: []byte("{{/* a comment */}}")},
	}
	for name, text := range files {
		if text == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func newRenderer(t *testing.T, fsys fstest.MapFS, site *content.Site) (*render.Renderer, diag.List) {
	t.Helper()
	set := &assets.Set{CSS: assets.Asset{URL: "/css/style.12345678.css", Integrity: "sha384-x"}}
	return render.New(fsys, site, markup.New(), set)
}

// renderPage renders the page of a content path and fails the test when
// the Renderer cannot be built.
func renderPage(t *testing.T, layouts fstest.MapFS, site *content.Site, file string) (string, diag.List) {
	t.Helper()
	r, errs := newRenderer(t, layouts, site)
	if r == nil {
		t.Fatalf("render.New: %v", errs)
	}
	p := site.PageByFile(file)
	if p == nil {
		t.Fatalf("no page %s", file)
	}
	b, errs := r.Page(p)
	return string(b), errs
}
