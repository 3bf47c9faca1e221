package build

import (
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/browsertest"
)

// openNowPlace is a place whose hours and exceptions the cases below read.
const openNowPlace = `+++
title = "Jobcenter Testby"

[address]
street = "Torvet 1"
city = "Testby"

[opening_hours]
monday = "08:30-15:00"
thursday = "08:30-12:00, 13:00-17:00"
friday = "08:30-13:00"

[[exceptions]]
date = 2026-12-24
until = 2026-12-27
hours = "closed"
note = "Lukket i julen"

[[exceptions]]
date = 2026-12-31
hours = "09:00-12:00"
note = "Nytårsaften"
+++
`

// serveOutput serves a build's output as a static host does.
func serveOutput(out *Output) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := out.Get(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Write(b)
	})
}

// TestOpenNow runs assets/js/open-now.js on a built place page in headless
// Chromium, at fixed moments, with the browser in New York: the script must
// tell the time at the place (Europe/Copenhagen, summer time included), let
// an exception for today win over the weekday, mark today, and load at all
// under the page's Content-Security-Policy and its integrity value.
func TestOpenNow(t *testing.T) {
	res := Build(testSite(map[string]string{"content/steder/jobcenter.md": openNowPlace}), torv.Defaults(), Options{})
	if res.Output == nil {
		t.Fatal(res.Diags)
	}
	srv := httptest.NewServer(serveOutput(res.Output))
	defer srv.Close()
	browser := browsertest.New(t)
	defer chromedp.Cancel(browser)

	tests := []struct {
		name, at   string // at: the moment, in UTC
		status     string
		today      string // what is marked "(i dag)", in the page's order
		exceptions string // the exception marked today, if any
	}{
		{"Monday morning", "2026-11-16T08:00:00Z", "Åbent nu", "mandag (i dag)", ""},
		{"Monday before opening", "2026-11-16T07:29:00Z", "Lukket nu", "mandag (i dag)", ""},
		{"Monday at opening", "2026-11-16T07:30:00Z", "Åbent nu", "mandag (i dag)", ""},
		{"Monday at closing", "2026-11-16T14:00:00Z", "Lukket nu", "mandag (i dag)", ""},
		{"Thursday lunch", "2026-11-19T11:30:00Z", "Lukket nu", "torsdag (i dag)", ""},
		{"Thursday afternoon", "2026-11-19T12:30:00Z", "Åbent nu", "torsdag (i dag)", ""},
		// Thursday evening in New York is Friday night at the place.
		{"past midnight at the place", "2026-11-19T23:30:00Z", "Lukket nu", "fredag (i dag)", ""},
		{"a closed weekday", "2026-11-18T10:00:00Z", "Lukket nu", "onsdag (i dag)", ""},
		// Summer time: 06:45 UTC is 08:45 in Copenhagen, not 07:45.
		{"summer time", "2026-07-06T06:45:00Z", "Åbent nu", "mandag (i dag)", ""},
		{"an exception closes a weekday", "2026-12-24T10:00:00Z", "Lukket nu", "torsdag (i dag)", "Lukket i julen"},
		{"a day inside an exception's span", "2026-12-26T10:00:00Z", "Lukket nu", "lørdag (i dag)", "Lukket i julen"},
		{"an exception's own hours", "2026-12-31T10:30:00Z", "Åbent nu", "torsdag (i dag)", "Nytårsaften"},
		{"after an exception's hours", "2026-12-31T11:30:00Z", "Lukket nu", "torsdag (i dag)", "Nytårsaften"},
	}
	// The cases run in parallel tabs; the group returns when all are done,
	// before the server and the browser are closed.
	t.Run("at", func(t *testing.T) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				openNowAt(t, browser, srv.URL+"/steder/jobcenter/", tt.at, tt.status, tt.today, tt.exceptions)
			})
		}
	})
}

// openNowAt loads the page at url with the clock at moment at (RFC 3339)
// and checks what the script says and marks.
func openNowAt(t *testing.T, browser context.Context, url, moment, status, today, exception string) {
	at, err := time.Parse(time.RFC3339, moment)
	if err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(tab, 20*time.Second)
	defer cancelT()
	// The page's clock stands still at the case's moment.
	clock := `(() => { const at = ` + strconv.FormatInt(at.UnixMilli(), 10) + `; const D = Date;
				class Fixed extends D { constructor(...a) { if (a.length) { super(...a); } else { super(at); } } static now() { return at; } }
				window.Date = Fixed; })();`
	var got struct {
		Status, Today, Exception, Role string
		Scripts                        int
	}
	err = chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := cdppage.AddScriptToEvaluateOnNewDocument(clock).Do(ctx)
			return err
		}),
		emulation.SetTimezoneOverride("America/New_York"),
		chromedp.Navigate(url),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// The script fills its status a moment after it runs.
			for {
				var filled bool
				if err := chromedp.Evaluate(`!!(document.querySelector(".open-now") || {}).textContent`, &filled).Do(ctx); err != nil || filled {
					return err
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
			}
		}),
		chromedp.Evaluate(`({
					status: document.querySelector(".open-now").textContent,
					role: document.querySelector(".open-now").getAttribute("role"),
					today: [...document.querySelectorAll(".hours tr.today th")].map((e) => e.textContent).join(", "),
					exception: [...document.querySelectorAll(".exceptions li.today strong")].map((e) => e.textContent).join(", "),
					scripts: [...document.scripts].filter((e) => e.type !== "application/ld+json").length,
				})`, &got),
	)
	if err != nil {
		t.Fatalf("%v (the script did not run: blocked by the CSP or its integrity value?)", err)
	}
	if got.Status != status || got.Role != "status" {
		t.Errorf("status %q (role %q), want %q in a status region", got.Status, got.Role, status)
	}
	if got.Today != today {
		t.Errorf("today's row %q, want %q", got.Today, today)
	}
	if got.Exception != exception {
		t.Errorf("exception marked %q, want %q", got.Exception, exception)
	}
	if got.Scripts != 1 {
		t.Errorf("%d scripts on the page, want open-now.js alone", got.Scripts)
	}
}

// TestOpenNowOnlyOnPlaces: the script is loaded, deferred and with its
// integrity value, on a place with opening hours, and nowhere else.
func TestOpenNowOnlyOnPlaces(t *testing.T) {
	res := Build(testSite(map[string]string{
		"content/steder/jobcenter.md":  openNowPlace,
		"content/steder/uden-tider.md": "+++\ntitle = \"Uden tider\"\n\n[address]\nstreet = \"Torvet 2\"\ncity = \"Testby\"\n+++\n",
	}), torv.Defaults(), Options{})
	if res.Output == nil {
		t.Fatal(res.Diags)
	}
	for _, p := range res.Output.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue // the host files name it for its caching
		}
		b, _ := res.Output.Get(p)
		has := strings.Contains(string(b), "/open-now.")
		if want := p == "steder/jobcenter/index.html"; has != want {
			t.Errorf("%s: script %v, want %v", p, has, want)
		}
		if has && !integrity.Match(b) {
			t.Errorf("%s loads the script without an integrity value", p)
		}
	}
}
