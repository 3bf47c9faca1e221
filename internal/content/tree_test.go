package content_test

import (
	"strings"
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestDrafts(t *testing.T) {
	files := map[string]string{
		"content/_index.md":    page("Forside"),
		"content/om.md":        page("Om"),
		"content/kladde.md":    page("Kladde", "draft = true"),
		"content/ny/_index.md": page("Ny mappe", "draft = true"),
	}
	site := mustLoad(t, files)
	if site.PageByFile("kladde.md") != nil || site.PageByURL("/kladde/") != nil {
		t.Error("a draft is in the site without Options.Drafts")
	}
	for _, p := range site.Home.Children {
		if p.Title() == "Kladde" {
			t.Error("a draft is listed on the home page")
		}
	}
	site = mustLoad(t, files, content.Options{Drafts: true})
	if p := site.PageByFile("kladde.md"); p == nil || p.URL != "/kladde/" {
		t.Errorf("with Options.Drafts the draft is %v, want it at /kladde/", p)
	}
	if p := site.PageByURL("/ny/"); p == nil || p.Title() != "Ny mappe" {
		t.Errorf("with Options.Drafts the draft list page is %v", p)
	}
}

// TestDraftIsNotALinkTarget: without -drafts a link to a draft is a link
// to a page that is not published.
func TestDraftIsNotALinkTarget(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/a.md": page("A"), "content/kladde.md": page("Kladde", "draft = true")})
	if _, internal, exists := site.ResolveLink(site.PageByFile("a.md"), "kladde.md"); !internal || exists {
		t.Errorf("a link to a draft: internal %v, exists %v; want a missing internal page", internal, exists)
	}
}

func TestGeneratedPages(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/om.md":                page("Om"),
		"content/lov/sygedagpenge.md":  law("Sygedagpenge"),
		"content/guide/trin/første.md": page("Første trin"),
		"content/vejledning/_index.md": page("Vejledning"),
		"content/vejledning/hjaelp.md": page("Hjælp"),
	})
	home := site.Home
	if home == nil || home.URL != "/" || home.Kind != content.KindHome || home.File != "" {
		t.Fatalf("home %+v, want a generated home page at /", home)
	}
	if home.Title() != "Testby" {
		t.Errorf("generated home page title %q, want the site's title", home.Title())
	}
	tests := []struct {
		url, title, parent, children string
		generated                    bool
	}{
		{"/lov/", "Lov", "/", "/lov/sygedagpenge/", true},
		{"/guide/", "Guide", "/", "/guide/trin/", true},
		{"/guide/trin/", "Trin", "/guide/", "/guide/trin/foerste/", true},
		{"/vejledning/", "Vejledning", "/", "/vejledning/hjaelp/", false},
	}
	for _, tt := range tests {
		p := site.PageByURL(tt.url)
		if p == nil {
			t.Errorf("no page at %s", tt.url)
			continue
		}
		if p.Kind != content.KindSection || !p.IsList() {
			t.Errorf("%s: kind %s, want a section", tt.url, p.Kind)
		}
		if (p.File == "") != tt.generated {
			t.Errorf("%s: file %q, generated should be %v", tt.url, p.File, tt.generated)
		}
		if p.Title() != tt.title {
			t.Errorf("%s: title %q, want %q", tt.url, p.Title(), tt.title)
		}
		if p.Parent == nil || p.Parent.URL != tt.parent {
			t.Errorf("%s: parent %v, want %s", tt.url, p.Parent, tt.parent)
		}
		if got := urls(p.Children); got != tt.children {
			t.Errorf("%s: children %s, want %s", tt.url, got, tt.children)
		}
	}
	if got := urls(home.Children); got != "/guide/ /lov/ /om/ /vejledning/" {
		t.Errorf("home's children %s", got)
	}
	// Site.Pages holds every page once, sorted by URL.
	want := "/ /guide/ /guide/trin/ /guide/trin/foerste/ /lov/ /lov/sygedagpenge/ /om/ /soeg/ " +
		"/soeg/f/ /soeg/h/ /soeg/o/ /soeg/s/ /soeg/v/ /vejledning/ /vejledning/hjaelp/"
	if got := urls(site.Pages); got != want {
		t.Errorf("Pages\n%s\nwant\n%s", got, want)
	}
}

// TestGeneratedTitleIsTheFolderName: the title of a generated list page is
// what the editor named the folder, not its URL segment.
func TestGeneratedTitleIsTheFolderName(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/ældre/hjælp.md": page("Hjælp")})
	p := site.PageByURL("/aeldre/")
	if p == nil {
		t.Fatal("no generated page for content/ældre/")
	}
	if p.Title() != "Ældre" {
		t.Errorf("generated page for content/ældre/ has title %q, want Ældre", p.Title())
	}
}

func TestHomePageFromFile(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/_index.md": page("Velkommen", `lead = "Alt om mødet."`)})
	if site.Home == nil || site.Home.File != "content/_index.md" || site.Home.Title() != "Velkommen" || site.Home.Kind != content.KindHome {
		t.Errorf("home %+v", site.Home)
	}
	if d, ok := site.Home.Data.(*content.Home); !ok || d.Lead != "Alt om mødet." {
		t.Errorf("home front matter %+v", site.Home.Data)
	}
}

