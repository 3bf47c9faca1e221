package render_test

import (
	"bytes"
	"os"
	"runtime"
	"testing"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/render"
)

// TestFastTemplatesSameOutput renders every page of the example site (the
// repository's own) with the compiled templates and with html/template
// alone: the pages must be byte for byte the same, and html/template must
// have executed only each layout's first time, which escapes it.
func TestFastTemplatesSameOutput(t *testing.T) {
	fsys := os.DirFS("../..")
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatalf("config: %v", errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if len(errs.Errors()) > 0 {
		t.Fatalf("content: %v", errs)
	}
	set := &assets.Set{CSS: assets.Asset{URL: "/css/style.12345678.css", Integrity: "sha384-x"}}
	fast, ferrs := render.New(fsys, site, markup.New(), set)
	slow, serrs := render.New(fsys, site, markup.New(), set)
	if fast == nil || slow == nil {
		t.Fatalf("render.New: %v %v", ferrs, serrs)
	}
	render.NoFast(slow)
	layouts := map[string]bool{}
	for _, p := range site.Pages {
		layouts[p.Lang+" "+string(p.Kind)+" "+p.Common().Layout] = true
		got, gerrs := fast.Page(p)
		want, werrs := slow.Page(p)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: the compiled templates made other HTML than html/template", p.URL)
		}
		if len(gerrs) != len(werrs) {
			t.Fatalf("%s: %d messages, html/template's %d", p.URL, len(gerrs), len(werrs))
		}
	}
	f, s := render.Executions(fast)
	// One first execution of each layout and of the list entry per
	// worker at most; every other page and entry is compiled.
	if limit := int64(runtime.GOMAXPROCS(0) * (len(layouts) + len(cfg.SiteLanguages()))); s > limit || f < int64(len(site.Pages))/2 {
		t.Errorf("%d executions compiled, %d by html/template (at most %d wanted)", f, s, limit)
	}
	t.Logf("%d pages: %d executions compiled, %d by html/template", len(site.Pages), f, s)
}
