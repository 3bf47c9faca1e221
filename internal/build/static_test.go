package build

import (
	"bytes"
	"io/fs"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/sitepath"
)

// sameAsBuildFS fails the test when the session's build u differs from
// what Build makes of fsys now: every output file and every diagnostic.
func sameAsBuildFS(t *testing.T, fsys fs.FS, u *Rebuild) *Result {
	t.Helper()
	want := Build(fsys, torv.Defaults(), Options{})
	if got, w := u.Diags.Error(), want.Diags.Error(); got != w {
		t.Errorf("diagnostics differ from Build's\ngot:\n%s\nwant:\n%s", got, w)
	}
	if (u.Output == nil) != (want.Output == nil) {
		t.Fatalf("output: got %v, Build has %v", u.Output != nil, want.Output != nil)
	}
	if u.Output == nil {
		return want
	}
	if gp, wp := u.Output.Paths(), want.Output.Paths(); !slices.Equal(gp, wp) {
		t.Errorf("paths differ from Build's\ngot  %v\nwant %v", gp, wp)
	}
	for _, p := range want.Output.Paths() {
		g, _ := u.Output.Get(p)
		w, _ := want.Output.Get(p)
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from Build's", p)
		}
	}
	return want
}

// TestStaticFiles: every file below static/ reaches the output byte for
// byte at its path, hidden ones included; editors' temp files and symbolic
// links do not. The preview picks up a file added, changed and removed
// without building everything again.
func TestStaticFiles(t *testing.T) {
	fsys := testSite(map[string]string{
		// A site that publishes host files of its own writes none of torv's.
		"config.toml":                     testConfig + "[publish]\nhosts = []\n",
		"static/.well-known/security.txt": "Contact: mailto:sikkerhed@test.example\n",
		"static/.htaccess":                "ErrorDocument 404 /404.html\n",
		"static/CNAME":                    "borger.test.example\n",
		"static/google1234.html":          "google-site-verification: google1234.html",
		"static/_redirects":               "/gammel /ny 301\n",
		"static/filer/plan.pdf":           "%PDF-1.7 \x00\xff binary",
		"static/filer/.plan.pdf.swp":      "vim",
		"static/filer/plan.pdf~":          "emacs",
		"static/.#plan.html":              "emacs lock",
		"static/4913":                     "vim probe",
		"static/.goutputstream-ABC123":    "gedit",
		"static/x.html___jb_tmp___":       "jetbrains",
		"static/.~lock.plan.odt#":         "libreoffice",
		"static/_plan.html.swp":           "vim on Windows",
	})
	fsys["static/genvej"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	want := map[string]string{
		".well-known/security.txt": "Contact: mailto:sikkerhed@test.example\n",
		".htaccess":                "ErrorDocument 404 /404.html\n",
		"CNAME":                    "borger.test.example\n",
		"google1234.html":          "google-site-verification: google1234.html",
		"_redirects":               "/gammel /ny 301\n",
		"filer/plan.pdf":           "%PDF-1.7 \x00\xff binary",
	}
	res := Build(fsys, torv.Defaults(), Options{})
	if res.Output == nil {
		t.Fatal(res.Diags)
	}
	if got, w := res.Diags.Error(), "static/genvej: warning: is a symbolic link, which torv does not follow (copy what it links to into static/ instead; a link could reach files outside the site)"; got != w {
		t.Errorf("diagnostics\n%s\nwant\n%s", got, w)
	}
	for name, text := range want {
		if b, ok := res.Output.Get(name); !ok || string(b) != text {
			t.Errorf("%s: %q, %v; want %q", name, b, ok, text)
		}
	}
	for _, p := range res.Output.Paths() {
		if strings.Contains(p, "swp") || strings.HasSuffix(p, "~") || strings.Contains(p, "#") || p == "4913" ||
			strings.Contains(p, "goutputstream") || strings.Contains(p, "jb_tmp") || strings.Contains(p, "lock") || p == "genvej" {
			t.Errorf("output has %s", p)
		}
	}

	s := NewSession(fsys, torv.Defaults(), Options{})
	sameAsBuildFS(t, fsys, s.Full())
	steps := []struct {
		name    string
		edit    func()
		paths   []string
		changed []string
	}{
		{"a hidden file added", func() {
			fsys["static/.well-known/change-password"] = &fstest.MapFile{Data: []byte("/konto/")}
		}, []string{"static/.well-known/change-password"}, []string{".well-known/change-password"}},
		{"a file changed", func() {
			fsys["static/CNAME"] = &fstest.MapFile{Data: []byte("www.test.example\n")}
		}, []string{"static/CNAME"}, []string{"CNAME"}},
		{"a folder removed", func() {
			delete(fsys, "static/filer/plan.pdf")
			delete(fsys, "static/filer/.plan.pdf.swp")
			delete(fsys, "static/filer/plan.pdf~")
		}, []string{"static/filer"}, []string{"filer/plan.pdf"}},
		{"a temp file", func() {
			fsys["static/.CNAME.swp"] = &fstest.MapFile{Data: []byte("vim")}
		}, []string{"static/.CNAME.swp"}, nil},
		{"a file that a page has", func() {
			fsys["static/index.html"] = &fstest.MapFile{Data: []byte("<p>Min egen forside</p>")}
		}, []string{"static/index.html"}, nil},
		{"and gone again", func() {
			delete(fsys, "static/index.html")
		}, []string{"static/index.html"}, nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.edit()
			u := s.Update(st.paths)
			if u.Full || u.Pages > 0 {
				t.Errorf("full %v, %d pages rendered; want no page rendered", u.Full, u.Pages)
			}
			if !slices.Equal(u.Changed, st.changed) {
				t.Errorf("changed %v, want %v", u.Changed, st.changed)
			}
			sameAsBuildFS(t, fsys, u)
		})
	}
}

