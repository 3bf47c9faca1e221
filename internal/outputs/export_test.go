package outputs

// SitemapsWithin makes the sitemap files with other limits than the
// protocol's, so that a test can cross them with a few pages.
var SitemapsWithin = sitemaps
