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
		{"https://nordby.dk/", []string{"sitemap.xml", "robots.txt", "_headers", "_redirects", "torv-nginx.conf", ".htaccess", "feed.xml"}, "User-agent: *\nAllow: /\nSitemap: https://nordby.dk/sitemap.xml\n"},
		{"/", []string{"robots.txt", "_headers", "_redirects", "torv-nginx.conf", ".htaccess"}, "User-agent: *\nAllow: /\n"},
		// A site in a sub-folder: its path once, as in the pages' links.
		{"https://nordby.dk/borger/", []string{"sitemap.xml", "robots.txt", "_headers", "_redirects", "torv-nginx.conf", ".htaccess", "feed.xml"}, "User-agent: *\nAllow: /\nSitemap: https://nordby.dk/borger/sitemap.xml\n"},
	}
	for _, tt := range tests {
		site := loadSite(t, tt.baseURL, map[string]string{"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n"})
		// The renderer's URL: the base path in front of a site path.
		url := func(p string) string { return site.Config.BasePath + strings.TrimPrefix(p, "/") }
		in := &outputs.Input{Site: site, Config: site.Config, URL: url, T: uiStrings}
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
		// The search index has files of its own (search_test.go).
		if files["search/da/index.json"] == "" {
			t.Errorf("base %s: no search index in %v", tt.baseURL, paths)
		}
		paths = slices.DeleteFunc(paths, func(p string) bool { return strings.HasPrefix(p, outputs.SearchDir+"/") })
		if !slices.Equal(paths, tt.paths) {
			t.Errorf("base %s: files %v, want %v", tt.baseURL, paths, tt.paths)
		}
		if sm := files["sitemap.xml"]; sm != "" && !strings.Contains(sm, "<loc>"+strings.TrimSuffix(tt.baseURL, "/")+"/</loc>") {
			t.Errorf("base %s: the home page is not at the base URL in the sitemap:\n%s", tt.baseURL, sm)
		}
		if files["robots.txt"] != tt.robots {
			t.Errorf("base %s: robots.txt %q, want %q", tt.baseURL, files["robots.txt"], tt.robots)
		}
		if !strings.Contains(files["_headers"], "\n"+site.Config.BasePath+"*\n") {
			t.Errorf("base %s: _headers %q", tt.baseURL, files["_headers"])
		}
	}
}
