package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/torv/torv/internal/diag"
)

// ErrSymlink is the Err of the *fs.PathError an FS returns for a name that
// is, or lies below, a symbolic link. It is not fs.ErrNotExist, so that a
// layer of an overlay reports it instead of falling through to the layer
// below.
var ErrSymlink = errors.New("is a symbolic link, which torv does not follow")

// FS is a site folder read without following symbolic links. It is safe
// for concurrent use.
type FS struct {
	root     *os.Root // nil when the folder does not exist
	beneath  *beneath // openat2 on Linux; nil means the portable path
	verified sync.Map // portable path only: parent folders seen not to be links
}

var (
	_ fs.ReadFileFS = (*FS)(nil)
	_ fs.ReadDirFS  = (*FS)(nil)
	_ fs.StatFS     = (*FS)(nil)
)

// New returns the site folder dir as an FS. A folder that does not exist
// gives an FS in which nothing exists, as os.DirFS does, so that torv says
// which file a site lacks and how to make one rather than a bare system
// error; any other reason the folder cannot be opened is returned.
func New(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return &FS{}, nil
	}
	if err != nil {
		return nil, err
	}
	return &FS{root: root, beneath: newBeneath(root)}, nil
}

// newPortable is New without openat2, so that tests run the portable path
// on Linux too.
func newPortable(dir string) (*FS, error) {
	f, err := New(dir)
	if err == nil && f.beneath != nil {
		f.beneath.close()
		f.beneath = nil
	}
	return f, err
}

// Close releases the folder's descriptors. A build need not call it; tests
// that make many FS do.
func (f *FS) Close() error {
	if f.beneath != nil {
		f.beneath.close()
	}
	if f.root != nil {
		return f.root.Close()
	}
	return nil
}

// Open opens name for reading.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.open("open", name, false)
	if err != nil {
		return nil, err
	}
	return &File{File: file, fsys: f, name: name}, nil
}

// ReadFile reads the whole file name.
func (f *FS) ReadFile(name string) ([]byte, error) {
	file, err := f.open("read", name, false)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var size int64
	if info, err := file.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	b, err := ReadAll(file, size)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: unwrap(err)}
	}
	return b, nil
}

// ReadAll reads r to its end into a buffer of size bytes and one more, so
// that a file of that size is read without growing or copying the buffer
// (io.ReadAll grows from 512 bytes). It is ReadFile's reading, for a
// caller that opened and measured the file itself.
func ReadAll(r io.Reader, size int64) ([]byte, error) { return ReadAllInto(nil, r, size) }

// ReadAllInto is ReadAll into buf's memory when it has room for size
// bytes and one more, so that a caller that reads many files, one at a
// time, can read them all into one buffer.
func ReadAllInto(buf []byte, r io.Reader, size int64) ([]byte, error) {
	b := buf[:0]
	if int64(cap(b)) < size+1 {
		b = make([]byte, 0, size+1) // +1 sees EOF without growing
	}
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = slices.Grow(b, 4096)
		}
	}
}

// Stat describes name.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if err := f.valid("stat", name); err != nil {
		return nil, err
	}
	if f.beneath != nil {
		return f.beneath.stat(f, name)
	}
	if err := f.check("stat", name, true); err != nil {
		return nil, err
	}
	info, err := f.root.Lstat(name)
	if err != nil {
		return nil, f.fail("stat", name, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 { // made a link since check
		return nil, &fs.PathError{Op: "stat", Path: name, Err: ErrSymlink}
	}
	return info, nil
}

// ReadDir lists the folder name sorted by name. Entries are as they are:
// a symbolic link is listed with fs.ModeSymlink, so that a walker can
// report it; reading through it fails.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.open("readdir", name, true)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	entries, err := file.ReadDir(-1)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: unwrap(err)}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return f.entries(name, entries), nil
}

