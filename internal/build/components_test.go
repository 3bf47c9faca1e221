package build

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/golden"

	"github.com/torv/torv"
)

// componentSite has one page of each citizen-facing component. It is built
// once per language torv has UI strings for, and each component's part of
// the page (its <main>, or the header and footer for the site's furniture)
// must match testdata/golden/components/<lang>/<component>.html: labels,
// dates, weekdays, numbers and percentages are the language's.
var componentSite = map[string]string{
	"content/_index.md":          "+++\ntitle = \"Forside\"\nlead = \"Her møder du kommunen.\"\nfeatured = [\"steder/jobcenter.md\"]\n+++\n",
	"content/kontakt.md":         "+++\ntitle = \"Kontakt\"\ndescription = \"Sådan kontakter du os.\"\n+++\n\nRing til os.\n",
	"content/feedback.md":        "+++\ntitle = \"Giv os din mening\"\ndescription = \"Fortæl os, hvad du synes.\"\nlayout = \"feedback\"\n+++\n\nVi vil gerne høre fra dig.\n",
	"content/tilgaengelighed.md": "+++\ntitle = \"Tilgængelighed\"\ndescription = \"Hvor godt siden virker for alle.\"\n+++\n\nSiden følger WCAG 2.2 AA.\n",
	"content/steder/jobcenter.md": `+++
title = "Jobcenter Testby"
description = "Her møder du din sagsbehandler."
phone = "+45 70 00 00 00"
email = "job@testby.dk"
digital_post = "Skriv til Jobcenter Testby i Digital Post."
booking_url = "https://testby.dk/book/"
step_free = true
accessibility = ["Elevator", "Handicaptoilet"]
services = ["Samtaler", "Jobsøgning"]
directions = "Bus 1 og 2 til Torvet."
parking = "Gratis parkering bag huset."
updated = 2026-11-02

[address]
street = "Torvet 1"
postcode = "9995"
city = "Testby"

[opening_hours]
monday = "08:00-15:00"
tuesday = "08:00-12:00, 13:00-15:00"
friday = "08:00-13:00"

[[exceptions]]
date = 2026-12-24
until = 2026-12-26
hours = "closed"
note = "Jul"
+++
`,
	"content/lov/sygedagpenge.md": `+++
title = "Sygedagpenge"
description = "Hvornår du kan få sygedagpenge."
law = "Sygedagpengeloven"
paragraph = "§ 7"
official_url = "https://www.retsinformation.dk/eli/lta/2019/1089"
in_short = "Du kan få sygedagpenge, når du er syg og ikke kan arbejde."
you_can = ["Ring til din sagsbehandler.", "Klag inden fire uger."]
reviewed = 2026-10-01
review_by = 2027-10-01
+++

Din arbejdsgiver betaler først.
`,
	"content/ordliste/sagsbehandler.md": "+++\ntitle = \"Sagsbehandler\"\nshort = \"Den medarbejder, der har din sag.\"\n+++\n",
	"content/ordliste/cpr.md":           "+++\ntitle = \"CPR\"\nabbr = \"Det Centrale Personregister\"\nshort = \"Dit personnummer.\"\n+++\n",
	"content/ordliste/aktindsigt.md":    "+++\ntitle = \"Aktindsigt\"\nshort = \"Du må se papirerne i din sag.\"\n+++\n",
	"content/moedet/tale.md": `+++
title = "Hvordan taler vi sammen?"
question = "Hvordan taler vi sammen?"
initiatives = ["initiativer/breve.md"]

[[statements]]
quote = "Jeg ved, hvad der skal ske på mødet."
who = "Borger"
context = "Borgermøde 2025"

[[statements]]
quote = "Brevet var let at læse."
+++
`,
	"content/initiativer/breve.md": "+++\ntitle = \"Breve, man kan forstå\"\ndescription = \"Vi skriver vores breve om.\"\nstatus = \"in_progress\"\nowner = \"Jobcentret\"\nstarted = 2025-03-01\ntheme = \"moedet/tale.md\"\nlatest = \"De første ti breve er skrevet om.\"\nupdated = 2026-09-01\n+++\n",
	"content/initiativer/ring.md":  "+++\ntitle = \"Vi ringer, når du klager\"\nstatus = \"done\"\nstarted = 2024-01-01\n+++\n",
	"content/tal/tilfredshed.md": `+++
title = "Tilfredshed"
period = "2025"
source = "Brugerundersøgelse"

[[figures]]
label = "Henvendelser"
value = 77117

[[figures]]
label = "Tilfredse"
value = 79.5
unit = "%"

[[charts]]
title = "Godt samarbejde"
unit = "%"
[[charts.bars]]
label = "Jobcenter"
value = 79
[[charts.bars]]
label = "Ydelsescenter"
value = 66.5
+++
`,
	"content/nyheder/a.md": "+++\ntitle = \"Nyt om breve\"\ndate = 2026-03-10\ndescription = \"Brevene bliver kortere.\"\n+++\n\nTekst.\n",
	"content/nyheder/b.md": "+++\ntitle = \"Borgermøde\"\ndate = 2026-05-02\ndescription = \"Kom til borgermøde.\"\n+++\n\nTekst.\n",
}

