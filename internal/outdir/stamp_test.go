//go:build linux

package outdir

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// names is a listing's files and folders, sorted.
func names(l *listing) (files, dirs []string) {
	each(l.files, func(f []byte) error { files = append(files, string(f)); return nil })
	each(l.dirs, func(d []byte) error { dirs = append(dirs, string(d)); return nil })
	slices.Sort(files)
	slices.Sort(dirs)
	return files, dirs
}

// sameBuilds streams s into dest four times, each in a later tick of the
// file system's clock than the one before. The first two make the
// destination's and the spare's folders; the third and fourth change none
// of them, and check them after they were made: then neither folder's
// manifest was checked in the tick its folders changed.
func sameBuilds(t *testing.T, dest string, s site) {
	t.Helper()
	for range 4 {
		stream(t, dest, s)
		nextTick(t, filepath.Dir(dest))
	}
}

// nextTick waits until the file system's clock in dir has moved on: a
// file made now has a later change time than one made before.
func nextTick(t *testing.T, dir string) {
	t.Helper()
	probe := filepath.Join(dir, "tick")
	first := int64(0)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		ns := changeTime(t, probe)
		if first == 0 {
			first = ns
		} else if ns > first {
			os.Remove(probe)
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the file system's clock did not move in 5 s")
}

// After builds of the same site, the destination's and the spare's folders
// are unchanged since their manifests were checked: a check reads the top
// folder only (the build's last step changed it), and lists what a walk of
// every folder lists.
func TestUnchangedFoldersAreNotRead(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	sameBuilds(t, dest, many(600, "a"))
	d, err := Open(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.clock.ns == 0 {
		t.Fatal("Open took no time stamp from the lock file")
	}
	for _, dir := range []string{dest, d.spare} {
		var skipped, walked listing
		st, err := inspect(dir, &skipped, d.clock)
		if err != nil {
			t.Fatal(err)
		}
		all, err := inspect(dir, &walked, stamp{})
		if err != nil {
			t.Fatal(err)
		}
		if st.kind != owned || all.kind != owned {
			t.Fatalf("%s: kinds %v and %v, want owned", dir, st.kind, all.kind)
		}
		if want := 1 + 17 + 600; all.read != want || st.read != 1 {
			t.Errorf("%s: the check read %d folders, a whole walk %d; want 1 and %d", dir, st.read, all.read, want)
		}
		f1, d1 := names(&skipped)
		f2, d2 := names(&walked)
		if !slices.Equal(f1, f2) || !slices.Equal(d1, d2) {
			t.Errorf("%s: the check lists %d files and %d folders, a walk %d and %d", dir, len(f1), len(d1), len(f2), len(d2))
		}
	}
}

// mustOpen opens a new file beside dir, for its time stamp.
func mustOpen(t *testing.T, dir string) *os.File {
	t.Helper()
	f, err := os.Create(dir + ".probe")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close(); os.Remove(f.Name()) })
	return f
}

// setChecked rewrites dir's manifest with another Checked.
func setChecked(t *testing.T, dir string, checked int64) {
	t.Helper()
	m, ok := readManifest(dir, whole)
	if !ok {
		t.Fatalf("%s has no manifest", dir)
	}
	m.Checked = checked
	if err := writeManifest(dir, m); err != nil {
		t.Fatal(err)
	}
}

// changeTime is the change time of the file or folder p.
func changeTime(t *testing.T, p string) int64 {
	t.Helper()
	info, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return stampOf(info).ns
}

// Whatever changes a folder after its manifest was checked is found, even
// in a folder deep down whose neighbours are all skipped.
func TestChangedFoldersAreRead(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, root, dest string)
		named  string // in the refusal
	}{
		{"a file added deep down", func(t *testing.T, root, dest string) {
			put(t, dest, map[string]string{"s3/p3/extra.html": "x"})
		}, "s3/p3/extra.html"},
		{"a file added in the clock tick of the check", func(t *testing.T, root, dest string) {
			put(t, dest, map[string]string{"s3/p3/extra.html": "x"})
			setChecked(t, dest, changeTime(t, filepath.Join(dest, "s3", "p3")))
		}, "s3/p3/extra.html"},
		{"a folder made before the build moved in", func(t *testing.T, root, dest string) {
			// root/old was made before the builds (setup below).
			if err := os.Rename(filepath.Join(dest, "s3", "p3"), filepath.Join(root, "gone")); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(filepath.Join(root, "old"), filepath.Join(dest, "s3", "p3")); err != nil {
				t.Fatal(err)
			}
		}, "s3/p3/notes.txt"},
		{"a page replaced by a link", func(t *testing.T, root, dest string) {
			p := filepath.Join(dest, "s3", "p3", "index.html")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			put(t, dest, map[string]string{"s3/p3/index.html": "-> /etc/passwd"})
		}, "s3/p3/index.html"},
		{"a clock set back past the check", func(t *testing.T, root, dest string) {
			put(t, dest, map[string]string{"s3/p3/extra.html": "x"})
			setChecked(t, dest, time.Now().Add(time.Hour).UnixNano())
		}, "s3/p3/extra.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			put(t, root, map[string]string{"old/index.html": "<p>a 3</p>", "old/notes.txt": "mine"})
			sameBuilds(t, dest, many(100, "a"))
			if st, err := inspect(dest, nil, stampFile(mustOpen(t, dest))); err != nil || st.read != 1 {
				t.Fatalf("before the change the check read %d folders (%v), want 1: the case would not test the skip", st.read, err)
			}
			tt.change(t, root, dest)
			before := treeHash(t, dest)
			_, err := Open(dest, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.named) {
				t.Fatalf("Open = %v, want a refusal naming %s", err, tt.named)
			}
			if treeHash(t, dest) != before {
				t.Error("a refused Open changed the destination")
			}
		})
	}
}

// A build whose files the spare already holds, unchanged since its
// manifest was checked, reads none of them. A file of the same size whose
// bytes the build changes, or somebody changed in the spare (even in the
// clock tick of the check), is read and written. (many's file 3 is
// "<p>a 3</p>...".)
func TestUnchangedFilesAreNotRead(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, spare string) // before the build
		build  site
		reads  int64
	}{
		{"the same site", nil, many(200, "a"), 0},
		{"one page changed", nil, func() site { s := many(200, "a"); s["s3/p3/index.html"] = "<p>b 3</p>..."; return s }(), 1},
		{"a file changed in the spare", func(t *testing.T, spare string) {
			put(t, spare, map[string]string{"s3/p3/index.html": "<p>x 3</p>..."})
		}, many(200, "a"), 1},
		{"a file changed in the spare in the clock tick of the check", func(t *testing.T, spare string) {
			p := filepath.Join(spare, "s3", "p3", "index.html")
			put(t, spare, map[string]string{"s3/p3/index.html": "<p>x 3</p>..."})
			setChecked(t, spare, changeTime(t, p))
		}, many(200, "a"), 1},
		{"a file changed in the spare after a clock was set back", func(t *testing.T, spare string) {
			put(t, spare, map[string]string{"s3/p3/index.html": "<p>x 3</p>..."})
			setChecked(t, spare, time.Now().Add(time.Hour).UnixNano())
		}, many(200, "a"), 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			spare := filepath.Join(root, ".public"+SpareSuffix)
			sameBuilds(t, dest, many(200, "a"))
			if tt.change != nil {
				tt.change(t, spare)
			}
			if n := stream(t, dest, tt.build); n != tt.reads {
				t.Errorf("%d Puts read the spare's file, want %d", n, tt.reads)
			}
			tree(t, dest, tt.build)
		})
	}
}
