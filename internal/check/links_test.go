package check

import (
	"fmt"
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
	texts := map[string]string{"da": "Sådan klager du", "sv": "Så överklagar du", "nb": "Slik klager du", "en": "How to appeal"}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			text := texts[lang]
			r := testSite(t, lang, "", map[string]string{
				"content/a.md": page("A", "["+text+"](/b/) og ["+strings.ToLower(text)+"](b.md).\n\n["+text+"](/c/)."),
				"content/b.md": page("B", "B."),
				"content/c.md": page("C", "C."),
			})
			// b.md and /b/ are one target; /c/ is another.
			expect(t, found(r, "link-same-text"), `content/a.md:8:1: warning: link text "`+text+`" leads to /c/ here, but to /b/ on line 6`)
		})
	}
}

func TestLinkPDF(t *testing.T) {
	tests := []struct{ lang, form, good string }{
		{"da", "Skema til klage", "Skema (PDF, 80 kB)"},
		{"sv", "Blankett för överklagande", "Blankett (pdf, 80 kB)"},
		{"nb", "Skjema for klage", "Skjema (PDF, 80 kB)"},
		{"en", "Appeal form", "Appeal form (PDF, 80 KB)"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			body := "[" + tt.form + "](skema.pdf), [" + tt.good + "](skema.pdf)\n\n[Vejledning](https://example.org/v.PDF?x=1)."
			r := testSite(t, tt.lang, "", map[string]string{
				"content/a.md":      page("A", body),
				"content/skema.pdf": "%PDF-1.4",
			})
			expect(t, found(r, "link-pdf"),
				"content/a.md:6:1: warning: the link to skema.pdf does not say it opens a PDF",
				"content/a.md:8:1: warning: the link to v.PDF does not say it opens a PDF")
			if h := hints(r, "link-pdf"); h[0] != "add it to the link text, like ["+tt.form+" (PDF)](...)" {
				t.Errorf("fix %q", h[0])
			}
		})
	}
}

func TestMailtoTel(t *testing.T) {
	// The addresses are checked alike in every language; the text around
	// them is the language's.
	write := map[string]string{"da": "Skriv til os", "sv": "Skriv till oss", "nb": "Skriv til oss", "en": "Write to us"}
	body := func(lang string) string {
		return strings.Join([]string{
			"[a](mailto:borgerservice@fjordby.dk) [b](mailto:borgerservice@fjordby.dk?subject=Klage)",
			"[c](mailto:borgerservice.fjordby.dk) [d](mailto:) [e](mailto:a@b)",
			"[f](tel:+4570203040) [g](tel:+45-70-20-30-40) [h](tel:+45%2070203040) [i](tel:70%2020%20ring) [j](tel:+)",
			write[lang] + ".",
		}, "\n\n")
	}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			r := testSite(t, lang, "", map[string]string{"content/a.md": page("A", body(lang))})
			expect(t, found(r, "mailto-tel"),
				`content/a.md:8:1: error: "borgerservice.fjordby.dk" is not an e-mail address: mailto:borgerservice.fjordby.dk`,
				"content/a.md:8:38: error: mailto: link without an e-mail address: mailto:",
				`content/a.md:8:51: error: "a@b" is not an e-mail address: mailto:a@b`,
				"content/a.md:10:47: error: a phone number in a tel: link cannot hold spaces: tel:+45%2070203040",
				"content/a.md:10:71: error: a phone number in a tel: link cannot hold spaces: tel:70%2020%20ring",
				"content/a.md:10:95: error: tel: link without a phone number: tel:+")
		})
	}
}

func TestAnchors(t *testing.T) {
	// Heading ids spell æ, ø, å, ä and ö as the build does (ae, oe, aa).
	tests := []struct{ lang, here, id, typo, there, thereID string }{
		{"da", "Frister", "frister", "fristen", "Sådan klager du", "saadan-klager-du"},
		{"sv", "Tidsfrister", "tidsfrister", "tidsfrist", "Så överklagar du", "saa-oeverklagar-du"},
		{"nb", "Frister", "frister", "fristen", "Slik klager du", "slik-klager-du"},
		{"en", "Time limits", "time-limits", "time-limit", "How to appeal", "how-to-appeal"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := testSite(t, tt.lang, "", map[string]string{
				"content/a.md": page("A", "## "+tt.here+"\n\n[a](#"+tt.id+"), [b](#"+tt.typo+"), [c](/b/#"+tt.thereID+")\n\n[d](b.md#klag), [e](/b/#top)"),
				"content/b.md": page("B", "## "+tt.there+"\n\nTekst."),
			})
			expect(t, found(r, "anchor"),
				"content/a.md:8:"+fmt.Sprint(len("[a](#"+tt.id+"), ")+1)+": error: the page has no part #"+tt.typo+": #"+tt.typo,
				"content/a.md:10:1: error: /b/ has no part #klag: b.md#klag",
				"content/a.md:10:17: error: /b/ has no part #top: /b/#top")
			if h := hints(r, "anchor"); h[0] != "did you mean #"+tt.id+"?" || h[1] != "link to one of its headings: #"+tt.thereID {
				t.Errorf("fixes %q", h)
			}
		})
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

// TestLawCitations: a law citation, [](lov:id), may be written without
// text (the build writes the law's short title), and its #part is checked
// like any anchor's. law: and lag: are the same as lov:.
func TestLawCitations(t *testing.T) {
	law := "+++\ntitle = \"Regel\"\nlaw = \"Lov om regler\"\nparagraph = \"§ 1\"\nofficial_url = \"https://example.org/\"\nin_short = \"Kort.\"\nreviewed = 2026-10-01\nreview_by = 2027-10-01\n+++\n\n## Frist\n\nTekst.\n"
	schemes := map[string]string{"da": "lov", "sv": "lag", "nb": "lov", "en": "law"}
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			s := schemes[lang]
			body := "[](" + s + ":regel), [](" + s + ":regel#frist) og [](" + s + ":regel#fristen).\n\n[](/lov/regel/)"
			r := testSite(t, lang, "", map[string]string{"content/lov/regel.md": law, "content/a.md": page("A", body)})
			expect(t, found(r, "link-text"), "content/a.md:8:1: warning: link without text")
			expect(t, found(r, "anchor"), "content/a.md:6:39: error: /lov/regel/ has no part #fristen: "+s+":regel#fristen")
			if h := hints(r, "anchor"); len(h) != 1 || h[0] != "did you mean #frist?" {
				t.Errorf("fix %q", h)
			}
		})
	}
}
