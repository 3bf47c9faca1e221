package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/diag"
)

func writeFiles(t testing.TB, dir string, files map[string]string) {
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

var testSite = map[string]string{
	"config.toml":       "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n",
	"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n\nVelkommen.\n",
	"content/om.md":     "+++\ntitle = \"Om os\"\n+++\n\nVi er Testby.\n",
}

// syncBuffer is a log the server writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type testServer struct {
	*httptest.Server
	srv *Server
	dir string
	log *syncBuffer
}

func newTestServer(t *testing.T, files map[string]string) *testServer {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	log := &syncBuffer{}
	srv := New(os.DirFS(dir), torv.Defaults(), build.Options{}, log)
	srv.Build()
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		srv.Close()
		ts.Close()
	})
	return &testServer{ts, srv, dir, log}
}

// edit writes files and tells the server, as the watcher would.
func (ts *testServer) edit(t *testing.T, files map[string]string) {
	t.Helper()
	writeFiles(t, ts.dir, files)
	var paths []string
	for name := range files {
		paths = append(paths, name)
	}
	ts.srv.Update(paths)
}

func get(t *testing.T, ts *testServer, path string, header ...string) (int, string) {
	t.Helper()
	// A raw request, so the client does not clean the path for us.
	req, err := http.NewRequest("GET", ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	client := &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

var buildAttr = regexp.MustCompile(`data-torv-build="([^"]+)"`)

func TestServesPages(t *testing.T) {
	ts := newTestServer(t, testSite)
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
		{"/__torv/live.js", 200, "EventSource"},
		{"/__torv/overlay.css", 200, ".overlay"},
	}
	for _, tt := range tests {
		code, body := get(t, ts, tt.path)
		if code != tt.code || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s = %d, body %.80q; want %d with %q", tt.path, code, body, tt.code, tt.body)
		}
		script := strings.Contains(body, `<script src="/__torv/live.js" data-torv-build="`)
		if wantScript := strings.Contains(body, "<html"); script != wantScript {
			t.Errorf("GET %s: live-reload script %v, want %v", tt.path, script, wantScript)
		}
	}
	// The script is the preview's: a build never has it.
	res := build.Build(os.DirFS(ts.dir), torv.Defaults(), build.Options{})
	for _, p := range res.Output.Paths() {
		if b, _ := res.Output.Get(p); bytes.Contains(b, []byte("__torv")) {
			t.Errorf("the build's %s mentions the preview's files", p)
		}
	}
}

func TestRefusesPathsOutOfTheSite(t *testing.T) {
	ts := newTestServer(t, testSite)
	for _, p := range []string{"/../config.toml", "/om/../../etc/passwd", "/%2e%2e/config.toml", "/%2E%2E/%2e%2e/etc/passwd",
		"/om%2findex.html", "/om%2Findex.html", "/..%2fconfig.toml", "/om%5cindex.html", "/om\\..\\config.toml",
		"/content/om.md", "/config.toml", "/%00", "/__torv/../config.toml"} {
		code, body := get(t, ts, p)
		if code != http.StatusNotFound && code != http.StatusBadRequest {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
		if strings.Contains(body, "municipality") || strings.Contains(body, "+++") {
			t.Errorf("GET %s served a site source file", p)
		}
	}
}

func TestRefusesOtherHostsAndOrigins(t *testing.T) {
	ts := newTestServer(t, testSite)
	port := ts.Listener.Addr().String()[strings.LastIndex(ts.Listener.Addr().String(), ":"):]
	tests := []struct {
		name   string
		path   string
		header []string
		code   int
	}{
		{"a page by IP", "/om/", nil, 200},
		{"a page by localhost", "/om/", []string{"Host", "localhost" + port}, 200},
		{"a page by another name (DNS rebinding)", "/om/", []string{"Host", "evil.example" + port}, 403},
		{"a page at another port", "/om/", []string{"Host", "127.0.0.1:1"}, 403},
		{"events by another name", "/__torv/events?path=/om/", []string{"Host", "evil.example" + port}, 403},
		{"events from another origin", "/__torv/events?path=/om/", []string{"Origin", "http://evil.example"}, 403},
		{"events from a null origin", "/__torv/events?path=/om/", []string{"Origin", "null"}, 403},
		{"events from an https origin of the same host", "/__torv/events?path=/om/", []string{"Origin", "https://" + strings.TrimPrefix(ts.URL, "http://")}, 403},
		{"events from a cross-site fetch", "/__torv/events?path=/om/", []string{"Sec-Fetch-Site", "cross-site"}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.code == 403 {
				code, _ := get(t, ts, tt.path, tt.header...)
				if code != 403 {
					t.Errorf("GET %s with %v = %d, want 403", tt.path, tt.header, code)
				}
				return
			}
			code, _ := get(t, ts, tt.path, tt.header...)
			if code != tt.code {
				t.Errorf("GET %s with %v = %d, want %d", tt.path, tt.header, code, tt.code)
			}
		})
	}
	// The page's own origin may open the stream.
	s := openStream(t, ts, "/om/", "", "Origin", ts.URL)
	if ev, _ := s.next(t); ev != "update" {
		t.Errorf("the stream with the page's own Origin sent %q first", ev)
	}
}

