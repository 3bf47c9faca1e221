package server

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/overlay"
	"github.com/torv/torv/internal/sitepath"
)

var (
	//go:embed live.js
	liveJS []byte
	//go:embed overlay.css
	overlayCSS []byte
)

// Prefix is the URL folder of the preview's own files; no page of a site
// can be there, since torv leaves out names starting with "_".
const Prefix = "/__torv/"

// Server serves a site from memory and keeps it up to date.
type Server struct {
	siteFS   fs.FS
	files    fs.FS // the site over the defaults, for the lines errors point at
	opts     build.Options
	defaults fs.FS
	log      io.Writer
	id       string // this run of the server, so a page from another run reloads

	building sync.Mutex
	askMu    sync.Mutex
	asked    map[string]int // addresses that requests wait for building to render now, and how many wait for each
	session  *build.Session
	panels   *panels // torv check's findings on each page; nil when off

	mu        sync.Mutex
	gen       int           // builds that succeeded
	out       *build.Output // the last build that succeeded
	css       assets.Asset  // its stylesheet
	base      string
	lang      string
	diags     diag.List // of the last build
	rep       *report   // the last build's errors, when it failed
	changedAt map[string]int
	pending   map[string]bool // paths changed since the last build that succeeded
	waiting   map[string]bool // addresses of the pages the last edit left for later (Rebuild.Later; never changed, only replaced)
	printed   map[string]bool // errors on the terminal that are still there
	later     laterParts      // the later parts of the last edit so far, for the terminal
	hub       *hub
}

// New returns a server for the site folder siteFS, with defaults (the
// embedded layouts, assets and i18n) under it. log receives each build's
// errors, once each, and a line per build.
func New(siteFS, defaults fs.FS, opts build.Options, log io.Writer) *Server {
	id := make([]byte, 6)
	rand.Read(id)
	return &Server{siteFS: siteFS, defaults: defaults, files: overlay.New(siteFS, defaults), opts: opts, log: log,
		id: hex.EncodeToString(id), session: build.NewSession(siteFS, defaults, opts),
		base: "/", lang: "da", changedAt: map[string]int{}, pending: map[string]bool{},
		printed: map[string]bool{}, asked: map[string]int{}, hub: newHub()}
}

// ShowFindings puts torv check's findings panel on every page the
// preview serves from a file of the site (see check.Panel); root is the
// site folder as an absolute path, from which the panel's line numbers
// link to the editor set in config.toml's [check] editor ("" for no
// links). Call it before the first Build.
func (s *Server) ShowFindings(root string) {
	s.panels = newPanels(root)
	s.opts.Check = true
	s.session = build.NewSession(s.siteFS, s.defaults, s.opts)
}

// Build builds the whole site now and returns its diagnostics.
func (s *Server) Build() diag.List {
	s.building.Lock()
	defer s.building.Unlock()
	u := s.session.Full()
	s.publish(u, nil)
	return u.Diags
}

// Update brings the site up to date after the files at paths changed
// (slash paths relative to the site folder, as package watch reports
// them), tells every open page, and returns the diagnostics.
func (s *Server) Update(paths []string) diag.List {
	u := s.first(paths)
	for u.Pending > 0 {
		u = s.more()
	}
	return u.Diags
}

// first does an edit's first part: the pages the edit changed are served
// first; the pages that only read it (all of them, for a new folder in
// the menu) follow, from more.
func (s *Server) first(paths []string) *build.Rebuild {
	s.building.Lock()
	defer s.building.Unlock()
	u := s.session.UpdateFirst(paths)
	s.publish(u, paths)
	return u
}

// more renders some of the pages an edit left for later; when requests
// wait for some of them (now), it renders those next and stops.
func (s *Server) more() *build.Rebuild {
	s.building.Lock()
	defer s.building.Unlock()
	u := s.session.ContinueUntil(s.askedFor)
	s.publish(u, nil)
	return u
}

// now renders the page at address u at once, which the last edit left
// for later, so that a page a browser asks for does not wait for the
// thousands copied in with it, nor shows what it was before the thousands
// changed with it (a branch checked out). When it returns, the output has
// the page, rendered here or by the later part that had it in hand while
// this waited for the building lock.
func (s *Server) now(u string) {
	s.ask(u, 1)
	s.building.Lock()
	s.ask(u, -1)
	defer s.building.Unlock()
	if r := s.session.RenderNow(u); r != nil {
		s.publish(r, nil)
	}
}

