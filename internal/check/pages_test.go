package check

import (
	"fmt"
	"strings"
	"testing"
)

func law(name, paragraph, reviewed, reviewBy, url string) string {
	s := "+++\ntitle = \"Regel\"\ndescription = \"Om reglen.\"\nlaw = \"" + name + "\"\nparagraph = \"" + paragraph + "\"\nin_short = \"Kort.\"\nreviewed = " + reviewed + "\n"
	if reviewBy != "" {
		s += "review_by = " + reviewBy + "\n"
	}
	if url != "" {
		s += fmt.Sprintf("official_url = %q\n", url)
	}
	return s + "+++\n\nTekst.\n"
}

func TestLawLinkAndReview(t *testing.T) {
	// Per language: a law, where the language's laws are published (the
	// fix points there) and an official address.
	tests := []struct{ lang, law, paragraph, site, url string }{
		{"da", "Lov om social service", "§ 85", "https://www.retsinformation.dk/eli/...", "https://www.retsinformation.dk/eli/lta/2024/909"},
		{"sv", "Socialtjänstlagen", "4 kap. 1 §", "https://www.riksdagen.se/sv/dokument-och-lagar/...", "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/socialtjanstlag-2001453_sfs-2001-453/"},
		{"nb", "Lov om sosiale tjenester i NAV", "§ 18", "https://lovdata.no/lov/...", "https://lovdata.no/lov/2009-12-18-131"},
		{"en", "Care Act 2014", "section 9", "https://www.legislation.gov.uk/...", "https://www.legislation.gov.uk/ukpga/2014/23/section/9"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			// The day is 2026-11-23.
			r := testSite(t, tt.lang, "", map[string]string{
				"content/lov/uden-link.md": law(tt.law, tt.paragraph, "2026-10-01", "2027-10-01", ""),
				"content/lov/snart.md":     law(tt.law, tt.paragraph, "2026-01-01", "2026-12-20", tt.url),
				"content/lov/graensen.md":  law(tt.law, tt.paragraph, "2026-01-01", "2026-12-23", tt.url),
				"content/lov/tidligt.md":   law(tt.law, tt.paragraph, "2026-01-01", "2026-12-24", tt.url),
				"content/lov/i-dag.md":     law(tt.law, tt.paragraph, "2026-01-01", "2026-11-23", tt.url),
				"content/lov/for-sent.md":  law(tt.law, tt.paragraph, "2025-01-01", "2026-11-01", tt.url),
				"content/lov/gammel.md":    law(tt.law, tt.paragraph, "2025-11-01", "", tt.url),
				"content/lov/ny.md":        law(tt.law, tt.paragraph, "2026-06-01", "", tt.url),
			})
			expect(t, found(r, "law-link"), "content/lov/uden-link.md:4:7: warning: "+tt.law+" "+tt.paragraph+" has no official link")
			if h := hints(r, "law-link"); len(h) != 1 || !strings.Contains(h[0], `official_url = "`+tt.site+`"`) {
				t.Errorf("fix %q, want it to point to %s", h, tt.site)
			}
			// A warning from 30 days before (graensen is due in 30 days,
			// tidligt in 31), an error after.
			expect(t, found(r, "review-date"),
				"content/lov/for-sent.md:8:13: error: the page was due for review on 2026-11-01",
				"content/lov/gammel.md:7:12: error: the page was last reviewed on 2025-11-01, more than 12 months ago",
				"content/lov/graensen.md:8:13: warning: the page is due for review on 2026-12-23, in 30 days",
				"content/lov/i-dag.md:8:13: warning: the page is due for review today, 2026-11-23",
				"content/lov/snart.md:8:13: warning: the page is due for review on 2026-12-20, in 27 days")
			if h := hints(r, "review-date"); h[0] != "check the page against the law; then set reviewed = 2026-11-23 and review_by to the next review" {
				t.Errorf("fix %q", h[0])
			}
		})
	}
	r := testSite(t, "da", "\n[check.review-date]\nwarn_days = 10\nmonths = 5\n", map[string]string{
		"content/lov/snart.md": law("Lov om social service", "§ 85", "2026-01-01", "2026-12-20", "https://www.retsinformation.dk/"),
		"content/lov/ny.md":    law("Lov om social service", "§ 85", "2026-06-01", "", "https://www.retsinformation.dk/"),
	})
	expect(t, found(r, "review-date"), "content/lov/ny.md:7:12: error: the page was last reviewed on 2026-06-01, more than 5 months ago")
}

func TestDescription(t *testing.T) {
	tests := []struct{ lang, title, description, term, short string }{
		{"da", "Om os", "Hvem vi er.", "Frist", "Den sidste dag."},
		{"sv", "Om oss", "Vilka vi är.", "Frist", "Den sista dagen."},
		{"nb", "Om oss", "Hvem vi er.", "Frist", "Den siste dagen."},
		{"en", "About us", "Who we are.", "Time limit", "The last day."},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := testSite(t, tt.lang, "", map[string]string{
				"content/a.md": "+++\ntitle = \"" + tt.title + "\"\n+++\n\nTekst.\n",
				"content/b.md": "+++\ntitle = \"" + tt.title + " 2\"\ndescription = \"" + tt.description + "\"\n+++\n\nTekst.\n",
				// A glossary entry's short is its description.
				"content/ord/og.md": "+++\ntitle = \"" + tt.term + "\"\nshort = \"" + tt.short + "\"\n+++\n",
			})
			expect(t, found(r, "description"), "content/a.md:2:1: warning: the page has no description")
		})
	}
}