// stream is an open event stream.
type stream struct {
	r      *bufio.Reader
	cancel func()
}

func openStream(t *testing.T, ts *testServer, page, build string, header ...string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/__torv/events?path="+page+"&build="+build, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("event stream: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	s := &stream{r: bufio.NewReader(res.Body), cancel: func() { cancel(); res.Body.Close() }}
	t.Cleanup(s.cancel)
	return s
}

// next reads the next event, or fails after 5 s.
func (s *stream) next(t *testing.T) (event string, data map[string]any) {
	t.Helper()
	type result struct {
		event, data string
		err         error
	}
	ch := make(chan result, 1)
	go func() {
		var ev, d string
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				ch <- result{err: err}
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				d = strings.TrimPrefix(line, "data: ")
			case line == "" && ev != "":
				ch <- result{event: ev, data: d}
				return
			}
		}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			t.Fatalf("reading the event stream: %v", r.err)
		}
		if err := json.Unmarshal([]byte(r.data), &data); err != nil {
			t.Fatalf("event %s: %v in %q", r.event, err, r.data)
		}
		return r.event, data
	case <-time.After(5 * time.Second):
		s.cancel()
		<-ch
		t.Fatal("no event within 5 s")
		return "", nil
	}
}

// pageBuild returns the build a page was served from.
func pageBuild(t *testing.T, ts *testServer, path string) string {
	t.Helper()
	_, body := get(t, ts, path)
	m := buildAttr.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s has no live-reload script", path)
	}
	return m[1]
}

// TestEventStream follows two open pages through an edit of one, a broken
// build and its fix.
func TestEventStream(t *testing.T) {
	ts := newTestServer(t, testSite)
	om := openStream(t, ts, "/om/", pageBuild(t, ts, "/om/"))
	home := openStream(t, ts, "/", pageBuild(t, ts, "/"))
	for name, s := range map[string]*stream{"om": om, "home": home} {
		if ev, d := s.next(t); ev != "update" || d["reload"] != false {
			t.Errorf("%s: first event %s %v, want an update without reload", name, ev, d)
		}
	}

	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nNy tekst.\n"})
	if ev, d := om.next(t); ev != "update" || d["reload"] != true {
		t.Errorf("the edited page got %s %v, want a reload", ev, d)
	}
	if ev, d := home.next(t); ev != "update" || d["reload"] != false {
		t.Errorf("the other page got %s %v, want no reload", ev, d)
	}

	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\nweight = 1\n+++\n\nBrudt.\n"})
	for name, s := range map[string]*stream{"om": om, "home": home} {
		ev, d := s.next(t)
		errs, _ := d["errors"].([]any)
		if ev != "errors" || len(errs) == 0 {
			t.Fatalf("%s: got %s %v, want the errors", name, ev, d)
		}
		e := errs[0].(map[string]any)
		if !strings.HasPrefix(e["pos"].(string), "content/om.md:2:") || e["source"] != `title = "Om os` || e["hint"] == "" {
			t.Errorf("%s: the error is %v", name, e)
		}
		if d["title"] != "Sitet har 1 fejl" || d["lang"] != "da" {
			t.Errorf("%s: overlay title %q in %q", name, d["title"], d["lang"])
		}
	}
	// Under the overlay, the last good version is served.
	if code, body := get(t, ts, "/om/"); code != 200 || !strings.Contains(body, "Ny tekst.") {
		t.Errorf("while broken, /om/ = %d %.200q; want the last good page", code, body)
	}
	// A page opened now gets the errors at once.
	late := openStream(t, ts, "/", pageBuild(t, ts, "/"))
	if ev, _ := late.next(t); ev != "errors" {
		t.Errorf("a page opened while broken got %s first, want errors", ev)
	}

	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nRettet.\n"})
	if ev, d := om.next(t); ev != "update" || d["reload"] != true {
		t.Errorf("after the fix, the page got %s %v, want a reload", ev, d)
	}
	if ev, d := home.next(t); ev != "update" || d["reload"] != false {
		t.Errorf("after the fix, the other page got %s %v, want the overlay gone, no reload", ev, d)
	}
	if _, body := get(t, ts, "/om/"); !strings.Contains(body, "Rettet.") {
		t.Error("the fixed page is not served")
	}
}

