package outdir

import (
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
)

// walk calls visit for everything below dir, not dir itself, with its
// slash path below dir and whether it is a folder or a regular file, from
// one goroutine per core: a walk of the 10 000 folders of a site is mostly
// the system's work, and Commit's check of the destination has the cores
// to itself (Open's two checks run at once). Links are not followed.
// visit must be safe for concurrent use. A folder that skip says nothing
// changed in (trusted.below) is not read: its names come from skip. walk
// returns how many folders it read and the first error met; a folder it
// cannot read stops the walk.
func walk(dir string, skip func(rel string) (files, dirs []string, ok bool), visit func(rel string, dir, regular bool)) (int, error) {
	var (
		mu    sync.Mutex
		more  = sync.NewCond(&mu)
		queue = []string{"."} // folders to read
		busy  int             // folders being read
		first error
		read  int
		wg    sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			for {
				for len(queue) == 0 && busy > 0 && first == nil {
					more.Wait()
				}
				if len(queue) == 0 || first != nil {
					more.Broadcast()
					return
				}
				rel := queue[len(queue)-1]
				queue = queue[:len(queue)-1]
				busy++
				mu.Unlock()
				folders, wasRead, err := readFolder(dir, rel, skip, visit)
				mu.Lock()
				if wasRead {
					read++
				}
				busy--
				if err != nil && first == nil {
					first = err
				}
				queue = append(queue, folders...)
				more.Broadcast()
			}
		})
	}
	wg.Wait()
	return read, first
}

// readFolder visits what the folder rel holds and returns its folders;
// read is false when skip gave them.
func readFolder(dir, rel string, skip func(string) ([]string, []string, bool), visit func(string, bool, bool)) (folders []string, read bool, err error) {
	if skip != nil {
		if files, dirs, ok := skip(rel); ok {
			for _, f := range files {
				visit(path.Join(rel, f), false, true)
			}
			for _, d := range dirs {
				r := path.Join(rel, d)
				visit(r, true, false)
				folders = append(folders, r)
			}
			return folders, false, nil
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	for _, e := range entries {
		r := path.Join(rel, e.Name())
		visit(r, e.IsDir(), e.Type().IsRegular())
		if e.IsDir() {
			folders = append(folders, r)
		}
	}
	return folders, true, err
}
