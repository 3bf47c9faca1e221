package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeSite writes a site of n pages into a temporary folder.
func writeSite(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"config.toml":       "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n",
		"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n",
	}
	for i := range n {
		files[fmt.Sprintf("content/sider/side-%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Side %d\"\n+++\n\nTekst %d.\n", i, i)
	}
	for name, text := range files {
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

// treeHash hashes every path and file content below dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %v\n", rel, d.IsDir())
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if d.Name() == ".torv-manifest.json" {
				// When the build checked the folder: two builds of one
				// site differ in it and in nothing else.
				b = checkedTime.ReplaceAll(b, nil)
			}
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// checkedTime is the line of a manifest that says when it was checked.
var checkedTime = regexp.MustCompile(`(?m)^\t"checked": [0-9]+,\n`)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = newCLI(&o, &e).run(args)
	return code, o.String(), e.String()
}

func TestFailedBuildLeavesOutputUnchanged(t *testing.T) {
	site := writeSite(t, 500)
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "-source", site, "-destination", dest); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := treeHash(t, dest)
	if _, err := os.Stat(filepath.Join(dest, "sider", "side-499", "index.html")); err != nil {
		t.Fatalf("the first build did not write the last page: %v", err)
	}
	// Break the last of the 500 pages: rendering the other 499 succeeds.
	last := filepath.Join(site, "content", "sider", "side-499.md")
	if err := os.WriteFile(last, []byte("+++\ntitle = \"Side 499\nweight = 1\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("build", "-source", site, "-destination", dest)
	if code != exitContent {
		t.Fatalf("broken build: exit %d, want %d\n%s", code, exitContent, stderr)
	}
	if !strings.Contains(stderr, "content/sider/side-499.md:2:") {
		t.Errorf("the error does not name the broken file and line:\n%s", stderr)
	}
	if after := treeHash(t, dest); after != before {
		t.Error("a failed build changed the previous output")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("the build left files beside the output: %v", entries)
	}
}

func TestRemovedPageDisappears(t *testing.T) {
	site := writeSite(t, 3)
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "-source", site, "-destination", dest, "-quiet"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if err := os.Remove(filepath.Join(site, "content", "sider", "side-001.md")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("build", "-source", site, "-destination", dest, "-quiet"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "sider", "side-001")); !os.IsNotExist(err) {
		t.Errorf("the removed page is still in the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "sider", "side-002", "index.html")); err != nil {
		t.Errorf("a kept page is missing: %v", err)
	}
}

func TestRefusesToReplaceASite(t *testing.T) {
	site := writeSite(t, 1)
	code, _, stderr := runCLI("build", "-source", site, "-destination", site)
	if code != exitContent || !strings.Contains(stderr, "it is the site folder itself") {
		t.Errorf("building into the site folder itself: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "_index.md")); err != nil {
		t.Fatal("the site folder was damaged")
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string // in stdout or stderr
	}{
		{nil, exitUsage, "Commands:"},
		{[]string{"bulid"}, exitUsage, `unknown command "bulid"`},
		{[]string{"build", "-nope"}, exitUsage, "flag provided but not defined: -nope"},
		{[]string{"build", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"help"}, exitOK, "serve"},
		{[]string{"help", "build"}, exitOK, "-destination folder"},
		{[]string{"help", "build"}, exitOK, "-strict"},
		{[]string{"help", "nope"}, exitUsage, `unknown command "nope"`},
		{[]string{"version"}, exitOK, "torv "},
		{[]string{"build", "-source", "/nonexistent-torv-site"}, exitContent, "config.toml: the site has no config.toml"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.out) {
			t.Errorf("torv %s: exit %d, output:\n%s%s\nwant exit %d and %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.code, tt.out)
		}
	}
}

func TestNewPageBuilds(t *testing.T) {
	site := writeSite(t, 0)
	cfg := filepath.Join(site, "config.toml")
	b, _ := os.ReadFile(cfg)
	b = append(b, "\n[sections]\nlov = \"law\"\nsteder = \"place\"\nnyheder = \"news\"\ntal = \"figures\"\nordliste = \"term\"\nmoedet = \"theme\"\nprincipper = \"principle\"\ninitiativer = \"initiative\"\n"...)
	os.WriteFile(cfg, b, 0o644)
	for _, p := range []string{"content/lov/boligstoette.md", "steder/jobcenter.md", "content/nyheder/nyt.md", "content/tal/tal.md",
		"content/ordliste/mitid.md", "content/moedet/hvor.md", "content/principper/et.md", "content/initiativer/x.md", "content/om.md", "content/lov/_index.md"} {
		if code, _, stderr := runCLI("new", "-source", site, p); code != exitOK {
			t.Fatalf("torv new %s: exit %d\n%s", p, code, stderr)
		}
	}
	if code, _, stderr := runCLI("new", "-source", site, "content/om.md"); code != exitUsage || !strings.Contains(stderr, "exists already") {
		t.Errorf("torv new over an existing page: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI("new", "-source", site, "../../ude.md"); code != exitUsage {
		t.Errorf("torv new outside content/: exit %d\n%s", code, stderr)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "-source", site, "-destination", dest); code != exitOK || stderr != "" {
		t.Fatalf("a site of new pages does not build cleanly: exit %d\n%s", code, stderr)
	}
}

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ny")
	if code, _, stderr := runCLI("new", "site", dir); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI("build", "-source", dir, "-destination", filepath.Join(dir, "public")); code != exitOK || stderr != "" {
		t.Fatalf("a new site does not build cleanly: exit %d\n%s", code, stderr)
	}
}
