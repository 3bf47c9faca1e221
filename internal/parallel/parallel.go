package parallel

import (
	"runtime"
	"sync"
)

// Each calls f(0) to f(n-1), on every core when n is more than 2. f must
// write only what belongs to its index; Each returns when all calls have.
func Each(n int, f func(i int)) { each(n, runtime.GOMAXPROCS(0), f) }

// EachReading is Each for work that mostly waits on the disk, such as
// reading and parsing one file each: twice as many goroutines as cores,
// so that a core has a file to parse while another file is being read.
func EachReading(n int, f func(i int)) { each(n, 2*runtime.GOMAXPROCS(0), f) }

func each(n, workers int, f func(i int)) {
	if n <= 2 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	work := make(chan int, 64)
	for range min(workers, n) {
		wg.Go(func() {
			for i := range work {
				f(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
