package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/sitefs"
)

// BenchmarkUpdate times the preview's Session after the edits
// bench/run.sh makes, with the options torv serve uses (the check on, the
// default outputs): a body edit (a sentence added below the front
// matter), a title edit (the page's title, which its folder's list
// shows) and a new folder with a list and a page (in the menu of every
// page, as in the bench corpus; the folders stay until the end). Each edit is UpdateFirst, after which the preview serves the
// edited page (first-ms), and Continue until nothing is pending (the
// search index; rest-ms). The site is $TORV_CORPUS, a site folder such
// as a copy of bench/run.sh's 10 000-page corpus (its first page of
// content/nyheder/ is edited and put back), else 3 000 pages of
// benchSite. Profile it with -cpuprofile and look at one part with
// pprof -tagfocus part=first (or rest); wall time on a shared machine
// is noisy.
//
// With $TORV_COPY set to a folder of pages (bench/run.sh's copy-5000/content),
// the kind "copy" copies that folder in as content/nye-sider/, as
// bench/run.sh's copy test does, times the edit, and deletes the folder
// again (untimed).
func BenchmarkUpdate(b *testing.B) {
	for _, kind := range []string{"body", "title", "folder", "copy"} {
		b.Run(kind, func(b *testing.B) {
			copyDir := os.Getenv("TORV_COPY")
			if kind == "copy" && (copyDir == "" || os.Getenv("TORV_CORPUS") == "") {
				b.Skip("the copy edit needs TORV_CORPUS and TORV_COPY")
			}
			fsys, write, rel := updateBenchSite(b)
			s := NewSession(fsys, torv.Defaults(), Options{Check: true})
			if u := s.Full(); u.Output == nil {
				b.Fatal(u.Diags)
			}
			orig := readBench(b, fsys, rel)
			b.Cleanup(func() { write(rel, orig) })
			title := regexp.MustCompile(`(?m)^title = "(.*)"$`)
			var first, rest time.Duration
			i := 0
			for b.Loop() {
				i++
				paths := []string{rel}
				switch kind {
				case "body":
					write(rel, orig+fmt.Sprintf("\nRettelse BENCHEDIT%d.\n", i))
				case "title":
					write(rel, title.ReplaceAllString(orig, fmt.Sprintf(`title = "$1 BENCHTITLE%d"`, i)))
				case "folder":
					dir := fmt.Sprintf("content/nyt-omraade-%d", i)
					write(dir+"/_index.md", fmt.Sprintf("+++\ntitle = \"Nyt område %d\"\n+++\n\nOmrådet er nyt.\n", i))
					write(dir+"/side.md", fmt.Sprintf("+++\ntitle = \"Ny side %d\"\n+++\n\nSiden er ny.\n", i))
					paths = []string{dir}
				case "copy":
					dst := filepath.Join(os.Getenv("TORV_CORPUS"), "content", "nye-sider")
					if err := os.CopyFS(dst, os.DirFS(copyDir)); err != nil {
						b.Fatal(err)
					}
					b.Cleanup(func() { os.RemoveAll(dst) })
					// Every folder and file, as package watch reports a copy.
					paths = paths[:0]
					fs.WalkDir(os.DirFS(copyDir), ".", func(p string, _ fs.DirEntry, err error) error {
						paths = append(paths, path.Join("content/nye-sider", p))
						return err
					})
				}
				// Labelled, so that a profile shows each part with the
				// goroutines it starts: pprof -tagfocus part=first.
				var u *Rebuild
				t0 := time.Now()
				pprof.Do(context.Background(), pprof.Labels("part", "first"), func(context.Context) { u = s.UpdateFirst(paths) })
				t1 := time.Now()
				if u.Output == nil {
					b.Fatal(u.Diags)
				}
				if os.Getenv("DEBUGCH") != "" {
					b.Log(u.Pages, u.Changed)
				}
				pprof.Do(context.Background(), pprof.Labels("part", "rest"), func(context.Context) {
					for u.Pending > 0 {
						u = s.Continue()
					}
				})
				first += t1.Sub(t0)
				rest += time.Since(t1)
				if kind == "copy" {
					b.StopTimer()
					os.RemoveAll(filepath.Join(os.Getenv("TORV_CORPUS"), "content", "nye-sider"))
					for u := s.UpdateFirst(paths); u.Pending > 0; {
						u = s.Continue()
					}
					b.StartTimer()
				}
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(i), "first-ms")
			b.ReportMetric(float64(rest.Microseconds())/1000/float64(i), "rest-ms")
		})
	}
}

// updateBenchSite returns the site of BenchmarkUpdate, a function that
// writes one of its files, and the page to edit.
func updateBenchSite(b *testing.B) (fsys fs.FS, write func(rel, text string), rel string) {
	b.Helper()
	if dir := os.Getenv("TORV_CORPUS"); dir != "" {
		site, err := sitefs.New(dir)
		if err != nil {
			b.Fatal(err)
		}
		write = func(rel, text string) {
			f := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Cleanup(func() {
			made, _ := filepath.Glob(filepath.Join(dir, "content", "nyt-omraade-*"))
			for _, d := range made {
				os.RemoveAll(d)
			}
		})
		fsys = site
	} else {
		m := benchSite(3000)
		write = func(rel, text string) { m[rel] = &fstest.MapFile{Data: []byte(text), Mode: 0o644} }
		fsys = m
	}
	md, _, _ := content.Scan(fsys)
	slices.Sort(md)
	for _, f := range md {
		if strings.HasPrefix(f, "content/nyheder/") && !strings.HasPrefix(path.Base(f), "_") {
			return fsys, write, f // the page bench/run.sh edits for a body edit
		}
	}
	b.Fatal("no page in content/nyheder/")
	return nil, nil, ""
}

func readBench(b *testing.B, fsys fs.FS, rel string) string {
	t, err := fs.ReadFile(fsys, rel)
	if err != nil {
		b.Fatal(err)
	}
	return string(t)
}
