package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
)

// Write puts out into the folder dest atomically; see the package
// documentation.
func Write(out *Output, dest string) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if err := safeDest(dest); err != nil {
		return err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".torv-staging-")
	if err != nil {
		return err
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if err := writeAll(out, staging); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(staging, dest); err != nil {
			os.RemoveAll(staging)
			return err
		}
		return nil
	}
	// staging now holds the old tree after the swap.
	if err := swap(staging, dest); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return os.RemoveAll(staging)
}

// safeDest refuses to replace a folder that holds a site or a repository.
func safeDest(dest string) error {
	for _, name := range []string{"config.toml", "content", "go.mod", ".git"} {
		if _, err := os.Lstat(filepath.Join(dest, name)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a build output; choose another -destination", dest, name)
		}
	}
	if info, err := os.Lstat(dest); err == nil && !info.IsDir() {
		return fmt.Errorf("refusing to replace %s: it is a file, not a folder", dest)
	}
	return nil
}

// writeAll writes every file of out below dir, with a few writers at once:
// file creation waits on the kernel more than on the CPU.
func writeAll(out *Output, dir string) error {
	paths := out.Paths()
	// Make the folders first, in order, so writers never race on MkdirAll.
	made := map[string]bool{}
	for _, p := range paths {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(p)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
	}
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		work  = make(chan string)
	)
	for range max(4, runtime.GOMAXPROCS(0)*2) {
		wg.Go(func() {
			for p := range work {
				b, _ := out.Get(p)
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), b, 0o644); err != nil {
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

// tmpName is a sibling name for the fallback swap.
func tmpName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".torv-old-"+strconv.Itoa(os.Getpid()))
}
