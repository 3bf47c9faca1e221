package a11y

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/build"
)

// The suite must be able to fail: TestChecksFail serves pages broken on
// purpose, each in one way, runs the same checks on them as on the real
// sites, and requires each check to find its fault. A check that cannot
// fail proves nothing.

const fixtureCSS = `body { font: 16px sans-serif; margin: 0 8px; }
.low { color: #bbb; background: #fff; }
.wide { width: 600px; }
.tiny a { font-size: 10px; }
.box { height: 1.3em; overflow: hidden; }
.spin { animation: spin 2s infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
.nofocus:focus { outline: none; }
.cover { position: fixed; top: 0; left: 0; right: 0; height: 120px; background: #fff; z-index: 5; }
.flat { border: 0; background: #0b5d66; color: #fff; padding: .5em 1em; }
.far { margin-top: 400px; }
`

// fixturePage is a complete, valid page with the given body in <main>;
// csp false leaves out the Content-Security-Policy.
func fixturePage(body string, csp bool) []byte {
	meta := `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'">`
	if !csp {
		meta = ""
	}
	return []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` + meta +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>Fixture</title><link rel="icon" href="data:,">` +
		`<link rel="stylesheet" href="/css/f.css"></head><body><main><h1>Fixture</h1>` + body + `</main></body></html>`)
}

// fixtureSite serves pages from memory like the real sites.
func fixtureSite(t *testing.T, pages map[string][]byte) *site {
	t.Helper()
	out := build.NewOutput()
	out.Add("css/f.css", []byte(fixtureCSS))
	out.Add("404.html", fixturePage("<p>Not found.</p>", true))
	s := &site{name: "fixture", out: out}
	for p, b := range pages {
		if err := out.Add(outputFile(p), b); err != nil {
			t.Fatal(err)
		}
		s.pages = append(s.pages, p)
	}
	slices.Sort(s.pages)
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func TestChecksFail(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	// Another origin, on loopback.
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/gif")
		w.Write([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"))
	}))
	defer other.Close()

	long := strings.Repeat("Words that need more than one line of this box. ", 8)
	audit := map[string]struct {
		body  string
		csp   bool
		check string // what TestAudit must report for the page
	}{
		"/axe-alt/":      {`<p><img src="/css/f.css" width="10" height="10"></p>`, true, "axe image-alt"},
		"/axe-contrast/": {`<p class="low">Faint text</p>`, true, "axe color-contrast"},
		"/csp/":          {`<p style="color: red">Inline style</p>`, true, "CSP violation"},
		"/origin/":       {fmt.Sprintf(`<p><img src="%s/pixel.gif" alt="A pixel"></p>`, other.URL), false, "request to another origin"},
		"/reflow/":       {`<div class="wide">Too wide</div>`, true, "reflow (1.4.10)"},
		"/target/":       {`<p class="tiny"><a href="/">x</a></p>`, true, "target size (2.5.8)"},
		"/clip/":         {`<div class="box">` + long + `</div>`, true, "text is clipped"},
		"/motion/":       {`<p class="spin">Spinning</p>`, true, "prefers-reduced-motion"},
		"/print/":        {`<nav aria-label="Menu"><a href="/">Home</a></nav><p><a href="https://example.org/">Elsewhere</a></p>`, true, "print stylesheet"},
		"/forced/":       {`<p><button class="flat" type="button">Flat button</button></p>`, true, "forced colours: an edge disappears"},
	}
	pages := map[string][]byte{}
	for p, c := range audit {
		pages[p] = fixturePage(c.body, c.csp)
	}
	keyboard := map[string]string{
		"/focus-none/":     `<p><a class="nofocus" href="/">No outline</a></p>`,
		"/focus-covered/":  `<div class="cover"></div><p><a href="/">Under the cover</a></p>`,
		"/focus-order/":    `<p><a href="/">First</a> <a href="/" tabindex="2">Jumps the queue</a></p>`,
		"/focus-skiplink/": `<p><a href="/">No skip link before me</a></p>`,
	}
	for p, body := range keyboard {
		pages[p] = fixturePage(body, true)
	}
	pages["/"] = fixturePage(`<p><a href="/axe-alt/">A linked page</a></p>`, true)
	s := fixtureSite(t, pages)

	b := newBrowser(t)
	rep := newReport()
	var jobs []pageJob
	for p := range audit {
		jobs = append(jobs, pageJob{s, p})
	}
	forPages(t, b, workers(), jobs, func(tb *tab, j pageJob) { auditPage(tb, j, script, rep) })
	for p, c := range audit {
		if !rep.has(c.check, "fixture "+p) {
			t.Errorf("TestAudit's check %q does not catch the fault of %s", c.check, p)
		}
	}

	krep := newReport()
	tb := newTab(t, b)
	for p := range keyboard {
		tabThrough(tb, s, keyPage{strings.Trim(p, "/"), nil, p}, light1280, true, krep)
	}
	for p, check := range map[string]string{
		"/focus-none/":     "focus indicator",
		"/focus-covered/":  "focus not obscured",
		"/focus-order/":    "tabindex > 0",
		"/focus-skiplink/": "skip link",
	} {
		if !krep.has(check, p) {
			t.Errorf("TestKeyboard's check %q does not catch the fault of %s", check, p)
		}
	}
	if t.Failed() {
		rep.fail(t, 30)
		krep.fail(t, 30)
	}

	// No JavaScript: a page no link leads to is found.
	orphan := fixtureSite(t, map[string][]byte{
		"/":        fixturePage(`<p><a href="/a/">A</a></p>`, true),
		"/a/":      fixturePage(`<p><a href="/">Home</a> <a href="/#nowhere">Nowhere</a></p>`, true),
		"/orphan/": fixturePage(`<p>Nobody links here.</p>`, true),
	})
	crep := crawl(t, b, orphan, true)
	if !crep.has("cannot be reached", "/orphan/") {
		t.Error("TestNoJavaScript's crawl does not catch a page no link leads to")
	}
	if !crep.has("#fragment", "/") {
		t.Error("TestNoJavaScript's crawl does not catch a link to a missing #fragment")
	}
}

// TestNuCheckerFails proves the Nu Html Checker harness reports errors.
func TestNuCheckerFails(t *testing.T) {
	t.Parallel()
	jar := vnuJar(t)
	found := vnu(t, jar, map[string][]byte{
		"good": fixturePage(`<p>Fine.</p>`, true),
		"bad":  fixturePage(`<p id="x">One <div id="x">block in a paragraph</div></p><a href="/" href="/">twice</a>`, true),
	})
	if len(found["good"]) != 0 {
		t.Errorf("a valid page has errors: %+v", found["good"])
	}
	if len(found["bad"]) < 2 {
		t.Errorf("an invalid page has %d errors, want at least 2: %+v", len(found["bad"]), found["bad"])
	}
}
