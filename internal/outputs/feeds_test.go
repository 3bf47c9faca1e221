package outputs_test

import (
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/golden"
)

// uiStrings is the UI string the feeds stage asks for, for tests that
// call a stage without the renderer.
func uiStrings(lang, key string) (string, error) {
	if key == "feed_changes" {
		return map[string]string{"da": "Ændringer på siden", "en": "Changes to the site"}[lang], nil
	}
	return "", fmt.Errorf("no UI string %q", key)
}

// feedSite is a site in a sub-folder in Danish and English, with news in
// both, a news list split into pages, a draft, tags, and bodies with
// links to pages, parts of pages and images, a law citation and a
// glossary term, as the feeds carry them.
func feedSite(baseURL string, extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"config.toml": {Data: []byte("title = \"Testby\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"" + baseURL + "\"\n" +
			"description = \"Borgernes side.\"\n[sections]\nnyheder = \"news\"\nlov = \"law\"\nordliste = \"term\"\n" +
			"[languages.en]\ntitle = \"Testby in English\"\n")},
		"content/_index.md":              {Data: []byte("+++\ntitle = \"Forside\"\nupdated = 2026-01-05\n+++\n\nVelkommen.\n")},
		"content/_index.en.md":           {Data: []byte("+++\ntitle = \"Home\"\n+++\n\nWelcome.\n")},
		"content/om.md":                  {Data: []byte("+++\ntitle = \"Om os\"\ndescription = \"Hvem vi er.\"\ndate = 2025-01-01\nupdated = 2026-03-01\n+++\n\nSe [kontakt](kontakt.md#telefon) og ![kort](/kort.png).\n")},
		"content/kontakt.md":             {Data: []byte("+++\ntitle = \"Kontakt\"\n+++\n\n## Telefon\n\nRing 70 00 00 00.\n")},
		"content/kort.png":               {Data: []byte("png")},
		"content/lov/klage.md":           {Data: []byte("+++\ntitle = \"Klage\"\nlaw = \"Forvaltningsloven\"\nparagraph = \"§ 1\"\nin_short = \"Du kan klage.\"\nreviewed = 2026-02-01\nupdated = 2026-02-05\n+++\n\nDu kan [klage](#hvordan) & få svar, når 1 < 2.\n\n## Hvordan\n\nSkriv til os.\n")},
		"content/ordliste/afgoerelse.md": {Data: []byte("+++\ntitle = \"Afgørelse\"\nshort = \"Det, kommunen beslutter.\"\n+++\n")},
		"content/nyheder/_index.md":      {Data: []byte("+++\ntitle = \"Nyheder\"\ndescription = \"Nyt fra Testby.\"\npaginate = 2\n+++\n")},
		"content/nyheder/a.md":           {Data: []byte("+++\ntitle = \"Ny klageside\"\ndescription = \"Læs om klager.\"\ndate = 2026-02-10\ntags = [\"klage\"]\n+++\n\nSe [](lov:klage). Du får en afgørelse.\n")},
		"content/nyheder/b.md":           {Data: []byte("+++\ntitle = \"Nye åbningstider\"\ndate = 2026-01-20\nupdated = 2026-02-20\n+++\n\nVi har åbent længere.\n")},
		"content/nyheder/c.md":           {Data: []byte("+++\ntitle = \"Ældre nyhed\"\ndate = 2025-11-01\n+++\n")},
		"content/nyheder/kladde.md":      {Data: []byte("+++\ntitle = \"Kladde\"\ndate = 2026-04-01\ndraft = true\n+++\n\nIkke endnu.\n")},
		"content/nyheder/_index.en.md":   {Data: []byte("+++\ntitle = \"News\"\n+++\n")},
		"content/nyheder/a.en.md":        {Data: []byte("+++\ntitle = \"A new page on complaints\"\ndescription = \"Read about complaints.\"\ndate = 2026-02-11\n+++\n\nRead [about us](/en/).\n")},
	}
	for name, text := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func buildSite(t *testing.T, fsys fstest.MapFS) *build.Result {
	t.Helper()
	res := build.Build(fsys, torv.Defaults(), build.Options{})
	if res.Output == nil {
		t.Fatalf("the site does not build:\n%v", res.Diags)
	}
	return res
}

// exampleFeeds are the feeds of the repository's example site.
var exampleFeeds = []string{"feed.xml", "nyheder/feed.xml", "en/feed.xml", "sv/feed.xml"}

// siteFeeds are the feeds of feedSite.
var siteFeeds = []string{"feed.xml", "nyheder/feed.xml", "en/feed.xml", "en/nyheder/feed.xml"}