// TestEventStreamStalePages: a page served before the latest build, or by
// another run of the server, reloads as soon as it connects.
func TestEventStreamStalePages(t *testing.T) {
	ts := newTestServer(t, testSite)
	old := pageBuild(t, ts, "/om/")
	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nNyere.\n"})
	tests := []struct {
		name, page, build string
		reload            bool
	}{
		{"served before the edit", "/om/", old, true},
		{"another page served before the edit", "/", old, false},
		{"served now", "/om/", pageBuild(t, ts, "/om/"), false},
		{"from another run", "/om/", "0123456789ab.1", true},
		{"without a build", "/om/", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStream(t, ts, tt.page, tt.build)
			if ev, d := s.next(t); ev != "update" || d["reload"] != tt.reload {
				t.Errorf("got %s %v, want reload %v", ev, d, tt.reload)
			}
		})
	}
}

// TestStylesheetSwap: a change to the CSS alone swaps the stylesheet on
// the open pages instead of reloading them.
func TestStylesheetSwap(t *testing.T) {
	ts := newTestServer(t, testSite)
	css, err := os.ReadFile("../../assets/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	_, before := get(t, ts, "/om/")
	s := openStream(t, ts, "/om/", pageBuild(t, ts, "/om/"))
	s.next(t)
	ts.edit(t, map[string]string{"assets/css/style.css": string(css) + "\nmain { color: #123456; }\n"})
	ev, d := s.next(t)
	c, _ := d["css"].(map[string]any)
	if ev != "update" || d["reload"] == true || c == nil {
		t.Fatalf("got %s %v, want a stylesheet swap", ev, d)
	}
	if !strings.Contains(before, `href="`+c["old"].(string)+`"`) || !strings.HasPrefix(c["href"].(string), "/css/style.") ||
		c["href"] == c["old"] || !strings.HasPrefix(c["integrity"].(string), "sha384-") {
		t.Errorf("swap %v does not fit the page", c)
	}
	if code, body := get(t, ts, c["href"].(string)); code != 200 || !strings.Contains(body, "#123456") {
		t.Errorf("the new stylesheet: %d", code)
	}
	// The page now shows the new build: coming back (a hidden tab shown
	// again) with it needs no reload, while the build it was served from does.
	for build, reload := range map[string]bool{d["build"].(string): false, buildAttr.FindStringSubmatch(before)[1]: true} {
		again := openStream(t, ts, "/om/", build)
		if ev, d := again.next(t); ev != "update" || d["reload"] != reload {
			t.Errorf("back with build %s: %s %v, want reload %v", build, ev, d, reload)
		}
		again.cancel()
	}
	// A change of CSS and text reloads.
	ts.edit(t, map[string]string{"assets/css/style.css": string(css) + "\nmain { color: #654321; }\n",
		"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nOgså ny tekst.\n"})
	if ev, d := s.next(t); ev != "update" || d["reload"] != true {
		t.Errorf("CSS and text changed: got %s %v, want a reload", ev, d)
	}
}

func TestErrorPageBeforeAnyBuild(t *testing.T) {
	broken := map[string]string{}
	for k, v := range testSite {
		broken[k] = v
	}
	broken["content/om.md"] = "+++\ntitle = \"Om os\nweight = 1\n+++\n"
	ts := newTestServer(t, broken)
	code, body := get(t, ts, "/om/")
	for _, want := range []string{"content/om.md:2:", "Sådan retter du det:", `title = &#34;Om os`, "<h1>Sitet har 1 fejl</h1>",
		`<link rel="stylesheet" href="/__torv/overlay.css">`, `src="/__torv/live.js"`, "data-torv-errors="} {
		if !strings.Contains(body, want) {
			t.Errorf("the error page lacks %q", want)
		}
	}
	if code != http.StatusInternalServerError {
		t.Errorf("the error page's status is %d", code)
	}
	if code, _ := get(t, ts, "/robots.txt"); code != http.StatusServiceUnavailable {
		t.Errorf("a file before any build: %d, want 503", code)
	}
	s := openStream(t, ts, "/om/", pageBuild(t, ts, "/om/"))
	if ev, _ := s.next(t); ev != "errors" {
		t.Errorf("the error page's stream sent %s first", ev)
	}
	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nRettet tekst.\n"})
	if ev, d := s.next(t); ev != "update" || d["reload"] != true {
		t.Errorf("after the fix: %s %v, want a reload", ev, d)
	}
	if code, body := get(t, ts, "/om/"); code != 200 || !strings.Contains(body, "Rettet tekst.") {
		t.Fatalf("after the fix: %d\n%.300s", code, body)
	}
}

// TestTerminalOnceEach: an error is printed when it appears, not again
// while it lasts; the fix is reported.
func TestTerminalOnceEach(t *testing.T) {
	ts := newTestServer(t, testSite)
	broken := "+++\ntitle = \"Om os\nweight = 1\n+++\n"
	ts.edit(t, map[string]string{"content/om.md": broken})
	ts.edit(t, map[string]string{"content/om.md": broken + "\nMere.\n"})
	ts.edit(t, map[string]string{"content/_index.md": "+++\ntitle = \"Forside\"\n+++\n\nAndet.\n"})
	log := ts.log.String()
	if n := strings.Count(log, "content/om.md:2:"); n != 1 {
		t.Errorf("the error was printed %d times:\n%s", n, log)
	}
	if !strings.Contains(log, "Still 1 error") {
		t.Errorf("the log does not say the error is still there:\n%s", log)
	}
	ts.edit(t, map[string]string{"content/om.md": testSite["content/om.md"]})
	if log := ts.log.String(); !strings.Contains(log, "Fixed: the site builds again.") {
		t.Errorf("the log does not report the fix:\n%s", log)
	}
}

// TestTerminalNamesTheLaterFiles: a save changes the page at once and the
// search index after it; the terminal names the page's build, then the
// files updated after. A save of a file no page shows names the file. It
// never says it built no pages.
func TestTerminalNamesTheLaterFiles(t *testing.T) {
	ts := newTestServer(t, testSite)
	ts.edit(t, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nVi er Testby, og vi søger.\n"})
	log := ts.log.String()
	if !strings.Contains(log, "Built 1 page after content/om.md in ") {
		t.Errorf("the log does not report the page's build:\n%s", log)
	}
	if !regexp.MustCompile(`(?m)^Updated search/da/\S+(, search/da/\S+)*( and \d+ more)? in \d`).MatchString(log) {
		t.Errorf("the log does not name the search index's files updated after the page:\n%s", log)
	}
	ts.edit(t, map[string]string{"static/kontakt.txt": "Ring til os.\n"})
	log = ts.log.String()
	if !strings.Contains(log, "Updated kontakt.txt after static/kontakt.txt in ") {
		t.Errorf("the log does not name the static file updated:\n%s", log)
	}
	if strings.Contains(log, "Built 0 pages") {
		t.Errorf("the log says no pages were built:\n%s", log)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	ts := newTestServer(t, testSite)
	s := openStream(t, ts, "/om/", "")
	s.next(t)
	ts.srv.Close()
	done := make(chan error, 1)
	go func() {
		_, err := io.ReadAll(s.r)
		done <- err
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the stream is still open after Close")
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"content/a.md": "+++\n\ttitle = \"A\n+++\n", "layouts/x.html": "{{.Nope}\n"})
	tests := []struct {
		lang, title string
	}{
		{"da", "Sitet har 2 fejl"}, {"sv", "Webbplatsen har 2 fel"}, {"nb", "Nettstedet har 2 feil"},
		{"en", "The site has 2 errors"}, {"fr", "Sitet har 2 fejl"},
	}
	for _, tt := range tests {
		res := newReport(testDiags(), tt.lang, os.DirFS(dir))
		if res.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.lang, res.Title, tt.title)
		}
	}
	r := newReport(testDiags(), "en", os.DirFS(dir))
	if len(r.Errors) != 3 {
		t.Fatalf("%d entries", len(r.Errors))
	}
	e := r.Errors[0]
	if e.Source != "\ttitle = \"A" || e.Marker != "\t       ^" || e.At != "line 2, character 9" {
		t.Errorf("entry %+v", e)
	}
	if w := r.Errors[2]; !w.Warning || w.Source != "" || w.At != "" {
		t.Errorf("a warning about a whole file: %+v", w)
	}
	if r2 := newReport(testDiags()[:1], "en", os.DirFS(dir)); r2.Sig == r.Sig {
		t.Error("two lists of errors have one signature")
	}
}

