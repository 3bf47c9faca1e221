package markup_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/torv/torv/internal/markup"
)

// testTerms is a glossary of a site under /borger/.
var testTerms = []markup.Term{
	{Forms: []string{"Digital Post", "digital postkasse"}, Href: "/borger/ordliste/digital-post/"},
	{Forms: []string{"CPR", "CPR-nummer", "personnummer"}, Href: "/borger/ordliste/cpr/", Abbr: "Det Centrale Personregister"},
	{Forms: []string{"partshøring"}, Href: "/borger/ordliste/partshoering/"},
	{Forms: []string{"Ankestyrelsen"}, Href: "/borger/ordliste/ankestyrelsen/"},
	{Forms: []string{"klage"}, Href: "/borger/ordliste/klage/"},
	{Forms: []string{"sag"}, Href: "/borger/ordliste/sag/"},
	{Forms: []string{"løn"}, Href: "/borger/ordliste/loen/"},
	{Forms: []string{"IT"}, Href: "/borger/ordliste/it/", Abbr: "informationsteknologi"},
	{Forms: []string{"idé"}, Href: "/borger/ordliste/ide/"},
	{Forms: []string{"", "?!"}, Href: "/borger/ordliste/tom/"},
}

// prefixLinks publishes every site path under /borger/.
func prefixLinks(dest string, image bool) (string, bool, bool) {
	if strings.HasPrefix(dest, "/") {
		return "/borger" + dest, true, true
	}
	return dest, false, true
}

func TestGlossaryCases(t *testing.T) {
	runCases(t, "testdata/glossary.txt", markup.Input{Link: prefixLinks, Glossary: markup.NewGlossary(testTerms)})
}

func TestGlossaryInput(t *testing.T) {
	g := markup.NewGlossary(testTerms)
	tests := []struct {
		name string
		in   markup.Input
		md   string
		want string
	}{
		{"no glossary, no links", markup.Input{}, "En klage.", "<p>En klage.</p>"},
		{"a term's own page does not link it", markup.Input{Glossary: g, Self: "/borger/ordliste/klage/"},
			"En klage om en sag.", `<p>En klage om en <a href="/borger/ordliste/sag/">sag</a>.</p>`},
		{"the fragment of the page's own link is ignored", markup.Input{Glossary: g, Link: prefixLinks},
			"Se [her](/ordliste/klage/#frist). En klage.", `<p>Se <a href="/borger/ordliste/klage/#frist">her</a>. En klage.</p>`},
		{"without Self, every term is linked", markup.Input{Glossary: g},
			"En klage.", `<p>En <a href="/borger/ordliste/klage/">klage</a>.</p>`},
	}
	md := markup.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if _, err := md.ConvertWith(&b, "content/a.md", []byte(tt.md), tt.in); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(b.String()); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestGlossaryNotInline: a page has several short strings (a lead, notes),
// and each would link its own first use.
func TestGlossaryNotInline(t *testing.T) {
	got, _ := markup.New().InlineWith("En klage.", markup.Input{Glossary: markup.NewGlossary(testTerms)})
	if got != "En klage." {
		t.Errorf("Inline linked a term: %s", got)
	}
}

// TestGlossaryParseKeepsTheEditorsTree: torv check parses pages to judge
// what the editor wrote, and links nothing.
func TestGlossaryCheckWritesNoLinks(t *testing.T) {
	md := markup.New()
	if errs := md.CheckWith("content/a.md", []byte("En klage.\n"), markup.Input{Glossary: markup.NewGlossary(testTerms)}); len(errs) > 0 {
		t.Errorf("CheckWith: %v", errs)
	}
}

// TestGlossaryUses: torv check asks the glossary which uses it links
// from, rather than guessing: running text only, inflected uses marked.
func TestGlossaryUses(t *testing.T) {
	body := []byte("## Klage\n\nOm din klage, [klagen](/x/) og *partshøringen*.\n\n| sag |\n| - |\n| partshøring |\n")
	md := markup.New()
	doc, ok := md.Parse(body)
	if !ok {
		t.Fatal("Parse")
	}
	var got []string
	markup.NewGlossaryIn("da", testTerms).Uses(doc, body, func(u markup.Use) {
		s := fmt.Sprintf("%s=%d", body[u.Start:u.End], u.Term)
		if u.Inflected {
			s += "~"
		}
		got = append(got, s)
	})
	if s := strings.Join(got, " "); s != "klage=4 partshøringen=2~ partshøring=2" {
		t.Errorf("uses %s", s)
	}
	// Without the language's endings an inflected form is no use.
	got = got[:0]
	markup.NewGlossary(testTerms).Uses(doc, body, func(u markup.Use) { got = append(got, string(body[u.Start:u.End])) })
	if s := strings.Join(got, " "); s != "klage partshøring" {
		t.Errorf("uses without endings %s", s)
	}
}

// benchPage is a page of about 900 words with a few terms in it.
func benchPage() []byte {
	var b strings.Builder
	b.WriteString("## Hvad sker der nu?\n\n")
	for i := range 30 {
		fmt.Fprintf(&b, "Når du har sendt din ansøgning, læser vi den og ser på din situation. Vi ringer til dig, hvis vi mangler noget, og vi skriver til dig i Digital Post, når vi har truffet en afgørelse nr. %d. Er du uenig, kan du sende en klage, og du kan få hjælp af din sagsbehandler.\n\n", i)
	}
	return []byte(b.String())
}

// benchTerms is a glossary of n terms, most of them words the page lacks.
func benchTerms(n int) []markup.Term {
	terms := append([]markup.Term(nil), testTerms...)
	for i := len(terms); i < n; i++ {
		terms = append(terms, markup.Term{Forms: []string{fmt.Sprintf("ordet%d", i), fmt.Sprintf("to ord%d", i)}, Href: fmt.Sprintf("/o/%d/", i)})
	}
	return terms
}

// BenchmarkGlossary shows what linking terms costs a page: compare
// "none" with the glossaries of 30 and 1000 terms. Building a glossary is
// once per language per build, and shown on its own.
func BenchmarkGlossary(b *testing.B) {
	md := markup.New()
	page := benchPage()
	for _, n := range []int{0, 30, 1000} {
		in := markup.Input{Link: prefixLinks}
		name := "none"
		if n > 0 {
			in.Glossary = markup.NewGlossary(benchTerms(n))
			name = fmt.Sprintf("%d-terms", n)
		}
		b.Run("page/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if _, err := md.ConvertWith(&out, "content/a.md", page, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("build/1000-terms", func(b *testing.B) {
		terms := benchTerms(1000)
		for b.Loop() {
			markup.NewGlossary(terms)
		}
	})
}
