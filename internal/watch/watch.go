package watch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/torv/torv/internal/ignore"
)

// Roots are the files and folders of a site folder that are watched.
var Roots = []string{"config.toml", "content", "layouts", "assets", "i18n", "static"}

// Options tune a Watcher; the zero value gives the defaults of the package
// documentation.
type Options struct {
	Quiet  time.Duration // pause that ends a batch (5 ms)
	Settle time.Duration // pause that ends a batch during a burst (200 ms)
	Poll   time.Duration // how often to look when the system cannot watch (500 ms)
	Log    io.Writer     // where the fall-back to polling is explained (nowhere)

	// for tests
	poll     bool               // poll from the start
	addWatch func(string) error // replaces fsnotify's Add
}

// A Watcher reports changed files of one site folder on C.
type Watcher struct {
	// C receives the batches; see the package documentation.
	C <-chan []string

	root string
	opts Options
	c    chan []string
	fsw  *fsnotify.Watcher
	dirs map[string]bool // watched folders, absolute

	mu      sync.Mutex
	polling bool

	done     chan struct{}
	finished chan struct{}
	close    sync.Once
}

// New starts watching the site folder root.
func New(root string, opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 5 * time.Millisecond
	}
	if opts.Settle <= 0 {
		opts.Settle = 200 * time.Millisecond
	}
	if opts.Poll <= 0 {
		opts.Poll = 500 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if info, err := os.Stat(abs); err != nil {
		return nil, err
	} else if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", root)
	}
	c := make(chan []string)
	w := &Watcher{C: c, c: c, root: abs, opts: opts, dirs: map[string]bool{},
		done: make(chan struct{}), finished: make(chan struct{})}
	l := &loop{w: w, pending: map[string]bool{}}
	if opts.poll {
		l.startPolling(nil, false)
	} else if err := w.start(); err != nil {
		l.startPolling(err, false)
	}
	go l.run()
	return w, nil
}

// Close stops watching; C is not closed.
func (w *Watcher) Close() error {
	w.close.Do(func() { close(w.done) })
	<-w.finished
	return nil
}

// Polling reports whether the watcher looks for changes itself because
// the system could not watch.
func (w *Watcher) Polling() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.polling
}

// start watches the site folder and every folder of its roots.
func (w *Watcher) start() error {
	fsw, err := fsnotify.NewBufferedWatcher(4096)
	if err != nil {
		return err
	}
	w.fsw = fsw
	if err := w.add(w.root); err != nil {
		return err
	}
	for _, r := range Roots {
		if _, err := w.addTree(filepath.Join(w.root, r)); err != nil {
			return err
		}
	}
	return nil
}

func (w *Watcher) add(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	var err error
	if w.opts.addWatch != nil {
		err = w.opts.addWatch(dir)
	}
	if err == nil {
		err = w.fsw.Add(dir)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // gone again already
		}
		return err
	}
	w.dirs[dir] = true
	return nil
}

// addTree watches folder dir and every folder in it, skipping ignored
// ones, and returns the files it found there (slash paths relative to the
// site folder). A dir that does not exist is no error.
func (w *Watcher) addTree(dir string) (files []string, err error) {
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: the build will say so
		}
		if r, err := filepath.Rel(w.root, p); p != dir && err == nil && ignore.Path(filepath.ToSlash(r)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return w.add(p)
		}
		if rel, ok := w.rel(p); ok {
			files = append(files, rel)
		}
		return nil
	})
	return files, walkErr
}

// forget drops the watches of folder dir and the folders in it, after it
// was removed or moved away.
func (w *Watcher) forget(dir string) {
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			delete(w.dirs, d)
			if w.fsw != nil {
				w.fsw.Remove(d)
			}
		}
	}
}

// rel turns an absolute path into a slash path relative to the site
// folder, and says whether it is one of the roots or inside one, and not
// ignored.
func (w *Watcher) rel(abs string) (string, bool) {
	r, err := filepath.Rel(w.root, abs)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return "", false
	}
	r = filepath.ToSlash(r)
	top, _, _ := strings.Cut(r, "/")
	if !slices.Contains(Roots, top) {
		return "", false
	}
	if ignore.Path(r) {
		return "", false
	}
	return r, true
}

// loop is the watcher's goroutine: it gathers events into batches.
type loop struct {
	w        *Watcher
	pending  map[string]bool
	first    time.Time // when the first pending event came
	last     time.Time // when the last one came
	handed   time.Time // when the last batch was handed over
	burst    bool      // the pending events follow a batch closely
	ready    bool      // the pending batch may be handed over
	timer    *time.Timer
	snapshot map[string]fileState // when polling
	pollTick *time.Ticker
	events   <-chan fsnotify.Event
	errs     <-chan error
}

func (l *loop) now() time.Time { return time.Now() }

