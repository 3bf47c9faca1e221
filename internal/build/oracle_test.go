package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/diag"
)

// TestOracle holds the preview to Build (issue 12, "The oracle holds"):
// a Session is kept across a long series of random edits to a small
// generated site, and after every Update its output, its diagnostics and
// its Changed must be what a full Build of the same files gives. The edits
// are of every kind an editor, a designer or an administrator makes
// (oracleEdits), in batches of one to three, reported as the watcher
// reports them. A fresh seed each run widens what CI covers over time;
// the seed is in the log and in any failure, and
//
//	TORV_ORACLE_SEED=123 go test -run TestOracle ./internal/build/
//
// replays one; TORV_ORACLE_EDITS=5000 runs longer, and TORV_ORACLE_DUMP=dir
// writes the site before and after a failing step to dir. A failure lists
// every edit so far, one line each, to reduce it by hand.
func TestOracle(t *testing.T) {
	seed := time.Now().UnixNano() % 1_000_000 // short, to type it back in
	if v := os.Getenv("TORV_ORACLE_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("TORV_ORACLE_SEED: %v", err)
		}
		seed = n
	}
	edits := 1000
	if testing.Short() {
		edits = 200
	}
	if v := os.Getenv("TORV_ORACLE_EDITS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("TORV_ORACLE_EDITS: %v", err)
		}
		edits = n
	}
	t.Logf("seed %d, %d edits; replay with TORV_ORACLE_SEED=%d go test -run TestOracle ./internal/build/", seed, edits, seed)
	o := newOracle(t, seed)
	start := time.Now()
	o.run(edits)
	t.Logf("%d steps, %d edits, %d builds with errors, %d updates that rendered every page; %s (Build %s, Update %s)",
		o.step, o.edits, o.failed, o.fulls, time.Since(start).Round(time.Millisecond), o.buildTime.Round(time.Millisecond), o.updateTime.Round(time.Millisecond))
}

// oracle is the site being edited, the Session under test and what the
// comparison of consecutive builds needs.
type oracle struct {
	t                     *testing.T
	seed                  int64
	r                     *rand.Rand
	fsys                  fstest.MapFS
	base                  map[string]string // the generated site, which repairs go back to
	defaults              fs.FS
	opts                  Options
	s                     *Session
	log                   []string // one line per edit, for a failure
	step                  int
	edits                 int
	failed                int // builds with errors
	fulls                 int // updates that built everything
	buildTime, updateTime time.Duration
	errs                  diag.List         // the errors of the last build, for repairs
	okFiles               map[string][]byte // the files of the session's last build with an Output
	pending               map[string]bool   // Changed since that build
	prevOK                bool              // the build before this one had an Output
	careful               bool              // making the site: no mistakes on purpose
	bilingual             bool              // the site has English pages besides Danish
	before                fstest.MapFS      // the site before this step's edits
}

func newOracle(t *testing.T, seed int64) *oracle {
	o := &oracle{t: t, seed: seed, r: rand.New(rand.NewSource(seed)), fsys: fstest.MapFS{},
		defaults: torv.Defaults(), pending: map[string]bool{}}
	// Options are the seed's too: drafts shown or not, a base URL with a path.
	o.opts.Drafts = o.r.Intn(2) == 0
	if o.r.Intn(3) == 0 {
		o.opts.BaseURL = "http://127.0.0.1:1313/borger/"
	}
	o.generate()
	o.base = map[string]string{}
	for p, f := range o.fsys {
		o.base[p] = string(f.Data)
	}
	o.s = NewSession(o.fsys, o.defaults, o.opts)
	return o
}

