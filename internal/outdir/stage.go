package outdir

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/torv/torv/internal/diag"
)

// Staging is one build being written into the spare; see "Writing" in the
// package documentation.
type Staging struct {
	d     *Dir
	spare string
	made  bool // Begin made the spare: a build that does not commit leaves none

	// busy is held shared by every Put and alone by Commit and Abort, so
	// that neither runs while a Put is still writing.
	busy sync.RWMutex
	done bool // Commit or Abort has run; guarded by busy

	mu    sync.Mutex
	names map[string]uint64  // every name reserved by Put, and the sum of its bytes
	pages []Page             // for the manifest (SetPages)
	dirs  map[string]*folder // every folder above a reserved name; nil for one the spare held

	failed atomic.Int64  // Puts that returned an error
	seq    atomic.Uint64 // numbers temporary files

	compared atomic.Int64 // Puts that read the spare's file to compare

	held *held // what the spare held before the build, when Open walked it

	scratch []string // Scratch files the system would not remove while open
}

// folder is a folder the build needs in the spare, made once however many
// Puts need it at the same moment.
type folder struct {
	rel    string  // slash path in the spare
	parent *folder // nil at the top of the spare
	once   sync.Once
	err    error
}

// Notes the staging marker holds. Only a build that stopped on its own
// (Abort) leaves abortedNote: every file it wrote is whole, so the next
// build may keep the spare and rewrite only what differs. Any other marker
// is from a build that was killed, and the spare is deleted.
const (
	stagingNote = "torv is writing this folder; if no build is running, it was interrupted and the next build deletes it\n"
	abortedNote = "a torv build stopped before it finished; the next build brings this folder up to date\n"
	tmpPrefix   = ".torv-tmp-"
)

// Begin prepares the spare for a build's Puts; see the package
// documentation. The caller must Commit or Abort the Staging; Close aborts
// one still open.
func (d *Dir) Begin() (*Staging, error) {
	if d.lock == nil {
		return nil, errors.New("outdir: Begin after Close")
	}
	if d.staging != nil {
		return nil, errors.New("outdir: Begin while the last Staging is still open")
	}
	_, err := os.Lstat(d.spare)
	made := errors.Is(err, fs.ErrNotExist)
	if err := beginSpare(d.spare); err != nil {
		// Most likely a full disk: the spare's space is needed more.
		os.RemoveAll(d.spare)
		return nil, writeFailed(d.given, err)
	}
	s := &Staging{d: d, spare: d.spare, made: made, names: map[string]uint64{}, dirs: map[string]*folder{}}
	if d.spareList != nil {
		s.held = newHeld(d.spareList)
	}
	d.staging, d.spareList = s, nil
	return s, nil
}

