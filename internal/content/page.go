package content

import (
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/language"
)

// Page is one page of the site: a Markdown file, or a list page torv makes
// itself (a folder without _index.md, the topic pages).
type Page struct {
	File    string // slash path relative to the site folder ("content/lov/x.md"); "" when generated
	Kind    Kind
	URL     string // site path, "/lov/x/"; the base URL's path is added when rendering
	Section string // first folder below content/ ("lov"); "" for the home page and top-level pages
	Lang    string
	Data    FrontMatter // the kind's front-matter struct
	Body    []byte      // Markdown, with the front matter blanked out

	Parent   *Page   // the folder's list page; nil for the home page
	Children []*Page // for list pages: the pages and folders directly inside, sorted
	Tags     []*Topic

	// Translations are the same page in the site's other languages, in
	// the order of config.SiteLanguages, without the page itself.
	Translations []*Page

	// Broken marks a page whose file has errors of its own: it shows what
	// could be read, which may not be what the editor meant, so it must
	// not be published as if it were fine. A front matter that could not
	// be read at all still gives a page, at the address its file path
	// gives, so that the pages that link to it are not wrong too; see
	// broken.go.
	Broken bool

	// front is the front matter's text, for positions of errors found
	// after decoding; frontLine is the file line it starts on. Not a
	// decode.Source, which would repeat File in every page (source).
	front     string
	frontLine int32
	titleRank int32     // the page's place among the site's titles, made by link; 0: none (byTitle)
	titleKey  string    // the language's CollateKey of the title, made once for sorting
	keyed     [2]string // the language and title titleKey was made from (setTitleKey)
	dir       string    // for a generated list page: its folder ("content/lov")
	key       string    // the path below content/ without the language: "lov/x.md" for lov/x.en.md

	// recovered: the front matter could not be read, and the page holds
	// what recovered made of it. What the site finds wrong with such a
	// page (a reference, a taken address) may be the recovery's doing, so
	// it is not reported; the file's own mistake is.
	//
	// released, frontReleased: ReleaseBody and ReleaseFrontMatter dropped
	// the body and the front matter's text (frontSum is its checksum);
	// ReadBody reads them again (body.go).
	//
	// The flags share one word: a site holds many pages.
	recovered, released, frontReleased bool
	addrs                              []string // a recovered or slugged page's addresses, the one it wants first (addresses)
	frontSum                           uint64
}

// Common returns the front matter every kind has.
func (p *Page) Common() *Common { return p.Data.common() }

// setTitleKey makes the page's collation key for sorting by title, unless
// it holds the key of its language and title already: the preview links
// every page again after an edit of a front matter, and one title changed.
func (p *Page) setTitleKey() {
	if k := [2]string{p.Lang, p.Title()}; p.keyed != k || p.titleKey == "" {
		p.titleKey, p.keyed = language.Get(p.Lang).CollateKey(k[1]), k
	}
}

// Title returns the page's title.
func (p *Page) Title() string { return p.Common().Title }

// ShortTitle returns the page's name in the menu and the breadcrumbs: its
// menu_title, else its title.
func (p *Page) ShortTitle() string {
	if c := p.Common(); c.MenuTitle != "" {
		return c.MenuTitle
	}
	return p.Common().Title
}

// Description returns the page's description.
func (p *Page) Description() string { return p.Common().Description }

// Date returns the page's date.
func (p *Page) Date() Date { return p.Common().Date }

// Updated returns when the page last changed: its updated key, else its
// date, else, for a list page, when the newest page it lists changed: a
// list changes when its pages do, and "Senest opdateret" belongs on every
// page.
func (p *Page) Updated() Date {
	c := p.Common()
	switch {
	case !c.Updated.IsZero():
		return c.Updated
	case !c.Date.IsZero() || !p.IsList():
		return c.Date
	}
	var newest Date
	for _, ch := range p.Children {
		if d := ch.Updated(); d.After(newest.Time) {
			newest = d
		}
	}
	return newest
}

// Weight returns the page's order key.
func (p *Page) Weight() int { return p.Common().Weight }

// AllOfKind reports whether a list has pages and all are of kind k: a
// list of glossary terms is shown A–Å and kept on one page, a list of
// initiatives is grouped by status.
func AllOfKind(pages []*Page, k Kind) bool {
	for _, p := range pages {
		if p.Kind != k {
			return false
		}
	}
	return len(pages) > 0
}

// IsHome reports whether p is a language's home page.
func (p *Page) IsHome() bool { return p.Kind == KindHome }

// IsList reports whether the page lists other pages.
func (p *Page) IsList() bool {
	switch p.Kind {
	case KindHome, KindSection, KindTopics, KindTopic:
		return true
	}
	return false
}

// source is the page's front matter as the decoder reads it.
func (p *Page) source() decode.Source {
	return decode.Source{File: p.File, Text: p.front, Line: int(p.frontLine), What: "front matter"}
}

// Pos returns the file line and column of a front-matter key, for errors
// found after decoding.
func (p *Page) Pos(key string) (line, col int) { return decode.PosOf(p.source(), key) }

// FrontMatterPos returns the file line and column of position (line, col)
// inside text, a value of the page's front matter (a "Kort fortalt" with a
// broken link), or the front matter's first line when the text is not
// found as written.
func (p *Page) FrontMatterPos(text string, line, col int) (int, int) {
	first, _, _ := strings.Cut(text, "\n")
	i := strings.Index(p.front, first)
	if i < 0 || first == "" {
		return max(int(p.frontLine)-1, 1), 1
	}
	before := p.front[:i]
	fileLine := int(p.frontLine) + strings.Count(before, "\n")
	startCol := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	if line <= 1 {
		return fileLine, startCol + max(col, 1) - 1
	}
	return fileLine + line - 1, max(col, 1)
}

// Topic is one value of the tags taxonomy and the pages that carry it.
type Topic struct {
	Name  string
	Slug  string
	Lang  string
	URL   string
	Pages []*Page
	Page  *Page // the topic's own generated page
}