func (o *oracle) run(edits int) {
	want := Build(o.fsys, o.defaults, o.opts)
	o.check(o.s.Full(), want)
	for o.edits < edits {
		o.step++
		o.before = maps.Clone(o.fsys)
		paths := o.batch()
		t0 := time.Now()
		want = Build(o.fsys, o.defaults, o.opts)
		o.buildTime += time.Since(t0)
		u := o.s.Update(paths)
		o.updateTime += u.Duration
		if u.Full {
			o.fulls++
		}
		o.check(u, want)
		// The states the session keeps (restate renews some of them
		// only) are every page's state now.
		if o.s.ready && o.s.states != nil && !maps.Equal(o.s.states, states(o.s.site, o.s.seed)) {
			o.t.Fatalf("step %d (seed %d): the session's page states are stale\n%s", o.step, o.seed, strings.Join(o.log, "\n"))
		}
	}
}

// batch applies one to three edits and returns the paths the watcher
// would report for them, each once.
func (o *oracle) batch() []string {
	k := 1 + o.r.Intn(3)
	var paths []string
	for i := range k {
		what, ps := o.edit()
		o.edits++
		o.log = append(o.log, fmt.Sprintf("%d.%d %s %s", o.step, i, what, strings.Join(ps, " ")))
		for _, p := range ps {
			if !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
	}
	return paths
}

// edit makes one random edit: after a build with errors, mostly
// one that undoes a cause, so that most builds have an Output to compare.
func (o *oracle) edit() (what string, paths []string) {
	if len(o.errs) > 0 && o.r.Intn(3) > 0 {
		return o.repair()
	}
	total := 0
	for _, e := range oracleEdits {
		total += e.weight
	}
	for {
		n := o.r.Intn(total)
		for _, e := range oracleEdits {
			if n -= e.weight; n < 0 {
				if what, paths := e.do(o); paths != nil {
					return e.name + ": " + what, paths
				}
				break
			}
		}
	}
}

// oracleEdits are the kinds of edit, with how often each is made.
var oracleEdits = []struct {
	name   string
	weight int
	do     func(o *oracle) (what string, paths []string)
}{
	{"body", 12, (*oracle).editBody},
	{"front", 12, (*oracle).editCommon},
	{"refs", 5, (*oracle).editRefs},
	{"new", 5, (*oracle).newPage},
	{"delete", 4, (*oracle).deletePage},
	{"rename", 3, (*oracle).renamePage},
	{"newdir", 2, (*oracle).newFolder},
	{"rmdir", 1, (*oracle).deleteFolder},
	{"csv", 4, (*oracle).editCSV},
	{"term", 4, (*oracle).editTerm},
	{"law", 4, (*oracle).editLaw},
	{"layout", 2, (*oracle).editLayout},
	{"css", 1, (*oracle).editCSS},
	{"i18n", 1, (*oracle).editI18n},
	{"config", 1, (*oracle).editConfig},
	{"broken", 2, (*oracle).breakFrontMatter},
	{"file", 2, (*oracle).editFile},
	{"static", 1, (*oracle).editStatic},
	{"temp", 1, (*oracle).editTemp},
	{"reset", 1, (*oracle).reset},
}

// check compares the session's build u with a full Build of the files as
// they are now, and its Changed with what changed since the session's
// last build that had an Output.
func (o *oracle) check(u *Rebuild, want *Result) {
	o.errs = want.Diags.Errors()
	if u.Output == nil {
		o.failed++
	}
	problems := compareBuilds(u, want)
	if len(problems) == 0 {
		problems = o.checkChanged(u)
	}
	if len(problems) > 0 {
		if dir := os.Getenv("TORV_ORACLE_DUMP"); dir != "" {
			o.dump(dir)
		}
		o.t.Fatalf("step %d (seed %d): the session differs from Build:\n%s\n\nedits (step.n kind: what paths):\n%s\n\nreplay: TORV_ORACLE_SEED=%d go test -run TestOracle ./internal/build/",
			o.step, o.seed, strings.Join(problems, "\n"), strings.Join(o.log, "\n"), o.seed)
	}
}

// dump writes the site before and after the failing step's edits to
// dir/before and dir/after, to reduce a failure by hand: a Session of
// before, Updated with the step's paths, against a Build of after.
func (o *oracle) dump(dir string) {
	for name, fsys := range map[string]fstest.MapFS{"before": o.before, "after": o.fsys} {
		for p, f := range fsys {
			dst := filepath.Join(dir, name, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				o.t.Error(err)
				return
			}
			if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
				o.t.Error(err)
				return
			}
		}
	}
	o.t.Logf("the site before and after step %d is in %s", o.step, dir)
}