func testDiags() diag.List {
	return diag.List{
		diag.Errorf("content/a.md", 2, 9, "the string is not closed").WithHint(`end it with "`),
		diag.Errorf("layouts/x.html", 1, 7, "unexpected \"}\" in operand"),
		diag.Errorf("content/b.md", 0, 0, "is a symbolic link").Warning(),
	}
}

func TestSourceLine(t *testing.T) {
	long := strings.Repeat("a", 59) + "Y" + strings.Repeat("a", 240) + "X" + strings.Repeat("b", 98) + "Z"
	tests := []struct {
		line        string
		col         int
		src, marker string
	}{
		{"title = \"A", 9, "title = \"A", "        ^"},
		{"æøå = 1", 4, "æøå = 1", "   ^"},
		{"kort", 0, "kort", ""},
		{"kort", 50, "kort", "    ^"},
	}
	for _, tt := range tests {
		src, marker := sourceLine(tt.line, tt.col)
		if src != tt.src || marker != tt.marker {
			t.Errorf("sourceLine(%q, %d) = %q, %q; want %q, %q", tt.line, tt.col, src, marker, tt.src, tt.marker)
		}
	}
	for _, col := range []int{1, 60, 301, 400} {
		src, marker := sourceLine(long, col)
		r := []rune(src)
		if len(r) > 74 || len(marker) > len(r) || len(marker) == 0 {
			t.Errorf("a long line at %d: %q / %q", col, src, marker)
			continue
		}
		if got := r[len(marker)-1]; got != []rune(long)[col-1] {
			t.Errorf("a long line at %d: the marker is under %q, want %q", col, got, []rune(long)[col-1])
		}
	}
}

