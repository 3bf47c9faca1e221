package main

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// server serves a built site from a folder as a static host would: text
// types (HTML, CSS, JavaScript, JSON, SVG, XML, WebAssembly) gzipped when
// the browser accepts it, everything else as it is (Pagefind's index,
// fragment and wasm files are gzipped by Pagefind already and sent as
// application/octet-stream, as hosts do). It counts the body bytes it
// sends, so that the figures from the browser can be checked against
// what left the server.
type server struct {
	dir   string
	level int

	mu   sync.Mutex
	gz   map[string][]byte // file -> its gzipped bytes, made once
	sent []sent            // responses since the last take
}

// sent is one response: the path asked for and the body bytes sent.
type sent struct {
	path  string
	bytes int64
}

func newServer(dir string, level int) *server {
	return &server{dir: dir, level: level, gz: map[string][]byte{}}
}

// compressible are the types a static host gzips (nginx's gzip_types
// with the usual additions).
func compressible(ctype string) bool {
	ctype, _, _ = strings.Cut(ctype, ";")
	switch ctype {
	case "text/html", "text/css", "text/plain", "text/javascript", "application/javascript",
		"application/json", "image/svg+xml", "application/xml", "text/xml", "application/wasm":
		return true
	}
	return false
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.dir, filepath.FromSlash(name))
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(filepath.Ext(file))
	switch {
	case strings.HasSuffix(file, ".json"):
		ctype = "application/json"
	case strings.HasSuffix(file, ".js"):
		ctype = "text/javascript; charset=utf-8"
	case strings.HasSuffix(file, ".wasm"):
		ctype = "application/wasm"
	case ctype == "":
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	if compressible(ctype) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		b = s.gzipped(file, b)
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
	}
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	n, _ := w.Write(b)
	s.mu.Lock()
	s.sent = append(s.sent, sent{r.URL.Path, int64(n)})
	s.mu.Unlock()
}

func (s *server) gzipped(file string, b []byte) []byte {
	s.mu.Lock()
	z, ok := s.gz[file]
	s.mu.Unlock()
	if ok {
		return z
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, s.level)
	zw.Write(b)
	zw.Close()
	s.mu.Lock()
	s.gz[file] = buf.Bytes()
	s.mu.Unlock()
	return buf.Bytes()
}

// take returns the responses sent since it was last called.
func (s *server) take() []sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.sent
	s.sent = nil
	return l
}
