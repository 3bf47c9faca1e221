package config_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
)

var kinds = []string{"principle", "theme", "place", "law", "initiative", "figures", "news", "term", "page"}

func kindHint(s string) string { return "HINT " + s }

const minimal = "title = \"Mødet med borgeren\"\nmunicipality = \"Nordby Kommune\"\n"

func parse(t *testing.T, src string) *config.Config {
	t.Helper()
	c, errs := config.ParseBytes([]byte(src), kinds, kindHint)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors:\n%v", errs)
	}
	return c
}

func TestDefaults(t *testing.T) {
	c := parse(t, minimal)
	if c.Title != "Mødet med borgeren" || c.Municipality != "Nordby Kommune" {
		t.Errorf("title %q, municipality %q", c.Title, c.Municipality)
	}
	if c.Language != "da" {
		t.Errorf("language %q, want da", c.Language)
	}
	if c.Taxonomy.Path != "emner" {
		t.Errorf("taxonomy path %q, want emner", c.Taxonomy.Path)
	}
	if c.BasePath != "/" {
		t.Errorf("BasePath %q, want /", c.BasePath)
	}
	if !c.MinifyHTML() {
		t.Error("minify_html is off by default")
	}
	if len(c.Sections) != 0 || len(c.Menu) != 0 {
		t.Errorf("sections %v, menu %v: want none", c.Sections, c.Menu)
	}
}

func TestFullConfig(t *testing.T) {
	src := `title        = "Mødet med borgeren"
municipality = "Nordby Kommune"
baseurl      = "https://borger.nordby.dk/"
language     = "sv"
description  = "Om mødet."
logo         = "images/logo.svg"

[contact]
phone = "+45 70 11 22 33"
email = "borgerservice@nordby.dk"
hours = "Mandag til fredag kl. 9-15"
page  = "kontakt.md"

[sections]
principper = "principle"
lov        = "law"

[[menu]]
page  = "principper/_index.md"
title = "Principper"

[[menu]]
page = "/lov/"

[taxonomy]
path = "temaer"

[feedback]
endpoint = "https://forms.nordby.dk/feedback"
email    = "feedback@nordby.dk"

[build]
minify_html = false
`
	c := parse(t, src)
	checks := []struct{ name, got, want string }{
		{"baseurl", c.BaseURL, "https://borger.nordby.dk/"},
		{"BasePath", c.BasePath, "/"},
		{"language", c.Language, "sv"},
		{"logo", c.Logo, "images/logo.svg"},
		{"contact.page", c.Contact.Page, "kontakt.md"},
		{"contact.phone", c.Contact.Phone, "+45 70 11 22 33"},
		{"sections.lov", c.Sections["lov"], "law"},
		{"sections.principper", c.Sections["principper"], "principle"},
		{"taxonomy.path", c.Taxonomy.Path, "temaer"},
		{"feedback.endpoint", c.Feedback.Endpoint, "https://forms.nordby.dk/feedback"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %q, want %q", ch.name, ch.got, ch.want)
		}
	}
	if len(c.Menu) != 2 || c.Menu[0] != (config.MenuEntry{Page: "principper/_index.md", Title: "Principper"}) || c.Menu[1].Page != "/lov/" {
		t.Errorf("menu %+v", c.Menu)
	}
	if c.MinifyHTML() {
		t.Error("minify_html = false is ignored")
	}
	// Positions of keys, for errors found after parsing.
	if l, col := c.Pos("menu.1.page"); l != 23 || col != 8 {
		t.Errorf("Pos(menu.1.page) = %d:%d, want 23:8", l, col)
	}
}

func TestBasePath(t *testing.T) {
	tests := []struct{ baseurl, want string }{
		{"https://borger.nordby.dk/", "/"},
		{"https://borger.nordby.dk", "/"},
		{"https://x.dk/borger/", "/borger/"},
		{"https://x.dk/borger", "/borger/"},
		{"https://x.dk/kommune/borger/", "/kommune/borger/"},
		{"http://localhost:1313/", "/"},
		{"/borger/", "/borger/"}, // a path alone: links keep it, no sitemap
	}
	for _, tt := range tests {
		c := parse(t, minimal+"baseurl = \""+tt.baseurl+"\"\n")
		if c.BasePath != tt.want {
			t.Errorf("baseurl %q: BasePath %q, want %q", tt.baseurl, c.BasePath, tt.want)
		}
		if c.BaseURL != tt.baseurl {
			t.Errorf("baseurl %q is kept as %q", tt.baseurl, c.BaseURL)
		}
	}
}

