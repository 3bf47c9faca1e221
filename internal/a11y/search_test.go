package a11y

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// waitJS resolves when the expression in %s is true, or with false after
// five seconds.
const waitJS = `new Promise((ok) => { const t0 = Date.now(); const f = () => { if (%s) ok(true); else if (Date.now() - t0 > 5000) ok(false); else setTimeout(f, 20); }; f(); })`

// waitFor waits for cond in the tab's page, across a navigation (which
// ends an evaluation with an error).
func waitFor(tb *tab, cond string) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var ok bool
		if tb.eval(strings.Replace(waitJS, "%s", cond, 1), &ok) == nil {
			return ok
		}
	}
	return false
}

// TestSearch searches the example site as a citizen does: types a query
// in the search page's field, sees the results and hears their number,
// opens a result, comes Back, gets told when nothing is found, and,
// without JavaScript, gets the A–Å list of every page. It logs the time
// from the last keystroke to the results shown (not asserted: the machine
// is shared).
func TestSearch(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	s := exampleSite(t)
	tb := newTab(t, b)
	if err := tb.emulate(light1280); err != nil {
		t.Fatal(err)
	}
	if err := tb.load(s.url("/soeg/")); err != nil {
		t.Fatal(err)
	}
	// Warm the page's index, as a citizen's first word does.
	if err := tb.run(10*time.Second, chromedp.SendKeys("#search-q", "sy", chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, `document.querySelector("#search").dataset.ms`)
	var ignore any
	_ = tb.eval(`window.__shown = 0; window.__key = 0;
		document.addEventListener("keydown", () => { window.__key = performance.now(); }, true);
		new MutationObserver(() => { window.__shown = performance.now(); }).observe(document.querySelector("#search-results"), {childList: true});`, &ignore)
	if err := tb.run(10*time.Second, chromedp.SendKeys("#search-q", "gedagpenge", chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	if !waitFor(tb, `/^\d+ resultat(er)? for »sygedagpenge«$/.test(document.querySelector("#search-status").textContent)`) {
		var status string
		_ = tb.eval(`document.querySelector("#search-status").textContent`, &status)
		t.Fatalf("the status region says %q, want the number of results for »sygedagpenge«", status)
	}
	var got struct {
		Links  []string
		Marks  int
		Focus  string
		Search string
		Ms     float64
		Status string
	}
	if err := tb.eval(`({links: [...document.querySelectorAll("main ol#search-results > li > a")].map((a) => new URL(a.href).pathname),
		marks: document.querySelectorAll("#search-results mark").length, focus: document.activeElement.id,
		search: location.search, ms: window.__shown - window.__key, status: document.querySelector("#search-status").getAttribute("role")})`, &got); err != nil {
		t.Fatal(err)
	}
	t.Logf("results shown %.0f ms after the last keystroke", got.Ms)
	if len(got.Links) == 0 || !contains(got.Links, "/lov/sygedagpenge/") || got.Marks == 0 {
		t.Errorf("results %v with %d marked words, want /lov/sygedagpenge/ among them and the words marked", got.Links, got.Marks)
	}
	if got.Focus != "search-q" || got.Status != "status" {
		t.Errorf("focus on #%s, status region role %q; want the focus kept in the field and role=status", got.Focus, got.Status)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(got.Search, "?")); q.Get("q") != "sygedagpenge" {
		t.Errorf("the address has %q, want q=sygedagpenge to share", got.Search)
	}
	states := map[string][]byte{"example /soeg/ with results": outerHTML(t, tb)}
	// Open the first result, then come Back to the same search.
	_ = tb.eval(`setTimeout(() => document.querySelector("#search-results a").click(), 0)`, &ignore)
	if !waitFor(tb, `location.pathname === "`+got.Links[0]+`"`) {
		t.Errorf("the first result did not open %s", got.Links[0])
	}
	_ = tb.eval(`setTimeout(() => history.back(), 0)`, &ignore)
	if !waitFor(tb, `document.querySelector("#search-q").value === "sygedagpenge" && document.querySelectorAll("#search-results li").length > 0`) {
		t.Error("Back does not show the search with its query and results")
	}
	// Nothing found: said so, with advice.
	if err := tb.load(s.url("/soeg/?q=xyzzyq")); err != nil {
		t.Fatal(err)
	}
	if !waitFor(tb, `document.querySelector("#search-status").textContent.startsWith("Ingen resultater for »xyzzyq«. Tjek stavningen")`) {
		t.Error("a query without results is not announced with advice")
	}
	states["example /soeg/ without results"] = outerHTML(t, tb)
	for name, ms := range vnu(t, vnuJar(t), states) {
		for _, m := range ms {
			t.Errorf("Nu Html Checker: %s: %s (line %d: %s)", name, m.Message, m.LastLine, strings.TrimSpace(m.Extract))
		}
	}
	searchWithoutJS(t, b, s)
}

// searchWithoutJS: the search page says that search needs JavaScript and
// links to the A–Å index, a page per letter, which together list every
// page: each within one click of the search page.
func searchWithoutJS(t *testing.T, b context.Context, s *site) {
	off := newTab(t, b)
	if err := off.run(10*time.Second, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	if err := off.load(s.url("/soeg/?q=sygedagpenge")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		NoJS    string
		Letters []string
		Links   []string
	}
	if err := off.eval(`({nojs: document.querySelector("#search-nojs").innerText,
		letters: [...document.querySelectorAll(".az nav a")].map((a) => a.textContent),
		links: [...document.querySelectorAll(".az nav a")].map((a) => new URL(a.href).pathname)})`, &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.NoJS, "JavaScript") {
		t.Errorf("without JavaScript the page says %q, want that search needs JavaScript", got.NoJS)
	}
	if len(got.Letters) < 5 {
		t.Fatalf("the A–Å index has letters %v, want the letters of every Danish page", got.Letters)
	}
	if last := got.Letters[len(got.Letters)-1]; !regexp.MustCompile(`^[A-ZÆØÅ]$`).MatchString(last) {
		t.Errorf("the index's last letter is %q", last)
	}
	var pages []string
	for i, link := range got.Links {
		if err := off.load(s.url(link)); err != nil {
			t.Fatal(err)
		}
		var letter struct {
			H1      string
			Current []string
			Pages   []string
		}
		if err := off.eval(`({h1: document.querySelector("h1").textContent,
			current: [...document.querySelectorAll("nav a[aria-current=page]")].map((a) => a.textContent),
			pages: [...document.querySelectorAll(".az-list > li > a")].map((a) => new URL(a.href).pathname)})`, &letter); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(letter.H1, got.Letters[i]) || !contains(letter.Current, got.Letters[i]) || len(letter.Pages) == 0 {
			t.Errorf("%s: heading %q, current letter %v, %d pages; want the letter %s's pages under its heading",
				link, letter.H1, letter.Current, len(letter.Pages), got.Letters[i])
		}
		pages = append(pages, letter.Pages...)
	}
	if !contains(pages, "/lov/sygedagpenge/") || !contains(pages, "/om/") {
		t.Errorf("the A–Å index lists %d pages, want every Danish page", len(pages))
	}
}

// outerHTML is the document as the script left it.
func outerHTML(t *testing.T, tb *tab) []byte {
	var html string
	if err := tb.eval(`"<!DOCTYPE html>\n" + document.documentElement.outerHTML`, &html); err != nil {
		t.Fatal(err)
	}
	return []byte(html)
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
