package a11y

import (
	"bytes"
	"net/http/httptest"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/torv/torv/internal/build"
)

// refresh is the alias page's instant refresh, as package outputs writes
// it.
var refresh = regexp.MustCompile(`<meta http-equiv="refresh" content="0; url=([^"]+)">\n?`)

// TestAliasPages: the page torv writes at an old address (a page's
// alias) takes a browser to the page under the site's CSP, and passes the
// audit like every page. Its refresh would take a tab away mid-test, so
// the other browser tests leave it out (site.moved), and here it is
// audited without the refresh (axe's own meta-refresh rule passes a delay
// of 0, which WCAG allows); TestValidHTML checks it as written.
func TestAliasPages(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	ex := exampleSite(t)
	still := &site{name: "example-alias", out: build.NewOutput()}
	targets := map[string]string{}
	for _, p := range ex.out.Paths() {
		b, _ := ex.out.Get(p)
		if slices.Contains(ex.moved, pageURL(p)) {
			m := refresh.FindSubmatch(b)
			targets[pageURL(p)] = string(m[1])
			still.pages = append(still.pages, pageURL(p))
			b = bytes.Replace(b, m[0], nil, 1)
		}
		if err := still.out.Add(p, b); err != nil {
			t.Fatal(err)
		}
	}
	if len(targets) == 0 {
		t.Fatal("the example site has no page at an alias")
	}
	still.srv = httptest.NewServer(still)
	t.Cleanup(still.srv.Close)

	b := newBrowser(t)
	tb := newTab(t, b)
	for from, to := range targets {
		if err := tb.run(30*time.Second, chromedp.Navigate(ex.url(from))); err != nil {
			t.Fatal(err)
		}
		var at string
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if err := tb.run(5*time.Second, chromedp.Evaluate(`location.pathname`, &at)); err == nil && at == to {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if at != to {
			t.Errorf("%s: the browser is at %s, want %s", from, at, to)
		}
	}
	rep := newReport()
	var jobs []pageJob
	for _, p := range still.pages {
		jobs = append(jobs, pageJob{still, p})
	}
	forPages(t, b, workers(), jobs, func(tb *tab, j pageJob) { auditPage(tb, j, script, rep) })
	rep.fail(t, 12)
}
