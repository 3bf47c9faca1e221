package outdir

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// stream runs a whole build the streaming way: Open, Begin, a Put of every
// file from 8 goroutines, Commit, Close. It returns how many Puts read
// the spare's file to compare it.
func stream(t testing.TB, dest string, files site) (compared int64) {
	t.Helper()
	d, st := begin(t, dest)
	defer d.Close()
	defer st.Abort()
	if err := putAll(st, files); err != nil {
		t.Fatal(err)
	}
	compared = st.compared.Load()
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return compared
}

// begin opens dest and begins a build in it; the caller closes both.
func begin(t testing.TB, dest string) (*Dir, *Staging) {
	t.Helper()
	d, err := Open(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := d.Begin()
	if err != nil {
		d.Close()
		t.Fatal(err)
	}
	return d, st
}

// putAll Puts files from 8 goroutines, each through one buffer it
// overwrites for every file: a Put that kept b would write the wrong bytes.
func putAll(st *Staging, files site) error {
	names := files.Paths()
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			var buf []byte
			for i := g; i < len(names); i += 8 {
				buf = append(buf[:0], files[names[i]]...)
				if err := st.Put(names[i], buf); err != nil && errs[g] == nil {
					errs[g] = err
				}
				clear(buf)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// treeHash hashes every name, kind, permission, modification time, content
// and link target below root: equal hashes mean an untouched folder.
func treeHash(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(h, "%q %v", rel, info.Mode())
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			fmt.Fprintf(h, " -> %q", target)
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, " %d %x", info.ModTime().UnixNano(), sha256.Sum256(b))
		}
		h.Write([]byte{'\n'})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// noLitter fails when root holds a lock, a moved-aside folder or a
// temporary file, or anything but dest and its spare.
func noLitter(t *testing.T, root string) {
	t.Helper()
	for name := range snapshot(t, root) {
		base := filepath.Base(name)
		top := strings.Split(name, string(filepath.Separator))[0]
		if strings.HasPrefix(base, tmpPrefix) || strings.Contains(name, LockSuffix) || strings.Contains(name, oldInfix) ||
			(top != "." && top != "public" && top != ".public"+SpareSuffix) {
			t.Errorf("left behind: %s", name)
		}
	}
}

// noEmptyFolders fails when a folder below dir holds nothing.
func noEmptyFolders(t *testing.T, dir string) {
	t.Helper()
	for name, v := range snapshot(t, dir) {
		if v != "/" || name == "." {
			continue
		}
		if names, _ := os.ReadDir(filepath.Join(dir, name)); len(names) == 0 {
			t.Errorf("%s: an empty folder is left: %s", dir, name)
		}
	}
}

func many(n int, tag string) site {
	s := site{}
	for i := range n {
		s[fmt.Sprintf("s%d/p%d/index.html", i%17, i)] = fmt.Sprintf("<p>%s %d</p>", tag, i) + strings.Repeat(".", i%300)
	}
	return s
}

// Each case streams its builds in turn into one destination; after each,
// the destination holds exactly that build, and at the end the spare holds
// the one before. The spare a build writes into holds the build before the
// last, so a case needs three builds to make Put meet an old tree.
func TestStreamedBuilds(t *testing.T) {
	tests := []struct {
		name   string
		builds []site
	}{
		{"2000 files from 8 goroutines", []site{many(2000, "a")}},
		{"fewer files remove the rest and their folders", []site{many(600, "a"), many(600, "b"), many(100, "c")}},
		{"a file where a folder was", []site{{"lov/index.html": "1", "lov/a/b.html": "2"}, {"x": "x"}, {"lov": "a file now", "x": "x"}}},
		{"a folder where a file was", []site{{"lov": "a file", "a/b": "b"}, {"x": "x"}, {"lov/index.html": "a folder now", "a/b/c": "c"}}},
		{"a deep folder where a file was", []site{{"a": "file"}, {}, {"a/b/c/d/e.html": "deep"}}},
		{"an empty build", []site{siteA, siteB, {}}},
		{"the same build again", []site{siteA, siteA, siteA, siteA}},
		{"a nested manifest name is a page like any other", []site{{"old/.torv-manifest.json": "{}", "index.html": "i"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			for i, s := range tt.builds {
				stream(t, dest, s)
				tree(t, dest, s)
				noEmptyFolders(t, dest)
				if t.Failed() {
					t.Fatalf("after build %d", i)
				}
			}
			if n := len(tt.builds); n > 1 {
				tree(t, filepath.Join(root, ".public"+SpareSuffix), tt.builds[n-2])
			}
			noLitter(t, root)
		})
	}
}

func TestPathsAreSorted(t *testing.T) {
	d, err := Open(filepath.Join(t.TempDir(), "public"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st, err := d.Begin()
	if err != nil {
		t.Fatal(err)
	}
	s := many(500, "a")
	if err := putAll(st, s); err != nil {
		t.Fatal(err)
	}
	if got := st.Paths(); !slices.Equal(got, s.Paths()) {
		t.Errorf("Paths = %d names, want %d, sorted", len(got), len(s))
	}
}

// An unchanged file is not rewritten, so it keeps its modification time; a
// changed one gets a new one.
func TestUnchangedFileKeepsModTime(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	first := site{"same.html": "same", "changed.html": "before"}
	stream(t, dest, first)
	for name := range first {
		if err := os.Chtimes(filepath.Join(dest, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	stream(t, dest, site{"other.html": "o"}) // first's files go to the spare
	stream(t, dest, site{"same.html": "same", "changed.html": "after"})
	for name, want := range map[string]bool{"same.html": true, "changed.html": false} {
		info, err := os.Stat(filepath.Join(dest, name))
		if err != nil {
			t.Fatal(err)
		}
		if kept := info.ModTime().Equal(old); kept != want {
			t.Errorf("%s: modification time %v; kept = %v, want %v", name, info.ModTime(), kept, want)
		}
	}
}

// Abort leaves the destination untouched, and the spare marked as stopped;
// the next build keeps the spare, brings it up to date, and reuses the
// files the stopped build wrote.
func TestAbort(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	spare := filepath.Join(root, ".public"+SpareSuffix)
	stream(t, dest, siteA)
	stream(t, dest, siteB)
	before := treeHash(t, dest)

	d, st := begin(t, dest)
	half := many(400, "half")
	if err := putAll(st, half); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	st.Abort() // does nothing
	if err := st.Put("late.html", nil); err == nil {
		t.Error("Put after Abort succeeded")
	}
	if err := st.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	d.Close()
	if after := treeHash(t, dest); after != before {
		t.Error("Abort changed the destination")
	}
	if !stopped(spare) {
		t.Errorf("the spare is not marked as stopped: %v", snapshot(t, spare)[stagingName])
	}
	noLitter(t, root)

	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	reused := filepath.Join(spare, "s0", "p0", "index.html")
	if err := os.Chtimes(reused, old, old); err != nil {
		t.Fatal(err)
	}
	next := many(200, "half") // the same bytes as the stopped build's first 200
	stream(t, dest, next)
	tree(t, dest, next)
	tree(t, spare, siteB)
	noLitter(t, root)
	if info, err := os.Stat(filepath.Join(dest, "s0", "p0", "index.html")); err != nil || !info.ModTime().Equal(old) {
		t.Errorf("a file the stopped build wrote was written again: %v %v", info, err)
	}
}

// Close aborts a Staging left open.
func TestCloseAborts(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	stream(t, dest, siteA)
	stream(t, dest, siteA) // a second build: now the spare holds the first one
	before := treeHash(t, dest)
	d, st := begin(t, dest)
	if _, err := d.Begin(); err == nil {
		t.Error("a second Begin while one is open succeeded")
	}
	if err := st.Put("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if err := st.Put("x.html", nil); err == nil {
		t.Error("Put after Close succeeded")
	}
	if treeHash(t, dest) != before || !stopped(filepath.Join(root, ".public"+SpareSuffix)) {
		t.Error("Close did not abort the open Staging")
	}
	stream(t, dest, siteB)
	tree(t, dest, siteB)
}

// A refused Put fails the build: Commit refuses, the destination stays as
// it was, and the spare, which a failed write may have left half full, is
// deleted.
func TestRefusedPuts(t *testing.T) {
	tests := []struct {
		name   string
		before []string // Put first, successfully
		put    string
		want   string
	}{
		{name: "empty", put: "", want: "not a relative path"},
		{name: "the top", put: ".", want: "not a relative path"},
		{name: "absolute", put: "/etc/passwd", want: "not a relative path"},
		{name: "up and out", put: "../outside.html", want: "not a relative path"},
		{name: "up inside", put: "a/../../outside.html", want: "not a relative path"},
		{name: "a dot part", put: "a/./b.html", want: "not a relative path"},
		{name: "an empty part", put: "a//b.html", want: "not a relative path"},
		{name: "a trailing slash", put: "a/", want: "not a relative path"},
		{name: "a NUL byte", put: "a\x00b.html", want: "cannot be a file name"},
		{name: "the manifest", put: ManifestName, want: "is torv's own"},
		{name: "under the manifest", put: ManifestName + "/x", want: "is torv's own"},
		{name: "the marker", put: stagingName, want: "is torv's own"},
		{name: "under the marker", put: stagingName + "/x.html", want: "is torv's own"},
		{name: "a temporary file", put: "a/" + tmpPrefix + "1", want: "is torv's own"},
		{name: "a temporary folder", put: tmpPrefix + "x/index.html", want: "is torv's own"},
		{name: "twice", before: []string{"a.html"}, put: "a.html", want: "written twice"},
		{name: "a file where the build has a folder", before: []string{"a/b/c.html"}, put: "a/b", want: "is a folder of this build"},
		{name: "a file under a file of the build", before: []string{"a"}, put: "a/b/c.html", want: "is inside a, which is a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			stream(t, dest, siteA)
			stream(t, dest, siteB)
			before := treeHash(t, dest)
			d, st := begin(t, dest)
			defer d.Close()
			for _, name := range tt.before {
				if err := st.Put(name, []byte("x")); err != nil {
					t.Fatal(err)
				}
			}
			err := st.Put(tt.put, []byte("hostile"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Put(%q) = %v, want an error with %q", tt.put, err, tt.want)
			}
			if err := st.Put("fine.html", []byte("fine")); err != nil {
				t.Errorf("a good Put after a refused one: %v", err)
			}
			if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "could not be written") {
				t.Errorf("Commit after a refused Put = %v", err)
			}
			d.Close()
			if treeHash(t, dest) != before {
				t.Error("the destination changed")
			}
			if _, err := os.Lstat(filepath.Join(root, ".public"+SpareSuffix)); err == nil {
				t.Error("the spare of a failed build was kept")
			}
			if _, err := os.Lstat(filepath.Join(root, "outside.html")); err == nil {
				t.Error("a file was written outside the spare")
			}
			noLitter(t, root)
		})
	}
}

// Links put into a stopped spare (which Open does not look into) are
// replaced, never followed.
func TestLinksInTheSpareAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	spare := filepath.Join(root, ".public"+SpareSuffix)
	outside := filepath.Join(root, "outside")
	put(t, root, map[string]string{"outside/index.html": "mine", "outside/same.html": "same"})
	stream(t, dest, siteA)
	stream(t, dest, siteA) // a second build: now the spare holds the first one
	d, st := begin(t, dest)
	st.Abort()
	d.Close()
	put(t, spare, map[string]string{"lov": "-> " + outside, "same.html": "-> " + filepath.Join(outside, "same.html")})
	before := snapshot(t, outside)
	s := site{"lov/index.html": "torv's", "same.html": "same"}
	stream(t, dest, s)
	tree(t, dest, s)
	if after := snapshot(t, outside); !maps.Equal(before, after) {
		t.Errorf("a link was followed: %v", after)
	}
}

// A failed Commit check (a file put into the destination during the
// build) leaves the destination alone and the spare for the next build.
func TestCommitChecksTheDestinationAgain(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	stream(t, dest, siteA)
	stream(t, dest, siteA) // a second build: now the spare holds the first one
	d, st := begin(t, dest)
	defer d.Close()
	if err := putAll(st, siteB); err != nil {
		t.Fatal(err)
	}
	put(t, dest, map[string]string{"CNAME": "example.org"})
	before := treeHash(t, dest)
	if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "CNAME") {
		t.Fatalf("Commit = %v, want a refusal naming CNAME", err)
	}
	if treeHash(t, dest) != before || !stopped(filepath.Join(root, ".public"+SpareSuffix)) {
		t.Error("a refused Commit changed the destination or deleted the spare")
	}
	// With CNAME gone, the next build takes the stopped spare over.
	d.Close()
	if err := os.Remove(filepath.Join(dest, "CNAME")); err != nil {
		t.Fatal(err)
	}
	stream(t, dest, siteB)
	tree(t, dest, siteB)
	tree(t, filepath.Join(root, ".public"+SpareSuffix), siteA)
	noLitter(t, root)
}

// BenchmarkPut streams builds of 10 000 files of 20 KB into a destination
// that holds the same files ("unchanged": every Put compares) or older
// versions of them ("changed": every Put writes). B/op and allocs/op are a
// whole build's, the walks of Open and Commit included; put-B/file and
// put-allocs/file are what one Put allocates, and held-B/file what the
// build still holds per file once every Put is done (the set of names): a
// copy of the output would show as 20 KB.
func BenchmarkPut(b *testing.B) {
	const n, size = 10_000, 20 << 10
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("p%d/index.html", i)
	}
	for _, bc := range []struct {
		name    string
		changed bool
	}{{"unchanged", false}, {"changed", true}} {
		b.Run(bc.name, func(b *testing.B) {
			dest := filepath.Join(b.TempDir(), "public")
			pages := make([][]byte, n)
			for i := range pages {
				pages[i] = []byte(strings.Repeat("x", size))
				copy(pages[i], names[i])
			}
			var putBytes, putAllocs, held uint64
			build := func(gen int) {
				d, err := Open(dest, Options{})
				if err != nil {
					b.Fatal(err)
				}
				defer d.Close()
				st, err := d.Begin()
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				b.StartTimer()
				var wg sync.WaitGroup
				for g := range 8 {
					wg.Go(func() {
						for i := g; i < n; i += 8 {
							if bc.changed {
								pages[i][size-1] = byte('a' + gen%26)
								pages[i][size-2] = byte('a' + gen/26%26)
							}
							if err := st.Put(names[i], pages[i]); err != nil {
								b.Error(err)
								return
							}
						}
					})
				}
				wg.Wait()
				b.StopTimer()
				runtime.ReadMemStats(&after)
				putBytes += after.TotalAlloc - before.TotalAlloc
				putAllocs += after.Mallocs - before.Mallocs
				runtime.GC()
				runtime.ReadMemStats(&after)
				held += max(after.HeapAlloc, before.HeapAlloc) - before.HeapAlloc
				b.StartTimer()
				if err := st.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			build(0) // destination and spare hold the same bytes
			build(0)
			putBytes, putAllocs, held = 0, 0, 0
			b.ReportAllocs()
			gen := 0
			for b.Loop() {
				gen++
				build(gen)
			}
			files := float64(b.N * n)
			b.ReportMetric(float64(putBytes)/files, "put-B/file")
			b.ReportMetric(float64(putAllocs)/files, "put-allocs/file")
			b.ReportMetric(float64(held)/files, "held-B/file")
		})
	}
}

// streamEnv makes the test binary a build that Puts files from 8
// goroutines, endlessly, into the destination it names, until it is
// killed.
const streamEnv = "TORV_OUTDIR_TEST_STREAM"

func streamUntilKilled(dest string) {
	d, err := Open(dest, Options{})
	if err == nil {
		var st *Staging
		if st, err = d.Begin(); err == nil {
			var once sync.Once
			for g := range 8 {
				go func() {
					page := []byte(strings.Repeat("new ", 5000))
					for i := g; ; i += 8 {
						if err := st.Put(fmt.Sprintf("s%d/p%d/index.html", i%17, i), page); err != nil {
							fmt.Println("error:", err)
							os.Exit(1)
						}
						if i > 500 {
							once.Do(func() { fmt.Println("putting") })
						}
					}
				}()
			}
			time.Sleep(time.Hour)
		}
	}
	fmt.Println("error:", err)
	os.Exit(1)
}

// A build killed while it Puts leaves the destination untouched; the next
// build deletes the spare it left and writes the site.
func TestKilledWhilePutting(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	spare := filepath.Join(root, ".public"+SpareSuffix)
	stream(t, dest, many(300, "a"))
	stream(t, dest, siteB)
	before := treeHash(t, dest)
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), streamEnv+"="+dest)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		time.Sleep(time.Duration(round) * 20 * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		if line != "putting\n" {
			t.Fatalf("the build said %q", line)
		}
		if treeHash(t, dest) != before {
			t.Fatal("a killed build changed the destination")
		}
		if _, err := os.Stat(filepath.Join(spare, stagingName)); err != nil {
			t.Fatalf("the killed build left no marked spare, so this test shows nothing: %v", err)
		}
	}
	d, err := Open(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(spare); err == nil {
		t.Error("the killed build's spare was not deleted")
	}
	d.Close()
	next := many(100, "c")
	stream(t, dest, next)
	tree(t, dest, next)
	tree(t, spare, siteB)
	noLitter(t, root)
}

// A build that fails before any spare existed leaves none: Abort removes
// the spare its Begin made.
func TestAbortRemovesTheSpareItMade(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	stream(t, dest, siteA)
	spare := filepath.Join(root, ".public"+SpareSuffix)
	os.RemoveAll(spare)
	before := treeHash(t, dest)
	d, st := begin(t, dest)
	defer d.Close()
	if err := putAll(st, siteB); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if _, err := os.Lstat(spare); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the spare the aborted build made is still there: %v", err)
	}
	if treeHash(t, dest) != before {
		t.Error("Abort changed the destination")
	}
}

// TestScratch: a build's scratch file is in the spare, on the output's
// disk, has no name there while the build runs, and leaves nothing in the
// output or beside it, also where the system kept its name (Windows).
func TestScratch(t *testing.T) {
	for _, keptName := range []bool{false, true} {
		t.Run(fmt.Sprint("name kept ", keptName), func(t *testing.T) {
			root := t.TempDir()
			dest := filepath.Join(root, "public")
			spare := filepath.Join(root, ".public"+SpareSuffix)
			stream(t, dest, siteA)
			d, st := begin(t, dest)
			defer d.Close()
			defer st.Abort()
			f, err := st.Scratch()
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Dir(f.Name()) != spare {
				t.Errorf("scratch file %s is not in the spare %s", f.Name(), spare)
			}
			want := strings.Repeat("scratch ", 1<<17)
			if _, err := f.WriteAt([]byte(want), 0); err != nil {
				t.Fatal(err)
			}
			got := make([]byte, len(want))
			if _, err := f.ReadAt(got, 0); err != nil || string(got) != want {
				t.Fatalf("read back %d bytes, %v", len(got), err)
			}
			for name := range snapshot(t, spare) {
				if strings.HasPrefix(filepath.Base(name), tmpPrefix) {
					t.Errorf("the scratch file has a name in the spare: %s", name)
				}
			}
			if keptName {
				// As on Windows: the name stays while the file is open.
				kept := filepath.Join(spare, tmpPrefix+"scratch-kept")
				if err := os.WriteFile(kept, []byte(want), 0o600); err != nil {
					t.Fatal(err)
				}
				st.scratch = append(st.scratch, kept)
			}
			if err := putAll(st, siteB); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if err := st.Commit(); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Scratch(); err == nil {
				t.Error("Scratch after Commit succeeded")
			}
			d.Close()
			tree(t, dest, siteB)
			noLitter(t, root)
		})
	}
}
