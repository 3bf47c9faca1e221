package check

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
)

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

func TestHasMarkdownLinks(t *testing.T) {
	tests := []struct {
		data content.FrontMatter
		want bool
	}{
		{&content.Plain{Common: content.Common{Title: "A", Description: "Om A."}}, false},
		{&content.Law{InShort: "Se [loven](https://example.org/)."}, true},
		{&content.Law{YouCan: []string{"Ring.", "Læs [mere om det](/lov/)."}}, true},
		{&content.Place{Address: content.Address{Street: "[Torvet](/kort/) 1"}}, true},
		{&content.Theme{Statements: []content.Statement{{Quote: "Godt [sagt](x.md)"}}}, true},
		{&content.Home{Featured: []*content.Page{{Data: &content.Plain{Common: content.Common{Description: "[x](y)"}}}}}, false},
	}
	for i, tt := range tests {
		if got := hasMarkdownLinks(reflect.ValueOf(tt.data)); got != tt.want {
			t.Errorf("%d: %v, want %v", i, got, tt.want)
		}
	}
}
