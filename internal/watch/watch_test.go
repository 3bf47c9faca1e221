package watch

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func site(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range append([]string{"config.toml", "content/_index.md"}, files...) {
		put(t, dir, f, "start")
	}
	return dir
}

func put(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mv(t *testing.T, dir, from, to string) {
	t.Helper()
	if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), filepath.Join(dir, filepath.FromSlash(to))); err != nil {
		t.Fatal(err)
	}
}

func rm(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, dir string, opts Options) *Watcher {
	t.Helper()
	w, err := New(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// until gathers batches until every path in want was reported, and
// returns the batches.
func until(t *testing.T, w *Watcher, want ...string) [][]string {
	t.Helper()
	var batches [][]string
	seen := map[string]bool{}
	deadline := time.After(10 * time.Second)
	for {
		missing := 0
		for _, p := range want {
			if !seen[p] {
				missing++
			}
		}
		if missing == 0 {
			return batches
		}
		select {
		case b := <-w.C:
			batches = append(batches, b)
			for _, p := range b {
				seen[p] = true
			}
		case <-deadline:
			t.Fatalf("no batch with %v; got %v", want, batches)
		}
	}
}

// quiet fails when a batch arrives within d.
func quiet(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.C:
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(d):
	}
}

// TestEditorSaves replays how editors save a page, and wants exactly the
// page reported, never a temp or backup file.
func TestEditorSaves(t *testing.T) {
	const page = "content/lov/a.md"
	tests := []struct {
		name string
		save func(t *testing.T, dir string)
	}{
		{"in place (VS Code, nano)", func(t *testing.T, dir string) {
			put(t, dir, page, "new")
		}},
		{"vim: 4913 probe, backup by rename, new file", func(t *testing.T, dir string) {
			put(t, dir, "content/lov/4913", "")
			rm(t, dir, "content/lov/4913")
			put(t, dir, "content/lov/.a.md.swp", "swap")
			mv(t, dir, page, page+"~")
			put(t, dir, page, "new")
			rm(t, dir, page+"~")
		}},
		{"gedit: .goutputstream renamed over the page", func(t *testing.T, dir string) {
			put(t, dir, "content/lov/.goutputstream-ABC123", "new")
			mv(t, dir, "content/lov/.goutputstream-ABC123", page)
		}},
		{"JetBrains: ___jb_tmp___ and ___jb_old___", func(t *testing.T, dir string) {
			put(t, dir, page+"___jb_tmp___", "new")
			mv(t, dir, page, page+"___jb_old___")
			mv(t, dir, page+"___jb_tmp___", page)
			rm(t, dir, page+"___jb_old___")
		}},
		{"emacs: lock file and backup", func(t *testing.T, dir string) {
			os.Symlink("user@host.123", filepath.Join(dir, "content/lov/.#a.md"))
			put(t, dir, page+"~", "old")
			put(t, dir, page, "new")
			os.Remove(filepath.Join(dir, "content/lov/.#a.md"))
		}},
		{"a slow rename-save (the page is gone for 40 ms)", func(t *testing.T, dir string) {
			mv(t, dir, page, page+"~")
			time.Sleep(40 * time.Millisecond)
			put(t, dir, page, "new")
			rm(t, dir, page+"~")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, page)
			w := start(t, dir, Options{})
			tt.save(t, dir)
			batches := until(t, w, page)
			if len(batches) != 1 || !slices.Equal(batches[0], []string{page}) {
				t.Errorf("batches %v, want one [%s]", batches, page)
			}
			quiet(t, w, 100*time.Millisecond)
		})
	}
}

func TestTempFilesAlone(t *testing.T) {
	dir := site(t)
	w := start(t, dir, Options{})
	for _, name := range []string{"a.md~", ".a.md.swp", ".a.md.swx", "4913", ".#a.md", "a.tmp", ".goutputstream-XYZ", "a.md___jb_tmp___", "_kladde.md", ".DS_Store"} {
		put(t, dir, "content/"+name, "x")
		rm(t, dir, "content/"+name)
	}
	put(t, dir, "public/index.html", "not watched")
	put(t, dir, "README.md", "not watched")
	quiet(t, w, 150*time.Millisecond)
}

