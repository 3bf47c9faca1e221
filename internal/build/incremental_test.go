package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
)

// copyExample copies the example site's config.toml and content/ into a
// temporary folder; its layouts, assets and i18n are the defaults.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := os.DirFS("../..")
	for _, root := range []string{"config.toml", "content"} {
		err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sameAsBuild fails the test when the session's build u differs from what
// Build makes of the folder now: every output file and every diagnostic.
func sameAsBuild(t *testing.T, dir string, u *Rebuild, opts Options) {
	t.Helper()
	want := Build(os.DirFS(dir), torv.Defaults(), opts)
	if got, w := u.Diags.Error(), want.Diags.Error(); got != w {
		t.Errorf("diagnostics differ from Build's\ngot:\n%s\nwant:\n%s", got, w)
	}
	if (u.Output == nil) != (want.Output == nil) {
		t.Fatalf("output: got %v, Build has %v", u.Output != nil, want.Output != nil)
	}
	if u.Output == nil {
		return
	}
	gp, wp := u.Output.Paths(), want.Output.Paths()
	if !slices.Equal(gp, wp) {
		for _, p := range wp {
			if _, ok := u.Output.Get(p); !ok {
				t.Errorf("output lacks %s", p)
			}
		}
		for _, p := range gp {
			if _, ok := want.Output.Get(p); !ok {
				t.Errorf("output has %s, which Build does not make", p)
			}
		}
	}
	for _, p := range wp {
		g, _ := u.Output.Get(p)
		w, _ := want.Output.Get(p)
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from Build's (%d bytes, want %d)", p, len(g), len(w))
		}
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func replace(t *testing.T, dir, name, old, new string) {
	t.Helper()
	text := read(t, dir, name)
	if !strings.Contains(text, old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	write(t, dir, name, strings.Replace(text, old, new, 1))
}

// setKey sets a front-matter (or config.toml) key written on one line to
// value, written as TOML, or adds it after the opening +++.
func setKey(t *testing.T, dir, name, key, value string) {
	t.Helper()
	text := read(t, dir, name)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, key+" =") || strings.HasPrefix(l, key+"=") {
			lines[i] = key + " = " + value
			write(t, dir, name, strings.Join(lines, "\n"))
			return
		}
	}
	if !strings.HasPrefix(text, "+++\n") {
		t.Fatalf("%s has no key %s", name, key)
	}
	write(t, dir, name, "+++\n"+key+" = "+value+"\n"+strings.TrimPrefix(text, "+++\n"))
}

func TestSessionFullIsBuild(t *testing.T) {
	for _, opts := range []Options{{}, {Drafts: true}, {BaseURL: "http://127.0.0.1:1313/borger/"}} {
		dir := copyExample(t)
		u := NewSession(os.DirFS(dir), torv.Defaults(), opts).Full()
		if !u.Full || u.Output == nil || u.Pages < 70 {
			t.Fatalf("%+v: full %v, output %v, %d pages, %v", opts, u.Full, u.Output != nil, u.Pages, u.Diags)
		}
		sameAsBuild(t, dir, u, opts)
	}
}

// TestSessionUpdates edits a copy of the example site step by step, as an
// editor would, and holds every incremental build to a full Build of the
// folder as it is then; steps that must stay small say how many pages they
// may render at most.
func TestSessionUpdates(t *testing.T) {
	const law = "content/lov/sygedagpenge.md"
	const news = "content/nyheder/2026-03-02-book-selv-din-samtale.md"
	const enLaw = "content/lov/sygedagpenge.en.md"
	steps := []struct {
		name  string
		edit  func(t *testing.T, dir string) []string // returns the paths the watcher would report
		full  bool                                    // must build everything
		most  int                                     // render at most this many pages (0: any number)
		reach []string                                // output paths that must be among Changed
	}{
		{"body of a page", func(t *testing.T, dir string) []string {
			write(t, dir, law, read(t, dir, law)+"\nEn ny sætning til sidst.\n")
			return []string{law}
		}, false, 1, []string{"lov/sygedagpenge/index.html"}},
		{"a save that changed nothing", func(t *testing.T, dir string) []string {
			return []string{law}
		}, false, 1, nil},
		{"a temp file beside it", func(t *testing.T, dir string) []string {
			write(t, dir, "content/lov/.sygedagpenge.md.swp", "swap")
			write(t, dir, "content/lov/4913", "")
			return []string{"content/lov/.sygedagpenge.md.swp", "content/lov/4913"}
		}, false, 0, nil},
		{"title of a news item", func(t *testing.T, dir string) []string {
			setKey(t, dir, news, "title", `"Book din samtale selv"`)
			return []string{news}
		}, false, 10, []string{"nyheder/index.html", "emner/digital/index.html"}},
		{"a new topic on a page", func(t *testing.T, dir string) []string {
			setKey(t, dir, news, "tags", `["digital", "nyt emne"]`)
			return []string{news}
		}, false, 10, []string{"emner/nyt-emne/index.html", "emner/index.html"}},
		{"a featured page's description", func(t *testing.T, dir string) []string {
			setKey(t, dir, law, "description", `"Kort om sygedagpenge."`)
			return []string{law}
		}, false, 10, []string{"index.html", "lov/index.html"}},
		{"a theme's question", func(t *testing.T, dir string) []string {
			setKey(t, dir, "content/moedet/hvor-moedes-vi.md", "question", `"Hvor mødes vi, spørger du?"`)
			return []string{"content/moedet/hvor-moedes-vi.md"}
		}, false, 12, nil},
		{"an initiative's title", func(t *testing.T, dir string) []string {
			setKey(t, dir, "content/initiativer/book-selv-din-samtale.md", "title", `"Book din samtale"`)
			return []string{"content/initiativer/book-selv-din-samtale.md"}
		}, false, 12, []string{"moedet/hvor-moedes-vi/index.html"}},
		{"a new page", func(t *testing.T, dir string) []string {
			write(t, dir, "content/nyheder/2026-12-01-ny.md", "+++\ntitle = \"Ny nyhed\"\ndate = 2026-12-01\ntags = [\"job\"]\n+++\n\nSe [sygedagpenge](../lov/sygedagpenge.md).\n")
			return []string{"content/nyheder/2026-12-01-ny.md"}
		}, false, 10, []string{"nyheder/2026-12-01-ny/index.html", "nyheder/index.html"}},
		{"a page others link to is deleted", func(t *testing.T, dir string) []string {
			os.Remove(filepath.Join(dir, "content/ordliste/wcag.md"))
			return []string{"content/ordliste/wcag.md"}
		}, false, 10, nil},
		{"and comes back", func(t *testing.T, dir string) []string {
			b, _ := os.ReadFile("../../content/ordliste/wcag.md")
			write(t, dir, "content/ordliste/wcag.md", string(b))
			return []string{"content/ordliste/wcag.md"}
		}, false, 10, []string{"ordliste/wcag/index.html"}},
		{"a linked plain page is renamed", func(t *testing.T, dir string) []string {
			os.Rename(filepath.Join(dir, "content/nyheder/2026-12-01-ny.md"), filepath.Join(dir, "content/nyheder/2026-12-02-ny.md"))
			write(t, dir, "content/om.md", read(t, dir, "content/om.md")+"\nLæs [nyheden](/nyheder/2026-12-01-ny/).\n")
			return []string{"content/nyheder/2026-12-01-ny.md", "content/nyheder/2026-12-02-ny.md", "content/om.md"}
		}, false, 12, []string{"nyheder/2026-12-01-ny/index.html", "nyheder/2026-12-02-ny/index.html"}},
		{"the link is fixed", func(t *testing.T, dir string) []string {
			replace(t, dir, "content/om.md", "2026-12-01-ny", "2026-12-02-ny")
			return []string{"content/om.md"}
		}, false, 1, nil},
		{"broken TOML", func(t *testing.T, dir string) []string {
			setKey(t, dir, news, "title", `"Book din samtale selv`)
			return []string{news}
		}, false, 12, nil},
		{"the TOML fixed", func(t *testing.T, dir string) []string {
			setKey(t, dir, news, "title", `"Book din samtale selv"`)
			return []string{news}
		}, false, 12, []string{"nyheder/2026-03-02-book-selv-din-samtale/index.html"}},
		// content/nyheder/_index.md has paginate = 5; it holds 9 items now.
		{"two news items make a third page of the list", func(t *testing.T, dir string) []string {
			write(t, dir, "content/nyheder/2026-12-05-a.md", "+++\ntitle = \"A\"\ndate = 2026-12-05\n+++\n")
			write(t, dir, "content/nyheder/2026-12-06-b.md", "+++\ntitle = \"B\"\ndate = 2026-12-06\n+++\n")
			return []string{"content/nyheder/2026-12-05-a.md", "content/nyheder/2026-12-06-b.md"}
		}, false, 8, []string{"nyheder/index.html", "nyheder/side/2/index.html", "nyheder/side/3/index.html"}},
		// Nine: the list's pages, its topics, and the home page above it,
		// whose "Senest opdateret" may be its newest page's date.
		{"an older item's date moves it to the first page", func(t *testing.T, dir string) []string {
			setKey(t, dir, "content/nyheder/2025-03-10-borgere-hjaelper-jobcentret-med-brevene.md", "date", "2026-12-31")
			return []string{"content/nyheder/2025-03-10-borgere-hjaelper-jobcentret-med-brevene.md"}
		}, false, 9, []string{"nyheder/index.html", "nyheder/side/2/index.html", "nyheder/side/3/index.html"}},
		{"and the third page goes again", func(t *testing.T, dir string) []string {
			os.Remove(filepath.Join(dir, "content/nyheder/2026-12-06-b.md"))
			os.Remove(filepath.Join(dir, "content/nyheder/2026-12-05-a.md"))
			return []string{"content/nyheder/2026-12-05-a.md", "content/nyheder/2026-12-06-b.md"}
		}, false, 8, []string{"nyheder/side/3/index.html", "nyheder/side/2/index.html"}},
		{"a chart's CSV file", func(t *testing.T, dir string) []string {
			replace(t, dir, "content/tal/svartid.csv", "Samme dag;38,5", "Samme dag;40,5")
			return []string{"content/tal/svartid.csv"}
		}, false, 8, []string{"tal/svartid/index.html", "tal/svartid.csv"}},
		{"a mistake in the CSV file", func(t *testing.T, dir string) []string {
			replace(t, dir, "content/tal/svartid.csv", "Samme dag;40,5", "Samme dag;40.500")
			return []string{"content/tal/svartid.csv"}
		}, false, 8, nil},
		{"the CSV file goes away", func(t *testing.T, dir string) []string {
			os.Remove(filepath.Join(dir, "content/tal/svartid.csv"))
			return []string{"content/tal/svartid.csv"}
		}, false, 8, []string{"tal/svartid.csv"}},
		{"and comes back", func(t *testing.T, dir string) []string {
			b, _ := os.ReadFile("../../content/tal/svartid.csv")
			write(t, dir, "content/tal/svartid.csv", string(b))
			return []string{"content/tal/svartid.csv"}
		}, false, 8, []string{"tal/svartid/index.html", "tal/svartid.csv"}},
		{"a new folder with a page and an image", func(t *testing.T, dir string) []string {
			write(t, dir, "content/projekter/kort.png", "\x89PNG fake")
			write(t, dir, "content/projekter/a.md", "+++\ntitle = \"A\"\n+++\n\n![Et kort](kort.png)\n")
			return []string{"content/projekter"}
		}, false, 5, []string{"projekter/a/index.html", "projekter/kort.png", "projekter/index.html"}},
		{"the image goes away", func(t *testing.T, dir string) []string {
			os.Remove(filepath.Join(dir, "content/projekter/kort.png"))
			return []string{"content/projekter/kort.png"}
		}, false, 4, []string{"projekter/kort.png"}},
		{"the folder is moved out of the site", func(t *testing.T, dir string) []string {
			os.Rename(filepath.Join(dir, "content/projekter"), filepath.Join(dir, "projekter-gemt"))
			return []string{"content/projekter"}
		}, false, 5, []string{"projekter/a/index.html"}},
		{"a draft", func(t *testing.T, dir string) []string {
			setKey(t, dir, news, "draft", "true")
			return []string{news}
		}, false, 12, []string{"nyheder/2026-03-02-book-selv-din-samtale/index.html"}},
		{"a section's title", func(t *testing.T, dir string) []string {
			setKey(t, dir, "content/tal/_index.md", "title", `"Flere tal"`)
			return []string{"content/tal/_index.md"}
		}, false, 0, nil},
		// A citation with text of its own: where it goes is the law of
		// the page's language with the id, or else the main language's.
		{"an English page cites the English law", func(t *testing.T, dir string) []string {
			write(t, dir, "content/kontakt.en.md", read(t, dir, "content/kontakt.en.md")+"\nRead [the rules](lov:sygedagpenge).\n")
			write(t, dir, "content/om.en.md", read(t, dir, "content/om.en.md")+"\nSee [](lov:sygedagpenge).\n")
			return []string{"content/kontakt.en.md", "content/om.en.md"}
		}, false, 2, nil},
		{"the English law's id changes: the Danish law is cited", func(t *testing.T, dir string) []string {
			setKey(t, dir, enLaw, "id", `"regel"`)
			return []string{enLaw}
		}, false, 0, nil},
		{"the id back: the English law is cited again", func(t *testing.T, dir string) []string {
			setKey(t, dir, enLaw, "id", `"sygedagpenge"`)
			return []string{enLaw}
		}, false, 0, nil},
		// An English explainer that gives the law's Danish name says so
		// (lang="da"), in its page and in the lists: made from the
		// Danish explainer, a page the English one does not read.
		{"the Danish law's name changes: the English one's is its own", func(t *testing.T, dir string) []string {
			setKey(t, dir, law, "law", `"Lov om sygedagpenge (sygedagpengeloven af 2026)"`)
			return []string{law}
		}, false, 0, []string{"en/lov/index.html"}},
		{"and back: the English explainer gives the Danish name again", func(t *testing.T, dir string) []string {
			setKey(t, dir, law, "law", `"Lov om sygedagpenge (sygedagpengeloven)"`)
			return []string{law}
		}, false, 0, []string{"en/lov/index.html"}},
		{"config.toml", func(t *testing.T, dir string) []string {
			setKey(t, dir, "config.toml", "phone", `"+45 70 20 30 41"`)
			return []string{"config.toml"}
		}, true, 0, []string{"index.html", "om/index.html"}},
		{"a layout of the site's own", func(t *testing.T, dir string) []string {
			b, _ := os.ReadFile("../../layouts/page.html")
			write(t, dir, "layouts/page.html", strings.Replace(string(b), "{{.Content}}", "<p>Egen skabelon.</p>{{.Content}}", 1))
			return []string{"layouts/page.html"}
		}, false, 12, []string{"om/index.html"}},
		{"a broken layout", func(t *testing.T, dir string) []string {
			write(t, dir, "layouts/page.html", "{{define \"main\"}}{{.Content}\n")
			return []string{"layouts/page.html"}
		}, true, 0, nil},
		{"an edit while the layout is broken", func(t *testing.T, dir string) []string {
			write(t, dir, "content/om.md", read(t, dir, "content/om.md")+"\nMere.\n")
			return []string{"content/om.md"}
		}, true, 0, nil},
		{"the layout removed", func(t *testing.T, dir string) []string {
			os.RemoveAll(filepath.Join(dir, "layouts"))
			return []string{"layouts"}
		}, true, 0, []string{"om/index.html"}},
		{"everything", func(t *testing.T, dir string) []string {
			return []string{"."}
		}, true, 0, nil},
	}
	dir := copyExample(t)
	opts := Options{Drafts: false}
	s := NewSession(os.DirFS(dir), torv.Defaults(), opts)
	if u := s.Full(); u.Output == nil {
		t.Fatal(u.Diags)
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			u := s.Update(st.edit(t, dir))
			if u.Full != st.full {
				t.Errorf("full build %v, want %v (%d pages)", u.Full, st.full, u.Pages)
			}
			// Each language's search page links to the letters of its A–Å
			// index, and is rendered after any such edit too; a letter
			// that comes or goes changes every page of the index too.
			if most := st.most + 3 + letterPages(u.Changed); st.most > 0 && u.Pages > most {
				t.Errorf("rendered %d pages, want at most %d", u.Pages, most)
			}
			for _, p := range st.reach {
				if !slices.Contains(u.Changed, p) {
					t.Errorf("Changed lacks %s: %v", p, u.Changed)
				}
			}
			sameAsBuild(t, dir, u, opts)
			t.Logf("%d pages, full %v, %d changed, %d diagnostics, %s", u.Pages, u.Full, len(u.Changed), len(u.Diags), u.Duration)
		})
	}
}

