package a11y

import (
	"bytes"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
)

// repoRoot is the repository, seen from this package's folder.
const repoRoot = "../.."

// A site is one built site, served from memory on loopback.
type site struct {
	name  string
	out   *build.Output
	srv   *httptest.Server
	pages []string // URL paths of every HTML page: "/", "/lov/", "/404.html"
	// moved are the pages at old addresses (aliases), which refresh at
	// once to the page: a browser test that loads them would be taken
	// away mid-test, so they are TestAliasPages' (and TestValidHTML's).
	moved []string
}

// url is the absolute address of a site path.
func (s *site) url(p string) string { return s.srv.URL + p }

// inCI reports whether a missing tool must fail the test instead of
// skipping it.
func inCI() bool { return os.Getenv("CI") == "true" }

// need skips the test with msg, or fails it in CI.
func need(t testing.TB, msg string) {
	t.Helper()
	if inCI() {
		t.Fatal(msg + " (CI=true: the accessibility suite may not be skipped)")
	}
	t.Skip(msg)
}

var (
	sitesMu sync.Mutex
	sites   = map[string]*site{}
	siteErr = map[string]string{}
)

// exampleSite is the repository's example site.
func exampleSite(t testing.TB) *site {
	return cachedSite(t, "example", func() (fs.FS, error) { return os.DirFS(repoRoot), nil })
}

// feedbackEndpoint is the form address of the example site's variant with
// a feedback endpoint: the example itself has none, so it shows the
// e-mail fallback, and the form would go unaudited.
const feedbackEndpoint = "https://borger.fjordby.dk/api/feedback"

// formSite is the example site with [feedback] endpoint set, so that the
// feedback page has its form.
func formSite(t testing.TB) *site {
	return cachedSite(t, "example+form", func() (fs.FS, error) {
		cfg, err := os.ReadFile(filepath.Join(repoRoot, "config.toml"))
		if err != nil {
			return nil, err
		}
		cfg, err = withFeedbackEndpoint(cfg, feedbackEndpoint)
		if err != nil {
			return nil, err
		}
		return overrideFS{os.DirFS(repoRoot), map[string][]byte{"config.toml": cfg}}, nil
	})
}

var endpointLine = regexp.MustCompile(`(?m)^(\s*endpoint\s*=\s*).*$`)

// withFeedbackEndpoint sets [feedback] endpoint in a config.toml.
func withFeedbackEndpoint(cfg []byte, endpoint string) ([]byte, error) {
	val := []byte(fmt.Sprintf("${1}%q", endpoint))
	if endpointLine.Match(cfg) {
		return endpointLine.ReplaceAll(cfg, val), nil
	}
	if i := bytes.Index(cfg, []byte("[feedback]\n")); i >= 0 {
		i += len("[feedback]\n")
		return slices.Concat(cfg[:i], fmt.Appendf(nil, "endpoint = %q\n", endpoint), cfg[i:]), nil
	}
	return fmt.Appendf(bytes.Clone(cfg), "\n[feedback]\nendpoint = %q\n", endpoint), nil
}

// overrideFS is a file system with some files replaced.
type overrideFS struct {
	fs.FS
	files map[string][]byte
}

func (o overrideFS) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		return fstest.MapFS{name: {Data: b, Mode: 0o444}}.Open(name)
	}
	return o.FS.Open(name)
}

// corpusSite is the generated 300-page site of the build benchmark:
// shared/bench/gencorpus.go beside the repository (or $TORV_SHARED), with
// bench/config.toml and bench/home.md as bench/run.sh makes it.
func corpusSite(t testing.TB) *site {
	return cachedSite(t, "corpus", func() (fs.FS, error) {
		shared := os.Getenv("TORV_SHARED")
		if shared == "" {
			shared = filepath.Join(repoRoot, "..", "shared")
		}
		gen, err := filepath.Abs(filepath.Join(shared, "bench", "gencorpus.go"))
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(gen); err != nil {
			return nil, errMissing{fmt.Sprintf("the generated 300-page site needs %s (shared/ beside the repository, or set TORV_SHARED)", gen)}
		}
		dir, err := os.MkdirTemp("", "torv-a11y-corpus-")
		if err != nil {
			return nil, err
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		cmd := exec.Command("go", "run", gen, "-n", "300", "-out", filepath.Join(dir, "content"), "-fm", "toml", "-seed", "1")
		cmd.Dir = dir // outside the module: gencorpus.go is a program of its own
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go run gencorpus.go: %v\n%s", err, out)
		}
		for src, dst := range map[string]string{"bench/config.toml": "config.toml", "bench/home.md": "content/_index.md"} {
			b, err := os.ReadFile(filepath.Join(repoRoot, src))
			if err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
				return nil, err
			}
		}
		return os.DirFS(dir), nil
	})
}

