// Package content reads a site's content folder into a Site: the pages, their
// kinds and front matter, sections, topics and the glossary. It validates
// everything an editor can get wrong and reports each mistake with file, line
// and column, so that nothing later in the pipeline has to second-guess the
// model.
//
// # Files
//
// Every Markdown file below content/ is a page. Files whose name starts with
// "." or "_" (other than _index.md) and editor temp files (*~, *.swp, 4913,
// .#*) are ignored. Other files (images, PDFs) are copied to the output at
// the same path.
//
// A page starts with TOML front matter between two lines of "+++":
//
//	+++
//	title = "Sygedagpenge"
//	description = "Hvornår du kan få sygedagpenge, og hvad du skal gøre."
//	+++
//
//	The page's Markdown body.
//
// The front matter is replaced by empty lines before the body reaches the
// Markdown parser, so every later position (a broken link, a heading) points
// at the right line of the file. Front matter is capped at 64 KiB and 32
// levels of nesting, and a page at 4 MiB, before any decoder sees it: the
// TOML decoder and goldmark both have inputs that take them quadratic time or
// unbounded stack.
//
// A page's body may be released once read (Page.ReleaseBody), and the text
// of its front matter once the Site is assembled (Page.ReleaseFrontMatter),
// and both read again when they are needed (Page.ReadBody): torv build
// holds them only for the pages it is rendering. A file whose front matter
// changed in between is an error at the file, never a page made of two
// versions.
//
// # URLs
//
// URLs are pretty and stable: content/lov/sygedagpenge.md becomes
// /lov/sygedagpenge/ (written as lov/sygedagpenge/index.html), and
// content/lov/_index.md becomes /lov/. Path segments are lower-cased and
// anything but a-z, 0-9, "-" and "_" becomes "-" (æ, ø, å become ae, oe,
// aa). A "slug" key renames the last segment and may hold only a-z, 0-9 and
// "-": it can never move a page out of its folder or out of the site. A
// file or folder name without letters or digits ("---.md", "🎉/") would
// leave an empty segment, and "/odd//" is written where /odd/ is: it is an
// error at the file, with a name to use, and the page is left out. Of two
// pages with one URL, one at its file's address keeps it from one whose
// slug wants it: the error is at the slug, and that page keeps its file's
// address meanwhile, so that the pages that link to it add no errors. Of
// two pages alike, the one whose file path sorts first keeps the URL and
// the error is at the other, naming it, in whatever order the files were
// read.
//
// # Languages
//
// A site has a main language (config.toml's language, default da) and may
// publish others ([languages.en] in config.toml). A page's language is in
// its file name: content/om.en.md is the English translation of
// content/om.md, content/lov/_index.sv.md the Swedish list page of lov/.
// Files whose names differ only in that suffix are translations of one
// another (Page.Translations); a page may exist in one language only. The
// main language's pages are at the root, the others under their code:
// /om/, /en/om/, /sv/lov/. Each language has its own home page (generated
// from [languages.xx] title when content/_index.xx.md is missing), tree,
// lists, topics (/en/emner/...) and glossary, so a reader never lands in
// another language's list by accident. Laws are cited by the same id in
// every language, and a citation finds the explainer in the citing page's
// language, else the main language's (Site.Law). A suffix that is not one
// of torv's languages ("v1.2.md") is part of the name; one the site does
// not publish is an error naming the [languages.xx] table to add.
//
// # Kinds
//
// A page's kind comes from "type" in its front matter, else from the
// section's default in config.toml ([sections] lov = "law"), else "page".
// content/_index.md is always "home"; any other _index.md is the list page of
// its folder ("section"), and a folder without one gets a generated list page.
//
// Keys every kind accepts (the Common struct):
//
//	title        string    required
//	menu_title   string    a shorter name for the menu and the breadcrumbs
//	                       ("Laws" for "Laws and rules in short"); on the
//	                       main language's pages a [[menu]] title wins
//	description  string    one or two sentences; shown in lists and to search engines
//	date         date      2024-05-01; required for news
//	updated      date      when the content last changed ("Senest opdateret")
//	draft        bool      left out of the build unless -drafts
//	type         string    the kind, overriding the section's default
//	slug         string    renames the last URL segment
//	weight       integer   order in lists, lowest first (default 0, then title)
//	tags         [string]  topics; each gets a page under /emner/<topic>/
//	layout       string    a layout of layouts/ to use instead of the kind's
//	search       bool      false leaves the page out of the site's search (a
//	                       receipt page); default true
//	keywords     [string]  words a citizen may search for that the page does
//	                       not use ("husleje" on a page about boligstøtte)
//	check_off    [string]  rules of "torv check" switched off for this page,
//	                       each with the reason: ["lix: Siden citerer loven
//	                       ordret."]. The rule comes before the colon, the
//	                       reason after it; torv check lists every rule
//	                       switched off, with its reason, and refuses an
//	                       unknown rule (with the closest as a suggestion) or
//	                       a missing reason. Package check validates it, as
//	                       only it knows its rules.
//
// Dates are TOML dates (date = 2024-05-01) or strings in the same form
// (date = "2024-05-01"); a TOML date-time is accepted too.
//
// Titles sort in the alphabetical order of their page's language, as
// package language collates them (Language.CollateKey): lists sorted by
// title or after weight, the topics and the glossary (Site.Terms). Danish
// puts æ ø å after z and "Aarhus" beside "Århus", Swedish å ä ö.
//
// The kinds and the keys they add:
//
//	home        lead (string), featured ([string]: content paths such as
//	            "lov/sygedagpenge.md" or URLs such as "/lov/sygedagpenge/")
//	section     sort ("weight", "date" or "title"; default weight, news: date)
//	            paginate (integer, 1 to 100: pages listed on each page of
//	            the list; absent or 0: 10). See Lists split into pages.
//	principle   statement (string, required): the principle in one sentence
//	theme       question (string, required), statements ([[statements]] with
//	            quote (required), who, context), initiatives ([string]: paths
//	            of initiative pages)
//	place       address (table: street, postcode, city; street and city
//	            required), directions, parking (string), opening_hours (table
//	            monday..sunday = "08:00-15:00", several intervals as
//	            "08:00-12:00, 13:00-15:00", "closed" or empty for closed),
//	            exceptions ([[exceptions]] with date (required), until, hours
//	            ("closed" or "10:00-12:00"), note), phone, email,
//	            digital_post, booking_url (strings), step_free (bool),
//	            accessibility, services ([string])
//	law         law (string, required: the law's name), paragraph (string,
//	            required: "§ 7"), official_url (string, an https URL),
//	            in_short (string, required, at most 3 lines and 300
//	            characters: "Kort fortalt"), you_can ([string]: "Det kan du
//	            gøre"), reviewed (date, required), review_by (date), id
//	            (string, default the file name: how other pages cite it). The
//	            body is "Det betyder for dig".
//	initiative  status (required: "planned", "in_progress", "done" or
//	            "stopped"), owner (string), started (date), theme (string:
//	            content path of a theme page), latest (string: the latest
//	            update, one or two sentences)
//	figures     period, source (string), figures ([[figures]] with label
//	            (required), value (number, required), unit, note), charts
//	            ([[charts]] with title (required), unit, caption, and
//	            [[charts.bars]] with label and value (both required))
//	            or, instead of [[charts.bars]], data (string: a .csv file in
//	            the page's folder). See Chart data.
//	news        date is required
//	term        short (string, required: a one-line explanation), abbr
//	            (string: the expansion, when the term is an abbreviation),
//	            aliases ([string]: other forms of the word)
//	page        nothing more
//
// # Lists split into pages
//
// A section's list that holds more pages than its page size (paginate in
// its _index.md, else 10; a folder without _index.md has 10) is split: the
// list page shows the first ones, and torv makes a page for each further
// share, at a fixed word per language below the list's URL: /nyheder/side/2/
// (Danish and Norwegian), /sv/nyheter/sida/2/, /en/news/page/2/. The word
// is not a UI string, because a URL must not move when the texts are
// reworded. A further page is its list page without the body, with the
// list's title, language, layout and parent; Page.Pager gives every page of
// the list its number, the list's pages and its share of the list page's
// Children, which stay whole. Home and topic pages are never split, and
// nor is a glossary (a list of terms only) unless its paginate says so: it
// is one page A–Å with its letters linked from the top. A page
// of content/ at a further page's URL is an error at the list's paginate
// line (paginate.go). Every page of a list is its own page for search
// engines, in the sitemap and without rel="canonical" or noindex: pointing
// page 2 at page 1 would hide the items only page 2 lists.
//
// # Chart data
//
// A [[charts]] entry with data = "tilfredshed.csv" takes its bars from that
// file beside the page, read with the page: a header row label,value and one
// label,value row per bar (";" as separator when the header has one, and
// then "79,5" with a decimal comma is 79.5). A missing, empty or
// unreadable file, a row that is not a label and a value, and a value that
// is not a plain number, or that could be read two ways (77.117), is an
// error at the CSV file's line and column. The file is published beside the
// page, like any other file of content/, and the chart links to it
// (chartdata.go).
//
// # Citing a law
//
// Any page, and any Markdown in front matter, cites a law explainer by its
// id (the file name, or the law's id key) with a link to lov:ID; law: and
// lag: are the same, for editors who think in English or Swedish:
//
//	Læs [](lov:sygedagpenge).                 gets the law's short title
//	Du har [ret til hjælp](lov:sygedagpenge). keeps the editor's text
//	Se [fristen](lov:sygedagpenge#frist).     keeps the fragment
//
// The short title is the name in brackets at the end of law, else law, and
// the paragraph: law = "Lov om sygedagpenge (sygedagpengeloven)" and
// paragraph = "§ 7" give "Sygedagpengeloven § 7" (Law.ShortTitle). The
// explainer is the one in the citing page's language, else the main
// language's, and a title in another language is marked as such. Site.Cite
// resolves a citation, and ResolveLink through it, so the build, torv check
// and the preview agree on where it goes; an unknown id is an error at the
// link: unknown law "sygdagpenge" (did you mean "sygedagpenge"? ...)
// (cite.go).
//
// # Errors
//
// Load returns every mistake it finds, not just the first, as a diag.List:
// broken TOML at the decoder's line and column mapped to the file, unknown
// keys with the closest known key as a suggestion, missing required fields,
// values of the wrong type or format, unknown kinds, duplicate URLs and
// references (featured, initiatives, theme) to pages that do not exist. The
// positions of keys come from a scan of the front matter's lines (keys.go):
// the TOML decoder knows them but does not export them.
//
// One mistake gives one message, at the line the editor broke. A page whose
// file has errors is marked Page.Broken, and is still a page of the site:
// were it left out, every page that links to it, features it or lists it
// would have an error too. A front matter that cannot be read at all (not
// TOML, not closed, missing, a type that does not exist, a file not in
// UTF-8) gives a page at the address its file path gives, of its folder's
// kind, with what the front matter gives once the lines the decoder stops
// at are blanked: an unclosed quote on the title line loses the title, not
// the slug, tags or law id below it. A page without a title is titled after
// its file ("Klage over en afgoerelse"), or its folder for a list page, so
// lists and breadcrumbs still show it. Nothing more is reported about such
// a page (a required key it lost, a reference it names, an address or law
// id another page has) until it reads again: any of it may be the
// recovery's doing. Of two pages at one URL, a recovered page never keeps
// it from a page that read (broken.go). Only a file whose name gives it no
// address, or in a language the site does not publish, has no page.
package content
