// Package outputs makes the files a published site needs beside its
// pages, each as a Stage that package build runs in every command (torv
// build, serve, check, build -strict): sitemap.xml for search engines,
// robots.txt pointing at it, and a _headers file that static hosts
// (Netlify, Cloudflare Pages and others that read the format) turn into
// HTTP headers, so the Content-Security-Policy that every page also
// carries in a meta element is sent as a real header where the host
// allows it; and Atom feeds (feeds.go, atom.go): one per news section and
// language (/nyheder/feed.xml) and one of each language's changes
// (/feed.xml), whose entries carry the pages' text as the renderer made it
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
