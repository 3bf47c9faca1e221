package content_test

import (
	"strings"
	"testing"
)

const plainConfig = "title = \"Testby\"\nmunicipality = \"Testby Kommune\"\n"

func TestURLs(t *testing.T) {
	tests := []struct {
		file, front, url string
	}{
		{"content/_index.md", "", "/"},
		{"content/om.md", "", "/om/"},
		{"content/lov/sygedagpenge.md", "", "/lov/sygedagpenge/"},
		{"content/lov/_index.md", "", "/lov/"},
		{"content/lov/syge/_index.md", "", "/lov/syge/"},
		{"content/lov/syge/ret-og-pligt.md", "", "/lov/syge/ret-og-pligt/"},
		{"content/Om Os.md", "", "/om-os/"},
		{"content/Kontakt/Åbningstider.md", "", "/kontakt/aabningstider/"},
		{"content/ÆLDRE/Hjælp til Ørestad.md", "", "/aeldre/hjaelp-til-oerestad/"},
		{"content/spørg/hvad_nu.md", "", "/spoerg/hvad_nu/"},
		{"content/a  b--c!.md", "", "/a-b-c/"},
		{"content/2024/møde.md", "", "/2024/moede/"},
		// slug renames the last segment and nothing else.
		{"content/Kontakt/Åbningstider.md", `slug = "tider"`, "/kontakt/tider/"},
		{"content/lov/syge/x.md", `slug = "sygedagpenge-2"`, "/lov/syge/sygedagpenge-2/"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.front, func(t *testing.T) {
			site := mustLoad(t, map[string]string{"config.toml": plainConfig, tt.file: page("X", tt.front)})
			p := site.PageByFile(strings.TrimPrefix(tt.file, "content/"))
			if p == nil {
				t.Fatalf("no page for %s", tt.file)
			}
			if p.URL != tt.url {
				t.Errorf("URL %s, want %s", p.URL, tt.url)
			}
			if site.PageByURL(tt.url) != p {
				t.Errorf("PageByURL(%s) does not find the page", tt.url)
			}
		})
	}
}

func TestURLErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"slug with a slash",
			map[string]string{"content/lov/a.md": page("A", `slug = "../../etc"`)},
			`content/lov/a.md:3:8: slug "../../etc" may only hold a-z, 0-9 and -`},
		{"slug with capitals and æøå",
			map[string]string{"content/a.md": page("A", `slug = "Ældre Borgere"`)},
			`content/a.md:3:8: slug "Ældre Borgere" may only hold a-z, 0-9 and -`},
		{"slug on a folder's list page",
			map[string]string{"content/lov/_index.md": page("Love", `slug = "regler"`)},
			`content/lov/_index.md:3:8: slug cannot rename a folder's list page`},
		{"two pages with one URL: the error is on the slug",
			map[string]string{"content/a.md": page("A"), "content/b.md": page("B", `slug = "a"`)},
			`content/b.md:3:8: slug "a" gives the page the address /a/, which content/a.md has`},
		{"a slug takes the address of a page whose file sorts after",
			map[string]string{"content/b.md": page("B"), "content/a.md": page("A", `slug = "b"`)},
			`content/a.md:3:8: slug "b" gives the page the address /b/, which content/b.md has`},
		{"two slugs with one URL: the error is on the second",
			map[string]string{"content/a.md": page("A", `slug = "c"`), "content/b.md": page("B", `slug = "c"`)},
			`content/b.md:3:8: slug "c" gives the page the address /c/, which content/a.md has`},
		{"two file names with one slug",
			map[string]string{"content/Ældre.md": page("A"), "content/aeldre.md": page("B")},
			`content/Ældre.md:1:1: the page's address /aeldre/ is taken by content/aeldre.md`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["config.toml"] = plainConfig
			_, errs := load(t, tt.files)
			if got := withoutHints(errs.Errors()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestBadSlugKeepsTheFileName: a refused slug is reported once; the page
// keeps the URL of its file name rather than disappearing.
func TestBadSlugKeepsTheFileName(t *testing.T) {
	site, _ := load(t, map[string]string{"config.toml": plainConfig, "content/om.md": page("Om", `slug = "om/os"`)})
	if p := site.PageByFile("om.md"); p == nil || p.URL != "/om/" {
		t.Errorf("got %v, want the page at /om/", p)
	}
}
