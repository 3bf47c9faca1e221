package content_test

import (
	"strings"
	"testing"

	"github.com/torv/torv/internal/content"
)

// TestRedirects: each page's aliases lead to it, sorted by the old
// address, in every language.
func TestRedirects(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"config.toml":          testConfig + "[languages.en]\ntitle = \"Testtown\"\n",
		"content/_index.md":    page("Forside"),
		"content/om.md":        page("Om", `aliases = ["/om-kommunen/", "/gammelt/om.html"]`),
		"content/lov/klage.md": law("Klage", `aliases = ["/klage"]`),
		"content/om.en.md":     page("About", `aliases = ["/en/about-us/"]`),
	})
	var got []string
	for _, r := range site.Redirects() {
		got = append(got, r.From+" "+r.Page.URL)
	}
	want := "/en/about-us/ /en/om/, /gammelt/om.html /om/, /klage /lov/klage/, /om-kommunen/ /om/"
	if strings.Join(got, ", ") != want {
		t.Errorf("redirects\n%s\nwant\n%s", strings.Join(got, ", "), want)
	}
}

// TestAliasErrors: an alias that is no clean path, a page's address, a
// file's, or another page's alias is an error at the aliases line.
func TestAliasErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"scheme", map[string]string{"content/om.md": page("Om", `aliases = ["https://evil.example/"]`)},
			`content/om.md:3:11: alias "https://evil.example/" is not a path on the site: it must start with /`},
		{"protocol-relative", map[string]string{"content/om.md": page("Om", `aliases = ["//evil.example/x/"]`)},
			`content/om.md:3:11: alias "//evil.example/x/" starts with //`},
		{"dot-dot", map[string]string{"content/om.md": page("Om", `aliases = ["/a/../../etc/passwd"]`)},
			`content/om.md:3:11: alias "/a/../../etc/passwd" has a folder called ..`},
		{"query", map[string]string{"content/om.md": page("Om", `aliases = ["/side.aspx?id=4"]`)},
			`content/om.md:3:11: alias "/side.aspx?id=4" holds ? or #`},
		{"space", map[string]string{"content/om.md": page("Om", `aliases = ["/gammel side/"]`)},
			`content/om.md:3:11: alias "/gammel side/" holds a space`},
		{"newline", map[string]string{"content/om.md": page("Om", `aliases = ["/a/\nreturn 200;"]`)},
			`content/om.md:3:11: alias "/a/\nreturn 200;" holds a control character`},
		{"quote", map[string]string{"content/om.md": page("Om", `aliases = ["/a\"b/"]`)},
			`content/om.md:3:11: alias "/a\"b/" holds """`},
		{"home", map[string]string{"content/om.md": page("Om", `aliases = ["/"]`)},
			`content/om.md:3:11: alias "/" is the home page`},
		{"own address", map[string]string{"content/om.md": page("Om", `aliases = ["/om"]`)},
			`content/om.md:3:11: alias /om is the page's own address (remove it from aliases)`},
		{"other page", map[string]string{"content/om.md": page("Om", `aliases = ["/kontakt/"]`), "content/kontakt.md": page("Kontakt")},
			`content/om.md:3:11: alias /kontakt/ is the address of another page, content/kontakt.md`},
		{"generated page", map[string]string{"content/om.md": page("Om", `aliases = ["/lov/"]`), "content/lov/klage.md": law("Klage")},
			`content/om.md:3:11: alias /lov/ is the address of another page, which torv makes`},
		{"file", map[string]string{"content/om.md": page("Om", `aliases = ["/filer/a.pdf"]`), "content/filer/a.pdf": "%PDF"},
			`content/om.md:3:11: alias /filer/a.pdf is the address of the file content/filer/a.pdf`},
		{"twice on a page", map[string]string{"content/om.md": page("Om", `aliases = ["/gl/", "/gl"]`)},
			`content/om.md:3:11: alias /gl is listed twice`},
		{"two pages", map[string]string{"content/a.md": page("A", `aliases = ["/gl/"]`), "content/b.md": page("B", `aliases = ["/gl/"]`)},
			`content/b.md:3:11: alias /gl/ is claimed by content/a.md too (an old address can lead to one page only; remove it from one of them)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, tt.files)
			e := errs.Errors()
			if len(e) != 1 || !strings.HasPrefix(e[0].Error(), tt.want) {
				t.Errorf("got\n%v\nwant one error starting\n%s", errs, tt.want)
			}
		})
	}
}

// TestTermAliases: in a glossary term, aliases has named the word's other
// forms since before pages had old addresses; an entry that starts with
// / is an address, the others stay forms of the word.
func TestTermAliases(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/ord/cpr.md": "+++\ntitle = \"CPR-nummer\"\nshort = \"Dit personnummer.\"\naliases = [\"personnummer\", \"/ordliste/cpr/\"]\n+++\n",
	})
	p := site.PageByURL("/ord/cpr/")
	if got := p.Data.(*content.Term).Aliases; len(got) != 1 || got[0] != "personnummer" {
		t.Errorf("the term's forms are %q, want [personnummer]", got)
	}
	if r := site.Redirects(); len(r) != 1 || r[0].From != "/ordliste/cpr/" || r[0].Page != p {
		t.Errorf("redirects %v, want /ordliste/cpr/ to the term", r)
	}
}
