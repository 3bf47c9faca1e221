package outputs_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/golden"
	"github.com/torv/torv/internal/outputs"
)

// hostInput is the Input of a site with aliases in two languages, a
// stylesheet and a script, at baseURL with extra config.toml lines.
func hostInput(t *testing.T, baseURL, extra string) *outputs.Input {
	t.Helper()
	site := loadSite(t, baseURL, map[string]string{
		"config.toml": "title = \"T\"\nmunicipality = \"M\"\nbaseurl = \"" + baseURL + "\"\n" +
			"[languages.en]\ntitle = \"T\"\n[sections]\nnyheder = \"news\"\n" + extra,
		"content/_index.md":    "+++\ntitle = \"Forside\"\n+++\n",
		"content/om.md":        "+++\ntitle = \"Om kommunen\"\naliases = [\"/om-os/\", \"/gammel/om.html\", \"/side.aspx\", \"/kontakt\"]\n+++\n",
		"content/om.en.md":     "+++\ntitle = \"About <us> & more\"\naliases = [\"/en/about/\"]\n+++\n",
		"content/nyheder/n.md": "+++\ntitle = \"Ny\"\ndate = 2026-03-04\n+++\n",
	})
	set := &assets.Set{
		CSS: assets.Asset{URL: "/css/style.0a1b2c3d.css"},
		JS:  map[string]assets.Asset{"open-now.js": {URL: "/js/open-now.4e5f6a7b.js"}},
	}
	words := map[string]string{"da moved_title": "Siden er flyttet", "da moved_link": "Du finder den nu her:",
		"en moved_title": "The page has moved", "en moved_link": "You can now find it here:",
		"da feed_changes": "Ændringer på siden", "en feed_changes": "Changes to the site"}
	return &outputs.Input{
		Site: site, Config: site.Config, Assets: set,
		URL: func(p string) string { return site.Config.BasePath + strings.TrimPrefix(p, "/") },
		T: func(lang, key string) (string, error) {
			if w, ok := words[lang+" "+key]; ok {
				return w, nil
			}
			return "", fmt.Errorf("no %s in %s", key, lang)
		},
		Now: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC),
	}
}

// made runs the default stages on in: every file by path, and the
// diagnostics.
func made(t *testing.T, in *outputs.Input) (map[string]string, []string) {
	t.Helper()
	files := map[string]string{}
	var diags []string
	for _, st := range outputs.Defaults() {
		fs, errs := st.Make(in)
		for _, f := range fs {
			if _, dup := files[f.Path]; dup {
				t.Errorf("two stages make %s", f.Path)
			}
			files[f.Path] = string(f.Bytes)
		}
		for _, e := range errs {
			diags = append(diags, e.Error())
		}
	}
	return files, diags
}

// TestHostFilesGolden: each host file format, the alias pages and
// security.txt, for a site at the top of its host with HSTS and one in a
// sub-folder without.
func TestHostFilesGolden(t *testing.T) {
	const security = "[security]\ncontact = [\"sikkerhed@fjordby.dk\", \"+45 70 20 30 40\"]\nexpires = 2027-06-30\n" +
		"policy = \"https://fjordby.dk/sikkerhed/\"\npreferred_languages = [\"da\", \"en\"]\n"
	tests := []struct {
		name, baseURL, extra string
		files                []string
	}{
		{"top", "https://borger.fjordby.dk/", security, []string{
			"_headers", "_redirects", "torv-nginx.conf", ".htaccess", ".well-known/security.txt",
			"om-os/index.html", "gammel/om.html", "kontakt/index.html", "en/about/index.html"}},
		{"subfolder", "https://fjordby.dk/borger/", "[publish]\nhsts = false\n", []string{
			"_headers", "_redirects", "torv-nginx.conf", ".htaccess", "om-os/index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, diags := made(t, hostInput(t, tt.baseURL, tt.extra))
			if len(diags) > 0 {
				t.Errorf("diagnostics: %v", diags)
			}
			for _, f := range tt.files {
				got, ok := files[f]
				if !ok {
					t.Errorf("no %s", f)
					continue
				}
				golden.Check(t, "./internal/outputs", filepath.Join("testdata", "hosts", tt.name, filepath.FromSlash(f)), []byte(got), *update)
			}
			if _, ok := files["side.aspx"]; ok {
				t.Error("an alias of another kind of file got an HTML page")
			}
		})
	}
}

