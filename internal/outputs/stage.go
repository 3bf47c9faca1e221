package outputs

import (
	"time"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/spill"
)

// A Stage makes files of the published site besides its pages. It is the
// one place an output is defined: package build runs every stage of its
// list (Defaults, or build.Options.Outputs) in torv build, torv serve,
// torv check and build -strict alike, places their files with the pages',
// and reports their diagnostics with the build's own.
type Stage struct {
	// Name is what the stage is called in messages and timings
	// ("sitemap", "security.txt").
	Name string
	// Make returns the files (output paths, slash-separated, relative)
	// and the diagnostics of the site in in. It must not change in's
	// site, and must not keep in or the files' bytes it was given. A
	// diagnostic names the file of the site that causes it (a page's
	// content/om.md, config.toml), so that torv check lists it there;
	// an error fails the build, a warning fails build -strict.
	Make func(in *Input) ([]File, diag.List)
	// Bodies is set when Make reads pages' bodies (a search index, a
	// feed with the text of its entries). The preview runs such a stage
	// again after an edit below a page's front matter too; it runs the
	// others only after edits that change the site's shape (front
	// matter, pages or files added or removed, static/, config.toml,
	// layouts/, assets/, i18n/), so an editor's usual save stays cheap.
	Bodies bool
	// ContentOnly is set, with Bodies, when Make reads bodies only through
	// Input.Content, which reads a page's Markdown again where torv build
	// released it after rendering: such a stage (the feeds) leaves torv
	// build lean, where one that reads Page.Body makes it keep every body.
	ContentOnly bool
	// Text is set when Make reads pages' text through Input.Text (the
	// search index). The preview runs such a stage after an edit below a
	// page's front matter as it runs one with Bodies; the build keeps
	// each page's text as its render parsed it, not its Markdown, so a
	// build to a folder stays as lean as without the stage.
	Text bool
	// Analyze, on a stage with Text, is given each page's text as the
	// render stage read it, on the render's workers (so it may be called
	// on several goroutines at once), and what it returns is what
	// Input.Analysis gives Make for the page, until the page is rendered
	// again. The build then keeps that, not the text: a search index
	// keeps a page's words, counted, and reads a body once per edit.
	// Analyze must not keep t.Text, whose memory the next page reuses.
	Analyze func(p *content.Page, t PageText) any
	// Begin, when set, is called in a build that keeps nothing for a
	// later one (Input.Once) before the pages render, with the Input
	// Make will have but for Content, Text and Analysis: a stage with
	// Analyze may then merge each page's text as it comes, and keep
	// only what its files need (the search index: not every page's
	// analysis until the last is made). It may keep in until Make.
	Begin func(in *Input)
}

// A File is one file a stage makes. A stage may put its bytes into
// Input.Spill instead, when it has one, and name them with Spilled; Bytes
// is then nil.
type File struct {
	Path    string // output path: "sitemap.xml", ".well-known/security.txt"
	Bytes   []byte
	Spilled spill.Ref
}

// Input is what a stage makes its files from: the site as the content
// stages left it, and the renderer's helpers, so that an output addresses
// and words things as the pages do.
type Input struct {
	Site   *content.Site  // every page: URL, language, translations, front matter, Markdown body
	Config *config.Config // config.toml, with -baseurl applied
	Assets *assets.Set    // the fingerprinted stylesheet and scripts the pages link to
	// URL is the address pages link a site path ("/om/") with: the base
	// path put in front.
	URL func(sitePath string) string
	// T is a UI string of i18n/ ("topics") in a language, as the layouts'
	// T gives it.
	T func(lang, key string) (string, error)
	// Now is the day the build judges dates on (build.Options.Now, or
	// today): expiry dates, review dates.
	Now time.Time
	// Content is a page's body as its page shows it, in HTML: the
	// renderer's conversion, with the page's links (base path in front),
	// law citations and glossary; "" for an empty body. Its mistakes are
	// the page's own, reported when the page renders. A stage that calls
	// it sets Bodies.
	Content func(p *content.Page) string
	// Text is a page's plain text and headings as the renderer read its
	// body; empty unless a stage of the build reads text (Stage.Text).
	Text func(p *content.Page) PageText
	// Analysis is what the stage's Analyze made of a page's text when the
	// page last rendered; nil when its body has no text, or the stage has
	// no Analyze.
	Analysis func(p *content.Page) any
	// Once is set in a build that keeps nothing for a later one (torv
	// build, whose output goes to a Sink): no Make of the stage follows,
	// so a stage need keep nothing for one, and may let go of what it
	// holds as it makes its files (the search index its pages'
	// analyses).
	Once bool
	// Spill, in a build with Once, takes what a stage makes while the
	// pages render and reads back for its files (the search index's
	// rows), instead of the heap; nil keeps it in memory.
	Spill *spill.File
}

// Origin is the scheme and host of config.toml's base URL
// ("https://borger.fjordby.dk"), which a sitemap or a feed needs to give
// full addresses; "" when the base URL is not a full address (a site
// previewed or built without one).
func (in *Input) Origin() string { return originOf(in.Config.BaseURL) }

// Abs is the full address of a site path, base path included
// (https://fjordby.dk/borger/om/); "" without an Origin.
func (in *Input) Abs(sitePath string) string {
	o := in.Origin()
	if o == "" {
		return ""
	}
	return o + in.URL(sitePath)
}

// Defaults are the stages of every build, in the order their files claim
// output paths: sitemap.xml (with a full base URL), robots.txt, the host
// files [publish] hosts asks for (_headers and _redirects, torv-nginx.conf,
// .htaccess; hosts.go), the pages at the aliases, security.txt and the
// feeds (with a full base URL). A new output is a new entry here, with its
// Make in a file of its own in this package. It is a function, so that no
// caller can change another's list.
func Defaults() []Stage {
	return []Stage{
		{Name: "sitemap", Make: sitemapFiles},
		{Name: "robots.txt", Make: robotsFiles},
		netlifyStage(),
		nginxStage(),
		apacheStage(),
		{Name: "aliases", Make: aliasPages},
		{Name: "security.txt", Make: securityTxt},
		{Name: "feeds", Make: feedFiles, Bodies: true, ContentOnly: true},
		newSearchStage(),
	}
}

func sitemapFiles(in *Input) ([]File, diag.List) {
	origin := in.Origin()
	if origin == "" {
		return nil, nil // a sitemap lists full addresses
	}
	return Sitemaps(in.Site, func(p string) string { return origin + in.URL(p) }), nil
}

func robotsFiles(in *Input) ([]File, diag.List) {
	return []File{{Path: "robots.txt", Bytes: Robots(in.Abs("/sitemap.xml"))}}, nil
}
