package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// newsItems returns n news items in content/<dir>/, the newest first by
// date, titled "Nyhed 1" (newest) to "Nyhed n"; suffix is a language's file
// suffix (".en") or "".
func newsItems(dir string, n int, suffix string) map[string]string {
	files := map[string]string{}
	for i := 1; i <= n; i++ {
		files[fmt.Sprintf("content/%s/n%02d%s.md", dir, i, suffix)] = page(fmt.Sprintf("Nyhed %d", i), fmt.Sprintf("date = 2026-01-%02d", 29-i))
	}
	return files
}

func with(files map[string]string, more map[string]string) map[string]string {
	for k, v := range more {
		files[k] = v
	}
	return files
}

// pagesOf describes the pages of a list: "URL: first item title..last item
// title" for each.
func pagesOf(t *testing.T, site *content.Site, listURL string) string {
	t.Helper()
	list := site.PageByURL(listURL)
	if list == nil {
		t.Fatalf("no list page at %s", listURL)
	}
	g := list.Pager()
	if g == nil {
		return listURL + ": all"
	}
	var out []string
	for i, p := range g.Pages {
		pg := p.Pager()
		if pg == nil || pg.Number != i+1 || pg.Total() != len(g.Pages) {
			t.Fatalf("%s: pager %+v, want page %d of %d", p.URL, pg, i+1, len(g.Pages))
		}
		if site.PageByURL(p.URL) != p {
			t.Errorf("%s is not in the site at its URL", p.URL)
		}
		out = append(out, fmt.Sprintf("%s: %s..%s", p.URL, pg.Items[0].Title(), pg.Items[len(pg.Items)-1].Title()))
	}
	return strings.Join(out, " | ")
}

