package check

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLongWord(t *testing.T) {
	tests := []struct {
		lang, long, hyphened string
		letters              string
	}{
		{"da", "beskæftigelsesindsatsen", "beskæftigelses-indsatsen", "23"},
		{"sv", "arbetsmarknadsutbildningen", "arbetsmarknads-utbildningen", "26"},
		{"nb", "arbeidsavklaringspengene", "arbeidsavklarings-pengene", "24"},
		{"en", "incomprehensibilities", "incomprehensi-bilities", "21"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			body := "Om " + tt.long + ".\n\nOm " + tt.hyphened + " og " + tt.long + ".\n\nSe www.beskaeftigelsesministeriet.dk."
			r := testSite(t, tt.lang, "", map[string]string{"content/a.md": page("A", body)})
			// Once per page, at the first use, counting the uses; the
			// hyphen splits the word, and an address is no word.
			expect(t, found(r, "long-word"), `content/a.md:6:4: warning: "`+tt.long+`" has `+tt.letters+` letters; the limit is 20 (used 2 times)`)
			// A site allows a name; the language's endings come along.
			r = testSite(t, tt.lang, "\n[check.long-word]\nallow = [\""+tt.long[:len(tt.long)-2]+"\"]\n", map[string]string{"content/a.md": page("A", body)})
			if tt.lang != "en" {
				expect(t, found(r, "long-word"))
			}
			r = testSite(t, tt.lang, "\n[check.long-word]\nletters = 30\n", map[string]string{"content/a.md": page("A", body)})
			expect(t, found(r, "long-word"))
		})
	}
}

func TestLongWordGlossaryTermsPass(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/ord/rehabiliteringsteam.md": "+++\ntitle = \"Rehabiliteringsteam\"\nshort = \"En gruppe fagfolk.\"\n+++\n",
		"content/a.md":                       page("A", "Du mødes med [rehabiliteringsteamet](/ord/rehabiliteringsteam/)."),
	})
	expect(t, found(r, "long-word"))
}

func TestJargon(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
		fix        string
	}{
		{"da", "Ydelsen gives i henhold til loven, jf. § 12. Bevillingen kommer senere. Hjemlen er klar. Jf. reglerne igen.",
			[]string{`content/a.md:6:15: warning: "i henhold til" is officialese`, `content/a.md:6:36: warning: "jf" is officialese (used 2 times)`,
				`content/a.md:6:46: warning: "Bevillingen" is officialese`, `content/a.md:6:73: warning: "Hjemlen" is officialese`},
			`write "efter" or "ifølge" instead`},
		{"sv", "Du kan erhålla stöd i enlighet med lagen. Ansökan ska ha inkommit i tid.",
			[]string{`content/a.md:6:8: warning: "erhålla" is officialese`, `content/a.md:6:21: warning: "i enlighet med" is officialese`,
				`content/a.md:6:43: warning: "Ansökan ska ha inkommit" is officialese`},
			`write "få" instead`},
		{"nb", "Stønaden er innvilget i henhold til loven. Søknaden må være mottatt innen fristen.",
			[]string{`content/a.md:6:13: warning: "innvilget" is officialese`, `content/a.md:6:23: warning: "i henhold til" is officialese`,
				`content/a.md:6:44: warning: "Søknaden må være mottatt" is officialese`},
			`write "fått ja" instead`},
		{"en", "Benefits are paid pursuant to the Act, in accordance with the rules. Prior to that, call us.",
			[]string{`content/a.md:6:19: warning: "pursuant to" is officialese`, `content/a.md:6:40: warning: "in accordance with" is officialese`,
				`content/a.md:6:70: warning: "Prior to" is officialese`},
			`write "under" instead`},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := testSite(t, tt.lang, "", map[string]string{"content/a.md": page("A", tt.text)})
			expect(t, found(r, "jargon"), tt.want...)
			if h := hints(r, "jargon"); len(h) == 0 || !strings.HasPrefix(h[0], tt.fix) {
				t.Errorf("fix %q, want %q", h, tt.fix)
			}
		})
	}
}

