package content_test

import (
	"strings"
	"testing"

	"github.com/torv/torv/internal/content"
)

const langConfig = testConfig + `
[languages.en]
title = "Testby in English"

[languages.sv]
title = "Testby på svenska"
`

func TestTranslations(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"config.toml":               langConfig,
		"content/_index.md":         page("Forside"),
		"content/_index.en.md":      page("Home"),
		"content/om.md":             page("Om", `tags = ["klage"]`),
		"content/om.en.md":          page("About", `tags = ["complaints"]`),
		"content/om.sv.md":          page("Om oss"),
		"content/lov/klage.md":      law("Klage"),
		"content/lov/klage.en.md":   law("Complaints", `slug = "complaints"`),
		"content/lov/aktindsigt.md": law("Aktindsigt"),
		"content/svensk.sv.md":      page("Bara på svenska"),
		"content/v1.2.md":           page("Version"), // not a language: part of the name
	})
	tests := []struct{ url, lang, translations, parent string }{
		{"/om/", "da", "/sv/om/ /en/om/", "/"},
		{"/en/om/", "en", "/om/ /sv/om/", "/en/"},
		{"/sv/om/", "sv", "/om/ /en/om/", "/sv/"},
		{"/en/lov/complaints/", "en", "/lov/klage/", "/en/lov/"},
		{"/sv/svensk/", "sv", "", "/sv/"},
		{"/v1-2/", "da", "", "/"},
		{"/en/", "en", "/ /sv/", ""},
		{"/sv/", "sv", "/ /en/", ""},        // generated: Swedish has no _index.sv.md
		{"/en/lov/", "en", "/lov/", "/en/"}, // generated list pages are translations too
	}
	for _, tt := range tests {
		p := site.PageByURL(tt.url)
		if p == nil {
			t.Errorf("no page at %s; have %s", tt.url, urls(site.Pages))
			continue
		}
		parent := ""
		if p.Parent != nil {
			parent = p.Parent.URL
		}
		if p.Lang != tt.lang || urls(p.Translations) != tt.translations || parent != tt.parent {
			t.Errorf("%s: lang %s, translations %q, parent %q; want %s, %q, %q",
				tt.url, p.Lang, urls(p.Translations), parent, tt.lang, tt.translations, tt.parent)
		}
	}
	if got := site.PageByURL("/sv/").Title(); got != "Testby på svenska" {
		t.Errorf("generated Swedish home is titled %q, want the [languages.sv] title", got)
	}
	// Each language's lists hold only its own pages.
	if got := urls(site.HomeOf("en").Children); got != "/en/om/ /en/lov/" {
		t.Errorf("English home lists %s", got)
	}
	// A law cited from an English page is the English explainer when
	// there is one, else the Danish.
	if got := site.Law("en", "klage").URL; got != "/en/lov/complaints/" {
		t.Errorf("Law(en, klage) = %s", got)
	}
	if got := site.Law("en", "aktindsigt").URL; got != "/lov/aktindsigt/" {
		t.Errorf("Law(en, aktindsigt) = %s", got)
	}
	if got := site.Law("da", "klage").URL; got != "/lov/klage/" {
		t.Errorf("Law(da, klage) = %s", got)
	}
	// The English explainer names the Danish law as the Danish one does:
	// that name is Danish text on an English page.
	if got := site.Law("en", "klage").Data.(*content.Law).LawLang; got != "da" {
		t.Errorf("LawLang of the English explainer = %q, want da", got)
	}
	if got := site.Law("da", "klage").Data.(*content.Law).LawLang; got != "" {
		t.Errorf("LawLang of the Danish explainer = %q, want none", got)
	}
	// Topics are per language, under the language's folder.
	var topics []string
	for _, tp := range site.Topics {
		topics = append(topics, tp.Lang+":"+tp.URL)
	}
	if got := strings.Join(topics, " "); got != "da:/emner/klage/ en:/en/emner/complaints/" {
		t.Errorf("topics: %s", got)
	}
	if got := site.PageByURL("/en/emner/").Title(); got != "Topics" {
		t.Errorf("English topic index is titled %q", got)
	}
}

func TestLanguageErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a language the site does not publish", map[string]string{
			"content/om.nb.md": page("Om oss"),
		}, "content/om.nb.md: the file name says the page is in Norsk bokmål (.nb.md), but config.toml has no [languages.nb]"},
		{"two laws with one id in one language", map[string]string{
			"config.toml":         langConfig,
			"content/lov/a.en.md": law("A", `id = "x"`),
			"content/lov/b.en.md": law("B", `id = "x"`),
		}, `content/lov/b.en.md:7:6: law id "x" is taken by content/lov/a.en.md`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, tt.files)
			if got := withoutHints(errs); !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestSameIDAcrossLanguages: a law's translation has the law's id, from
// the shared file name, and is not a second law.
func TestSameIDAcrossLanguages(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"config.toml":         langConfig,
		"content/lov/x.md":    law("X"),
		"content/lov/x.en.md": law("X in English"),
	})
	if site.Law("en", "x") == site.Law("da", "x") || site.Law("en", "x") == nil {
		t.Error("the English explainer is not found by the Danish id")
	}
}

// TestListUpdated: a list page without a date of its own was last updated
// when the newest page it lists was, so every page can say "Senest
// opdateret"; a leaf page without a date says nothing.
func TestListUpdated(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/lov/a.md":          law("A", "updated = 2026-03-01"),
		"content/lov/b.md":          law("B", "updated = 2026-05-01"),
		"content/lov/c/_index.md":   page("C"),
		"content/lov/c/d.md":        law("D", "updated = 2026-06-01"),
		"content/nyheder/_index.md": page("Nyheder", "updated = 2025-01-01"),
		"content/om.md":             page("Om"),
	})
	for url, want := range map[string]string{
		"/lov/": "2026-06-01", "/lov/c/": "2026-06-01", "/nyheder/": "2025-01-01", "/om/": "", "/": "2026-06-01",
	} {
		got := ""
		if d := site.PageByURL(url).Updated(); !d.IsZero() {
			got = d.ISO()
		}
		if got != want {
			t.Errorf("%s updated %q, want %q", url, got, want)
		}
	}
}

// TestUntitledList: a folder with an _index.md in one language but pages
// without one in another gets a list page titled after the folder there,
// and a warning that says which file gives it a title.
func TestUntitledList(t *testing.T) {
	cfg := testConfig + "\n[languages.en]\ntitle = \"Testtown\"\n"
	_, errs := load(t, map[string]string{"config.toml": cfg,
		"content/tilbud/_index.md": page("Tilbud"), "content/tilbud/a.md": page("A"),
		"content/tilbud/b.en.md": page("B"), "content/tilbud/c.en.md": page("C"),
		"content/guide/a.md": page("A"), "content/guide/a.en.md": page("A"), // no _index in any language: no warning
	})
	want := `content/tilbud/b.en.md:1:1: warning: the list page /en/tilbud/ has no _index.en.md, so it is titled "Tilbud" after the folder (add content/tilbud/_index.en.md with the list's title in this language)`
	if e := errs; len(e) != 1 || e[0].Error() != want {
		t.Errorf("diagnostics %v, want one: %s", e, want)
	}
}
