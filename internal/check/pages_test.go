package check

import (
	"fmt"
	"testing"
)

func law(reviewed, reviewBy, url string) string {
	s := "+++\ntitle = \"Regel\"\ndescription = \"Om reglen.\"\nlaw = \"Lov om social service\"\nparagraph = \"§ 85\"\nin_short = \"Kort.\"\nreviewed = " + reviewed + "\n"
	if reviewBy != "" {
		s += "review_by = " + reviewBy + "\n"
	}
	if url != "" {
		s += fmt.Sprintf("official_url = %q\n", url)
	}
	return s + "+++\n\nTekst.\n"
}

func TestLawLinkAndReview(t *testing.T) {
	// The day is 2026-11-23.
	r := testSite(t, "da", "", map[string]string{
		"content/lov/uden-link.md": law("2026-10-01", "2027-10-01", ""),
		"content/lov/snart.md":     law("2026-01-01", "2026-12-20", "https://www.retsinformation.dk/"),
		"content/lov/i-dag.md":     law("2026-01-01", "2026-11-23", "https://www.retsinformation.dk/"),
		"content/lov/for-sent.md":  law("2025-01-01", "2026-11-01", "https://www.retsinformation.dk/"),
		"content/lov/gammel.md":    law("2025-11-01", "", "https://www.retsinformation.dk/"),
		"content/lov/ny.md":        law("2026-06-01", "", "https://www.retsinformation.dk/"),
	})
	expect(t, found(r, "law-link"), "content/lov/uden-link.md:4:7: warning: Lov om social service § 85 has no official link")
	expect(t, found(r, "review-date"),
		"content/lov/for-sent.md:8:13: error: the page was due for review on 2026-11-01",
		"content/lov/gammel.md:7:12: error: the page was last reviewed on 2025-11-01, more than 12 months ago",
		"content/lov/i-dag.md:8:13: warning: the page is due for review today, 2026-11-23",
		"content/lov/snart.md:8:13: warning: the page is due for review on 2026-12-20, in 27 days")
	if h := hints(r, "review-date"); h[0] != "check the page against the law; then set reviewed = 2026-11-23 and review_by to the next review" {
		t.Errorf("fix %q", h[0])
	}
	r = testSite(t, "da", "\n[check.review-date]\nwarn_days = 10\nmonths = 5\n", map[string]string{
		"content/lov/snart.md": law("2026-01-01", "2026-12-20", "https://www.retsinformation.dk/"),
		"content/lov/ny.md":    law("2026-06-01", "", "https://www.retsinformation.dk/"),
	})
	expect(t, found(r, "review-date"), "content/lov/ny.md:7:12: error: the page was last reviewed on 2026-06-01, more than 5 months ago")
}

func TestDescription(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md":      "+++\ntitle = \"A\"\n+++\n\nTekst.\n",
		"content/b.md":      "+++\ntitle = \"B\"\ndescription = \"Om B.\"\n+++\n\nTekst.\n",
		"content/ord/og.md": "+++\ntitle = \"Og\"\nshort = \"Et ord.\"\n+++\n", // short is its description
	})
	expect(t, found(r, "description"), "content/a.md:2:1: warning: the page has no description")
}
