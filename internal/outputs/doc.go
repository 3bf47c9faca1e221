// Package outputs makes the files a published site needs beside its pages:
// sitemap.xml for search engines, robots.txt pointing at it, and a _headers
// file that static hosts (Netlify, Cloudflare Pages and others that read
// the format) turn into HTTP headers, so the Content-Security-Policy that
// every page also carries in a meta element is sent as a real header where
// the host allows it.
package outputs
