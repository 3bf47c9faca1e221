// Package build runs torv's one pipeline: a site folder in, a complete
// published site out, either written to a folder or kept in memory.
//
// # Pipeline
//
//	site fs.FS ─► config.Parse ─► content.Load ─► assets.Build ─► render (all cores) ─► Output
//	                                                      static/ ─────────────────────────┘
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
// Write puts an Output into a folder atomically. It keeps a hidden spare
// tree beside the destination (".public.torv-spare") that holds the output
// of the build before; it brings the spare up to date (rewriting only the
// files whose bytes differ, deleting those the new output lacks), then
// exchanges spare and destination with one rename (renameat2
// RENAME_EXCHANGE on Linux; elsewhere three renames). A build that fails
// never touches the destination, and a page removed from the content is
// gone from the output. The spare costs one more copy of the site on disk
// and saves time: on a 10 000-page site, creating and deleting every file
// costs more than rendering them, while comparing them costs little. It may
// be deleted at any time. Write refuses destinations that look like a site
// or a repository (holding config.toml, content/, go.mod or .git), so a
// wrong -destination cannot delete someone's work.
//
// # Incremental builds
//
// The preview (package server) keeps a Session instead of calling Build:
// the same pipeline, whose every stage's state (the config, the parsed
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
