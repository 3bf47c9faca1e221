package check

import (
	"strings"
	"testing"
)

func TestLinkText(t *testing.T) {
	tests := []struct{ lang, vague, other string }{
		{"da", "klik her", "Læs mere …"},
		{"sv", "klicka här", "Läs mer"},
		{"nb", "les mer", "Her"},
		{"en", "click here", "Read more."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			body := "Om klager: [" + tt.vague + "](/b/). Og [" + tt.other + "](/b/).\n\n[Klage over en afgørelse](/b/) og [](/b/)."
			r := testSite(t, tt.lang, "", map[string]string{"content/a.md": page("A", body), "content/b.md": page("B", "B.")})
			got := found(r, "link-text")
			if len(got) != 3 || !strings.Contains(got[0], `link text "`+tt.vague+`" says nothing`) ||
				!strings.Contains(got[1], "says nothing") || !strings.HasPrefix(got[2], "content/a.md:8:35: warning: link without text") {
				t.Errorf("findings:\n%s", strings.Join(got, "\n"))
			}
		})
	}
	// A site adds its own vague texts and allows built-in ones.
	r := testSite(t, "da", "\n[check.link-text]\nda = [\"videre\"]\nallow = [\"her\"]\n", map[string]string{
		"content/a.md": page("A", "[Videre](/b/) og [her](/b/)."), "content/b.md": page("B", "B."),
	})
	expect(t, found(r, "link-text"), `content/a.md:6:1: warning: link text "Videre" says nothing`)
}

func TestLinkSameText(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md": page("A", "[Sådan klager du](/b/) og [sådan klager du](b.md).\n\n[Sådan klager du](/c/)."),
		"content/b.md": page("B", "B."),
		"content/c.md": page("C", "C."),
	})
	// b.md and /b/ are one target; /c/ is another.
	expect(t, found(r, "link-same-text"), `content/a.md:8:1: warning: link text "Sådan klager du" leads to /c/ here, but to /b/ on line 6`)
}

func TestLinkPDF(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md":      page("A", "[Skema til klage](skema.pdf), [Skema (PDF, 80 kB)](skema.pdf) og [Vejledning](https://example.org/v.PDF?x=1)."),
		"content/skema.pdf": "%PDF-1.4",
	})
	expect(t, found(r, "link-pdf"),
		"content/a.md:6:1: warning: the link to skema.pdf does not say it opens a PDF",
		"content/a.md:6:66: warning: the link to v.PDF does not say it opens a PDF")
	if h := hints(r, "link-pdf"); h[0] != "add it to the link text, like [Skema til klage (PDF)](...)" {
		t.Errorf("fix %q", h[0])
	}
}

func TestMailtoTel(t *testing.T) {
	body := strings.Join([]string{
		"[a](mailto:borgerservice@fjordby.dk) [b](mailto:borgerservice@fjordby.dk?subject=Klage)",
		"[c](mailto:borgerservice.fjordby.dk) [d](mailto:) [e](mailto:a@b)",
		"[f](tel:+4570203040) [g](tel:+45-70-20-30-40) [h](tel:+45%2070203040) [i](tel:70%2020%20ring) [j](tel:+)",
	}, "\n\n")
	r := testSite(t, "da", "", map[string]string{"content/a.md": page("A", body)})
	expect(t, found(r, "mailto-tel"),
		`content/a.md:8:1: error: "borgerservice.fjordby.dk" is not an e-mail address: mailto:borgerservice.fjordby.dk`,
		"content/a.md:8:38: error: mailto: link without an e-mail address: mailto:",
		`content/a.md:8:51: error: "a@b" is not an e-mail address: mailto:a@b`,
		"content/a.md:10:47: error: a phone number in a tel: link cannot hold spaces: tel:+45%2070203040",
		"content/a.md:10:71: error: a phone number in a tel: link cannot hold spaces: tel:70%2020%20ring",
		"content/a.md:10:95: error: tel: link without a phone number: tel:+")
}

func TestAnchors(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md": page("A", "## Frister\n\n[her på siden](#frister), [mangler](#fristen), [b](/b/#saadan-klager-du), [c](b.md#klag), [d](/b/#top)"),
		"content/b.md": page("B", "## Sådan klager du\n\nTekst."),
	})
	expect(t, found(r, "anchor"),
		"content/a.md:8:27: error: the page has no part #fristen: #fristen",
		"content/a.md:8:75: error: /b/ has no part #klag: b.md#klag",
		"content/a.md:8:91: error: /b/ has no part #top: /b/#top")
	if h := hints(r, "anchor"); h[0] != "did you mean #frister?" || h[1] != "link to one of its headings: #saadan-klager-du" {
		t.Errorf("fixes %q", h)
	}
}

func TestAnchorsInRenderedHTML(t *testing.T) {
	files := map[string]string{
		"content/a.md": page("A", "[top](/b/#main) [nej](/b/#nej)"),
		"content/b.md": page("B", "Tekst."),
	}
	html := func(u string) []byte {
		if u == "/b/" {
			return []byte(`<body><main id=main><h1 id="b">B</h1></main>`)
		}
		return nil
	}
	r := testSite(t, "da", "", files)
	if len(found(r, "anchor")) != 2 {
		t.Fatalf("without HTML both anchors are missing: %q", found(r, "anchor"))
	}
	c := newTestChecker(t, files)
	got := found(c.Run(html), "anchor")
	expect(t, got, "content/a.md:6:17: error: /b/ has no part #nej")
}