// TestSessionChanged: a body edit changes exactly its page and the feed
// that carries its text; a stylesheet
// edit changes the stylesheet's path and every page.
func TestSessionChanged(t *testing.T) {
	dir := copyExample(t)
	s := NewSession(os.DirFS(dir), torv.Defaults(), Options{})
	first := s.Full()
	if first.Output == nil {
		t.Fatal(first.Diags)
	}
	write(t, dir, "content/om.md", read(t, dir, "content/om.md")+"\nNy tekst.\n")
	u := s.Update([]string{"content/om.md"})
	// The feed of changes carries the page's text too (om.md is dated),
	// and the search index reads it.
	page := slices.DeleteFunc(slices.Clone(u.Changed), func(p string) bool { return strings.HasPrefix(p, "search/da/") })
	if !slices.Equal(page, []string{"feed.xml", "om/index.html"}) || len(u.Changed) == len(page) {
		t.Errorf("a body edit changed %v, want [feed.xml om/index.html] and files of search/da/", u.Changed)
	}
	if b, _ := u.Output.Get("om/index.html"); !bytes.Contains(b, []byte("Ny tekst.")) {
		t.Error("the new text is not in the output")
	}
	if b, _ := first.Output.Get("om/index.html"); bytes.Contains(b, []byte("Ny tekst.")) {
		t.Error("the first build's Output changed after it was returned")
	}
	css, _ := os.ReadFile("../../assets/css/style.css")
	write(t, dir, "assets/css/style.css", string(css)+"\n.ny { color: red; }\n")
	u = s.Update([]string{"assets/css/style.css"})
	if u.CSS.URL == first.CSS.URL {
		t.Fatalf("the stylesheet kept its name %s", u.CSS.URL)
	}
	for _, p := range []string{strings.TrimPrefix(first.CSS.URL, "/"), strings.TrimPrefix(u.CSS.URL, "/"), "index.html", "om/index.html"} {
		if !slices.Contains(u.Changed, p) {
			t.Errorf("Changed lacks %s", p)
		}
	}
}