func TestJargonListIsTheSites(t *testing.T) {
	extra := "\n[check.jargon]\nda = [\"sagsakter: papirerne i din sag\", \"foranlediget*\"]\nallow = [\"jf.\"]\n"
	r := testSite(t, "da", extra, map[string]string{"content/a.md": page("A", "Se sagsakter, jf. reglerne. Foranlediget af det ringer vi.")})
	expect(t, found(r, "jargon"), `content/a.md:6:4: warning: "sagsakter" is officialese`, `content/a.md:6:29: warning: "Foranlediget" is officialese`)
	if h := hints(r, "jargon"); len(h) != 2 || h[0] != `write "papirerne i din sag" instead` || h[1] != "say it in everyday words" {
		t.Errorf("fixes %q", h)
	}
}

func TestJargonTheGlossaryExplains(t *testing.T) {
	// "bevilling" is jargon, but this site's glossary explains it: the
	// glossary rule asks for the link instead.
	files := map[string]string{
		"content/ord/bevilling.md": "+++\ntitle = \"Bevilling\"\nshort = \"Når du får ja til en ydelse.\"\n+++\n",
		"content/a.md":             page("A", "Du får en bevilling."),
		"content/b.md":             page("B", "Du får en [bevilling](/ord/bevilling/)."),
	}
	r := testSite(t, "da", noAutoLinks, files)
	expect(t, found(r, "jargon"))
	expect(t, found(r, "glossary"), `content/a.md:6:11: warning: "bevilling" is in the glossary, but the page does not explain it`)
	if h := hints(r, "jargon"); len(h) != 0 {
		t.Error(h)
	}
	// By default the build links it: neither rule has anything to say.
	r = testSite(t, "da", "", files)
	if f := append(found(r, "jargon"), found(r, "glossary")...); len(f) != 0 {
		t.Errorf("findings with the build's glossary links: %q", f)
	}
}

// noAutoLinks switches off the build's links to glossary terms, so that
// every use is the editor's to link.
const noAutoLinks = "\n[glossary]\nlink_first_use = false\n"

func TestGlossary(t *testing.T) {
	tests := []struct {
		lang, term, alias, use, inflected string
	}{
		{"da", "Partshøring", "partshøre", "partshøring", "partshøringen"},
		{"sv", "Handläggare", "handläggarna", "handläggare", "handläggaren"},
		{"nb", "Saksbehandler", "saksbehandleren", "saksbehandler", "saksbehandlere"},
		{"en", "Appeal", "appeals", "appeal", "appealed"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			term := "+++\ntitle = \"" + tt.term + "\"\nshort = \"...\"\naliases = [\"" + tt.alias + "\"]\n+++\n\nSe [reglerne](/lov/regler/).\n"
			law := "+++\ntitle = \"Regler\"\nlaw = \"L\"\nparagraph = \"§ 1\"\nofficial_url = \"https://example.org/\"\nin_short = \"Kort.\"\nreviewed = 2026-10-01\nreview_by = 2027-10-01\n+++\n\nOm " + tt.use + ".\n"
			files := map[string]string{
				"content/ord/x.md":      term,
				"content/lov/regler.md": law,
				// The first use is flagged, with the number of uses; an
				// inflected form counts.
				"content/a.md": page("A", "Om "+tt.use+".\n\nOg "+tt.inflected+"."),
				// A linked use explains it.
				"content/b.md": page("B", "Om "+tt.use+". Se ["+tt.inflected+"](/ord/x/)."),
				// So does a link to a page the glossary entry links to.
				"content/c.md": page("C", "Om "+tt.use+". Se [reglerne](/lov/regler/)."),
				// A capitalised use inside a sentence is a name, and so is
				// one at its start before another capital.
				"content/d.md": page("D", "Kontakt "+tt.term+" Nord. "+tt.term+" Nord svarer."),
				// A heading is no place for a link; only running text counts.
				"content/e.md": page("E", "## "+tt.term),
				// Only inflected forms.
				"content/f.md": page("F", "Om "+tt.inflected+"."),
			}
			r := testSite(t, tt.lang, noAutoLinks, files)
			expect(t, found(r, "glossary"),
				`content/a.md:6:4: warning: "`+tt.use+`" is in the glossary, but the page does not explain it (used 2 times)`,
				`content/f.md:6:4: warning: "`+tt.inflected+`" is in the glossary, but the page does not explain it`)
			if h := hints(r, "glossary"); len(h) != 2 || h[0] != "link its first use to the glossary: ["+tt.use+"](/ord/x/)" {
				t.Errorf("fix %q", h)
			}
			// By default the build links the first use written as the
			// glossary writes it (a.md), but not an inflected form: the
			// page that has only those is left to the editor.
			r = testSite(t, tt.lang, "", files)
			expect(t, found(r, "glossary"), `content/f.md:6:4: warning: "`+tt.inflected+`" is in the glossary, but the page does not explain it`)
			if h := hints(r, "glossary"); len(h) != 1 || h[0] != "link its first use to the glossary: ["+tt.inflected+"](/ord/x/), or add \""+tt.inflected+"\" to aliases in content/ord/x.md, and torv links it" {
				t.Errorf("fix %q", h)
			}
		})
	}
}

