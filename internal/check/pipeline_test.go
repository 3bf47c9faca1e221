package check_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	. "github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/golden"
)

// These tests run the check as torv check does: build's pipeline in its
// cheaper mode (build.Options.CheckOnly), whose snapshot holds the report.

// Site checks the site folder fsys as torv check does.
func Site(fsys fs.FS, _ fs.FS, opts Options) *Report {
	return build.Build(fsys, torv.Defaults(), build.Options{CheckOnly: true, Now: opts.Now}).Check
}

var testDay = TestDay

func siteFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"config.toml":       {Data: []byte("title = \"Test\"\nmunicipality = \"Testby Kommune\"\n\n[sections]\nlov = \"law\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Forside\"\ndescription = \"Om Testby.\"\n+++\n\nVelkommen.\n")},
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestSiteReportsWhatBuildReports: errors that only rendering finds are
// in check's report too.
func TestSiteReportsWhatBuildReports(t *testing.T) {
	law := "+++\ntitle = \"Regel\"\ndescription = \"Om reglen.\"\nlaw = \"L\"\nparagraph = \"§ 1\"\nofficial_url = \"https://example.org/\"\n" +
		"in_short = \"Se [klagen](findes-ikke.md).\"\nreviewed = 2026-10-01\nreview_by = 2027-10-01\n+++\n\nTekst.\n"
	fsys := siteFS(map[string]string{
		// A broken link in the body: markup's error.
		"content/a.md": "+++\ntitle = \"A\"\ndescription = \"Om A.\"\n+++\n\nSe [B](b.md).\n",
		// A broken link in front matter: only the layout resolves it.
		"content/lov/regel.md": law,
		// A layout that does not exist.
		"content/c.md": "+++\ntitle = \"C\"\ndescription = \"Om C.\"\nlayout = \"findes-ikke\"\n+++\n\nTekst.\n",
		// A site's own layout that fails for every page of its kind.
		"content/d.md":      "+++\ntitle = \"D\"\ndescription = \"Om D.\"\ntype = \"news\"\ndate = 2026-01-01\n+++\n\nTekst.\n",
		"layouts/news.html": "{{define \"main\"}}{{.Page.Data.Nothing}}{{end}}\n",
		// A law citation of a law that does not exist, with the closest id.
		"content/e.md": "+++\ntitle = \"E\"\ndescription = \"Om E.\"\n+++\n\nSe [](lov:regle).\n",
	})
	rep := Site(fsys, torv.Defaults(), Options{Now: testDay})
	got := rep.Diags.Error()
	for _, want := range []string{
		"content/a.md:6:4: link to a page that does not exist: b.md",
		"content/lov/regel.md:7:16: link to a page that does not exist: findes-ikke.md (in the front matter)",
		"link to a page that does not exist: findes-ikke.md (in the front matter)",
		`content/c.md:4:10: layout "findes-ikke" does not exist`,
		"layouts/news.html:1:",
		`content/e.md:6:4: unknown law "regle" (did you mean "regel"?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("check did not report %q; it reported:\n%s", want, got)
		}
	}
	if !rep.Failed(false) {
		t.Error("the check did not fail")
	}
}

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

// TestExampleSite checks the repository's own example site with the
// defaults: its texts are written plainly enough to pass, so it checks
// clean, with neither errors nor warnings. A page that needs an exception
// says so with check_off and its reason, which the report lists.
func TestExampleSite(t *testing.T) {
	rep := Site(os.DirFS("../.."), torv.Defaults(), Options{Now: testDay})
	if all := rep.All(); len(all) > 0 {
		t.Errorf("the example site does not check clean:\n%s", all.Error())
	}
	if len(rep.Pages) < 40 {
		t.Errorf("only %d pages were checked", len(rep.Pages))
	}
	for _, p := range rep.Pages {
		if p.Band == BandHard {
			t.Errorf("%s has LIX %.0f", p.File, p.LIX)
		}
	}
	t.Logf("%s", rep.Summary())
}

// BenchmarkSite checks testdata/site, or the site in $TORV_CORPUS (the
// 10 000-page corpus of /work/shared/bench/gencorpus.go with
// bench/config.toml).
func BenchmarkSite(b *testing.B) {
	dir := os.Getenv("TORV_CORPUS")
	if dir == "" {
		dir = goldenSite
	}
	fsys := os.DirFS(dir)
	for b.Loop() {
		Site(fsys, torv.Defaults(), Options{Now: testDay})
	}
}
func TestPanel(t *testing.T) {
	rep := Site(os.DirFS(goldenSite), torv.Defaults(), Options{Now: testDay})
	cfg := config.Check{Editor: "vscode"}
	var b bytes.Buffer
	extra := diag.Errorf("content/svaer.md", 3, 1, "a build error <here>").WithHint("fix it")
	if err := Panel(&b, rep.Page("content/svaer.md"), PanelOptions{Root: "/home/redaktør/fejlby", EditorURL: cfg.EditorURL}, extra); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	ContainsAll(t, "the panel", html,
		`<link rel="stylesheet" href="/__torv/check.css">`,
		`<aside class="torv-check" aria-label="Tjek af siden">`,
		"<details open>",
		`<summary>Tjek af siden: 2 fejl, 2 advarsler · LIX 61 <span class="torv-check-band torv-check-hard">svær</span></summary>`,
		"40 ord, 5 sætninger, 21 lange ord",
		`<a href="vscode://file/home/redakt%C3%B8r/fejlby/content/svaer.md:10:1">content/svaer.md:10:1</a>: “Kommunens sagsbehandling`,
		`<li class="torv-check-error"><span class="torv-check-level">fejl</span>`,
		"LIX 61 (svær) is above 50",
		"<code>[lix]</code>",
		"Sådan retter du det: shorten the hardest sentences first",
		"a build error &lt;here&gt;",
	)
	// The site's Content-Security-Policy allows no inline style or script.
	if regexp.MustCompile(`<script|<style|\sstyle=|\son[a-z]+=`).MatchString(html) {
		t.Errorf("the panel has inline script or style:\n%s", html)
	}
	// Without findings the panel is folded, in the site's language, and
	// without an editor there are no links.
	b.Reset()
	clean := &PageReport{File: "content/a.md", Lang: "sv"}
	if err := Panel(&b, clean, PanelOptions{}); err != nil {
		t.Fatal(err)
	}
	ContainsAll(t, "an empty panel", b.String(), "<details>", "Kontroll av sidan: 0 fel, 0 varningar", "Inga fynd på sidan.")
	if strings.Contains(b.String(), "<a ") {
		t.Error("links without an editor")
	}
	// A switched-off rule is listed with its reason.
	b.Reset()
	if err := Panel(&b, rep.Page("content/slaaet-fra.md"), PanelOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	ContainsAll(t, "the panel of a page with a rule off", b.String(), "Switched off", "<code>lix</code>: Teksten citerer loven ordret.")
}
