// Package build runs torv's one pipeline: a site folder in, a complete
// published site out, either handed to a Sink as it is made (torv build),
// kept in memory (the preview, tests), or only checked (torv check).
//
// # Pipeline
//
//	configure ─► load ─► prepare ─► render (all cores) ─► outputs ─────► site files ─► finish
//	config.toml  content/  assets,     pages, minified,     sitemap.xml,   assets,       the snapshot:
//	-baseurl     static/   check,      checked on their     robots.txt,    outputs',     Diags, Check,
//	                       renderer    trees                _headers, ...  content/,     Output
//	                                                                       static/ placed
//
// Each stage is written once, as a method of Session (stages.go,
// outputs.go, static.go, session.go), and every command runs them: Build
// is a Session's one build; the preview keeps a Session and runs again, after
// an edit, only the stages and pages the edit touches (update.go);
// torv check sets Options.CheckOnly, which renders a sample of pages and
// only reads the bodies of the others (sample.go), and keeps no output.
// With Options.Check the check stage (checkstage.go) runs torv check's
// rules on each page's tree while the render stage has it, and the
// snapshot's Check feeds torv check, build -strict and the preview's
// findings panel.
//
// The outputs stage (outputs.go) runs a list of package outputs' Stage
// values: Options.Outputs, or outputs.Defaults() when it is nil; every
// command of cmd/torv sets the one list its options function gives. Each
// makes files from the site, the config, the assets and the renderer's
// URL and UI strings, and diagnostics at the site's files. A new output (a search index, feeds, security.txt) is
// one more value in outputs.Defaults, and then torv build writes it, the
// preview serves it and keeps it up to date, torv check reports its
// diagnostics, and build -strict fails on its warnings: the files are
// placed with the others (below), the diagnostics are the build's own.
// The assets are not a stage: the pages link to them whatever the list.
//
// Build reads the site through an fs.FS: the content, static/ and
// config.toml from the site folder, and layouts/, assets/ and i18n/ through
// an overlay of the
// site folder on the defaults embedded in the binary, so that tests
// (fstest.MapFS), the example site and a municipality's fork go through one
// path. goldmark and the minifier are made once per build and shared by the
// render workers, one per core. The minifier takes the layout's parts of
// a page: the Markdown body, which goldmark makes without a byte to take
// out but a newline a block, is copied as it is (render.Span, minifyPage),
// and so is a list of li entries, each of which the renderer minified once,
// as it made it (newRenderer), where every list that showed an entry had
// minified it again.
// The load parses on twice as many goroutines as cores, as a file's read
// leaves its core idle (parallel.EachReading); the render takes the long
// lists first (longListsFirst), whose buffers would otherwise meet the
// search index at its largest at the end of the render.
//
// Every error of every stage is collected; a build with errors has no
// Output. A build that has errors in its content still renders the pages
// that are fine, so that all errors of a build are reported together, not
// one stage at a time.
//
// # Output
//
// An Output is the set of files of the published site, path to bytes, in
// memory. Paths are checked when added: slash-separated, relative, no ".."
// (fs.ValidPath), so nothing a page says can place a file outside the
// output.
//
// Its files are the pages, the files torv makes (the assets and the
// output stages' files: sitemap.xml, robots.txt, _headers), the files of
// content/ that are not pages, and
// the files of static/. static/ is the place for files a municipality
// wants published as they are: every file below it is copied byte for
// byte to the same path, hidden ones and ones starting with "_" included
// (.well-known/security.txt, .htaccess, _redirects, CNAME,
// google1234.html); only editors' temp files are skipped (package ignore's
// rule, asked without the leading "." or "_"), and a symbolic link is not
// followed but warned about, as in content/ (static.go).
//
// Every output path has one writer, and which one does not depend on the
// order in which files were read or pages rendered: two that want one path
// are an error at the one that does not get it, naming the other, and the
// build has no Output. Of two pages, the one whose file path sorts first
// keeps the path (content.Site already refuses a second page at one URL,
// and an empty URL segment, so this is the last guard); a page keeps its
// path against any file; then torv's own files, content/'s, static/'s, in
// that order, each in path order. So static/404.html, static/sitemap.xml
// or static/om/index.html beside content/om.md is an error at the file in
// static/. A file where another path needs a folder ("lov" beside
// "lov/index.html") is refused the same way. Output.Add refuses a second
// file at a path as a last guard. The Session decides with the same
// functions (placePages, placeFiles), so its output and errors stay
// Build's; after a change below static/ it reads static/ again and places
// the files that are not pages anew, rendering no page.
//
// Writing is package outdir's: torv build hands it every file through a
// Sink as soon as the file is made, so the build keeps no copy of the
// output, and outdir stages and swaps it atomically. Each render goroutine
// makes its pages in two buffers of its own, the page and its minified
// form, reused from page to page (pageBuffers). Such a build keeps
// nothing for a later one either (lean.go): each page's Markdown is
// released as soon as its file is read and read again for its render (the
// front matter's text, kept for positions, once the Site is assembled);
// what each page and list entry read (package reads), which only an
// incremental build uses, is not recorded; and no map of every file or
// output path is kept, only the parse errors, the pages that lost their
// path and how many files and bytes went to the Sink. Its memory is the
// site's structure (each page's front matter, address and links) and the
// pages in hand; an output stage with Begin (the search index) is told
// before the render, and merges each page's text as it comes rather than
// keeping its analysis until Make. What is made once and read back later
// in the build, the list entries the renderer reuses, the search
// index's rows and the output stages' files until they are placed,
// waits in a scratch file Options.Scratch gives (outdir's,
// in the spare) rather than on the heap (package spill). torv build
// -memprofile shows the heap at its peak. With the check (build -strict)
// the bodies stay, as the check's rules read other pages'.
//
// # Incremental builds
//
// The preview (package server) keeps a Session: the same pipeline, whose
// every stage's state (the config, the parsed pages, the Site, the assets,
// the Renderer with its cached list entries, the errors of each file and
// of each page, the output) stays in memory, so that after an edit only
// what the edit touches is done again. What to render again is observed,
// not predicted: while a page renders, the renderer records what it read
// besides its own file (package reads): other pages as their files make
// them, what a page is made of other pages (its list, its topics' pages)
// and when it last changed, the layouts and partials that executed, the
// files of content/ its links point at, the site's lists of every page,
// the stylesheet, and references that found nothing. After an edit:
//
//   - config.toml or i18n/ changed, or the last build could not render at
//     all: everything is built again (Full).
//   - A page changed below its front matter: the file is read again, its
//     page keeps its place in the Site (and its identity, so list entries
//     made from it stay cached), and only that page is rendered: no other
//     page shows a page's body. This is an editor's usual save.
//   - Anything else in content/ (front matter, pages added, removed or
//     renamed, folders, other files): the changed files are read again,
//     the Site is put together anew from the pages read before and these
//     (content.Assemble), and each page's state (deps.go) is compared with
//     the one before. A save of one page's front matter that moves no page
//     (the title, the date, the description; not its address, tags,
//     aliases or draft flag, nor a list's, a law's, a term's or a page
//     that names others) is patched into the Site instead
//     (content.Site.Patch): the page keeps its identity and place, and
//     only the lists it is in are sorted again. The pages whose state changed are rendered, and so is
//     every page that read something that changed. Glossary terms are the
//     one thing found in the text instead: a term links wherever its words
//     are used, so when a term comes, goes or is written differently, the
//     pages of its language whose text holds its words are rendered.
//     A chart's CSV file is read with its page, so a change to it is one
//     to the page.
//   - layouts/ or assets/: the renderer (and the assets) are made again,
//     and the pages that executed a layout or partial whose text changed
//     are rendered; a stylesheet that changed is on every page.
//   - static/: read again; the files that are not pages are placed anew.
//
// An edit that many pages read (a new folder, which is in the menu on
// every page when config.toml has no [[menu]]) is done in two parts, so
// that the preview shows the edited pages at once: UpdateFirst renders the
// pages the edit changed (and readers with errors, which may be mended),
// and Continue the other readers; Update is both. An edit that changes
// more than ownPages pages itself (5 000 pages copied in) has only the
// lists that are new rendered by UpdateFirst; the pages, the lists they
// joined and their readers come from Continue, a part at a time, and
// RenderNow renders any one of them at once, for the preview to serve a
// page a browser asks for (Rebuild.Later lists them).
//
// TestOracle holds a Session to Build after a thousand random edits of
// every kind: its output, its errors and what it says changed are Build's,
// file for file.
//
// The output stages run again, all of them, with every full build, after
// every change to the site's shape (the second kind of edit above) and
// after a change below static/; their files are then placed anew, and
// only those whose bytes changed are in Changed. After an edit below a
// page's front matter only the stages marked Bodies or Text run (the
// search index reads the text, which the render stage hands to the
// stage's Analyze as it parses each body, keeping what Analyze made of
// it, not the text: texts.go), so the usual save stays a page's work when
// no such stage is registered. After any edit UpdateFirst leaves the
// stages that read text to Continue (they count as one in
// Rebuild.Pending), so that the edited page is served before the search
// index is made again. After an edit to pages alone (front matter, pages
// that came or went) it leaves the other stages (the sitemap) and the
// placing of the files that are not pages to Continue too (one more in
// Pending), unless a page now wants a path such a file has, or one did
// before: no page shows those files. A stage's Input.Now is read when it
// runs: a date passing (security.txt's Expires) shows in the preview at
// its next run.
//
// Each build returns the whole Output, a snapshot that does not change
// after, and the output paths whose bytes changed, so that the preview
// can tell each open page whether it changed. A snapshot shares a base
// map of the files with the ones before it and holds only the paths
// changed since (the bytes are shared too), so that an edit's snapshot
// costs what it changed, not the site; and the check's report shares the
// findings of every page the edit did not check again. Continue renders a
// few dozen pages at a time (continuePages), so that a save made while
// it runs waits little; ContinueUntil asks, before every continueStep
// pages, which pages browsers wait for, and renders those next and stops,
// so that a page a browser waits for waits for a few pages, not a part.
package build
