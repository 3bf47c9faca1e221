package build

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/outputs"
)

// calls counts how often each test stage ran.
type calls struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *calls) add(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[name]++
}

func (c *calls) get(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[name]
}

const todoWarning = "content/todo.md:1:1: warning: the page's title starts with TODO (finish the page, or make it a draft)"

// testStages are the default stages and two a test registers:
// stage-test.txt counts the pages and warns at a page whose title starts
// with TODO, from front matter only; words.txt counts the words of every
// body, so the preview must run it after a body edit too.
func testStages(c *calls) []outputs.Stage {
	pages := outputs.Stage{Name: "stage-test", Make: func(in *outputs.Input) ([]outputs.File, diag.List) {
		c.add("stage-test")
		var errs diag.List
		for _, p := range in.Site.Pages {
			if strings.HasPrefix(p.Title(), "TODO") {
				errs.Add(diag.Errorf(p.File, 1, 1, "the page's title starts with TODO").WithHint("finish the page, or make it a draft").Warning())
			}
		}
		// The pages of the A–Å index come and go with their letters: a
		// title's edit would change the count, which these steps keep.
		n := 0
		for _, p := range in.Site.Pages {
			if p.Kind != content.KindLetter {
				n++
			}
		}
		b := fmt.Appendf(nil, "%d pages, home at %s\n", n, in.URL("/"))
		return []outputs.File{{Path: "stage-test.txt", Bytes: b}}, errs
	}}
	words := outputs.Stage{Name: "words", Bodies: true, Make: func(in *outputs.Input) ([]outputs.File, diag.List) {
		c.add("words")
		n := 0
		for _, p := range in.Site.Pages {
			n += len(bytes.Fields(p.Body))
		}
		return []outputs.File{{Path: "words.txt", Bytes: fmt.Appendf(nil, "%d words\n", n)}}, nil
	}}
	return append(outputs.Defaults(), pages, words)
}

const (
	todoPage  = "+++\ntitle = \"TODO om os\"\ndescription = \"Om os.\"\n+++\n\nSkriv noget.\n"
	stageHome = "+++\ntitle = \"Forside\"\ndescription = \"Om Testby.\"\n+++\n\nVelkommen.\n"
	stageOm   = "+++\ntitle = \"Om\"\ndescription = \"Om siden.\"\n+++\n\nDu kan ringe.\n"
)

// stageSite is a site whose pages torv check finds nothing in: what it
// reports comes from the stages.
func stageSite() fstest.MapFS {
	return testSite(map[string]string{"content/_index.md": stageHome, "content/om.md": stageOm, "content/todo.md": todoPage})
}

// mapSink is a Sink that keeps what it is given.
type mapSink struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *mapSink) Put(name string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.files[name]; ok {
		return fmt.Errorf("%s put twice", name)
	}
	m.files[name] = string(b)
	return nil
}

// TestOutputStageBuild: a stage in Options.Outputs is made by Build, into
// the Sink as torv build writes, and its warning is among the build's
// diagnostics; the list is the one the build runs, defaults included.
func TestOutputStageBuild(t *testing.T) {
	fsys := stageSite()
	tests := []struct {
		name    string
		outputs []outputs.Stage
		want    map[string]string // path -> bytes, "" for absent
		diags   string
	}{
		{"defaults", nil, map[string]string{"stage-test.txt": "", "robots.txt": "User-agent: *\nAllow: /\nSitemap: https://test.example/sitemap.xml\n"}, ""},
		{"registered", testStages(&calls{n: map[string]int{}}), map[string]string{
			"stage-test.txt": "4 pages, home at /\n", "words.txt": "6 words\n",
			"robots.txt": "User-agent: *\nAllow: /\nSitemap: https://test.example/sitemap.xml\n"}, todoWarning},
		{"none", []outputs.Stage{}, map[string]string{"stage-test.txt": "", "robots.txt": "", "sitemap.xml": "", "_headers": ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sink := &mapSink{files: map[string]string{}}
			res := Build(fsys, torv.Defaults(), Options{Sink: sink, Outputs: tt.outputs})
			if got := res.Diags.Error(); got != tt.diags {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, tt.diags)
			}
			if res.Output != nil {
				t.Error("a build into a Sink kept its output")
			}
			for name, text := range tt.want {
				if got := sink.files[name]; got != text {
					t.Errorf("%s: %q, want %q", name, got, text)
				}
			}
			if res.Files != len(sink.files) {
				t.Errorf("Files %d, the sink has %d", res.Files, len(sink.files))
			}
		})
	}
}

