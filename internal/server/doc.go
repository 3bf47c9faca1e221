// Package server is torv's preview: it builds a site in memory and serves
// it over HTTP on the editor's own machine.
//
// # Model
//
// The server holds the Output of the last successful build and the
// diagnostics of the last build. It never reads public/ and never serves a
// file that is not in the Output: request paths are cleaned, and paths
// holding "..", encoded slashes or backslashes are refused with 404.
//
// Before answering a request for a page, the server checks whether any file
// of the site (config.toml, content/, layouts/, assets/, i18n/) changed
// since the last build, by size and modification time, and rebuilds if so.
// An editor saves, reloads the browser and sees the change. (Watching with
// fsnotify and live reload replace this check in a later version.)
//
// When the last build failed, every page request is answered with a page
// that lists each error with its file, line, column and fix, so the editor
// sees the mistake where they look, not only in the terminal. It needs no
// JavaScript and no CSS of the site's.
package server
