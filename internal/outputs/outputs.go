package outputs

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/torv/torv/internal/content"
)

// CSP is the Content-Security-Policy of every page: nothing but the site's
// own files, no inline script or style, no plugins, no <base> tricks.
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self' https: mailto:"

// Sitemap lists every page with a URL under baseURL (which must end in
// "/"); without a base URL there is no sitemap.
func Sitemap(site *content.Site, abs func(sitePath string) string) []byte {
	var b bytes.Buffer
	var root bytes.Buffer
	xml.EscapeText(&root, []byte(strings.TrimSuffix(abs("/"), "/")))
	b.Grow(sitemapSize(site, root.Len()))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range site.Pages {
		if p.Kind == content.KindSearch || p.Kind == content.KindLetter {
			continue // the search's pages, not content: the sitemap lists every page they do
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(abs(p.URL)))
		b.WriteString("</loc>")
		if d := p.Updated(); !d.IsZero() {
			b.WriteString("<lastmod>" + d.ISO() + "</lastmod>")
		}
		// A translated page names every language version, itself
		// included, as search engines expect.
		if len(p.Translations) > 0 {
			for _, t := range append([]*content.Page{p}, p.Translations...) {
				b.WriteString(`<xhtml:link rel="alternate" hreflang="` + t.Lang + `" href="`)
				xml.EscapeText(&b, []byte(abs(t.URL)))
				b.WriteString(`"/>`)
			}
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// sitemapSize is about the length of the sitemap, a little more rather
// than less, for addresses that start with root (the site's address,
// escaped as the sitemap writes it): grown by doubling as it was
// written, the sitemap of 30 000 pages (3.6 MB) took 7.5 MB at the end
// of the build, when its heap is largest.
func sitemapSize(site *content.Site, root int) int {
	const (
		page    = len("<url><loc></loc></url>\n")
		lastmod = len("<lastmod></lastmod>")
		alt     = len(`<xhtml:link rel="alternate" hreflang="" href=""/>`)
	)
	n := 512 // the header and the urlset
	for _, p := range site.Pages {
		n += page + root + len(p.URL)
		if d := p.Updated(); !d.IsZero() {
			n += lastmod + len(d.ISO())
		}
		for _, t := range p.Translations {
			n += alt + len(t.Lang) + root + len(t.URL)
		}
		if len(p.Translations) > 0 {
			n += alt + len(p.Lang) + root + len(p.URL)
		}
	}
	return n + n/128 // a site path with & < > written escaped
}

// Robots allows everything and names the sitemap, if there is one.
func Robots(sitemapURL string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if sitemapURL != "" {
		b.WriteString("Sitemap: " + sitemapURL + "\n")
	}
	return []byte(b.String())
}
