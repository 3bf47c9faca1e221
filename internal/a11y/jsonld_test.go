package a11y

import (
	"slices"
	"strings"
	"testing"
)

// jsonLDPages are pages of the example site with each kind of JSON-LD:
// WebSite, GovernmentOffice, NewsArticle, GovernmentService and
// BreadcrumbList alone.
var jsonLDPages = []string{"/", "/en/", "/steder/jobcenter-fjordby/", "/nyheder/2026-11-16-aabningstider-i-julen/",
	"/lov/sygedagpenge/", "/om/", "/nyheder/"}

// TestJSONLD: JSON-LD is data, not script, so the site's
// Content-Security-Policy (meta element and header, no 'unsafe-inline')
// lets it be: each page with a kind of it loads in Chromium with its one
// block in the document, readable as JSON by the page, and reports no CSP
// violation. The check can fail: under the same policy, a page with an
// inline script reports one, and a fixture with a JSON-LD block none.
func TestJSONLD(t *testing.T) {
	t.Parallel()
	s := exampleSite(t)
	tb := newTab(t, newBrowser(t))
	const contexts = `[...document.querySelectorAll('script[type="application/ld+json"]')].map(e => JSON.parse(e.textContent)["@context"])`
	for _, p := range jsonLDPages {
		if err := tb.load(s.url(p)); err != nil {
			t.Error(err)
			continue
		}
		var got []string
		if err := tb.eval(contexts, &got); err != nil || !slices.Equal(got, []string{"https://schema.org"}) {
			t.Errorf("%s: JSON-LD blocks read as %q (%v), want one schema.org graph", p, got, err)
		}
		if v := tb.privacy(s.srv.URL); len(v) > 0 {
			t.Errorf("%s: %s", p, strings.Join(v, "; "))
		}
	}

	fx := fixtureSite(t, map[string][]byte{
		"/inline/": fixturePage(`<script>document.title = "ran";</script>`, true),
		"/data/":   fixturePage(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing","name":"x"}</script>`, true),
	})
	for p, violation := range map[string]bool{"/inline/": true, "/data/": false} {
		if err := tb.load(fx.url(p)); err != nil {
			t.Fatal(err)
		}
		v := tb.privacy(fx.srv.URL)
		if got := slices.ContainsFunc(v, func(s string) bool { return strings.HasPrefix(s, "CSP violation") }); got != violation {
			t.Errorf("fixture %s: CSP violation reported %v, want %v: %q", p, got, violation, v)
		}
	}
}
