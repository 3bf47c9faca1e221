package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/outputs"
)

// stageTest is an output stage a test registers: stage-test.txt counts
// the pages, and a page whose title starts with TODO gets a warning.
var stageTest = outputs.Stage{Name: "stage-test", Make: func(in *outputs.Input) ([]outputs.File, diag.List) {
	var errs diag.List
	n := 0 // pages of content/: the generated ones (search, its letters) come and go with them
	for _, p := range in.Site.Pages {
		if p.File != "" {
			n++
		}
		if strings.HasPrefix(p.Title(), "TODO") {
			errs.Add(diag.Errorf(p.File, 1, 1, "the page's title starts with TODO").WithHint("finish the page").Warning())
		}
	}
	return []outputs.File{{Path: "stage-test.txt", Bytes: fmt.Appendf(nil, "%d pages\n", n)}}, errs
}}

const (
	todoPage    = "+++\ntitle = \"TODO Om os\"\ndescription = \"Om os.\"\n+++\n\nDu kan ringe til os hver dag.\n"
	todoWarning = "content/todo.md:1:1: warning: the page's title starts with TODO"
)

// TestOutputStageEveryCommand: an output stage registered once, on the
// cli, is made by every command: build writes its file beside the
// default outputs' (sitemap.xml, robots.txt, _headers) and reports its
// warning, build -strict fails on it, check reports it at the page, and
// the preview serves the file, keeps it up to date and prints the
// warning.
func TestOutputStageEveryCommand(t *testing.T) {
	site := checkSite(t, map[string]string{"content/om.md": cleanPage, "content/todo.md": todoPage})
	registered := append(outputs.Defaults(), stageTest)
	defaults := []string{"sitemap.xml", "robots.txt", "_headers", "index.html"}
	tests := []struct {
		name           string
		outputs        []outputs.Stage
		args           []string
		code           int
		stdout, stderr string   // contained; "" for anything
		files, absent  []string // in the destination, for build
	}{
		{"build, defaults", nil, []string{"build"}, exitOK, "Built 8 pages", "", defaults, []string{"stage-test.txt"}},
		{"build", registered, []string{"build"}, exitOK, "Built 8 pages", todoWarning, append(defaults, "stage-test.txt"), nil},
		{"build -strict", registered, []string{"build", "-strict"}, exitContent, "", todoWarning + " (finish the page)\n", nil, []string{"stage-test.txt", "index.html"}},
		{"check, defaults", nil, []string{"check"}, exitOK, "0 errors and 0 warnings", "", nil, nil},
		{"check", registered, []string{"check"}, exitOK, "# content/todo.md", "", nil, nil},
		{"check, the fix", registered, []string{"check"}, exitOK, todoWarning + "\n    fix: finish the page", "", nil, nil},
		{"check -strict", registered, []string{"check", "-strict"}, exitContent, todoWarning, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			args := append(tt.args, "-source", site)
			if tt.args[0] == "build" {
				args = append(args, "-destination", dest)
			}
			var o, e bytes.Buffer
			c := newCLI(&o, &e)
			c.outputs = tt.outputs
			if code := c.run(args); code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, o.String(), e.String())
			}
			if !strings.Contains(o.String(), tt.stdout) || !strings.Contains(e.String(), tt.stderr) {
				t.Errorf("stdout has not %q or stderr has not %q:\n%s\n%s", tt.stdout, tt.stderr, o.String(), e.String())
			}
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
					t.Errorf("the build did not write %s: %v", f, err)
				}
			}
			for _, f := range tt.absent {
				if _, err := os.Stat(filepath.Join(dest, f)); err == nil {
					t.Errorf("the build wrote %s", f)
				}
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(site, "public", "stage-test.txt")); err == nil {
		t.Errorf("a build wrote into the site folder: %q", b)
	}
	t.Run("serve", func(t *testing.T) { serveStage(t, site, registered) })
}

// serveStage shows that the preview of site, with outs, serves the
// stages' files, makes them again after an edit, and prints the stage's
// warning.
func serveStage(t *testing.T, site string, outs []outputs.Stage) {
	url, _, stderr, _ := startServeOutputs(t, outs, "-source", site, "-port", "0")
	get := func(path string) (int, string) {
		res, err := http.Get(strings.TrimSuffix(url, "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for path, want := range map[string]string{
		"/stage-test.txt": "3 pages\n",
		"/sitemap.xml":    "<loc>https://test.example/om/</loc>",
		"/robots.txt":     "Sitemap: https://test.example/sitemap.xml",
		"/_headers":       "Content-Security-Policy",
	} {
		if code, body := get(path); code != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("GET %s = %d %.200q; want 200 with %q", path, code, body, want)
		}
	}
	if !strings.Contains(stderr.String(), todoWarning) {
		t.Errorf("the preview did not print the stage's warning:\n%s", stderr)
	}
	p := filepath.Join(site, "content", "ny.md")
	if err := os.WriteFile(p, []byte("+++\ntitle = \"Ny\"\ndescription = \"Ny.\"\n+++\n\nNy side.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(p) })
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, body := get("/stage-test.txt")
		if body == "4 pages\n" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the preview did not make stage-test.txt again within 5 s: %.200q", body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