// beginSpare marks the spare as staging before anything in it changes, and
// removes its manifest, which would describe the build before.
func beginSpare(spare string) error {
	if err := os.Mkdir(spare, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if err := os.WriteFile(filepath.Join(spare, stagingName), []byte(stagingNote), 0o644); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(spare, ManifestName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Put writes one file of the build into the spare; see the package
// documentation. It may be called from many goroutines at once, and does
// not keep b.
func (s *Staging) Put(name string, b []byte) error {
	s.busy.RLock()
	defer s.busy.RUnlock()
	if s.done {
		return errors.New("outdir: Put after Commit or Abort")
	}
	if err := s.put(name, b); err != nil {
		s.failed.Add(1)
		return err
	}
	return nil
}

func (s *Staging) put(name string, b []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	sum := sumOf(b)
	parent, err := s.reserve(name, sum)
	if err != nil {
		return err
	}
	if parent != nil {
		if err := parent.make(s.spare); err != nil {
			return writeFailed(s.d.given, err)
		}
	}
	file := filepath.Join(s.spare, filepath.FromSlash(name))
	same := func(info fs.FileInfo) bool {
		if s.held.unchanged(name, info, sum) {
			return true
		}
		s.compared.Add(1)
		return sameContent(file, info, b)
	}
	if err := putFile(file, b, &s.seq, same); err != nil {
		return writeFailed(s.d.given, err)
	}
	return nil
}

// reserve claims name for this build and returns the folder it goes in
// (nil at the top). Once a name is a file of the build, no other Put may
// make it a folder, and the other way round: so whatever the spare holds
// at a reserved place is left from an earlier build, and Put may delete it
// without looking at what other Puts are doing.
func (s *Staging) reserve(name string, sum uint64) (*folder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.names[name]; dup {
		return nil, diag.Errorf(name, 0, 0, "the output path %s is written twice in one build", name).
			WithHint("two pages or files want the same place in the site; give one of them another path")
	}
	if _, isDir := s.dirs[name]; isDir {
		return nil, diag.Errorf(name, 0, 0, "the output path %s is a folder of this build, with other output files in it", name).
			WithHint("a file and a folder cannot have the same path; give one of them another path")
	}
	for i := range len(name) {
		if name[i] != '/' {
			continue
		}
		if _, isFile := s.names[name[:i]]; isFile {
			return nil, diag.Errorf(name, 0, 0, "the output path %s is inside %s, which is a file of this build", name, name[:i]).
				WithHint("a file and a folder cannot have the same path; give one of them another path")
		}
	}
	var parent *folder // nil: the top, or a folder the spare holds
	for i := range len(name) {
		if name[i] != '/' {
			continue
		}
		dir := name[:i]
		f, known := s.dirs[dir]
		if !known {
			// A folder the spare held is there (held.go): nothing to
			// make, and no folder to keep for it, 64 bytes a page.
			if !s.held.dir(dir) {
				f = &folder{rel: dir, parent: parent}
			}
			s.dirs[dir] = f
		}
		parent = f
	}
	s.names[name] = sum
	return parent, nil
}

// make makes f and the folders above it in the spare, once.
func (f *folder) make(spare string) error {
	f.once.Do(func() {
		if f.parent != nil {
			if f.err = f.parent.make(spare); f.err != nil {
				return
			}
		}
		f.err = makeFolder(filepath.Join(spare, filepath.FromSlash(f.rel)))
	})
	return f.err
}

// checkName refuses a name that is not a plain relative path, or that is
// one of torv's own.
func checkName(name string) error {
	if name == "." || !fs.ValidPath(name) {
		return diag.Errorf("-destination", 0, 0, "the output path %q is not a relative path of slash-separated names", name).
			WithHint("output paths look like docs/index.html: no leading /, no empty, . or .. parts")
	}
	if _, err := filepath.Localize(name); err != nil {
		return diag.Errorf("-destination", 0, 0, "the output path %q cannot be a file name on this system", name).
			WithHint("rename the file")
	}
	top, _, _ := strings.Cut(name, "/")
	switch {
	case top == ManifestName:
		return diag.Errorf(name, 0, 0, "the output path %s is torv's own", ManifestName).
			WithHint("rename the file: torv keeps the list of the files it wrote there")
	case top == stagingName:
		return diag.Errorf(name, 0, 0, "the output path %s is torv's own", stagingName).
			WithHint("rename the file: torv marks an unfinished output with it")
	case strings.HasPrefix(name, tmpPrefix) || strings.Contains(name, "/"+tmpPrefix):
		return diag.Errorf(name, 0, 0, "the output path %s is torv's own", name).
			WithHint("rename the file: torv's temporary files have names starting with %s", tmpPrefix)
	}
	return nil
}

// Scratch returns a new file in the spare, with no name, for the build's
// own use (package spill): on the disk the output goes to, in a folder
// torv owns, and gone when the build ends, however it ends. Where an open
// file cannot be removed (Windows), its name is removed after the caller
// closed it, which it must before Commit, by Commit or Abort.
func (s *Staging) Scratch() (*os.File, error) {
	s.busy.RLock()
	defer s.busy.RUnlock()
	if s.done {
		return nil, errors.New("outdir: Scratch after Commit or Abort")
	}
	name := filepath.Join(s.spare, tmpPrefix+"scratch-"+strconv.FormatUint(s.seq.Add(1), 36))
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if os.Remove(name) != nil {
		s.mu.Lock()
		s.scratch = append(s.scratch, name)
		s.mu.Unlock()
	}
	return f, nil
}

// dropScratch removes the Scratch files that are still there; s.busy is
// held alone.
func (s *Staging) dropScratch() error {
	for _, name := range s.scratch {
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	s.scratch = nil
	return nil
}

// Commit finishes the build; see the package documentation. Afterwards the
// Staging is closed, whether Commit succeeded or not.
func (s *Staging) Commit() error {
	s.busy.Lock()
	defer s.busy.Unlock()
	if s.done {
		return errors.New("outdir: Commit after Commit or Abort")
	}
	d := s.d
	if n := s.failed.Load(); n > 0 {
		s.end()
		return refusal(d.given, "%s of the build could not be written", files(int(n))).
			WithHint("the folder was not changed; fix the errors above and build again")
	}
	if err := s.dropScratch(); err != nil {
		s.failed.Add(1)
		s.end()
		return writeFailed(d.given, err)
	}
	// Checked again: a file may have been put into the destination while
	// the site was built, and the exchange would hide it in the spare. The
	// check reads the destination (a walk of thousands of folders) and
	// seal writes the spare (the manifest, and a walk when Open did not
	// walk it), so they go at once.
	checked := make(chan error, 1)
	go func() { checked <- d.checkDest() }()
	sealErr := s.seal()
	if err := <-checked; err != nil {
		s.end()
		return err
	}
	if sealErr != nil {
		s.failed.Add(1)
		s.end()
		return writeFailed(d.given, sealErr)
	}
	s.done = true
	d.staging = nil
	var err error
	if _, statErr := os.Lstat(d.dest); errors.Is(statErr, fs.ErrNotExist) {
		err = os.Rename(s.spare, d.dest)
	} else {
		err = swap(s.spare, d.dest)
	}
	if err != nil {
		return refusal(d.given, "cannot put the new site in place: %v", err).
			WithHint("the folder was not changed")
	}
	return nil
}

// seal makes the spare exactly the build's output: it deletes what no Put
// named, writes the manifest, and removes the marker, last.
func (s *Staging) seal() error {
	var err error
	if s.held != nil {
		err = s.deleteHeld()
	} else {
		err = s.deleteWalked()
	}
	if err != nil {
		return err
	}
	paths := s.Paths()
	sums := make([]string, len(paths))
	s.mu.Lock()
	pages := s.pages
	for i, p := range paths {
		sums[i] = formatSum(s.names[p])
	}
	s.mu.Unlock()
	m := manifest{fileList{Generator: "torv", Version: manifestVersion, Checked: s.d.clock.ns, Files: paths, Sums: sums}, pages}
	if err := writeManifest(s.spare, m); err != nil {
		return err
	}
	return os.Remove(filepath.Join(s.spare, stagingName))
}

// deleteHeld deletes what the spare held before the build (s.held) and no
// Put named, without a walk of the spare, which at 10 000 pages costs as
// much as the check of the destination Commit runs beside it. What Put
// replaced is left: a name that is now a file of the build, or lies below
// one (Put deleted the folder that was there), or is now a folder of the
// build (Put deleted the file). The build is the spare's only writer
// while it holds the lock, so nothing else is there.
func (s *Staging) deleteHeld() error {
	replaced := func(rel string) bool {
		for i := range len(rel) {
			if rel[i] == '/' {
				if _, isFile := s.names[rel[:i]]; isFile {
					return true
				}
			}
		}
		_, isFile := s.names[rel]
		_, isDir := s.dirs[rel]
		return isFile || isDir
	}
	return s.held.each(func(rel string, dir bool) error {
		switch {
		case dir && !replaced(rel):
			return os.RemoveAll(filepath.Join(s.spare, filepath.FromSlash(rel)))
		case dir || rel == stagingName || rel == ManifestName || replaced(rel):
			return nil
		}
		if err := os.Remove(filepath.Join(s.spare, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// deleteWalked deletes what no Put named, found by a walk of the spare:
// the spare Open did not walk, as Abort left it.
func (s *Staging) deleteWalked() error {
	return filepath.WalkDir(s.spare, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == s.spare {
			return err
		}
		rel := filepath.ToSlash(p[len(s.spare)+1:])
		if e.IsDir() {
			if _, keep := s.dirs[rel]; keep {
				return nil
			}
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			return fs.SkipDir
		}
		if _, keep := s.names[rel]; (keep && e.Type().IsRegular()) || rel == stagingName {
			return nil
		}
		return os.Remove(p)
	})
}

// Abort ends the build without touching the destination; see the package
// documentation. It does nothing after Commit or Abort, so it may be
// deferred.
func (s *Staging) Abort() {
	s.busy.Lock()
	defer s.busy.Unlock()
	if !s.done {
		s.end()
	}
}

// end closes a Staging that did not commit. A spare this build made is
// deleted, so a failed build leaves nothing beside the destination; so is
// one with a failed write in it, as the disk is likely full. A spare that
// was there before (the build before last's output) is marked as
// stopped, for the next build to bring up to date.
func (s *Staging) end() {
	s.done = true
	s.d.staging = nil
	s.dropScratch()
	if s.made || s.failed.Load() > 0 {
		os.RemoveAll(s.spare)
		return
	}
	if err := os.WriteFile(filepath.Join(s.spare, stagingName), []byte(abortedNote), 0o644); err != nil {
		os.RemoveAll(s.spare)
	}
}

// Paths returns the names Put so far, sorted.
func (s *Staging) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.names))
}

// stopped reports whether the spare's marker was left by Abort.
func stopped(spare string) bool {
	b, err := os.ReadFile(filepath.Join(spare, stagingName))
	return err == nil && string(b) == abortedNote
}

func writeFailed(dest string, err error) *diag.Error {
	return refusal(dest, "writing the site failed: %v", err).
		WithHint("the folder was not changed; free some disk space or fix the error and build again")
}
