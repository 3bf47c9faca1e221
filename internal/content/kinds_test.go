package content_test

import (
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestKinds(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/_index.md":            page("Forside"),
		"content/lov/_index.md":        page("Love"),
		"content/lov/a.md":             law("A"),
		"content/lov/dybt/b.md":        law("B"), // the top folder decides
		"content/lov/c.md":             page("C", `type = "page"`),
		"content/nyheder/n.md":         page("N", "date = 2024-05-01"),
		"content/om/x.md":              page("X"),
		"content/om/ny.md":             page("Ny", `type = "news"`, "date = 2024-05-01"),
		"content/ord/borgerservice.md": page("Borgerservice", `short = "Kommunens skranke."`),
	})
	want := map[string]content.Kind{
		"_index.md":            content.KindHome,
		"lov/_index.md":        content.KindSection,
		"lov/a.md":             content.KindLaw,
		"lov/dybt/b.md":        content.KindLaw,
		"lov/c.md":             content.KindPage,
		"nyheder/n.md":         content.KindNews,
		"om/x.md":              content.KindPage,
		"om/ny.md":             content.KindNews,
		"ord/borgerservice.md": content.KindTerm,
	}
	for file, kind := range want {
		p := site.PageByFile(file)
		if p == nil {
			t.Errorf("no page %s", file)
			continue
		}
		if p.Kind != kind {
			t.Errorf("%s: kind %s, want %s", file, p.Kind, kind)
		}
		if _, ok := p.Data.(*content.Law); ok != (kind == content.KindLaw) {
			t.Errorf("%s: front matter %T for kind %s", file, p.Data, kind)
		}
	}
	if d := site.PageByFile("ord/borgerservice.md"); d.Description() != "Kommunens skranke." {
		t.Errorf("a term's description %q, want its short text", d.Description())
	}
	if len(site.Terms) != 1 || site.Terms[0].Title() != "Borgerservice" {
		t.Errorf("glossary %v", titles(site.Terms))
	}
}
