package render

import (
	"fmt"
	"github.com/torv/torv/internal/golden"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
)

// glossarySite is a site under /borger/ in lang, with English as a second
// language (or Danish, when lang is English), a glossary in both, a law and
// pages that use the terms. extra is added to config.toml; files add or
// replace files (path -> text).
func glossarySite(t *testing.T, lang, extra string, files ...map[string]string) (*Renderer, *content.Site) {
	t.Helper()
	other := "en"
	if lang == "en" {
		other = "da"
	}
	term := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = %q\nshort = \"Forklaring.\"\ndescription = \"Om %s.\"\n%s\n+++\n\nSe også en klage.\n", title, title, extra))}
	}
	fsys := fstest.MapFS{
		"config.toml":                              {Data: []byte(fmt.Sprintf("title = \"Testby\"\nmunicipality = \"Testby\"\nlanguage = %q\nbaseurl = \"https://test.example/borger/\"\n\n[languages.%s]\ntitle = \"Other\"\n\n[sections]\nordliste = \"term\"\nlov = \"law\"\n%s", lang, other, extra))},
		"content/_index.md":                        {Data: []byte("+++\ntitle = \"Testby\"\n+++\n")},
		"content/_index." + other + ".md":          {Data: []byte("+++\ntitle = \"Other\"\n+++\n")},
		"content/ordliste/_index.md":               {Data: []byte("+++\ntitle = \"Ordliste\"\n+++\n\nOrdene.\n")},
		"content/ordliste/klage.md":                term("klage", ""),
		"content/ordliste/cpr.md":                  term("CPR", "abbr = \"Det Centrale Personregister\"\naliases = [\"CPR-nummer\"]"),
		"content/ordliste/aerende.md":              term("Ärende", ""),
		"content/ordliste/aeble.md":                term("Æble", ""),
		"content/ordliste/oere.md":                 term("Øre", ""),
		"content/ordliste/aal.md":                  term("Ål", ""),
		"content/ordliste/zone.md":                 term("zone", ""),
		"content/ordliste/abonnement.md":           term("abonnement", ""),
		"content/ordliste/112.md":                  term("112", ""),
		"content/ordliste/appeal." + other + ".md": term("appeal", ""),
		"content/ordliste/_index." + other + ".md": {Data: []byte("+++\ntitle = \"Ordliste\"\n+++\n")},
		"content/lov/klage.md":                     {Data: []byte("+++\ntitle = \"Klage\"\nlaw = \"Lov om retssikkerhed (retssikkerhedsloven)\"\nparagraph = \"§ 67\"\nin_short = \"Kort: [](lov:klage#frist).\"\nreviewed = 2026-01-01\n+++\n\nOm [](lov:klage).\n")},
		"content/om.md":                            {Data: []byte("+++\ntitle = \"Om\"\n+++\n\nEn klage om dit CPR og en appeal. Igen en klage og [](lov:klage).\n")},
	}
	for _, f := range files {
		for name, text := range f {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	r, errs := New(torv.Defaults(), site, markup.New(), &assets.Set{CSS: assets.Asset{URL: "/css/style.x.css", Integrity: "sha384-x"}})
	if r == nil {
		t.Fatal(errs)
	}
	return r, site
}

var mainTag = regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)

func renderMain(t *testing.T, r *Renderer, site *content.Site, file string) string {
	t.Helper()
	p := site.PageByFile(file)
	if p == nil {
		t.Fatalf("no page %s", file)
	}
	out, errs := r.Page(p)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", file, errs)
	}
	return mainTag.FindString(string(out))
}

// TestGlossaryLinks: every page links the first use of each term of its
// language, but not a term on its own page, and not at all when
// config.toml says so.
func TestGlossaryLinks(t *testing.T) {
	r, site := glossarySite(t, "da", "")
	off, offSite := glossarySite(t, "da", "\n[glossary]\nlink_first_use = false\n")
	tests := []struct {
		name      string
		r         *Renderer
		site      *content.Site
		file      string
		want, not []string
	}{
		{"the first use of each term is linked", r, site, "om.md",
			[]string{`En <a href="/borger/ordliste/klage/">klage</a> om dit <a href="/borger/ordliste/cpr/"><abbr title="Det Centrale Personregister">CPR</abbr></a>`, `Igen en klage og`},
			nil},
		{"a term of another language is not linked", r, site, "om.md",
			[]string{"og en appeal."}, []string{`appeal/"`}},
		{"a term is not linked on its own page", r, site, "ordliste/klage.md",
			[]string{"Se også en klage."}, []string{`href="/borger/ordliste/klage/"`}},
		{"another term's page links it", r, site, "ordliste/cpr.md",
			[]string{`Se også en <a href="/borger/ordliste/klage/">klage</a>.`}, nil},
		{"link_first_use = false links none", off, offSite, "om.md",
			[]string{"En klage om dit CPR"}, []string{`/ordliste/`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := renderMain(t, tt.r, tt.site, tt.file)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("no %s in\n%s", w, html)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(html, n) {
					t.Errorf("%s in\n%s", n, html)
				}
			}
		})
	}
}