// compareBuilds lists how the session's build u differs from Build's:
// diagnostics, whether there is an output, its paths and their bytes.
func compareBuilds(u *Rebuild, want *Result) (problems []string) {
	if g, w := u.Diags.Error(), want.Diags.Error(); g != w {
		problems = append(problems, "diagnostics differ:\n"+lineDiff(g, w))
	}
	if (u.Output == nil) != (want.Output == nil) {
		return append(problems, fmt.Sprintf("session has output %v, Build %v", u.Output != nil, want.Output != nil))
	}
	if u.Output == nil {
		return problems
	}
	got, wp := u.Output.Paths(), want.Output.Paths()
	for _, p := range wp {
		if _, ok := u.Output.Get(p); !ok {
			problems = append(problems, "session's output lacks "+p)
		}
	}
	for _, p := range got {
		if _, ok := want.Output.Get(p); !ok {
			problems = append(problems, "session's output has "+p+", which Build does not make")
		}
	}
	for _, p := range wp {
		g, ok := u.Output.Get(p)
		w, _ := want.Output.Get(p)
		if ok && !bytes.Equal(g, w) {
			problems = append(problems, p+" differs from Build's:\n"+byteDiff(g, w))
		}
	}
	return problems
}

// checkChanged holds Rebuild.Changed to the outputs: every path that
// differs between two builds with an Output was in Changed of some build
// in between (the preview collects them so), and of two consecutive
// builds with an Output, Changed names only paths that differ.
func (o *oracle) checkChanged(u *Rebuild) (problems []string) {
	for _, p := range u.Changed {
		o.pending[p] = true
	}
	if u.Output == nil {
		o.prevOK = false
		return nil
	}
	cur := map[string][]byte{}
	for _, p := range u.Output.Paths() {
		cur[p], _ = u.Output.Get(p)
	}
	if o.okFiles != nil {
		diff := map[string]bool{}
		for p, b := range cur {
			if old, ok := o.okFiles[p]; !ok || !bytes.Equal(old, b) {
				diff[p] = true
			}
		}
		for p := range o.okFiles {
			if _, ok := cur[p]; !ok {
				diff[p] = true
			}
		}
		for _, p := range slices.Sorted(maps.Keys(diff)) {
			if !o.pending[p] {
				problems = append(problems, "Changed lacks "+p+", whose bytes changed")
			}
		}
		for _, p := range slices.Sorted(maps.Keys(o.pending)) {
			if o.prevOK && !diff[p] {
				problems = append(problems, "Changed names "+p+", whose bytes did not change")
			}
		}
	}
	o.okFiles, o.pending, o.prevOK = cur, map[string]bool{}, true
	return problems
}

// lineDiff shows the lines only one of two texts has.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for _, l := range g {
		if !slices.Contains(w, l) {
			fmt.Fprintf(&b, "  session only: %s\n", l)
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			fmt.Fprintf(&b, "  Build only:   %s\n", l)
		}
	}
	if b.Len() == 0 {
		return "  same lines, in another order"
	}
	return b.String()
}

// byteDiff shows the bytes around the first difference: minified HTML is
// one long line.
func byteDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	around := func(b []byte) string {
		lo, hi := max(0, i-100), min(len(b), i+100)
		return fmt.Sprintf("%q", b[lo:hi])
	}
	return fmt.Sprintf("  at byte %d of %d (Build: %d)\n  session: %s\n  Build:   %s", i, len(got), len(want), around(got), around(want))
}

// The site: about 35 pages of every kind in two languages, a chart read
// from a CSV file, an image, and config.toml naming pages in its menu and
// contact. Texts are the seed's; every page's front-matter keys are on
// one line each, so that edits can set them line by line.
