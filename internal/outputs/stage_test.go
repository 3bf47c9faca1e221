package outputs_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/outputs"
)

// TestDefaults: the default stages make sitemap.xml only with a full base
// URL, and robots.txt names it then; their names are distinct.
func TestDefaults(t *testing.T) {
	tests := []struct {
		baseURL string
		paths   []string
		robots  string
	}{
		{"https://nordby.dk/", []string{"sitemap.xml", "robots.txt", "_headers"}, "User-agent: *\nAllow: /\nSitemap: https://nordby.dk/sitemap.xml\n"},
		{"/", []string{"robots.txt", "_headers"}, "User-agent: *\nAllow: /\n"},
	}
	for _, tt := range tests {
		site := loadSite(t, tt.baseURL, map[string]string{"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n"})
		in := &outputs.Input{Site: site, Config: site.Config, URL: func(p string) string { return p }}
		var paths, names []string
		files := map[string]string{}
		for _, st := range outputs.Defaults() {
			if slices.Contains(names, st.Name) {
				t.Errorf("two stages are called %s", st.Name)
			}
			names = append(names, st.Name)
			fs, errs := st.Make(in)
			if len(errs) > 0 {
				t.Errorf("%s: %v", st.Name, errs)
			}
			for _, f := range fs {
				paths = append(paths, f.Path)
				files[f.Path] = string(f.Bytes)
			}
		}
		if !slices.Equal(paths, tt.paths) {
			t.Errorf("base %s: files %v, want %v", tt.baseURL, paths, tt.paths)
		}
		if files["robots.txt"] != tt.robots {
			t.Errorf("base %s: robots.txt %q, want %q", tt.baseURL, files["robots.txt"], tt.robots)
		}
		if !strings.HasPrefix(files["_headers"], "/*\n") {
			t.Errorf("base %s: _headers %q", tt.baseURL, files["_headers"])
		}
	}
}
