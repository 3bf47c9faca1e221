package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkSite writes a site of files (path -> text) with a plain config
// into a temporary folder.
func checkSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		// security-txt is off: these sites have no [security], and the
		// rule's one finding would be in every test (security_test.go).
		"config.toml": "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n\n[sections]\nlov = \"law\"\n" +
			"\n[check.security-txt]\nlevel = \"off\"\n",
		"content/_index.md": "+++\ntitle = \"Forside\"\ndescription = \"Om Testby.\"\n+++\n\nVelkommen til Testby.\n",
	}
	for name, text := range files {
		all[name] = text
	}
	for name, text := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	cleanPage   = "+++\ntitle = \"Om\"\ndescription = \"Om siden.\"\n+++\n\nDu kan ringe til os hver dag.\n"
	warningPage = "+++\ntitle = \"Ord\"\ndescription = \"Et langt ord.\"\n+++\n\nOm beskæftigelsesindsatsen.\n"
	errorPage   = "+++\ntitle = \"Billede\"\ndescription = \"Et billede.\"\n+++\n\n![](kort.png)\n"
)

func TestCheckExitCodes(t *testing.T) {
	clean := checkSite(t, map[string]string{"content/om.md": cleanPage})
	warned := checkSite(t, map[string]string{"content/ord.md": warningPage})
	failed := checkSite(t, map[string]string{"content/billede.md": errorPage, "content/kort.png": "png"})
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"check", "-source", clean}, exitOK, "torv check: 2 pages checked: 0 errors and 0 warnings"},
		{[]string{"check", "-source", warned}, exitOK, "0 errors and 1 warning in 1 file"},
		{[]string{"check", "-source", warned, "-strict"}, exitContent, "0 errors and 1 warning"},
		{[]string{"check", "-source", failed}, exitContent, "content/billede.md:6:1: error: image kort.png has no alt text [image-alt]\n    fix: describe what the image shows"},
		{[]string{"check", "-source", failed, "-format", "json"}, exitContent, `"rule": "image-alt"`},
		{[]string{"check", "-source", "/nonexistent-torv-site"}, exitContent, "config.toml: error: the site has no config.toml"},
		{[]string{"check", "-source", clean, "-format", "xml"}, exitUsage, `unknown -format "xml"`},
		{[]string{"check", "-source", clean, "-date", "23-11-2026"}, exitUsage, "is not a date"},
		{[]string{"check", clean}, exitUsage, "unexpected argument"},
		{[]string{"help", "check"}, exitOK, "-format text"},
		{[]string{"help"}, exitOK, "check    report what makes pages hard to read"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.out) {
			t.Errorf("torv %s: exit %d, output:\n%s%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.code, tt.out)
		}
	}
}

func TestCheckTextGroupsPerFile(t *testing.T) {
	site := checkSite(t, map[string]string{"content/ord.md": warningPage, "content/billede.md": errorPage, "content/kort.png": "png",
		"content/ingen.md": "+++\ntitle = \"Ingen\"\n+++\n\nTekst.\n"})
	_, stdout, _ := runCLI("check", "-source", site)
	// The LIX counts the description too: "Et billede." is 2 words, 1
	// long: 2/1 + 100·1/2 = 52.
	want := `# content/billede.md · LIX 52
content/billede.md:6:1: error: image kort.png has no alt text [image-alt]
    fix: describe what the image shows between the brackets: ![Indgangen til Jobcenter Fjordby fra Havnegade](...)

# content/ingen.md · LIX 1
content/ingen.md:2:1: warning: the page has no description [description]
    fix: add a line description = "..." with one or two sentences about the page; lists and search engines show it

# content/ord.md · LIX 23
content/ord.md:6:4: warning: "beskæftigelsesindsatsen" has 23 letters; the limit is 20 [long-word]
    fix: say it with shorter words, or split the compound with a hyphen; if it is a name, add it to allow in [check.long-word] in config.toml

torv check: 4 pages checked: 1 error and 2 warnings in 3 files; LIX of the whole site 25
`
	if stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s", stdout, want)
	}
}

