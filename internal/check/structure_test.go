package check

import "testing"

func TestHeadings(t *testing.T) {
	law := "+++\ntitle = \"Regel\"\nlaw = \"L\"\nparagraph = \"§ 1\"\nofficial_url = \"https://example.org/\"\nin_short = \"Kort.\"\nreviewed = 2026-10-01\nreview_by = 2027-10-01\n+++\n\n## Frist\n\n#### For sent\n"
	r := testSite(t, "da", "", map[string]string{
		"content/a.md": page("A", "# Igen en titel\n\n## Om\n\n#### Dybt\n\n##\n\nTekst\n===\n"),
		"content/b.md": page("B", "## Om\n\n### Mere\n\n## Andet\n\n### Sidst"),
		// A law's body sits under "Det betyder for dig"; its editor still
		// starts at ##.
		"content/lov/regel.md": law,
	})
	expect(t, found(r, "heading"),
		`content/a.md:6:1: warning: heading "Igen en titel" is a second heading 1`,
		`content/a.md:10:1: warning: heading "Dybt" skips from level 2 to 4`,
		"content/a.md:12:1: warning: empty heading",
		`content/a.md:14:1: warning: heading "Tekst" is a second heading 1`,
		`content/lov/regel.md:13:1: warning: heading "For sent" skips from level 2 to 4`)
	if h := hints(r, "heading"); h[1] != "write it with ### (level 3), so screen-reader users do not miss a level" {
		t.Errorf("fix %q", h[1])
	}
}

func TestImageAlt(t *testing.T) {
	files := map[string]string{
		"content/a.md":     page("A", "![](kort.png)\n\n![kort.png](kort.png)\n\n![IMG_2041](kort.png)\n\n![Kort](kort.png)\n\n![Kort over Havnegade med indgangen markeret](kort.png)"),
		"content/kort.png": "png",
	}
	r := testSite(t, "da", "", files)
	expect(t, found(r, "image-alt"),
		"content/a.md:6:1: error: image kort.png has no alt text",
		"content/a.md:8:1: error: image kort.png has its file name as alt text",
		"content/a.md:10:1: error: image kort.png has its file name as alt text",
		"content/a.md:12:1: error: image kort.png has its file name as alt text")
}

func TestTableHeader(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md": page("A", "| | |\n|---|---|\n| Mandag | 8-15 |\n\nTekst.\n\n| Dag | Tid |\n|---|---|\n| Mandag | 8-15 |"),
	})
	expect(t, found(r, "table-header"), "content/a.md:6:1: warning: table without a header row")
}
