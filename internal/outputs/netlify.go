package outputs

import "strings"

// netlifyStage writes _headers and _redirects, the files Netlify and
// Cloudflare Pages read from the top of the published folder (and do not
// publish). Both hosts send a file's headers on every response of its
// path, 404 pages and redirects included. A redirect whose old address
// has a file (the alias page aliases.go writes) is followed by Cloudflare
// Pages always; Netlify serves the file instead unless the rule is forced
// with "301!", which Cloudflare does not read, so the rule is the plain
// one both read, and on Netlify the alias page's instant refresh takes
// the reader on.
func netlifyStage() Stage {
	return hostStage("_headers", []string{"netlify", "cloudflare"}, func(r *HostRules) []File {
		return []File{{Path: HeadersFile, Bytes: NetlifyHeaders(r)}, {Path: RedirectsFile, Bytes: NetlifyRedirects(r)}}
	})
}

// NetlifyHeaders is the _headers file of r: the security headers for
// every path below the site's, long caching for each fingerprinted file.
func NetlifyHeaders(r *HostRules) []byte {
	var b strings.Builder
	b.WriteString(banner("#", "Netlify and Cloudflare Pages send these headers (the _headers format)."))
	b.WriteString(r.Base + "*\n")
	for _, h := range r.Headers {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
	for _, p := range r.Immutable {
		b.WriteString(p + "\n  Cache-Control: " + CacheImmutable + "\n")
	}
	return []byte(b.String())
}

// NetlifyRedirects is the _redirects file of r: one permanent redirect
// per alias.
func NetlifyRedirects(r *HostRules) []byte {
	var b strings.Builder
	b.WriteString(banner("#", "Netlify and Cloudflare Pages follow these redirects (the _redirects format):\nthe pages' old addresses, from their aliases."))
	for _, m := range r.Moves {
		b.WriteString(m.From + " " + m.To + " 301\n")
	}
	return []byte(b.String())
}