// ask counts one more (d = 1) or one less (d = -1) request waiting for the
// page at address u.
func (s *Server) ask(u string, d int) {
	s.askMu.Lock()
	defer s.askMu.Unlock()
	if s.asked[u] += d; s.asked[u] <= 0 {
		delete(s.asked, u)
	}
}

// askedFor returns the addresses requests wait for.
func (s *Server) askedFor() []string {
	s.askMu.Lock()
	defer s.askMu.Unlock()
	return slices.Collect(maps.Keys(s.asked))
}

// Watch builds once for every batch of changed paths until batches is
// closed or stop is. The pages an edit left for later are rendered while
// no batch waits, so that a burst of edits (5 000 pages copied in) is
// read as it comes; they start Breather after the edit's first part, so
// that the browser's reload of the edited page, which that part told to
// reload, finds the cores free.
func (s *Server) Watch(batches <-chan []string, stop <-chan struct{}) {
	pending := 0
	var resume <-chan time.Time // the end of the breather
	for {
		var b []string
		var ok bool
		if pending > 0 && resume == nil {
			select {
			case b, ok = <-batches:
			case <-stop:
				return
			default:
				pending = s.more().Pending
				continue
			}
		} else {
			select {
			case b, ok = <-batches:
			case <-stop:
				return
			case <-resume:
				resume = nil
				continue
			}
		}
		if !ok {
			return
		}
		pending, resume = s.first(b).Pending, nil
		if pending > 0 {
			resume = time.After(Breather)
		}
	}
}

// Breather is how long Watch waits after an edit's first part before it
// renders what the edit left for later: a reload is a few milliseconds
// of the server's work, the later parts (the search index after a save,
// 0.1 to 0.2 s of both cores at 10 000 pages) would slow it down.
const Breather = 60 * time.Millisecond

// Close ends the event streams of the open pages, so that the HTTP server
// can shut down at once.
func (s *Server) Close() { s.hub.close() }

// publish makes a build's result the server's state, tells the open
// pages, and prints what is new on the terminal.
func (s *Server) publish(u *build.Rebuild, paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.terminal(u, paths)
	for _, p := range u.Changed {
		s.pending[p] = true
	}
	if u.Lang != "" {
		s.lang = u.Lang
	}
	s.diags = u.Diags
	switch {
	case paths != nil || u.Full:
		s.waiting = u.Later
	case u.Pending == 0:
		s.waiting = nil
	} // else a later part: what it took from the pages waiting is in the output
	if u.Output == nil {
		was := s.rep
		s.rep = newReport(u.Diags, s.lang, s.files)
		if was != nil && was.Sig == s.rep.Sig {
			return // the later part of a build that failed: the pages know
		}
		m := encode("errors", s.rep)
		s.hub.each(func(c *client) { c.deliver(m) })
		return
	}
	prev, prevCSS := s.out, s.css
	s.gen++
	changed := map[string]bool{}
	for p := range s.pending {
		var a []byte
		had := false
		if prev != nil {
			a, had = prev.Get(p)
		}
		b, has := u.Output.Get(p)
		if had != has || !bytes.Equal(a, b) {
			changed[p] = true
			s.changedAt[p] = s.gen
		}
	}
	clear(s.pending)
	hadErrors := s.rep != nil
	s.out, s.css, s.base, s.rep = u.Output, u.CSS, u.BasePath, nil
	if s.panels != nil {
		s.panels.built(s.gen, u)
	}
	if prev != nil && !hadErrors && prevCSS.URL == u.CSS.URL && !anyPage(changed) {
		// Only files no page shows changed (the search index, a feed:
		// what the preview makes after the edited pages). A page told of
		// the edit already is not told again; one that is up to date
		// stays so.
		s.hub.each(func(c *client) {
			if c.gen >= 0 && s.changedAt[c.page] <= c.gen {
				c.gen = s.gen
			}
		})
		return
	}
	s.hub.each(func(c *client) {
		switch {
		case c.gen < 0 || prev == nil || s.changedAt[c.page] > c.gen && !(c.gen == s.gen-1 && changed[c.page]):
			c.deliver(encode("update", update{Reload: true}))
		case changed[c.page]:
			a, _ := prev.Get(c.page)
			b, _ := u.Output.Get(c.page)
			if css := s.cssOnly(a, b, prevCSS, u.CSS); css != nil {
				c.gen = s.gen
				c.deliver(encode("update", update{CSS: css, Build: s.buildID()}))
			} else {
				c.deliver(encode("update", update{Reload: true}))
			}
		default:
			c.gen = s.gen
			c.deliver(encode("update", update{Build: s.buildID()}))
		}
	})
}

