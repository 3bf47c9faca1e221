package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func newTestServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":       "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n",
		"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n\nVelkommen.\n",
		"content/om.md":     "+++\ntitle = \"Om os\"\n+++\n\nVi er Testby.\n",
	})
	srv := New(os.DirFS(dir), torv.Defaults(), build.Options{}, io.Discard)
	if diags := srv.Build(); len(diags) > 0 {
		t.Fatal(diags)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, dir
}

func get(t *testing.T, ts *httptest.Server, path string) (int, string) {
	t.Helper()
	// A raw request, so the client does not clean the path for us.
	req, err := http.NewRequest("GET", ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestServesPages(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/", 200, "Velkommen."},
		{"/om/", 200, "Vi er Testby."},
		{"/om/index.html", 200, "Vi er Testby."},
		{"/om", 301, ""},
		{"/findes-ikke/", 404, "<h1"},
		{"/robots.txt", 200, "User-agent"},
	}
	for _, tt := range tests {
		code, body := get(t, ts, tt.path)
		if code != tt.code || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s = %d, body %.80q; want %d with %q", tt.path, code, body, tt.code, tt.body)
		}
	}
}

func TestRefusesPathsOutOfTheSite(t *testing.T) {
	ts, _ := newTestServer(t)
	for _, p := range []string{"/../config.toml", "/om/../../etc/passwd", "/%2e%2e/config.toml", "/om%2findex.html",
		"/om%2Findex.html", "/..%2fconfig.toml", "/om%5cindex.html", "/content/om.md", "/config.toml", "/%00"} {
		code, body := get(t, ts, p)
		if code != http.StatusNotFound && code != http.StatusBadRequest {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
		if strings.Contains(body, "municipality") || strings.Contains(body, "+++") {
			t.Errorf("GET %s served a site source file", p)
		}
	}
}

func TestShowsErrorsAndRecovers(t *testing.T) {
	ts, dir := newTestServer(t)
	later := time.Now().Add(2 * time.Second)
	writeFiles(t, dir, map[string]string{"content/om.md": "+++\ntitle = \"Om os\nweight = 1\n+++\n"})
	os.Chtimes(filepath.Join(dir, "content/om.md"), later, later)
	code, body := get(t, ts, "/om/")
	if code != http.StatusInternalServerError || !strings.Contains(body, "content/om.md:2:") || !strings.Contains(body, "What to do") {
		t.Fatalf("a broken page: %d\n%s", code, body)
	}
	writeFiles(t, dir, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nRettet tekst.\n"})
	later = later.Add(2 * time.Second)
	os.Chtimes(filepath.Join(dir, "content/om.md"), later, later)
	code, body = get(t, ts, "/om/")
	if code != 200 || !strings.Contains(body, "Rettet tekst.") {
		t.Fatalf("after the fix: %d\n%.300s", code, body)
	}
}
