package a11y

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// weightBudget is the most a key page may weigh: HTML, CSS and JavaScript,
// gzip-compressed, added up.
const weightBudget = 30 * 1024

// gz is the gzip-compressed size of b (the default level, as static hosts
// serve it).
func gz(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

var fingerprinted = regexp.MustCompile(`^/css/style\.([0-9a-f]{8})\.css$`)

// TestWeight loads every page of the example site in the browser, records
// what it asks for, and adds up HTML, CSS and JavaScript, compressed:
// every page, the home page and the typical content pages among them, must
// stay within 30 KB, and the test prints every page's bytes (go test -v). Each page loads
// exactly one stylesheet, fingerprinted with its content's hash and
// guarded by Subresource Integrity, no font, and nothing from another
// origin; the stylesheet has no @import and no font from elsewhere.
func TestWeight(t *testing.T) {
	t.Parallel()
	s := exampleSite(t)
	form := formSite(t)
	b := newBrowser(t)
	type job struct {
		s    *site
		path string
	}
	var jobs []job
	for _, p := range s.pages {
		jobs = append(jobs, job{s, p})
	}
	jobs = append(jobs, job{form, "/feedback/"})
	type row struct {
		where                 string
		html, htmlGz, css, js int
		total                 int
	}
	rows := make([]row, len(jobs))
	idx := map[job]int{}
	for i, j := range jobs {
		idx[j] = i
	}
	rep := newReport()
	forPages(t, b, 2, jobs, func(tb *tab, j job) {
		where := j.s.name + " " + j.path
		if err := tb.emulate(light1280); err != nil {
			rep.add("the browser could not load the page", where, err.Error())
			return
		}
		if err := tb.load(j.s.url(j.path)); err != nil {
			rep.add("the browser could not load the page", where, err.Error())
			return
		}
		tb.mu.Lock()
		reqs, types := slices.Clone(tb.requests), tb.types
		tb.mu.Unlock()
		r := row{where: where}
		sheets := 0
		for _, u := range reqs {
			pu, err := url.Parse(u)
			if err != nil || pu.Scheme+"://"+pu.Host != j.s.srv.URL {
				continue // reported by TestAudit's privacy check
			}
			body, ok := j.s.out.Get(outputFile(pu.Path))
			if !ok {
				rep.add("weight: a page asks for a file the build did not write", where, u)
				continue
			}
			switch typ := types[u]; typ {
			case "Document":
				r.html, r.htmlGz = len(body), gz(body)
			case "Stylesheet":
				sheets++
				r.css += gz(body)
				checkStylesheet(rep, where, pu.Path, body, j.s)
			case "Script":
				r.js += gz(body)
			case "Font":
				rep.add("weight: a page loads a web font", where, u)
			}
		}
		if sheets != 1 {
			rep.add("weight: a page must load exactly one stylesheet", where, fmt.Sprintf("it loads %d", sheets))
		}
		r.total = r.htmlGz + r.css + r.js
		rows[idx[j]] = r
	})
	t.Logf("%-52s %8s %8s %8s %8s %8s", "page", "HTML", "HTML gz", "CSS gz", "JS gz", "total gz")
	maxRow := row{}
	for _, r := range rows {
		t.Logf("%-52s %8d %8d %8d %8d %8d", r.where, r.html, r.htmlGz, r.css, r.js, r.total)
		if r.total > maxRow.total {
			maxRow = r
		}
	}
	t.Logf("heaviest: %s, %d bytes compressed (budget for key pages: %d)", maxRow.where, maxRow.total, weightBudget)
	for _, r := range rows {
		if r.total > weightBudget {
			rep.add("weight: a page is over 30 KB compressed (HTML+CSS+JS)", r.where, fmt.Sprintf("%d bytes", r.total))
		}
	}
	rep.fail(t, 10)
}

// checkStylesheet checks the one stylesheet: its name carries the first
// 8 hex digits of its SHA-256, the pages' link carries its SHA-384 as
// integrity, and it loads no fonts and imports nothing.
func checkStylesheet(rep *report, where, p string, body []byte, s *site) {
	m := fingerprinted.FindStringSubmatch(p)
	sum := sha256.Sum256(body)
	if m == nil || m[1] != hex.EncodeToString(sum[:4]) {
		rep.add("weight: the stylesheet is not one fingerprinted file (css/style.HASH.css)", where, p)
	}
	html, _ := s.out.Get(outputFile(strings.SplitN(where, " ", 2)[1]))
	sri := sha512.Sum384(body)
	if want := `integrity="sha384-` + base64.StdEncoding.EncodeToString(sri[:]) + `"`; !bytes.Contains(html, []byte(want)) && !bytes.Contains(html, []byte(strings.ReplaceAll(want, `"`, ""))) {
		rep.add("weight: the stylesheet link has no matching Subresource Integrity", where, p)
	}
	css := string(body)
	if strings.Contains(css, "@import") {
		rep.add("weight: the stylesheet imports another", where, p)
	}
	if strings.Contains(css, "@font-face") && regexp.MustCompile(`url\(\s*["']?(https?:)?//`).MatchString(css) {
		rep.add("weight: the stylesheet loads a font from elsewhere", where, p)
	}
}
