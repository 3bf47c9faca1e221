// Package render turns one page of a content.Site into HTML with Go's
// html/template, the site's layouts and its UI strings.
//
// # Layouts
//
// Layouts are read from the layered file system (the site's layouts/ over
// the defaults embedded in the binary), so a site overrides them file by
// file:
//
//	layouts/base.html          the document: <html>, <head>, skip link,
//	                           header, <main>, footer; calls {{template "main" .}}
//	layouts/<kind>.html        defines "main" for one kind: home, section,
//	                           principle, theme, place, law, initiative,
//	                           figures, news, term, page, topics (the topic
//	                           index), topic (one topic's pages), search
//	                           (a language's search page), letter (a page
//	                           of its A–Å index), 404
//	layouts/partials/*.html    one component each, used as
//	                           {{template "partials/quote.html" .}}
//
// Every kind's template is base.html, all partials and the kind's own file,
// parsed once per build and executed concurrently. A page's "layout" key
// names another file of layouts/ instead of the kind's.
//
// html/template executes each layout once per render goroutine, which
// escapes it; from then on the goroutine runs the escaped layout compiled
// by package tmplexec, with the same output at a third of the cost. A
// layout tmplexec does not support, and any page on which the compiled
// layout fails, is executed by html/template as before, so its output and
// error messages are html/template's.
//
// # What a template sees
//
// The dot is a *View:
//
//	.Site        the site: .Site.Config is the *config.Config; .Site.Pages,
//	             .Site.Home, .Site.Topics, .Site.Terms, .Site.Laws and
//	             .Site.Files are content.Site's (a page that uses one is
//	             rendered again after any change to any page)
//	.Page        the *content.Page being rendered
//	.Content     the rendered Markdown body (template.HTML)
//	.Lang        the page's language ("da")
//	.CSS         the stylesheet: .CSS.URL, .CSS.Integrity
//	.Crumbs      breadcrumbs from the home page to the parent: []Link{Title, URL}
//	.Menu        main navigation: []MenuItem{Title, URL, Current, Active}
//	.List        the pages a list shows (section, home, topic): []*content.Page
//	.Topics      on the topics index: []*content.Topic
//	.Topic       on a topic page: the *content.Topic
//	.CSP         the Content-Security-Policy for the page's meta element
//	.Pager       on a list split into pages (see package content), this
//	             page's place: .Number, .Total, .First, .Prev, .Next,
//	             .Last (site paths; .Prev and .Next "" where there is
//	             none), .Links ([]PageLink{Number, URL, Current, Gap}: the
//	             numbered links, with the first, the last and those next
//	             to the current page once a list has more than seven) and
//	             .Items, which .List then is too; nil on any other page
//	.JS          the scripts of assets/js by file name: index .JS "open-now.js"
//	             has .URL and .Integrity; a layout loads one only where it
//	             is needed, with defer, and the page works without it
//	.Home        the home page of the page's language
//	.Title       the site's title in the page's language; .Description
//	             and .ContactHours likewise
//	.Languages   the language switcher, empty on a site in one language:
//	             []LangLink{Lang, Name ("Svenska"), URL, Note, Href,
//	             Current, Translated}; a language the page is not
//	             translated into leads to its home page, and Note says so
//	             in that language
//	.Glossary    on a list of glossary terms: the terms grouped by first
//	             letter in the language's alphabetical order
//	.Letters     on a search page and the pages of its A–Å index: the
//	             index's letters, []*content.Letter{Letter, Page, Pages};
//	             .LetterPages, on a page of the index, are its letter's pages
//	.Alternates  the translated languages, for <link rel="alternate"
//	             hreflang>, when there are at least two
//
// A *content.Page has .Title, .Description, .URL, .Kind, .Date, .Updated,
// .Weight, .Tags ([]*content.Topic with .Name and .URL), .Section, .Parent,
// .Children, .IsList and .Data, the kind's own front-matter struct (for a
// law: .Data.Law, .Data.Paragraph, .Data.InShort ...; see package content).
//
// # Template functions
//
//	t "key"          the UI string "key" in the page's language, from
//	                 i18n/<lang>.toml; every key a layout names is looked
//	                 up in every language of the site when the layouts
//	                 are read, and a missing one is an error naming the
//	                 key, the language and the layout that uses it
//	date d           a date as the language writes it ("1. maj 2024");
//	                 isodate d gives 2024-05-01 for <time datetime>
//	url "/lov/"      a site path with the base URL's path prefix
//	md s             a short string of inline Markdown as HTML
//	page "lov/x.md"  another page by content path or URL (nil if none), in
//	                 the page's language when it is translated, so a
//	                 layout names "kontakt.md" once for every language
//	number x         a number as the language writes it (77.117, 12,5)
//	weekday "monday" the weekday's name in the page's language
//	feeds .Page      the Atom feeds the page belongs to (package outputs'
//	                 FeedsOf): []FeedLink{Title, Path}, for <link
//	                 rel="alternate" type="application/atom+xml">
//	item p           page p's entry in a list, partials/page-item.html
//	                 with p, made once and reused in every list p is in;
//	                 items .List is every entry, each on a line of its
//	                 own, as {{range .List}}{{item .}}\n{{end}} makes them,
//	                 in one call (a long list renders faster); with
//	                 MinifyEntries each entry is minified once, as it is
//	                 made, and a list of li entries is joined as the
//	                 minifier would join it and is one of the page's
//	                 spans, which a minifying caller copies (spans.go)
//	jsonld .         the page's schema.org JSON-LD (package jsonld) as
//	                 template.JS, for <script type="application/ld+json">;
//	                 "" on the page for missing addresses
//
// # What a page read
//
// While it renders a page, the renderer notes what the page read besides
// its own file (package reads, record.go), for the preview to render it
// again exactly when one of those changed: the pages the View hands the
// layouts and those one step from the page (.Page.Parent, .Children,
// .Translations, .Tags, the pages its front matter names), page "x" and
// item, the targets of links and law citations, .Site's lists, and every
// layout and partial that executed: each is given a call at its start
// that writes nothing. A layout that goes further from a page than one
// step (.Page.Parent.Children) should take the pages through page "x" or
// .Site instead.
//
// # Errors
//
// Template parse and execution errors become a diag.Error at the template's
// file and line: html/template's *template.Error carries both; text/template
// parse errors carry them only in their message, whose "template: NAME:LINE:"
// prefix is the one place where a position is read from text.
package render
