package build

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/assets"
)

// minifyBody is a page whose Markdown makes more than render's minSpan
// of HTML, with what a minifier must not change: a code block's lines, a
// table, and a paragraph's line break.
const minifyBody = "+++\ntitle = \"Om siden\"\n+++\n\n" +
	"Vi skriver kort og klart, så alle kan læse med.\nDen næste linje hører til samme afsnit.\n\n" +
	"## Hvem vi er\n\nVi er Testby Kommune, og vi svarer på spørgsmål fra borgere hver dag.\n\n" +
	"- Ring til os\n- Skriv til os\n- Kom forbi\n\n" +
	"| Dag | Åbent |\n| --- | --- |\n| Mandag | 9-15 |\n| Fredag | 9-13 |\n\n" +
	"```\nlinje et\n  linje to, rykket ind\n\nlinje fire\n```\n\n" +
	"## Hvad vi gør\n\nVi hjælper dig videre, når du har brug for det, og vi siger det, når vi ikke kan.\n\n" +
	"> Et citat, der står for sig selv, og som fylder en hel linje eller to i en almindelig browser.\n"

// TestMinifyKeepsTheBody: a minified page is the page without minifying,
// minified, but for the newlines goldmark puts between the body's blocks,
// which the minifier is spared (minifyPage). Minifying both again gives
// the same bytes; the layout's own whitespace is gone, and the code
// block's lines are as written. Both the build and the preview's session
// make the page so.
func TestMinifyKeepsTheBody(t *testing.T) {
	files := map[string]string{"content/om.md": minifyBody}
	plain := testSite(files)
	plain["config.toml"].Data = append(bytes.Clone(plain["config.toml"].Data), "\n[build]\nminify_html = false\n"...)
	raw := buildPage(t, Build(plain, torv.Defaults(), Options{}).Output, "om/index.html")
	if !strings.Contains(raw, "</h2>\n<p>") {
		t.Fatalf("the page without minifying has no newline between the body's blocks:\n%s", raw)
	}
	m := assets.NewMinifier()
	minify := func(s string) string {
		out, err := m.String("text/html", s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	session := NewSession(testSite(files), torv.Defaults(), Options{})
	for name, out := range map[string]*Output{"build": Build(testSite(files), torv.Defaults(), Options{}).Output, "session": session.Full().Output} {
		got := buildPage(t, out, "om/index.html")
		if minify(got) != minify(raw) {
			t.Errorf("%s: the page minified again differs from the page without minifying, minified:\n%s\n%s", name, minify(got), minify(raw))
		}
		if !strings.Contains(got, "</h2>\n<p>") || !strings.Contains(got, "<pre><code>linje et\n  linje to, rykket ind\n\nlinje fire\n</code></pre>") {
			t.Errorf("%s: the body is not as goldmark made it:\n%s", name, got)
		}
		if head, _, _ := strings.Cut(got, "<main"); strings.Contains(head, ">\n<") {
			t.Errorf("%s: the layout's part before the body is not minified:\n%s", name, head)
		}
		// The body ends with its last block and goldmark's newline.
		if _, tail, _ := strings.Cut(got, "</blockquote>\n"); tail == "" || strings.Contains(tail, ">\n<") {
			t.Errorf("%s: the layout's part after the body is not minified:\n%s", name, tail)
		}
	}
}

// buildPage is output path p of a build's output, which must be there.
func buildPage(t *testing.T, out *Output, p string) string {
	t.Helper()
	if out == nil {
		t.Fatal("the build failed")
	}
	b, ok := out.Get(p)
	if !ok {
		t.Fatalf("%s was not built", p)
	}
	return string(b)
}

// TestMinifiedListsAsTheWholePage: the list entries are minified once, as
// they are made, and a list of li entries is copied into its page
// (render.Span, minifyEntries); a list of other entries (a layout's own,
// here links and text side by side) is minified with its page. Every
// page is still what minifying the whole page gives, byte for byte: the
// section lists, the topics', the A–Å list, the pages themselves, in the
// build, in the preview's session, and after a title edit that the lists
// show. Their bodies are short, so that no body is spared the minifier
// (TestMinifyKeepsTheBody).
func TestMinifiedListsAsTheWholePage(t *testing.T) {
	items := map[string]struct {
		item     string
		listSpan bool // the renderer minified the entries, and the list is a span of its page
	}{
		"li entries":     {"", true}, // torv's own
		"inline entries": {"<a href=\"{{url .URL}}\">{{.Title}}</a>\n<span> {{.Description}} </span>\n", false},
	}
	for name, tt := range items {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{
				"content/nyheder/_index.md":       "+++\ntitle = \"Nyheder\"\n+++\n",
				"content/lov/_index.md":           "+++\ntitle = \"Lov\"\n+++\n",
				"content/lov/sygedagpenge.md":     law,
				"layouts/partials/page-item.html": tt.item,
			}
			for i := range 40 {
				files[fmt.Sprintf("content/nyheder/n%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"Nyhed  nummer %d & mere\"\n"+
					"date = 2026-03-%02d\ndescription = \"Kort om   nyhed %d,\\nog <lidt> mere.\"\ntags = [\"job\", \"møder\"]\n+++\n\nKort.\n", i, i%28+1, i)
			}
			sameAsWholePage(t, files, tt.listSpan)
		})
	}
}

// sameAsWholePage builds the site of files (with every list on one page)
// with and without minifying, in the build and in a session before and
// after a title edit, and requires each page minified to be the page not
// minified, minified; and the session's news list to be a span of its
// page, or not, as listSpan says.
func sameAsWholePage(t *testing.T, files map[string]string, listSpan bool) {
	site := func(minify bool) fstest.MapFS {
		fsys := testSite(files)
		c := "\n[lists]\nsplit = false\n"
		if !minify {
			c += "\n[build]\nminify_html = false\n"
		}
		fsys["config.toml"].Data = append(bytes.Clone(fsys["config.toml"].Data), c...)
		return fsys
	}
	m := assets.NewMinifier()
	same := func(name string, got, raw *Output) {
		t.Helper()
		pages := 0
		for _, p := range raw.Paths() {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			r, _ := raw.Get(p)
			want, err := m.Bytes("text/html", bytes.Clone(r)) // the minifier writes in what it reads
			if err != nil {
				t.Fatal(err)
			}
			if g := buildPage(t, got, p); g != string(want) {
				t.Errorf("%s: %s is not the page without minifying, minified:\n%s\n%s", name, p, g, want)
			}
			pages++
		}
		if lists := buildPage(t, got, "nyheder/index.html"); pages < 40 || strings.Count(lists, "nummer") < 40 {
			t.Fatalf("%s: %d pages, and the news list shows %d; the test shows nothing", name, pages, strings.Count(lists, "nummer"))
		}
	}
	raw := Build(site(false), torv.Defaults(), Options{}).Output
	same("build", Build(site(true), torv.Defaults(), Options{}).Output, raw)

	dir := t.TempDir()
	for name, f := range site(true) {
		write(t, dir, name, string(f.Data))
	}
	s := NewSession(os.DirFS(dir), torv.Defaults(), Options{})
	same("session", s.Full().Output, raw)
	if _, spans, _, _ := s.r.Render(s.site.PageByURL("/nyheder/")); (len(spans) > 0) != listSpan {
		t.Errorf("the news list's spans %v, want the list as one: %v", spans, listSpan)
	}
	edited := strings.Replace(files["content/nyheder/n07.md"], "nummer 7", "nummer  syv", 1)
	write(t, dir, "content/nyheder/n07.md", edited)
	u := s.Update([]string{"content/nyheder/n07.md"})
	files["content/nyheder/n07.md"] = edited
	same("session after a title edit", u.Output, Build(site(false), torv.Defaults(), Options{}).Output)
}