func TestPaginate(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		list  string
		want  string
	}{
		{"paginate = 5", with(newsItems("nyheder", 8, ""), map[string]string{
			"content/nyheder/_index.md": page("Nyheder", "paginate = 5")}),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 5 | /nyheder/side/2/: Nyhed 6..Nyhed 8"},
		{"the default is 10", newsItems("nyheder", 21, ""),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 10 | /nyheder/side/2/: Nyhed 11..Nyhed 20 | /nyheder/side/3/: Nyhed 21..Nyhed 21"},
		{"paginate = 0 is the default", with(newsItems("nyheder", 11, ""), map[string]string{
			"content/nyheder/_index.md": page("Nyheder", "paginate = 0")}),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 10 | /nyheder/side/2/: Nyhed 11..Nyhed 11"},
		{"a list that fits on one page", newsItems("nyheder", 10, ""), "/nyheder/", "/nyheder/: all"},
		{"exactly two pages", with(newsItems("nyheder", 4, ""), map[string]string{
			"content/nyheder/_index.md": page("Nyheder", "paginate = 2")}),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 2 | /nyheder/side/2/: Nyhed 3..Nyhed 4"},
		{"a generated list page", newsItems("arkiv", 12, ""),
			"/arkiv/", "/arkiv/: Nyhed 1..Nyhed 7 | /arkiv/side/2/: Nyhed 8..Nyhed 9"}, // by title: 1, 10, 11, 12, 2 ...
		{"the list's own sort order", with(newsItems("nyheder", 3, ""), map[string]string{
			"content/nyheder/_index.md": page("Nyheder", "paginate = 1", `sort = "title"`),
			"content/nyheder/n02.md":    page("A først", "date = 2026-01-27")}),
			"/nyheder/", "/nyheder/: A først..A først | /nyheder/side/2/: Nyhed 1..Nyhed 1 | /nyheder/side/3/: Nyhed 3..Nyhed 3"},
		{"config.toml sets the page size", with(newsItems("nyheder", 7, ""), map[string]string{
			"config.toml": testConfig + "[lists]\nper_page = 3\n"}),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 3 | /nyheder/side/2/: Nyhed 4..Nyhed 6 | /nyheder/side/3/: Nyhed 7..Nyhed 7"},
		{"paginate wins over config.toml", with(newsItems("nyheder", 7, ""), map[string]string{
			"config.toml":               testConfig + "[lists]\nper_page = 3\n",
			"content/nyheder/_index.md": page("Nyheder", "paginate = 5")}),
			"/nyheder/", "/nyheder/: Nyhed 1..Nyhed 5 | /nyheder/side/2/: Nyhed 6..Nyhed 7"},
		{"split = false keeps every list whole", with(newsItems("nyheder", 25, ""), map[string]string{
			"config.toml":               testConfig + "[lists]\nsplit = false\n",
			"content/nyheder/_index.md": page("Nyheder", "paginate = 5")}),
			"/nyheder/", "/nyheder/: all"},
		// A glossary is one page A–Å, unless its editor splits it.
		{"a glossary is not split", map[string]string{"content/ord/t00.md": "+++\ntitle = \"Ord 00\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t01.md": "+++\ntitle = \"Ord 01\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t02.md": "+++\ntitle = \"Ord 02\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t03.md": "+++\ntitle = \"Ord 03\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t04.md": "+++\ntitle = \"Ord 04\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t05.md": "+++\ntitle = \"Ord 05\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t06.md": "+++\ntitle = \"Ord 06\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t07.md": "+++\ntitle = \"Ord 07\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t08.md": "+++\ntitle = \"Ord 08\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t09.md": "+++\ntitle = \"Ord 09\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t10.md": "+++\ntitle = \"Ord 10\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t11.md": "+++\ntitle = \"Ord 11\"\nshort = \"Et ord.\"\n+++\n"},
			"/ord/", "/ord/: all"},
		{"a glossary with paginate is split", map[string]string{"content/ord/_index.md": page("Ord", "paginate = 6"), "content/ord/t00.md": "+++\ntitle = \"Ord 00\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t01.md": "+++\ntitle = \"Ord 01\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t02.md": "+++\ntitle = \"Ord 02\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t03.md": "+++\ntitle = \"Ord 03\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t04.md": "+++\ntitle = \"Ord 04\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t05.md": "+++\ntitle = \"Ord 05\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t06.md": "+++\ntitle = \"Ord 06\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t07.md": "+++\ntitle = \"Ord 07\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t08.md": "+++\ntitle = \"Ord 08\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t09.md": "+++\ntitle = \"Ord 09\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t10.md": "+++\ntitle = \"Ord 10\"\nshort = \"Et ord.\"\n+++\n", "content/ord/t11.md": "+++\ntitle = \"Ord 11\"\nshort = \"Et ord.\"\n+++\n"},
			"/ord/", "/ord/: Ord 00..Ord 05 | /ord/side/2/: Ord 06..Ord 11"},
		{"English pages say page", with(newsItems("nyheder", 3, ".en"), map[string]string{
			"config.toml":                  langConfig,
			"content/nyheder/_index.en.md": page("News", "paginate = 2")}),
			"/en/nyheder/", "/en/nyheder/: Nyhed 1..Nyhed 2 | /en/nyheder/page/2/: Nyhed 3..Nyhed 3"},
		{"Swedish pages say sida", with(newsItems("nyheter", 3, ".sv"), map[string]string{
			"config.toml":                  langConfig,
			"content/nyheter/_index.sv.md": page("Nyheter", "paginate = 2")}),
			"/sv/nyheter/", "/sv/nyheter/: Nyhed 1..Nyhed 2 | /sv/nyheter/sida/2/: Nyhed 3..Nyhed 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, tt.files)
			if got := pagesOf(t, site, tt.list); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			for i := 1; i < len(site.Pages); i++ {
				if site.Pages[i-1].URL >= site.Pages[i].URL {
					t.Fatalf("Site.Pages is not sorted by URL: %s before %s", site.Pages[i-1].URL, site.Pages[i].URL)
				}
			}
		})
	}
}

// TestFurtherPages: a further page is its list page without the body, in
// the list's language, with the list's parent, and not in any list itself.
func TestFurtherPages(t *testing.T) {
	site := mustLoad(t, with(newsItems("nyheder", 3, ".en"), map[string]string{
		"config.toml":                  langConfig,
		"content/_index.en.md":         page("Home"),
		"content/nyheder/_index.en.md": page("News", "paginate = 1", `description = "What is new."`, `tags = ["news"]`),
	}))
	list := site.PageByURL("/en/nyheder/")
	p2 := site.PageByURL("/en/nyheder/page/2/")
	p3 := site.PageByURL("/en/nyheder/page/3/")
	if list == nil || p2 == nil || p3 == nil {
		t.Fatalf("pages %v %v %v", list, p2, p3)
	}
	if p2.Kind != content.KindSection || p2.Lang != "en" || p2.File != "" || len(p2.Body) != 0 ||
		p2.Title() != "News" || p2.Description() != "What is new." || p2.Parent != list.Parent || len(p2.Tags) != 0 {
		t.Errorf("page 2: kind %s, lang %s, file %q, body %q, title %q, description %q, parent %v, tags %v",
			p2.Kind, p2.Lang, p2.File, p2.Body, p2.Title(), p2.Description(), p2.Parent, p2.Tags)
	}
	for _, p := range site.Pages {
		for _, c := range p.Children {
			if c == p2 || c == p3 {
				t.Errorf("%s lists the further page %s", p.URL, c.URL)
			}
		}
	}
	g := p2.Pager()
	if g.First() != list || g.Prev() != list || g.Next() != p3 || g.Last() != p3 || g.Total() != 3 {
		t.Errorf("page 2 of 3: first %v, prev %v, next %v, last %v", g.First(), g.Prev(), g.Next(), g.Last())
	}
	if g := list.Pager(); g.Prev() != nil || g.Next() != p2 {
		t.Errorf("page 1: prev %v, next %v; want none and page 2", g.Prev(), g.Next())
	}
	if g := p3.Pager(); g.Next() != nil || g.Prev() != p2 {
		t.Errorf("page 3: prev %v, next %v; want page 2 and none", g.Prev(), g.Next())
	}
	if list.Pager().Items[0] != list.Children[0] || len(list.Children) != 3 {
		t.Error("the list page's Children are not all its pages, or its items are not the first of them")
	}
}

// TestFurtherPageTranslations: page 2 of a list's translation is page 2 of
// the translated list, or that list's first page when it has no page 2.
func TestFurtherPageTranslations(t *testing.T) {
	files := with(newsItems("nyheder", 3, ".en"), newsItems("nyheder", 5, ""))
	files = with(files, map[string]string{
		"config.toml":                  langConfig,
		"content/nyheder/_index.md":    page("Nyheder", "paginate = 1"),
		"content/nyheder/_index.en.md": page("News", "paginate = 1"),
	})
	site := mustLoad(t, files)
	tests := []struct{ url, translations string }{
		{"/nyheder/side/2/", "/en/nyheder/page/2/"},
		{"/nyheder/side/4/", "/en/nyheder/"},
		{"/en/nyheder/page/3/", "/nyheder/side/3/"},
	}
	for _, tt := range tests {
		p := site.PageByURL(tt.url)
		if p == nil {
			t.Fatalf("no page %s", tt.url)
		}
		if got := urls(p.Translations); got != tt.translations {
			t.Errorf("%s: translations %q, want %q", tt.url, got, tt.translations)
		}
	}
}

func TestPaginateErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"negative", map[string]string{"content/nyheder/_index.md": page("Nyheder", "paginate = -5")},
			"content/nyheder/_index.md:3:12: paginate = -5, but a page of a list shows from 1 to 100 pages"},
		{"huge", map[string]string{"content/nyheder/_index.md": page("Nyheder", `sort = "date"`, "paginate = 100000")},
			"content/nyheder/_index.md:4:12: paginate = 100000, but a page of a list shows from 1 to 100 pages"},
		{"not a number", map[string]string{"content/nyheder/_index.md": page("Nyheder", `paginate = "fem"`)},
			"content/nyheder/_index.md:3:12: paginate must be a whole number, not text"},
		{"not on a page", map[string]string{"content/om.md": page("Om", "paginate = 5")},
			"content/om.md:3:1: unknown key \"paginate\" in front matter"},
		{"a page at a further page's URL", with(newsItems("nyheder", 3, ""), map[string]string{
			"content/nyheder/_index.md": page("Nyheder", "paginate = 2"),
			"content/nyheder/side/2.md": page("Side to", "date = 2026-01-01")}),
			"content/nyheder/_index.md:3:12: page 2 of the list /nyheder/ would be at /nyheder/side/2/, but content/nyheder/side/2.md is there"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, tt.files)
			if got := withoutHints(errs.Errors()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			for _, e := range errs.Errors() {
				if e.Hint == "" {
					t.Errorf("%v has no hint", e)
				}
			}
		})
	}
}

// TestPaginateAgain: the preview links pages read for an earlier Site
// again; a list that shrank to one page must lose its pager, and its
// further pages must be gone.
func TestPaginateAgain(t *testing.T) {
	fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}}
	for name, text := range with(newsItems("nyheder", 4, ""), map[string]string{"content/nyheder/_index.md": page("Nyheder", "paginate = 3")}) {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg, cerrs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(cerrs) > 0 {
		t.Fatal(cerrs)
	}
	parsed := parseAll(fsys, cfg)
	site, _ := assemble(t, fsys, cfg, parsed, content.Options{})
	if site.PageByURL("/nyheder/side/2/") == nil {
		t.Fatal("no page 2 at first")
	}
	var fewer []*content.Parsed
	for _, pr := range parsed {
		if !strings.HasSuffix(pr.File, "n04.md") {
			fewer = append(fewer, pr)
		}
	}
	site, _ = assemble(t, fsys, cfg, fewer, content.Options{})
	if p := site.PageByURL("/nyheder/"); p == nil || p.Pager() != nil {
		t.Errorf("the list of 3 at 3 a page still has a pager: %+v", p.Pager())
	}
	if site.PageByURL("/nyheder/side/2/") != nil {
		t.Error("page 2 is still there")
	}
}
