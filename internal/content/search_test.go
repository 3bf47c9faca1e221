package content_test

import (
	"github.com/torv/torv/internal/content"
	"strings"
	"testing"
)

func TestSearchKeys(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/kvittering.md":   page("Tak", "search = false"),
		"content/boligstoette.md": page("Boligstøtte", `keywords = ["husleje", "leje"]`),
		"content/om.md":           page("Om"),
	})
	if s := site.PageByURL("/kvittering/").Common().Search; s == nil || *s {
		t.Errorf("search = false reads as %v", s)
	}
	if s := site.PageByURL("/om/").Common().Search; s != nil {
		t.Errorf("a page without search reads as %v, want nil (searched)", *s)
	}
	if k := site.PageByURL("/boligstoette/").Common().Keywords; strings.Join(k, ",") != "husleje,leje" {
		t.Errorf("keywords = %q", k)
	}
}

func TestSearchKeysWrongType(t *testing.T) {
	tests := []struct{ line, want string }{
		{`search = "nej"`, "search must be true or false"},
		{`keywords = 5`, "keywords must be a list of texts"},
	}
	for _, tt := range tests {
		_, errs := load(t, map[string]string{"content/om.md": page("Om", tt.line)})
		e := errs.Errors()
		if len(e) != 1 || !strings.Contains(e[0].Error(), tt.want) || !strings.Contains(e[0].Error(), "content/om.md:3") {
			t.Errorf("%s: errors %v, want one at content/om.md:3 saying %q", tt.line, e, tt.want)
		}
	}
}

func TestSearchPages(t *testing.T) {
	cfg := testConfig + "\n[languages.en]\ntitle = \"Testtown\"\n[languages.sv]\ntitle = \"Teststad\"\n"
	site := mustLoad(t, map[string]string{"config.toml": cfg, "content/om.md": page("Om")})
	for lang, u := range map[string]string{"da": "/soeg/", "en": "/en/search/", "sv": "/sv/sok/"} {
		p := site.PageByURL(u)
		if p == nil || p.Kind != content.KindSearch || p.Lang != lang || site.SearchURL(lang) != u {
			t.Errorf("%s: no search page at %s", lang, u)
		}
	}
	_, errs := load(t, map[string]string{"content/soeg.md": page("Søg")})
	if e := errs.Errors(); len(e) != 1 || !strings.Contains(e[0].Error(), "content/soeg.md:1:1: the address /soeg/ is the search page's") {
		t.Errorf("a page at /soeg/: errors %v", e)
	}
}
