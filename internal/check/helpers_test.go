package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// testDay is the day review dates are judged on in tests.
var testDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// testSite checks a site of files (path -> text) in language lang, with
// extra lines for config.toml, and returns the report.
func testSite(t *testing.T, lang, extra string, files map[string]string) *Report {
	t.Helper()
	cfgText := fmt.Sprintf("title = \"Test\"\nmunicipality = \"Testby Kommune\"\nlanguage = %q\n\n"+
		"[security]\ncontact = [\"sikkerhed@test.example\"]\nexpires = 2099-01-01\n\n[sections]\nlov = \"law\"\nord = \"term\"\n%s", lang, extra)
	return testSiteConfig(t, cfgText, files)
}

// testSiteConfig checks the site of files with config.toml cfgText.
func testSiteConfig(t *testing.T, cfgText string, files map[string]string) *Report {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte(cfgText)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatalf("config: %v", errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if e := errs.Errors(); len(e) > 0 {
		t.Fatalf("content: %v", e)
	}
	return New(site, nil, Options{Now: testDay}).Run(nil)
}

// page is a page whose body starts on line 6 (line 5 with front lines):
// title, front, then the body. It has no description, whose words would
// count in the page's LIX; tests look at one rule at a time.
func page(title, body string, front ...string) string {
	fm := ""
	for _, f := range front {
		fm += f + "\n"
	}
	if fm == "" {
		fm = "weight = 1\n"
	}
	return fmt.Sprintf("+++\ntitle = %q\n%s+++\n\n%s\n", title, fm, body)
}

// found returns the findings of rule (all rules for "") as
// "file:line:col: level: message [rule]", without the fix.
func found(r *Report, rule string) []string {
	var out []string
	for _, e := range r.Findings() {
		if rule == "" || e.Rule == rule {
			out = append(out, fmt.Sprintf("%s: %s: %s [%s]", e.Pos(), e.Level, e.Msg, e.Rule))
		}
	}
	return out
}

// hints returns the fixes of rule's findings.
func hints(r *Report, rule string) []string {
	var out []string
	for _, e := range r.Findings() {
		if e.Rule == rule {
			out = append(out, e.Hint)
		}
	}
	return out
}

// expect compares findings with the wanted ones, each given as a prefix
// ("content/a.md:6:1: warning: sentence of 28 words").
func expect(t *testing.T, got []string, want ...string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		t.Errorf("findings:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func containsAll(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

// newTestChecker loads a Danish site of files and returns its checker.
func newTestChecker(t *testing.T, files map[string]string) *Checker {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte("title = \"Test\"\nmunicipality = \"Testby Kommune\"\n\n[sections]\nlov = \"law\"\nord = \"term\"\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatalf("config: %v", errs)
	}
	site, errs := content.Load(fsys, cfg, content.Options{})
	if e := errs.Errors(); len(e) > 0 {
		t.Fatalf("content: %v", e)
	}
	return New(site, nil, Options{Now: testDay})
}

// langs are the languages torv has texts for.
var langs = []string{"da", "sv", "nb", "en"}
