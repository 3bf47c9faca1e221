package parallel_test

import (
	"sync/atomic"
	"testing"

	"github.com/torv/torv/internal/parallel"
)

// TestEach: every index is done exactly once, for short and long loops,
// and Each returns only when all are.
func TestEach(t *testing.T) {
	for _, each := range []func(int, func(int)){parallel.Each, parallel.EachReading} {
		eachOnce(t, each)
	}
}

func eachOnce(t *testing.T, each func(int, func(int))) {
	for _, n := range []int{0, 1, 2, 3, 64, 1000} {
		calls := make([]int32, n)
		var total atomic.Int32
		each(n, func(i int) {
			atomic.AddInt32(&calls[i], 1)
			total.Add(1)
		})
		if int(total.Load()) != n {
			t.Errorf("n=%d: %d calls", n, total.Load())
		}
		for i, c := range calls {
			if c != 1 {
				t.Errorf("n=%d: index %d done %d times", n, i, c)
			}
		}
	}
}