func (l *loop) run() {
	w := l.w
	defer close(w.finished)
	defer func() {
		if w.fsw != nil {
			w.fsw.Close()
		}
		if l.pollTick != nil {
			l.pollTick.Stop()
		}
	}()
	if w.fsw != nil && !w.Polling() {
		l.events, l.errs = w.fsw.Events, w.fsw.Errors
	}
	l.timer = time.NewTimer(time.Hour)
	l.timer.Stop()
	for {
		var out chan<- []string
		var batch []string
		if l.ready && len(l.pending) > 0 {
			out = w.c
			batch = slices.Sorted(func(yield func(string) bool) {
				for p := range l.pending {
					if !yield(p) {
						return
					}
				}
			})
		}
		var tick <-chan time.Time
		if l.pollTick != nil {
			tick = l.pollTick.C
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-l.events:
			if !ok {
				l.events = nil
				continue
			}
			l.event(ev)
		case err, ok := <-l.errs:
			if !ok {
				l.errs = nil
				continue
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				l.note(".") // events were lost: anything may have changed
			}
		case <-tick:
			l.poll()
		case <-l.timer.C:
			l.ripen()
		case out <- batch:
			clear(l.pending)
			l.ready = false
			l.handed = l.now()
		}
	}
}

// note adds a changed path to the pending batch and restarts the wait for
// a pause.
func (l *loop) note(rel string) {
	now := l.now()
	if len(l.pending) == 0 {
		l.first = now
		// Events right after a batch are the rest of a burst.
		l.burst = !l.handed.IsZero() && now.Sub(l.handed) < l.w.opts.Settle
	}
	l.pending[rel] = true
	l.last = now
	l.ready = false
	l.timer.Reset(l.wait())
}

func (l *loop) wait() time.Duration {
	if l.burst {
		return l.w.opts.Settle
	}
	return l.w.opts.Quiet
}

// ripen decides, after a pause, whether the pending batch may go: not
// while a file of it is missing and may be coming back.
func (l *loop) ripen() {
	if len(l.pending) == 0 {
		return
	}
	if age := l.now().Sub(l.first); age < l.w.opts.Settle {
		for p := range l.pending {
			if p == "." {
				continue
			}
			if _, err := os.Lstat(filepath.Join(l.w.root, filepath.FromSlash(p))); err != nil {
				l.timer.Reset(l.w.opts.Settle - age)
				return
			}
		}
	}
	l.ready = true
}

func (l *loop) event(ev fsnotify.Event) {
	w := l.w
	abs := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(abs)
	}
	rel, ok := w.rel(abs)
	if !ok {
		return
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(abs); err == nil && info.IsDir() {
			// A new folder: watch it, then read it, for the files made in
			// it before the watch was there.
			files, err := w.addTree(abs)
			if err != nil {
				l.startPolling(err, true)
				return
			}
			for _, f := range files {
				l.note(f)
			}
		}
	}
	if ev.Op == fsnotify.Chmod {
		return // a change of mode alone changes no page; a save also writes
	}
	l.note(rel)
}

// startPolling gives up on the system's watching: it says why, and from
// now on looks for changes every Poll. When the watcher was running,
// changes may have been missed, so "." is noted.
func (l *loop) startPolling(cause error, running bool) {
	w := l.w
	w.mu.Lock()
	already := w.polling
	w.polling = true
	w.mu.Unlock()
	if already {
		return
	}
	if w.fsw != nil {
		w.fsw.Close()
		w.fsw = nil
	}
	l.events, l.errs = nil, nil
	w.dirs = map[string]bool{}
	if cause != nil {
		fmt.Fprintln(w.opts.Log, explain(cause, w.opts.Poll))
	}
	l.snapshot = w.scan()
	l.pollTick = time.NewTicker(w.opts.Poll)
	if running {
		l.note(".")
	}
}

// explain says why the system cannot watch and how to raise its limit.
func explain(err error, every time.Duration) string {
	instead := fmt.Sprintf("so torv looks for changes itself every %s instead of being told of them (a save may take that much longer to show)", every)
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("torv serve: the system's limit on watched folders is reached (fs.inotify.max_user_watches = %s), %s.\n"+
			"To raise the limit: sudo sysctl fs.inotify.max_user_watches=524288 (and add that setting to /etc/sysctl.conf to keep it).",
			procValue("max_user_watches"), instead)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Sprintf("torv serve: the system's limit on file watchers is reached (fs.inotify.max_user_instances = %s), %s.\n"+
			"To raise the limit: sudo sysctl fs.inotify.max_user_instances=512, or stop other programs that watch files.",
			procValue("max_user_instances"), instead)
	}
	return fmt.Sprintf("torv serve: the system cannot watch the site's folders (%v), %s.", err, instead)
}

func procValue(name string) string {
	b, err := os.ReadFile("/proc/sys/fs/inotify/" + name)
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

// fileState is what polling compares.
type fileState struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

// scan records the state of every file of the roots.
func (w *Watcher) scan() map[string]fileState {
	m := map[string]fileState{}
	for _, r := range Roots {
		filepath.WalkDir(filepath.Join(w.root, r), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, ok := w.rel(p)
			if !ok {
				if d.IsDir() && p != filepath.Join(w.root, r) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			m[rel] = fileState{info.Size(), info.ModTime(), info.Mode()}
			return nil
		})
	}
	return m
}

// poll compares the files with the last look and notes what differs.
func (l *loop) poll() {
	now := l.w.scan()
	for p, st := range now {
		if old, ok := l.snapshot[p]; !ok || old != st {
			l.note(p)
		}
	}
	for p := range l.snapshot {
		if _, ok := now[p]; !ok {
			l.note(p)
		}
	}
	l.snapshot = now
}
