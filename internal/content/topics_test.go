package content_test

import (
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestTopics(t *testing.T) {
	files := map[string]string{
		"content/a.md": page("Sygedagpenge", `tags = ["Sygdom", "Job og uddannelse"]`, "date = 2024-01-01"),
		"content/b.md": page("Ferie", `tags = ["sygdom"]`, "date = 2025-01-01"), // the same topic
		"content/c.md": page("Ældre", `tags = ["Ældrepleje"]`),
		"content/d.md": page("Uden emner"),
	}
	tests := []struct {
		name, config, root string
	}{
		{"default path", testConfig, "/emner/"},
		{"configured path", testConfig + "\n[taxonomy]\npath = \"temaer\"\n", "/temaer/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files["config.toml"] = tt.config
			site := mustLoad(t, files)
			want := []struct{ name, slug, pages string }{
				{"Job og uddannelse", "job-og-uddannelse", "Sygedagpenge"},
				{"Sygdom", "sygdom", "Ferie, Sygedagpenge"}, // newest first
				{"Ældrepleje", "aeldrepleje", "Ældre"},      // æ after z
			}
			if len(site.Topics) != len(want) {
				t.Fatalf("%d topics, want %d", len(site.Topics), len(want))
			}
			for i, w := range want {
				tp := site.Topics[i]
				if tp.Name != w.name || tp.Slug != w.slug || tp.URL != tt.root+w.slug+"/" {
					t.Errorf("topic %d: %s %s %s, want %s %s %s", i, tp.Name, tp.Slug, tp.URL, w.name, w.slug, tt.root+w.slug+"/")
				}
				if got := titles(tp.Pages); got != w.pages {
					t.Errorf("topic %s: pages %s, want %s", tp.Name, got, w.pages)
				}
				p := site.PageByURL(tp.URL)
				if p == nil || p != tp.Page || p.Kind != content.KindTopic || p.Title() != tp.Name || site.Topic(p) != tp {
					t.Errorf("topic %s has no page of its own at %s", tp.Name, tp.URL)
				}
			}
			index := site.PageByURL(tt.root)
			if index == nil || index.Kind != content.KindTopics {
				t.Fatalf("no topics index at %s", tt.root)
			}
			a := site.PageByFile("a.md")
			if len(a.Tags) != 2 || a.Tags[0].Name != "Sygdom" || a.Tags[1].Name != "Job og uddannelse" {
				t.Errorf("a.md's tags %v, want its topics in the order written", a.Tags)
			}
			if len(site.PageByFile("d.md").Tags) != 0 {
				t.Error("a page without tags has topics")
			}
		})
	}
}

func TestNoTopicsNoIndex(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/a.md": page("A")})
	if site.PageByURL("/emner/") != nil || len(site.Topics) != 0 {
		t.Error("a site without tags has a topics index")
	}
}

func TestTagErrors(t *testing.T) {
	tests := []struct {
		name, front, want string
	}{
		{"tag without letters", `tags = ["job", "!!"]`, "content/a.md:3:8: topic 2 in tags has no letters"},
		{"tag not text", `tags = ["job", 7]`, "content/a.md:3:8: item 2 of tags must be text, not a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, map[string]string{"content/a.md": page("A", tt.front)})
			if got := withoutHints(errs.Errors()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
