package build

import (
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/torv/torv/internal/golden"

	"github.com/torv/torv"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenSites are small sites whose pages must build to the HTML in
// testdata/golden/<site>/<path>. Run "go test ./internal/build -update"
// after an intended change to a layout, and read the diff before
// committing it.
var goldenSites = map[string]struct {
	files map[string]string
	check []string // output paths compared with the golden files
}{
	"minimal": {
		files: map[string]string{
			"content/om.md": "+++\ntitle = \"Om siden\"\ndescription = \"Hvem vi er.\"\nupdated = 2026-05-01\n+++\n\n## Hvem er vi?\n\nVi er *Testby Kommune*. Læs [om klager](lov/klage.md).\n",
			"content/lov/klage.md": "+++\ntitle = \"Klage\"\nlaw = \"Retssikkerhedsloven\"\nparagraph = \"§ 67\"\nofficial_url = \"https://www.retsinformation.dk/\"\n" +
				"in_short = \"Du kan klage inden fire uger.\"\nyou_can = [\"Ring til din sagsbehandler.\", \"Skriv en klage.\"]\nreviewed = 2026-10-01\nreview_by = 2027-10-01\ntags = [\"klage\"]\n+++\n\nDin klage går først til kommunen.\n",
		},
		check: []string{"index.html", "om/index.html", "lov/klage/index.html", "lov/index.html", "emner/klage/index.html"},
	},
	"place": {
		files: map[string]string{
			"content/steder/jobcenter.md": `+++
title = "Jobcenter Testby"
description = "Her møder du din sagsbehandler."
phone = "+45 70 00 00 00"
email = "job@testby.dk"
booking_url = "https://testby.dk/book/"
step_free = true
accessibility = ["Elevator", "Handicaptoilet"]
services = ["Samtaler", "Jobsøgning"]
directions = "Bus 1 og 2 til Torvet."

[address]
street = "Torvet 1"
postcode = "9995"
city = "Testby"

[opening_hours]
monday = "08:00-15:00"
tuesday = "08:00-12:00, 13:00-15:00"
fredag = "8.00-13.00"

[[exceptions]]
date = 2026-12-24
hours = "closed"
note = "Juleaften"
+++

Velkommen.
`,
		},
		check: []string{"steder/jobcenter/index.html"},
	},
	// languages: a page in three languages, one translated only into
	// English, and Swedish pages without a Danish original. The switcher
	// must lead to the same page where there is one and to the language's
	// home page, saying so, where there is none.
	"languages": {
		files: map[string]string{
			"config.toml": testConfig + "\n[[menu]]\npage = \"lov/_index.md\"\ntitle = \"Lov og ret\"\n" +
				"\n[languages.en]\ntitle = \"Test in English\"\ndescription = \"The English site.\"\n" +
				"\n[languages.sv]\ntitle = \"Test på svenska\"\n",
			"content/_index.en.md":     "+++\ntitle = \"Home\"\n+++\n\nWelcome.\n",
			"content/om.md":            "+++\ntitle = \"Om siden\"\ndescription = \"Hvem vi er.\"\nupdated = 2026-05-01\ntags = [\"klage\"]\n+++\n\nLæs [om klager](lov/klage.md).\n",
			"content/om.en.md":         "+++\ntitle = \"About\"\ndescription = \"Who we are.\"\nupdated = 2026-05-02\ntags = [\"complaints\"]\n+++\n\nRead [about complaints](lov/klage.en.md).\n",
			"content/om.sv.md":         "+++\ntitle = \"Om oss\"\ndescription = \"Vilka vi är.\"\n+++\n\nVi är Testby.\n",
			"content/lov/_index.md":    "+++\ntitle = \"Lov\"\n+++\n",
			"content/lov/_index.en.md": "+++\ntitle = \"Laws and rules in short\"\nmenu_title = \"Laws\"\n+++\n",
			"content/lov/klage.md": "+++\ntitle = \"Klage\"\nlaw = \"Retssikkerhedsloven\"\nparagraph = \"§ 67\"\nofficial_url = \"https://www.retsinformation.dk/\"\n" +
				"in_short = \"Du kan klage inden fire uger.\"\nreviewed = 2026-10-01\n+++\n\nDin klage går først til kommunen.\n",
			"content/lov/klage.en.md": "+++\ntitle = \"Complaints\"\nslug = \"complaints\"\nlaw = \"Retssikkerhedsloven\"\nparagraph = \"§ 67\"\nofficial_url = \"https://www.retsinformation.dk/\"\n" +
				"in_short = \"You can complain within four weeks.\"\nreviewed = 2026-10-01\n+++\n\nYour complaint goes to the municipality first.\n",
			"content/pendlare/resa.sv.md": "+++\ntitle = \"Att pendla\"\ndescription = \"Om att bo i Sverige.\"\n+++\n\nDu kan bo i Sverige.\n",
		},
		check: []string{"om/index.html", "en/om/index.html", "sv/om/index.html", "en/index.html", "sv/index.html",
			"en/lov/complaints/index.html", "sv/pendlare/resa/index.html", "en/emner/complaints/index.html"},
	},
	"figures": {
		files: map[string]string{
			"content/tal/tilfredshed.md": `+++
title = "Tilfredshed"
type = "figures"
period = "2017"
source = "Brugerundersøgelse"

[[figures]]
label = "Henvendelser"
value = 77117

[[charts]]
title = "Godt samarbejde"
unit = "%"
[[charts.bars]]
label = "Jobcenter"
value = 79
[[charts.bars]]
label = "Ydelsescenter"
value = 66
+++
`,
		},
		check: []string{"tal/tilfredshed/index.html"},
	},
}

var (
	fingerprint = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)\b`)
	integrity   = regexp.MustCompile(`sha384-[A-Za-z0-9+/=]+`)
)

func TestGolden(t *testing.T) {
	for name, site := range goldenSites {
		t.Run(name, func(t *testing.T) {
			res := Build(testSite(site.files), torv.Defaults(), Options{})
			if len(res.Diags) > 0 || res.Output == nil {
				t.Fatalf("build failed:\n%s", res.Diags.Error())
			}
			for _, p := range site.check {
				got, ok := res.Output.Get(p)
				if !ok {
					t.Errorf("%s was not built", p)
					continue
				}
				// One tag per line, so a diff of the golden file reads well;
				// the stylesheet's fingerprint is left out, so a CSS change
				// does not touch every golden file.
				got = []byte(strings.ReplaceAll(string(got), "><", ">\n<"))
				got = fingerprint.ReplaceAll(got, []byte(".HASH.$1"))
				got = integrity.ReplaceAll(got, []byte("sha384-HASH"))
				golden.Check(t, "./internal/build", filepath.Join("testdata", "golden", name, filepath.FromSlash(p)), got, *update)
			}
		})
	}
}
