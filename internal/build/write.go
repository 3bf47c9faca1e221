package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// SpareSuffix ends the name of the hidden folder beside the destination
// that holds the previous output between builds.
const SpareSuffix = ".torv-spare"

// Write puts out into the folder dest atomically; see the package
// documentation.
//
// It keeps two trees: dest, which readers see, and a hidden spare beside it
// (".public.torv-spare") holding the output of the build before. Write
// brings the spare up to date with out (rewriting only files whose bytes
// differ, deleting files out does not have), then exchanges the two folders
// in one rename. The old dest becomes the next spare. Rewriting only what
// changed is what makes repeated builds cheap: creating and deleting ten
// thousand files costs more than rendering them.
func Write(out *Output, dest string) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if err := safeDest(dest); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	spare := spareFor(dest)
	if err := safeDest(spare); err != nil {
		return err
	}
	if err := os.MkdirAll(spare, 0o755); err != nil {
		return err
	}
	if err := syncDir(out, spare); err != nil {
		return fmt.Errorf("writing %s: %w", spare, err)
	}
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(spare, dest)
	}
	return swap(spare, dest)
}

func spareFor(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+SpareSuffix)
}

// safeDest refuses to replace a folder that holds a site or a repository.
func safeDest(dest string) error {
	for _, name := range []string{"config.toml", "content", "go.mod", ".git"} {
		if _, err := os.Lstat(filepath.Join(dest, name)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a build output; choose another -destination", dest, name)
		}
	}
	if info, err := os.Lstat(dest); err == nil && !info.IsDir() {
		return fmt.Errorf("refusing to replace %s: it is not a folder", dest)
	}
	return nil
}

// syncDir makes the folder dir hold exactly the files of out.
func syncDir(out *Output, dir string) error {
	// What is there now.
	have := map[string]bool{}
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
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
	paths := out.Paths()
	// Remove what the new output does not have, files first, then the
	// folders left empty (deepest first; a non-empty one stays).
	for p := range have {
		if _, keep := out.Get(p); !keep {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				return err
			}
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return strings.Count(b, string(filepath.Separator)) - strings.Count(a, string(filepath.Separator))
	})
	for _, d := range dirs {
		os.Remove(d) // fails, as it should, unless empty
	}
	return writeChanged(out, paths, have, dir)
}

// writeChanged writes each file whose bytes differ from what dir has, with a
// few writers at once: file creation waits on the kernel more than on the
// CPU.
func writeChanged(out *Output, paths []string, have map[string]bool, dir string) error {
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
				b, _ := out.Get(p)
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
	if info, err := f.Stat(); err != nil || info.Size() != int64(len(b)) {
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

// tmpName is a sibling name for the fallback swap.
func tmpName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".torv-old-"+strconv.Itoa(os.Getpid()))
}