// TestOutputStagePreview: the preview's Session makes a registered stage
// as Build does, and after each edit its files are Build's and are in
// Changed when their bytes changed. A stage that reads bodies runs after
// a body edit; one that does not is left alone then.
func TestOutputStagePreview(t *testing.T) {
	fsys := stageSite()
	c := &calls{n: map[string]int{}}
	opts := Options{Outputs: testStages(c), Check: true}
	s := NewSession(fsys, torv.Defaults(), opts)
	sameAsBuildOpts(t, fsys, opts, s.Full())
	steps := []struct {
		name             string
		edit             map[string]string // path -> text, "" removes
		stageTest, words string            // the files' bytes after the edit
		changed          []string          // of stage-test.txt and words.txt
		ranStage         bool              // stage-test ran again
		diags            string
	}{
		{"a page added", map[string]string{"content/ny.md": "+++\ntitle = \"Ny\"\n+++\n\nEn ny side her.\n"},
			"5 pages, home at /\n", "10 words\n", []string{"stage-test.txt", "words.txt"}, true, todoWarning},
		{"a body edited", map[string]string{"content/ny.md": "+++\ntitle = \"Ny\"\n+++\n\nEn ny side.\n"},
			"5 pages, home at /\n", "9 words\n", []string{"words.txt"}, false, todoWarning},
		{"the TODO page finished", map[string]string{"content/todo.md": strings.Replace(todoPage, "TODO om", "Om", 1)},
			"5 pages, home at /\n", "9 words\n", nil, true, ""},
		{"a page removed", map[string]string{"content/ny.md": ""},
			"4 pages, home at /\n", "6 words\n", []string{"stage-test.txt", "words.txt"}, true, ""},
	}
	for _, st := range steps {
		var paths []string
		for name, text := range st.edit {
			paths = append(paths, name)
			if text == "" {
				delete(fsys, name)
			} else {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
		}
		before := c.get("stage-test")
		u := s.Update(paths)
		ran := c.get("stage-test") > before
		sameAsBuildOpts(t, fsys, opts, u) // which runs the stages too
		if u.Output == nil {
			t.Fatalf("%s: no output: %v", st.name, u.Diags)
		}
		for name, want := range map[string]string{"stage-test.txt": st.stageTest, "words.txt": st.words} {
			if b, _ := u.Output.Get(name); string(b) != want {
				t.Errorf("%s: %s is %q, want %q", st.name, name, b, want)
			}
		}
		changed := slices.DeleteFunc(slices.Clone(u.Changed), func(p string) bool { return !strings.HasSuffix(p, ".txt") })
		if !slices.Equal(changed, st.changed) {
			t.Errorf("%s: changed %v, want %v", st.name, changed, st.changed)
		}
		if ran != st.ranStage {
			t.Errorf("%s: stage-test ran again: %v, want %v", st.name, ran, st.ranStage)
		}
		if got := u.Diags.Error(); got != st.diags {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", st.name, got, st.diags)
		}
		if got := u.Check.Diags.Error(); got != st.diags {
			t.Errorf("%s: the check's diagnostics\n%s\nwant\n%s", st.name, got, st.diags)
		}
	}
}

// sameAsBuildOpts fails the test when the session's build u differs from
// what Build makes of fsys now with opts: every output file and every
// diagnostic.
func sameAsBuildOpts(t *testing.T, fsys fstest.MapFS, opts Options, u *Rebuild) {
	t.Helper()
	want := Build(fsys, torv.Defaults(), opts)
	if got, w := u.Diags.Error(), want.Diags.Error(); got != w {
		t.Errorf("diagnostics differ from Build's\ngot:\n%s\nwant:\n%s", got, w)
	}
	if (u.Output == nil) != (want.Output == nil) {
		t.Fatalf("output: got %v, Build has %v", u.Output != nil, want.Output != nil)
	}
	if u.Output == nil {
		return
	}
	if gp, wp := u.Output.Paths(), want.Output.Paths(); !slices.Equal(gp, wp) {
		t.Errorf("paths differ from Build's\ngot  %v\nwant %v", gp, wp)
	}
	for _, p := range want.Output.Paths() {
		g, _ := u.Output.Get(p)
		w, _ := want.Output.Get(p)
		if !bytes.Equal(g, w) {
			t.Errorf("%s differs from Build's", p)
		}
	}
}

// TestOutputStageCheck: torv check (CheckOnly) and build -strict (Strict
// and Check) run a registered stage too: its warning is in the check's
// report, where torv check prints it at the page, and fails -strict.
func TestOutputStageCheck(t *testing.T) {
	fsys := stageSite()
	stages := testStages(&calls{n: map[string]int{}})

	rep := Build(fsys, torv.Defaults(), Options{CheckOnly: true, Outputs: stages}).Check
	var text bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	want := "content/todo.md:1:1: warning: the page's title starts with TODO\n    fix: finish the page, or make it a draft\n"
	if !strings.Contains(text.String(), want) {
		t.Errorf("torv check's report has not\n%s\nit is\n%s", want, text.String())
	}
	if rep.Failed(false) || !rep.Failed(true) {
		t.Errorf("check failed: %v, with -strict %v; want false, true", rep.Failed(false), rep.Failed(true))
	}

	res := Build(fsys, torv.Defaults(), Options{Strict: true, Check: true, Outputs: stages})
	if !res.Failed(true) || res.Output != nil {
		t.Errorf("build -strict with the stage's warning: failed %v, output %v", res.Failed(true), res.Output != nil)
	}
	if got := res.Check.Diags.Error(); got != todoWarning {
		t.Errorf("build -strict's check diagnostics\n%s\nwant\n%s", got, todoWarning)
	}
}
