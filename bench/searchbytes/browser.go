package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/torv/torv/internal/browsertest"
)

// torv's search page: done when the status region has its sentence (the
// script says the count at once for a query from the address), failed
// when the script showed the no-JavaScript text again.
const (
	torvDone = `(() => {
  const nojs = document.getElementById('search-nojs'), st = document.getElementById('search-status');
  if (!nojs || !st) return 'no search page';
  if (!nojs.hidden) return 'the search script failed or did not run';
  return st.textContent ? 'ok' : false;
})()`
	torvResult = `(() => {
  const links = [...document.querySelectorAll('#search-results > li > a')];
  const m = document.getElementById('search-status').textContent.match(/^\s*(\d+)/);
  return {n: links.length ? (m ? +m[1] : links.length) : 0,
    urls: links.map(a => new URL(a.href).pathname),
    ms: +(document.getElementById('search').dataset.ms || 0)};
})()`
)

var torvScript = regexp.MustCompile(`^/js/search(\.[0-9a-f]+)?\.js$`)

func torvCounted(p string) bool { return strings.HasPrefix(p, "/search/") || torvScript.MatchString(p) }

// pagefindPage runs a query as Pagefind's UI does: search, then the data
// of the first 10 results.
const pagefindPage = `<!doctype html>
<html lang="da"><meta charset="utf-8"><title>Pagefind</title>
<body><script type="module">
const q = new URLSearchParams(location.search).get('q') || '';
const t0 = performance.now();
try {
  const pagefind = await import('/pagefind/pagefind.js');
  const r = await pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  document.body.dataset.n = r.results.length;
  document.body.dataset.urls = JSON.stringify(data.map(d => new URL(d.url, location.href).pathname));
  document.body.dataset.ms = Math.round(performance.now() - t0);
  document.body.dataset.done = 'ok';
} catch (e) {
  document.body.dataset.done = 'Pagefind failed: ' + e;
}
</script>
`

const (
	pagefindDone   = `document.body && document.body.dataset.done || false`
	pagefindResult = `({n: +document.body.dataset.n, urls: JSON.parse(document.body.dataset.urls), ms: +document.body.dataset.ms})`
)

func pagefindCounted(p string) bool { return strings.HasPrefix(p, "/pagefind/") }

type browser struct {
	ctx     context.Context
	cancels []context.CancelFunc
	profile string
}

// startBrowser starts headless Chromium as internal/browsertest does: no
// sandbox, no background networking, component updates or sync, a fresh
// profile, so the only requests are the pages'.
func startBrowser(path string) (*browser, error) {
	if path == "" {
		if path = browsertest.Path(); path == "" {
			return nil, fmt.Errorf("no chromium on PATH (apt-get install chromium, or -chromium PATH)")
		}
	}
	profile, err := os.MkdirTemp("", "searchbytes-chromium-")
	if err != nil {
		return nil, err
	}
	actx, c1 := chromedp.NewExecAllocator(context.Background(), browsertest.Options(path, profile)...)
	ctx, c2 := chromedp.NewContext(actx)
	b := &browser{ctx: ctx, cancels: []context.CancelFunc{c1, c2}, profile: profile}
	if err := chromedp.Run(ctx); err != nil {
		b.close()
		return nil, fmt.Errorf("starting Chromium (%s): %v", path, err)
	}
	return b, nil
}

func (b *browser) close() {
	chromedp.Cancel(b.ctx)
	for i := len(b.cancels) - 1; i >= 0; i-- {
		b.cancels[i]()
	}
	os.RemoveAll(b.profile)
}

type measured struct {
	bytes, serverBytes int64
	files, n, rank, ms int
}

// recorder adds up, from the tab's network events, the encoded bytes of
// the responses whose path the tool counts.
type recorder struct {
	mu      sync.Mutex
	tab     context.Context
	counted func(string) bool
	paths   map[network.RequestID]string
	open    map[network.RequestID]bool  // counted, not finished yet
	length  map[network.RequestID]int64 // Content-Length of a counted response
	bytes   int64
	files   int
	failed  []string
	console []string // the page's errors and warnings, to explain a failure
}

