package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// bytesSink is a Sink that keeps what it is given, for tests.
type bytesSink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *bytesSink) Put(name string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = bytes.Clone(b)
	return nil
}

// TestLeanSameOutput holds a build to a Sink, which releases every body
// it has read and reads it again to render its page, to the build that
// keeps everything: the same files, byte for byte, and the same errors;
// also when its list entries and search rows wait in a scratch file
// (Options.Scratch), which then holds them.
func TestLeanSameOutput(t *testing.T) {
	for _, scratch := range []bool{false, true} {
		t.Run(fmt.Sprint("scratch ", scratch), func(t *testing.T) { leanSameOutput(t, scratch) })
	}
}

func leanSameOutput(t *testing.T, scratch bool) {
	for name, fsys := range map[string]fstest.MapFS{
		"example": exampleSite(t, nil),
		"bench":   benchSite(700), // more than the spill's buffer of 64 KiB
		"broken": testSite(map[string]string{
			"content/om.md":     "+++\ntitle = \"Om\"\n+++\n\nSe [mangler](/mangler/).\n",
			"content/tom.md":    "+++\ntitle = \"Tom\"\n+++\n",
			"content/fejl.md":   "+++\ntitle = \n+++\n\nTekst.\n",
			"content/uden.md":   "Ingen front matter.\n",
			"content/dybt.md":   "+++\ntitle = \"Dybt\"\n+++\n" + strings.Repeat("> ", 90) + "x\n",
			"content/utf16.md":  "\xff\xfe+\x00",
			"content/lov/_x.md": "ignored",
			// Errors found while rendering, at the front matter of the
			// page in hand, which has its text back by then.
			"content/lov/kort.md": strings.Replace(law, "in_short = \"Kort.\"", "in_short = \"Se [mangler](/findes-ikke/).\"", 1),
			"content/lag.md":      "+++\ntitle = \"Lag\"\nlayout = \"findesikke\"\n+++\n\nTekst.\n",
		}),
	} {
		t.Run(name, func(t *testing.T) {
			kept := Build(fsys, torv.Defaults(), Options{})
			sink := &bytesSink{}
			opts := Options{Sink: sink}
			var spilled string
			if scratch {
				opts.Scratch = func() (*os.File, error) {
					f, err := os.CreateTemp(t.TempDir(), "scratch")
					if err == nil {
						spilled = f.Name()
					}
					return f, err
				}
			}
			lean := Build(fsys, torv.Defaults(), opts)
			if scratch && name == "bench" {
				// An entry and a row are a few hundred bytes a page.
				if info, err := os.Stat(spilled); err != nil || info.Size() < int64(100*len(lean.Site.Pages)) {
					t.Errorf("the scratch file holds %v bytes (%v) for %d pages", info.Size(), err, len(lean.Site.Pages))
				}
			}
			if name == "broken" && !strings.Contains(kept.Diags.Error(), "content/lov/kort.md:5:") {
				t.Errorf("the front matter's broken link is not at its line:\n%s", kept.Diags.Error())
			}
			if got, want := lean.Diags.Error(), kept.Diags.Error(); got != want {
				t.Errorf("errors to a Sink:\n%s\nkept:\n%s", got, want)
			}
			if kept.Output == nil {
				return // a failed build's Sink is aborted, whatever it holds
			}
			want := map[string][]byte{}
			for _, p := range kept.Output.Paths() {
				want[p], _ = kept.Output.Get(p)
			}
			if !maps.EqualFunc(sink.files, want, bytes.Equal) {
				for _, p := range slices.Sorted(maps.Keys(want)) {
					if !bytes.Equal(sink.files[p], want[p]) {
						t.Errorf("%s differs:\n%s", p, byteDiff(sink.files[p], want[p]))
					}
				}
				for p := range sink.files {
					if _, ok := want[p]; !ok {
						t.Errorf("%s only in the Sink", p)
					}
				}
			}
			if lean.Files != kept.Output.Len() || lean.Bytes != int64(kept.Output.Size()) {
				t.Errorf("to a Sink %d files, %d bytes; kept %d, %d", lean.Files, lean.Bytes, kept.Output.Len(), kept.Output.Size())
			}
		})
	}
}

// changingFS gives file's text as then on every read after the first:
// an editor saving while the build runs.
type changingFS struct {
	fstest.MapFS
	file, then string
	mu         sync.Mutex
	reads      int
}

func (c *changingFS) ReadFile(name string) ([]byte, error) {
	return fs.ReadFile(c.now(name), name)
}

func (c *changingFS) Open(name string) (fs.File, error) { return c.now(name).Open(name) }

// now counts a read of file and returns the files as that read sees them.
func (c *changingFS) now(name string) fstest.MapFS {
	if name == c.file {
		c.mu.Lock()
		c.reads++
		n := c.reads
		c.mu.Unlock()
		if n > 1 {
			return fstest.MapFS{name: {Data: []byte(c.then), Mode: 0o644}}
		}
	}
	return c.MapFS
}

