package a11y

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
)

// TestNoJavaScript browses every site with JavaScript switched off, as
// some citizens do: starting at the home page it follows every link a
// page shows, and so must reach every page of the site (but 404.html);
// every page it reaches loads (HTTP 200), every link's #fragment exists on
// its page, and each page shows the same text as with JavaScript on
// (compared on the example site, where JavaScript may one day enhance
// pages: nothing may wait for it).
func TestNoJavaScript(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	for _, s := range []*site{exampleSite(t), corpusSite(t)} {
		crawl(t, b, s, s.name == "example").fail(t, 10)
	}
	// The feedback form (the example has none: it has no endpoint).
	form := formSite(t)
	tb := newTab(t, b)
	if err := tb.run(10*time.Second, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	var fields int
	if err := tb.load(form.url("/feedback/")); err != nil {
		t.Fatal(err)
	}
	if err := tb.eval(`[...document.querySelectorAll("form textarea, form input, form button")].filter((e) => e.getClientRects().length).length`, &fields); err != nil || fields < 5 {
		t.Errorf("without JavaScript the feedback form shows %d fields and buttons (%v), want its 5 fields and the button", fields, err)
	}
}

// crawl follows the links of s from "/" with JavaScript off and reports
// what it found.
func crawl(t *testing.T, b context.Context, s *site, compare bool) *report {
	t.Helper()
	t0 := time.Now()
	rep := newReport()
	type page struct {
		Links []string // absolute URLs of a[href] (and form actions)
		Text  string
		IDs   []string
	}
	var mu sync.Mutex
	seen := map[string]bool{"/": true}
	frags := map[string][]string{} // path -> fragments linked to
	pages := map[string]page{}
	wave := []string{"/"}
	// What a page says only to a reader without JavaScript (marked
	// data-without-script: the search page's sentence that searching
	// needs it) is left out of the text compared, after its links and ids
	// are taken.
	const getPage = `(() => {
		const links = [...document.querySelectorAll("a[href], area[href]")].map((a) => a.href).concat([...document.forms].map((f) => f.action));
		const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
		document.querySelectorAll("[data-without-script]").forEach((e) => e.remove());
		return {links, text: document.body.innerText, ids};
	})()`
	// With JavaScript, what a script adds to a page as an enhancement
	// (marked data-enhancement: "open now" beside opening hours) is left
	// out: the page must show everything else the same without it.
	const getEnhanced = `(document.querySelectorAll("[data-enhancement]").forEach((e) => e.remove()), ` + getPage + `)`
	// Two tabs without JavaScript crawl; with compare, a third with
	// JavaScript reads the same pages.
	var on *tab
	if compare {
		on = newTab(t, b)
	}
	var tabs []*tab
	for range 2 {
		tb := newTab(t, b)
		if err := tb.run(10*time.Second, emulation.SetScriptExecutionDisabled(true)); err != nil {
			t.Fatalf("switching JavaScript off: %v", err)
		}
		tabs = append(tabs, tb)
	}
	var onMu sync.Mutex
	for len(wave) > 0 {
		work := make(chan string)
		var wg sync.WaitGroup
		var next []string
		for _, tb := range tabs {
			wg.Go(func() {
				for p := range work {
					var pg page
					err := tb.load(s.url(p))
					if err == nil {
						err = tb.eval(getPage, &pg)
					}
					if err != nil {
						rep.add("no JavaScript: a page does not load", s.name+" "+p, err.Error())
						continue
					}
					if compare {
						var withJS page
						onMu.Lock()
						err := on.load(s.url(p))
						if err == nil {
							err = on.eval(getEnhanced, &withJS)
						}
						onMu.Unlock()
						if err != nil {
							rep.add("no JavaScript: a page does not load with JavaScript", s.name+" "+p, err.Error())
						} else if withJS.Text != pg.Text {
							rep.add("no JavaScript: a page shows other text without JavaScript", s.name+" "+p, diffHint(withJS.Text, pg.Text))
						}
					}
					mu.Lock()
					pages[p] = pg
					for _, l := range pg.Links {
						u, err := url.Parse(l)
						if err != nil || u.Scheme+"://"+u.Host != s.srv.URL {
							continue // another site, mailto:, tel:
						}
						if u.Fragment != "" {
							frags[u.Path] = append(frags[u.Path], u.Fragment+" (from "+p+")")
						}
						if seen[u.Path] {
							continue
						}
						seen[u.Path] = true
						if ext := path.Ext(u.Path); ext != "" && ext != ".html" {
							// A file, not a page (a chart's CSV): the
							// browser would download it; it must exist.
							if res, err := http.Get(s.url(u.Path)); err != nil || res.StatusCode != http.StatusOK {
								rep.add("no JavaScript: a linked file does not load", s.name+" "+p, u.Path)
							} else {
								res.Body.Close()
							}
							continue
						}
						next = append(next, u.Path)
					}
					mu.Unlock()
				}
			})
		}
		for _, p := range wave {
			work <- p
		}
		close(work)
		wg.Wait()
		slices.Sort(next)
		wave = next
	}
	for p, fs := range frags {
		pg, ok := pages[p]
		if !ok {
			continue
		}
		for _, f := range fs {
			id, _, _ := strings.Cut(f, " ")
			if id, err := url.PathUnescape(id); err == nil && !slices.Contains(pg.IDs, id) {
				rep.add("no JavaScript: a link's #fragment is not on its page", s.name+" "+p, f)
			}
		}
	}
	for _, p := range s.pages {
		if _, ok := pages[p]; !ok && p != "/404.html" {
			rep.add("no JavaScript: a page cannot be reached by following links from the home page", s.name+" "+p, "not reached")
		}
	}
	t.Logf("%s: reached %d of %d pages without JavaScript in %v", s.name, len(pages), len(s.pages), time.Since(t0).Round(time.Millisecond))
	return rep
}

// diffHint shows where two texts first differ.
func diffHint(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-30)
	return fmt.Sprintf("with JavaScript …%q…, without …%q…", a[from:min(len(a), i+40)], b[from:min(len(b), i+40)])
}
