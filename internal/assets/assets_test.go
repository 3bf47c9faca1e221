package assets_test

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/assets"
)

func build(t *testing.T, files map[string]string) (*assets.Set, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	set, errs := assets.Build(fsys, assets.NewMinifier())
	return set, errs.Error()
}

// sri is the Subresource Integrity value of b, computed here the way a
// browser does, to check the one Build gives.
func sri(b []byte) string {
	h := sha512.Sum384(b)
	return "sha384-" + base64.StdEncoding.EncodeToString(h[:])
}

var styleName = regexp.MustCompile(`^/css/style\.([0-9a-f]{8})\.css$`)

func TestStylesheet(t *testing.T) {
	set, errs := build(t, map[string]string{
		"assets/css/20-layout.css": "main {\n  max-width: 40rem;\n}\n",
		"assets/css/10-base.css":   "/* farver */\nbody {\n  color: #000000;\n  margin: 0px;\n}\n",
		"assets/css/30-print.css":  "@media print {\n  nav { display: none; }\n}\n",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	m := styleName.FindStringSubmatch(set.CSS.URL)
	if m == nil {
		t.Fatalf("stylesheet URL %q, want /css/style.<8 hex>.css", set.CSS.URL)
	}
	b, ok := set.Files[strings.TrimPrefix(set.CSS.URL, "/")]
	if !ok {
		t.Fatalf("the stylesheet %s is not among the files: %v", set.CSS.URL, slices.Collect(maps.Keys(set.Files)))
	}
	// Minified one by one and joined in name order.
	want := "body{color:#000;margin:0}main{max-width:40rem}@media print{nav{display:none}}"
	if string(b) != want {
		t.Errorf("stylesheet\n%s\nwant\n%s", b, want)
	}
	h := sha256.Sum256(b)
	if m[1] != hex.EncodeToString(h[:4]) {
		t.Errorf("hash %s is not the start of the SHA-256 of the published bytes", m[1])
	}
	if set.CSS.Integrity != sri(b) {
		t.Errorf("integrity %s, want %s", set.CSS.Integrity, sri(b))
	}
	for name := range set.Files {
		if strings.HasSuffix(name, ".css") && name != strings.TrimPrefix(set.CSS.URL, "/") {
			t.Errorf("%s is published besides the joined stylesheet", name)
		}
	}
}

func TestStylesheetNameFollowsContent(t *testing.T) {
	a, _ := build(t, map[string]string{"assets/css/a.css": "body { color: red }"})
	same, _ := build(t, map[string]string{"assets/css/a.css": "body {\n  color: red;\n}\n"})
	changed, _ := build(t, map[string]string{"assets/css/a.css": "body { color: blue }"})
	if a.CSS.URL != same.CSS.URL || a.CSS.Integrity != same.CSS.Integrity {
		t.Errorf("a change that minifies away changed the name: %s, %s", a.CSS.URL, same.CSS.URL)
	}
	if a.CSS.URL == changed.CSS.URL {
		t.Errorf("a changed stylesheet keeps its name %s, so browsers keep the old one", a.CSS.URL)
	}
	if a.CSS.Integrity == changed.CSS.Integrity {
		t.Error("a changed stylesheet keeps its integrity value")
	}
}

func TestScripts(t *testing.T) {
	src := "// Viser om stedet har åbent nu.\nfunction openNow(hours) {\n  const now = new Date();\n  return hours.length > 0;\n}\nwindow.openNow = openNow;\n"
	set, errs := build(t, map[string]string{"assets/js/open-now.js": src})
	if errs != "" {
		t.Fatal(errs)
	}
	a, ok := set.JS["open-now.js"]
	if !ok {
		t.Fatalf("no asset for open-now.js: %v", set.JS)
	}
	if !regexp.MustCompile(`^/js/open-now\.[0-9a-f]{8}\.js$`).MatchString(a.URL) {
		t.Errorf("script URL %q, want /js/open-now.<8 hex>.js", a.URL)
	}
	b := set.Files[strings.TrimPrefix(a.URL, "/")]
	if len(b) == 0 || len(b) >= len(src) || bytes.Contains(b, []byte("Viser om")) {
		t.Errorf("script is not minified: %q", b)
	}
	if a.Integrity != sri(b) {
		t.Errorf("integrity %s, want %s", a.Integrity, sri(b))
	}
	if _, ok := set.Files["js/open-now.js"]; ok {
		t.Error("the unminified script is published too")
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"function without a name", map[string]string{"assets/js/x.js": "let a = 1;\nfunction (\n"},
			"assets/js/x.js:2:10: expected Identifier instead of ( in function declaration (fix the syntax at this place)"},
		{"columns count characters", map[string]string{"assets/js/x.js": "let a = 1;\n\nlet b = æø {;\n"},
			"assets/js/x.js:3:12: unexpected { in let declaration (fix the syntax at this place)"},
		{"one bad script of two", map[string]string{"assets/js/a.js": "let a = 1;\n", "assets/js/b.js": "}\n"},
			"assets/js/b.js:1:1: unexpected } in expression (fix the syntax at this place)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := build(t, tt.files)
			if errs != tt.want {
				t.Errorf("got\n%s\nwant\n%s", errs, tt.want)
			}
		})
	}
}

