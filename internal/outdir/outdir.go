package outdir

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/torv/torv/internal/diag"
)

// Files is a built site: every output path (slash-separated, relative,
// sorted) and its bytes.
type Files interface {
	Paths() []string
	Get(name string) ([]byte, bool)
}

// Options says where the site comes from, which the destination must stay
// clear of, and how long to wait for another build.
type Options struct {
	Site string        // the site folder
	Home string        // the user's home folder; "" asks the system
	Wait time.Duration // how long to wait for another build's lock
}

// Names torv gives the files it keeps beside and in the destination.
const (
	SpareSuffix  = ".torv-spare"
	LockSuffix   = ".torv-lock"
	ManifestName = ".torv-manifest.json"
	stagingName  = ".torv-staging"
	oldInfix     = ".torv-old-"
)

// sourceDirs are the site's folders that torv reads; an output inside one
// would be read back in by the next build.
var sourceDirs = []string{"content", "layouts", "assets", "i18n", "static"}

// Dir is a destination locked for one build.
type Dir struct {
	dest  string // the folder written, links resolved
	given string // the destination as the user named it
	spare string
	lock  *lock
	clock stamp // the lock file's, written as Open began: see stamp.go

	staging *Staging // the open Staging, if any
	// spareList is what the spare holds, as Open found it, for the first
	// Begin: Commit then deletes from it what the build did not put
	// without walking the spare again. nil when Open did not walk it (a
	// spare left by Abort) or a Staging took it.
	spareList *listing
}

// Open checks that dest may be written, takes its lock, and cleans what an
// earlier, killed build left beside it. Nothing is written to dest until
// Commit (or Write). The caller must Close the Dir.
func Open(dest string, opts Options) (*Dir, error) {
	given := dest
	dest, err := realPath(dest)
	if err != nil {
		return nil, refusal(given, "cannot find the folder: %v", err)
	}
	if e := refuseSpecial(given, dest, opts); e != nil {
		return nil, e
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, refusal(given, "cannot make the folder it goes in: %v", err)
	}
	d := &Dir{dest: dest, given: given, spare: sibling(dest, SpareSuffix)}
	l, err := acquire(sibling(dest, LockSuffix), opts.Wait)
	if err != nil {
		var busy *busyError
		if errors.As(err, &busy) {
			return nil, refusal(given, "another torv build (%s) is writing to this folder", busy.holder).
				WithHint("wait for it to finish and build again, or stop that build; -wait sets how long to wait")
		}
		return nil, refusal(given, "cannot take the lock %s: %v", sibling(dest, LockSuffix), err)
	}
	d.lock, d.clock = l, stampFile(l.f)
	if err := d.putBack(); err != nil {
		d.Close()
		return nil, err
	}
	// The spare and the destination are each a walk of thousands of
	// folders, and independent: both at once.
	destChecked := make(chan error, 1)
	go func() { destChecked <- d.checkDest() }()
	spareErr := d.cleanSpare()
	destErr := <-destChecked
	if err := cmp.Or(spareErr, destErr); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// Close aborts a Staging still open and lets the lock go.
func (d *Dir) Close() error {
	if d.staging != nil {
		d.staging.Abort()
	}
	if d.lock == nil {
		return nil
	}
	err := d.lock.release()
	d.lock = nil
	return err
}

// Path is the folder Commit writes, symbolic links resolved.
func (d *Dir) Path() string { return d.dest }

// Write puts files into the destination atomically: Begin, a Put of
// every file from a few goroutines at once (file creation waits on the
// kernel more than on the CPU), and Commit.
func (d *Dir) Write(files Files) error {
	if d.lock == nil {
		return errors.New("outdir: Write after Close")
	}
	paths := files.Paths()
	// A bad name is the caller's mistake: refused before the spare is
	// touched.
	for _, p := range paths {
		if err := checkName(p); err != nil {
			return err
		}
	}
	st, err := d.Begin()
	if err != nil {
		return err
	}
	defer st.Abort()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		stop  atomic.Bool
		work  = make(chan string, 256)
	)
	for range max(4, runtime.GOMAXPROCS(0)*2) {
		wg.Go(func() {
			for p := range work {
				if stop.Load() {
					continue
				}
				b, _ := files.Get(p)
				if err := st.Put(p, b); err != nil {
					once.Do(func() { first = err })
					stop.Store(true)
				}
			}
		})
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	if first != nil {
		return first
	}
	return st.Commit()
}

// checkDest refuses a destination torv does not own.
func (d *Dir) checkDest() error {
	st, err := inspect(d.dest, nil, d.clock)
	if err != nil {
		return refusal(d.given, "cannot read the folder: %v", err)
	}
	switch st.kind {
	case notFolder:
		// realPath leaves a link whose target is missing unresolved.
		if target, err := os.Readlink(d.dest); err == nil {
			return refusal(d.given, "it is a symbolic link to %s, which is not a folder", target).
				WithHint("make the folder %s first, or choose another folder with -destination", target)
		}
		return refusal(d.given, "it is a file, not a folder").
			WithHint("choose a folder for the site with -destination, like public/")
	case foreign:
		return refusal(d.given, "it holds %s that torv did not make, and building would replace %s: %s",
			files(st.count), them(st.count), list(st.foreign, st.count)).
			WithHint("choose a new or empty folder with -destination, or a folder torv built before; files to publish as they are, like CNAME or .well-known/security.txt, belong in the site's static/ folder")
	case strays:
		return refusal(d.given, "it holds %s that torv did not make: %s", files(st.count), list(st.foreign, st.count)).
			WithHint("move %s into the site's static/ folder: torv copies static/ into every build as it is", them(st.count))
	}
	return nil
}

// putBack and cleanSpare clean what an interrupted build left beside the
// destination: the folder the three-rename swap moves aside for a moment
// (put back when the destination is missing, else deleted when it is
// torv's), and a spare still marked as being written by a build that was
// killed.
func (d *Dir) putBack() error {
	olds, _ := filepath.Glob(sibling(d.dest, oldInfix) + "*")
	for _, old := range olds {
		if _, err := os.Lstat(d.dest); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(old, d.dest); err != nil {
				return refusal(d.given, "cannot put back %s, which an interrupted build moved aside: %v", old, err)
			}
			continue
		}
		if st, err := inspect(old, nil, d.clock); err == nil && (st.kind == owned || st.kind == empty) {
			os.RemoveAll(old)
		}
	}
	return nil
}

