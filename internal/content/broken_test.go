package content_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// brokenSite is a site whose pages link to, feature, list and cite the
// page content/lov/klage.md, which each case of TestBrokenPage breaks.
func brokenSite(files map[string]string) map[string]string {
	site := map[string]string{
		"config.toml":               langConfig,
		"content/_index.md":         page("Forside", `featured = ["lov/klage.md", "/lov/klage/"]`),
		"content/_index.en.md":      page("Home"),
		"content/lov/_index.md":     "+++\ntitle = \"Love\"\n+++\n\nSe [klage](klage.md) og [](lov:klage).\n",
		"content/lov/aktindsigt.md": law("Aktindsigt"),
		"content/lov/klage.md":      law("Klage", `tags = ["ret"]`),
		"content/lov/klage.en.md":   law("Complaints"),
		"content/om.md":             page("Om", `tags = ["ret"]`),
	}
	for name, text := range files {
		if text == "" {
			delete(site, name)
			continue
		}
		site[name] = text
	}
	return site
}

// TestBrokenPage holds a page whose file has a mistake to its place in the
// site: it keeps the address its file gives it, its folder's kind and its
// place in its folder's list, so the pages that link to it, feature it,
// list it or cite it give no errors of their own, and the editor sees one
// message, in the file they broke.
func TestBrokenPage(t *testing.T) {
	const file = "content/lov/klage.md"
	tests := []struct {
		name  string
		files map[string]string
		file  string // the broken file, when not content/lov/klage.md
		url   string
		kind  content.Kind
		title string
		tags  string // the page's topics, by name
		line  int    // of the one error
	}{
		{"unclosed quote in the title",
			map[string]string{file: strings.Replace(law("Klage", `tags = ["ret"]`), `"Klage"`, `"Klage`, 1)},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 2},
		{"unclosed array: the keys after it are kept",
			map[string]string{file: "+++\ntags = [\"ret\"\ntitle = \"Klage over en afgørelse\"\n+++\n"},
			"", "/lov/klage/", content.KindLaw, "Klage over en afgørelse", "", 2}, // the line of the list
		{"front matter not closed",
			map[string]string{file: "+++\ntitle = \"Klage\"\n\nTekst.\n"},
			"", "/lov/klage/", content.KindLaw, "Klage", "", 1},
		{"no front matter",
			map[string]string{file: "# Klage\n\nTekst.\n"},
			"", "/lov/klage/", content.KindLaw, "Klage", "", 1},
		{"not UTF-8",
			map[string]string{file: "+++\ntitle = \"Kl\xe5ge\"\n+++\n"},
			"", "/lov/klage/", content.KindLaw, "Klage", "", 2},
		{"unknown type: the folder's kind",
			map[string]string{file: law("Klage", `type = "lovv"`, `tags = ["ret"]`)},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 7},
		{"unknown key",
			map[string]string{file: law("Klage", `tags = ["ret"]`, `forfatter = "Ida"`)},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 8},
		{"title of the wrong type: titled after the file",
			map[string]string{file: strings.Replace(law("x", `tags = ["ret"]`), `"x"`, `5`, 1)},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 2},
		{"a slug that parsed is kept",
			map[string]string{file: law("Klage", `slug = "klager"`, `paragraph = "§ 2"`),
				"content/_index.md": page("Forside", `featured = ["lov/klage.md", "/lov/klager/"]`)},
			"", "/lov/klager/", content.KindLaw, "Klage", "", 8},
		{"a broken slug: the file's address",
			map[string]string{file: law("Klage", `slug = "klager`, `tags = ["ret"]`)},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 7},
		{"a recovered address never takes a page's own",
			map[string]string{file: law("Klage", `slug = "aktindsigt"`, `title = "To"`)},
			"", "/lov/klage/", content.KindLaw, "Klage", "", 8},
		{"a list page keeps its children",
			map[string]string{"content/lov/_index.md": "+++\ntitle = \"Love\nsort = \"title\"\n+++\n"},
			"content/lov/_index.md", "/lov/", content.KindSection, "Lov", "", 2},
		{"type on a list page",
			map[string]string{"content/lov/_index.md": page("Love", `type = "page"`)},
			"content/lov/_index.md", "/lov/", content.KindSection, "Love", "", 3},
		{"the home page",
			map[string]string{"content/_index.md": page("Forside", `featured = ["lov/klage.md"]`, `lead = "Velkommen`)},
			"content/_index.md", "/", content.KindHome, "Forside", "", 4},
		{"a home page without a title",
			map[string]string{"content/_index.md": "+++\ntitle = Forside\nfeatured = [\"lov/klage.md\"]\n+++\n"},
			"content/_index.md", "/", content.KindHome, "Testby", "", 2},
		{"a translation",
			map[string]string{"content/lov/klage.en.md": law("Complaints", `title = "Again"`)},
			"content/lov/klage.en.md", "/en/lov/klage/", content.KindLaw, "Complaints", "", 7},
		{"the only page of a topic",
			map[string]string{"content/om.md": page("Om", `tags = ["ret"]`, `weight = "x`)},
			"content/om.md", "/om/", content.KindPage, "Om", "ret", 4},
		{"the body nested too deep",
			map[string]string{file: law("Klage", `tags = ["ret"]`) + strings.Repeat(">", 100) + " x\n"},
			"", "/lov/klage/", content.KindLaw, "Klage", "ret", 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			broken := cmp.Or(tt.file, file)
			site, errs := load(t, brokenSite(tt.files))
			if got := errs.Errors(); len(got) != 1 || got[0].File != broken || got[0].Line != tt.line {
				t.Fatalf("want one error, at %s:%d; got\n%v", broken, tt.line, withoutHints(got))
			}
			p := site.PageByFile(strings.TrimPrefix(broken, "content/"))
			if p == nil {
				t.Fatalf("no page of %s; pages %s", broken, urls(site.Pages))
			}
			if p.URL != tt.url || p.Kind != tt.kind || p.Title() != tt.title || !p.Broken {
				t.Errorf("page %s %s %q broken %v; want %s %s %q broken", p.URL, p.Kind, p.Title(), p.Broken, tt.url, tt.kind, tt.title)
			}
			if site.PageByURL(tt.url) != p {
				t.Errorf("%s is not the page at %s", broken, tt.url)
			}
			var tags []string
			for _, tp := range p.Tags {
				tags = append(tags, tp.Name)
			}
			if got := strings.Join(tags, " "); got != tt.tags {
				t.Errorf("topics %q, want %q", got, tt.tags)
			}
			holdsItsPlace(t, site, p)
		})
	}
}

