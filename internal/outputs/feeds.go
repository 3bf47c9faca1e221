package outputs

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// This file decides which Atom feeds a site has and which pages link to
// them; atom.go writes them. Both the feeds stage and the layouts
// (package render's feeds function, for <link rel="alternate">) ask
// Feeds and FeedsOf, so a page links to a feed exactly when the feed is
// written.
//
//   - A news feed for each news section (a top-level folder whose kind in
//     config.toml's [sections] is "news") in each language that has the
//     section's list page: /nyheder/feed.xml, /en/nyheder/feed.xml. Its
//     entries are the section's news items, newest first. The list page,
//     its further pages and every news item of the section link to it.
//   - A feed of the site's changes for each language: /feed.xml,
//     /en/feed.xml. Its entries are the pages of the language that say
//     when they changed (updated, else date), the most recent change
//     first; each change is an entry of its own, so a page changed again
//     comes back to the top of a reader. The language's home page links
//     to it. One feed per language, not one for the site: a feed has one
//     language (xml:lang), its title and its readers' too, and each
//     language's home page offers the one in its language.
//
// Feeds need full addresses (an Atom id and its links are absolute), so a
// site whose baseurl is not a full address ("https://…") has none, and
// the stage says so at config.toml as a warning.

// FeedEntries is how many entries a feed holds at most: the newest. A
// reader keeps what it has read; a feed of every item of a large site
// would be fetched again, whole, every hour.
const FeedEntries = 20

// FeedFile is the name of a feed's file in its page's folder.
const FeedFile = "feed.xml"

// Feed is one Atom feed of the site.
type Feed struct {
	Path string        // site path of the feed: "/nyheder/feed.xml"
	Page *content.Page // the page it is the feed of: a news list page, or a language's home page
	News bool          // a news section's feed; else the language's changes
}

// Feeds returns every feed of site, in the order of their pages' URLs;
// none when config.toml's baseurl is not a full address.
func Feeds(site *content.Site) []Feed {
	if originOf(site.Config.BaseURL) == "" {
		return nil
	}
	var out []Feed
	for _, p := range site.Pages {
		switch {
		case p.IsHome():
			out = append(out, Feed{Path: p.URL + FeedFile, Page: p})
		case isNewsList(site.Config, p) && firstOf(p) == p:
			out = append(out, Feed{Path: p.URL + FeedFile, Page: p, News: true})
		}
	}
	return out
}

// FeedsOf returns the feeds page p links to: its news section's on a news
// list and a news item, its language's changes on a home page.
func FeedsOf(site *content.Site, p *content.Page) []Feed {
	if p == nil || originOf(site.Config.BaseURL) == "" {
		return nil
	}
	if p.IsHome() {
		return []Feed{{Path: p.URL + FeedFile, Page: p}}
	}
	for a := p; a != nil && !a.IsHome(); a = a.Parent {
		if isNewsList(site.Config, a) {
			if a != p && p.Kind != content.KindNews {
				return nil // a plain page in a news folder is no news
			}
			first := firstOf(a)
			return []Feed{{Path: first.URL + FeedFile, Page: first, News: true}}
		}
	}
	return nil
}

// isNewsList reports whether p is the list page of a news section, or one
// of its further pages.
func isNewsList(cfg *config.Config, p *content.Page) bool {
	return p.Kind == content.KindSection && p.Parent != nil && p.Parent.IsHome() &&
		cfg.Sections[p.Section] == string(content.KindNews)
}

// firstOf is the list page a further page of a list belongs to, or p.
func firstOf(p *content.Page) *content.Page {
	if g := p.Pager(); g != nil {
		return g.First()
	}
	return p
}

// Title is the feed's title in its language: the news list's title, or
// "Ændringer på siden" from i18n/, then the site's title.
func (f Feed) Title(cfg *config.Config, t func(lang, key string) (string, error)) (string, error) {
	name := f.Page.Title()
	if !f.News {
		s, err := t(f.Page.Lang, "feed_changes")
		if err != nil {
			return "", err
		}
		name = s
	}
	return name + " – " + cfg.TitleIn(f.Page.Lang), nil
}

// Entries returns the pages of the feed, the newest first, at most
// FeedEntries.
func (f Feed) Entries(site *content.Site) []*content.Page {
	var out []*content.Page
	if f.News {
		var walk func(p *content.Page)
		walk = func(p *content.Page) {
			for _, c := range p.Children {
				if c.Kind == content.KindNews {
					out = append(out, c)
				}
				walk(c)
			}
		}
		walk(f.Page)
		slices.SortFunc(out, func(a, b *content.Page) int {
			return cmp.Or(b.Date().Compare(a.Date().Time), b.Updated().Compare(a.Updated().Time), strings.Compare(a.URL, b.URL))
		})
	} else {
		for _, p := range site.Pages {
			if p.Lang == f.Page.Lang && p.File != "" && !changed(p).IsZero() {
				out = append(out, p)
			}
		}
		slices.SortFunc(out, func(a, b *content.Page) int {
			return cmp.Or(changed(b).Compare(changed(a).Time), strings.Compare(a.URL, b.URL))
		})
	}
	return out[:min(len(out), FeedEntries)]
}

// changed is when page p says it changed: its updated key, else its date.
// A list page's newest item is not a change of the list in a feed of
// changes: the item is an entry of its own.
func changed(p *content.Page) content.Date {
	if c := p.Common(); !c.Updated.IsZero() {
		return c.Updated
	}
	return p.Date()
}

// originOf is the scheme and host of a base URL, "" when it is not a full
// address; see Input.Origin.
func originOf(baseURL string) string {
	if !strings.HasPrefix(baseURL, "http") {
		return ""
	}
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// feedFiles is the feeds stage: every feed of the site, or, without a
// full base URL, none and a warning when the site would have had some.
func feedFiles(in *Input) ([]File, diag.List) {
	if in.Origin() == "" {
		return nil, noFeeds(in)
	}
	var files []File
	var errs diag.List
	for _, f := range Feeds(in.Site) {
		b, err := atom(in, f)
		if err != nil {
			errs.Add(diag.Errorf("i18n", 0, 0, "%v", err))
			continue
		}
		files = append(files, File{Path: strings.TrimPrefix(f.Path, "/"), Bytes: b})
	}
	return files, errs
}

// noFeeds is the warning of a site without a full base URL whose pages
// would be in a feed; a site with nothing dated has nothing to follow.
func noFeeds(in *Input) diag.List {
	if !slices.ContainsFunc(in.Site.Pages, func(p *content.Page) bool { return p.File != "" && !changed(p).IsZero() }) {
		return nil
	}
	line, col := in.Config.Pos("baseurl")
	return diag.List{diag.Errorf(config.File, line, col, "no news feeds or feed of changes are made: baseurl is not a full address").
		WithHint(`write the address the site is published at, like baseurl = "https://borger.fjordby.dk/"`).Warning()}
}
