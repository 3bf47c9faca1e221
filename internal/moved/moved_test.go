package moved_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/moved"
	"github.com/torv/torv/internal/outdir"
)

func site(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte("title = \"T\"\nmunicipality = \"M\"\n[languages.en]\ntitle = \"T\"\n[sections]\nord = \"term\"\nlov = \"law\"\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s, errs := content.Load(fsys, cfg, content.Options{})
	if len(errs.Errors()) > 0 {
		t.Fatal(errs)
	}
	return s
}

// law is a law explainer's file with extra front-matter lines.
func law(title, extra string) string {
	return "+++\ntitle = \"" + title + "\"\nlaw = \"Forvaltningsloven\"\nparagraph = \"§ 9\"\nin_short = \"Kort.\"\nreviewed = 2026-01-01\n" + extra + "+++\n\nTekst.\n"
}

// TestCheck: a page that moved is found by its file, or by its title in
// its language when the file was renamed; the line to add keeps a term's
// words and the aliases the page has.
func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		prev  []outdir.Page
		files map[string]string
		want  string
	}{
		{"a term's words stay",
			[]outdir.Page{{File: "content/ord/cpr.md", URL: "/ord/cpr/", Title: "CPR"}},
			map[string]string{"content/ord/cpr.md": "+++\ntitle = \"CPR\"\nshort = \"Nummer.\"\nslug = \"cpr-nummer\"\naliases = [\"personnummer\", \"/gl/\"]\n+++\n"},
			`content/ord/cpr.md:1:1: warning: the page's address was /ord/cpr/ in the last build and is /ord/cpr-nummer/ now; links and letters with the old address will break (add aliases = ["personnummer", "/gl/", "/ord/cpr/"] to the front matter, or build again to accept the change)`},
		{"renamed in English",
			[]outdir.Page{{File: "content/about.en.md", URL: "/en/about/", Title: "About"}, {File: "content/om.md", URL: "/om/", Title: "About"}},
			map[string]string{"content/om.md": "+++\ntitle = \"About\"\n+++\n", "content/us.en.md": "+++\ntitle = \"About\"\n+++\n"},
			`content/us.en.md:1:1: warning: the page's address was /en/about/ in the last build (it was content/about.en.md) and is /en/us/ now`},
		{"a law renamed: its id came from the file name",
			[]outdir.Page{{File: "content/lov/aktindsigt.md", URL: "/lov/aktindsigt/", Title: "Aktindsigt"}},
			map[string]string{"content/lov/aktindsigt-i-din-sag.md": law("Aktindsigt", "")},
			`content/lov/aktindsigt-i-din-sag.md:1:1: warning: the page's address was /lov/aktindsigt/ in the last build (it was content/lov/aktindsigt.md) and is /lov/aktindsigt-i-din-sag/ now; links and letters with the old address will break (add aliases = ["/lov/aktindsigt/"] and id = "aktindsigt" (the law's id came from its file name; with it, [](lov:aktindsigt) cites the page still) to the front matter, or build again to accept the change)`},
		{"a law renamed in English",
			[]outdir.Page{{File: "content/lov/aktindsigt.en.md", URL: "/en/lov/aktindsigt/", Title: "Access"}},
			map[string]string{"content/lov/access.en.md": law("Access", "")},
			`content/lov/access.en.md:1:1: warning: the page's address was /en/lov/aktindsigt/ in the last build (it was content/lov/aktindsigt.en.md) and is /en/lov/access/ now; links and letters with the old address will break (add aliases = ["/en/lov/aktindsigt/"] and id = "aktindsigt" (`},
		{"a law renamed with an id of its own",
			[]outdir.Page{{File: "content/lov/aktindsigt.md", URL: "/lov/aktindsigt/", Title: "Aktindsigt"}},
			map[string]string{"content/lov/ny.md": law("Aktindsigt", "id = \"aktindsigt\"\n")},
			`content/lov/ny.md:1:1: warning: the page's address was /lov/aktindsigt/ in the last build (it was content/lov/aktindsigt.md) and is /lov/ny/ now; links and letters with the old address will break (add aliases = ["/lov/aktindsigt/"] to the front matter, or build again to accept the change)`},
		{"two new pages with the title: no guess",
			[]outdir.Page{{File: "content/a.md", URL: "/a/", Title: "Ny"}},
			map[string]string{"content/b.md": "+++\ntitle = \"Ny\"\n+++\n", "content/c.md": "+++\ntitle = \"Ny\"\n+++\n"},
			""},
		{"no build before",
			nil,
			map[string]string{"content/b.md": "+++\ntitle = \"B\"\n+++\n"},
			""},
	}
	for _, tt := range tests {
		got := moved.Check(tt.prev, site(t, tt.files)).Error()
		if (tt.want == "") != (got == "") || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestRecords: the pages made from files, with address and title.
func TestRecords(t *testing.T) {
	r := moved.Records(site(t, map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n"}))
	if len(r) != 1 || r[0] != (outdir.Page{File: "content/om.md", URL: "/om/", Title: "Om"}) {
		t.Errorf("records %+v", r)
	}
}
