package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A stamp is a moment as a file system's own clock gave it: the change
// time (ctime) of a file, which the kernel sets whenever the file, or for
// a folder its list of names, changes, and which no program can set to
// another time. dev is the file system's device: two clocks are compared
// only on one device.
//
// It lets the walks that tell whether a folder is torv's skip the folders
// nobody changed. Open takes a stamp from the lock file it has just
// written (Dir.clock), before it walks the destination and the spare;
// Commit writes it into the manifest as Checked. At that stamp the walk
// had found, or was about to find, each folder holding only what the
// manifest names, and what changed in a folder after it (a file added,
// removed or renamed, by torv or anyone) left the folder with a change
// time at or after it: the kernel's clock is coarse, so a change in the
// same tick has the same time, and only a folder changed strictly before
// is trusted. A folder moved in from elsewhere is changed by the move.
// So a folder whose change time is before the manifest's Checked holds
// exactly the manifest's names for it, and is not read (inspect,
// trusted.below), and a file there is as the manifest's sum says
// (held.unchanged): both ask check.vouches. A clock set back past Checked
// can hide a change; a Checked later than the new stamp shows that it
// was, and then every folder is read and every file compared.
type stamp struct {
	dev uint64
	ns  int64 // 0: the system gives no change times (stampOf)
}

// A check is a manifest's Checked on the device of the clock that read
// it: a file or folder there whose change time is before it is as the
// manifest says (vouches). The zero check vouches for nothing.
type check stamp

// checkOf is the check of m, read with clock: none when m has no Checked,
// the system gives no change times, or the clock was set back since (a
// Checked later than the clock now).
func checkOf(m manifest, clock stamp) check {
	if m.Checked <= 0 || clock.ns <= 0 || m.Checked > clock.ns {
		return check{}
	}
	return check{dev: clock.dev, ns: m.Checked}
}

// vouches reports whether the change time of what info describes is
// strictly before c, on c's device.
func (c check) vouches(info fs.FileInfo) bool {
	s := stampOf(info)
	return c.ns > 0 && s.ns != 0 && s.dev == c.dev && s.ns < c.ns
}

// trusted is what inspect may skip in dir: the folders that its
// manifest's check vouches for.
type trusted struct {
	dir   string
	since check
	files []string // the manifest's files, sorted
}

// below returns the files and folders directly in the folder rel ("."
// for the top) that the manifest's files give, when the folder's change
// time says that they are all it holds; ok is false when the folder must
// be read.
func (t trusted) below(rel string) (files, dirs []string, ok bool) {
	info, err := os.Lstat(filepath.Join(t.dir, filepath.FromSlash(rel)))
	if err != nil || !info.IsDir() || !t.since.vouches(info) {
		return nil, nil, false
	}
	prefix := rel + "/"
	if rel == "." {
		prefix = ""
	}
	// A folder's files are together in the sorted list: every name
	// between two with the prefix has it too.
	i, _ := slices.BinarySearch(t.files, prefix)
	for ; i < len(t.files) && strings.HasPrefix(t.files[i], prefix); i++ {
		name := t.files[i][len(prefix):]
		if d, _, isDir := strings.Cut(name, "/"); isDir {
			if len(dirs) == 0 || dirs[len(dirs)-1] != d {
				dirs = append(dirs, d)
			}
		} else {
			files = append(files, name)
		}
	}
	// A folder the manifest gives nothing in is not one torv made.
	return files, dirs, len(files)+len(dirs) > 0
}

// stampFile is the stamp of the file f.
func stampFile(f *os.File) stamp {
	info, err := f.Stat()
	if err != nil {
		return stamp{}
	}
	return stampOf(info)
}