func TestCheckJSON(t *testing.T) {
	law := "+++\ntitle = \"Regel\"\ndescription = \"Om reglen.\"\nlaw = \"Lov om social service\"\nparagraph = \"§ 85\"\n" +
		"official_url = \"https://www.retsinformation.dk/\"\nin_short = \"Kort.\"\nreviewed = 2026-01-01\nreview_by = 2027-01-01\n+++\n\nTekst.\n"
	site := checkSite(t, map[string]string{"content/lov/regel.md": law})
	for _, tt := range []struct {
		date           string
		code           int
		errors, warned float64
	}{
		{"2026-11-23", exitOK, 0, 0},      // 39 days before
		{"2026-12-15", exitOK, 0, 1},      // 17 days before: a warning
		{"2027-01-02", exitContent, 1, 0}, // past it: an error
	} {
		code, stdout, stderr := runCLI("check", "-source", site, "-format", "json", "-date", tt.date)
		var rep struct {
			Summary  map[string]float64
			Findings []struct{ File, Level, Rule, Message, Fix string }
			Pages    []struct {
				File string
				LIX  float64
			}
		}
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Fatalf("-date %s: %v\n%s%s", tt.date, err, stdout, stderr)
		}
		if code != tt.code || rep.Summary["errors"] != tt.errors || rep.Summary["warnings"] != tt.warned || len(rep.Pages) != 2 {
			t.Errorf("-date %s: exit %d, summary %v, %d pages\n%s", tt.date, code, rep.Summary, len(rep.Pages), stdout)
		}
		for _, f := range rep.Findings {
			if f.Rule != "review-date" || f.File != "content/lov/regel.md" || f.Fix == "" {
				t.Errorf("-date %s: finding %+v", tt.date, f)
			}
		}
	}
}

func TestBuildStrictRunsCheck(t *testing.T) {
	failed := checkSite(t, map[string]string{"content/billede.md": errorPage, "content/kort.png": "png"})
	warned := checkSite(t, map[string]string{"content/ord.md": warningPage})
	dest := filepath.Join(t.TempDir(), "public")
	// Without -strict, build does not check.
	if code, _, stderr := runCLI("build", "-source", failed, "-destination", dest, "-quiet"); code != exitOK || stderr != "" {
		t.Errorf("build: exit %d\n%s", code, stderr)
	}
	// With it, check's errors fail the build and leave the output alone.
	before := treeHash(t, dest)
	code, _, stderr := runCLI("build", "-source", failed, "-destination", dest, "-strict")
	if code != exitContent || !strings.Contains(stderr, "content/billede.md:6:1: image kort.png has no alt text") ||
		!strings.Contains(stderr, "[image-alt]") || !strings.Contains(stderr, "the build failed with 1 error") {
		t.Errorf("build -strict with a check error: exit %d\n%s", code, stderr)
	}
	if treeHash(t, dest) != before {
		t.Error("a failed strict build changed the output")
	}
	// Check's warnings are reported but do not fail it.
	code, _, stderr = runCLI("build", "-source", warned, "-destination", filepath.Join(t.TempDir(), "public"), "-strict", "-quiet")
	if code != exitOK || !strings.Contains(stderr, "warning: \"beskæftigelsesindsatsen\" has 23 letters") {
		t.Errorf("build -strict with a check warning: exit %d\n%s", code, stderr)
	}
}

func TestExampleSiteChecksClean(t *testing.T) {
	code, stdout, stderr := runCLI("check", "-source", "../..", "-date", "2026-11-23")
	if code != exitOK || !strings.Contains(stdout, "0 errors") {
		t.Errorf("torv check on the example site: exit %d\n%s%s", code, stdout, stderr)
	}
}
