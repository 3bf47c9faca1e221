package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

const secret = "OUTSIDE-SECRET-7f3a"

// linkSite makes a site folder with links of every shape beside a folder
// outside it, and returns the site folder.
func linkSite(t testing.TB) string {
	t.Helper()
	tmp := t.TempDir()
	site, out := filepath.Join(tmp, "site"), filepath.Join(tmp, "outside")
	files := map[string]string{
		"site/config.toml":       "title = \"x\"\n",
		"site/content/a.md":      "inside a",
		"site/content/lov/b.md":  "inside b",
		"site/content/tal/c.csv": "label,value\n",
		"outside/secret.md":      secret,
		"outside/b.md":           secret,
	}
	for name, text := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"content/out.md":   filepath.Join(out, "secret.md"),            // a file outside
		"content/in.md":    "a.md",                                     // a file inside: refused too
		"content/ldir":     out,                                        // a folder outside
		"content/ldirin":   "lov",                                      // a folder inside
		"content/abs.md":   filepath.Join(site, "content", "a.md"),     // absolute, inside
		"content/dangling": filepath.Join(out, "nothing-here"),         // to nothing
		"content/lov/up":   filepath.Join("..", "..", "..", "outside"), // relative, out
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	return site
}

// both runs f on the FS New returns and on the portable path.
func both(t *testing.T, site string, f func(t *testing.T, fsys *FS)) {
	for _, mk := range []struct {
		name string
		new  func(string) (*FS, error)
	}{{"New", New}, {"portable", newPortable}} {
		t.Run(mk.name, func(t *testing.T) {
			fsys, err := mk.new(site)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { fsys.Close() })
			f(t, fsys)
		})
	}
}

// ops are the four ways to read a name, each returning what it read as text.
var ops = []struct {
	name string
	do   func(*FS, string) (string, error)
}{
	{"Open", func(f *FS, name string) (string, error) {
		file, err := f.Open(name)
		if err != nil {
			return "", err
		}
		defer file.Close()
		if info, err := file.Stat(); err == nil && info.IsDir() {
			return "", nil
		}
		b, err := io.ReadAll(file)
		return string(b), err
	}},
	{"ReadFile", func(f *FS, name string) (string, error) {
		b, err := f.ReadFile(name)
		return string(b), err
	}},
	{"Stat", func(f *FS, name string) (string, error) {
		_, err := f.Stat(name)
		return "", err
	}},
	{"ReadDir", func(f *FS, name string) (string, error) {
		_, err := f.ReadDir(name)
		return "", err
	}},
}

func TestRefusesLinks(t *testing.T) {
	site := linkSite(t)
	tests := []struct {
		name string
		link string // the Path the error must name; "" when the name reads
		dir  bool   // a folder: ReadFile fails, ReadDir works
	}{
		{"content/a.md", "", false},
		{"content/lov/b.md", "", false},
		{"content/lov", "", true},
		{".", "", true},
		{"content/out.md", "content/out.md", false},              // final element, to outside
		{"content/in.md", "content/in.md", false},                // final element, to inside
		{"content/abs.md", "content/abs.md", false},              // absolute, to inside
		{"content/dangling", "content/dangling", false},          // to nothing
		{"content/ldir/secret.md", "content/ldir", false},        // parent, to outside
		{"content/ldir", "content/ldir", true},                   // the folder link itself
		{"content/ldirin/b.md", "content/ldirin", false},         // parent, to inside
		{"content/lov/up/secret.md", "content/lov/up", false},    // parent, relative and out
		{"content/ldir/missing.md", "content/ldir", false},       // below a link, even when missing
		{"content/ldirin/nothing/x.md", "content/ldirin", false}, // deeper below a link
		{"content/out.md/x", "content/out.md", false},            // a link used as a folder
		{"content/lov/up/b.md", "content/lov/up", false},         // a name that exists both sides
		{"content/ldirin/../a.md", "", false},                    // invalid, see below
		{"content/ldirin/./b.md", "", false},                     // invalid, see below
	}
	both(t, site, func(t *testing.T, fsys *FS) {
		for _, tt := range tests {
			for _, op := range ops {
				got, err := op.do(fsys, tt.name)
				where := op.name + "(" + tt.name + ")"
				switch {
				case !fs.ValidPath(tt.name):
					if !errors.Is(err, fs.ErrInvalid) {
						t.Errorf("%s: err = %v, want fs.ErrInvalid", where, err)
					}
				case tt.link != "":
					var pe *fs.PathError
					if !errors.As(err, &pe) || pe.Err != ErrSymlink || pe.Path != tt.link {
						t.Errorf("%s: err = %#v, want *fs.PathError{Path: %q, Err: ErrSymlink}", where, err, tt.link)
					}
					if errors.Is(err, fs.ErrNotExist) {
						t.Errorf("%s: err is fs.ErrNotExist; an overlay would fall through to its defaults", where)
					}
				case tt.dir && op.name == "ReadFile", !tt.dir && op.name == "ReadDir":
					if err == nil {
						t.Errorf("%s: no error", where)
					}
				case err != nil:
					t.Errorf("%s: %v", where, err)
				}
				if strings.Contains(got, secret) {
					t.Errorf("%s read the outside file", where)
				}
			}
		}
	})
}

