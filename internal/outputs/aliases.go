package outputs

import (
	"html"
	"path"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// aliasPages writes, for each page's alias, a small page at the old
// address that takes the reader on to the page: a host that reads none of
// the redirect files (GitHub Pages, a plain file server) still brings an
// old link to the right page. It refreshes at once, which WCAG allows
// (F41 is about timed refreshes), and shows a link for a browser that
// does not follow the refresh; search engines are told not to index it
// (and read an instant refresh as a permanent redirect).
func aliasPages(in *Input) ([]File, diag.List) {
	var files []File
	var errs diag.List
	for _, r := range in.Site.Redirects() {
		name := AliasFile(r.From)
		if name == "" {
			continue // another kind of file (/side.aspx): the host files redirect it
		}
		b, err := AliasPage(in, r.Page)
		if err != nil {
			line, col := r.Page.Pos("aliases")
			errs.Add(diag.Errorf(r.Page.File, line, col, "cannot write the page at alias %s: %v", r.From, err))
			continue
		}
		files = append(files, File{Path: name, Bytes: b})
	}
	return files, errs
}

// AliasFile is the output file of the page at an alias: index.html in
// its folder for "/gammel/" and "/gammel", the file itself for
// "/gammel.html"; "" for an address whose name says it is another kind of
// file ("/side.aspx"), which a host would serve with that kind's type.
func AliasFile(alias string) string {
	p := strings.Trim(alias, "/")
	switch ext := path.Ext(p); {
	case strings.HasSuffix(alias, "/") || ext == "":
		return p + "/index.html"
	case ext == ".html" || ext == ".htm":
		return p
	}
	return ""
}

// AliasPage is the page at an old address of p.
func AliasPage(in *Input, p *content.Page) ([]byte, error) {
	title, err := in.T(p.Lang, "moved_title")
	if err != nil {
		return nil, err
	}
	link, err := in.T(p.Lang, "moved_link")
	if err != nil {
		return nil, err
	}
	to := html.EscapeString(in.URL(p.URL))
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(p.Lang) + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + html.EscapeString(CSP) + "\">\n")
	b.WriteString("<meta http-equiv=\"refresh\" content=\"0; url=" + to + "\">\n")
	b.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	b.WriteString("<link rel=\"icon\" href=\"data:,\">\n") // as every page: no request for /favicon.ico
	b.WriteString("<title>" + html.EscapeString(title+": "+p.Title()) + "</title>\n</head>\n<body>\n<main>\n")
	b.WriteString("<h1>" + html.EscapeString(title) + "</h1>\n")
	b.WriteString("<p>" + html.EscapeString(link) + " <a href=\"" + to + "\">" + html.EscapeString(p.Title()) + "</a></p>\n")
	b.WriteString("</main>\n</body>\n</html>\n")
	return []byte(b.String()), nil
}