// TestGlossaryOfThePagesLanguage: a term is explained on pages of its own
// language only; a page in another language has no entry to link.
func TestGlossaryOfThePagesLanguage(t *testing.T) {
	cfg := noAutoLinks + "\n[languages.sv]\ntitle = \"Test\"\n"
	r := testSite(t, "da", cfg, map[string]string{
		"content/ord/personnummer.md": "+++\ntitle = \"Personnummer\"\nshort = \"Dit nummer.\"\n+++\n",
		"content/ord/cpr.md":          "+++\ntitle = \"CPR\"\nshort = \"Dit personnummer.\"\nabbr = \"Det Centrale Personregister\"\n+++\n",
		"content/a.md":                page("A", "Skriv dit personnummer og dit CPR."),
		"content/a.sv.md":             page("A", "Skriv ditt personnummer och ditt CPR."),
	})
	expect(t, found(r, "glossary"), `content/a.md:6:11: warning: "personnummer" is in the glossary`)
	// The Swedish page's CPR is an abbreviation like any other: the fix
	// does not send a Swedish reader to the Danish entry.
	h := hints(r, "abbreviation")
	if len(h) != 2 || !strings.Contains(h[0], "[CPR](/ord/cpr/)") || strings.Contains(h[1], "/ord/cpr/") {
		t.Errorf("abbreviation fixes %q", h)
	}
}