func TestNewFolders(t *testing.T) {
	dir := site(t)
	w := start(t, dir, Options{})
	// A folder with a folder with a file, made faster than a watch can
	// be added: the rescan finds the file.
	put(t, dir, "content/ny/under/b.md", "b")
	until(t, w, "content/ny/under/b.md")
	// Now the new folder is watched.
	put(t, dir, "content/ny/under/c.md", "c")
	until(t, w, "content/ny/under/c.md")
	// A root made after the start.
	put(t, dir, "layouts/partials/footer.html", "f")
	until(t, w, "layouts/partials/footer.html")
	put(t, dir, "layouts/partials/header.html", "h")
	until(t, w, "layouts/partials/header.html")
	// config.toml replaced by a rename.
	put(t, dir, ".config.toml.tmp", "new")
	mv(t, dir, ".config.toml.tmp", "config.toml")
	until(t, w, "config.toml")
}

func TestFolderMovedAway(t *testing.T) {
	dir := site(t, "content/gammel/a.md", "content/gammel/under/b.md")
	w := start(t, dir, Options{})
	if err := os.Rename(filepath.Join(dir, "content/gammel"), filepath.Join(dir, "gemt")); err != nil {
		t.Fatal(err)
	}
	until(t, w, "content/gammel")
	// The moved folder is outside the site now: writing in it is no change.
	put(t, dir, "gemt/under/c.md", "c")
	quiet(t, w, 150*time.Millisecond)
}

// TestBurst is a git checkout: thousands of files changed and made at
// once, while the receiver takes a while for each build. At most two
// batches, and between them every file.
func TestBurst(t *testing.T) {
	const n = 1500
	var files []string
	for i := range n {
		files = append(files, fmt.Sprintf("content/gammel/side-%04d.md", i))
	}
	dir := site(t, files...)
	w := start(t, dir, Options{})
	var want []string
	for i := range n {
		put(t, dir, files[i], "changed")
		f := fmt.Sprintf("content/ny/%02d/side-%04d.md", i%10, i)
		put(t, dir, f, "new")
		want = append(want, files[i], f)
	}
	var batches [][]string
	seen := map[string]bool{}
	deadline := time.After(20 * time.Second)
	for len(seen) < len(want) {
		select {
		case b := <-w.C:
			batches = append(batches, b)
			for _, p := range b {
				seen[p] = true
			}
			time.Sleep(50 * time.Millisecond) // the build
		case <-deadline:
			t.Fatalf("%d of %d files reported in %d batches", len(seen), len(want), len(batches))
		}
	}
	for _, p := range want {
		if !seen[p] {
			t.Errorf("%s never reported", p)
		}
	}
	if len(batches) > 2 {
		var sizes []int
		for _, b := range batches {
			sizes = append(sizes, len(b))
		}
		t.Errorf("%d batches (sizes %v), want at most 2", len(batches), sizes)
	}
	// On a loaded machine the writer can stall between making a file in
	// a new folder and writing it, while the watcher reads the folder: the
	// write is then a real change after the report and may come once
	// more. Anything else after the burst is a defect.
	late := time.After(300 * time.Millisecond)
	for extra := 0; ; {
		select {
		case b := <-w.C:
			extra++
			for _, p := range b {
				if !seen[p] {
					t.Errorf("after the burst, a path never changed: %s", p)
				}
			}
			if extra > 1 {
				t.Errorf("%d batches after the burst, want at most 1: %v", extra, b)
			}
		case <-late:
			return
		}
	}
}

