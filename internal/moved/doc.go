// Package moved notices pages whose address changed since the last build,
// so that an editor who renames a page keeps the old address working:
// letters to citizens print addresses, and a link that worked last year
// must work now.
//
// torv build records each page's source file, address and title in the
// output's manifest (package outdir). The next build compares: a page
// whose file is still there at another address, or a page that is new
// since the last build with the title of one that is gone (a renamed
// file), gets a warning at its file that names the old address and the
// exact line to add to its front matter:
//
//	content/kontakt-os.md:1:1: warning: the page's address was /kontakt/ in the last build and is /kontakt-os/ now; links and letters with the old address will break (add aliases = ["/kontakt/"] to the front matter, or build again to accept the change)
//
// A law explainer whose id came from its file name has another id after
// the rename, and the citations of the old one ([](lov:x)) find no law:
// its warning adds the id line that keeps it.
//
// An old address that some page has now, or that an alias keeps, is
// fine. A page that is gone without a successor is not reported: removing
// a page is a choice. The warning is a warning: it fails build -strict,
// and the next build no longer compares with the address before, since
// the manifest then holds the new one.
package moved
