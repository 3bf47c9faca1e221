package content_test

import (
	"math/rand"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
)

// TestNamelessAddress: a file or folder name without letters or digits
// would give a page an empty URL segment ("/odd//"), the address of its
// folder's list page; it is an error at the file, and the page is left out.
func TestNamelessAddress(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // every error, with hints
		url   string // a URL that must be there: the list page keeps its own
	}{
		{"dashes only",
			map[string]string{"content/odd/_index.md": page("Odd"), "content/odd/---.md": page("Fest i byen")},
			`content/odd/---.md: the file name "---.md" has no letters or digits, so the page has no address (rename the file to a name with letters or digits, like fest-i-byen.md)`,
			"/odd/"},
		{"an emoji, and a title without letters",
			map[string]string{"content/odd/🎉.md": page("!!!")},
			`content/odd/🎉.md: the file name "🎉.md" has no letters or digits, so the page has no address (rename the file to a name with letters or digits, like om-os.md)`,
			"/"},
		{"a translation keeps its language",
			map[string]string{"config.toml": plainConfig + "[languages.en]\ntitle = \"Testby\"\n", "content/🎉.en.md": page("Party")},
			`content/🎉.en.md: the file name "🎉.en.md" has no letters or digits, so the page has no address (rename the file to a name with letters or digits, like party.en.md)`,
			"/en/"},
		{"an emoji folder",
			map[string]string{"content/🎉/_index.md": page("Fest"), "content/🎉/program.md": page("Program")},
			`content/🎉/_index.md: the folder name "🎉" has no letters or digits, so the pages in it have no address (rename the folder content/🎉 to a name with letters or digits, like fest)` + "\n" +
				`content/🎉/program.md: the folder name "🎉" has no letters or digits, so the pages in it have no address (rename the folder content/🎉 to a name with letters or digits, like om-os)`,
			"/"},
		{"a slug gives the file its address",
			map[string]string{"content/odd/🎉.md": page("Fest", `slug = "fest"`)},
			``, "/odd/fest/"},
		{"a slug of dashes only",
			map[string]string{"content/odd/a.md": page("A", `slug = "---"`)},
			`content/odd/a.md:3:8: slug "---" may only hold a-z, 0-9 and - (write it like slug = "min-side")`,
			"/odd/a/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.files["config.toml"] == "" {
				tt.files["config.toml"] = plainConfig
			}
			tt.files["content/_index.md"] = page("Forside")
			site, errs := load(t, tt.files)
			if got := errs.Errors().Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if site.PageByURL(tt.url) == nil {
				t.Errorf("no page at %s", tt.url)
			}
			for _, p := range site.Pages {
				if p.URL == "" || len(p.URL) > 1 && p.URL[1] == '/' || containsEmpty(p.URL) {
					t.Errorf("page %s has the URL %q", p.File, p.URL)
				}
			}
		})
	}
}

func containsEmpty(u string) bool {
	for i := 1; i < len(u); i++ {
		if u[i] == '/' && u[i-1] == '/' {
			return true
		}
	}
	return false
}

// TestAddressTakenInAnyOrder reads a site whose pages want one URL in many
// orders: the page at its file's address keeps it from one whose slug
// wants it, of two pages alike the one whose file path sorts first, and
// the errors are the same every time.
func TestAddressTakenInAnyOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":             {Data: []byte(testConfig)},
		"content/_index.md":       {Data: []byte(page("Forside"))},
		"content/a/_index.md":     {Data: []byte(page("A-listen"))},
		"content/a-b.md":          {Data: []byte(page("A-B"))},
		"content/a/b.md":          {Data: []byte(page("A/B", `slug = "c"`))},
		"content/a/c.md":          {Data: []byte(page("A/C"))},
		"content/a/Ç.md":          {Data: []byte(page("A/Ç"))},
		"content/ab.md":           {Data: []byte(page("AB", `slug = "a-b"`))},
		"content/lov/x.md":        {Data: []byte(law("X"))},
		"content/lov/y.md":        {Data: []byte(law("Y", `id = "x"`))},
		"content/A.md":            {Data: []byte(page("Store A"))},
		"content/a.md":            {Data: []byte(page("Lille a"))},
		"content/a/d.md":          {Data: []byte(page("A/D"))},
		"content/sub/_index.md":   {Data: []byte(page("Sub"))},
		"content/Sub/_index.md":   {Data: []byte(page("Sub 2"))},
		"content/sub/andet.md":    {Data: []byte(page("Andet"))},
		"content/Sub/andet.md":    {Data: []byte(page("Andet 2"))},
		"content/nyheder/2024.md": {Data: []byte(page("Nyhed", "date = 2024-01-01"))},
	}
	cfg, errs := config.Parse(fsys, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	parsed := parseAll(fsys, cfg)
	want, wantErrs := content.Assemble(cfg, parsed, nil, content.Options{})
	if n := len(wantErrs.Errors()); n < 7 {
		t.Fatalf("the site should have at least 5 taken addresses and a taken law id, has %d: %v", n, wantErrs)
	}
	// A slug that wants another page's address leaves the page at its
	// file's address: /a/b/ and /ab/.
	keepers := map[string]string{"/a-b/": "content/a-b.md", "/a/c/": "content/a/c.md", "/a/b/": "content/a/b.md", "/ab/": "content/ab.md",
		"/a/": "content/A.md", "/sub/": "content/Sub/_index.md"}
	for u, f := range keepers {
		if p := want.PageByURL(u); p == nil || p.File != f {
			t.Errorf("%s belongs to %v, want %s", u, p, f)
		}
	}
	for seed := range int64(200) {
		r := rand.New(rand.NewSource(seed))
		shuffled := append([]*content.Parsed(nil), parsed...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got, gotErrs := content.Assemble(cfg, shuffled, nil, content.Options{})
		if gotErrs.Error() != wantErrs.Error() {
			t.Fatalf("seed %d: errors\n%s\nwant\n%s", seed, gotErrs, wantErrs)
		}
		if urls(got.Pages) != urls(want.Pages) {
			t.Fatalf("seed %d: pages %s, want %s", seed, urls(got.Pages), urls(want.Pages))
		}
		for _, p := range want.Pages {
			if q := got.PageByURL(p.URL); q == nil || q.File != p.File {
				t.Fatalf("seed %d: %s belongs to %v, want %s", seed, p.URL, q, p.File)
			}
		}
	}
	t.Log(wantErrs)
}
