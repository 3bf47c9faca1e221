// Package a11y is torv's accessibility, privacy and weight suite: it
// proves in a real browser that every page the default layouts make meets
// WCAG 2.2 AA, works without JavaScript, asks nothing of another origin
// and stays small. The package has no code of its own; its tests are the
// suite, and they run with every other test: go test ./...
//
// # Model
//
// The tests build sites in memory with build.Build and serve the Output
// on loopback with httptest, as a static host would ("/x/" is
// x/index.html, a missing path gets 404.html with status 404), with the
// headers the build's _headers file gives each path, so the browser
// enforces the Content-Security-Policy from the header and from the meta
// element at once. Three sites:
//
//	example        the repository itself (config.toml, content/, layouts/ ...)
//	example+form   the same with [feedback] endpoint set, so the feedback
//	               page shows its form (the example shows the e-mail fallback)
//	corpus         shared/bench/gencorpus.go -n 300 -seed 1 with
//	               bench/config.toml and bench/home.md, as bench/run.sh makes it
//	               (shared/ beside the repository, or $TORV_SHARED)
//
// Chromium is Debian's, started by internal/browsertest and driven with
// chromedp over the DevTools protocol: one test command, no Node.js test
// runner. axe-core and the Nu Html Checker come from npm (package.json,
// package-lock.json; npm ci) and are only files: axe.min.js is evaluated
// in each loaded page, vnu.jar is run with java -jar. Without Chromium,
// node_modules or Java a test skips and says what to install; with CI=true
// it fails instead.
//
// One browser serves a test; several tabs audit pages at once. Modes
// (width, colour scheme, reduced motion, forced colours, print) are
// switched with Emulation.setDeviceMetricsOverride and setEmulatedMedia on
// the loaded page, so a page is loaded and axe injected once for all of
// them. The suite's own checks are in testdata/checks.js; the Go side
// decides what fails and reports each finding once, with the pages and
// modes it was found in. TestChecksFail serves pages broken on purpose and
// requires every check to catch its fault, so no check passes by being
// unable to fail.
//
// # Checks
//
// TestAudit, on every page of all three sites (423 pages):
//
//   - axe-core with the tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa
//     and best-practice, the full set in each of light 1280, dark 1280,
//     dark 320 and light 320 px.
//   - Reflow (1.4.10): at 320 px the document is no wider than the viewport.
//   - Target size (2.5.8): every link and control that is not inline in
//     text of its own block is at least 24×24 CSS px (axe's target-size
//     rule covers the spacing exception for the rest).
//   - Chart shapes stand out 3:1 from the background (1.4.11), in every mode.
//   - Text spacing (1.4.12): with line height 1.5, paragraph spacing 2em,
//     letter spacing .12em and word spacing .16em (an inspector stylesheet,
//     outside the CSP like a user's), at 320 and 1280 px, no text is cut off
//     by an overflow:hidden box or an SVG viewport, no text overlaps other
//     text, and nothing scrolls sideways.
//   - Text at 200 % (1.4.4): the browser's default font size doubled, as a
//     user's text-only zoom does, at 1280 px: the same as for text spacing.
//   - prefers-reduced-motion: reduce: no running animation, no style rule
//     in effect that animates or transitions an element, no smooth scrolling.
//   - forced-colors: active: every element whose edge was visible (a
//     border, or a background 3:1 from what is behind it) keeps a visible
//     edge, chart shapes keep 3:1, and no element opts out of the user's
//     colours with forced-color-adjust: none.
//   - Print: navigation, the skip link and forms are not printed; links in
//     the content to other sites print their address.
//   - Privacy and CSP: over the whole load, every request goes to the
//     site's own origin (data: URLs aside), no subresource fails, no
//     securitypolicyviolation event fires, and the console logs no error
//     or warning.
//
// TestValidHTML: every page passes the Nu Html Checker with no error
// (one java run for all pages), the pages at old addresses too.
//
// TestAliasPages: the page at each old address (a page's alias, which
// refreshes at once to the page) takes the browser to the page under the
// CSP, and passes the audit with its refresh taken out. The other browser
// tests leave these pages out (site.moved): the refresh would take a tab
// away in the middle of a test.
//
// TestJSONLD: a page of each kind of schema.org JSON-LD (package jsonld)
// loads with its one <script type="application/ld+json"> block readable
// as JSON and no CSP violation: it is data, which the policy without
// 'unsafe-inline' allows; fixtures show an inline script is reported.
//
// TestKeyboard, on the home page, a law explainer, a place and the
// feedback form, in light and dark at 1280 px, in forced colours and at
// 320 px, pressing real Tab and Enter keys:
//
//   - the first Tab reaches the skip link; Enter on it puts focus on
//     <main> (#main), and the next Tab reaches the first link after it;
//   - Tab reaches every focusable element once, in document order (a
//     radio group is one stop), and no tabindex is above 0; at 320 px,
//     where the layout is one column, each stop is below or right of the
//     one before, so the order follows what is read;
//   - each focused element matches :focus-visible, is in view once
//     scrolling has come to rest, and is not entirely covered by another
//     element (2.4.11);
//   - each has a visible focus indicator: screenshots of the element with
//     and without focus must differ, at 3:1 or more, in at least as many
//     pixels as a one-pixel line around it (2.4.7 with 1.4.11). Elements
//     that look alike with focus on the same background are compared once
//     a page.
//
// TestNoJavaScript: with JavaScript switched off, a crawl from the home
// page following every link reaches every page (404.html aside), every page
// loads, every #fragment linked to exists, and the example's pages show the
// same text as with JavaScript; the feedback form shows all its fields.
//
// TestCSP: every page's meta element and the _headers entry for its path
// carry a policy with default-src 'self', object-src 'none', base-uri
// 'self' and no 'unsafe-inline', 'unsafe-eval' or *.
//
// TestWeight: every page of the example site, in the browser, loads
// exactly one stylesheet, named with its content's hash and guarded by
// Subresource Integrity, no font, and only files the build wrote; HTML + CSS
// + JS, gzip-compressed, is at most 30 KB. go test -v prints every page's
// bytes.
//
// TestScreenshots: PNGs of the five key pages at 320 and 1280 px, light
// and dark, whole and first screen, in $TORV_SCREENSHOTS (default
// torv-screenshots in the system's temporary folder). The README shows
// four of them, from docs/screenshots/ (first screens, made smaller with
// pngquant).
//
// # Not covered
//
// What no automated check can say is left to people: whether text is
// plain, whether alt text and link text make sense, how a screen reader
// reads a page. axe's "incomplete" results (things it cannot decide) are
// not reported. Forced colours are Chromium's emulation, not Windows'
// own high-contrast themes.
//
// # Working on it
//
//	TORV_A11Y_ONLY='example /lov/'  audit only pages whose "site path" matches
//	TORV_SCREENSHOTS=DIR            where screenshots go
//	TORV_DEBUG=1                    time each phase of the audit
package a11y
