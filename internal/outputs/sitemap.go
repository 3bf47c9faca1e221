package outputs

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/torv/torv/internal/content"
)

// The sitemaps protocol (sitemaps.org) lets one sitemap list at most
// 50 000 addresses in at most 50 MB (52 428 800 bytes, uncompressed).
// Search engines ignore a larger one, so a site above either limit gets
// sitemap.xml as a sitemap index naming sitemap-1.xml, sitemap-2.xml …,
// each within both.
const (
	maxSitemapURLs  = 50_000
	maxSitemapBytes = 50 << 20
)

const (
	urlsetOpen  = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	urlsetClose = "</urlset>\n"
)

// Sitemaps are the site's sitemap files: sitemap.xml listing every page
// with its full address (abs), or, for a site above one sitemap's limits,
// sitemap.xml naming the parts that do.
func Sitemaps(site *content.Site, abs func(sitePath string) string) []File {
	return sitemaps(site, abs, maxSitemapURLs, maxSitemapBytes)
}

// sitemaps makes the sitemap files with at most maxURLs addresses and
// maxBytes bytes in each.
func sitemaps(site *content.Site, abs func(sitePath string) string, maxURLs, maxBytes int) []File {
	var root bytes.Buffer
	xml.EscapeText(&root, []byte(strings.TrimSuffix(abs("/"), "/")))
	pages := make([]*content.Page, 0, len(site.Pages))
	for _, p := range site.Pages {
		if p.Kind != content.KindSearch && p.Kind != content.KindLetter {
			pages = append(pages, p) // the search's pages are not content: the sitemap lists every page they do
		}
	}
	var parts []sitemapPart
	for { // once at least: a site of no pages has an empty urlset
		part := writeURLs(pages, abs, root.Len(), maxURLs, maxBytes)
		parts, pages = append(parts, part), pages[part.n:]
		if len(pages) == 0 {
			break
		}
	}
	if len(parts) == 1 {
		return []File{{Path: "sitemap.xml", Bytes: parts[0].b}}
	}
	files := make([]File, 1, 1+len(parts)) // sitemap.xml, the index, first
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i, part := range parts {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		index.WriteString("<sitemap><loc>")
		xml.EscapeText(&index, []byte(abs("/"+name)))
		index.WriteString("</loc>")
		if !part.lastmod.IsZero() {
			index.WriteString("<lastmod>" + part.lastmod.ISO() + "</lastmod>")
		}
		index.WriteString("</sitemap>\n")
		files = append(files, File{Path: name, Bytes: part.b})
	}
	index.WriteString("</sitemapindex>\n")
	files[0] = File{Path: "sitemap.xml", Bytes: index.Bytes()}
	return files
}

// sitemapPart is one urlset: its bytes, how many of the pages it lists,
// and the newest date among them (the index's lastmod).
type sitemapPart struct {
	b       []byte
	n       int
	lastmod content.Date
}

// writeURLs writes a urlset of the first pages that fit in maxURLs
// addresses and maxBytes bytes, and at least one. root is the length of
// the site's escaped address, for sizing the buffer once.
func writeURLs(pages []*content.Page, abs func(string) string, root, maxURLs, maxBytes int) sitemapPart {
	var part sitemapPart
	var b, url bytes.Buffer
	b.Grow(urlsetSize(pages, root, maxURLs, maxBytes))
	b.WriteString(xml.Header)
	b.WriteString(urlsetOpen)
	for _, p := range pages {
		if part.n == maxURLs {
			break
		}
		url.Reset()
		d := writeURL(&url, p, abs)
		if part.n > 0 && b.Len()+url.Len()+len(urlsetClose) > maxBytes {
			break
		}
		b.Write(url.Bytes())
		part.n++
		if d.After(part.lastmod.Time) {
			part.lastmod = d
		}
	}
	b.WriteString(urlsetClose)
	part.b = b.Bytes()
	return part
}

// writeURL writes p's url element and returns its date.
func writeURL(b *bytes.Buffer, p *content.Page, abs func(string) string) content.Date {
	b.WriteString("<url><loc>")
	xml.EscapeText(b, []byte(abs(p.URL)))
	b.WriteString("</loc>")
	d := p.Updated()
	if !d.IsZero() {
		b.WriteString("<lastmod>" + d.ISO() + "</lastmod>")
	}
	// A translated page names every language version, itself included,
	// as search engines expect.
	if len(p.Translations) > 0 {
		for _, t := range append([]*content.Page{p}, p.Translations...) {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="` + t.Lang + `" href="`)
			xml.EscapeText(b, []byte(abs(t.URL)))
			b.WriteString(`"/>`)
		}
	}
	b.WriteString("</url>\n")
	return d
}

// urlsetSize is about the length of the urlset of the first pages that
// fit, a little more rather than less, for addresses that start with
// root bytes (the site's address, escaped): grown by doubling as it was
// written, the sitemap of 30 000 pages (3.6 MB) took 7.5 MB at the end
// of the build, when its heap is largest.
func urlsetSize(pages []*content.Page, root, maxURLs, maxBytes int) int {
	const (
		page    = len("<url><loc></loc></url>\n")
		lastmod = len("<lastmod></lastmod>")
		alt     = len(`<xhtml:link rel="alternate" hreflang="" href=""/>`)
	)
	n := len(xml.Header) + len(urlsetOpen) + len(urlsetClose)
	for i, p := range pages {
		if i == maxURLs || n >= maxBytes {
			break
		}
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
	return min(n+n/128, maxBytes) // a site path with & < > written escaped
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