// TestHostsConfig: [publish] hosts picks the files; none of them for an
// empty list, while the alias pages stay.
func TestHostsConfig(t *testing.T) {
	hostFiles := []string{"_headers", "_redirects", "torv-nginx.conf", ".htaccess"}
	tests := []struct {
		extra string
		want  []string
	}{
		{"", hostFiles},
		{"[publish]\nhosts = [\"nginx\"]\n", []string{"torv-nginx.conf"}},
		{"[publish]\nhosts = [\"cloudflare\"]\n", []string{"_headers", "_redirects"}},
		{"[publish]\nhosts = [\"apache\", \"netlify\"]\n", []string{"_headers", "_redirects", ".htaccess"}},
		{"[publish]\nhosts = []\n", nil},
	}
	for _, tt := range tests {
		files, _ := made(t, hostInput(t, "https://x.dk/", tt.extra))
		var got []string
		for _, f := range hostFiles {
			if _, ok := files[f]; ok {
				got = append(got, f)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: host files %v, want %v", tt.extra, got, tt.want)
		}
		if _, ok := files["om-os/index.html"]; !ok {
			t.Errorf("%q: no page at the alias", tt.extra)
		}
	}
}

// TestEveryFormatSaysEverything: every host file carries every security
// header with the one value, HSTS only when asked for, the CSP of the
// pages' meta element, long caching for exactly the fingerprinted files,
// the 404 page and every alias. nginx repeats the headers in each
// location that adds one of its own, or drops them there.
func TestEveryFormatSaysEverything(t *testing.T) {
	for _, hsts := range []bool{true, false} {
		base := "https://fjordby.dk/borger/"
		if !hsts {
			base = "http://fjordby.dk/borger/"
		}
		in := hostInput(t, base, "")
		files, _ := made(t, in)
		r := outputs.Rules(in)
		if got := slices.ContainsFunc(r.Headers, func(h outputs.Header) bool { return h.Name == "Strict-Transport-Security" }); got != hsts {
			t.Errorf("%s: Strict-Transport-Security %v, want %v", base, got, hsts)
		}
		if !strings.HasPrefix(outputs.HeaderCSP, outputs.CSP+"; ") {
			t.Errorf("the header's CSP %q does not start with the meta element's %q", outputs.HeaderCSP, outputs.CSP)
		}
		wantHeaders := []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy"}
		for _, h := range r.Headers {
			if h.Name == "Strict-Transport-Security" {
				continue
			}
			if !slices.Contains(wantHeaders, h.Name) {
				t.Errorf("unexpected header %s", h.Name)
			}
		}
		for _, h := range r.Headers {
			ng := regexp.QuoteMeta(`add_header ` + h.Name + ` "` + h.Value + `" always;`)
			// At the server level, and in each location with Cache-Control.
			if n := len(regexp.MustCompile(`(?m)^\s*`+ng+`$`).FindAllString(files["torv-nginx.conf"], -1)); n != 1+len(r.Immutable) {
				t.Errorf("nginx: %s %d times, want %d", h.Name, n, 1+len(r.Immutable))
			}
			if !strings.Contains(files[".htaccess"], "\nHeader always set "+h.Name+` "`+h.Value+`"`+"\n") {
				t.Errorf(".htaccess: no %s", h.Name)
			}
			if !strings.Contains(files["_headers"], "\n/borger/*\n") || !strings.Contains(files["_headers"], "\n  "+h.Name+": "+h.Value+"\n") {
				t.Errorf("_headers: no %s for /borger/*", h.Name)
			}
		}
		immutable := []string{"/borger/css/style.0a1b2c3d.css", "/borger/js/open-now.4e5f6a7b.js"}
		if !slices.Equal(r.Immutable, immutable) {
			t.Errorf("immutable %v, want %v", r.Immutable, immutable)
		}
		for name, text := range map[string]string{"torv-nginx.conf": files["torv-nginx.conf"], ".htaccess": files[".htaccess"], "_headers": files["_headers"]} {
			if n := strings.Count(text, outputs.CacheImmutable); n != len(immutable) && !(name == ".htaccess" && n == 1) {
				t.Errorf("%s: long caching %d times, want once per fingerprinted file", name, n)
			}
			for _, p := range immutable {
				if !strings.Contains(text, p) {
					t.Errorf("%s: no %s", name, p)
				}
			}
		}
		for _, m := range []string{"/borger/om-os/ /borger/om/", "/borger/en/about/ /borger/en/om/", "/borger/side.aspx /borger/om/"} {
			from, to, _ := strings.Cut(m, " ")
			if !strings.Contains(files["_redirects"], "\n"+from+" "+to+" 301\n") {
				t.Errorf("_redirects: no %s -> %s", from, to)
			}
			if !strings.Contains(files["torv-nginx.conf"], "location = "+from+" {\n\treturn 301 "+to+";\n}") {
				t.Errorf("nginx: no %s -> %s", from, to)
			}
			if !strings.Contains(files[".htaccess"], `RedirectMatch 301 "^`+regexp.QuoteMeta(from)+`$" "`+to+`"`) {
				t.Errorf(".htaccess: no %s -> %s", from, to)
			}
		}
		if !strings.Contains(files["torv-nginx.conf"], "\nerror_page 404 /borger/404.html;\n") || !strings.Contains(files[".htaccess"], "\nErrorDocument 404 /borger/404.html\n") {
			t.Error("nginx or Apache is not told the 404 page")
		}
	}
}