func (d *Dir) cleanSpare() error {
	found := &listing{}
	st, err := inspect(d.spare, found, d.clock)
	if err != nil {
		return refusal(d.given, "cannot read %s: %v", d.spare, err)
	}
	switch st.kind {
	case staging:
		// Abort vouches for the spare it leaves (no write was cut
		// short), and Begin reuses it; nothing vouches for a killed
		// build's, which may even be an older torv's.
		if stopped(d.spare) {
			return nil // not walked: Commit walks it
		}
		if err := os.RemoveAll(d.spare); err != nil {
			return refusal(d.given, "cannot delete %s, left by an interrupted build: %v", d.spare, err)
		}
	case notFolder, foreign, strays:
		return refusal(d.given, "%s is in the way: torv keeps the previous build there, and it holds files torv did not make: %s",
			d.spare, list(st.foreign, st.count)).
			WithHint("move that folder away; torv makes it again")
	}
	d.spareList = found // empty when there is no spare now
	return nil
}

// refuseSpecial refuses destinations that are never a build output. dest
// has its links resolved.
func refuseSpecial(given, dest string, opts Options) *diag.Error {
	const hint = "build into a folder of its own, like public/ in the site folder"
	if filepath.Dir(dest) == dest {
		return refusal(given, "it is the root of the file system, and building would replace everything on it").WithHint(hint)
	}
	home := opts.Home
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home != "" {
		if h, err := realPath(home); err == nil && h == dest {
			return refusal(given, "it is your home folder, and building would replace everything in it").WithHint(hint)
		}
	}
	if opts.Site == "" {
		return nil
	}
	site, err := realPath(opts.Site)
	if err != nil {
		return nil
	}
	switch {
	case site == dest:
		return refusal(given, "it is the site folder itself, and building would replace the site").WithHint(hint)
	case within(site, dest):
		return refusal(given, "it holds the site folder %s, and building would replace the site", opts.Site).WithHint(hint)
	}
	for _, dir := range sourceDirs {
		if within(dest, filepath.Join(site, dir)) || dest == filepath.Join(site, dir) {
			return refusal(given, "it is inside the site's %s/ folder, so the next build would read the output back in", dir).
				WithHint("choose a folder outside content/, layouts/, assets/, i18n/ and static/, like public/")
		}
	}
	return nil
}

// realPath makes p absolute and resolves the symbolic links of the part of
// it that exists.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// within reports whether p is strictly inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sibling is the hidden name beside dest ending in suffix.
func sibling(dest, suffix string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+suffix)
}

func refusal(dest, format string, args ...any) *diag.Error {
	return diag.Errorf("-destination", 0, 0, "cannot write the site to %s: %s", dest, fmt.Sprintf(format, args...))
}

func files(n int) string {
	if n == 1 {
		return "a file"
	}
	return fmt.Sprintf("%d files", n)
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// list names the first few files and how many more there are.
func list(names []string, n int) string {
	s := strings.Join(names, ", ")
	if n > len(names) {
		s += fmt.Sprintf(" and %d more", n-len(names))
	}
	return s
}