// holdsItsPlace checks that p hangs in the tree as a page that read would:
// its folder's list page (from _index.md when there is one) lists it, and
// the list pages of a broken _index.md list their pages.
func holdsItsPlace(t *testing.T, site *content.Site, p *content.Page) {
	t.Helper()
	if p.IsHome() {
		if p.Parent != nil {
			t.Errorf("the home page has a parent, %s", p.Parent.URL)
		}
	} else if p.Parent == nil || !slices.Contains(p.Parent.Children, p) {
		t.Errorf("%s is not among its parent's children", p.URL)
	}
	if p.Kind == content.KindSection && (len(p.Children) == 0 || p.Children[0].Parent != p) {
		t.Errorf("the list page %s lost its children: %s", p.URL, urls(p.Children))
	}
	if lov := site.PageByURL("/lov/"); lov == nil || lov.File != "content/lov/_index.md" {
		t.Errorf("/lov/ is not the folder's own list page")
	}
	if p.Lang == "en" && urls(p.Translations) != "/lov/klage/" {
		t.Errorf("translations %q, want /lov/klage/", urls(p.Translations))
	}
	// What other pages do with content/lov/klage.md, broken or not.
	klage := site.PageByFile("lov/klage.md")
	lov := site.PageByURL("/lov/")
	if klage == nil || site.Law("da", "klage") != klage {
		t.Errorf("lov:klage does not cite content/lov/klage.md")
	}
	if _, _, ok := site.ResolveLink(lov, "klage.md"); !ok {
		t.Errorf("the link to klage.md from /lov/ does not resolve")
	}
	if site.Home.Data.(*content.Home).Featured[0] != klage {
		t.Errorf("the home page does not feature content/lov/klage.md")
	}
}

// TestBrokenPageAddress holds the address of a page recovered with a slug
// to what Load gives, as the preview assembles the site again after the
// page whose address the slug names goes and comes back: the slug's
// address when it is free, else the file's own.
func TestBrokenPageAddress(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":  {Data: []byte(testConfig)},
		"content/a.md": {Data: []byte(page("A"))},
		"content/b.md": {Data: []byte(page("B", `slug = "a"`, `title = "Igen"`))},
	}
	cfg, _ := config.Parse(fsys, content.KindNames(), content.KindHint)
	parsed := parseAll(fsys, cfg)
	for _, step := range []struct {
		without string // a file left out of this step
		want    string // b.md's address
	}{{"", "/b/"}, {"content/a.md", "/a/"}, {"", "/b/"}} {
		delete(fsys, step.without)
		if step.without == "" {
			fsys["content/a.md"] = &fstest.MapFile{Data: []byte(page("A"))}
		}
		var now []*content.Parsed
		for _, pr := range parsed {
			if pr.File != step.without {
				now = append(now, pr)
			}
		}
		want, wantErrs := content.Load(fsys, cfg, content.Options{})
		got, gotErrs := assemble(t, fsys, cfg, now, content.Options{})
		if b := got.PageByFile("b.md"); b == nil || b.URL != step.want || want.PageByFile("b.md").URL != step.want {
			t.Errorf("without %q: b.md is at %s (Load: %s), want %s", step.without, urls([]*content.Page{b}), want.PageByFile("b.md").URL, step.want)
		}
		if gotErrs.Error() != wantErrs.Error() || len(wantErrs) != 1 {
			t.Errorf("without %q: errors\n%s\nLoad's\n%s\nwant only b.md's own", step.without, gotErrs, wantErrs)
		}
	}
}