// TestOutputTaken: two files that want one output path are an error at
// the one that does not get it, naming the other, in Build and in the
// preview alike.
func TestOutputTaken(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"static/404.html",
			map[string]string{"static/404.html": "<p>Væk</p>"},
			`static/404.html: the output path 404.html is taken by torv's page /404.html (torv makes that file itself; remove or rename this one)`},
		{"static/sitemap.xml",
			map[string]string{"static/sitemap.xml": "<urlset/>"},
			`static/sitemap.xml: the output path sitemap.xml is taken by torv's sitemap.xml (torv makes that file itself; remove or rename this one)`},
		{"static/robots.txt and _headers",
			map[string]string{"static/robots.txt": "User-agent: *\n", "static/_headers": "/*\n"},
			`static/_headers: the output path _headers is taken by torv's _headers (torv writes it for the hosts config.toml's [publish] hosts names; to publish your own, leave that host out of hosts)` + "\n" +
				`static/robots.txt: the output path robots.txt is taken by torv's robots.txt (torv makes that file itself; remove or rename this one)`},
		{"static/om/index.html and the page /om/",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n", "static/om/index.html": "<p>Om</p>"},
			`static/om/index.html: the output path om/index.html is taken by content/om.md (rename or move one of them)`},
		{"a file of content/ and the page beside it",
			map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n", "content/om/index.html": "<p>Om</p>"},
			`content/om/index.html: the output path om/index.html is taken by content/om.md (rename or move one of them)`},
		{"static/ and content/",
			map[string]string{"content/kort.png": "png", "static/kort.png": "png"},
			`static/kort.png: the output path kort.png is taken by content/kort.png (rename or move one of them)`},
		{"a file where a page needs a folder",
			map[string]string{"content/lov/_index.md": "+++\ntitle = \"Love\"\n+++\n", "static/lov": "fil"},
			`static/lov: the output path lov is a folder of lov/index.html, which content/lov/_index.md has (rename or move one of them)`},
		{"a folder where a file is",
			map[string]string{"static/404.html/x.txt": "x"},
			`static/404.html/x.txt: the output path 404.html/x.txt needs a folder 404.html, but torv's page /404.html has that path (rename or move one of them)`},
		{"dashes only",
			map[string]string{"content/odd/_index.md": "+++\ntitle = \"Odd\"\n+++\n", "content/odd/---.md": "+++\ntitle = \"Fest\"\n+++\n"},
			`content/odd/---.md: the file name "---.md" has no letters or digits, so the page has no address (rename the file to a name with letters or digits, like fest.md)`},
		{"an emoji",
			map[string]string{"content/odd/_index.md": "+++\ntitle = \"Odd\"\n+++\n", "content/odd/🎉.md": "+++\ntitle = \"🎉\"\n+++\n"},
			`content/odd/🎉.md: the file name "🎉.md" has no letters or digits, so the page has no address (rename the file to a name with letters or digits, like om-os.md)`},
		{"an emoji folder",
			map[string]string{"content/🎉/side.md": "+++\ntitle = \"Side\"\n+++\n"},
			`content/🎉/side.md: the folder name "🎉" has no letters or digits, so the pages in it have no address (rename the folder content/🎉 to a name with letters or digits, like om-os)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testSite(tt.files)
			res := Build(fsys, torv.Defaults(), Options{})
			if got := res.Diags.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if res.Output != nil {
				t.Error("a build with errors has an output")
			}
			sameAsBuildFS(t, fsys, NewSession(fsys, torv.Defaults(), Options{}).Full())
		})
	}
}

// TestPlaceInAnyOrder: of pages and files that want one output path, the
// same one keeps it, with the same errors, whatever order they come in.
func TestPlaceInAnyOrder(t *testing.T) {
	page := func(file, url string) *content.Page {
		return &content.Page{File: file, URL: url, Data: &content.Plain{}}
	}
	pages := []*content.Page{
		page("content/b.md", "/x/"), page("content/a.md", "/x/"), page("content/c.md", "/x/"),
		page("", "/y/"), page("content/y.md", "/y/"), page("content/z.md", "/z/"), page("", "/404.html"),
	}
	files := []outFile{
		{name: "x/index.html", from: source{"static/x/index.html", rankStatic}},
		{name: "z", from: source{"static/z", rankStatic}},
		{name: "w.txt", from: source{"static/w.txt", rankStatic}},
	}
	want, owners, wantErrs := placePages(pages)
	wantKept, fileErrs := placeFiles(owners, files)
	wantErrs.Add(fileErrs...)
	wantErrs.Sort()
	if got := urlsOf(want); got != "/x/ /y/ /z/ /404.html" || want[0].File != "content/a.md" || want[1].File != "content/y.md" {
		t.Fatalf("kept %s (%s, %s)", got, want[0].File, want[1].File)
	}
	if len(wantKept) != 1 || len(wantErrs) != 5 {
		t.Fatalf("kept %v, errors %v", wantKept, wantErrs)
	}
	byPath := func(a, b *content.Page) int { return strings.Compare(sitepath.File(a.URL), sitepath.File(b.URL)) }
	slices.SortFunc(want, byPath)
	for seed := range int64(200) {
		r := rand.New(rand.NewSource(seed))
		shuffled := slices.Clone(pages)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got, owners, errs := placePages(shuffled)
		_, fileErrs := placeFiles(owners, files)
		errs.Add(fileErrs...)
		errs.Sort()
		if errs.Error() != wantErrs.Error() {
			t.Fatalf("seed %d: errors\n%s\nwant\n%s", seed, errs, wantErrs)
		}
		slices.SortFunc(got, byPath)
		for i, p := range got {
			if w := want[i]; p != w {
				t.Fatalf("seed %d: %s is written by %q, want %q", seed, sitepath.File(p.URL), p.File, w.File)
			}
		}
	}
	t.Log(wantErrs)
}

func urlsOf(pages []*content.Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.URL)
	}
	return strings.Join(out, " ")
}
