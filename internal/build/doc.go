// Package build runs torv's one pipeline: a site folder in, a complete
// published site out, either handed to a Sink as it is made (torv build),
// kept in memory (the preview, tests), or only checked (torv check).
//
// # Pipeline
//
//	configure ─► load ─► prepare ─► render (all cores) ─► site files ─► finish
//	config.toml  content/  assets,     pages, minified,     assets, sitemap,  the snapshot:
//	-baseurl     static/   check,      checked on their     robots, _headers, Diags, Check,
//	                       renderer    trees                content/, static/ Output
//
// Each stage is written once, as a method of Session (stages.go,
// static.go, session.go), and every command runs them: Build is a
// Session's one build; the preview keeps a Session and runs again, after
// an edit, only the stages and pages the edit touches (update.go);
// torv check sets Options.CheckOnly, which renders a sample of pages and
// only reads the bodies of the others (sample.go), and keeps no output.
// With Options.Check the check stage (checkstage.go) runs torv check's
// rules on each page's tree while the render stage has it, and the
// snapshot's Check feeds torv check, build -strict and the preview's
// findings panel. A new output is a new stage here, and every command
// then makes it.
//
// Build reads the site through an fs.FS: the content, static/ and
// config.toml from the site folder, and layouts/, assets/ and i18n/ through
// an overlay of the
// site folder on the defaults embedded in the binary, so that tests
// (fstest.MapFS), the example site and a municipality's fork go through one
// path. goldmark and the minifier are made once per build and shared by the
// render workers, one per core.
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
// Its files are the pages, the files torv makes (the assets, sitemap.xml,
// robots.txt, _headers), the files of content/ that are not pages, and
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
// output, and outdir stages and swaps it atomically. Such a build keeps
// nothing for a later one either (lean.go): each page's Markdown is
// released as soon as its file is read and read again for its render (the
// front matter's text, kept for positions, once the Site is assembled), and
// the link index that only an incremental build uses is not made, so its
// memory is the site's structure and the pages in hand. With the check
// (build -strict) the bodies stay, as the check's rules read other pages'.
//
// # Incremental builds
//
// The preview (package server) keeps a Session: the same pipeline, whose every stage's state (the config, the parsed
// pages, the Site, the assets, the Renderer with its cached list entries,
// the errors of each file and of each page, the output) stays in memory,
// so that after an edit only what the edit touches is done again. A test
// holds a Session to Build: after each of a series of edits to the example
// site, its output and its errors are Build's, file for file.
//
//   - config.toml, layouts/, assets/ or i18n/ changed, or the last build
//     could not render at all: everything is built again (Full).
//   - A page changed below its front matter: the file is read again, its
//     page keeps its place in the Site (and its identity, so list entries
//     made from it stay cached), and only that page is rendered. This is
//     an editor's usual save: on a 10 000-page site it takes about a
//     millisecond.
//   - Anything else in content/ (front matter, pages added, removed or
//     renamed, folders, other files): the changed files are read again and
//     the Site is put together anew from the pages read before and these
//     (content.Assemble); then the pages that show a changed page are
//     rendered, in the Site before and after the change: the page itself,
//     its folder's list page, its topics' pages and the topic index, pages
//     that name it in their front matter (the home page's featured, a
//     theme's initiatives, an initiative's theme), and, for a page that
//     appeared or went away, every page whose Markdown links to it (an
//     index of the last path segment of every link destination, so links
//     to a missing page are reported as Build reports them). Some changes
//     show on every page, and then every page is rendered: a list page's
//     front matter (breadcrumbs, menu), a folder appearing or going away,
//     a glossary term or a law (any text may cite them), a page named by
//     config.toml or by a layout's page "x", and any change when a layout
//     reads the site's page lists (.Site.Pages, .Site.Topics, ...). When
//     unsure, render more: correctness first.
//
// Each build returns the whole Output (a copy of the map; the bytes are
// shared) and the output paths whose bytes changed, so that the preview can
// tell each open page whether it changed.
package build