const componentConfig = `title = "Mødet"
municipality = "Testby Kommune"
baseurl = "https://test.example/"
language = "LANG"

[contact]
phone = "+45 70 00 00 00"
email = "kontakt@testby.dk"
hours = "Mandag til fredag kl. 9-15"
page = "kontakt.md"

[sections]
steder = "place"
lov = "law"
ordliste = "term"
moedet = "theme"
initiativer = "initiative"
tal = "figures"
nyheder = "news"

[feedback]
endpoint = "https://testby.dk/feedback"
email = "feedback@testby.dk"
`

// components names each component's page and the part of it compared.
var components = []struct{ name, path, part string }{
	{"furniture", "kontakt/index.html", "furniture"},
	{"place", "steder/jobcenter/index.html", "main"},
	{"law", "lov/sygedagpenge/index.html", "main"},
	{"glossary", "ordliste/index.html", "main"},
	{"term", "ordliste/cpr/index.html", "main"},
	{"statement", "moedet/tale/index.html", "main"},
	{"initiative", "initiativer/breve/index.html", "main"},
	{"initiatives", "initiativer/index.html", "main"},
	{"figures", "tal/tilfredshed/index.html", "main"},
	{"news", "nyheder/index.html", "main"},
	{"feedback", "feedback/index.html", "main"},
}

var (
	mainPart = regexp.MustCompile(`(?s)<main\b.*</main>`)
	// The furniture is everything but <main>: skip link, header,
	// navigation, breadcrumbs, feedback question and footer.
	headPart = regexp.MustCompile(`(?s)<body>.*?<main\b`)
	footPart = regexp.MustCompile(`(?s)</main>.*</body>`)
)

func TestComponentGolden(t *testing.T) {
	for _, lang := range []string{"da", "sv", "nb", "en"} {
		t.Run(lang, func(t *testing.T) {
			fsys := fstest.MapFS{"config.toml": {Data: []byte(strings.Replace(componentConfig, "LANG", lang, 1))}}
			for name, text := range componentSite {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			res := Build(fsys, torv.Defaults(), Options{})
			if len(res.Diags.Errors()) > 0 || res.Output == nil {
				t.Fatalf("build failed:\n%s", res.Diags.Error())
			}
			for _, c := range components {
				b, ok := res.Output.Get(c.path)
				if !ok {
					t.Errorf("%s: %s was not built", c.name, c.path)
					continue
				}
				html := string(b)
				var got string
				if c.part == "main" {
					got = mainPart.FindString(html)
				} else {
					got = headPart.FindString(html) + "\n...\n" + footPart.FindString(html)
				}
				got = strings.ReplaceAll(got, "><", ">\n<") + "\n"
				// The fingerprints of the stylesheet and scripts are left
				// out, so a CSS or JS change does not touch every file.
				got = fingerprint.ReplaceAllString(got, ".HASH.$1")
				got = integrity.ReplaceAllString(got, "sha384-HASH")
				golden.Check(t, "./internal/build", filepath.Join("testdata", "golden", "components", lang, c.name+".html"), []byte(got), *update)
			}
		})
	}
}

// TestFeedbackQuestion: every page asks "Fik du svar på dit spørgsmål?"
// and links to the feedback page, but the feedback page itself; a site
// may switch the question off or name another page.
func TestFeedbackQuestion(t *testing.T) {
	const fb = "+++\ntitle = \"Giv os din mening\"\nlayout = \"feedback\"\n+++\n"
	tests := []struct {
		name, config string
		files        map[string]string
		want         string // the feedback page the question on om/ links to, or "" for no question
	}{
		{"default", "", map[string]string{"content/feedback.md": fb}, "/feedback/"},
		{"switched off", "[feedback]\nask = false\n", map[string]string{"content/feedback.md": fb}, ""},
		{"another page", "[feedback]\npage = \"mening.md\"\n", map[string]string{"content/mening.md": fb}, "/mening/"},
		{"no feedback page", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"config.toml": testConfig + tt.config, "content/om.md": "+++\ntitle = \"Om\"\n+++\n"}
			for k, v := range tt.files {
				files[k] = v
			}
			res := Build(testSite(files), torv.Defaults(), Options{})
			if len(res.Diags.Errors()) > 0 {
				t.Fatal(res.Diags)
			}
			om, _ := res.Output.Get("om/index.html")
			aside := regexp.MustCompile(`(?s)<aside class="?feedback"?.*?</aside>`).FindString(string(om))
			switch {
			case tt.want == "" && aside != "":
				t.Errorf("the page asks for feedback: %s", aside)
			case tt.want != "" && !regexp.MustCompile(`href="?`+tt.want+`"?>`).MatchString(aside):
				t.Errorf("question %q does not link %s", aside, tt.want)
			}
		})
	}
}