// TestWatchFinishesLaterPages: a new folder is in the menu of every page
// (there is no [[menu]]), so the preview serves the folder's page first
// and renders the others while no further edit waits; a second edit that
// comes meanwhile is taken too, and in the end every page has both.
func TestWatchFinishesLaterPages(t *testing.T) {
	files := maps.Clone(testSite)
	for i := range 150 {
		files[fmt.Sprintf("content/sager/s%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Sag %d\"\n+++\n\nTekst.\n", i)
	}
	ts := newTestServer(t, files)
	batches, stop := make(chan []string), make(chan struct{})
	done := make(chan struct{})
	go func() { ts.srv.Watch(batches, stop); close(done) }()
	defer func() { close(stop); <-done }()
	writeFiles(t, ts.dir, map[string]string{"content/nyt/_index.md": "+++\ntitle = \"Nyt\"\n+++\n", "content/nyt/a.md": "+++\ntitle = \"A\"\n+++\n\nNy side.\n"})
	batches <- []string{"content/nyt"}
	writeFiles(t, ts.dir, map[string]string{"content/om.md": "+++\ntitle = \"Om os\"\n+++\n\nRettet.\n"})
	batches <- []string{"content/om.md"}
	deadline := time.Now().Add(20 * time.Second)
	for _, p := range []string{"/nyt/a/", "/om/", "/sager/s000/", "/sager/s149/", "/"} {
		for {
			code, body := get(t, ts, p)
			if code == 200 && strings.Contains(body, `href="/nyt/"`) && (p != "/om/" || strings.Contains(body, "Rettet.")) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never showed the new folder in its menu (status %d)", p, code)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// A page of a batch too large to render at once is served as soon as it
// is asked for, rendered on the spot, before the later parts reach it;
// a page nobody asked for is still waiting.
func TestPageOfALargeBatchIsRenderedWhenAskedFor(t *testing.T) {
	ts := newTestServer(t, testSite)
	files := map[string]string{"content/mange/_index.md": "+++\ntitle = \"Mange\"\n+++\n"}
	for i := range 300 {
		files[fmt.Sprintf("content/mange/s%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Side %d\"\n+++\n\nSide nummer %d.\n", i, i)
	}
	writeFiles(t, ts.dir, files)
	u := ts.srv.first([]string{"content/mange"}) // no Continue runs
	if u.Output == nil || len(u.Later) < 300 {
		t.Fatalf("the first part left %d pages for later; want all 300 (%v)", len(u.Later), u.Diags)
	}
	if code, body := get(t, ts, "/mange/s123/"); code != 200 || !strings.Contains(body, "Side nummer 123.") {
		t.Errorf("/mange/s123/: %d, want the page at once", code)
	}
	if code, _ := get(t, ts, "/mange/ikke-her/"); code != 404 {
		t.Errorf("/mange/ikke-her/: %d, want 404", code)
	}
	ts.srv.mu.Lock()
	waiting := ts.srv.waiting["/mange/s124/"]
	ts.srv.mu.Unlock()
	if !waiting {
		t.Error("s124 is not waiting after s123 was asked for; the test shows nothing")
	}
	// While the later parts render the others, every page asked for is
	// served, also one a later part has in hand when it is asked for.
	done := make(chan bool)
	go func() {
		for ts.srv.more().Pending > 0 {
		}
		close(done)
	}()
	for i := range 300 {
		if code, _ := get(t, ts, fmt.Sprintf("/mange/s%03d/", i)); code != 200 {
			t.Errorf("/mange/s%03d/ while the later parts run: %d", i, code)
		}
	}
	<-done
	// 300 pages changed at once (a branch checked out): one asked for
	// shows its new text at once, not what it said before.
	var paths []string
	for i := range 300 {
		name := fmt.Sprintf("content/mange/s%03d.md", i)
		files[name] = fmt.Sprintf("+++\ntitle = \"Side %d\"\n+++\n\nRettet side %d.\n", i, i)
		paths = append(paths, name)
	}
	writeFiles(t, ts.dir, files)
	if u := ts.srv.first(paths); len(u.Later) < 300 {
		t.Fatalf("the first part left %d changed pages for later; want 300", len(u.Later))
	}
	if code, body := get(t, ts, "/mange/s200/"); code != 200 || !strings.Contains(body, "Rettet side 200.") {
		t.Errorf("/mange/s200/ after the change: %d, want its new text at once", code)
	}
	// A later part renders the pages requests wait for (now) first, and
	// stops: the page asked for need not wait for the whole part.
	ts.srv.ask("/mange/s250/", 1)
	u = ts.srv.more()
	ts.srv.ask("/mange/s250/", -1)
	ts.srv.mu.Lock()
	out := ts.srv.out
	ts.srv.mu.Unlock()
	body, _ := out.Get("mange/s250/index.html")
	renewed := strings.Contains(string(body), "Rettet side 250.")
	if whole := ts.srv.more().Pages; u.Pages == 0 || u.Pages >= whole || !renewed {
		t.Errorf("a later part rendered %d pages while a request waited for /mange/s250/ (%d with none waiting), the page's new text in the output: %v; want fewer pages, with it",
			u.Pages, whole, renewed)
	}
}
