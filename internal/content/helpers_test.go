package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

const testConfig = `title = "Testby"
municipality = "Testby Kommune"
baseurl = "https://test.example/"

[sections]
lov = "law"
nyheder = "news"
steder = "place"
ord = "term"
`

// load reads a site made of files (path -> text) and testConfig, unless
// files hold their own config.toml.
func load(t *testing.T, files map[string]string, opts ...content.Options) (*content.Site, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte(testConfig)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatalf("config: %v", errs)
	}
	var o content.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	return content.Load(fsys, cfg, o)
}

// mustLoad is load for sites that must have no errors.
func mustLoad(t *testing.T, files map[string]string, opts ...content.Options) *content.Site {
	t.Helper()
	site, errs := load(t, files, opts...)
	if e := errs.Errors(); len(e) > 0 {
		t.Fatalf("unexpected errors:\n%v", e)
	}
	return site
}

// page is a front matter of a plain page with the given title and extra
// lines.
func page(title string, extra ...string) string {
	return "+++\ntitle = \"" + title + "\"\n" + strings.Join(extra, "\n") + "\n+++\n\nTekst.\n"
}

func law(title string, extra ...string) string {
	return page(title, append([]string{`law = "Loven"`, `paragraph = "§ 1"`, `in_short = "Kort."`, `reviewed = 2026-01-01`}, extra...)...)
}

// urls lists the URLs of pages.
func urls(pages []*content.Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.URL)
	}
	return strings.Join(out, " ")
}

// titles lists the titles of pages.
func titles(pages []*content.Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Title())
	}
	return strings.Join(out, ", ")
}

// withoutHints formats diagnostics as file:line:col: message.
func withoutHints(l diag.List) string {
	var out []string
	for _, e := range l {
		c := *e
		c.Hint = ""
		out = append(out, c.Error())
	}
	return strings.Join(out, "\n")
}
