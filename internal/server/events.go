package server

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// client is one open page listening on the event stream.
type client struct {
	page string   // output path of the page ("lov/x/index.html")
	gen  int      // the build the page shows, as far as the server knows
	send chan msg // buffered; a slow page gets the newest state, not every one
}

type msg struct {
	event string
	data  []byte
}

// hub keeps the open pages.
type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
	closed  bool
	done    chan bool
}

func newHub() *hub { return &hub{clients: map[*client]bool{}, done: make(chan bool)} }

func (h *hub) add(c *client) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.clients[c] = true
	return true
}

func (h *hub) remove(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// each calls f for every open page, under the hub's lock.
func (h *hub) each(f func(c *client)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		f(c)
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every event stream, so that the HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// deliver queues m for c, dropping an older message that was not sent yet:
// the newest state is what counts.
func (c *client) deliver(m msg) {
	for {
		select {
		case c.send <- m:
			return
		default:
			select {
			case <-c.send:
			default:
			}
		}
	}
}

// sameOrigin reports whether a request comes from the preview's own pages:
// its Host is an address of this server (an IP address or localhost, with
// the port the request came in on), and its Origin, when it has one, is
// that host. A page of another site cannot pass, even through a DNS name
// it made point at this machine.
func sameOrigin(r *http.Request) bool {
	if !ownHost(r) {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Scheme != "http" || u.Host != r.Host {
			return false
		}
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

// ownHost reports whether the request's Host names this server.
func ownHost(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		return false
	}
	if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if _, lport, err := net.SplitHostPort(la.String()); err == nil && lport != port {
			return false
		}
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	return net.ParseIP(strings.Trim(host, "[]")) != nil
}

// events is the Server-Sent Events stream of one open page: the page says
// which path it shows and which build it was served from; the stream
// answers at once with the state (errors, or whether the page is out of
// date) and after every build with what that page must do.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "refused: the event stream is for the preview's own pages", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	q := r.URL.Query()
	page := ""
	if u, err := url.Parse(q.Get("path")); err == nil && strings.HasPrefix(u.Path, "/") {
		if name, ok := cleanPath(u); ok {
			page = s.outputName(name)
		}
	}
	c := &client{page: page, gen: -1, send: make(chan msg, 1)}
	if id, g, ok := strings.Cut(q.Get("build"), "."); ok && id == s.id {
		if n, err := strconv.Atoi(g); err == nil {
			c.gen = n
		}
	}
	s.mu.Lock()
	s.greet(c)
	ok = s.hub.add(c)
	s.mu.Unlock()
	if !ok {
		http.Error(w, "the preview is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.remove(c)

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n")
	fl.Flush()
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case m := <-c.send:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
			fl.Flush()
		case <-keepAlive.C:
			fmt.Fprint(w, ": still here\n\n")
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		}
	}
}

// update is the message after a build that succeeded.
type update struct {
	Reload bool       `json:"reload"`
	Build  string     `json:"build,omitempty"` // the build the page now shows, when it did not reload
	CSS    *cssUpdate `json:"css,omitempty"`
}

type cssUpdate struct {
	Old       string `json:"old"` // the href to replace
	Href      string `json:"href"`
	Integrity string `json:"integrity"`
}

func encode(event string, v any) msg {
	b, _ := json.Marshal(v)
	return msg{event, b}
}