// open opens name, refusing symbolic links.
func (f *FS) open(op, name string, dir bool) (*os.File, error) {
	if err := f.valid(op, name); err != nil {
		return nil, err
	}
	if f.beneath != nil {
		return f.beneath.open(f, op, name, dir)
	}
	if err := f.check(op, name, true); err != nil {
		return nil, err
	}
	file, err := f.root.Open(name)
	if err != nil {
		// A folder checked before may have become a link since; look
		// again without the cache so that the error names it.
		if cerr := f.check(op, name, false); cerr != nil {
			return nil, cerr
		}
		return nil, f.fail(op, name, err)
	}
	return file, nil
}

// valid refuses names fs.FS does not allow (".." and absolute names among
// them), and every name in a folder that does not exist.
func (f *FS) valid(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if f.root == nil {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return nil
}

// check is the portable path's test: no folder on the way to name, and not
// name itself, is a symbolic link. Folders found to be real ones are
// remembered when cached is true, so that a build that reads 20 000 files
// in a few hundred folders looks at each folder once.
func (f *FS) check(op, name string, cached bool) error {
	for i := 0; i < len(name); i++ {
		if name[i] != '/' {
			continue
		}
		parent := name[:i]
		if _, ok := f.verified.Load(parent); ok && cached {
			continue
		}
		info, err := f.root.Lstat(parent)
		if err != nil {
			return f.fail(op, name, err)
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			f.verified.Delete(parent)
			return &fs.PathError{Op: op, Path: parent, Err: ErrSymlink}
		}
		f.verified.Store(parent, struct{}{})
	}
	if info, err := f.root.Lstat(name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return &fs.PathError{Op: op, Path: name, Err: ErrSymlink}
	}
	return nil // any other problem is reported by the operation itself
}

// fail wraps err, an error of the operating system or of os.Root, as a
// *fs.PathError of this FS: relative name, no doubled "open x: open x:".
func (f *FS) fail(op, name string, err error) error {
	return &fs.PathError{Op: op, Path: name, Err: unwrap(err)}
}

// findLink returns the first element of name that is a symbolic link, for
// the error after the kernel refused one without saying which.
func (f *FS) findLink(name string) (link string, ok bool) {
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		info, err := f.root.Lstat(name[:i])
		if err != nil {
			return "", false
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return name[:i], true
		}
	}
	return "", false
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// File is a file or folder opened through an FS. Its ReadDir lists entries
// as the FS's ReadDir does.
type File struct {
	*os.File
	fsys *FS
	name string
}

// ReadDir lists up to n entries of the folder, in the order of the file
// system.
func (d *File) ReadDir(n int) ([]fs.DirEntry, error) {
	entries, err := d.File.ReadDir(n)
	return d.fsys.entries(d.name, entries), err
}

// entries makes the entries of folder dir describe themselves through the
// FS: an *os.File not opened through os.Root would look an entry up by a
// path relative to the working directory.
func (f *FS) entries(dir string, list []fs.DirEntry) []fs.DirEntry {
	for i, e := range list {
		name := e.Name()
		if dir != "." {
			name = dir + "/" + name
		}
		list[i] = entry{DirEntry: e, fsys: f, name: name}
	}
	return list
}

type entry struct {
	fs.DirEntry
	fsys *FS
	name string
}

// Info describes the entry itself, a link as a link.
func (e entry) Info() (fs.FileInfo, error) {
	info, err := e.fsys.root.Lstat(e.name)
	if err != nil {
		return nil, e.fsys.fail("lstat", e.name, err)
	}
	return info, nil
}

func (e entry) String() string { return fs.FormatDirEntry(e) }

// Diag returns the diagnostic for err when err is a link an FS refused: at
// the link's own path, in ErrSymlink's words, with Hint's fix. It returns
// nil for any other error, so that callers keep their own message.
func Diag(err error) *diag.Error {
	var pe *fs.PathError
	if !errors.Is(err, ErrSymlink) || !errors.As(err, &pe) {
		return nil
	}
	return diag.Errorf(pe.Path, 0, 0, "%s", ErrSymlink).WithHint("%s", Hint(pe.Path))
}

// Hint says what to do about the symbolic link at path link.
func Hint(link string) string {
	where := "the site folder"
	if top, _, ok := strings.Cut(link, "/"); ok {
		where = top + "/"
	}
	return fmt.Sprintf("copy what it links to into %s instead; a link could reach files outside the site", where)
}
