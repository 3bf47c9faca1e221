package render_test

import (
	"strings"
	"testing"
)

// TestPageBody checks what the body of a page becomes: links rewritten to
// published URLs with the base path, mistakes reported at the file's own
// line and column (below the front matter), script links neutralised.
func TestPageBody(t *testing.T) {
	const fm = "+++\ntitle = \"A\"\ntype = \"page\"\n+++\n\n" // body starts on line 6
	tests := []struct {
		name  string
		body  string
		html  string
		diags string
	}{
		{"content path next to the page", "Se [b](b.md).", `<p>Se <a href="/borger/lov/b/">b</a>.</p>`, ""},
		{"content path in another folder", "Se [om](../om.md#hvem).", `<p>Se <a href="/borger/om/#hvem">om</a>.</p>`, ""},
		{"site path", "Se [b](/lov/b/).", `<p>Se <a href="/borger/lov/b/">b</a>.</p>`, ""},
		{"relative URL", "Se [om](../../om/).", `<p>Se <a href="/borger/om/">om</a>.</p>`, ""},
		{"file in content/", "![Kort](/billeder/kort.png)", `<p><img src="/borger/billeder/kort.png" alt="Kort"></p>`, ""},
		{"anchor", "Se [frist](#frist).", `<p>Se <a href="#frist">frist</a>.</p>`, ""},
		{"external", "Se [loven](https://www.retsinformation.dk/).", `<p>Se <a href="https://www.retsinformation.dk/">loven</a>.</p>`, ""},
		{"missing page", "Tekst.\n\nSe [c](c.md).", "<p>Tekst.</p>\n<p>Se <a href=\"c.md\">c</a>.</p>",
			"content/lov/a.md:8:4: link to a page that does not exist: c.md"},
		{"missing image", "Se ![Kort](/billeder/nej.png)", `<p>Se <img src="/billeder/nej.png" alt="Kort"></p>`,
			"content/lov/a.md:6:5: link to a file that does not exist: /billeder/nej.png"},
		{"raw HTML", "Ring <b>nu</b>.", `<p>Ring <!-- raw HTML omitted -->nu<!-- raw HTML omitted -->.</p>`,
			"content/lov/a.md:6:6: warning: HTML in Markdown is left out of the page\ncontent/lov/a.md:6:11: warning: HTML in Markdown is left out of the page"},
		{"script link", "[a](javascript:alert(1)) [b](JavaScript:alert(1))", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := loadSite(t, map[string]string{
				"content/lov/a.md":          fm + tt.body + "\n",
				"content/lov/b.md":          "+++\ntitle = \"B\"\ntype = \"page\"\n+++\n",
				"content/om.md":             "+++\ntitle = \"Om\"\n+++\n",
				"content/billeder/kort.png": "\x89PNG",
			})
			out, errs := renderPage(t, layoutFS(map[string]string{"layouts/page.html": `{{define "main"}}{{.Content}}{{end}}`}), site, "lov/a.md")
			var got []string
			for _, e := range errs {
				c := *e
				c.Hint = ""
				got = append(got, c.Error())
			}
			if g := strings.Join(got, "\n"); g != tt.diags {
				t.Errorf("diagnostics\n%s\nwant\n%s", g, tt.diags)
			}
			body := strings.TrimSuffix(strings.TrimPrefix(out, "<main>"), "\n</main>\n")
			if tt.name == "script link" {
				if strings.Contains(out, "script:") {
					t.Errorf("a script link is published: %s", out)
				}
				return
			}
			if body != tt.html {
				t.Errorf("got\n%s\nwant\n%s", body, tt.html)
			}
		})
	}
}