// TestSetBaseURL is the -baseurl flag: the same rules as config.toml.
func TestSetBaseURL(t *testing.T) {
	c := parse(t, minimal+"baseurl = \"https://x.dk/\"\n")
	if err := c.SetBaseURL("https://test.x.dk/preview/"); err != nil || c.BasePath != "/preview/" || c.BaseURL != "https://test.x.dk/preview/" {
		t.Errorf("SetBaseURL: %v, BasePath %q", err, c.BasePath)
	}
	if err := c.SetBaseURL("ftp://x.dk/"); err == nil {
		t.Error("SetBaseURL accepts ftp://")
	}
	if c.BaseURL != "https://test.x.dk/preview/" {
		t.Errorf("a refused base URL changed BaseURL to %q", c.BaseURL)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown key with suggestion", minimal + "titel = \"x\"\n",
			`config.toml:3:1: unknown key "titel" in config.toml (did you mean "title"?)`},
		{"unknown key in a table", minimal + "[feedback]\nendpont = \"https://x.dk/\"\n",
			`config.toml:4:1: unknown key "endpont" in [feedback] (did you mean "endpoint"?)`},
		{"unknown table", minimal + "[kontakt]\nphone = \"1\"\n",
			`config.toml:3:1: unknown key "kontakt" in config.toml (did you mean "contact"?)`},
		{"missing title", "municipality = \"M\"\n",
			`config.toml:1:1: missing required key "title" in config.toml (add a line title = "...")`},
		{"unknown kind in [sections]", minimal + "[sections]\nlov = \"lov\"\n",
			`config.toml:4:7: unknown kind "lov" for folder "lov" (HINT lov)`},
		{"kind that is not text", minimal + "[sections]\nlov = 3\n",
			`config.toml:4:7: lov: must be text, the kind of the folder's pages`},
		{"unknown language", minimal + "language = \"dk\"\n",
			`config.toml:3:12: language "dk" is not one torv has texts for (did you mean "da"?)`},
		{"baseurl with another scheme", minimal + "baseurl = \"ftp://nordby.dk/\"\n",
			`config.toml:3:11: baseurl "ftp://nordby.dk/" is not a web address (write the full address, like baseurl = "https://borger.fjordby.dk/")`},
		{"baseurl without a host", minimal + "baseurl = \"https://\"\n",
			`config.toml:3:11: baseurl "https://" is not a web address (write the full address, like baseurl = "https://borger.fjordby.dk/")`},
		{"baseurl that does not parse", minimal + "baseurl = \"https://x.dk/%zz\"\n",
			`config.toml:3:11: baseurl "https://x.dk/%zz" is not a web address (write the full address, like baseurl = "https://borger.fjordby.dk/")`},
		// Without https:// the host would become the base path, and every
		// link would point at /borger.nordby.dk/...
		{"baseurl without https://", minimal + "baseurl = \"borger.nordby.dk\"\n",
			`config.toml:3:11: baseurl "borger.nordby.dk" is not a web address (write the full address, like baseurl = "https://borger.fjordby.dk/")`},
		{"feedback endpoint without https://", minimal + "[feedback]\nendpoint = \"www.nordby.dk/form\"\n",
			`config.toml:4:12: feedback endpoint "www.nordby.dk/form" is not a web address (write an address starting with https://)`},
		{"feedback endpoint mailto:", minimal + "[feedback]\nendpoint = \"mailto:feedback@nordby.dk\"\n",
			`config.toml:4:12: feedback endpoint "mailto:feedback@nordby.dk" is not a web address (write an address starting with https://)`},
		{"feedback endpoint javascript:", minimal + "[feedback]\nendpoint = \"javascript:alert(1)\"\n",
			`config.toml:4:12: feedback endpoint "javascript:alert(1)" is not a web address (write an address starting with https://)`},
		{"feedback endpoint without a host", minimal + "[feedback]\nendpoint = \"https://\"\n",
			`config.toml:4:12: feedback endpoint "https://" is not a web address (write an address starting with https://)`},
		{"taxonomy path with a slash", minimal + "[taxonomy]\npath = \"emner/alle\"\n",
			`config.toml:4:8: taxonomy path "emner/alle" must be one folder name of a-z, 0-9 and - (write it like path = "emner-alle")`},
		{"taxonomy path ..", minimal + "[taxonomy]\npath = \"..\"\n",
			`config.toml:4:8: taxonomy path ".." must be one folder name of a-z, 0-9 and - (write it like path = "emner")`},
		{"minify_html in quotes", minimal + "[build]\nminify_html = \"false\"\n",
			`config.toml:4:15: minify_html: must be true or false, without quotes`},
		{"language torv has no texts for", minimal + "[languages.de]\ntitle = \"Bürger\"\n",
			`config.toml:3:1: language "de" is not one torv has texts for (did you mean "da"?)`},
		{"main language listed again", minimal + "[languages.da]\ntitle = \"Mødet\"\n",
			`config.toml:3:1: da is the site's main language (language = "da") (remove [languages.da]; the main language's texts are the ones at the top of config.toml)`},
		{"other language without title", minimal + "[languages.en]\ndescription = \"x\"\n",
			`config.toml:3:1: missing required key "title" in [languages.en] (add a line title = "...")`},
		{"unknown key in a language", minimal + "[languages.en]\ntitle = \"x\"\nhours = \"9-15\"\n",
			`config.toml:5:1: unknown key "hours" in [languages.en] (the keys allowed here are: title, description, contact_hours)`},
		{"broken TOML", minimal + "baseurl = \"https://x.dk/\n",
			`config.toml:3:25: config.toml is not valid TOML: strings cannot contain newlines (a quote or bracket is not closed)`},
		{"several mistakes are reported together", "titel = \"x\"\nmunicipality = \"M\"\n[feedback]\nendpont = \"https://x.dk/\"\n",
			"config.toml:1:1: unknown key \"titel\" in config.toml (did you mean \"title\"?)\nconfig.toml:4:1: unknown key \"endpont\" in [feedback] (did you mean \"endpoint\"?)"},
		{"a misspelt title is one mistake", "titel = \"x\"\nmunicipality = \"M\"\n",
			`config.toml:1:1: unknown key "titel" in config.toml (did you mean "title"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, errs := config.ParseBytes([]byte(tt.src), kinds, kindHint)
			if c != nil {
				t.Error("a config with errors is returned")
			}
			if got := errs.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestTaxonomyPathIsASlug: the topic pages' folder is a URL segment like
// every other; "Emner Ø" would give /Emner Ø/sygdom/.
func TestTaxonomyPathIsASlug(t *testing.T) {
	for _, p := range []string{"Emner", "mine emner", "emner-ø"} {
		if c, errs := config.ParseBytes([]byte(minimal+"[taxonomy]\npath = \""+p+"\"\n"), kinds, kindHint); c != nil || len(errs) != 1 || errs[0].Line != 4 {
			t.Errorf("path = %q: got %v, want an error on line 4", p, errs)
		}
	}
}

func TestParseFromFS(t *testing.T) {
	c, errs := config.Parse(fstest.MapFS{"config.toml": {Data: []byte(minimal)}}, kinds, kindHint)
	if len(errs) > 0 || c.Title != "Mødet med borgeren" {
		t.Errorf("Parse: %v %v", c, errs)
	}
	_, errs = config.Parse(fstest.MapFS{"content/_index.md": {Data: []byte("x")}}, kinds, kindHint)
	if len(errs) != 1 || errs[0].File != "config.toml" || !strings.Contains(errs[0].Hint, "torv new site") {
		t.Errorf("missing config.toml: %v, want an error that says how to make one", errs)
	}
}

func TestCheckTable(t *testing.T) {
	c := parse(t, minimal+`
[check]
editor = "vscode"

[check.lix]
warning = 35
error = 45

[check.long-word]
letters = 24
allow = ["Digitaliseringsstyrelsen"]

[check.jargon]
da = ["bevilge: give"]
allow = ["jf."]

[check.glossary]
level = "off"
`)
	ch := c.Check
	if ch.LIX.Warning != 35 || ch.LIX.Error != 45 || ch.LongWord.Letters != 24 || len(ch.LongWord.Allow) != 1 {
		t.Errorf("limits not read: %+v", ch)
	}
	if got := ch.Jargon.Words("da"); len(got) != 1 || got[0] != "bevilge: give" {
		t.Errorf("jargon da = %q", got)
	}
	if ch.RuleLevel("glossary") != config.LevelOff || ch.RuleLevel("lix") != "" || ch.RuleLevel("nonsense") != "" {
		t.Errorf("levels: glossary %q, lix %q", ch.RuleLevel("glossary"), ch.RuleLevel("lix"))
	}
	for file, want := range map[string]string{
		"/home/a/site/content/om.md":     "vscode://file/home/a/site/content/om.md:7:3",
		"/home/a/my site/content/om.md":  "vscode://file/home/a/my%20site/content/om.md:7:3",
		`C:\Sites\fjordby\content\om.md`: "vscode://file/C:/Sites/fjordby/content/om.md:7:3",
	} {
		if got := ch.EditorURL(file, 7, 3); got != want {
			t.Errorf("editor URL of %s: %q, want %q", file, got, want)
		}
	}
	names := ch.RuleNames()
	if len(names) != 18 || names[0] != "lix" || names[len(names)-1] != "security-txt" {
		t.Errorf("rule names %q", names)
	}
}

func TestCheckTableErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[check.lixx]\nwarning = 40\n", `config.toml:4:1: unknown key "lixx" in [check] (did you mean "lix"?)`},
		{"[check.lix]\nlevel = \"advarsel\"\n", `config.toml:5:9: level: unknown level "advarsel" (did you mean "warning"?)`},
		{"[check.lix]\nlevel = \"of\"\n", `config.toml:5:9: level: unknown level "of" (did you mean "off"?)`},
		{"[check.lix]\nwarning = 55\nerror = 50\n", "config.toml:5:11: the LIX warning limit 55 is above the error limit 50"},
		{"[check.long-sentence]\nwords = -3\n", "config.toml:5:9: words must be a positive number, not -3"},
		{"[check.jargon]\nde = [\"gemäß\"]\n", `config.toml:5:1: unknown key "de" in [check.jargon] (did you mean "da"?)`},
		{"[check]\neditor = \"vscod\"\n", `config.toml:5:10: unknown editor "vscod" (did you mean "vscode"?)`},
	}
	for _, tt := range tests {
		_, errs := config.ParseBytes([]byte(minimal+"\n"+tt.src), kinds, kindHint)
		if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%q:\ngot  %v\nwant %s", tt.src, errs, tt.want)
		}
	}
}

// TestGlossaryTable: linking glossary terms is on unless switched off, and
// [glossary] is checked like every other table.
func TestGlossaryTable(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"on by default", minimal, true},
		{"on", minimal + "[glossary]\nlink_first_use = true\n", true},
		{"off", minimal + "[glossary]\nlink_first_use = false\n", false},
	}
	for _, tt := range tests {
		if got := parse(t, tt.src).Glossary.LinksFirstUse(); got != tt.want {
			t.Errorf("%s: LinksFirstUse %v, want %v", tt.name, got, tt.want)
		}
	}
	for src, want := range map[string]string{
		minimal + "[glossary]\nlink_first_used = false\n": `config.toml:4:1: unknown key "link_first_used" in [glossary] (did you mean "link_first_use"?)`,
		minimal + "[glossary]\nlink_first_use = \"no\"\n": `config.toml:4:18: link_first_use: must be true or false, without quotes`,
	} {
		if _, errs := config.ParseBytes([]byte(src), kinds, kindHint); errs.Error() != want {
			t.Errorf("got\n%s\nwant\n%s", errs.Error(), want)
		}
	}
}
