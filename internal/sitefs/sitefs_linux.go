package sitefs

import (
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// beneath opens names below the site folder with openat2, which refuses a
// symbolic link anywhere in a name (RESOLVE_NO_SYMLINKS) and any way out of
// the folder (RESOLVE_BENEATH) in the kernel, in one call, race-free.
type beneath struct {
	dir *os.File // the site folder, opened once
	fd  int
}

const resolve = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS

// newBeneath returns nil when openat2 cannot be used: kernels before 5.6,
// and sandboxes whose seccomp filter refuses it.
func newBeneath(root *os.Root) *beneath {
	dir, err := root.Open(".")
	if err != nil {
		return nil
	}
	b := &beneath{dir: dir, fd: int(dir.Fd())}
	fd, err := b.openat2(".", unix.O_PATH)
	if err != nil {
		dir.Close()
		return nil
	}
	unix.Close(fd)
	return b
}

func (b *beneath) close() { b.dir.Close() }

func (b *beneath) openat2(name string, flags int) (int, error) {
	how := unix.OpenHow{Flags: uint64(flags | unix.O_CLOEXEC), Resolve: resolve}
	var (
		fd  int
		err error
	)
	// EAGAIN: the kernel saw a rename during the lookup and asks to retry.
	for range 8 {
		fd, err = unix.Openat2(b.fd, name, &how)
		if err != unix.EINTR && err != unix.EAGAIN {
			break
		}
	}
	return fd, err
}

// open opens name read-only (a folder when dir is set).
func (b *beneath) open(f *FS, op, name string, dir bool) (*os.File, error) {
	flags := unix.O_RDONLY
	if dir {
		flags |= unix.O_DIRECTORY
	}
	fd, err := b.openat2(name, flags)
	if err != nil {
		return nil, b.fail(f, op, name, err)
	}
	return os.NewFile(uintptr(fd), name), nil
}

// stat describes name without opening it for reading: O_PATH.
func (b *beneath) stat(f *FS, name string) (fs.FileInfo, error) {
	fd, err := b.openat2(name, unix.O_PATH)
	if err != nil {
		return nil, b.fail(f, "stat", name, err)
	}
	file := os.NewFile(uintptr(fd), name)
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, f.fail("stat", name, err)
	}
	return info, nil
}

// fail turns openat2's errors into the FS's: ELOOP (a link on the way) and
// EXDEV (a way out, which only a link can make of a valid name) become
// ErrSymlink at the link, found by looking at each element in turn.
func (b *beneath) fail(f *FS, op, name string, err error) error {
	if err == unix.ELOOP || err == unix.EXDEV {
		link, ok := f.findLink(name)
		if !ok {
			link = name // gone again by now; the name is the best we have
		}
		return &fs.PathError{Op: op, Path: link, Err: ErrSymlink}
	}
	return f.fail(op, name, err)
}
