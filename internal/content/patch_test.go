package content_test

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// TestPatchIsAssemble holds Site.Patch to Assemble: a front-matter edit
// Patch takes gives the Site that Assemble makes of the files as they are
// after it, down to unexported fields (the order of every list, the A–Å
// index, the pagers); an edit it refuses leaves the Site as it was.
func TestPatchIsAssemble(t *testing.T) {
	files := map[string]string{
		"content/_index.md":             page("Forside"),
		"content/nyheder/_index.md":     page("Nyheder", "paginate = 2"),
		"content/nyheder/a.md":          page("Alfa", "date = 2024-01-01", `tags = ["Job", "Sygdom"]`),
		"content/nyheder/b.md":          page("Beta", "date = 2024-02-01", `tags = ["job"]`),
		"content/nyheder/c.md":          page("Gamma", "date = 2024-02-01"),
		"content/nyheder/d.md":          page("Delta", "date = 2024-03-01", `aliases = ["/gammel/"]`),
		"content/om/_index.md":          page("Om", `sort = "title"`),
		"content/om/x.md":               page("Xylofon", "weight = 2", `tags = ["Job"]`),
		"content/om/z.md":               page("Amen", `tags = ["Job"]`),
		"content/om/y.md":               page("Yngel", "weight = 1"),
		"content/lov/l.md":              law("Loven"),
		"content/ord/ø.md":              page("Ø", `short = "Et ord."`),
		"content/nyheder/e.md":          page("Epsilon", "search = false", "date = 2024-01-09"),
		"content/nyheder/kladde.md":     page("Kladde", "draft = true", "date = 2024-01-05"),
		"content/steder/s.md":           page("Sted", "date = 2025-01-01", `tags = ["Job"]`),
		"content/steder/t.md":           page("Torv", "weight = 3"),
		"content/steder/t.en.md":        page("Square"),
		"content/steder/_index.en.md":   page("Places"),
		"content/nyheder/brudt.md":      "+++\ntitle = \"Brudt\n+++\n",
		"content/nyheder/ekstra/dyb.md": page("Dyb", "date = 2022-01-01"),
	}
	tests := []struct {
		name, file, text string
		patched          bool
	}{
		{"title, same letter", "content/nyheder/a.md", page("Ax", "date = 2024-01-01", `tags = ["Job", "Sygdom"]`), true},
		{"title to the end of a date tie", "content/nyheder/b.md", page("Bzz", "date = 2024-02-01", `tags = ["job"]`), true},
		{"title, another letter", "content/nyheder/a.md", page("Zulu", "date = 2024-01-01", `tags = ["Job", "Sygdom"]`), false},
		{"date moves it to the top", "content/nyheder/c.md", page("Gamma", "date = 2025-01-01"), true},
		{"date moves it across pagers", "content/nyheder/d.md", page("Delta", "date = 2023-01-01", `aliases = ["/gammel/"]`), true},
		{"weight", "content/om/x.md", page("Xylofon", "weight = 0", `tags = ["Job"]`), true},
		{"weight in a topic by weight", "content/om/z.md", page("Amen", "weight = 9", `tags = ["Job"]`), true},
		{"title in a list by title", "content/om/y.md", page("Yak", "weight = 1"), true},
		{"description", "content/steder/t.md", page("Torv", "weight = 3", `description = "Et torv."`), true},
		{"translated page", "content/steder/t.en.md", page("Sqr", `description = "A square."`), true},
		{"unsearchable page", "content/nyheder/e.md", page("Eta", "search = false", "date = 2024-01-09"), true},
		{"search on", "content/nyheder/e.md", page("Epsilon", "date = 2024-01-09"), false},
		{"tags", "content/nyheder/c.md", page("Gamma", "date = 2024-02-01", `tags = ["Job"]`), false},
		{"aliases", "content/nyheder/d.md", page("Delta", "date = 2024-03-01"), false},
		{"slug", "content/nyheder/c.md", page("Gamma", "date = 2024-02-01", `slug = "g"`), false},
		{"draft", "content/nyheder/c.md", page("Gamma", "date = 2024-02-01", "draft = true"), false},
		{"law", "content/lov/l.md", law("Lovene"), false},
		{"term", "content/ord/ø.md", page("Øer", `short = "Et ord."`), false},
		{"list", "content/om/_index.md", page("Om os", `sort = "title"`), false},
		{"broken now", "content/nyheder/c.md", "+++\ntitle = \"Gamma\n+++\n", false},
		{"broken before", "content/nyheder/brudt.md", page("Brudt"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig + "\n[lists]\nsplit = true\n\n[languages.en]\ntitle = \"Testtown\"\n")}}
			for name, text := range files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
			if len(errs) > 0 {
				t.Fatalf("config: %v", errs)
			}
			parsed := parseAll(fsys, cfg)
			site, _ := assemble(t, fsys, cfg, parsed, content.Options{})
			before, _ := assemble(t, fsys, cfg, parseAll(fsys, cfg), content.Options{})
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			var old *content.Parsed
			for i, pr := range parsed {
				if pr.File == tt.file {
					old = pr
					parsed[i] = content.ParseFile(fsys, tt.file, cfg)
				}
			}
			nw := parsed[len(parsed)-1]
			for _, pr := range parsed {
				if pr.File == tt.file {
					nw = pr
				}
			}
			if got := site.Patch(old, nw); got != tt.patched {
				t.Fatalf("Patch = %v, want %v", got, tt.patched)
			}
			want, _ := assemble(t, fsys, cfg, parseAll(fsys, cfg), content.Options{})
			if !tt.patched {
				want = before
			}
			content.ForgetTitleRanks(site)
			content.ForgetTitleRanks(want)
			if !reflect.DeepEqual(site, want) {
				t.Errorf("the patched site differs from Assemble's:\n%s\nwant\n%s", urls(site.Pages), urls(want.Pages))
			}
		})
	}
}
