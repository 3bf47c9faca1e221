package outdir

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/diag"
)

// site is a built site for tests.
type site map[string]string

func (s site) Paths() []string { return slices.Sorted(maps.Keys(s)) }
func (s site) Get(name string) ([]byte, bool) {
	b, ok := s[name]
	return []byte(b), ok
}

var (
	siteA = site{"index.html": "<h1>A</h1>", "om/index.html": "om A", "404.html": "ikke fundet", "css/a.css": "a{}"}
	siteB = site{"index.html": "<h1>B</h1>", "kontakt/index.html": "kontakt B", "404.html": "ikke fundet"}
)

// snapshot reads every file, folder and link below root: path to content
// ("/" for a folder, "-> target" for a link).
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out[rel] = "-> " + target
		case d.IsDir():
			out[rel] = "/"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// put writes files (path to content; "/" makes a folder, "-> x" a link)
// below root.
func put(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(root, filepath.FromSlash(name))
		text := files[name]
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case text == "/":
			err = os.MkdirAll(p, 0o755)
		case strings.HasPrefix(text, "-> "):
			err = os.Symlink(strings.TrimPrefix(text, "-> "), p)
		default:
			err = os.WriteFile(p, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// write runs a whole build's write: Open, Write, Close.
func write(dest string, opts Options, files Files) error {
	d, err := Open(dest, opts)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Write(files)
}

// tree is what a written destination must hold: files and the manifest.
func tree(t *testing.T, dir string, files site) {
	t.Helper()
	got := snapshot(t, dir)
	for name, text := range files {
		if got[filepath.FromSlash(name)] != text {
			t.Errorf("%s: %s = %q, want %q", dir, name, got[filepath.FromSlash(name)], text)
		}
	}
	n := 0
	for _, v := range got {
		if v != "/" {
			n++
		}
	}
	if n != len(files)+1 {
		t.Errorf("%s holds %d files, want %d and the manifest: %v", dir, n, len(files), slices.Sorted(maps.Keys(got)))
	}
	if m := Manifest(dir); !slices.Equal(m, files.Paths()) {
		t.Errorf("manifest lists %v, want %v", m, files.Paths())
	}
}

func TestDestinations(t *testing.T) {
	tests := []struct {
		name   string
		before map[string]string // below the test's root; the site is "site/"
		built  bool              // siteA is written to "public" first
		dest   string            // relative to the root, or absolute
		home   string            // relative to the root
		want   []string          // in the error, in order; nil: the write succeeds
	}{
		{name: "new folder", dest: "out/public"},
		{name: "empty folder", before: map[string]string{"public": "/"}, dest: "public"},
		{name: "only empty folders", before: map[string]string{"public/a/b": "/"}, dest: "public"},
		{name: "torv's own output", built: true, dest: "public"},
		{name: "a user's home folder by mistake", before: map[string]string{"home/Documents/skat.pdf": "pdf", "home/.profile": "k"}, dest: "home",
			want: []string{"cannot write the site to ", "home: it holds 2 files that torv did not make, and building would replace them: .profile, Documents/skat.pdf", "static/"}},
		{name: "more than five files are counted", before: map[string]string{"d/1": "1", "d/2": "2", "d/3": "3", "d/4": "4", "d/5": "5", "d/6": "6", "d/7": "7"}, dest: "d",
			want: []string{"7 files", "1, 2, 3, 4, 5 and 2 more"}},
		{name: "files added to torv's output by hand", built: true,
			before: map[string]string{"public/CNAME": "borger.fjordby.dk", "public/.well-known/security.txt": "Contact: x"}, dest: "public",
			want: []string{"it holds 2 files that torv did not make: .well-known/security.txt, CNAME", "move them into the site's static/ folder"}},
		{name: "a link added to torv's output", built: true, before: map[string]string{"public/x": "-> /etc/passwd"}, dest: "public",
			want: []string{"a file that torv did not make: x"}},
		{name: "a manifest that is not torv's", before: map[string]string{"public/.torv-manifest.json": `{"files":["a"]}`, "public/a": "mine"}, dest: "public",
			want: []string{"torv did not make"}},
		{name: "a file", before: map[string]string{"public": "text"}, dest: "public", want: []string{"it is a file, not a folder"}},
		{name: "the site folder", dest: "site", want: []string{"it is the site folder itself"}},
		{name: "the site's parent", dest: ".", want: []string{"it holds the site folder"}},
		{name: "inside content", dest: "site/content/public", want: []string{"inside the site's content/ folder"}},
		{name: "content itself", dest: "site/content", want: []string{"inside the site's content/ folder"}},
		{name: "inside layouts", dest: "site/layouts/x", want: []string{"inside the site's layouts/ folder"}},
		{name: "inside assets", dest: "site/assets/x", want: []string{"inside the site's assets/ folder"}},
		{name: "inside i18n", dest: "site/i18n/x", want: []string{"inside the site's i18n/ folder"}},
		{name: "inside static", dest: "site/static/x", want: []string{"inside the site's static/ folder"}},
		{name: "the root of the file system", dest: "/", want: []string{"cannot write the site to /: it is the root of the file system"}},
		{name: "the home folder", before: map[string]string{"me": "/"}, home: "me", dest: "me", want: []string{"it is your home folder"}},
		{name: "a link to torv's output", built: true, before: map[string]string{"www": "-> public"}, dest: "www"},
		{name: "a link to a folder that does not exist", before: map[string]string{"www": "-> gone"}, dest: "www",
			want: []string{"it is a symbolic link to ", "gone, which is not a folder", "make the folder "}},
		{name: "a link to the site folder", before: map[string]string{"www": "-> site"}, dest: "www", want: []string{"it is the site folder itself"}},
		{name: "a link into content", before: map[string]string{"www": "-> site/content"}, dest: "www/out", want: []string{"inside the site's content/ folder"}},
		{name: "a spare that is not torv's", before: map[string]string{".public.torv-spare/notes.txt": "mine"}, dest: "public",
			want: []string{".public.torv-spare is in the way", "notes.txt"}},
		{name: "a spare left by a killed build", built: true,
			before: map[string]string{".public.torv-spare/.torv-staging": "x", ".public.torv-spare/half.html": "half"}, dest: "public"},
		{name: "a folder moved aside by an interrupted swap", built: true,
			before: map[string]string{".public.torv-old-1234/.torv-manifest.json": `{"generator":"torv","files":[]}`}, dest: "public"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			put(t, root, map[string]string{"site/config.toml": "title = \"x\"\n", "site/content/_index.md": "+++\n+++\n"})
			opts := Options{Site: filepath.Join(root, "site"), Home: filepath.Join(root, "nobody")}
			if tt.home != "" {
				opts.Home = filepath.Join(root, tt.home)
			}
			if tt.built {
				if err := write(filepath.Join(root, "public"), opts, siteA); err != nil {
					t.Fatal(err)
				}
			}
			put(t, root, tt.before)
			dest := tt.dest
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(root, dest)
			}
			before := snapshot(t, root)
			err := write(dest, opts, siteB)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("write: %v", err)
				}
				real, _ := filepath.EvalSymlinks(dest)
				tree(t, real, siteB)
				if tt.name == "a link to torv's output" {
					if fi, err := os.Lstat(dest); err != nil || fi.Mode()&os.ModeSymlink == 0 {
						t.Errorf("the link was replaced: %v %v", fi, err)
					}
				}
				left := snapshot(t, root)
				for name := range left {
					if strings.Contains(name, ".torv-lock") || strings.Contains(name, ".torv-old-") || strings.Contains(name, stagingName) {
						t.Errorf("left behind: %s", name)
					}
				}
				return
			}
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("write = %v, want a refusal", err)
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("message\n\t%s\nlacks (in order) %q", msg, w)
				}
				at += i + len(w)
			}
			if de.Hint == "" {
				t.Errorf("no hint: %s", msg)
			}
			if after := snapshot(t, root); !maps.Equal(before, after) {
				t.Errorf("a refused write changed the disk:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

func TestRebuildRemovesOldFilesAndKeepsASpare(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	for i, s := range []site{siteA, siteB, siteA} {
		if err := write(dest, Options{}, s); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		tree(t, dest, s)
	}
	tree(t, filepath.Join(root, ".public.torv-spare"), siteB)
}

// A write that fails half-way (here: a file where a folder must go) leaves
// the destination as it was and no spare behind.
func TestFailedWriteLeavesNoLitter(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if err := write(dest, Options{}, siteA); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	bad := site{"a": "file", "a/b.html": "under a file", "index.html": "new"}
	if err := write(dest, Options{}, bad); err == nil {
		t.Fatal("write of an impossible tree succeeded")
	}
	if after := snapshot(t, dest); !maps.Equal(before, after) {
		t.Errorf("the destination changed:\nbefore %v\nafter  %v", before, after)
	}
	if names, _ := os.ReadDir(root); len(names) != 1 {
		t.Errorf("left beside the destination: %v", names)
	}
}

func TestManifestNameIsTorvs(t *testing.T) {
	err := write(filepath.Join(t.TempDir(), "public"), Options{}, site{ManifestName: "x", "index.html": "y"})
	if err == nil || !strings.Contains(err.Error(), "is torv's own") {
		t.Fatalf("write = %v, want a refusal of the name", err)
	}
}
