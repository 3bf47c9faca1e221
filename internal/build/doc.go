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
// Write puts an Output into a folder atomically: it writes everything into
// a staging folder beside the destination, then swaps the two with one
// rename (renameat2 RENAME_EXCHANGE on Linux; elsewhere two renames), and
// removes the old tree. A build that fails never touches the destination,
// and a page removed from the content is gone from the output, because the
// output is made anew each time. Write refuses destinations that look like
// a site or a repository (holding config.toml, content/, go.mod or .git),
// so a wrong -destination cannot delete someone's work.
package build
