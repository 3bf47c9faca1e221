package a11y

import (
	"context"
	_ "embed"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/torv/torv/internal/browsertest"
)

//go:embed testdata/checks.js
var checksJS string

// cspRecorder runs in every document before the page's own content, and
// keeps the Content-Security-Policy violations the page reports.
const cspRecorder = `window.__torvCSP = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__torvCSP.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + (e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : ""));
}, true);`

// axeTags are the rule sets the audit runs: WCAG 2.0, 2.1, 2.2 A and AA,
// and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// axeScript is axe-core (node_modules/axe-core/axe.min.js, from npm ci)
// followed by the suite's own checks.
func axeScript(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			axeErr = err
			return
		}
		axeSrc = string(b) + "\n;\n" + checksJS
	})
	if axeErr != nil {
		need(t, "axe-core is missing ("+axeErr.Error()+"): run npm ci in the repository root")
	}
	return axeSrc
}

// A mode is what the page is shown in: width, colour scheme and the
// user's other settings.
type mode struct {
	Name          string
	Width, Height int64
	Dark          bool
	ReducedMotion bool
	ForcedColors  bool
	Print         bool
}

var (
	light1280 = mode{Name: "light 1280px", Width: 1280, Height: 800}
	dark1280  = mode{Name: "dark 1280px", Width: 1280, Height: 800, Dark: true}
	light320  = mode{Name: "light 320px", Width: 320, Height: 640}
	dark320   = mode{Name: "dark 320px", Width: 320, Height: 640, Dark: true}
	// allModes are the four every page is audited in.
	allModes = []mode{light1280, dark1280, dark320, light320}
)

func (m mode) with(f func(*mode)) mode { f(&m); return m }

// newBrowser starts Chromium for one test.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	// A profile folder of our own, removed after the browser has gone
	// (Chromium may still be writing to it for a moment after exit, which
	// t.TempDir's cleanup reports as an error).
	profile, err := os.MkdirTemp("", "torv-a11y-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return browsertest.New(t,
		chromedp.UserDataDir(profile),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1280, 800),
		// Tabs that are not in front must not be slowed down: the audit
		// runs several at once.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
	)
}

// A tab is one page of the browser, recording what each load does.
type tab struct {
	ctx context.Context

	mu        sync.Mutex
	requests  []string          // every URL requested since load
	types     map[string]string // resource type by URL: Document, Stylesheet, Font …
	responses map[string]int64  // status by URL
	console   []string          // errors and warnings: console, log, exceptions, blocked loads
	mode      mode
	fontSize  int64
	sheet     string // the inspector stylesheet of the text-spacing check, for this load
}

// newTab opens a tab in the browser bctx.
func newTab(t testing.TB, bctx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx, responses: map[string]int64{}, types: map[string]string{}}
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	chromedp.ListenTarget(ctx, tb.event)
	if err := tb.run(30*time.Second, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(cspRecorder).Do(ctx)
		return err
	})); err != nil {
		t.Fatalf("setting up a tab: %v", err)
	}
	return tb
}

// event records what the page does. It runs on chromedp's event loop and
// must not block.
func (tb *tab) event(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, ev.Request.URL)
		tb.types[ev.Request.URL] = string(ev.Type)
	case *network.EventResponseReceived:
		tb.responses[ev.Response.URL] = ev.Response.Status
	case *network.EventLoadingFailed:
		if ev.BlockedReason != "" {
			tb.console = append(tb.console, fmt.Sprintf("a request was blocked (%s)", ev.BlockedReason))
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.LevelError || e.Level == log.LevelWarning {
			tb.console = append(tb.console, fmt.Sprintf("%s %s: %s %s", e.Source, e.Level, e.Text, e.URL))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning || ev.Type == runtime.APITypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			tb.console = append(tb.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		tb.console = append(tb.console, "exception: "+ev.ExceptionDetails.Error())
	}
}

// run runs actions with a timeout.
func (tb *tab) run(d time.Duration, actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(tb.ctx, d)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// emulate sets the viewport and media features. It changes only what
// differs from the tab's current mode, so switching is cheap.
func (tb *tab) emulate(m mode) error {
	scheme, motion, forced, media := "light", "no-preference", "none", ""
	if m.Dark {
		scheme = "dark"
	}
	if m.ReducedMotion {
		motion = "reduce"
	}
	if m.ForcedColors {
		forced = "active"
	}
	if m.Print {
		media = "print"
	}
	err := tb.run(20*time.Second,
		emulation.SetDeviceMetricsOverride(m.Width, m.Height, 1, false),
		emulation.SetEmulatedMedia().WithMedia(media).WithFeatures([]*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme},
			{Name: "prefers-reduced-motion", Value: motion},
			{Name: "forced-colors", Value: forced},
		}),
	)
	if err == nil {
		tb.mode = m
	}
	return err
}

