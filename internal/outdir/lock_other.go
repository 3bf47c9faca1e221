//go:build !unix

package outdir

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
)

// acquire creates the lock file at path, waiting up to wait for another
// holder. Without flock(2), a lock file whose process is gone is stale and
// removed.
func acquire(path string, wait time.Duration) (*lock, error) {
	deadline := time.Now().Add(wait)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			if err := writeHolder(f); err != nil {
				f.Close()
				os.Remove(path)
				return nil, err
			}
			return &lock{f: f, path: path}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		other, err := os.Open(path)
		if err != nil {
			continue // gone in between
		}
		holder, _ := readHolder(other)
		other.Close()
		if !alive(holder) {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, &busyError{holder: holder}
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (l *lock) release() error {
	l.f.Close()
	return os.Remove(l.path)
}

// alive reports whether the process a holder names still runs.
func alive(holder string) bool {
	s, ok := strings.CutPrefix(holder, "process ")
	if !ok {
		return true
	}
	pid, err := strconv.Atoi(strings.SplitN(s, ",", 2)[0])
	if err != nil {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
