package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/torv/torv/internal/outputs"
)

// lockedBuffer is an output the serve goroutine writes while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var previewURL = regexp.MustCompile(`Preview at (http://\S+) `)

// startServe runs "torv serve" with args until the test ends, and
// returns the preview's URL and its outputs.
func startServe(t *testing.T, args ...string) (url string, stdout, stderr *lockedBuffer, stop func() int) {
	t.Helper()
	return startServeOutputs(t, nil, args...)
}

// startServeOutputs is startServe with the cli's output stages set to
// outs (nil for the defaults).
func startServeOutputs(t *testing.T, outs []outputs.Stage, args ...string) (url string, stdout, stderr *lockedBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	old := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { serveContext = old })
	stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
	code := make(chan int, 1)
	c := newCLI(stdout, stderr)
	c.outputs = outs
	go func() { code <- c.run(append([]string{"serve"}, args...)) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := previewURL.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case c := <-code:
			t.Fatalf("torv serve ended with %d before serving:\n%s%s", c, stdout, stderr)
		case <-time.After(10 * time.Millisecond):
		}
	}
	if url == "" {
		t.Fatalf("torv serve printed no URL:\n%s%s", stdout, stderr)
	}
	stopped := false
	var result int
	stop = func() int {
		if !stopped {
			stopped = true
			cancel()
			select {
			case result = <-code:
			case <-time.After(5 * time.Second):
				t.Fatal("torv serve did not stop within 5 s")
			}
		}
		return result
	}
	t.Cleanup(func() { stop() })
	return url, stdout, stderr, stop
}

func TestServeEditAndStop(t *testing.T) {
	dir := writeSite(t, 3)
	url, stdout, _, stop := startServe(t, "-source", dir, "-port", "0")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("the preview is at %s", url)
	}
	fetch := func(path string) string {
		res, err := http.Get(strings.TrimSuffix(url, "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	if body := fetch("/sider/side-001/"); !strings.Contains(body, "Tekst 1.") {
		t.Fatalf("the page is not served: %.200s", body)
	}
	// An edit is served without a request to rebuild.
	p := filepath.Join(dir, "content/sider/side-001.md")
	if err := os.WriteFile(p, []byte("+++\ntitle = \"Side 1\"\n+++\n\nRettet.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(fetch("/sider/side-001/"), "Rettet.") {
		if time.Now().After(deadline) {
			t.Fatal("the edit was not served within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code := stop(); code != exitOK {
		t.Errorf("exit code %d after Ctrl-C", code)
	}
	if !strings.Contains(stdout.String(), "Stopped.") {
		t.Errorf("stdout: %s", stdout)
	}
}

func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	var stdout, stderr bytes.Buffer
	code := newCLI(&stdout, &stderr).run([]string{"serve", "-source", writeSite(t, 1), "-port", strconv.Itoa(port)})
	if code != exitUsage {
		t.Errorf("exit code %d, want %d", code, exitUsage)
	}
	msg := stderr.String()
	if !strings.Contains(msg, "Port "+strconv.Itoa(port)+" is taken") || !regexp.MustCompile(`torv serve -port \d+`).MatchString(msg) {
		t.Errorf("the message does not say the port is taken and which is free:\n%s", msg)
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	_, _, stderr, stop := startServe(t, "-source", writeSite(t, 1), "-port", "0", "-bind", "0.0.0.0")
	stop()
	if !strings.Contains(stderr.String(), "Warning: listening on 0.0.0.0 shows the preview") {
		t.Errorf("no warning:\n%s", stderr)
	}
	_, _, stderr, stop = startServe(t, "-source", writeSite(t, 1), "-port", "0")
	stop()
	if strings.Contains(stderr.String(), "Warning") {
		t.Errorf("a warning on loopback:\n%s", stderr)
	}
}

func TestServeNoFolder(t *testing.T) {
	var stdout, stderr bytes.Buffer
	missing := filepath.Join(t.TempDir(), "findes-ikke")
	if code := newCLI(&stdout, &stderr).run([]string{"serve", "-source", missing, "-port", "0"}); code != exitUsage {
		t.Errorf("exit code %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr.String(), "there is no folder "+missing) {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestServeShowsFindings: torv serve puts torv check's findings on each
// page (writeSite's pages have no description), -check=false leaves them
// out, and torv build never writes them.
func TestServeShowsFindings(t *testing.T) {
	dir := writeSite(t, 1)
	fetch := func(url, path string) (int, string) {
		t.Helper()
		res, err := http.Get(strings.TrimSuffix(url, "/") + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	url, _, _, stop := startServe(t, "-source", dir, "-port", "0")
	_, body := fetch(url, "/sider/side-000/")
	for _, want := range []string{`<aside class="torv-check"`, "content/sider/side-000.md:2:1: the page has no description <code>[description]</code>", `href="/__torv/check.css"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the served page lacks %q:\n%s", want, body[max(0, strings.Index(body, "<aside")):])
		}
	}
	if code, css := fetch(url, "/__torv/check.css"); code != 200 || !strings.Contains(css, ".torv-check") {
		t.Errorf("the panel's stylesheet: %d", code)
	}
	stop()

	url, _, _, stop = startServe(t, "-source", dir, "-port", "0", "-check=false")
	if _, body := fetch(url, "/sider/side-000/"); strings.Contains(body, "torv-check") {
		t.Error("-check=false shows the findings")
	}
	stop()

	var stdout, stderr bytes.Buffer
	if code := newCLI(&stdout, &stderr).run([]string{"build", "-source", dir, "-quiet"}); code != exitOK {
		t.Fatalf("build: %d\n%s", code, stderr.String())
	}
	n := 0
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		if b, _ := os.ReadFile(p); strings.Contains(string(b), "torv-check") {
			t.Errorf("torv build wrote the findings panel into %s", p)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Errorf("the built site: %d files, %v", n, err)
	}
}
