package a11y

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// A pageJob is one page of one site.
type pageJob struct {
	s    *site
	path string
}

// auditPages is every page the suite audits: the example site, the feedback
// page of its variant with a form, and the generated 300-page site.
func auditPages(t *testing.T) []pageJob {
	t.Helper()
	var jobs []pageJob
	for _, s := range []*site{exampleSite(t), corpusSite(t)} {
		for _, p := range s.pages {
			jobs = append(jobs, pageJob{s, p})
		}
	}
	jobs = append(jobs, pageJob{formSite(t), "/feedback/"})
	// The search page with results and without (the script runs as the
	// page loads; empty, it is one of the pages above).
	jobs = append(jobs, pageJob{exampleSite(t), "/soeg/?q=sygedagpenge"}, pageJob{exampleSite(t), "/soeg/?q=xyzzyq"})
	return only(t, jobs)
}

// only keeps the jobs whose "site path" matches $TORV_A11Y_ONLY, a regular
// expression, for working on one page: TORV_A11Y_ONLY='example /lov/'.
func only(t *testing.T, jobs []pageJob) []pageJob {
	t.Helper()
	pat := os.Getenv("TORV_A11Y_ONLY")
	if pat == "" {
		return jobs
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		t.Fatalf("TORV_A11Y_ONLY: %v", err)
	}
	var keep []pageJob
	for _, j := range jobs {
		if re.MatchString(j.s.name + " " + j.path) {
			keep = append(keep, j)
		}
	}
	t.Logf("TORV_A11Y_ONLY=%s: %d of %d pages", pat, len(keep), len(jobs))
	return keep
}

type axeViolation struct {
	ID, Impact, Help, URL string
	Nodes                 []struct{ Target, Summary string }
	Count                 int
}

type reflowResult struct {
	Viewport, ScrollWidth int
	Wide                  []string
}

// workers is how many tabs audit pages at once: Chromium renders a tab on
// a core of its own, and one more keeps the cores busy while Go waits.
func workers() int { return max(2, runtime.NumCPU()+1) }

// TestAudit loads every page once and checks it in every mode: axe-core's
// WCAG 2.0-2.2 A/AA and best-practice rules, reflow, target size, text
// spacing, text zoom, reduced motion, forced colours, print, and that the
// page asked for nothing from another origin and broke no CSP rule.
func TestAudit(t *testing.T) {
	t.Parallel()
	script := axeScript(t)
	jobs := auditPages(t)
	b := newBrowser(t)
	rep := newReport()
	t0 := time.Now()
	forPages(t, b, workers(), jobs, func(tb *tab, j pageJob) { auditPage(tb, j, script, rep) })
	t.Logf("audited %d pages in %d modes each in %v (Chromium used %v of processor time)", len(jobs), len(allModes), time.Since(t0).Round(time.Millisecond), chromiumCPU(b).Round(time.Millisecond))
	if os.Getenv("TORV_DEBUG") != "" {
		phaseMu.Lock()
		for k, v := range phaseTime {
			t.Logf("phase %s: %v", k, v.Round(time.Millisecond))
		}
		phaseMu.Unlock()
	}
	rep.fail(t, 12)
}

var (
	phaseMu   sync.Mutex
	phaseTime = map[string]time.Duration{}
)

func phase(name string, t0 *time.Time) {
	phaseMu.Lock()
	phaseTime[name] += time.Since(*t0)
	phaseMu.Unlock()
	*t0 = time.Now()
}

