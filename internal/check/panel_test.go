package check

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

func TestPanel(t *testing.T) {
	rep := Site(os.DirFS(goldenSite), torv.Defaults(), Options{Now: testDay})
	cfg := config.Check{Editor: "vscode"}
	var b bytes.Buffer
	extra := diag.Errorf("content/svaer.md", 3, 1, "a build error <here>").WithHint("fix it")
	if err := Panel(&b, rep.Page("content/svaer.md"), PanelOptions{Root: "/home/redaktør/fejlby", EditorURL: cfg.EditorURL}, extra); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	containsAll(t, "the panel", html,
		`<link rel="stylesheet" href="/__torv/check.css">`,
		`<aside class="torv-check" aria-label="Tjek af siden">`,
		"<details open>",
		`<summary>Tjek af siden: 2 fejl, 2 advarsler · LIX 61 <span class="torv-check-band torv-check-hard">svær</span></summary>`,
		"40 ord, 5 sætninger, 21 lange ord",
		`<a href="vscode://file/home/redakt%C3%B8r/fejlby/content/svaer.md:10:1">content/svaer.md:10:1</a>: “Kommunens sagsbehandling`,
		`<li class="torv-check-error"><span class="torv-check-level">fejl</span>`,
		"LIX 61 (svær) is above 50",
		"<code>[lix]</code>",
		"Sådan retter du det: shorten the hardest sentences first",
		"a build error &lt;here&gt;",
	)
	// The site's Content-Security-Policy allows no inline style or script.
	if regexp.MustCompile(`<script|<style|\sstyle=|\son[a-z]+=`).MatchString(html) {
		t.Errorf("the panel has inline script or style:\n%s", html)
	}
	// Without findings the panel is folded, in the site's language, and
	// without an editor there are no links.
	b.Reset()
	clean := &PageReport{File: "content/a.md", Lang: "sv"}
	if err := Panel(&b, clean, PanelOptions{}); err != nil {
		t.Fatal(err)
	}
	containsAll(t, "an empty panel", b.String(), "<details>", "Kontroll av sidan: 0 fel, 0 varningar", "Inga fynd på sidan.")
	if strings.Contains(b.String(), "<a ") {
		t.Error("links without an editor")
	}
	// A switched-off rule is listed with its reason.
	b.Reset()
	if err := Panel(&b, rep.Page("content/slaaet-fra.md"), PanelOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	containsAll(t, "the panel of a page with a rule off", b.String(), "Switched off", "<code>lix</code>: Teksten citerer loven ordret.")
}

func TestPanelRefusesScriptLinks(t *testing.T) {
	var b bytes.Buffer
	p := &PageReport{File: "content/a.md", Lang: "da", Findings: diag.List{{File: "content/a.md", Line: 2, Col: 1, Msg: "x", Rule: "lix"}}}
	err := Panel(&b, p, PanelOptions{Root: "/site", EditorURL: func(string, int, int) string { return "javascript:alert(1)" }})
	if err != nil || strings.Contains(b.String(), "javascript") || strings.Contains(b.String(), "<a ") {
		t.Errorf("a script address became a link: %v\n%s", err, b.String())
	}
}

func TestPanelCSSIsScopedAndHasNoImports(t *testing.T) {
	for _, rule := range strings.Split(strings.TrimSpace(PanelCSS), "\n") {
		if !strings.HasPrefix(rule, ".torv-check") && !strings.HasPrefix(rule, "@media print{.torv-check") {
			t.Errorf("rule outside .torv-check: %s", rule)
		}
	}
	if strings.Contains(PanelCSS, "@import") || strings.Contains(PanelCSS, "url(") {
		t.Error("the panel's stylesheet loads something")
	}
}