// TestLeanFileChanged: a page whose front matter changed between reading
// the site and rendering the page fails the build at its file, rather
// than mixing two versions of it. With a scratch file the build keeps
// what it read of the page there, and renders the version it read first,
// never reading the file again.
func TestLeanFileChanged(t *testing.T) {
	for _, scratch := range []bool{false, true} {
		t.Run(fmt.Sprint("scratch ", scratch), func(t *testing.T) {
			fsys := &changingFS{
				MapFS: testSite(map[string]string{"content/om.md": "+++\ntitle = \"Om\"\n+++\n\nFør.\n"}),
				file:  "content/om.md",
				then:  "+++\ntitle = \"Om os\"\n+++\n\nEfter.\n",
			}
			sink := &bytesSink{}
			opts := Options{Sink: sink}
			if scratch {
				opts.Scratch = func() (*os.File, error) { return os.CreateTemp(t.TempDir(), "scratch") }
			}
			res := Build(fsys, torv.Defaults(), opts)
			if !scratch {
				if !res.Failed(false) || !strings.Contains(res.Diags.Error(), "content/om.md: the file changed while torv was building") {
					t.Errorf("errors:\n%s", res.Diags.Error())
				}
				return
			}
			page := string(sink.files["om/index.html"])
			if res.Failed(false) || !strings.Contains(page, "Før.") || strings.Contains(page, "Efter") || fsys.reads != 1 {
				t.Errorf("the file was read %d times; errors:\n%s\npage:\n%s", fsys.reads, res.Diags.Error(), page)
			}
		})
	}
}

// fullSink fails every Put after its first room files, as a full disk
// does.
type fullSink struct {
	mu   sync.Mutex
	room int
}

func (f *fullSink) Put(name string, b []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.room == 0 {
		return diag.Errorf("-destination", 0, 0, "cannot write the site to public: writing %s failed: no space left on device", name)
	}
	f.room--
	return nil
}

// TestFullDiskOneMessage: when the output cannot be written, every later
// file fails the same way; the editor sees that once, as the Sink words
// it, not once per page.
func TestFullDiskOneMessage(t *testing.T) {
	for _, room := range []int{0, 3, 40} {
		res := Build(exampleSite(t, nil), torv.Defaults(), Options{Sink: &fullSink{room: room}})
		if len(res.Diags) != 1 {
			t.Fatalf("room for %d files: %d messages, want 1:\n%s", room, len(res.Diags), res.Diags.Error())
		}
		if got := res.Diags.Error(); !strings.HasPrefix(got, "-destination: cannot write the site to public: writing ") {
			t.Errorf("room for %d files: %q", room, got)
		}
	}
}

// countingFS counts the reads of each file.
type countingFS struct {
	fstest.MapFS
	reads calls
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.reads.add(name)
	return c.MapFS.Open(name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.reads.add(name)
	return c.MapFS.ReadFile(name)
}

// TestLeanScratchFull: a scratch file that cannot be written (a full
// disk) changes nothing in the output: the list entries and search rows
// stay in memory, and the pages' Markdown, once the spill is full, is not
// kept there but read again from the files.
func TestLeanScratchFull(t *testing.T) {
	fsys := &countingFS{MapFS: benchSite(700), reads: calls{n: map[string]int{}}} // more than the spill's buffer of 64 KiB
	kept := Build(fsys.MapFS, torv.Defaults(), Options{})
	sink := &bytesSink{}
	name := t.TempDir() + "/scratch"
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	lean := Build(fsys, torv.Defaults(), Options{Sink: sink, Scratch: func() (*os.File, error) {
		return os.Open(name) // read only: every write fails
	}})
	if got, want := lean.Diags.Error(), kept.Diags.Error(); got != want {
		t.Fatalf("errors with a full scratch file:\n%s\nkept:\n%s", got, want)
	}
	for _, p := range kept.Output.Paths() {
		if want, _ := kept.Output.Get(p); !bytes.Equal(sink.files[p], want) {
			t.Errorf("%s differs:\n%s", p, byteDiff(sink.files[p], want))
		}
	}
	if len(sink.files) != kept.Output.Len() {
		t.Errorf("%d files to the Sink, %d kept", len(sink.files), kept.Output.Len())
	}
	again := 0
	for name, n := range fsys.reads.n {
		if strings.HasSuffix(name, ".md") && n > 1 {
			again++
		}
	}
	if again < 600 {
		t.Errorf("%d pages read again; with the spill full from the first 64 KiB, most of 700 should be", again)
	}
}

// TestLongListsFirst: the render takes the lists of longList pages or
// more first, the longest first, and every other page in its order.
func TestLongListsFirst(t *testing.T) {
	list := func(name string, n int) *content.Page {
		return &content.Page{URL: name, Children: make([]*content.Page, n)}
	}
	pages := []*content.Page{list("a", 0), list("short", longList-1), list("b", 0), list("long", longList),
		list("c", 3), list("longest", 5*longList), list("d", 0)}
	longListsFirst(pages)
	var got []string
	for _, p := range pages {
		got = append(got, p.URL)
	}
	if want := []string{"longest", "long", "a", "short", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("render order %v, want %v", got, want)
	}
}
