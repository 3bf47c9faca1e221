package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPublishRecipes runs the build step of the CI recipes in deploy/ as
// they are written, on the example site, with the address the host would
// give: the command line must be one torv accepts, build with -strict, and
// make a site whose links carry the host's sub-folder.
func TestPublishRecipes(t *testing.T) {
	tests := []struct {
		file string
		vars map[string]string // what the CI system puts in
	}{
		{"github-pages.yml", map[string]string{`${{ steps.pages.outputs.base_url }}`: "https://fjordby.github.io/borger"}},
		{"gitlab-ci.yml", map[string]string{`$CI_PAGES_URL`: "https://fjordby.gitlab.io/borger"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "deploy", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var line string
			for l := range strings.Lines(string(b)) {
				if _, after, ok := strings.Cut(l, "go run ./cmd/torv "); ok {
					line = strings.TrimSpace(after)
				}
			}
			if line == "" {
				t.Fatalf("%s runs no go run ./cmd/torv", tt.file)
			}
			for k, v := range tt.vars {
				line = strings.ReplaceAll(line, k, v)
			}
			// The one quoted argument is the address, without spaces.
			args := strings.Fields(strings.ReplaceAll(line, `"`, ""))
			if args[0] != "build" || !slices.Contains(args, "-strict") {
				t.Fatalf("%s runs torv %s; want torv build -strict", tt.file, line)
			}
			dest := filepath.Join(t.TempDir(), "public")
			var stdout, stderr bytes.Buffer
			if code := newCLI(&stdout, &stderr).run(append(args, "-source", "../..", "-destination", dest)); code != exitOK {
				t.Fatalf("torv %s: exit %d\n%s", line, code, stderr.String())
			}
			home, err := os.ReadFile(filepath.Join(dest, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(home, []byte(`/borger/css/`)) {
				t.Errorf("torv %s: the front page does not link its stylesheet below /borger/", line)
			}
		})
	}
}