func TestAbbreviation(t *testing.T) {
	cpr := "+++\ntitle = \"CPR\"\nshort = \"Dit personnummer.\"\nabbr = \"Det Centrale Personregister\"\n+++\n"
	files := map[string]string{
		"content/ord/cpr.md": cpr,
		"content/a.md":       page("A", "Skriv dit CPR her. Vi følger WCAG og regler fra EU og FN.\n\nIgen CPR og WCAG."),
		"content/b.md":       page("B", "Skriv dit CPR (Det Centrale Personregister). Vi følger Web Content Accessibility Guidelines (WCAG)."),
		"content/c.md":       page("C", "Skriv dit [CPR](/ord/cpr/). Vi følger [WCAG](https://www.w3.org/WAI/)."),
		"content/d.md":       page("D", "## Om WCAG\n\nVi følger WCAG (Web Content Accessibility Guidelines)."),
		"content/e.md":       page("E", "## Dit CPR\n\nTekst."),
	}
	// By default the build links a glossary abbreviation's first use in
	// the body's running text, with its expansion; not in a heading.
	r := testSite(t, "da", "", files)
	expect(t, found(r, "abbreviation"),
		"content/a.md:6:30: warning: abbreviation WCAG is not written out at its first use (used 2 times)",
		"content/e.md:6:8: warning: abbreviation CPR is not written out at its first use [")
	delete(files, "content/e.md")
	r = testSite(t, "da", noAutoLinks, files)
	expect(t, found(r, "abbreviation"),
		"content/a.md:6:11: warning: abbreviation CPR is not written out at its first use (used 2 times)",
		"content/a.md:6:30: warning: abbreviation WCAG is not written out at its first use (used 2 times)")
	if h := hints(r, "abbreviation"); len(h) != 2 || h[0] != `write "CPR (Det Centrale Personregister)" the first time, or link it to the glossary: [CPR](/ord/cpr/)` ||
		!strings.HasPrefix(h[1], "write what it stands for the first time") {
		t.Errorf("fixes %q", h)
	}
	// In every language: the first use is judged, an expansion in
	// brackets on either side explains it, a link does too.
	tests := []struct{ lang, abbr, long, text string }{
		{"da", "SKAT", "Skatteforvaltningen", "Du får brev fra %s om din skat."},
		{"sv", "CSN", "Centrala studiestödsnämnden", "Du får brev från %s om ditt studiestöd."},
		{"nb", "UDI", "Utlendingsdirektoratet", "Du får brev fra %s om søknaden din."},
		{"en", "DWP", "Department for Work and Pensions", "You get a letter from %s about your claim."},
	}
	for _, tt := range tests {
		r = testSite(t, tt.lang, "", map[string]string{
			"content/a.md": page("A", fmt.Sprintf(tt.text, tt.abbr)+"\n\n"+fmt.Sprintf(tt.text, tt.long+" ("+tt.abbr+")")),
			"content/b.md": page("B", fmt.Sprintf(tt.text, tt.long+" ("+tt.abbr+")")+"\n\n"+fmt.Sprintf(tt.text, tt.abbr)),
			"content/c.md": page("C", fmt.Sprintf(tt.text, tt.abbr+" ("+tt.long+")")),
			"content/d.md": page("D", fmt.Sprintf(tt.text, "["+tt.abbr+"](https://example.org/)")),
		})
		col := utf8.RuneCountInString(tt.text[:strings.Index(tt.text, "%s")]) + 1
		expect(t, found(r, "abbreviation"), fmt.Sprintf("content/a.md:6:%d: warning: abbreviation %s is not written out at its first use (used 2 times)", col, tt.abbr))
	}
	// A site's own known abbreviations, in any language.
	for _, lang := range langs {
		r = testSite(t, lang, "\n[check.abbreviation]\nknown = [\"WCAG\"]\n", map[string]string{"content/a.md": page("A", "WCAG, NAV, EU, SMS.")})
		expect(t, found(r, "abbreviation"))
	}
}

// TestGlossaryAsTheBuildLinks: check asks the build's glossary which uses
// it links, rather than guessing, so the two agree where a guess would
// not: emphasis in the middle of a term, a table cell, words marked as
// another language's, a compound written with a hyphen.
func TestGlossaryAsTheBuildLinks(t *testing.T) {
	term := "+++\ntitle = \"Digital Post\"\nshort = \"Post fra det offentlige.\"\n+++\n"
	files := map[string]string{
		"content/ord/digital-post.md": term,
		// The build links no use split by emphasis.
		"content/a.md": page("A", "Læs din digital *post* i dag."),
		// It links the use in a table's cell, which explains the
		// inflected one in the text.
		"content/b.md": page("B", "Læs din digital posten.\n\n| Hvor |\n| - |\n| digital post |"),
		// Words in another language are no use of a term.
		"content/c.md": page("C", "Han sagde [digital post]{lang=sv} i dag."),
		// A hyphen is a space to a term, and the build links it.
		"content/d.md": page("D", "Se din digital-post."),
	}
	r := testSite(t, "da", "", files)
	expect(t, found(r, "glossary"), `content/a.md:6:9: warning: "digital post" is in the glossary, but the page does not explain it`)
	r = testSite(t, "da", noAutoLinks, files)
	expect(t, found(r, "glossary"),
		`content/a.md:6:9: warning: "digital post" is in the glossary`,
		`content/b.md:6:9: warning: "digital posten" is in the glossary`,
		`content/d.md:6:8: warning: "digital-post" is in the glossary`)
}
