package main

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakProfile takes the heap profile of torv build -memprofile at the
// moment the live heap is largest, wherever in the pipeline that is: a
// heap profile, like the live heap, is as of the last finished garbage
// collection, so one is taken after every collection that found more
// live bytes than any before (polled every few milliseconds) and the
// last kept is written at the end. A profile taken at a fixed point
// (after render, after the outputs) would miss the peak whenever a
// change moves it, which is what the profile is for.
type peakProfile struct {
	stop chan struct{}
	done chan []byte // the profile at the peak
}

// profilePeak starts watching the live heap. It samples one allocation
// in 64 KiB instead of Go's 512 KiB: the peak's live heap holds a page or
// two in the making, and their small objects would otherwise be a few
// samples each, each counted as half a megabyte.
func profilePeak() *peakProfile {
	runtime.MemProfileRate = 64 << 10
	p := &peakProfile{stop: make(chan struct{}), done: make(chan []byte)}
	go p.watch()
	return p
}

func (p *peakProfile) watch() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	var best []byte
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			if best == nil { // no collection yet: a small site
				best = heapProfile()
			}
			p.done <- best
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if live := sample[0].Value.Uint64(); live > peak {
			peak = live
			if b := heapProfile(); b != nil {
				best = b
			}
		}
	}
}

// heapProfile is the heap profile as of the last collection, or nil.
func heapProfile() []byte {
	var b bytes.Buffer
	if pprof.Lookup("heap").WriteTo(&b, 0) != nil {
		return nil
	}
	return b.Bytes()
}

// write stops watching and writes the profile taken at the peak to file.
func (p *peakProfile) write(file string) error {
	close(p.stop)
	return os.WriteFile(file, <-p.done, 0o644)
}
