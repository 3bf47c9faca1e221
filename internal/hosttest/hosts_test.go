package hosttest

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/loopback"
	"github.com/torv/torv/internal/outputs"
)

// repoRoot is the example site: the repository itself.
const repoRoot = "../.."

// example builds the example site into a folder, as torv build does.
func example(t *testing.T) (public string, res *build.Result) {
	t.Helper()
	res = build.Build(os.DirFS(repoRoot), torv.Defaults(), build.Options{})
	if res.Output == nil {
		t.Fatalf("the example site does not build:\n%v", res.Diags)
	}
	public = filepath.Join(t.TempDir(), "public")
	for _, p := range res.Output.Paths() {
		b, _ := res.Output.Get(p)
		f := filepath.Join(public, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return public, res
}

// A request the test makes and what its response must be.
type request struct {
	what, path string
	status     int
	location   string // the path a redirect leads to
	immutable  bool   // cached for a year
	body       string // the whole body, when it matters
	ctype      string // the start of Content-Type
}

// TestHosts serves the built example site with nginx and with Apache,
// through the files torv wrote for them, and checks every kind of
// response: the headers of package outputs' one definition on each, each
// once and with its value.
func TestHosts(t *testing.T) {
	public, res := example(t)
	cfg := res.Site.Config
	if len(res.Site.Redirects()) == 0 {
		t.Fatal("the example site has no alias to request")
	}
	alias := res.Site.Redirects()[0]
	css := res.Site.Config.BasePath + strings.TrimPrefix(findCSS(t, public), "/")
	notFound, _ := res.Output.Get("404.html")
	home, _ := res.Output.Get("index.html")
	// The page's meta element and the header say one policy.
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindSubmatch(home)
	if meta == nil || strings.ReplaceAll(string(meta[1]), "&#39;", "'") != outputs.CSP {
		t.Fatalf("the home page's CSP meta element is not outputs.CSP: %q", meta)
	}
	requests := []request{
		{what: "page", path: "/", status: 200, body: string(home), ctype: "text/html"},
		{what: "fingerprinted stylesheet", path: css, status: 200, immutable: true, ctype: "text/css"},
		{what: "missing page", path: "/findes-ikke/", status: 404, body: string(notFound), ctype: "text/html"},
		{what: "alias", path: alias.From, status: 301, location: alias.Page.URL},
		{what: "security.txt", path: "/.well-known/security.txt", status: 200, ctype: "text/plain; charset=utf-8"},
		{what: "nginx's file", path: "/" + outputs.NginxFile, status: 404, body: string(notFound)},
		{what: "_headers", path: "/" + outputs.HeadersFile, status: 404, body: string(notFound)},
		{what: "_redirects", path: "/" + outputs.RedirectsFile, status: 404, body: string(notFound)},
		{what: "Apache's file", path: "/" + outputs.ApacheFile, status: -1}, // 403 or 404: not served
	}
	want := outputs.SecurityHeaders(cfg.HSTSMaxAge())
	if cfg.HSTSMaxAge() == 0 {
		t.Fatal("the example site's base URL is https, so HSTS must be on")
	}
	for _, start := range []func(*testing.T, string) *loopback.Server{startNginx, startApache} {
		s := start(t, public)
		t.Run(s.Name, func(t *testing.T) {
			for _, rq := range requests {
				check(t, s, rq, want)
			}
		})
	}
}

// check makes one request of s and checks its response.
func check(t *testing.T, s *loopback.Server, rq request, want []outputs.Header) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(s.URL + rq.path)
	if err != nil {
		t.Fatalf("%s %s: %v", rq.what, rq.path, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: %s (GET %s): "+format+"\nerror log:\n%s", append([]any{s.Name, rq.what, rq.path}, append(args, s.Log())...)...)
	}
	switch {
	case rq.status == -1:
		if resp.StatusCode != 403 && resp.StatusCode != 404 {
			fail("status %d, want 403 or 404: the host's own file must not be served", resp.StatusCode)
		}
	case resp.StatusCode != rq.status:
		fail("status %d, want %d", resp.StatusCode, rq.status)
	}
	if rq.location != "" {
		loc := resp.Header.Get("Location")
		if strings.HasPrefix(loc, s.URL) {
			loc = strings.TrimPrefix(loc, s.URL)
		}
		if loc != rq.location {
			fail("Location %q, want %q", resp.Header.Get("Location"), rq.location)
		}
	}
	for _, h := range want {
		if got := resp.Header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
			fail("%s is %q, want it once as %q", h.Name, got, h.Value)
		}
	}
	cache := resp.Header.Values("Cache-Control")
	if rq.immutable && (len(cache) != 1 || cache[0] != outputs.CacheImmutable) {
		fail("Cache-Control %q, want %q", cache, outputs.CacheImmutable)
	}
	if !rq.immutable && strings.Contains(strings.Join(cache, ","), "immutable") {
		fail("Cache-Control %q: only fingerprinted files may be cached for a year", cache)
	}
	if rq.body != "" && string(body) != rq.body {
		fail("the body is not the one wanted (%d bytes, want %d): %.200q", len(body), len(rq.body), body)
	}
	if rq.ctype != "" && !strings.HasPrefix(resp.Header.Get("Content-Type"), rq.ctype) {
		fail("Content-Type %q, want %q", resp.Header.Get("Content-Type"), rq.ctype)
	}
}

// findCSS is the fingerprinted stylesheet's site path.
func findCSS(t *testing.T, public string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(public, "css", "style.*.css"))
	if len(m) != 1 {
		t.Fatalf("the example site has %d fingerprinted stylesheets, want 1", len(m))
	}
	return "/css/" + filepath.Base(m[0])
}