// BenchmarkSessionEdit times what the preview does after an editor saves
// one page: a change below the front matter, and a change of its title.
func BenchmarkSessionEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		fsys := benchSite(n)
		s := NewSession(fsys, torv.Defaults(), Options{})
		if u := s.Full(); u.Output == nil {
			b.Fatal(u.Diags)
		}
		const file = "content/nyheder/side-000003.md"
		orig := string(fsys[file].Data)
		b.Run(fmt.Sprintf("body/%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				fsys[file] = &fstest.MapFile{Data: []byte(orig + fmt.Sprintf("\nRettelse %d.\n", i))}
				if u := s.Update([]string{file}); u.Pages != 1 || u.Output == nil {
					b.Fatalf("%d pages, %v", u.Pages, u.Diags)
				}
			}
		})
		b.Run(fmt.Sprintf("title/%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(orig, "+++\ntitle = \"", fmt.Sprintf("+++\ntitle = \"%d ", i), 1))}
				if u := s.Update([]string{file}); u.Output == nil || u.Full {
					b.Fatalf("%d pages, full %v, %v", u.Pages, u.Full, u.Diags)
				}
			}
		})
	}
}

// TestSessionRandomEdits makes random edits of every kind to the example
// site and holds each incremental build to Build. TORV_EDIT_SEED and
// TORV_EDIT_STEPS run other and longer series.
func TestSessionRandomEdits(t *testing.T) {
	seed, steps := int64(1), 30
	if s, err := strconv.ParseInt(os.Getenv("TORV_EDIT_SEED"), 10, 64); err == nil {
		seed = s
	}
	if n, err := strconv.Atoi(os.Getenv("TORV_EDIT_STEPS")); err == nil {
		steps = n
	}
	r := rand.New(rand.NewSource(seed))
	dir := copyExample(t)
	opts := Options{Drafts: r.Intn(2) == 0}
	s := NewSession(os.DirFS(dir), torv.Defaults(), opts)
	if u := s.Full(); u.Output == nil {
		t.Fatal(u.Diags)
	}
	pages := func() []string {
		var out []string
		filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				rel, _ := filepath.Rel(dir, p)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		return out
	}
	pick := func(list []string) string { return list[r.Intn(len(list))] }
	leaf := func() string {
		for {
			if p := pick(pages()); !strings.HasSuffix(p, "_index.md") {
				return p
			}
		}
	}
	tags := []string{"job", "sygdom", "digital", "nyt emne", "møder"}
	stash := map[string]string{} // deleted pages, to bring back
	n := 0
	for step := range steps {
		var paths []string
		var what string
		switch op := r.Intn(12); op {
		case 0, 1:
			p := pick(pages())
			write(t, dir, p, read(t, dir, p)+fmt.Sprintf("\nTilføjet %d.\n", step))
			paths, what = []string{p}, "body of "+p
		case 2:
			p := pick(pages())
			setKey(t, dir, p, "title", fmt.Sprintf("%q", fmt.Sprintf("Titel %d", step)))
			paths, what = []string{p}, "title of "+p
		case 3:
			p := leaf()
			var ts []string
			for _, tg := range tags {
				if r.Intn(3) == 0 {
					ts = append(ts, fmt.Sprintf("%q", tg))
				}
			}
			setKey(t, dir, p, "tags", "["+strings.Join(ts, ", ")+"]")
			paths, what = []string{p}, "tags of "+p
		case 4:
			p := leaf()
			setKey(t, dir, p, "draft", []string{"true", "false"}[r.Intn(2)])
			paths, what = []string{p}, "draft of "+p
		case 5:
			p := leaf()
			stash[p] = read(t, dir, p)
			os.Remove(filepath.Join(dir, p))
			paths, what = []string{p}, "removed "+p
		case 6:
			for p, text := range stash {
				write(t, dir, p, text)
				delete(stash, p)
				paths, what = []string{p}, "restored "+p
				break
			}
		case 7:
			p := leaf()
			to := strings.TrimSuffix(p, ".md") + fmt.Sprintf("-%d.md", step)
			os.Rename(filepath.Join(dir, p), filepath.Join(dir, to))
			paths, what = []string{p, to}, "renamed "+p
		case 8:
			target := strings.TrimPrefix(pick(pages()), "content/")
			p := fmt.Sprintf("content/%s/ny-%d.md", []string{"nyheder", "lov", "ordliste", "diverse"}[r.Intn(4)], step)
			write(t, dir, p, fmt.Sprintf("+++\ntitle = \"Ny %d\"\ndate = 2026-01-%02d\ntags = [%q]\n+++\n\nSe [siden](/%s) og [en anden](/findes/ikke/).\n",
				step, 1+step%28, pick(tags), target))
			paths, what = []string{p}, "new "+p+" linking to "+target
		case 9:
			p := pick(pages())
			setKey(t, dir, p, "title", "\"Brudt")
			paths, what = []string{p}, "broke "+p
		case 10:
			p := leaf()
			setKey(t, dir, p, "weight", strconv.Itoa(r.Intn(5)))
			paths, what = []string{p}, "weight of "+p
		case 11:
			p := leaf()
			setKey(t, dir, p, "description", fmt.Sprintf("\"Beskrivelse %d.\"", step))
			paths, what = []string{p}, "description of "+p
		}
		if paths == nil {
			continue
		}
		n++
		u := s.Update(paths)
		t.Logf("step %d: %s: %d pages, all %v, %d errors", step, what, u.Pages, u.Full, len(u.Diags.Errors()))
		sameAsBuild(t, dir, u, opts)
		if t.Failed() {
			t.Fatalf("step %d (%s) differs from Build (seed %d)", step, what, seed)
		}
	}
	if n < steps/2 {
		t.Errorf("only %d edits", n)
	}
}