func TestInvalidNames(t *testing.T) {
	site := linkSite(t)
	both(t, site, func(t *testing.T, fsys *FS) {
		for _, name := range []string{"..", "../outside/secret.md", "content/../../outside/secret.md",
			"/etc/passwd", "content//a.md", "content/a.md/", "", `content\a.md/..`} {
			for _, op := range ops {
				if _, err := op.do(fsys, name); !errors.Is(err, fs.ErrInvalid) {
					t.Errorf("%s(%q): err = %v, want fs.ErrInvalid", op.name, name, err)
				}
			}
		}
	})
}

func TestMissing(t *testing.T) {
	site := linkSite(t)
	both(t, site, func(t *testing.T, fsys *FS) {
		for _, name := range []string{"content/nothing.md", "nothing/x.md", "content/lov/nothing/x.md"} {
			for _, op := range ops {
				_, err := op.do(fsys, name)
				if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrSymlink) {
					t.Errorf("%s(%q): err = %v, want fs.ErrNotExist", op.name, name, err)
				}
			}
		}
	})
	fsys, err := New(filepath.Join(t.TempDir(), "no-such-site"))
	if err != nil {
		t.Fatalf("New of a missing folder: %v; want an empty FS, as os.DirFS gives", err)
	}
	if _, err := fsys.ReadFile("config.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile in a missing folder: err = %v, want fs.ErrNotExist", err)
	}
	file := filepath.Join(site, "config.toml")
	if _, err := New(file); err == nil {
		t.Errorf("New(%s), a file: no error", file)
	}
}

// TestReadDirShowsLinks: walkers must see links to report them.
func TestReadDirShowsLinks(t *testing.T) {
	site := linkSite(t)
	both(t, site, func(t *testing.T, fsys *FS) {
		entries, err := fsys.ReadDir("content")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			info, err := e.Info()
			if err != nil {
				t.Errorf("%s: Info: %v", e.Name(), err)
				continue
			}
			if info.Mode().Type() != e.Type() {
				t.Errorf("%s: Info's type %v, entry's %v", e.Name(), info.Mode().Type(), e.Type())
			}
			got = append(got, fmt.Sprintf("%s:%v", e.Name(), e.Type()))
		}
		want := "a.md:----------, abs.md:L---------, dangling:L---------, in.md:L---------, ldir:L---------, " +
			"ldirin:L---------, lov:d---------, out.md:L---------, tal:d---------"
		if g := strings.Join(got, ", "); g != want {
			t.Errorf("ReadDir(content) =\n%s\nwant\n%s", g, want)
		}
		// The same through Open, as fs.WalkDir and the overlay read folders.
		dir, err := fsys.Open("content/lov")
		if err != nil {
			t.Fatal(err)
		}
		defer dir.Close()
		list, err := dir.(fs.ReadDirFile).ReadDir(-1)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			info, err := e.Info()
			if err != nil {
				t.Errorf("%s: Info: %v", e.Name(), err)
			} else if e.Name() == "b.md" && info.Size() != int64(len("inside b")) {
				t.Errorf("b.md: Info().Size() = %d", info.Size())
			}
		}
	})
}

