package server

import (
	"context"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/browsertest"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/watch"
)

// copyExample copies the example site's config.toml and content/ into a
// temporary folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := os.DirFS("../..")
	for _, root := range []string{"config.toml", "content"} {
		err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrowserLiveReload drives the preview of the example site in
// headless Chromium, as an editor would: the edit shows without a reload
// by hand and keeps the reader's place, a broken front matter shows the
// overlay with the file and line over the last good page, and the fix
// brings the page back.
func TestBrowserLiveReload(t *testing.T) {
	browser := browsertest.New(t)
	// Close Chromium gracefully before the test's folders are removed:
	// killed, its helpers may still write to its profile.
	defer chromedp.Cancel(browser)
	dir := copyExample(t)
	w, err := watch.New(dir, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	srv := New(os.DirFS(dir), torv.Defaults(), build.Options{Drafts: true}, &syncBuffer{})
	if diags := srv.Build(); diags.Err(false) != nil {
		t.Fatal(diags)
	}
	stop := make(chan struct{})
	defer close(stop)
	go srv.Watch(w.C, stop)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	defer srv.Close()

	ctx, cancel := context.WithTimeout(browser, 60*time.Second)
	defer cancel()
	page := filepath.Join(dir, "content", "om.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	save := func(text string) {
		t.Helper()
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	js := func(expr string, out any) chromedp.Action { return chromedp.Evaluate(expr, out) }
	// waitFor polls expr until it is true; the page may reload meanwhile,
	// which ends an evaluation with an error, so errors only retry.
	waitFor := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var ok bool
			err := chromedp.Run(ctx, js(expr, &ok))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				var body string
				chromedp.Run(ctx, js(`document.body ? document.body.innerText.slice(0, 300) : ""`, &body))
				t.Fatalf("%s: not within 20 s (%v)\npage text: %s", what, err, body)
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
	const overlayText = `(document.querySelector("torv-error-overlay")?.shadowRoot?.textContent || "")`

	if err := chromedp.Run(ctx, chromedp.Navigate(ts.URL+"/om/"), chromedp.WaitVisible("h1", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	// The page remembers it was not reloaded by us: a reload loses this.
	var long strings.Builder
	for range 80 {
		long.WriteString("\nEt afsnit, der gør siden lang nok til at rulle i.\n")
	}
	save(string(orig) + long.String() + "\nFørste rettelse i browseren.\n")
	waitFor("the first edit", `document.body.innerText.includes("Første rettelse i browseren.")`)

	// The reader scrolls down; the next edit reloads the page at the same place.
	waitFor("the page to load", `document.readyState === "complete"`)
	var y float64
	var size string
	if err := chromedp.Run(ctx, js(`window.scrollTo({top: 1200, behavior: "instant"}); window.scrollY`, &y), js(`document.documentElement.scrollHeight + "/" + window.innerHeight`, &size)); err != nil || y < 1000 {
		t.Fatalf("cannot scroll the page (%v, y %v, height %s)", err, y, size)
	}
	save(string(orig) + long.String() + "\nAnden rettelse i browseren.\n")
	waitFor("the second edit", `document.body.innerText.includes("Anden rettelse i browseren.")`)
	waitFor("the scroll position after the reload", `window.scrollY > 1000`)

	// Broken TOML: the overlay names the file and the line, over the last good page.
	save("+++\ntitle = \"Om eksemplet\nweight = 1\n+++\n\nBrudt.\n")
	waitFor("the overlay", overlayText+`.includes("content/om.md:2:")`)
	var text string
	var focused, heading bool
	err = chromedp.Run(ctx,
		js(overlayText, &text),
		js(`(() => { const h = document.querySelector("torv-error-overlay"); return document.activeElement === h &&
			h.shadowRoot.activeElement.getAttribute("role") === "alertdialog" })()`, &focused),
		js(`(() => { const r = document.querySelector("torv-error-overlay").shadowRoot;
			const d = r.querySelector("[role=alertdialog]"); const h = r.querySelector("h2");
			return !!h && d.getAttribute("aria-labelledby") === h.id && /^Sitet har \d+ fejl$/.test(h.textContent) })()`, &heading),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = "Om eksemplet`, "^", "Sådan retter du det:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overlay lacks %q: %s", want, text)
		}
	}
	if !focused {
		t.Error("focus is not on the overlay")
	}
	if !heading {
		t.Errorf("the overlay's dialog is not labelled by its heading: %s", text)
	}
	waitFor("the last good page under the overlay", `document.body.innerText.includes("Anden rettelse i browseren.")`)

	// The fix: the overlay goes and the page comes back by itself.
	save(string(orig) + "\nRettet igen.\n")
	waitFor("the page after the fix", `!document.querySelector("torv-error-overlay") && document.body.innerText.includes("Rettet igen.")`)

	// A stylesheet edit swaps the stylesheet without a reload.
	css, err := os.ReadFile("../../assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	var before string
	if err := chromedp.Run(ctx, js(`window.notReloaded = true; document.querySelector('link[rel=stylesheet]').getAttribute("href")`, &before)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets", "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "assets", "css", "style.css"), append(css, "\nh1 { letter-spacing: 0.01em; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the new stylesheet", `(() => { const l = [...document.querySelectorAll('link[rel=stylesheet]')];
		return l.length === 1 && l[0].getAttribute("href") !== `+"`"+before+"`"+` && l[0].sheet !== null })()`)
	var kept bool
	if err := chromedp.Run(ctx, js(`window.notReloaded === true && getComputedStyle(document.querySelector("h1")).letterSpacing !== "normal"`, &kept)); err != nil || !kept {
		t.Errorf("the stylesheet was not swapped in place (%v)", err)
	}
}

// cspRecorder keeps the Content-Security-Policy violations of a page,
// from before the page's own content runs.
const cspRecorder = `window.__torvCSP = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__torvCSP.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline"));
}, true);`

// panelAxeTags are the axe-core rule sets the panel is audited with, as
// internal/a11y audits the pages: WCAG 2.0-2.2 A and AA, best practices.
const panelAxeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]`

// TestBrowserCheckPanel shows the example site in the preview with one
// finding seeded, as an editor sees it: the panel is at the bottom of the
// page with the finding, its rule, its fix, the page's LIX and band; it
// folds away by mouse and keyboard; its stylesheet loads under the page's
// Content-Security-Policy; axe-core finds nothing in it; and fixing the
// finding in the file takes it off the page by itself.
func TestBrowserCheckPanel(t *testing.T) {
	browser := browsertest.New(t)
	defer chromedp.Cancel(browser)
	dir := copyExample(t)
	page := filepath.Join(dir, "content", "om.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(orig, "\nSkriv til os, [klik her](/kontakt/).\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(dir, watch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	srv := New(os.DirFS(dir), torv.Defaults(), build.Options{Drafts: true}, &syncBuffer{})
	srv.ShowFindings(dir)
	if diags := srv.Build(); diags.Err(false) != nil {
		t.Fatal(diags)
	}
	stop := make(chan struct{})
	defer close(stop)
	go srv.Watch(w.C, stop)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	defer srv.Close()

	ctx, cancel := context.WithTimeout(browser, 60*time.Second)
	defer cancel()
	js := func(expr string, out any) chromedp.Action { return chromedp.Evaluate(expr, out) }
	waitFor := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var ok bool
			err := chromedp.Run(ctx, js(expr, &ok))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				var panel string
				chromedp.Run(ctx, js(`document.querySelector(".torv-check")?.innerText ?? "no panel"`, &panel))
				t.Fatalf("%s: not within 20 s (%v)\npanel: %s", what, err, panel)
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
	err = chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := cdppage.AddScriptToEvaluateOnNewDocument(cspRecorder).Do(ctx)
			return err
		}),
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(ts.URL+"/om/"),
		chromedp.WaitVisible(".torv-check summary", chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor("the panel's stylesheet", `getComputedStyle(document.querySelector(".torv-check")).position === "fixed"`)
	var state struct {
		Summary, Findings string
		Open, InView      bool
		CSP               []string
	}
	err = chromedp.Run(ctx, js(`(() => {
		const a = document.querySelector(".torv-check"), d = a.querySelector("details"), r = a.getBoundingClientRect();
		return {summary: a.querySelector("summary").innerText, findings: a.querySelector(".torv-check-findings")?.innerText ?? "",
			open: d.open, inView: r.bottom <= innerHeight + 1 && r.top >= 0 && r.height > 0, csp: window.__torvCSP};
	})()`, &state))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^Tjek af siden: 0 fejl, 1 advarsel · LIX \d+ (let|middel|svær)$`).MatchString(state.Summary) {
		t.Errorf("the panel's summary: %q", state.Summary)
	}
	for _, want := range []string{"content/om.md:", `link text "klik her" says nothing`, "[link-text]", "Sådan retter du det:"} {
		if !strings.Contains(state.Findings, want) {
			t.Errorf("the findings lack %q: %s", want, state.Findings)
		}
	}
	if !state.Open || !state.InView {
		t.Errorf("a page with findings shows them: open %v, in the window %v", state.Open, state.InView)
	}
	if len(state.CSP) > 0 {
		t.Errorf("the page's Content-Security-Policy blocked: %q", state.CSP)
	}

	// Folded by a click, unfolded with the keyboard.
	var folded, unfolded bool
	err = chromedp.Run(ctx,
		chromedp.Click(".torv-check summary", chromedp.ByQuery),
		js(`!document.querySelector(".torv-check details").open && !document.querySelector(".torv-check-findings").checkVisibility()`, &folded),
		chromedp.Focus(".torv-check summary", chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		js(`document.querySelector(".torv-check details").open && document.querySelector(".torv-check-findings").checkVisibility()`, &unfolded),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !folded || !unfolded {
		t.Errorf("the panel does not fold: folded by click %v, unfolded by Enter %v", folded, unfolded)
	}

	// axe-core, as internal/a11y runs it on the pages, on the open panel.
	axe, err := os.ReadFile(filepath.Join("..", "..", "node_modules", "axe-core", "axe.min.js"))
	switch {
	case err != nil && os.Getenv("CI") == "true":
		t.Errorf("axe-core is missing (%v): run npm ci", err)
	case err != nil:
		t.Logf("axe-core is missing, so the panel is not audited (npm ci installs it): %v", err)
	default:
		var violations []struct {
			ID    string
			Nodes []struct{ HTML string }
		}
		err := chromedp.Run(ctx, js(string(axe), nil), chromedp.Evaluate(`axe.run(document.querySelector(".torv-check"),
			{runOnly: {type: "tag", values: `+panelAxeTags+`}}).then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => ({html: n.html}))})))`,
			&violations, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range violations {
			for _, n := range v.Nodes {
				t.Errorf("axe: %s: %s", v.ID, n.HTML)
			}
		}
	}

	// The editor fixes the link; the page reloads with the panel clean.
	if err := os.WriteFile(page, append(orig, "\nSkriv til os på [kontaktsiden](/kontakt/).\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the panel after the fix", `(document.querySelector(".torv-check summary")?.innerText ?? "").startsWith("Tjek af siden: 0 fejl, 0 advarsler") &&
		document.body.innerText.includes("kontaktsiden")`)
}
