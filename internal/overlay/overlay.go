package overlay

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// FS is a stack of file systems, the first one on top.
type FS []fs.FS

// New returns the layers as one file system; nil layers are skipped.
func New(layers ...fs.FS) FS {
	var out FS
	for _, l := range layers {
		if l != nil {
			out = append(out, l)
		}
	}
	return out
}

// Open opens name in the highest layer that has it.
func (o FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			if info, err := f.Stat(); err == nil && info.IsDir() {
				return &dir{File: f, o: o, name: name}, nil
			}
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFile reads name from the highest layer that has it.
func (o FS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	for _, l := range o {
		b, err := fs.ReadFile(l, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the directory name of every layer that has it.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		entries, err := fs.ReadDir(l, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// Which returns the index of the layer name is read from, or -1; the build
// uses it to tell an editor whether a layout is the site's own or torv's.
func (o FS) Which(name string) int {
	for i, l := range o {
		if _, err := fs.Stat(l, name); err == nil {
			return i
		}
	}
	return -1
}

// dir is a directory opened through the overlay: its entries are the merged
// entries of every layer.
type dir struct {
	fs.File
	o       FS
	name    string
	entries []fs.DirEntry
	read    bool
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		entries, err := d.o.ReadDir(d.name)
		if err != nil {
			return nil, err
		}
		d.entries, d.read = entries, true
	}
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}
