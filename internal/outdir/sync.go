package outdir

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
)

// makeFolder makes the folder p, whose parent exists. A file or link in
// its place is left from an earlier build (reserve made sure of that) and
// is replaced.
func makeFolder(p string) error {
	info, err := os.Lstat(p)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return os.Mkdir(p, 0o755)
}

// putFile makes file hold b, leaving it alone when it already does: an
// unchanged file keeps its modification time, and comparing is cheaper
// than writing. same tells whether the file, found by Lstat as info and
// as long as b, holds b (held.unchanged, else sameContent). A folder in
// its place is left from an earlier build and is deleted.
func putFile(file string, b []byte, seq *atomic.Uint64, same func(fs.FileInfo) bool) error {
	info, err := os.Lstat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case info.Mode().IsRegular():
		if info.Size() == int64(len(b)) && same(info) {
			return nil
		}
	case info.IsDir():
		if err := os.RemoveAll(file); err != nil {
			return err
		}
	}
	return writeAtomic(file, b, seq)
}

// chunks are the buffers sameContent reads into, so that comparing costs
// no memory in proportion to the file.
var chunks = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// sameContent reports whether file, found by Lstat as info, holds exactly
// b.
func sameContent(file string, info fs.FileInfo, b []byte) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	// Open follows links; Lstat did not. Both must see the same file.
	if opened, err := f.Stat(); err != nil || !os.SameFile(info, opened) {
		return false
	}
	bp := chunks.Get().(*[]byte)
	defer chunks.Put(bp)
	buf := *bp
	for len(b) > 0 {
		n := min(len(buf), len(b))
		if _, err := io.ReadFull(f, buf[:n]); err != nil || !bytes.Equal(buf[:n], b[:n]) {
			return false
		}
		b = b[n:]
	}
	return true
}

// writeAtomic writes b to a new file beside file and renames it over file.
// Writing in place would change every hard link to the old file, such as
// a backup made with cp -al or rsync --link-dest of the folder this spare
// was before the last exchange.
func writeAtomic(file string, b []byte, seq *atomic.Uint64) error {
	tmp := filepath.Join(filepath.Dir(file), tmpPrefix+strconv.FormatUint(seq.Add(1), 36))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		// Left by an earlier build: no Put may use the name.
		os.Remove(tmp)
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, file)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
