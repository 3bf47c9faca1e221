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

// sitemapXML is the site's one sitemap file, sitemap.xml.
func sitemapXML(t *testing.T, site *content.Site, abs func(string) string) []byte {
	t.Helper()
	files := outputs.Sitemaps(site, abs)
	if len(files) != 1 || files[0].Path != "sitemap.xml" {
		t.Fatalf("%d sitemap files, want sitemap.xml alone", len(files))
	}
	return files[0].Bytes
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
	b := sitemapXML(t, site, func(p string) string { return base + p })
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
	b := string(sitemapXML(t, site, func(p string) string { return "https://x.dk" + p }))
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
		b := sitemapXML(t, site, func(p string) string { return root + p })
		if len(b) < 200_000 || cap(b) > len(b)*21/20 {
			t.Errorf("%s: %d bytes in a buffer of %d: not made in one buffer of its size", root, len(b), cap(b))
		}
	}
}

type sitemapIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// TestSitemapIndex: above one sitemap's limits, sitemap.xml is an index
// of parts that each keep within both and together list every address
// the one sitemap would, in its order, each with the newest date of its
// part.
func TestSitemapIndex(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"T\"\nmunicipality = \"M\"\n[languages.en]\ntitle = \"T\"\n")},
	}
	for i := range 40 {
		fsys[fmt.Sprintf("content/lov/side-%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Side %d\"\ndate = 2026-%02d-01\n+++\n", i, 1+i%12))}
		if i%4 == 0 {
			fsys[fmt.Sprintf("content/lov/side-%02d.en.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Page %d\"\n+++\n", i))}
		}
	}
	site := loadFS(t, fsys)
	base := "https://x.dk/a&b"
	abs := func(p string) string { return base + p }
	var whole urlset
	if err := xml.Unmarshal(sitemapXML(t, site, abs), &whole); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name              string
		maxURLs, maxBytes int
		parts             int // 0: more than one
	}{
		{"addresses", 7, 50 << 20, (len(whole.URLs) + 6) / 7},
		{"bytes", 50_000, 1200, 0},
		{"both fit exactly", len(whole.URLs), 50 << 20, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := outputs.SitemapsWithin(site, abs, tt.maxURLs, tt.maxBytes)
			if tt.parts == 1 {
				if len(files) != 1 || !strings.Contains(string(files[0].Bytes), "<urlset") {
					t.Fatalf("%d files, want sitemap.xml with every address", len(files))
				}
				return
			}
			if files[0].Path != "sitemap.xml" {
				t.Fatalf("the first file is %s, want sitemap.xml", files[0].Path)
			}
			var index sitemapIndex
			if err := xml.Unmarshal(files[0].Bytes, &index); err != nil {
				t.Fatalf("sitemap.xml is not a sitemap index: %v\n%s", err, files[0].Bytes)
			}
			parts := files[1:]
			if len(index.Sitemaps) != len(parts) || len(parts) < 2 || tt.parts > 0 && len(parts) != tt.parts {
				t.Fatalf("the index names %d sitemaps, %d parts are made, want %d (0: at least 2)", len(index.Sitemaps), len(parts), tt.parts)
			}
			var listed []string
			for i, f := range parts {
				want := fmt.Sprintf("sitemap-%d.xml", i+1)
				if f.Path != want || index.Sitemaps[i].Loc != base+"/"+want {
					t.Errorf("part %d is %s, named %s in the index; want %s at %s/%s", i, f.Path, index.Sitemaps[i].Loc, want, base, want)
				}
				if len(f.Bytes) > tt.maxBytes {
					t.Errorf("%s has %d bytes, more than %d", f.Path, len(f.Bytes), tt.maxBytes)
				}
				var set urlset
				if err := xml.Unmarshal(f.Bytes, &set); err != nil {
					t.Fatalf("%s is not a urlset: %v", f.Path, err)
				}
				if len(set.URLs) > tt.maxURLs || len(set.URLs) == 0 {
					t.Errorf("%s lists %d addresses, want 1 to %d", f.Path, len(set.URLs), tt.maxURLs)
				}
				newest := ""
				for _, u := range set.URLs {
					listed = append(listed, u.Loc)
					newest = max(newest, u.Lastmod)
				}
				if index.Sitemaps[i].Lastmod != newest {
					t.Errorf("%s: lastmod %q in the index, want its newest, %q", f.Path, index.Sitemaps[i].Lastmod, newest)
				}
			}
			var all []string
			for _, u := range whole.URLs {
				all = append(all, u.Loc)
			}
			if strings.Join(listed, "\n") != strings.Join(all, "\n") {
				t.Errorf("the parts list\n%s\nwant the one sitemap's\n%s", strings.Join(listed, "\n"), strings.Join(all, "\n"))
			}
		})
	}
}

// TestSitemapLimits: the protocol's limit is 50 000 addresses a sitemap.
// A site of 50 000 pages has one sitemap; one of 50 001 has an index and
// two parts.
func TestSitemapLimits(t *testing.T) {
	site := loadSite(t, "https://x.dk/", map[string]string{
		"content/om.md": "+++\ntitle = \"Om\"\n+++\n",
	})
	var om *content.Page
	for _, p := range site.Pages {
		if p.URL == "/om/" {
			om = p
		}
	}
	pages := make([]*content.Page, 50_001)
	for i := range pages {
		p := *om
		p.URL = fmt.Sprintf("/side-%d/", i)
		pages[i] = &p
	}
	abs := func(p string) string { return "https://x.dk" + p }
	for _, tt := range []struct{ pages, files int }{{50_000, 1}, {50_001, 3}} {
		files := outputs.Sitemaps(&content.Site{Pages: pages[:tt.pages]}, abs)
		if len(files) != tt.files {
			t.Errorf("%d pages: %d sitemap files, want %d", tt.pages, len(files), tt.files)
		}
	}
}