// errMissing is a tool or file the suite needs that is not there: a skip
// locally, a failure in CI.
type errMissing struct{ msg string }

func (e errMissing) Error() string { return e.msg }

// cleanups run when the test binary ends (TestMain).
var cleanups []func()

func TestMain(m *testing.M) {
	code := m.Run()
	sitesMu.Lock()
	for _, s := range sites {
		s.srv.Close()
	}
	for _, f := range cleanups {
		f()
	}
	sitesMu.Unlock()
	os.Exit(code)
}

// cachedSite builds a site once per test binary and serves it.
func cachedSite(t testing.TB, name string, open func() (fs.FS, error)) *site {
	t.Helper()
	sitesMu.Lock()
	defer sitesMu.Unlock()
	if s := sites[name]; s != nil {
		return s
	}
	if msg, ok := siteErr[name]; ok {
		t.Fatal(msg)
	}
	fail := func(msg string) {
		siteErr[name] = msg
		t.Fatal(msg)
	}
	fsys, err := open()
	if m, ok := err.(errMissing); ok {
		need(t, m.msg)
	}
	if err != nil {
		fail(fmt.Sprintf("site %s: %v", name, err))
	}
	t0 := time.Now()
	res := build.Build(fsys, torv.Defaults(), build.Options{})
	if res.Output == nil {
		fail(fmt.Sprintf("site %s does not build:\n%s", name, res.Diags.Error()))
	}
	s := &site{name: name, out: res.Output}
	for _, p := range res.Output.Paths() {
		if b, _ := res.Output.Get(p); strings.HasSuffix(p, ".html") && refresh.Match(b) {
			s.moved = append(s.moved, pageURL(p))
		} else if strings.HasSuffix(p, ".html") {
			s.pages = append(s.pages, pageURL(p))
		}
	}
	s.srv = httptest.NewServer(s)
	sites[name] = s
	t.Logf("site %s: %d HTML pages, built in %v, served at %s", name, len(s.pages), time.Since(t0).Round(time.Millisecond), s.srv.URL)
	return s
}

// pageURL is the address of an output file: "lov/index.html" -> "/lov/".
func pageURL(file string) string {
	if file == "index.html" {
		return "/"
	}
	if d, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + d + "/"
	}
	return "/" + file
}

// outputFile is the file of a site path: "/lov/" -> "lov/index.html".
func outputFile(p string) string {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" {
		return "index.html"
	}
	if strings.HasSuffix(p, "/") {
		return name + "/index.html"
	}
	return name
}

// ServeHTTP serves the output as a static host does: "/x/" is
// x/index.html, a folder without its slash is redirected, anything else
// is 404.html with status 404, and every response carries the headers the
// build's _headers file gives its path.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	name := outputFile(p)
	b, ok := s.out.Get(name)
	status := http.StatusOK
	if !ok {
		if _, dir := s.out.Get(name + "/index.html"); dir && !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		name, status = "404.html", http.StatusNotFound
		b, _ = s.out.Get(name)
	}
	h := w.Header()
	for k, v := range headersFor(s.out, p) {
		h.Set(k, v)
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// headersFor reads the output's _headers file (the format of Netlify and
// Cloudflare Pages: a path pattern, then indented "Name: value" lines) and
// returns the headers for a path.
func headersFor(out *build.Output, p string) map[string]string {
	b, ok := out.Get("_headers")
	if !ok {
		return nil
	}
	h := map[string]string{}
	match := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			pat := strings.TrimSpace(line)
			if pre, ok := strings.CutSuffix(pat, "*"); ok {
				match = strings.HasPrefix(p, pre)
			} else {
				match = p == pat
			}
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && match {
			h[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return h
}