// TestGlossaryEndings: the build's glossary reads the page's language, as
// torv check's does: "Digital Posten" is an inflected use of "Digital
// Post", not linked, and no use of "digital", which is linked where it is
// written on its own.
func TestGlossaryEndings(t *testing.T) {
	r, site := glossarySite(t, "da", "", map[string]string{
		"content/ordliste/digital-post.md": "+++\ntitle = \"Digital Post\"\nshort = \"Post fra det offentlige.\"\n+++\n",
		"content/ordliste/digital.md":      "+++\ntitle = \"digital\"\nshort = \"På nettet.\"\n+++\n",
		"content/om.md":                    "+++\ntitle = \"Om\"\n+++\n\nLæs din Digital Posten. Det er digital.\n",
	})
	html := renderMain(t, r, site, "om.md")
	want := `Læs din Digital Posten. Det er <a href="/borger/ordliste/digital/">digital</a>.`
	if !strings.Contains(html, want) {
		t.Errorf("no %s in\n%s", want, html)
	}
}

// TestLawCitations: a citation in the body and in front matter gets the
// law's short title and the base path.
func TestLawCitations(t *testing.T) {
	r, site := glossarySite(t, "da", "")
	html := renderMain(t, r, site, "om.md")
	if want := `<a href="/borger/lov/klage/">Retssikkerhedsloven § 67</a>`; !strings.Contains(html, want) {
		t.Errorf("no %s in\n%s", want, html)
	}
	html = renderMain(t, r, site, "lov/klage.md")
	if want := `Kort: <a href="/borger/lov/klage/#frist">Retssikkerhedsloven § 67</a>.`; !strings.Contains(html, want) {
		t.Errorf("the front matter's citation: no %s in\n%s", want, html)
	}
}

// TestUnknownLawInFrontMatter: a citation of an unknown law in front
// matter is reported at its place in the file, with the closest id.
func TestUnknownLawInFrontMatter(t *testing.T) {
	r, site := glossarySite(t, "da", "", map[string]string{
		"content/lov/klage.md": "+++\ntitle = \"Klage\"\nlaw = \"Loven\"\nparagraph = \"§ 67\"\nin_short = \"Kort: [](lov:klag#frist).\"\nreviewed = 2026-01-01\n+++\n",
	})
	_, errs := r.Page(site.PageByFile("lov/klage.md"))
	want := `content/lov/klage.md:5:19: unknown law "klag" (in the front matter) (did you mean "klage"? The ids are the file names in content/lov/, or the law's id key)`
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("got  %v\nwant %s", errs, want)
	}
}

var glossaryNav = regexp.MustCompile(`(?s)<nav class="glossary-letters".*?</main>`)

// TestGlossaryPageGolden renders the glossary's list page in Danish,
// Swedish and English with torv's own layouts: the letters in each
// language's order (Danish Æ Ø Å, Swedish Å Ä Ö, English without either),
// each term under its letter, to testdata/glossary/<lang>.html.
func TestGlossaryPageGolden(t *testing.T) {
	for _, lang := range []string{"da", "sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r, site := glossarySite(t, lang, "")
			html := renderMain(t, r, site, "ordliste/_index.md")
			got := glossaryNav.FindString(html)
			if got == "" {
				t.Fatalf("no glossary in\n%s", html)
			}
			got += "\n"
			golden.Check(t, "./internal/render", filepath.Join("testdata", "glossary", lang+".html"), []byte(got), *update)
		})
	}
}

// TestGlossaryOnlyForTerms: a list of other pages is a plain list.
func TestGlossaryOnlyForTerms(t *testing.T) {
	terms := []*content.Page{{Kind: content.KindTerm, Data: &content.Term{Common: content.Common{Title: "a"}}}}
	other := append(terms, &content.Page{Kind: content.KindPage, Data: &content.Plain{Common: content.Common{Title: "b"}}})
	if g := (&View{Lang: "da", List: terms}).Glossary(); len(g) != 1 {
		t.Errorf("terms: %v", g)
	}
	if g := (&View{Lang: "da", List: other}).Glossary(); g != nil {
		t.Errorf("a list with a plain page got a glossary: %v", g)
	}
	if g := (&View{Lang: "da"}).Glossary(); g != nil {
		t.Errorf("an empty list got a glossary: %v", g)
	}
}