func (r *recorder) listen(ev any) {
	switch e := ev.(type) {
	case *target.EventAttachedToTarget:
		r.startWorker(r.tab, e)
		return
	case *target.EventReceivedMessageFromTarget:
		r.fromWorker(e)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(e.Request.URL)
		if err == nil && r.counted(u.Path) {
			r.paths[e.RequestID] = u.Path
			r.open[e.RequestID] = true
		}
	case *network.EventLoadingFinished:
		if r.open[e.RequestID] {
			delete(r.open, e.RequestID)
			if os.Getenv("SEARCHBYTES_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "browser %s %.0f (body %d)\n", r.paths[e.RequestID], e.EncodedDataLength, r.length[e.RequestID])
			}
			n := int64(e.EncodedDataLength)
			if body := r.length[e.RequestID]; n < body {
				// Chromium reports a worker's own script with the
				// headers' bytes only: add the body the server sent.
				n += body
			}
			r.bytes += n
			r.files++
		}
	case *runtime.EventExceptionThrown:
		r.console = append(r.console, e.ExceptionDetails.Error())
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning {
			for _, a := range e.Args {
				r.console = append(r.console, string(e.Type)+": "+string(a.Value)+a.Description)
			}
		}
	case *network.EventResponseReceived:
		if r.open[e.RequestID] {
			if n, err := strconv.ParseInt(fmt.Sprint(e.Response.Headers["Content-Length"]), 10, 64); err == nil {
				r.length[e.RequestID] = n
			}
		}
	case *network.EventLoadingFailed:
		if r.open[e.RequestID] {
			delete(r.open, e.RequestID)
			r.failed = append(r.failed, r.paths[e.RequestID]+": "+e.ErrorText)
		}
	}
}

// openPaths lists the counted requests not finished; r.mu is held.
func (r *recorder) openPaths() string {
	var open []string
	for id := range r.open {
		open = append(open, r.paths[id])
	}
	return strings.Join(open, " ")
}

func (r *recorder) pending() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.open)
}

// measure opens query q of tool t in a fresh tab with the cache off and
// waits until the page has shown the results and every counted response
// has finished.
func (b *browser) measure(t *tool, q query, timeout time.Duration) (measured, error) {
	tab, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	rec := &recorder{tab: tab, counted: t.counted, paths: map[network.RequestID]string{}, open: map[network.RequestID]bool{},
		length: map[network.RequestID]int64{}}
	chromedp.ListenTarget(tab, rec.listen)
	ctx, cancelT := context.WithTimeout(tab, timeout)
	defer cancelT()
	t.srv.take()
	var state string
	err := chromedp.Run(ctx, network.Enable(), runtime.Enable(), network.SetCacheDisabled(true), attachWorkers(),
		chromedp.Navigate(t.open(q.text)),
		chromedp.Poll(t.done, &state, chromedp.WithPollingInterval(20*time.Millisecond)))
	if err == nil && state != "ok" {
		err = fmt.Errorf("%s", state)
	}
	if err != nil {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		return measured{}, fmt.Errorf("%v (the page said: %s; %d responses finished, waiting for: %s)",
			err, strings.Join(rec.console, "; "), rec.files, rec.openPaths())
	}
	for t0 := time.Now(); rec.pending() > 0 && time.Since(t0) < 5*time.Second; {
		time.Sleep(20 * time.Millisecond)
	}
	if p := rec.pending(); p > 0 {
		rec.mu.Lock()
		fmt.Fprintf(os.Stderr, "searchbytes: %s %q: %d responses not finished: %v\n", t.name, q.text, p, rec.openPaths())
		rec.mu.Unlock()
	}
	time.Sleep(200 * time.Millisecond) // a late request would still be counted
	var res struct {
		N    int      `json:"n"`
		URLs []string `json:"urls"`
		MS   int      `json:"ms"`
	}
	var raw json.RawMessage
	if err := chromedp.Run(ctx, chromedp.Evaluate(t.result, &raw)); err != nil {
		return measured{}, err
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return measured{}, err
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.failed) > 0 {
		return measured{}, fmt.Errorf("requests failed: %s", strings.Join(rec.failed, "; "))
	}
	m := measured{bytes: rec.bytes, files: rec.files, n: res.N, ms: res.MS}
	for i, u := range res.URLs {
		if u == q.url && m.rank == 0 {
			m.rank = i + 1
		}
	}
	for _, s := range t.srv.take() {
		if os.Getenv("SEARCHBYTES_DEBUG") != "" {
			fmt.Fprintf(os.Stderr, "server %s %d\n", s.path, s.bytes)
		}
		if t.counted(s.path) {
			m.serverBytes += s.bytes
		}
	}
	return m, nil
}
