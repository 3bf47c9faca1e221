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
	// A folder without _index.md has a list page made for it, from no
	// file: the error is at the file in the folder that sorts first.
	for _, tt := range []struct{ file, want string }{
		{"content/soeg/b/c.md", "content/soeg/b/c.md:1:1: the address /soeg/ is the search page's (rename the folder content/soeg/)"},
		{"content/soeg/a/c.md", "content/soeg/a/c.md:1:1: the address /soeg/ is the search page's (rename the folder content/soeg/)"},
	} {
		_, errs := load(t, map[string]string{tt.file: page("Avis"), "content/b.md": page("Bad")})
		if e := errs.Errors(); len(e) != 1 || !strings.Contains(e[0].Error(), tt.want) {
			t.Errorf("%s: errors %v, want %q", tt.file, e, tt.want)
		}
	}
}

// TestLetterPages: each language's A–Å index is a page per letter below
// its search page, listing the pages the search finds in alphabetical
// order.
func TestLetterPages(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/aeldre.md":     page("Ældre"),
		"content/aabent.md":     page("Åbent hus"),
		"content/aarhus.md":     page("Aarhus"), // Danish "aa" sorts as å
		"content/borger.md":     page("borgerservice"),
		"content/boern.md":      page("Børn"),
		"content/tal.md":        page("2026 i tal"),
		"content/kvittering.md": page("Kvittering", "search = false"),
		"content/tegn.md":       page("§ 7"),
	})
	var got []string
	for _, l := range site.LettersIn("da") {
		var titles []string
		for _, p := range l.Pages {
			titles = append(titles, p.Title())
		}
		if l.Page == nil || site.PageByURL(l.Page.URL) != l.Page || l.Page.Kind != content.KindLetter ||
			l.Page.Parent != site.PageByURL("/soeg/") || site.LetterOf(l.Page) != l {
			t.Errorf("%s: page %v is not the letter's page below /soeg/", l.Letter, l.Page)
			continue
		}
		got = append(got, l.Letter+" "+l.Page.URL+" "+strings.Join(titles, ", "))
	}
	want := []string{
		"0–9 /soeg/0-9/ 2026 i tal, § 7", // "§ 7" sorts after z, and is listed under 0–9 all the same
		"B /soeg/b/ borgerservice, Børn",
		"Æ /soeg/ae/ Ældre",
		"Å /soeg/aa/ Åbent hus, Aarhus",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("A–Å index:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