func TestChildrenOrder(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"weight first, then title, unweighted first",
			map[string]string{
				"content/a/_index.md": page("A"),
				"content/a/1.md":      page("Zebra", "weight = 1"),
				"content/a/2.md":      page("Æble", "weight = 1"),
				"content/a/3.md":      page("Abe", "weight = 2"),
				"content/a/4.md":      page("Ørn"),
				"content/a/5.md":      page("Bil"),
			},
			"Bil, Ørn, Zebra, Æble, Abe"},
		{"Nordic order: z, æ, ø, å; case ignored",
			map[string]string{
				"content/a/1.md": page("åben"), "content/a/2.md": page("Ørn"), "content/a/3.md": page("æble"),
				"content/a/4.md": page("Zebra"), "content/a/5.md": page("ost"), "content/a/6.md": page("Arbejde"),
			},
			"Arbejde, ost, Zebra, æble, Ørn, åben"},
		{"sort = title ignores weight",
			map[string]string{
				"content/a/_index.md": page("A", `sort = "title"`),
				"content/a/1.md":      page("Cirkel", "weight = 1"), "content/a/2.md": page("Bue", "weight = 3"), "content/a/3.md": page("Ark", "weight = 2"),
			},
			"Ark, Bue, Cirkel"},
		{"sort = date: newest first",
			map[string]string{
				"content/a/_index.md": page("A", `sort = "date"`),
				"content/a/1.md":      page("Gammel", "date = 2023-01-01"), "content/a/2.md": page("Ny", "date = 2025-06-01"), "content/a/3.md": page("Midt", "date = 2024-02-29"),
			},
			"Ny, Midt, Gammel"},
		{"news: newest first without asking, same day by title",
			map[string]string{
				"content/nyheder/_index.md": page("Nyheder"),
				"content/nyheder/a.md":      page("Åbent hus", "date = 2024-05-01"),
				"content/nyheder/b.md":      page("Nye tider", "date = 2025-01-10"),
				"content/nyheder/c.md":      page("Byrådet", "date = 2024-05-01"),
				"content/nyheder/d.md":      page("Jul", "date = 2024-12-24", "weight = -5"),
			},
			"Nye tider, Jul, Byrådet, Åbent hus"},
		{"news in a folder without _index.md",
			map[string]string{
				"content/nyheder/a.md": page("Først", "date = 2020-01-01"),
				"content/nyheder/b.md": page("Sidst", "date = 2026-01-01"),
			},
			"Sidst, Først"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, tt.files)
			var list *content.Page
			for _, u := range []string{"/a/", "/nyheder/"} {
				if p := site.PageByURL(u); p != nil {
					list = p
				}
			}
			if got := titles(list.Children); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestUnknownSortIsAnError: sort takes three words; any other is an
// editor's mistake that would otherwise sort the list by weight in silence.
func TestUnknownSortIsAnError(t *testing.T) {
	_, errs := load(t, map[string]string{"content/nyheder/_index.md": page("Nyheder", `sort = "dato"`)})
	errs = errs.Errors()
	if len(errs) != 1 || errs[0].Pos() != "content/nyheder/_index.md:3:8" || !strings.Contains(errs[0].Msg, `"dato"`) {
		t.Errorf("got %v, want one error at content/nyheder/_index.md:3:8 naming \"dato\"", errs)
	}
}

// TestSwedishOrder: in Swedish the last letters are å, ä, ö, not the
// Danish and Norwegian æ/ä, ø/ö, å. A Swedish site's glossary must be in
// the order its readers look things up.
func TestSwedishOrder(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"config.toml":      "title = \"T\"\nmunicipality = \"M\"\nlanguage = \"sv\"\n[sections]\nord = \"term\"\n",
		"content/ord/a.md": page("Öppettider", `short = "När vi har öppet."`),
		"content/ord/b.md": page("Ärende", `short = "En sak."`),
		"content/ord/c.md": page("Åtgärd", `short = "Något vi gör."`),
		"content/ord/d.md": page("Zon", `short = "Ett område."`),
	})
	if got := titles(site.Terms); got != "Zon, Åtgärd, Ärende, Öppettider" {
		t.Errorf("got  %s\nwant Zon, Åtgärd, Ärende, Öppettider", got)
	}
}

// TestDanishOrder: a Danish site's glossary is in the order of Danish
// dictionaries, as package language collates (its TestCompare holds the
// letter-by-letter cases that were content's TestCollate): æ ø å after z,
// case aside, and "Aarhus" with "Århus".
func TestDanishOrder(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"config.toml":      "title = \"T\"\nmunicipality = \"M\"\n[sections]\nord = \"term\"\n",
		"content/ord/a.md": page("Aarhus", `short = "En by."`),
		"content/ord/b.md": page("Øl", `short = "En drik."`),
		"content/ord/c.md": page("Ål", `short = "En fisk."`),
		"content/ord/d.md": page("zone", `short = "Et område."`),
		"content/ord/e.md": page("Ærø", `short = "En ø."`),
		"content/ord/f.md": page("Abe", `short = "Et dyr."`),
	})
	if got, want := titles(site.Terms), "Abe, zone, Ærø, Øl, Ål, Aarhus"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
