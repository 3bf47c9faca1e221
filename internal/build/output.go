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
//
// The preview's Session makes one after every edit, and an edit changes a
// few of the site's 10 000 files: a snapshot shares a base map of files
// with the snapshots before it, and holds only the paths that differ from
// the base (over, gone), so that making one costs the paths changed since
// the base, not the site (see Session.snapshot).
type Output struct {
	mu    sync.RWMutex
	files map[string][]byte // the files; of a snapshot, the base it shares and never changes
	over  map[string][]byte // a snapshot's files that differ from the base or are not in it
	gone  map[string]bool   // a snapshot's paths that the base has and it has not
}

// NewOutput returns an empty output set.
func NewOutput() *Output { return &Output{files: map[string][]byte{}} }

// Add stores a file, refusing paths that could leave the output folder
// and a second file at a path it has: a file is never lost to another
// silently. Which of two that want one path gets it is decided before
// anything is added (placePages, placeFiles), so that it does not depend
// on which came first. A Session's snapshots take no files.
func (o *Output) Add(name string, b []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing output path %q", name)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.over != nil || o.gone != nil {
		return fmt.Errorf("the output is a build's snapshot: it takes no file %s", name)
	}
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
	return o.get(name)
}

func (o *Output) get(name string) ([]byte, bool) {
	if b, ok := o.over[name]; ok {
		return b, true
	}
	if o.gone[name] {
		return nil, false
	}
	b, ok := o.files[name]
	return b, ok
}

// all yields every file.
func (o *Output) all(yield func(string, []byte) bool) {
	for name, b := range o.files {
		if _, changed := o.over[name]; changed || o.gone[name] {
			continue
		}
		if !yield(name, b) {
			return
		}
	}
	for name, b := range o.over {
		if !yield(name, b) {
			return
		}
	}
}

// Paths returns every path, sorted.
func (o *Output) Paths() []string {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return slices.Sorted(func(yield func(string) bool) {
		for name := range o.all {
			if !yield(name) {
				return
			}
		}
	})
}

// Len returns the number of files.
func (o *Output) Len() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	n := len(o.files) - len(o.gone)
	for name := range o.over {
		if _, inBase := o.files[name]; !inBase {
			n++
		}
	}
	return n
}

// Size returns the total number of bytes.
func (o *Output) Size() int {
	o.mu.RLock()
	defer o.mu.RUnlock()
	n := 0
	for _, b := range o.all {
		n += len(b)
	}
	return n
}

// flat returns the files of o as one map of its own.
func (o *Output) flat() map[string][]byte {
	if o == nil {
		return nil
	}
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.over == nil && o.gone == nil {
		return maps.Clone(o.files)
	}
	m := make(map[string][]byte, len(o.files)+len(o.over))
	maps.Insert(m, o.all)
	return m
}
