package render_test

import (
	"strings"
	"testing"
)

// TestTemplateFunctions renders one layout that uses every formatting
// function in each language: the functions follow the site's language.
func TestTemplateFunctions(t *testing.T) {
	layout := `{{define "main"}}
number: {{number 77117}} | {{number 12.5}} | {{number 1000}}
percent: {{percent 79}}
date: {{date .Page.Date}} | {{isodate .Page.Date}}
weekday: {{weekday "monday"}} {{weekday "saturday"}}
t: {{t "hello"}}
url: {{url "/lov/"}} | {{url "css/x.css"}}
page: {{with page "lov/b.md"}}{{.Title}} {{.URL}}{{end}} | {{with page "/lov/b/"}}{{.Title}}{{end}} | {{if not (page "nej.md")}}nil{{end}}
md: {{md "Se *mere*"}}
tel: <a href="{{tel "+45 70 11-22 33"}}">ring</a>
{{end}}`
	const nb = "\u00a0"
	tests := []struct {
		lang string
		want string
	}{
		{"da", `
number: 77.117 | 12,5 | 1.000
percent: 79` + nb + `%
date: 1. maj 2024 | 2024-05-01
weekday: mandag lørdag
t: Hej
url: /borger/lov/ | css/x.css
page: Bilag /lov/b/ | Bilag | nil
md: Se <em>mere</em>
tel: <a href="tel:&#43;4570112233">ring</a>
`},
		{"sv", `
number: 77` + nb + `117 | 12,5 | 1000
percent: 79` + nb + `%
date: 1 maj 2024 | 2024-05-01
weekday: måndag lördag
t: Hej
url: /borger/lov/ | css/x.css
page: Bilag /lov/b/ | Bilag | nil
md: Se <em>mere</em>
tel: <a href="tel:&#43;4570112233">ring</a>
`},
		{"nb", `
number: 77` + nb + `117 | 12,5 | 1000
percent: 79` + nb + `%
date: 1. mai 2024 | 2024-05-01
weekday: mandag lørdag
t: Hei
url: /borger/lov/ | css/x.css
page: Bilag /lov/b/ | Bilag | nil
md: Se <em>mere</em>
tel: <a href="tel:&#43;4570112233">ring</a>
`},
		{"en", `
number: 77,117 | 12.5 | 1,000
percent: 79%
date: 1 May 2024 | 2024-05-01
weekday: Monday Saturday
t: Hello
url: /borger/lov/ | css/x.css
page: Bilag /lov/b/ | Bilag | nil
md: Se <em>mere</em>
tel: <a href="tel:&#43;4570112233">ring</a>
`},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			site := loadSite(t, map[string]string{
				"config.toml":      strings.Replace(siteConfig, "[sections]", "language = \""+tt.lang+"\"\n\n[sections]", 1),
				"content/a.md":     "+++\ntitle = \"A\"\ndate = 2024-05-01\n+++\n",
				"content/lov/b.md": "+++\ntitle = \"Bilag\"\ntype = \"page\"\n+++\n",
			})
			layouts := layoutFS(map[string]string{"layouts/page.html": layout, "i18n/nb.toml": "hello = \"Hei\"\n"})
			out, errs := renderPage(t, layouts, site, "a.md")
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			want := "<main>" + tt.want + "</main>\n"
			if out != want {
				t.Errorf("got\n%s\nwant\n%s", out, want)
			}
		})
	}
}

// TestMarkdownInFrontMatterLinksFromItsPage: {{md}} renders front-matter
// text (in_short, a lead, a figure's note) of the page being made, so a
// relative link in it is relative to that page, as in the page's body.
func TestMarkdownInFrontMatterLinksFromItsPage(t *testing.T) {
	site := loadSite(t, map[string]string{
		"content/lov/a.md": "+++\ntitle = \"A\"\ndescription = \"Se [bilaget](b.md).\"\ntype = \"page\"\n+++\n\nSe [bilaget](b.md).\n",
		"content/lov/b.md": "+++\ntitle = \"B\"\ntype = \"page\"\n+++\n",
	})
	layouts := layoutFS(map[string]string{"layouts/page.html": `{{define "main"}}<p>{{md .Page.Description}}</p>{{.Content}}{{end}}`})
	out, errs := renderPage(t, layouts, site, "lov/a.md")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := `<main><p>Se <a href="/borger/lov/b/">bilaget</a>.</p><p>Se <a href="/borger/lov/b/">bilaget</a>.</p>` + "\n</main>\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
