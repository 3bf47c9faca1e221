// Package build runs torv's one pipeline: a site folder in, a complete
// published site out, either written to a folder or kept in memory.
//
// # Pipeline
//
//	site fs.FS ─► config.Parse ─► content.Load ─► assets.Build ─► render (all cores) ─► Output
//
// Build reads the site through an fs.FS: the content and config.toml from
// the site folder, and layouts/, assets/ and i18n/ through an overlay of the
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
package build
