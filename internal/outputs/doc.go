// Package outputs makes the files a published site needs beside its
// pages, each as a Stage that package build runs in every command (torv
// build, serve, check, build -strict): sitemap.xml for search engines
// (above the protocol's 50 000 addresses or 50 MB, an index of
// sitemap-1.xml, sitemap-2.xml … that keep within both; sitemap.go),
// robots.txt pointing at it, the host files, a page at each alias,
// security.txt, and Atom feeds.
//
// The host files say one thing, HostRules (hosts.go): the security headers
// of every response (the Content-Security-Policy every page also carries
// in a meta element, plus frame-ancestors; nosniff, Referrer-Policy,
// Permissions-Policy, Cross-Origin-Opener-Policy and, for https,
// Strict-Transport-Security), a year's caching for the fingerprinted
// files only, the 404 page, and a 301 for each page's alias. Each format
// writes them and nothing else: _headers and _redirects for Netlify and
// Cloudflare Pages (netlify.go), torv-nginx.conf for nginx (nginx.go),
// .htaccess for Apache (apache.go); config.toml's [publish] hosts picks
// the formats. Package hosttest serves a built site with nginx and Apache
// to show that they do what the files say.
//
// At each alias, aliases.go writes a small page that refreshes at once to
// the page and links to it, for hosts that read none of the files.
// securitytxt.go writes /.well-known/security.txt from [security] and
// judges its expiry on Input.Now: a warning 30 days before, an error
// after.
//
// The feeds (feeds.go, atom.go): one per news section and language
// (/nyheder/feed.xml) and one of each language's changes (/feed.xml),
// whose entries carry the pages' text as the renderer made it
// (Input.Content), with absolute addresses. The layouts link to them
// (Feeds, FeedsOf), so a page names a feed exactly when it is written.
//
// Defaults is the list. A new output (a search index, feeds, redirects,
// security.txt) is a Make function in a file of its own here and one
// value added to Defaults: build then places its files with the pages',
// the preview serves them and makes them again after the edits that can
// change them (Stage.Bodies), and its diagnostics are the build's, so
// torv check reports them and build -strict fails on its warnings. A
// stage gets the site, config.toml and the renderer's helpers through
// Input, not the renderer itself: package render imports this one (CSP).
package outputs
