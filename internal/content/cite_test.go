package content_test

import (
	"testing"

	"github.com/torv/torv/internal/content"
)

// citeSite has two Danish laws, one English-only law and a Danish and an
// English page that cite them.
func citeSite(t *testing.T) *content.Site {
	t.Helper()
	return mustLoad(t, map[string]string{
		"config.toml":                 testConfig + "\n[languages.en]\ntitle = \"Testtown\"\n",
		"content/lov/sygedagpenge.md": law("Sygedagpenge"),
		"content/lov/klage.md":        page("Klage", `type = "law"`, `law = "Retssikkerhedsloven"`, `paragraph = "§ 67"`, `in_short = "Kort."`, `reviewed = 2026-01-01`, `id = "klage-over-en-afgoerelse"`),
		"content/lov/residence.en.md": page("Residence", `type = "law"`, `law = "Act on residence (the residence act)"`, `paragraph = "§ 2"`, `in_short = "Short."`, `reviewed = 2026-01-01`),
		"content/om.md":               page("Om"),
		"content/about.en.md":         page("About"),
	})
}

func TestCite(t *testing.T) {
	site := citeSite(t)
	da, en := site.PageByFile("om.md"), site.PageByFile("about.en.md")
	if da == nil || en == nil || en.Lang != "en" {
		t.Fatalf("pages: da %v, en %v", da, en)
	}
	tests := []struct {
		name string
		from *content.Page
		dest string
		ok   bool
		want content.Citation // without Law
		law  string           // the cited page's file, "" for none
	}{
		{"a law by its file name", da, "lov:sygedagpenge", true,
			content.Citation{ID: "sygedagpenge", URL: "/lov/sygedagpenge/", Text: "Loven § 1"}, "content/lov/sygedagpenge.md"},
		{"a law by its id key, with a fragment", da, "lov:klage-over-en-afgoerelse#frist", true,
			content.Citation{ID: "klage-over-en-afgoerelse", URL: "/lov/klage/#frist", Text: "Retssikkerhedsloven § 67"}, "content/lov/klage.md"},
		{"law: and lag: are lov:", da, "LAG:sygedagpenge", true,
			content.Citation{ID: "sygedagpenge", URL: "/lov/sygedagpenge/", Text: "Loven § 1"}, "content/lov/sygedagpenge.md"},
		{"a law only in Danish, cited in English, is marked Danish", en, "law:sygedagpenge", true,
			content.Citation{ID: "sygedagpenge", URL: "/lov/sygedagpenge/", Text: "Loven § 1", Lang: "da"}, "content/lov/sygedagpenge.md"},
		{"a law only in English, cited in Danish, is marked English", da, "lov:residence", true,
			content.Citation{ID: "residence", URL: "/en/lov/residence/", Text: "The residence act § 2", Lang: "en"}, "content/lov/residence.en.md"},
		{"an unknown law suggests the closest id", da, "lov:sygdagpenge", true,
			content.Citation{ID: "sygdagpenge", Hint: `did you mean "sygedagpenge"? The ids are the file names in content/lov/, or the law's id key`}, ""},
		{"an unknown law far from every id says where ids come from", da, "lov:boligstoette", true,
			content.Citation{ID: "boligstoette", Hint: `the ids are the file names in content/lov/, or the law's id key`}, ""},
		{"a page link is no citation", da, "/lov/sygedagpenge/", false, content.Citation{}, ""},
		{"another scheme is no citation", da, "mailto:a@b.dk", false, content.Citation{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := site.Cite(tt.from, tt.dest)
			if ok != tt.ok {
				t.Fatalf("ok %v, want %v", ok, tt.ok)
			}
			file := ""
			if c.Law != nil {
				file = c.Law.File
			}
			if file != tt.law {
				t.Errorf("law %q, want %q", file, tt.law)
			}
			c.Law = nil
			if c != tt.want {
				t.Errorf("got  %+v\nwant %+v", c, tt.want)
			}
		})
	}
}

// TestResolveLinkCites: ResolveLink is what the build's links and torv
// check's rules go through, so a citation must resolve there like a link
// to the explainer.
func TestResolveLinkCites(t *testing.T) {
	site := citeSite(t)
	from := site.PageByFile("om.md")
	tests := []struct {
		dest, resolved   string
		internal, exists bool
	}{
		{"lov:sygedagpenge", "/lov/sygedagpenge/", true, true},
		{"lov:sygedagpenge#hvem-betaler", "/lov/sygedagpenge/#hvem-betaler", true, true},
		{"lov:sygdagpenge", "lov:sygdagpenge", true, false},
		{"lov:", "lov:", true, false},
	}
	for _, tt := range tests {
		resolved, internal, exists := site.ResolveLink(from, tt.dest)
		if resolved != tt.resolved || internal != tt.internal || exists != tt.exists {
			t.Errorf("ResolveLink(%q) = %q, %v, %v; want %q, %v, %v", tt.dest, resolved, internal, exists, tt.resolved, tt.internal, tt.exists)
		}
	}
}

func TestLawShortTitle(t *testing.T) {
	tests := []struct{ law, paragraph, want string }{
		{"Lov om sygedagpenge (sygedagpengeloven)", "§ 7", "Sygedagpengeloven § 7"},
		{"Forvaltningsloven", "§ 19", "Forvaltningsloven § 19"},
		{"Lov om aktiv socialpolitik (aktivloven) ", " § 11", "Aktivloven § 11"},
		{"Lov (om noget) og mere", "§ 1", "Lov (om noget) og mere § 1"},
		{"Lov om ældre ()", "§ 2", "Lov om ældre () § 2"},
		{"Lov om ældre (ældreloven)", "", "Ældreloven"},
	}
	for _, tt := range tests {
		if got := (&content.Law{Law: tt.law, Paragraph: tt.paragraph}).ShortTitle(); got != tt.want {
			t.Errorf("ShortTitle(%q, %q) = %q, want %q", tt.law, tt.paragraph, got, tt.want)
		}
	}
}

func TestLawHintWithoutLaws(t *testing.T) {
	site := mustLoad(t, map[string]string{"content/om.md": page("Om")})
	c, _ := site.Cite(site.PageByFile("om.md"), "lov:sygedagpenge")
	if want := "the site has no law explainer to cite yet; add one in content/lov/"; c.Hint != want {
		t.Errorf("hint %q, want %q", c.Hint, want)
	}
}
