package torv_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
)

// TestExampleSite builds the repository's own example site: it must build
// with no error and no warning, have at least 40 pages from content/, and
// every link and resource reference in its HTML must point at a file the
// build wrote.
func TestExampleSite(t *testing.T) {
	res := build.Build(os.DirFS("."), torv.Defaults(), build.Options{Strict: true, Now: exampleDay})
	if len(res.Diags) > 0 {
		t.Fatalf("the example site has problems:\n%s", res.Diags.Error())
	}
	fromFiles := 0
	for _, p := range res.Site.Pages {
		if p.File != "" {
			fromFiles++
		}
	}
	if fromFiles < 40 {
		t.Errorf("the example site has %d pages from content/; it should have at least 40", fromFiles)
	}
	checkLinks(t, res.Output, "/")
	checkSelfContained(t, res.Output)
}

// exampleDay is the day the example site's dates are judged on: its
// security.txt expires and its pages' review_by dates are warned about as
// they come near, and with Strict a warning fails the test. Judged on the
// day the tests run, the suite would turn red on a calendar date with no
// change to the code; the warnings themselves are tested on sites of their
// own (cmd/torv/security_test.go, package check). Move it forward when the
// example's dates are renewed.
var exampleDay = time.Date(2026, time.December, 5, 12, 0, 0, 0, time.UTC)

var (
	inlineScript = regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`)
	scriptTag    = regexp.MustCompile(`<script\b[^>]*>`)
	enhancement  = regexp.MustCompile(`^<script(?:\s+(?:src|integrity)="[^"]*"|\s+defer)+>$`)
	styleAttr    = regexp.MustCompile(`\sstyle=`)
	handlerAttr  = regexp.MustCompile(`\son[a-z]+=`)
	alternate    = regexp.MustCompile(`^<link\s[^>]*rel="?alternate"?[\s>]`)
	jsonLD       = regexp.MustCompile(`<script type="?application/ld\+json"?>([^<]*)</script>`)
	resourceRef  = regexp.MustCompile(`<(?:link|script|img|iframe|source|video|audio|embed|object)\b[^>]*\s(?:href|src|srcset|data)="([^"]*)"`)
)

// checkSelfContained asserts promise 2 of the design: no inline script or
// style (so a strict Content-Security-Policy holds), no JavaScript needed,
// and nothing loaded from another origin.
func checkSelfContained(t *testing.T, out *build.Output) {
	t.Helper()
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		b, _ := out.Get(p)
		// JSON-LD is data, which a browser does not run: it must be
		// JSON, and is then no script to the checks below.
		for _, m := range jsonLD.FindAllSubmatch(b, -1) {
			if !json.Valid(m[1]) {
				t.Errorf("%s has JSON-LD that is not JSON: %s", p, m[1])
			}
		}
		b = jsonLD.ReplaceAll(b, nil)
		switch {
		case slices.ContainsFunc(scriptTag.FindAll(b, -1), func(tag []byte) bool {
			// Only a deferred file with an integrity value may enhance
			// a page (open-now.js on places); nothing may wait for it.
			return !enhancement.Match(tag) || !bytes.Contains(tag, []byte(" src=")) ||
				!bytes.Contains(tag, []byte(" defer")) || !bytes.Contains(tag, []byte(" integrity="))
		}):
			t.Errorf("%s has a <script> element that is not a deferred file with an integrity value; default pages need no JavaScript", p)
		case inlineScript.Match(b):
			t.Errorf("%s has an inline script", p)
		case strings.Contains(string(b), "<style"):
			t.Errorf("%s has a <style> element", p)
		case styleAttr.Match(b):
			t.Errorf("%s has a style attribute", p)
		case handlerAttr.Match(b):
			t.Errorf("%s has an event handler attribute", p)
		case !strings.Contains(string(b), `http-equiv="Content-Security-Policy"`) && !strings.Contains(string(b), `http-equiv=Content-Security-Policy`):
			t.Errorf("%s has no Content-Security-Policy", p)
		}
		for _, m := range resourceRef.FindAllSubmatch(b, -1) {
			if alternate.Match(m[0]) {
				continue // names the page in another language; nothing loads it
			}
			// data: makes no request (an empty favicon keeps browsers
			// from asking for /favicon.ico); anything with a host does.
			if u, err := url.Parse(string(m[1])); err != nil || u.Host != "" || (u.Scheme != "" && u.Scheme != "data") {
				t.Errorf("%s loads %s from another origin", p, m[1])
			}
		}
	}
}

// TestExampleSiteInSubfolder publishes the example under a path, as a
// municipality does that puts it at https://www.fjordby.dk/borger/: every
// link must carry the path.
func TestExampleSiteInSubfolder(t *testing.T) {
	res := build.Build(os.DirFS("."), torv.Defaults(), build.Options{Strict: true, Now: exampleDay, BaseURL: "https://www.fjordby.dk/borger/"})
	if len(res.Diags) > 0 {
		t.Fatalf("the example site has problems:\n%s", res.Diags.Error())
	}
	checkLinks(t, res.Output, "/borger/")
}

var refAttr = regexp.MustCompile(`(?:href|src|action)="([^"]*)"`)

// checkLinks resolves every href, src and action of every HTML file against
// the output set.
func checkLinks(t *testing.T, out *build.Output, base string) {
	t.Helper()
	checked := 0
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		b, _ := out.Get(p)
		for _, m := range refAttr.FindAllSubmatch(b, -1) {
			ref := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: unparsable link %q", p, ref)
				continue
			}
			if u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue // external, mailto:, tel: or a same-page anchor
			}
			target, ok := strings.CutPrefix(u.Path, base)
			if !ok {
				t.Errorf("%s: link %q does not start with the base path %s", p, ref, base)
				continue
			}
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			tb, ok := out.Get(target)
			if !ok {
				t.Errorf("%s: link to %s, which the build did not write", p, ref)
				continue
			}
			if u.Fragment != "" && !strings.Contains(string(tb), `id="`+u.Fragment+`"`) && !strings.Contains(string(tb), "id="+u.Fragment+" ") {
				t.Errorf("%s: link to %s, but %s has no id %q", p, ref, target, u.Fragment)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d internal links were checked; the link scan is not finding links", checked)
	}
}