func TestOtherFilesAreCopied(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	svg := "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- logo -->\n  <rect width=\"10\" height=\"10\"/>\n</svg>\n"
	set, errs := build(t, map[string]string{
		"assets/images/logo.svg":     svg,
		"assets/images/kort.png":     png,
		"assets/favicon.ico":         "ico",
		"assets/css/fonts/x.woff2":   "wOF2",
		"assets/css/a.css":           "a{color:red}",
		"assets/.DS_Store":           "junk",
		"assets/images/.kort.png.un": "junk",
		"assets/css/b.css~":          "junk",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	want := map[string]string{
		"images/logo.svg":   svg, // as it is: no minifying of what the editor gave
		"images/kort.png":   png,
		"favicon.ico":       "ico",
		"css/fonts/x.woff2": "wOF2",
	}
	for name, text := range want {
		if got, ok := set.Files[name]; !ok || string(got) != text {
			t.Errorf("%s: got %q (present %v), want %q", name, got, ok, text)
		}
	}
	for name := range set.Files {
		if strings.Contains(name, ".DS_Store") || strings.Contains(name, ".un") || strings.HasSuffix(name, "~") {
			t.Errorf("%s is published", name)
		}
	}
	if css := set.Files[strings.TrimPrefix(set.CSS.URL, "/")]; string(css) != "a{color:red}" {
		t.Errorf("the backup file b.css~ reached the stylesheet: %q", css)
	}
}

// TestHiddenFoldersAreNotPublished: a folder whose name starts with "."
// (.git, .idea, a tool's cache) is skipped like a hidden file, in content/
// and here alike; its files are not the site's.
func TestHiddenFoldersAreNotPublished(t *testing.T) {
	set, errs := build(t, map[string]string{
		"assets/css/a.css":               "a{color:red}",
		"assets/css/.old/b.css":          "b{color:blue}",
		"assets/.git/config":             "[remote \"origin\"]\nurl = https://token@example.com/x.git\n",
		"assets/images/.thumbs/kort.png": "x",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	for name := range set.Files {
		if strings.Contains(name, "/.") || strings.HasPrefix(name, ".") {
			t.Errorf("%s is published", name)
		}
	}
	if css := set.Files[strings.TrimPrefix(set.CSS.URL, "/")]; string(css) != "a{color:red}" {
		t.Errorf("a stylesheet in a hidden folder is joined in: %q", css)
	}
}

func TestNoAssets(t *testing.T) {
	set, errs := build(t, map[string]string{"content/_index.md": "x"})
	if errs != "" {
		t.Errorf("a site without assets/ gives %s", errs)
	}
	if set.CSS.URL != "" || len(set.Files) != 0 || len(set.JS) != 0 {
		t.Errorf("got %+v, want nothing", set)
	}
}

// TestUnclosedBlockStaysInItsFile: the CSS minifier reports no syntax
// errors (it closes what is open), so what keeps one file's missing "}"
// from swallowing the next file's rules is that each file is minified on
// its own before they are joined.
func TestUnclosedBlockStaysInItsFile(t *testing.T) {
	set, errs := build(t, map[string]string{
		"assets/css/a.css": "body {\n  color: red;\n\n.x { color: blue\n",
		"assets/css/b.css": "main { margin: 0 }\n",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	got := string(set.Files[strings.TrimPrefix(set.CSS.URL, "/")])
	if !strings.HasSuffix(got, "}main{margin:0}") {
		t.Errorf("b.css's rule is not a rule of its own: %q", got)
	}
}