// TestFSConforms runs io/fs's own checks on a site without links.
func TestFSConforms(t *testing.T) {
	site := t.TempDir()
	for _, name := range []string{"config.toml", "content/_index.md", "content/lov/a.md", "layouts/base.html"} {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	both(t, site, func(t *testing.T, fsys *FS) {
		if err := fstest.TestFS(fsys, "config.toml", "content/_index.md", "content/lov/a.md", "layouts/base.html"); err != nil {
			t.Error(err)
		}
	})
}

// TestConcurrent: the render workers share one FS (run with -race).
func TestConcurrent(t *testing.T) {
	site := linkSite(t)
	both(t, site, func(t *testing.T, fsys *FS) {
		var wg sync.WaitGroup
		for g := range 16 {
			wg.Go(func() {
				for i := range 200 {
					name := []string{"content/a.md", "content/ldir/secret.md", "content/lov/b.md", "content/ldirin/b.md"}[(g+i)%4]
					b, err := fsys.ReadFile(name)
					refused := errors.Is(err, ErrSymlink)
					if strings.Contains(name, "ldir") != refused || strings.Contains(string(b), secret) {
						t.Errorf("ReadFile(%s) = %q, %v", name, b, err)
						return
					}
					if _, err := fsys.Stat(name); errors.Is(err, ErrSymlink) != refused {
						t.Errorf("Stat(%s): %v", name, err)
						return
					}
				}
			})
		}
		wg.Wait()
	})
}

// TestLinkMadeLater: a folder that became a link after it was read (an
// editor's change while torv serve runs) is refused from then on.
func TestLinkMadeLater(t *testing.T) {
	site := linkSite(t)
	both(t, site, func(t *testing.T, fsys *FS) {
		name := "lov-" + filepath.Base(t.Name()) // one folder per path: both share the site
		lov := filepath.Join(site, "content", name)
		if err := os.MkdirAll(lov, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(lov, "b.md"), []byte("inside"), 0o644)
		if _, err := fsys.ReadFile("content/" + name + "/b.md"); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(lov)
		if err := os.Symlink(filepath.Join(site, "..", "outside"), lov); err != nil {
			t.Fatal(err)
		}
		b, err := fsys.ReadFile("content/" + name + "/b.md")
		if !errors.Is(err, ErrSymlink) || strings.Contains(string(b), secret) {
			t.Errorf("after the folder became a link: %q, %v", b, err)
		}
	})
}

func TestDiag(t *testing.T) {
	site := linkSite(t)
	fsys, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	_, err = fsys.ReadFile("content/ldir/secret.md")
	d := Diag(err)
	want := "content/ldir: is a symbolic link, which torv does not follow (copy what it links to into content/ instead; a link could reach files outside the site)"
	if d == nil || d.Error() != want {
		t.Errorf("Diag = %v\nwant %s", d, want)
	}
	if d := Diag(fs.ErrNotExist); d != nil {
		t.Errorf("Diag(fs.ErrNotExist) = %v, want nil", d)
	}
}

// BenchmarkReadFile reads the 10 000 pages of a generated site through each
// FS: go test -run - -bench ReadFile -benchtime 5x ./internal/sitefs
func BenchmarkReadFile(b *testing.B) {
	site := b.TempDir()
	var names []string
	for i := range 10000 {
		name := fmt.Sprintf("content/s%02d/p%04d.md", i%100, i)
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(strings.Repeat("tekst ", 300)), 0o644); err != nil {
			b.Fatal(err)
		}
		names = append(names, name)
	}
	newFS, _ := New(site)
	portable, _ := newPortable(site)
	if newFS.beneath == nil {
		b.Log("openat2 is not available here: New takes the portable path")
	}
	for _, fsys := range []struct {
		name string
		fs   fs.FS
	}{{"os.DirFS", os.DirFS(site)}, {"sitefs.New", newFS}, {"sitefs.portable", portable}} {
		b.Run(fsys.name, func(b *testing.B) {
			for b.Loop() {
				for _, name := range names {
					if _, err := fs.ReadFile(fsys.fs, name); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/file")
		})
	}
}
