package check

import "testing"

func TestHeadings(t *testing.T) {
	tests := []struct{ lang, title, about, deep, more, other, last string }{
		{"da", "Igen en titel", "Om", "Dybt", "Mere", "Andet", "Sidst"},
		{"sv", "Ännu en titel", "Om oss", "Djupt", "Mer", "Annat", "Sist"},
		{"nb", "Enda en tittel", "Om oss", "Dypt", "Mer", "Annet", "Sist"},
		{"en", "Another title", "About", "Deep", "More", "Other", "Last"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			law := "+++\ntitle = \"Regel\"\nlaw = \"L\"\nparagraph = \"§ 1\"\nofficial_url = \"https://example.org/\"\nin_short = \"Kort.\"\nreviewed = 2026-10-01\nreview_by = 2027-10-01\n+++\n\n## " + tt.about + "\n\n#### " + tt.deep + "\n"
			r := testSite(t, tt.lang, "", map[string]string{
				"content/a.md": page("A", "# "+tt.title+"\n\n## "+tt.about+"\n\n#### "+tt.deep+"\n\n##\n\n"+tt.more+"\n===\n"),
				"content/b.md": page("B", "## "+tt.about+"\n\n### "+tt.more+"\n\n## "+tt.other+"\n\n### "+tt.last),
				// A law's body sits under "Det betyder for dig"; its editor still
				// starts at ##.
				"content/lov/regel.md": law,
			})
			expect(t, found(r, "heading"),
				`content/a.md:6:1: warning: heading "`+tt.title+`" is a second heading 1`,
				`content/a.md:10:1: warning: heading "`+tt.deep+`" skips from level 2 to 4`,
				"content/a.md:12:1: warning: empty heading",
				`content/a.md:14:1: warning: heading "`+tt.more+`" is a second heading 1`,
				`content/lov/regel.md:13:1: warning: heading "`+tt.deep+`" skips from level 2 to 4`)
			if h := hints(r, "heading"); h[1] != "write it with ### (level 3), so screen-reader users do not miss a level" {
				t.Errorf("fix %q", h[1])
			}
		})
	}
}

func TestImageAlt(t *testing.T) {
	// Per language: the names a camera, phone or screenshot tool gives a
	// file, which editors leave as alt text, and an alt text that says
	// what the image shows.
	tests := []struct{ lang, screenshot, numbered, good string }{
		{"da", "Skærmbillede 2026-03-01 kl. 10.22.31", "billede_12", "Indgangen til Jobcenter Fjordby fra Havnegade"},
		{"sv", "Skärmavbild 2026-03-01 kl. 10.22.31", "bild-3", "Ingången till Medborgarkontoret från torget"},
		{"nb", "Skjermbilde 2026-03-01 kl. 10.22.31", "bilde 4", "Inngangen til servicetorget fra parkeringsplassen"},
		{"en", "Screenshot 2026-03-01 at 10.22.31", "image_5", "The entrance to the job centre from Harbour Street"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			files := map[string]string{
				"content/a.md": page("A", "![](kort.png)\n\n![kort.png](kort.png)\n\n![IMG_2041](kort.png)\n\n![Kort](kort.png)\n\n"+
					"!["+tt.screenshot+"](kort.png)\n\n!["+tt.numbered+"](kort.png)\n\n![20260301_102231](kort.png)\n\n!["+tt.good+"](kort.png)\n\n"+
					"!["+tt.good+" (kort.png)](kort.png)"),
				"content/kort.png": "png",
			}
			r := testSite(t, tt.lang, "", files)
			expect(t, found(r, "image-alt"),
				"content/a.md:6:1: error: image kort.png has no alt text",
				"content/a.md:8:1: error: image kort.png has its file name as alt text",
				"content/a.md:10:1: error: image kort.png has its file name as alt text",
				"content/a.md:12:1: error: image kort.png has its file name as alt text",
				"content/a.md:14:1: error: image kort.png has its file name as alt text",
				"content/a.md:16:1: error: image kort.png has its file name as alt text",
				"content/a.md:18:1: error: image kort.png has its file name as alt text")
		})
	}
}

func TestTableHeader(t *testing.T) {
	tests := []struct{ lang, day, time, monday string }{
		{"da", "Dag", "Tid", "Mandag"},
		{"sv", "Dag", "Tid", "Måndag"},
		{"nb", "Dag", "Tid", "Mandag"},
		{"en", "Day", "Time", "Monday"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := testSite(t, tt.lang, "", map[string]string{
				"content/a.md": page("A", "| | |\n|---|---|\n| "+tt.monday+" | 8-15 |\n\nTekst.\n\n| "+tt.day+" | "+tt.time+" |\n|---|---|\n| "+tt.monday+" | 8-15 |"),
			})
			expect(t, found(r, "table-header"), "content/a.md:6:1: warning: table without a header row")
		})
	}
}
