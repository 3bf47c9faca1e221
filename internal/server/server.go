package server

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/diag"
)

// Server serves a site from memory.
type Server struct {
	siteFS   fs.FS
	defaults fs.FS
	opts     build.Options
	log      io.Writer

	mu    sync.Mutex
	stamp uint64
	out   *build.Output
	diags diag.List
	base  string
}

// New returns a server for the site folder siteFS. log receives each
// build's errors and a line per rebuild.
func New(siteFS, defaults fs.FS, opts build.Options, log io.Writer) *Server {
	return &Server{siteFS: siteFS, defaults: defaults, opts: opts, log: log, base: "/"}
}

// Build runs a build now, if anything changed since the last one, and
// returns its diagnostics.
func (s *Server) Build() diag.List {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refresh()
	return s.diags
}

// refresh rebuilds when the site changed; s.mu is held.
func (s *Server) refresh() {
	stamp := fingerprint(s.siteFS)
	if stamp == s.stamp && (s.out != nil || s.diags != nil) {
		return
	}
	s.stamp = stamp
	start := time.Now()
	res := build.Build(s.siteFS, s.defaults, s.opts)
	s.diags = res.Diags
	for _, e := range res.Diags {
		fmt.Fprintln(s.log, e.Error())
	}
	if res.Output != nil {
		s.out = res.Output
		if res.Site != nil && res.Site.Config != nil {
			s.base = res.Site.Config.BasePath
		}
		fmt.Fprintf(s.log, "Built %d pages in %s\n", res.Pages, time.Since(start).Round(time.Millisecond))
	} else {
		fmt.Fprintf(s.log, "The build failed; the browser shows the errors.\n")
	}
}

// fingerprint sums the names, sizes and modification times of the site's
// files, so any save changes it.
func fingerprint(fsys fs.FS) uint64 {
	h := fnv.New64a()
	for _, root := range []string{"config.toml", "content", "layouts", "assets", "i18n"} {
		fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return h.Sum64()
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	if isPage(name) {
		s.refresh()
	}
	out, diags, base := s.out, s.diags, s.base
	s.mu.Unlock()

	if isPage(name) && diags.Err(s.opts.Strict) != nil {
		s.errorPage(w, diags)
		return
	}
	if out == nil {
		http.Error(w, "the site has not been built yet", http.StatusServiceUnavailable)
		return
	}
	rel, ok := strings.CutPrefix("/"+name, base)
	if !ok {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	file := rel
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	b, found := out.Get(file)
	if !found {
		if _, isDir := out.Get(file + "/index.html"); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		b, _ = out.Get("404.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(file))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}

// cleanPath returns the request path without its leading "/", or false
// when it tries to leave the site: "..", encoded slashes or backslashes,
// NUL bytes.
func cleanPath(u *url.URL) (string, bool) {
	raw := u.EscapedPath()
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return "", false
	}
	p := u.Path
	if strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return "", false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	name := strings.TrimPrefix(p, "/")
	if name != "" && !fs.ValidPath(strings.TrimSuffix(name, "/")) {
		return "", false
	}
	return name, true
}

func isPage(name string) bool {
	return name == "" || strings.HasSuffix(name, "/") || strings.HasSuffix(name, ".html")
}

var errorTmpl = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site has errors – torv</title></head>
<body>
<main>
<h1>The site has {{len .}} {{if eq (len .) 1}}mistake{{else}}mistakes{{end}}</h1>
<p>Fix them in your editor and reload this page. The last version that worked is not shown until then.</p>
<ol>
{{range .}}<li><p><strong><code>{{.Pos}}</code></strong>{{if eq .Level 1}} (warning){{end}}</p><p>{{.Msg}}</p>{{if .Hint}}<p>What to do: {{.Hint}}</p>{{end}}</li>
{{end}}</ol>
</main>
</body></html>
`))

func (s *Server) errorPage(w http.ResponseWriter, diags diag.List) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	errorTmpl.Execute(w, diags)
}
