package check

import (
	"bytes"
	"strings"
	"testing"

	"github.com/torv/torv/internal/diag"
)

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
