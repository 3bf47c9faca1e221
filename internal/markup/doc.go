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
// Our own Markdown extensions each live in a file of their own in this
// package, in the shape of goldmark's extension/ package. They take what
// they know about the site from each conversion's Input (ConvertWith,
// InlineWith, CheckWith), not from the converter, so that one goldmark
// serves every page of a build; Convert, ConvertShifted, Inline and Check
// are ConvertWith and the rest with only a LinkFunc.
//
// Law citations (cite.go). A link to lov:ID cites the law explainer with
// that id (its file name, or its id key); law: and lag: are the same:
//
//	Læs [](lov:sygedagpenge).              the law's short title: "Sygedagpengeloven § 7"
//	Læs om [din ret](lov:sygedagpenge).    the editor's own text
//	Se [fristen](lov:sygedagpenge#frist).  a heading of the explainer
//
// Where the link goes is the LinkFunc's answer, as for any link (the build
// resolves lov: in content.Site.ResolveLink, so torv check follows it too).
// A citation without text gets the law's short title from the Input's
// CiteFunc, marked with lang when the explainer is in another language
// than the page. An unknown id is an error at the link: unknown law
// "sygdagpenge", with the closest id as the hint. torv check's inspector
// sees the citation as written, without the title.
//
// Words in another language (lang.go). [sagsbehandler]{lang=da} is
// <span lang="da">sagsbehandler</span>, Pandoc's syntax for a span with an
// attribute, so a screen reader reads the word in its own language (WCAG
// 3.1.2); raw HTML is off. A code that is not a language code is a warning
// and the text stays as written. Glossary terms are not looked for inside.
//
// Glossary links (glossary.go). The first use of each glossary term in a
// page's running text (its title or an alias, as whole words, in any case;
// an abbreviation such as "CPR" only in capitals) becomes a link to the
// term's page, and an abbreviation is also marked <abbr>. Headings, links,
// code, images' alt text and table headers are not running text; a term
// the page links already is not linked again, nor a term on its own page,
// nor anything in front-matter strings (Inline). Each language has its
// own Glossary, built once per build; matching costs a map look-up per
// word, whatever the glossary's size (BenchmarkGlossary).
package markup
