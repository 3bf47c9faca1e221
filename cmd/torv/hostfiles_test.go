package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestPreviewServesHostFilesAsText: the preview serves the host files
// torv writes (a browser may ask for them; the hosts themselves do not
// serve them) as plain text, never as a page: no live-reload script, no
// findings panel, no HTML type that a browser would render. The page at
// an alias takes the reader on to the page, as it will on the host.
func TestPreviewServesHostFilesAsText(t *testing.T) {
	site := checkSite(t, map[string]string{
		"content/om.md": "+++\ntitle = \"Om\"\ndescription = \"Om siden.\"\naliases = [\"/om-os/\"]\n+++\n\nDu kan ringe til os hver dag.\n",
	})
	url, _, _, _ := startServe(t, "-source", site, "-port", "0")
	get := func(path string) (*http.Response, string) {
		res, err := http.Get(strings.TrimSuffix(url, "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	for _, p := range []string{"/_headers", "/_redirects", "/torv-nginx.conf", "/.htaccess"} {
		res, body := get(p)
		ct := res.Header.Get("Content-Type")
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(ct, "text/plain") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s = %d, Content-Type %q, X-Content-Type-Options %q; want 200 text/plain with nosniff", p, res.StatusCode, ct, res.Header.Get("X-Content-Type-Options"))
		}
		if strings.Contains(body, "<script") || !strings.HasPrefix(body, "# Made by torv build") {
			t.Errorf("GET %s: the file is not served as torv wrote it: %.300q", p, body)
		}
	}
	res, body := get("/om-os/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `<meta http-equiv="refresh" content="0; url=/om/">`) || !strings.Contains(body, `<a href="/om/">Om</a>`) {
		t.Errorf("GET /om-os/ = %d %.400q; want the page that takes the reader to /om/", res.StatusCode, body)
	}
}