// anyPage reports whether one of the output paths is a page.
func anyPage(paths map[string]bool) bool {
	for p := range paths {
		if strings.HasSuffix(p, ".html") {
			return true
		}
	}
	return false
}

// greet sends a page that just connected the state it must show: the
// errors, a reload when the page changed since it was served, or nothing
// to do. s.mu is held.
func (s *Server) greet(c *client) {
	switch {
	case s.rep != nil:
		c.deliver(encode("errors", s.rep))
	case c.gen < 0 || s.changedAt[c.page] > c.gen:
		c.deliver(encode("update", update{Reload: true}))
	default:
		c.gen = s.gen
		c.deliver(encode("update", update{Build: s.buildID()}))
	}
}

// buildID names the last build that succeeded, as pages carry it. s.mu is
// held.
func (s *Server) buildID() string { return s.id + "." + strconv.Itoa(s.gen) }

// cssOnly returns the stylesheet swap that turns page a into page b, or
// nil when they differ in more than the stylesheet's name and integrity.
func (s *Server) cssOnly(a, b []byte, old, new assets.Asset) *cssUpdate {
	if old.URL == "" || old.URL == new.URL {
		return nil
	}
	href := func(u string) string { return strings.TrimSuffix(s.base, "/") + u }
	a = bytes.ReplaceAll(a, []byte(href(old.URL)), []byte(href(new.URL)))
	if old.Integrity != "" {
		a = bytes.ReplaceAll(a, []byte(old.Integrity), []byte(new.Integrity))
	}
	if !bytes.Equal(a, b) {
		return nil
	}
	return &cssUpdate{Old: href(old.URL), Href: href(new.URL), Integrity: new.Integrity}
}

// terminal prints each error and warning once, while it lasts, and a line
// about the build. s.mu is held.
func (s *Server) terminal(u *build.Rebuild, paths []string) {
	now := map[string]bool{}
	fresh := 0
	for _, e := range u.Diags {
		line := e.Error()
		now[line] = true
		if !s.printed[line] {
			fmt.Fprintln(s.log, line)
			fresh++
		}
	}
	hadErrors := s.rep != nil
	s.printed = now
	took := rounded(u.Duration)
	verb, what := "Built", plural(u.Pages, "page")
	if u.Pages == 0 && len(u.Changed) > 0 {
		// A file no page shows (a static file, the search index):
		// "Built 0 pages" would read as if the save had been lost.
		verb, what = "Updated", few(u.Changed, len(u.Changed))
	}
	if len(paths) > 0 {
		what += " after " + few(paths, len(paths))
	}
	if u.Output == nil {
		n := len(u.Diags.Errors())
		if s.opts.Strict {
			n = len(u.Diags)
		}
		if fresh == 0 && hadErrors {
			fmt.Fprintf(s.log, "Still %s (shown above); the browser shows them too.\n", plural(n, "error"))
			return
		}
		if s.out == nil {
			fmt.Fprintf(s.log, "The site has %s; the browser shows them until they are fixed.\n", plural(n, "error"))
		} else {
			fmt.Fprintf(s.log, "The site has %s; the browser shows them over the last version that worked.\n", plural(n, "error"))
		}
		return
	}
	if hadErrors {
		fmt.Fprintln(s.log, "Fixed: the site builds again.")
	}
	if len(paths) == 0 && !u.Full {
		// A later part of an edit (Session.Continue): one line for all
		// of them, when the last is done.
		s.later.add(u)
		if u.Pending > 0 {
			return
		}
		l := s.later
		s.later = laterParts{}
		switch took := rounded(l.took); {
		case l.pages > 0:
			fmt.Fprintf(s.log, "Built %s in %s\n", plural(l.pages, "page"), took)
		case l.changed > 0:
			fmt.Fprintf(s.log, "Updated %s in %s\n", few(l.files, l.changed), took)
		}
		return
	}
	s.later = laterParts{}
	if u.Pages > 0 || len(u.Changed) > 0 {
		fmt.Fprintf(s.log, "%s %s in %s\n", verb, what, took)
	}
}

