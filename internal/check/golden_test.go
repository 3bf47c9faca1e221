package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/torv/torv/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt and golden.json with what this build reports; read the diff before committing it")

const goldenSite = "testdata/site"

// TestGolden checks testdata/site, which holds one of each mistake, and
// compares the report with testdata/golden.txt (text) and golden.json.
func TestGolden(t *testing.T) {
	rep := Site(os.DirFS(goldenSite), torv.Defaults(), Options{Now: testDay})
	var text, js bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"golden.txt": text.Bytes(), "golden.json": js.Bytes()} {
		golden.Check(t, "./internal/check", filepath.Join("testdata", name), got, *update)
	}
	// Every rule has its mistake in the site.
	seen := map[string]bool{}
	for _, e := range rep.Findings() {
		seen[e.Rule] = true
	}
	for _, r := range Rules {
		if !seen[r.Name] {
			t.Errorf("testdata/site has no mistake for rule %s", r.Name)
		}
	}
	if !json.Valid(js.Bytes()) {
		t.Error("the JSON report is not valid JSON")
	}
}

// layoutHTML stands for the rendered pages: the layouts give every page
// <main id="main">, which links.md links to.
func layoutHTML(string) []byte { return []byte(`<body><main id="main"></main></body>`) }

// TestSiteAndRunAgree checks the golden site both ways: inside the
// renderer (Site, one parse per page) and on its own (New and Run, as
// build -strict and the preview do). The findings must be the same.
func TestSiteAndRunAgree(t *testing.T) {
	fsys := os.DirFS(goldenSite)
	viaSite := Site(fsys, torv.Defaults(), Options{Now: testDay}).Findings()
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	site, _ := content.Load(fsys, cfg, content.Options{})
	viaRun := New(site, nil, Options{Now: testDay}).Run(layoutHTML).Findings()
	if a, b := viaSite.Error(), viaRun.Error(); a != b {
		t.Errorf("Site found:\n%s\n\nRun found:\n%s", a, b)
	}
	if len(viaSite) < len(Rules) {
		t.Errorf("only %d findings", len(viaSite))
	}
}

// TestPageAfterAnEdit checks one page the way the preview does after an
// edit: anchors in other pages are found without checking those pages.
func TestPageAfterAnEdit(t *testing.T) {
	fsys := os.DirFS(goldenSite)
	cfg, _ := config.Parse(fsys, content.KindNames(), content.KindHint)
	site, _ := content.Load(fsys, cfg, content.Options{})
	c := New(site, nil, Options{Now: testDay})
	p := c.Page(site.PageByFile("links.md"), layoutHTML)
	all := Site(fsys, torv.Defaults(), Options{Now: testDay}).Page("content/links.md")
	if p.Findings.Error() != all.Findings.Error() {
		t.Errorf("Page found:\n%s\n\nthe whole check found:\n%s", p.Findings.Error(), all.Findings.Error())
	}
	if !strings.Contains(p.Findings.Error(), "#frist") {
		t.Error("the broken anchor in another page was not found")
	}
}