// auditPage runs every per-page check on one page.
func auditPage(tb *tab, j pageJob, script string, rep *report) {
	where := j.s.name + " " + j.path
	at := func(m mode) string { return where + " (" + m.Name + ")" }
	check := func(what string, err error) bool {
		if err != nil {
			rep.add("the browser could not "+what, where, err.Error())
			return false
		}
		return true
	}
	pt := time.Now()
	if !check("set the mode", tb.emulate(light1280)) || !check("load the page", tb.load(j.s.url(j.path))) {
		return
	}
	phase("load", &pt)
	if !check("inject axe", tb.inject(script)) {
		return
	}
	phase("inject", &pt)

	// axe in light and dark, at 1280 and 320 px, with the full rule set
	// each time; reflow, target size and chart contrast in the same modes.
	for _, m := range allModes {
		var res struct {
			Axe     []axeViolation
			Reflow  reflowResult
			Targets []string
			SVG     []string
		}
		if !check("switch to "+m.Name, tb.emulate(m)) ||
			!check("run axe", tb.eval(fmt.Sprintf(`(async () => ({axe: await __torv.axe(%s), reflow: __torv.reflow(), targets: __torv.targets(), svg: __torv.svgShapes()}))()`, jsList(axeTags)), &res)) {
			return
		}
		phase("axe "+m.Name, &pt)
		addAxe(rep, at(m), res.Axe)
		if m.Width == 320 && res.Reflow.ScrollWidth > res.Reflow.Viewport {
			rep.add("reflow (1.4.10): the page scrolls sideways at 320 px", at(m), fmt.Sprintf("%d px wide: %s", res.Reflow.ScrollWidth, strings.Join(res.Reflow.Wide, "; ")))
		}
		rep.add("target size (2.5.8): a link or control outside running text is smaller than 24×24 px", at(m), res.Targets...)
		rep.add("non-text contrast (1.4.11): a chart shape is below 3:1", at(m), res.SVG...)
	}

	// Text spacing (1.4.12) at both widths, then 200 % text (1.4.4).
	clipped := func(name string, m mode) bool {
		var res struct {
			Clipped []string
			Reflow  reflowResult
		}
		if !check("switch to "+m.Name, tb.emulate(m)) || !check("look for clipped text", tb.eval(`({clipped: __torv.clipped(), reflow: __torv.reflow()})`, &res)) {
			return false
		}
		rep.add(name+": text is clipped or overlaps", at(m), res.Clipped...)
		if res.Reflow.ScrollWidth > res.Reflow.Viewport {
			rep.add(name+": the page scrolls sideways", at(m), fmt.Sprintf("%d px wide: %s", res.Reflow.ScrollWidth, strings.Join(res.Reflow.Wide, "; ")))
		}
		return true
	}
	if !check("apply text spacing", tb.textSpacing(true)) || !clipped("text spacing (1.4.12)", light320) || !clipped("text spacing (1.4.12)", light1280) || !check("remove text spacing", tb.textSpacing(false)) {
		return
	}
	phase("spacing", &pt)
	if !check("zoom text", tb.textZoom(200)) || !clipped("text at 200 % (1.4.4)", light1280) || !check("reset text zoom", tb.textZoom(100)) {
		return
	}

	phase("zoom", &pt)
	// prefers-reduced-motion: nothing moves.
	var moving []string
	reduce := light1280.with(func(m *mode) { m.ReducedMotion = true; m.Name = "reduced motion" })
	if !check("emulate reduced motion", tb.emulate(reduce)) || !check("look for motion", tb.eval(`__torv.motion()`, &moving)) {
		return
	}
	rep.add("prefers-reduced-motion: something still moves", at(reduce), moving...)

	// forced-colors: every edge that was visible stays visible, charts
	// keep their contrast, and no element opts out of the user's colours
	// (the browser gives all other text the user's palette, so its
	// contrast is the user's choice).
	var res struct {
		Lost, SVG, OptOut []string
	}
	forced := light1280.with(func(m *mode) { m.ForcedColors = true; m.Name = "forced colours" })
	if !check("switch to "+light1280.Name, tb.emulate(light1280)) || !check("note edges", tb.eval(`__torv.boundaries()`, nil)) ||
		!check("emulate forced colours", tb.emulate(forced)) ||
		!check("check forced colours", tb.eval(`({lost: __torv.lostBoundaries(), svg: __torv.svgShapes(), optOut: __torv.forcedOptOut()})`, &res)) {
		return
	}
	phase("motion+forced", &pt)
	rep.add("forced colours: an edge disappears", at(forced), res.Lost...)
	rep.add("forced colours: a chart shape is below 3:1", at(forced), res.SVG...)
	rep.add("forced colours: an element keeps its own colours (forced-color-adjust: none)", at(forced), res.OptOut...)

	// print: navigation hidden, link targets printed.
	var printed []string
	pr := light1280.with(func(m *mode) { m.Print = true; m.Name = "print" })
	if !check("emulate print", tb.emulate(pr)) || !check("check print", tb.eval(`__torv.printing()`, &printed)) {
		return
	}
	rep.add("print stylesheet", at(pr), printed...)

	phase("print", &pt)
	rep.add("privacy and CSP: the page did what it must not", where, tb.privacy(j.s.srv.URL)...)
	phase("privacy", &pt)
}

// addAxe reports axe-core's violations, one check per rule.
func addAxe(rep *report, where string, vs []axeViolation) {
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, n.Target+" — "+n.Summary)
		}
		more := ""
		if v.Count > len(v.Nodes) {
			more = fmt.Sprintf(" (+%d more)", v.Count-len(v.Nodes))
		}
		rep.add("axe "+v.ID+" ("+v.Impact+"): "+v.Help+" "+v.URL, where, strings.Join(nodes, " | ")+more)
	}
}

// jsList writes strings as a JavaScript array.
func jsList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ",") + "]"
}
