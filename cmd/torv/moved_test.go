package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/torv/torv/internal/outdir"
)

// TestBuildWarnsWhenAPageMoves: torv build remembers each page's address
// in the output's manifest, and the next build warns about a page whose
// address changed (a new slug, a renamed file with the same title), at
// its file, with the exact aliases line that keeps the old address; with
// that line added, or the old address taken by a page, it is quiet.
func TestBuildWarnsWhenAPageMoves(t *testing.T) {
	tests := []struct {
		name   string
		before map[string]string
		after  map[string]string // written over before; "" removes a file
		warn   string            // "" for none
	}{
		{"slug changed",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n"},
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\nslug = \"om-kommunen\"\n+++\n"},
			`content/om.md:1:1: warning: the page's address was /om/ in the last build and is /om-kommunen/ now; links and letters with the old address will break (add aliases = ["/om/"] to the front matter, or build again to accept the change)`},
		{"file renamed",
			map[string]string{"content/om.md": "+++\ntitle = \"Om kommunen\"\n+++\n"},
			map[string]string{"content/om.md": "", "content/kommunen/om-os.md": "+++\ntitle = \"Om kommunen\"\naliases = [\"/gl/\"]\n+++\n"},
			`content/kommunen/om-os.md:1:1: warning: the page's address was /om/ in the last build (it was content/om.md) and is /kommunen/om-os/ now; links and letters with the old address will break (add aliases = ["/gl/", "/om/"] to the front matter, or build again to accept the change)`},
		{"alias added",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n"},
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\nslug = \"om-kommunen\"\naliases = [\"/om/\"]\n+++\n"},
			""},
		{"page removed",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n", "content/b.md": "+++\ntitle = \"B\"\n+++\n"},
			map[string]string{"content/om.md": ""},
			""},
		{"address taken by another page",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n"},
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\nslug = \"om-os\"\n+++\n", "content/om-ny.md": "+++\ntitle = \"Ny\"\nslug = \"om\"\n+++\n"},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := checkSite(t, tt.before)
			dest := filepath.Join(t.TempDir(), "public")
			if code, _, stderr := runCLI("build", "-source", site, "-destination", dest); code != exitOK {
				t.Fatalf("first build: exit %d\n%s", code, stderr)
			}
			if pages := outdir.Pages(dest); len(pages) == 0 {
				t.Fatal("the manifest lists no pages")
			}
			for name, text := range tt.after {
				p := filepath.Join(site, filepath.FromSlash(name))
				if text == "" {
					os.Remove(p)
					continue
				}
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runCLI("build", "-source", site, "-destination", dest)
			if code != exitOK {
				t.Fatalf("second build: exit %d\n%s", code, stderr)
			}
			if tt.warn == "" && strings.Contains(stderr, "warning") {
				t.Errorf("unexpected warning:\n%s", stderr)
			}
			if tt.warn != "" && !strings.Contains(stderr, tt.warn+"\n") {
				t.Errorf("stderr\n%s\nwant\n%s", stderr, tt.warn)
			}
			// The warning is about the change since the last build: the
			// build after it has the new address to compare with.
			if _, _, stderr := runCLI("build", "-source", site, "-destination", dest); strings.Contains(stderr, "warning") {
				t.Errorf("third build warns again:\n%s", stderr)
			}
			if tt.warn != "" {
				// And -strict fails on it.
				site2 := checkSite(t, tt.before)
				dest2 := filepath.Join(t.TempDir(), "public")
				runCLI("build", "-source", site2, "-destination", dest2)
				for name, text := range tt.after {
					p := filepath.Join(site2, filepath.FromSlash(name))
					if text == "" {
						os.Remove(p)
						continue
					}
					os.MkdirAll(filepath.Dir(p), 0o755)
					os.WriteFile(p, []byte(text), 0o644)
				}
				if code, _, stderr := runCLI("build", "-strict", "-source", site2, "-destination", dest2); code != exitContent || !strings.Contains(stderr, tt.warn) {
					t.Errorf("build -strict: exit %d, want %d with the warning\n%s", code, exitContent, stderr)
				}
			}
		})
	}
}