// TestWatchLimit: when the system refuses more watches, the watcher says
// so, with the fix, and polls instead.
func TestWatchLimit(t *testing.T) {
	dir := site(t, "content/a.md")
	var log bytes.Buffer
	w := start(t, dir, Options{Poll: 20 * time.Millisecond, Log: &log,
		addWatch: func(string) error { return syscall.ENOSPC }})
	if !w.Polling() {
		t.Fatal("not polling after the watch limit was reached")
	}
	for _, s := range []string{"max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288", "every 20ms"} {
		if !strings.Contains(log.String(), s) {
			t.Errorf("the message lacks %q:\n%s", s, log.String())
		}
	}
	time.Sleep(30 * time.Millisecond) // a new modification time
	put(t, dir, "content/a.md", "changed, and longer")
	put(t, dir, "content/ny/b.md", "new")
	put(t, dir, "content/.a.md.swp", "temp")
	batches := until(t, w, "content/a.md", "content/ny/b.md")
	for _, b := range batches {
		if slices.Contains(b, "content/.a.md.swp") {
			t.Errorf("polling reported a temp file: %v", b)
		}
	}
	rm(t, dir, "content/ny/b.md")
	until(t, w, "content/ny/b.md")
}

func TestExplain(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "fs.inotify.max_user_watches"},
		{fmt.Errorf("couldn't initialize inotify: %w", syscall.EMFILE), "fs.inotify.max_user_instances"},
		{syscall.EPERM, "cannot watch the site's folders"},
	}
	for _, tt := range tests {
		if got := explain(tt.err, time.Second); !strings.Contains(got, tt.want) || !strings.Contains(got, "every 1s") {
			t.Errorf("explain(%v) = %q, want it to name %s and the interval", tt.err, got, tt.want)
		}
	}
}

// TestLongLivedTempFiles is issue 11: an editor's temp file that stays for
// a while, is written again, and is then renamed over the page gives one
// batch naming the page, and never the temp file. The names are every
// pattern of package ignore.
func TestLongLivedTempFiles(t *testing.T) {
	const page = "content/om.md"
	temps := []string{
		"om.md.vsctmp", "om.md.crswap", "#om.md#", ".#om.md", "om.md~", "om.md.~1~",
		".om.md.swp", ".om.md.swo", ".om.md.swn", ".om.md.swx", "om.md.swp", "_om.md.swp", "4913",
		".goutputstream-ABC123", "om.md___jb_tmp___", "om.md___jb_old___", "om.md___jb_bak___",
		".om.md.kate-swp", "om.md.kate-swp", ".~lock.om.md#", "~$om.md", "~WRL0001.tmp",
		"om.tmp", "OM.TMP", "om.md.bak", "om.md.orig", "om.md.rej", "Thumbs.db", "desktop.ini",
	}
	for _, name := range temps {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			temp := "content/" + name
			dir := site(t, page)
			w := start(t, dir, Options{})
			// The editor saves while the batches are taken as they come, as
			// the preview does, so a batch for the temp file alone shows.
			saved := make(chan error, 1)
			go func() { saved <- slowSave(dir, temp, page) }()
			batches := until(t, w, page)
			if err := <-saved; err != nil {
				t.Fatal(err)
			}
			if len(batches) != 1 || !slices.Equal(batches[0], []string{page}) {
				t.Errorf("batches %v, want one [%s]", batches, page)
			}
			// A second rebuild would come within Settle; wait well past it.
			quiet(t, w, time.Second)
		})
	}
}

// slowSave writes temp, writes it again, and renames it over page 300 ms
// later. It returns errors instead of failing, as it runs beside the test.
func slowSave(dir, temp, page string) error {
	abs := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	if err := os.WriteFile(abs(temp), []byte("new"), 0o644); err != nil {
		return err
	}
	time.Sleep(150 * time.Millisecond)
	if err := os.WriteFile(abs(temp), []byte("new, written again"), 0o644); err != nil {
		return err
	}
	time.Sleep(150 * time.Millisecond)
	return os.Rename(abs(temp), abs(page))
}

// static/ is published as it is: its hidden files and folders count, its
// temp files do not.
func TestStaticHiddenFiles(t *testing.T) {
	dir := site(t, "static/CNAME")
	w := start(t, dir, Options{})
	put(t, dir, "static/.well-known/security.txt", "Contact: mailto:x@example.org")
	until(t, w, "static/.well-known/security.txt")
	put(t, dir, "static/.htaccess", "Options -Indexes")
	until(t, w, "static/.htaccess")
	put(t, dir, "static/.CNAME.swp", "x")
	put(t, dir, "static/CNAME.vsctmp", "x")
	quiet(t, w, 500*time.Millisecond)
}