// laterParts sums the later parts of an edit for the terminal's line.
type laterParts struct {
	pages, changed int
	files          []string // the first few of the output files that changed
	took           time.Duration
}

func (l *laterParts) add(u *build.Rebuild) {
	l.pages += u.Pages
	l.took += u.Duration
	l.changed += len(u.Changed)
	l.files = append(l.files, u.Changed[:min(len(u.Changed), 3-min(len(l.files), 3))]...)
}

// rounded is d as the terminal shows it: to 0.1 ms below 10 ms, else to
// the millisecond.
func rounded(d time.Duration) time.Duration {
	if d > 10*time.Millisecond {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Microsecond)
}

// few names the first three of n paths, and how many more there are.
func few(paths []string, n int) string {
	shown := slices.Clone(paths[:min(len(paths), 3)])
	if n > len(shown) {
		shown = append(shown, fmt.Sprintf("and %d more", n-len(shown)))
	}
	return strings.Join(shown, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !ownHost(r) {
		http.Error(w, "torv serve answers only at its own address, such as http://127.0.0.1:1313/ or http://localhost:1313/", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case Prefix + "live.js":
		s.own(w, r, "text/javascript; charset=utf-8", liveJS)
		return
	case Prefix + "overlay.css":
		s.own(w, r, "text/css; charset=utf-8", overlayCSS)
		return
	case check.PanelCSSPath:
		if s.panels != nil {
			s.own(w, r, "text/css; charset=utf-8", []byte(check.PanelCSS))
			return
		}
	case Prefix + "events":
		s.events(w, r)
		return
	}
	name, ok := cleanPath(r.URL)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	out, rep, base, build, gen, waiting := s.out, s.rep, s.base, s.buildID(), s.gen, s.waiting
	s.mu.Unlock()

	if out == nil {
		if rep != nil && isPage(name) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(renderErrorPage(rep, build))
			return
		}
		http.Error(w, "the site has not been built yet", http.StatusServiceUnavailable)
		return
	}
	rel, ok := strings.CutPrefix("/"+name, base)
	if !ok {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	file := sitepath.Request(rel)
	code := http.StatusOK
	if u := sitepath.Address(file); waiting[u] { // new, or changed and not rendered again yet
		s.now(u)
		s.mu.Lock()
		out, build, gen = s.out, s.buildID(), s.gen // never nil again once it was not
		s.mu.Unlock()
	}
	b, found := out.Get(file)
	if !found {
		if _, isDir := out.Get(file + "/" + sitepath.Index); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		b, _ = out.Get("404.html")
		file, code = "404.html", http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(file))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	if strings.HasPrefix(ctype, "text/html") {
		var panel []byte
		if s.panels != nil && code == http.StatusOK {
			panel = s.panels.html(gen, file)
		}
		b = inject(b, panel, build)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(code)
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}

// own serves one of the preview's own files.
func (s *Server) own(w http.ResponseWriter, r *http.Request, ctype string, b []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}

// inject adds the findings panel (nil for none) and the live-reload
// script to a page, before its last </body>; the page in the Output is
// not changed.
func inject(page, panel []byte, build string) []byte {
	tag := `<script src="` + Prefix + `live.js" data-torv-build="` + build + `"></script>`
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(panel)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, panel...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// outputName is the output path of a cleaned request path (without its
// leading "/"), as ServeHTTP looks it up.
func (s *Server) outputName(name string) string {
	rel, ok := strings.CutPrefix("/"+name, s.base)
	if !ok {
		return ""
	}
	return sitepath.Request(rel)
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

// BasePath returns the base URL's path of the last build that succeeded,
// "/" or "/borger/": where the site's home page is served.
func (s *Server) BasePath() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.base
}
