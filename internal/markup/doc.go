// Package markup turns an editor's Markdown into HTML with goldmark, built
// once per build and shared by every render worker.
//
// # Set-up
//
// CommonMark plus GFM tables and strikethrough. Raw HTML is off: an editor's
// <script> or <font> never reaches a citizen, and each piece of raw HTML is
// reported as a warning at its line so that the editor knows why it is
// missing (HTML comments, for notes to colleagues, pass silently). Heading
// ids are made by the same rule as URLs (ø becomes oe), so anchors are
// stable and readable.
//
// # Links
//
// Every link and image destination goes through the LinkFunc of the page
// being converted. The build's LinkFunc accepts content paths
// ("../lov/sygedagpenge.md"), site paths ("/lov/sygedagpenge/") and paths
// relative to the page, rewrites them to the published URL (with the base
// URL's path) and says whether the target exists. A link to a page that
// does not exist is an error at the link's line and column: positions come
// from goldmark's segments, which are byte offsets into the body, and the
// body has its front matter blanked, so offsets are offsets in the file.
//
// # Extensions
//
// Our own Markdown extensions (law references, glossary terms, callouts)
// will each live in a file of their own in this package, in the shape of
// goldmark's extension/ package.
package markup
