package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/sitefs"
)

// The outside files of these tests hold marker; if torv ever follows a
// link again, the marker reaches the output, where the test looks for it.
const marker = "MARKER-FROM-OUTSIDE-91c2"

const linkConfig = `title = "Test"
municipality = "Testby Kommune"
baseurl = "https://test.example/"

[sections]
lov = "law"
tal = "figures"
`

const linkChartPage = `+++
title = "Svartid"
description = "Hvor hurtigt vi svarer."
period = "Januar"
source = "Eksempeltal."

[[charts]]
title = "Ventetid"
unit = "%"
data = "svartid.csv"
+++

Tekst.
`

// defaultWith is the embedded default file name with marker put in where a
// page shows it, so that a followed link would publish the marker.
func defaultWith(t *testing.T, name, old, new string) string {
	t.Helper()
	b, err := fs.ReadFile(torv.Defaults(), name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q to put the marker in", name, old)
	}
	return strings.Replace(string(b), old, new, 1)
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type linkCase struct {
	name    string
	link    string            // the link, a path in the site folder
	outside map[string]string // the files outside the site; the link points to their top element
	site    map[string]string // files the case adds to the site
	also    string            // a second diagnostic the case must give, at the page that uses the link
	notOut  string            // an output path that must not be made
}

// TestSymlinksNotFollowed builds a site with one symbolic link of each kind
// of file torv reads, through sitefs as torv build does: the file linked to
// never reaches the output, and the build says so once, at the link.
func TestSymlinksNotFollowed(t *testing.T) {
	page := "+++\ntitle = \"Ude\"\n+++\n\n" + marker + "\n"
	tests := []linkCase{
		{name: "page", link: "content/ude.md", outside: map[string]string{"ude.md": page}},
		{name: "folder of pages", link: "content/lov",
			outside: map[string]string{"lov/x.md": page}},
		{name: "page linked inside the site", link: "content/om-igen.md",
			site: map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n\nInde.\n"}, notOut: "om-igen/index.html"},
		{name: "chart data", link: "content/tal/svartid.csv",
			outside: map[string]string{"svartid.csv": "label,value\n" + marker + ",5\n"},
			site:    map[string]string{"content/tal/svartid.md": linkChartPage},
			also:    "content/tal/svartid.md:10:8: svartid.csv is a symbolic link, which torv does not follow (copy the file beside the page)"},
		{name: "content file copied as is", link: "content/skema.pdf",
			outside: map[string]string{"skema.pdf": marker}},
		{name: "layout", link: "layouts/page.html",
			outside: map[string]string{"page.html": defaultWith(t, "layouts/page.html", "{{.Content}}", marker+"{{.Content}}")}},
		{name: "base layout", link: "layouts/base.html",
			outside: map[string]string{"base.html": defaultWith(t, "layouts/base.html", "</body>", marker+"</body>")}},
		{name: "partial", link: "layouts/partials/footer.html",
			outside: map[string]string{"footer.html": defaultWith(t, "layouts/partials/footer.html",
				`<footer class="site-footer">`, `<footer class="site-footer">`+marker)}},
		{name: "folder of partials", link: "layouts/partials",
			outside: map[string]string{"partials/footer.html": defaultWith(t, "layouts/partials/footer.html",
				`<footer class="site-footer">`, `<footer class="site-footer">`+marker)}},
		{name: "stylesheet", link: "assets/css/style.css",
			outside: map[string]string{"style.css": defaultWith(t, "assets/css/style.css", "", `.m::after{content:"`+marker+`"}`)}},
		{name: "folder of scripts", link: "assets/js",
			outside: map[string]string{"js/open-now.js": `window.m="` + marker + `";`}},
		{name: "other asset", link: "assets/img/logo.svg",
			outside: map[string]string{"logo.svg": `<svg xmlns="http://www.w3.org/2000/svg"><title>` + marker + `</title></svg>`}},
		{name: "UI strings", link: "i18n/da.toml",
			outside: map[string]string{"da.toml": defaultWith(t, "i18n/da.toml", `about_site = "Om siden"`, `about_site = "`+marker+`"`)}},
		{name: "config", link: "config.toml",
			outside: map[string]string{"config.toml": strings.Replace(linkConfig, `"Test"`, `"`+marker+`"`, 1)}},
		{name: "static file", link: "static/security.txt", outside: map[string]string{"security.txt": marker}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { buildWithLink(t, tt) })
	}
}

// buildWithLink builds a site with the case's link and checks what the
// build made and said.
func buildWithLink(t *testing.T, tt linkCase) {
	tmp := t.TempDir()
	dir, outside := filepath.Join(tmp, "site"), filepath.Join(tmp, "outside")
	files := map[string]string{"config.toml": linkConfig, "content/_index.md": testHome}
	for name, text := range tt.site {
		files[name] = text
	}
	writeFiles(t, dir, files)
	writeFiles(t, outside, tt.outside)
	target := filepath.Join(dir, "content", "om.md") // the inside case
	for name := range tt.outside {
		top, _, _ := strings.Cut(name, "/")
		target = filepath.Join(outside, top)
	}
	link := filepath.Join(dir, filepath.FromSlash(tt.link))
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if tt.link == "config.toml" {
		os.Remove(link)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	site, err := sitefs.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	res := Build(site, torv.Defaults(), Options{})
	checkNoMarker(t, res)
	if tt.notOut != "" && res.Output != nil {
		if _, ok := res.Output.Get(tt.notOut); ok {
			t.Errorf("the output has %s", tt.notOut)
		}
	}
	var atLink, rest []string
	for _, d := range res.Diags {
		switch {
		case d.File == tt.link || strings.Contains(d.Msg, tt.link):
			atLink = append(atLink, d.Error())
			if !strings.Contains(d.Msg, sitefs.ErrSymlink.Error()) {
				t.Errorf("%s does not say why", d)
			}
		default:
			rest = append(rest, d.Error())
		}
	}
	t.Log(strings.Join(atLink, "\n"))
	if len(atLink) != 1 {
		t.Errorf("%d diagnostics name %s, want 1:\n%s", len(atLink), tt.link, strings.Join(atLink, "\n"))
	}
	want := []string{}
	if tt.also != "" {
		want = append(want, tt.also)
	}
	if strings.Join(rest, "\n") != strings.Join(want, "\n") {
		t.Errorf("other diagnostics:\n%s\nwant:\n%s", strings.Join(rest, "\n"), strings.Join(want, "\n"))
	}
}

// checkNoMarker fails when the outside file's marker is anywhere in what
// the build made: the output, the pages it loaded, its messages.
func checkNoMarker(t *testing.T, res *Result) {
	t.Helper()
	if res.Output != nil {
		for _, p := range res.Output.Paths() {
			if b, _ := res.Output.Get(p); strings.Contains(string(b), marker) {
				t.Errorf("the output's %s holds the outside file's text", p)
			}
		}
	}
	if res.Site != nil {
		for _, p := range res.Site.Pages {
			if strings.Contains(string(p.Body), marker) {
				t.Errorf("page %s holds the outside file's text", p.File)
			}
			if f, ok := p.Data.(*content.Figures); ok {
				for _, ch := range f.Charts {
					for _, bar := range ch.Bars {
						if strings.Contains(bar.Label, marker) {
							t.Errorf("a chart of %s holds the outside file's rows", p.File)
						}
					}
				}
			}
		}
	}
	if strings.Contains(res.Diags.Error(), marker) {
		t.Errorf("a message quotes the outside file:\n%s", res.Diags.Error())
	}
}