// TestFeedsGolden: each feed of the example site and of feedSite is its
// golden file (testdata/feeds/), and no other feed is written.
func TestFeedsGolden(t *testing.T) {
	sites := []struct {
		name  string
		res   *build.Result
		feeds []string
	}{
		{"example", build.Build(os.DirFS("../.."), torv.Defaults(), build.Options{}), exampleFeeds},
		{"site", buildSite(t, feedSite("https://testby.example/borger/", nil)), siteFeeds},
	}
	for _, s := range sites {
		if s.res.Output == nil {
			t.Fatalf("%s does not build:\n%v", s.name, s.res.Diags)
		}
		var got []string
		for _, p := range s.res.Output.Paths() {
			if strings.HasSuffix(p, "feed.xml") {
				got = append(got, p)
			}
		}
		if !sameSet(got, s.feeds) {
			t.Errorf("%s: feeds %v, want %v", s.name, got, s.feeds)
		}
		for _, f := range s.feeds {
			b, _ := s.res.Output.Get(f)
			golden.Check(t, "./internal/outputs", "testdata/feeds/"+s.name+"/"+f, b, *update)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// atomFeed is what the tests read of a feed.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Summary   string `xml:"summary"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func readFeed(t *testing.T, res *build.Result, path string) atomFeed {
	t.Helper()
	b, ok := res.Output.Get(path)
	if !ok {
		t.Fatalf("no %s", path)
	}
	var f atomFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s is not an Atom feed: %v\n%s", path, err, b)
	}
	return f
}

// TestFeedEntries: a news feed holds its section's news of its language,
// newest first, without drafts, with absolute addresses in and around
// the text; a feed of changes holds the language's dated pages by their
// last change, each change an entry of its own.
func TestFeedEntries(t *testing.T) {
	res := buildSite(t, feedSite("https://testby.example/borger/", nil))
	base := "https://testby.example/borger/"
	news := readFeed(t, res, "nyheder/feed.xml")
	var titles []string
	for _, e := range news.Entries {
		titles = append(titles, e.Title)
	}
	if want := []string{"Ny klageside", "Nye åbningstider", "Ældre nyhed"}; !slices.Equal(titles, want) {
		t.Errorf("news entries %q, want %q (newest first, no draft, no English)", titles, want)
	}
	if news.Lang != "da" || news.ID != base+"nyheder/feed.xml" || news.Updated != "2026-02-20T00:00:00Z" || news.Author != "Testby Kommune" {
		t.Errorf("news feed: lang %q, id %q, updated %q, author %q", news.Lang, news.ID, news.Updated, news.Author)
	}
	e := news.Entries[0]
	if e.ID != base+"nyheder/a/" || e.Link.Href != e.ID || e.Published != "2026-02-10T00:00:00Z" || e.Summary != "Læs om klager." {
		t.Errorf("first entry: %+v", e)
	}
	for _, want := range []string{`<a href="` + base + `lov/klage/">Forvaltningsloven § 1</a>`, `<a href="` + base + `ordliste/afgoerelse/"`} {
		if !strings.Contains(e.Content.Text, want) {
			t.Errorf("the entry's HTML lacks %s:\n%s", want, e.Content.Text)
		}
	}
	if e.Content.Type != "html" {
		t.Errorf("content type %q, want html", e.Content.Type)
	}
	if b := news.Entries[1]; b.Updated != "2026-02-20T00:00:00Z" || b.Published != "2026-01-20T00:00:00Z" {
		t.Errorf("an updated news item: published %s, updated %s", b.Published, b.Updated)
	}
	if c := news.Entries[2]; c.Content.Text != "" {
		t.Errorf("an empty body gives content %q", c.Content.Text)
	}
	en := readFeed(t, res, "en/nyheder/feed.xml")
	if en.Lang != "en" || len(en.Entries) != 1 || en.Entries[0].ID != base+"en/nyheder/a/" ||
		!strings.Contains(en.Entries[0].Content.Text, `href="`+base+`en/"`) {
		t.Errorf("English news feed: %+v", en)
	}

	changes := readFeed(t, res, "feed.xml")
	var ids []string
	for _, e := range changes.Entries {
		ids = append(ids, e.ID)
	}
	want := []string{ // updated over date; undated pages (kontakt) and the English ones left out
		"tag:testby.example,2026-03-01:/borger/om/",
		"tag:testby.example,2026-02-20:/borger/nyheder/b/",
		"tag:testby.example,2026-02-10:/borger/nyheder/a/",
		"tag:testby.example,2026-02-05:/borger/lov/klage/",
		"tag:testby.example,2026-01-05:/borger/",
		"tag:testby.example,2025-11-01:/borger/nyheder/c/",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("changes %q,\nwant %q", ids, want)
	}
	text := changes.Entries[0].Content.Text + changes.Entries[3].Content.Text
	for _, want := range []string{`href="` + base + `kontakt/#telefon"`, `src="` + base + `kort.png"`,
		`href="` + base + `lov/klage/#hvordan"`, "&amp; få svar, når 1 &lt; 2", `<h3 id="hvordan">`} {
		if !strings.Contains(text, want) {
			t.Errorf("the entries' HTML lacks %s:\n%s", want, text)
		}
	}
}

// TestFeedLimit: a feed holds the newest FeedEntries items.
func TestFeedLimit(t *testing.T) {
	extra := map[string]string{}
	for i := range 25 {
		extra[fmt.Sprintf("content/nyheder/n%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"Nyhed %d\"\ndate = 2024-01-%02d\n+++\n", i, i+1)
	}
	res := buildSite(t, feedSite("https://testby.example/", extra))
	f := readFeed(t, res, "nyheder/feed.xml")
	if len(f.Entries) != 20 {
		t.Fatalf("%d entries, want 20", len(f.Entries))
	}
	if f.Entries[0].Title != "Ny klageside" || f.Entries[19].Title != "Nyhed 8" {
		t.Errorf("entries from %q to %q, want from the newest, %q, to %q", f.Entries[0].Title, f.Entries[19].Title, "Ny klageside", "Nyhed 8")
	}
}

var feedLink = regexp.MustCompile(`<link rel="?alternate"? type="?application/atom\+xml"? title="([^"]*)" href="?([^" >]*)"?>`)

// TestFeedLinks: the news list, its further pages and its news items
// link to the section's feed, each home page to its language's feed of
// changes, and no other page to any.
func TestFeedLinks(t *testing.T) {
	res := buildSite(t, feedSite("https://testby.example/borger/", nil))
	want := map[string]string{
		"index.html":                `Ændringer på siden – Testby|/borger/feed.xml`,
		"en/index.html":             `Changes to the site – Testby in English|/borger/en/feed.xml`,
		"nyheder/index.html":        `Nyheder – Testby|/borger/nyheder/feed.xml`,
		"nyheder/side/2/index.html": `Nyheder – Testby|/borger/nyheder/feed.xml`,
		"nyheder/a/index.html":      `Nyheder – Testby|/borger/nyheder/feed.xml`,
		"nyheder/b/index.html":      `Nyheder – Testby|/borger/nyheder/feed.xml`,
		"nyheder/c/index.html":      `Nyheder – Testby|/borger/nyheder/feed.xml`,
		"en/nyheder/a/index.html":   `News – Testby in English|/borger/en/nyheder/feed.xml`,
		"en/nyheder/index.html":     `News – Testby in English|/borger/en/nyheder/feed.xml`,
	}
	for _, p := range res.Output.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		b, _ := res.Output.Get(p)
		var got []string
		for _, m := range feedLink.FindAllSubmatch(b, -1) {
			got = append(got, string(m[1])+"|"+string(m[2]))
		}
		if w := want[p]; strings.Join(got, " ") != w {
			t.Errorf("%s links to feeds %q, want %q", p, got, w)
		}
		delete(want, p)
	}
	for p := range want {
		t.Errorf("no page %s", p)
	}
}

// TestFeedsWithoutBaseURL: without a full base URL there is no feed, no
// page links to one, and the build warns at config.toml's baseurl when
// the site has something to follow; a site with nothing dated is quiet.
func TestFeedsWithoutBaseURL(t *testing.T) {
	res := buildSite(t, feedSite("/borger/", nil))
	for _, p := range res.Output.Paths() {
		b, _ := res.Output.Get(p)
		if strings.HasSuffix(p, "feed.xml") || feedLink.Match(b) {
			t.Errorf("%s: a feed or a link to one without a full base URL", p)
		}
	}
	if len(res.Diags) != 1 || res.Diags[0].File != "config.toml" || res.Diags[0].Line != 3 ||
		!strings.Contains(res.Diags[0].Error(), "baseurl is not a full address") || !strings.Contains(res.Diags[0].Hint, `baseurl = "https://`) {
		t.Errorf("diagnostics %v, want one warning at config.toml:3 about baseurl", res.Diags)
	}
	if !res.Failed(true) || res.Failed(false) {
		t.Error("the missing feeds should fail build -strict only")
	}
	quiet := fstest.MapFS{
		"config.toml":   {Data: []byte("title = \"T\"\nmunicipality = \"M\"\n")},
		"content/om.md": {Data: []byte("+++\ntitle = \"Om\"\n+++\n")},
	}
	if res := buildSite(t, quiet); len(res.Diags) > 0 {
		t.Errorf("a site with nothing dated: %v", res.Diags)
	}
}
