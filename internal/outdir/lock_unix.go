//go:build unix

package outdir

import (
	"errors"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// acquire takes the lock file at path, waiting up to wait for another
// holder. The kernel drops a flock(2) lock when its process dies, so a
// lock file left by a killed build is simply taken over.
func acquire(path string, wait time.Duration) (*lock, error) {
	start := time.Now()
	deadline := start.Add(wait)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if errors.Is(err, unix.EWOULDBLOCK) {
			holder, known := readHolder(f)
			f.Close()
			if time.Now().After(deadline) && (known || time.Since(start) > nameWait) {
				return nil, &busyError{holder: holder}
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		// The holder before may have removed the file after we opened it:
		// then the lock is on a file nobody else will open. Try again.
		if !samePath(f, path) {
			f.Close()
			continue
		}
		if err := writeHolder(f); err != nil {
			f.Close()
			return nil, err
		}
		return &lock{f: f, path: path}, nil
	}
}

// release removes the lock file, then unlocks it: a build waiting on the
// old file sees that it is gone and starts over.
func (l *lock) release() error {
	err := os.Remove(l.path)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// samePath reports whether the open file f is still the file at path.
func samePath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	if err != nil {
		return false
	}
	sa, ok1 := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && sa.Dev == sb.Dev && sa.Ino == sb.Ino
}
