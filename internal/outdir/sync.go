package outdir

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// syncDir makes the folder dir hold exactly files (paths is files.Paths()),
// but for the staging marker.
func syncDir(files Files, paths []string, dir string) error {
	have := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "." || rel == stagingName:
		case d.IsDir():
			dirs = append(dirs, p)
		default:
			have[rel] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Remove what the new output does not have, files first, then the
	// folders left empty (deepest first; a non-empty one stays).
	for p := range have {
		if _, keep := files.Get(p); !keep {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				return err
			}
			delete(have, p)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return strings.Count(b, string(filepath.Separator)) - strings.Count(a, string(filepath.Separator))
	})
	for _, d := range dirs {
		os.Remove(d) // fails, as it should, unless empty
	}
	return writeChanged(files, paths, have, dir)
}

// writeChanged writes each file whose bytes differ from what dir has, with a
// few writers at once: file creation waits on the kernel more than on the
// CPU.
func writeChanged(files Files, paths []string, have map[string]bool, dir string) error {
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		work  = make(chan string, 256)
	)
	for range max(4, runtime.GOMAXPROCS(0)*2) {
		wg.Go(func() {
			var buf []byte
			for p := range work {
				b, _ := files.Get(p)
				file := filepath.Join(dir, filepath.FromSlash(p))
				if have[p] {
					var same bool
					buf, same = sameContent(file, b, buf)
					if same {
						continue
					}
				}
				if err := writeFile(file, b); err != nil {
					once.Do(func() { first = err })
				}
			}
		})
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	return first
}

// sameContent reports whether file holds exactly b, reusing buf.
func sameContent(file string, b, buf []byte) ([]byte, bool) {
	f, err := os.Open(file)
	if err != nil {
		return buf, false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(b)) {
		return buf, false
	}
	buf = slices.Grow(buf[:0], len(b))[:len(b)]
	if _, err := io.ReadFull(f, buf); err != nil {
		return buf, false
	}
	return buf, bytes.Equal(buf, b)
}

// writeFile writes b to file, making its folder when it is missing.
func writeFile(file string, b []byte) error {
	err := os.WriteFile(file, b, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		err = os.WriteFile(file, b, 0o644)
	}
	return err
}
