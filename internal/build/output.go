package build

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
)

// Output is the published site in memory: path (relative, slash-separated)
// to bytes. It is safe for concurrent use.
type Output struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewOutput returns an empty output set.
func NewOutput() *Output { return &Output{files: map[string][]byte{}} }

// Add stores a file, refusing paths that could leave the output folder
// and a second file at a path it has: a file is never lost to another
// silently. Which of two that want one path gets it is decided before
// anything is added (placePages, placeFiles), so that it does not depend
// on which came first.
func (o *Output) Add(name string, b []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing output path %q", name)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, taken := o.files[name]; taken {
		return fmt.Errorf("the output path %s is written twice", name)
	}
	o.files[name] = b
	return nil
}

// Get returns a file and whether it exists.
func (o *Output) Get(name string) ([]byte, bool) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	b, ok := o.files[name]
	return b, ok
}

// Paths returns every path, sorted.
func (o *Output) Paths() []string {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return slices.Sorted(maps.Keys(o.files))
}

// Len returns the number of files.
func (o *Output) Len() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return len(o.files)
}

// Size returns the total number of bytes.
func (o *Output) Size() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	n := 0
	for _, b := range o.files {
		n += len(b)
	}
	return n
}
