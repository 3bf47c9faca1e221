package render

import (
	"flag"
	"fmt"
	"github.com/torv/torv/internal/golden"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what this build renders; read the diff before committing it")

// TestPagerLinks: a long list links the first and last page and those next
// to the current one, with a gap where pages are left out, and never hides
// a single page behind a gap.
func TestPagerLinks(t *testing.T) {
	tests := []struct {
		number, total int
		want          string // numbers, "*" for the current page, "…" for a gap
	}{
		{1, 2, "*1 2"},
		{2, 2, "1 *2"},
		{4, 7, "1 2 3 *4 5 6 7"},
		{1, 8, "*1 2 … 8"},
		{3, 8, "1 2 *3 4 … 8"},
		{4, 8, "1 2 3 *4 5 … 8"},
		{5, 8, "1 … 4 *5 6 7 8"},
		{6, 12, "1 … 5 *6 7 … 12"},
		{12, 12, "1 … 11 *12"},
	}
	for _, tt := range tests {
		g := &content.Pager{Number: tt.number}
		for n := 1; n <= tt.total; n++ {
			g.Pages = append(g.Pages, &content.Page{URL: fmt.Sprintf("/p/%d/", n)})
		}
		var got []string
		for _, l := range pagerLinks(g) {
			if l.URL != fmt.Sprintf("/p/%d/", l.Number) {
				t.Errorf("link %d leads to %s", l.Number, l.URL)
			}
			if l.Gap {
				got = append(got, "…")
			}
			s := fmt.Sprint(l.Number)
			if l.Current {
				s = "*" + s
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("page %d of %d: %s, want %s", tt.number, tt.total, g, tt.want)
		}
	}
}

var (
	pagerNav = regexp.MustCompile(`(?s)<nav class="pager".*?</nav>`)
	titleTag = regexp.MustCompile(`<title>.*?</title>`)
	listed   = regexp.MustCompile(`class="page-list-title" href="[^"]*">([^<]*)<`)
)

// TestPagerGolden renders pages of long news lists in Danish and English
// with torv's own layouts and UI strings, and holds the <title>, the titles
// listed and the pager to testdata/pager/<lang>.html.
func TestPagerGolden(t *testing.T) {
	langs := []struct {
		lang, seg, news, listURL string
	}{
		{"da", "side", "nyheder", "/nyheder/"},
		{"en", "page", "news", "/news/"},
	}
	for _, l := range langs {
		t.Run(l.lang, func(t *testing.T) {
			fsys := fstest.MapFS{
				"config.toml":       {Data: []byte(fmt.Sprintf("title = \"Testby\"\nmunicipality = \"Testby\"\nlanguage = %q\nbaseurl = \"https://test.example/borger/\"\n\n[sections]\n%s = \"news\"\narkiv = \"news\"\n", l.lang, l.news))},
				"content/_index.md": {Data: []byte("+++\ntitle = \"Testby\"\n+++\n")},
				// Three pages of three, and twelve pages of one.
				"content/" + l.news + "/_index.md": {Data: []byte("+++\ntitle = \"News\"\npaginate = 3\n+++\n\nThe newest first.\n")},
				"content/arkiv/_index.md":          {Data: []byte("+++\ntitle = \"Arkiv\"\npaginate = 1\n+++\n")},
			}
			for i := 1; i <= 12; i++ {
				item := []byte(fmt.Sprintf("+++\ntitle = \"Item %d\"\ndate = 2026-02-%02d\n+++\n", i, 28-i))
				if i <= 7 {
					fsys[fmt.Sprintf("content/%s/item-%d.md", l.news, i)] = &fstest.MapFile{Data: item}
				}
				fsys[fmt.Sprintf("content/arkiv/item-%d.md", i)] = &fstest.MapFile{Data: item}
			}
			cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			site, errs := content.Load(fsys, cfg, content.Options{})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			r, errs := New(torv.Defaults(), site, markup.New(), &assets.Set{CSS: assets.Asset{URL: "/css/style.x.css", Integrity: "sha384-x"}})
			if r == nil {
				t.Fatal(errs)
			}
			var b strings.Builder
			for _, u := range []string{l.listURL, l.listURL + l.seg + "/2/", l.listURL + l.seg + "/3/", "/arkiv/" + l.seg + "/6/"} {
				p := site.PageByURL(u)
				if p == nil {
					t.Fatalf("no page %s", u)
				}
				out, errs := r.Page(p)
				if len(errs) > 0 {
					t.Fatalf("%s: %v", u, errs)
				}
				html := string(out)
				var items []string
				for _, m := range listed.FindAllStringSubmatch(html, -1) {
					items = append(items, m[1])
				}
				fmt.Fprintf(&b, "<!-- %s -->\n%s\n<!-- lists: %s -->\n%s\n\n", u, titleTag.FindString(html), strings.Join(items, ", "), pagerNav.FindString(html))
				// The introduction is the first page's alone.
				if intro := strings.Contains(html, "The newest first."); intro != (u == l.listURL) {
					t.Errorf("%s: introduction shown %v", u, intro)
				}
			}
			// A list that fits on one page has no pager.
			site2 := site.PageByURL("/")
			if out, _ := r.Page(site2); strings.Contains(string(out), `class="pager"`) {
				t.Error("the home page has a pager")
			}
			golden.Check(t, "./internal/render", filepath.Join("testdata", "pager", l.lang+".html"), []byte(b.String()), *update)
		})
	}
}
