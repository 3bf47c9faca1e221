// Package assets prepares a site's stylesheets, scripts and other static
// files for publishing.
//
// # Model
//
// Assets are read from the layered file system's assets/ folder (the
// site's own over the defaults in the binary):
//
//	assets/css/*.css   minified one by one, joined in name order into one
//	                   stylesheet css/style.<hash>.css: one request, and
//	                   each file's errors keep their own line numbers
//	assets/js/*.js     each minified to js/<name>.<hash>.js
//	everything else    copied as it is to the same path (images, icons)
//
// <hash> is the first 8 hex digits of the SHA-256 of the minified bytes,
// so a changed file gets a new name and can be cached for ever, and every
// stylesheet and script carries a Subresource Integrity value (sha384) for
// its <link> or <script> element.
//
// Minifier errors carry tdewolff/parse's line and column, which become a
// diag.Error at the asset's file.
package assets
