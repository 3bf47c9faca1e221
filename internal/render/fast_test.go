package render_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/render"
)

// TestFastTemplatesSameOutput renders every page of the example site (the
// repository's own) with the compiled templates and with html/template
// alone: the pages must be byte for byte the same, and html/template must
// have rendered only the pages where a Program failed, not each layout's
// first page (the escaping that compiling needs renders nothing).
func TestFastTemplatesSameOutput(t *testing.T) {
	site := exampleSite(t)
	fast, slow := exampleRenderer(t, site), exampleRenderer(t, site)
	render.NoFast(slow)
	for _, p := range site.Pages {
		got, gerrs := fast.Page(p)
		want, werrs := slow.Page(p)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: the compiled templates made other HTML than html/template", p.URL)
		}
		if len(gerrs) != len(werrs) {
			t.Fatalf("%s: %d messages, html/template's %d", p.URL, len(gerrs), len(werrs))
		}
	}
	f, s, failed := render.Executions(fast)
	if s != failed || f < int64(len(site.Pages)) {
		t.Errorf("%d executions compiled, %d by html/template, %d Programs failed: html/template should render only where a Program failed", f, s, failed)
	}
	t.Logf("%d pages: %d executions compiled, %d by html/template", len(site.Pages), f, s)
}

// TestFastTemplatesFallBack renders pages whose layout the compiled
// templates give up on half way, after md has reported a broken link in
// the description: html/template makes each page, the link is reported
// once a page, and the output is html/template's (the tags of HTML in an
// attribute stripped).
func TestFastTemplatesFallBack(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("content/sider/s%02d.md", i)] = "+++\ntitle = \"S\"\ndescription = \"Se [bilaget](nej.md).\"\n+++\n\nEn <b>tekst</b> om *noget*.\n"
	}
	site := loadSite(t, files)
	layouts := layoutFS(map[string]string{"layouts/page.html": `{{define "main"}}<p>{{md .Page.Description}}</p><p title="{{.Content}}">{{.Page.Title}}</p>{{end}}`})
	r, errs := newRenderer(t, layouts, site)
	if r == nil {
		t.Fatal(errs)
	}
	for i := range 40 {
		p := site.PageByFile(fmt.Sprintf("sider/s%02d.md", i))
		out, errs := r.Page(p)
		if n := len(errs.Errors()); n != 1 {
			t.Fatalf("%s: %d errors, want the broken link once: %v", p.File, n, errs)
		}
		want := `<main><p>Se <a href="nej.md">bilaget</a>.</p><p title="En tekst om noget.` + "\n" + `">S</p></main>` + "\n"
		if string(out) != want {
			t.Fatalf("%s: got\n%s\nwant\n%s", p.File, out, want)
		}
	}
	// One worker: its Program fails MaxFails times, then is let go.
	if fast, slow, failed := render.Executions(r); fast != 0 || slow != 40 || failed != render.MaxFails {
		t.Errorf("%d pages compiled, %d by html/template, %d failed; want 0, 40 and %d", fast, slow, failed, render.MaxFails)
	}
}

// exampleSite is the repository's own example site.
func exampleSite(t testing.TB) *content.Site { return siteOf(t, os.DirFS("../..")) }

func exampleRenderer(t testing.TB, site *content.Site) *render.Renderer {
	set := &assets.Set{CSS: assets.Asset{URL: "/css/style.12345678.css", Integrity: "sha384-x"}}
	r, errs := render.New(os.DirFS("../.."), site, markup.New(), set)
	if r == nil {
		t.Fatalf("render.New: %v", errs)
	}
	return r
}

// BenchmarkExampleSite renders every page of the example site, with the
// compiled templates and with html/template alone:
// go test -run X -bench ExampleSite ./internal/render
func BenchmarkExampleSite(b *testing.B) {
	site := exampleSite(b)
	for _, slow := range []bool{false, true} {
		name := "tmplexec"
		if slow {
			name = "html-template"
		}
		b.Run(name, func(b *testing.B) {
			r := exampleRenderer(b, site)
			if slow {
				render.NoFast(r)
			}
			for b.Loop() {
				for _, p := range site.Pages {
					r.Page(p)
				}
			}
		})
	}
}
