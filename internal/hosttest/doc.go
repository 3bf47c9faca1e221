// Package hosttest proves that the host files torv writes work in the web
// servers municipalities run: it builds the example site, serves it with
// Debian's nginx (including torv-nginx.conf) and Apache (reading
// .htaccess, AllowOverride All), each started by the test on loopback
// with a configuration, port, pid file, logs and lock files of its own in
// t.TempDir(), and asks each for a page, a fingerprinted stylesheet, a
// missing page, an old address (an alias), security.txt and the host
// files themselves. Every response must carry every security header
// once, with the value of package outputs' one definition (the
// Content-Security-Policy the pages' meta element has, plus
// frame-ancestors); only the fingerprinted file is cached for a year; the
// missing page is the site's 404 page with status 404; the alias is a 301
// to the page; the host files are not served.
//
// The package has no code of its own; its test is the proof. Without
// nginx or apache2 the test skips and says what to install; with CI=true
// it fails instead (.ci/run installs both).
package hosttest
