package outputs_test

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/outputs"
)

func loadSite(t *testing.T, baseURL string, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"T\"\nmunicipality = \"M\"\nbaseurl = \"" + baseURL + "\"\n[sections]\nnyheder = \"news\"\n")},
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return loadFS(t, fsys)
}

// loadFS is the Site of fsys, which must have no errors.
func loadFS(t *testing.T, fsys fstest.MapFS) *content.Site {
	t.Helper()
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if len(errs.Errors()) > 0 {
		t.Fatal(errs)
	}
	return site
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
}

func TestSitemap(t *testing.T) {
	site := loadSite(t, "https://nordby.dk/r&d/", map[string]string{
		"content/_index.md":      "+++\ntitle = \"Forside\"\nupdated = 2026-02-01\n+++\n",
		"content/om.md":          "+++\ntitle = \"Om\"\n+++\n",
		"content/nyheder/ny.md":  "+++\ntitle = \"Ny\"\ndate = 2026-03-04\n+++\n",
		"content/lov/klage.md":   "+++\ntitle = \"Klage\"\ndate = 2025-01-01\nupdated = 2026-05-06\ntags = [\"Klage\"]\n+++\n",
		"content/kladde.md":      "+++\ntitle = \"Kladde\"\ndraft = true\n+++\n",
		"content/billeder/k.png": "png",
	})
	base := "https://nordby.dk/r&d"
	b := outputs.Sitemap(site, func(p string) string { return base + p })
	var got urlset
	if err := xml.Unmarshal(b, &got); err != nil {
		t.Fatalf("the sitemap is not XML in the sitemap namespace: %v\n%s", err, b)
	}
	want := map[string]string{ // every page, generated ones too
		base + "/":             "2026-02-01",
		base + "/om/":          "",
		base + "/nyheder/":     "2026-03-04", // a folder without _index.md
		base + "/nyheder/ny/":  "2026-03-04",
		base + "/lov/":         "2026-05-06", // a list: its newest page
		base + "/lov/klage/":   "2026-05-06", // updated over date
		base + "/emner/":       "",
		base + "/emner/klage/": "2026-05-06",
	}
	seen := map[string]bool{}
	for _, u := range got.URLs {
		if seen[u.Loc] {
			t.Errorf("%s is listed twice", u.Loc)
		}
		seen[u.Loc] = true
		lm, ok := want[u.Loc]
		if !ok {
			t.Errorf("unexpected URL %s", u.Loc)
			continue
		}
		if u.Lastmod != lm {
			t.Errorf("%s: lastmod %q, want %q", u.Loc, u.Lastmod, lm)
		}
	}
	for loc := range want {
		if !seen[loc] {
			t.Errorf("%s is missing", loc)
		}
	}
	if !strings.Contains(string(b), "<loc>https://nordby.dk/r&amp;d/om/</loc>") {
		t.Errorf("& is not escaped:\n%s", b)
	}
	if strings.Contains(string(b), "<lastmod></lastmod>") {
		t.Error("an empty lastmod is written for a page without a date")
	}
}

func TestRobots(t *testing.T) {
	tests := []struct {
		sitemap string
		want    string
	}{
		{"https://nordby.dk/borger/sitemap.xml", "User-agent: *\nAllow: /\nSitemap: https://nordby.dk/borger/sitemap.xml\n"},
		{"", "User-agent: *\nAllow: /\n"},
	}
	for _, tt := range tests {
		if got := string(outputs.Robots(tt.sitemap)); got != tt.want {
			t.Errorf("Robots(%q)\ngot  %q\nwant %q", tt.sitemap, got, tt.want)
		}
	}
}

// TestSitemapLanguages: a translated page lists its language versions,
// itself included; a page in one language lists none.
func TestSitemapLanguages(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":          {Data: []byte("title = \"T\"\nmunicipality = \"M\"\n[languages.en]\ntitle = \"T\"\n")},
		"content/om.md":        {Data: []byte("+++\ntitle = \"Om\"\n+++\n")},
		"content/om.en.md":     {Data: []byte("+++\ntitle = \"About\"\n+++\n")},
		"content/kun-dansk.md": {Data: []byte("+++\ntitle = \"Kun dansk\"\n+++\n")},
	}
	site := loadFS(t, fsys)
	b := string(outputs.Sitemap(site, func(p string) string { return "https://x.dk" + p }))
	var set urlset
	if err := xml.Unmarshal([]byte(b), &set); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b)
	}
	for _, want := range []string{
		`<url><loc>https://x.dk/en/om/</loc><xhtml:link rel="alternate" hreflang="en" href="https://x.dk/en/om/"/><xhtml:link rel="alternate" hreflang="da" href="https://x.dk/om/"/></url>`,
		`<url><loc>https://x.dk/om/</loc><xhtml:link rel="alternate" hreflang="da" href="https://x.dk/om/"/><xhtml:link rel="alternate" hreflang="en" href="https://x.dk/en/om/"/></url>`,
		`<url><loc>https://x.dk/kun-dansk/</loc></url>`,
	} {
		if !strings.Contains(b, want) {
			t.Errorf("sitemap lacks\n%s\nin\n%s", want, b)
		}
	}
}

// TestSitemapIsMadeInOneBuffer: the sitemap is written into a buffer of
// about its own size, made once: grown by doubling, a large site's
// sitemap took twice its size at the end of the build, when its heap is
// largest. Translations, dates and an address to escape are counted.
func TestSitemapIsMadeInOneBuffer(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"T\"\nmunicipality = \"M\"\n[languages.en]\ntitle = \"T\"\n")},
	}
	for i := range 1000 {
		fsys[fmt.Sprintf("content/lov/side-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Side %d\"\ndate = 2026-03-%02d\n+++\n", i, 1+i%28))}
		if i%3 == 0 {
			fsys[fmt.Sprintf("content/lov/side-%d.en.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n", i))}
		}
	}
	site := loadFS(t, fsys)
	for _, root := range []string{"https://x.dk", "https://borger.fjordby.dk/a&b"} {
		b := outputs.Sitemap(site, func(p string) string { return root + p })
		if len(b) < 200_000 || cap(b) > len(b)*21/20 {
			t.Errorf("%s: %d bytes in a buffer of %d: not made in one buffer of its size", root, len(b), cap(b))
		}
	}
}