// load opens a page and waits for its load event, after resetting the
// records of the load before.
func (tb *tab) load(u string) error {
	tb.mu.Lock()
	tb.requests, tb.types, tb.console, tb.responses, tb.sheet = nil, map[string]string{}, nil, map[string]int64{}, ""
	tb.mu.Unlock()
	if err := tb.run(60*time.Second, chromedp.Navigate(u)); err != nil {
		return fmt.Errorf("loading %s: %w", u, err)
	}
	tb.mu.Lock()
	status := tb.responses[u]
	tb.mu.Unlock()
	if status != 200 {
		return fmt.Errorf("loading %s: HTTP status %d", u, status)
	}
	return nil
}

// inject puts axe-core and the suite's checks into the loaded page.
func (tb *tab) inject(script string) error {
	return tb.run(60*time.Second, chromedp.Evaluate(script, nil))
}

// eval evaluates a JavaScript expression (awaiting a promise) into out.
func (tb *tab) eval(expr string, out any) error {
	return tb.run(120*time.Second, chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// textSpacing applies (or removes) WCAG 1.4.12's text spacing with an
// inspector stylesheet, which, like a user's stylesheet or bookmarklet,
// is not subject to the page's Content-Security-Policy.
func (tb *tab) textSpacing(on bool) error {
	const spacing = `* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }`
	return tb.run(20*time.Second, chromedp.ActionFunc(func(ctx context.Context) error {
		if tb.sheet == "" {
			if !on {
				return nil
			}
			tree, err := page.GetFrameTree().Do(ctx)
			if err != nil {
				return err
			}
			id, err := css.CreateStyleSheet(tree.Frame.ID).WithForce(true).Do(ctx)
			if err != nil {
				return err
			}
			tb.sheet = string(id)
		}
		text := ""
		if on {
			text = spacing
		}
		_, err := css.SetStyleSheetText(cdp.StyleSheetID(tb.sheet), text).Do(ctx)
		return err
	}))
}

// textZoom sets the browser's default font size as a user who zooms text
// only does: 16 px is 100 %.
func (tb *tab) textZoom(percent int64) error {
	if tb.fontSize == percent {
		return nil
	}
	err := tb.run(20*time.Second, page.SetFontSizes(&page.FontSizes{Standard: 16 * percent / 100, Fixed: 13 * percent / 100}))
	if err == nil {
		tb.fontSize = percent
	}
	return err
}

// privacy returns what the load did that a page must not: requests to
// another origin, failed subresources, CSP violations, console errors.
func (tb *tab) privacy(origin string) []string {
	var csp []string
	if err := tb.eval(`window.__torvCSP || []`, &csp); err != nil {
		csp = []string{"cannot read the CSP violations: " + err.Error()}
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, r := range tb.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme+"://"+u.Host != origin) {
			out = append(out, "request to another origin: "+r)
		}
	}
	for u, s := range tb.responses {
		if s >= 400 {
			out = append(out, fmt.Sprintf("HTTP %d for %s", s, u))
		}
	}
	for _, c := range csp {
		out = append(out, "CSP violation: "+c)
	}
	out = append(out, tb.console...)
	slices.Sort(out)
	return slices.Compact(out)
}

// forPages runs fn for every job on workers tabs of one browser.
func forPages[J any](t *testing.T, bctx context.Context, workers int, jobs []J, fn func(tb *tab, j J)) {
	t.Helper()
	work := make(chan J)
	var wg sync.WaitGroup
	for range workers {
		tb := newTab(t, bctx)
		wg.Go(func() {
			for j := range work {
				fn(tb, j)
			}
		})
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
}

// A report collects findings from many pages and fails the test once,
// grouped by check and then by finding, so that a problem of a layout
// shared by 300 pages is one line with its count, not 300 lines.
type report struct {
	mu    sync.Mutex
	found map[string]map[string][]string // check -> detail -> where
}

func newReport() *report { return &report{found: map[string]map[string][]string{}} }

func (r *report) add(check, where string, details ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, d := range details {
		if r.found[check] == nil {
			r.found[check] = map[string][]string{}
		}
		r.found[check][d] = append(r.found[check][d], where)
	}
}

// has reports whether a check whose name or finding contains what found
// something at a place whose name contains where.
func (r *report) has(what, where string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for c, details := range r.found {
		for d, ws := range details {
			if !strings.Contains(c, what) && !strings.Contains(d, what) {
				continue
			}
			for _, w := range ws {
				if strings.Contains(w, where) {
					return true
				}
			}
		}
	}
	return false
}

// fail reports every check that found something, with up to max findings
// each, most frequent first.
func (r *report) fail(t testing.TB, max int) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	checks := make([]string, 0, len(r.found))
	for k := range r.found {
		checks = append(checks, k)
	}
	sort.Strings(checks)
	for _, c := range checks {
		details := make([]string, 0, len(r.found[c]))
		n := 0
		for d, w := range r.found[c] {
			details = append(details, d)
			n += len(w)
		}
		sort.Slice(details, func(i, j int) bool {
			a, b := r.found[c][details[i]], r.found[c][details[j]]
			if len(a) != len(b) {
				return len(a) > len(b)
			}
			return details[i] < details[j]
		})
		var lines []string
		for i, d := range details {
			if i == max {
				lines = append(lines, fmt.Sprintf("… and %d more", len(details)-max))
				break
			}
			w := r.found[c][d]
			sort.Strings(w)
			where := strings.Join(w[:min(3, len(w))], "; ")
			if len(w) > 3 {
				where += fmt.Sprintf("; and %d more", len(w)-3)
			}
			lines = append(lines, fmt.Sprintf("%s\n        at %s", d, where))
		}
		t.Errorf("%s (%d findings):\n    %s", c, n, strings.Join(lines, "\n    "))
	}
}

// capture takes a PNG screenshot of the viewport, or of clip (page
// coordinates) if given. Headless Chromium now and then waits for a frame
// that does not come; a short timeout and a nudge (a resize by one pixel
// and back) bring it.
func (tb *tab) capture(clip *page.Viewport) ([]byte, error) { return tb.shoot(clip, false) }

// captureBeyond captures clip even where it is outside the viewport.
func (tb *tab) captureBeyond(clip *page.Viewport) ([]byte, error) { return tb.shoot(clip, true) }

func (tb *tab) shoot(clip *page.Viewport, beyond bool) ([]byte, error) {
	var err error
	for try := 0; try < 5; try++ {
		// Only the tab in front draws frames; let it draw one of the
		// page's present state first.
		if err := tb.run(10*time.Second, page.BringToFront(), chromedp.Evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(0))))`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		})); err != nil {
			return nil, fmt.Errorf("waiting for a frame: %w", err)
		}
		var b []byte
		err = tb.run(4*time.Second, chromedp.ActionFunc(func(ctx context.Context) error {
			p := page.CaptureScreenshot().WithFromSurface(true).WithCaptureBeyondViewport(beyond)
			if clip != nil {
				p = p.WithClip(clip)
			}
			var e error
			b, e = p.Do(ctx)
			return e
		}))
		if err == nil {
			return b, nil
		}
		if os.Getenv("TORV_DEBUG") != "" {
			fmt.Println("capture retry", try, err)
		}
		m := tb.mode
		nudge := m
		nudge.Height++
		tb.emulate(nudge)
		tb.emulate(m)
	}
	return nil, fmt.Errorf("screenshot: %w", err)
}

// chromiumCPU is the processor time Chromium (the browser of ctx and every
// process below it) has used so far, read from /proc; 0 where there is none.
func chromiumCPU(ctx context.Context) time.Duration {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		return 0
	}
	root := c.Browser.Process().Pid
	parent := map[int]int{}
	ticks := map[int]int64{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... utime(14) stime(15): fields after ")"
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		parent[pid], ticks[pid] = ppid, ut+st
	}
	var total int64
	for pid, t := range ticks {
		for p := pid; p > 1; p = parent[p] {
			if p == root {
				total += t
				break
			}
		}
	}
	return time.Duration(total) * time.Second / 100 // USER_HZ
}
