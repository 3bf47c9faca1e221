package outdir

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
)

// walk calls visit for everything below dir, not dir itself, with its
// slash path below dir, from one goroutine per core: a walk of the 10 000
// folders of a site is mostly the system's work, and Commit's check of the
// destination has the cores to itself (Open's two checks run at once).
// Links are not followed. visit must be safe for concurrent use. walk
// returns the first error met; a folder it cannot read stops the walk.
func walk(dir string, visit func(rel string, d fs.DirEntry)) error {
	var (
		mu    sync.Mutex
		more  = sync.NewCond(&mu)
		queue = []string{"."} // folders to read
		busy  int             // folders being read
		first error
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
				entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
				var folders []string
				for _, e := range entries {
					r := path.Join(rel, e.Name())
					visit(r, e)
					if e.IsDir() {
						folders = append(folders, r)
					}
				}
				mu.Lock()
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
	return first
}
