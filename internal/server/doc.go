// Package server is torv's preview: it builds a site in memory, serves it
// over HTTP on the editor's own machine, and keeps every open page up to
// date while the editor writes.
//
// # Serving
//
// The server holds the Output of the last build that succeeded and the
// diagnostics of the last build. It never reads public/ and never serves a
// file that is not in the Output: request paths are cleaned, and paths
// holding "..", encoded slashes or backslashes are refused with 404. It
// answers only requests whose Host is an address of its own (an IP address
// or localhost, at the port it listens on), so a web page cannot reach the
// preview through a DNS name pointed at the editor's machine.
//
// Every HTML page is served with the live-reload script added before
// </body> (with ShowFindings, after the findings panel; see Findings):
//
//	<script src="/__torv/live.js" data-torv-build="RUN.GEN"></script>
//
// The script is a file of this package (live.js), embedded in the binary
// and served only by the preview at /__torv/, so it is never part of a
// built site; as a script file of the page's own origin, the pages'
// Content-Security-Policy (default-src 'self') allows it. RUN names this
// run of the server and GEN the build the page came from.
//
// # Rebuilding
//
// Package watch reports batches of changed files; for each, the server
// asks its build.Session to update (an edit to a page re-renders the pages
// that show it; a layout or config.toml edit rebuilds everything) and
// compares the new Output with the one it replaces, path by path. Each
// output path remembers the build in which its bytes last changed. What
// an edit leaves for later (the search index after a save, every page's
// menu after a new folder) starts Breather (60 ms) after the edit's first
// part is served, so that the reload that part asked for finds the cores
// free; a batch that comes in the meantime goes first. The pages of a
// batch too large to render at once (5 000 pages copied in) are among
// what is left for later; a request for one of them renders it on the
// spot (Session.RenderNow), so a browser never waits for the others: the
// later part under way when it comes renders it after its step of a few
// pages and stops there (Session.ContinueUntil).
//
// # Live reload
//
// The script opens a Server-Sent Events stream,
// /__torv/events?path=PAGE&build=RUN.GEN. The stream refuses (403) a
// request whose Host is not the preview's own or whose Origin (when sent)
// is another; no websocket is needed. On connecting, and after every
// build, the server sends the page one event:
//
//	event: update   data: {"reload": true}     the page changed since it was served: reload,
//	                                            keeping the scroll position
//	event: update   data: {"css": {"old", "href", "integrity"}}
//	                                            only the stylesheet changed: swap the
//	                                            <link>, no reload
//	event: update   data: {"reload": false}    the page did not change (an overlay goes)
//	event: errors   data: {report}             the build failed: show the overlay
//
// A page from another run of the server reloads at once.
//
// # Errors
//
// When a build fails, every open page shows an overlay over the last good
// version of the page, which the server keeps serving. The overlay lists
// every error and warning with its file, line and column, the line of the
// file with a ^ under the column, the message and the fix. Its own words
// (the heading, the explanation) are in the site's language (da, sv, nb or
// en, kept in this package); the messages are the same as in the terminal.
// It is built in a shadow root with a stylesheet of its own
// (/__torv/overlay.css), so the page's CSS neither breaks it nor is needed
// by it; it is an alertdialog with a heading, and focus moves to it, so a
// screen reader reads it at once; Escape or its button hides it. When the
// build succeeds again, the overlay goes and a page that changed reloads.
//
// Before any build has succeeded there is no page to show the overlay
// over: page requests are answered with an error page with the same list
// that needs neither JavaScript nor the site's CSS, and reloads itself when
// the site builds.
//
// The terminal shows each error and warning once, when it first appears,
// and a line per build; the pages an edit leaves for later (a new folder
// is in every page's menu), rendered a few dozen at a time so that the
// next save need not wait for them all, get one line when the last is
// done. A build that changed no page but other files (the search index
// after a save, a static file) names the files it updated ("Updated
// search/da/index.json, ... in 90ms") instead of "Built 0 pages", which
// reads as if the save had been lost.
//
// # Findings
//
// With ShowFindings (torv serve does it unless -check=false), every page
// made from a file of the site also gets torv check's findings for that
// page, before the script: check.Panel's fragment, a <details> element at
// the bottom of the window that folds away without JavaScript, with the
// page's LIX and band, its hardest sentences, each finding with its rule
// and fix and the build's own warnings about the file, each at its
// file:line:col, which links to the editor config.toml's [check] editor
// names. Its stylesheet is served at /__torv/check.css, like overlay.css a
// file of the page's own origin, so the Content-Security-Policy allows it
// unchanged; the fragment has no inline script or style. Like the script,
// the panel is added to the response only, never to the Output, so it
// never reaches a built site.
//
// The findings are the build's own: the preview's Session runs the check
// stage (build.Options.Check) on each page's tree while the render stage
// has it, and every build's snapshot holds the report. The panel keeps no
// site and parses nothing: it writes a page's report as HTML when the page
// is asked for, and keeps it until the next build that succeeds
// (panel.go).
package server