// TestUpdateFirst: a new folder is in the menu on every page, so every
// page changes; the preview gets the new page, its list and the home page
// first, and the rest from Continue, and then has what Build has.
func TestUpdateFirst(t *testing.T) {
	dir := copyExample(t)
	// Without [[menu]], the menu is the home page's lists.
	var kept []string
	skip := false
	for _, line := range strings.Split(read(t, dir, "config.toml"), "\n") {
		switch {
		case line == "[[menu]]":
			skip = true
		case strings.HasPrefix(line, "["):
			skip = false
		}
		if !skip {
			kept = append(kept, line)
		}
	}
	write(t, dir, "config.toml", strings.Join(kept, "\n"))
	s := NewSession(os.DirFS(dir), torv.Defaults(), Options{})
	if u := s.Full(); u.Output == nil {
		t.Fatal(u.Diags)
	}
	write(t, dir, "content/projekter/_index.md", "+++\ntitle = \"Projekter\"\n+++\n")
	write(t, dir, "content/projekter/a.md", "+++\ntitle = \"A\"\n+++\n\nEt projekt.\n")
	u := s.UpdateFirst([]string{"content/projekter"})
	if u.Pending < nearPages || u.Pages > 10 {
		t.Fatalf("first part: %d pages rendered, %d left; want at most 10 and more than %d left", u.Pages, u.Pending, nearPages)
	}
	for _, p := range []string{"projekter/index.html", "projekter/a/index.html", "index.html"} {
		b, ok := u.Output.Get(p)
		if !ok || !bytes.Contains(b, []byte(`href="/projekter/"`)) && p != "projekter/a/index.html" {
			t.Errorf("%s is not there with the new folder in its menu after the first part", p)
		}
	}
	if b, _ := u.Output.Get("om/index.html"); bytes.Contains(b, []byte(`href="/projekter/"`)) {
		t.Error("om/ was rendered in the first part; it only reads the menu")
	}
	// Pending counts the search index too, which Continue makes once the
	// pages are done, and the other output stages (the sitemap), which a
	// new folder's pages change and Continue makes first.
	var v *Rebuild
	pages, parts, omChanged := 0, 0, false
	for left := u.Pending; left > 0; left = v.Pending {
		v = s.Continue()
		parts++
		pages += v.Pages
		omChanged = omChanged || slices.Contains(v.Changed, "om/index.html")
		if v.Pages > continuePages || v.Pending >= left {
			t.Fatalf("Continue rendered %d pages and left %d of %d; want at most %d, and less left", v.Pages, v.Pending, left, continuePages)
		}
	}
	if pages != u.Pending-2 {
		t.Errorf("Continue rendered %d pages in %d parts; want the %d left", pages, parts, u.Pending-2)
	}
	if !omChanged {
		t.Error("no Continue's Changed has om/index.html")
	}
	sameAsBuild(t, dir, v, Options{})
}

// letterPages counts the pages of an A–Å index (below a search page:
// soeg/a/, en/search/b/) among the output files an update changed.
func letterPages(changed []string) int {
	letterPage := regexp.MustCompile(`^(?:[a-z]{2}/)?(?:soeg|search|sok)/[^/]+/index\.html$`)
	n := 0
	for _, f := range changed {
		if letterPage.MatchString(f) {
			n++
		}
	}
	return n
}
