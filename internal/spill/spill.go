package spill

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
)

// A Ref names bytes Put stored: their offset and length, packed. The zero
// Ref is none, and Get of it is empty.
type Ref uint64

const (
	lenBits  = 24 // at most 16 MiB per Put
	maxLen   = 1<<lenBits - 1
	bufBytes = 64 << 10
)

// Len is the length of the bytes r names.
func (r Ref) Len() int { return int(r & maxLen) }

// ErrTooLarge is Put's error for bytes longer than a Ref can name.
var ErrTooLarge = errors.New("spill: more than 16 MiB at once")

// File stores bytes for a build; see the package documentation.
type File struct {
	mu      sync.Mutex
	landed  sync.Cond // signalled when a flight ends
	f       file      // nil: everything stays in buf
	written int64     // bytes on f
	off     int64     // bytes written to f or flying there; buf follows them
	fly     []byte    // the bytes at written..off, being written without mu; kept when that failed
	flying  bool      // a Put is writing fly
	spare   []byte    // the last flight's buffer, for buf to use again
	buf     []byte
	full    bool  // a write failed (a full disk): fly and buf keep what follows written
	err     error // the first failed read
}

// New returns a File that stores its bytes in f, which it owns from now
// on and closes with Close; with f nil, in memory.
func New(f *os.File) *File {
	if f == nil { // a nil file, not an interface holding a nil *os.File
		return newFile(nil)
	}
	return newFile(f)
}

// file is what a File needs of an *os.File; tests hold its writes.
type file interface {
	io.ReaderAt
	io.WriterAt
	io.Closer
}

func newFile(f file) *File {
	s := &File{f: f}
	s.landed.L = &s.mu
	return s
}

// Put stores the parts, one after the other, and returns their Ref.
// Offsets count from 1, so that no bytes have the zero Ref.
//
// The build's load puts every page's Markdown from several goroutines, so
// a full buffer is written without the lock (a flight): the others go on
// putting into a fresh buffer meanwhile, and read the flying bytes from
// memory. One flight at a time keeps the file's bytes in order.
func (s *File) Put(parts ...[]byte) (Ref, error) {
	n := 0
	for _, b := range parts {
		n += len(b)
	}
	if n > maxLen {
		return 0, ErrTooLarge
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if n >= bufBytes && s.f != nil && !s.full {
		// Written as it is, not copied into the buffer, which would
		// then keep its size: the sitemap of 30 000 pages is 3.6 MB.
		for s.flying {
			s.landed.Wait()
		}
		if s.flush(); !s.full && s.write(parts) {
			at := 1 + s.off
			s.off += int64(n)
			s.written = s.off
			return Ref(at)<<lenBits | Ref(n), nil
		}
	}
	at := 1 + s.off + int64(len(s.buf))
	for _, b := range parts {
		s.buf = append(s.buf, b...)
	}
	for s.f != nil && !s.full && !s.flying && len(s.buf) >= bufBytes {
		s.takeOff()
	}
	return Ref(at)<<lenBits | Ref(n), nil
}

// takeOff writes the buffer to the file without the lock, which is held
// before and after. A failed write (a full disk) leaves the bytes in fly,
// where Get reads them from, and the File full.
func (s *File) takeOff() {
	fly, at := s.buf, s.off
	s.fly, s.buf, s.spare = fly, s.spare[:0], nil
	s.off += int64(len(fly))
	s.flying = true
	s.mu.Unlock()
	_, err := s.f.WriteAt(fly, at)
	s.mu.Lock()
	s.flying = false
	s.landed.Broadcast()
	if err != nil {
		s.full = true
		return
	}
	s.written = s.off
	if cap(s.fly) <= 2*bufBytes {
		s.spare = s.fly
	}
	s.fly = nil
}

// write writes parts to the file at its end, for a Put with an empty
// buffer; s.mu is held. A failed write is as flush's: the File is full,
// and the caller keeps the parts in the buffer.
func (s *File) write(parts [][]byte) bool {
	off := s.off
	for _, b := range parts {
		if _, err := s.f.WriteAt(b, off); err != nil {
			s.full = true
			return false
		}
		off += int64(len(b))
	}
	return true
}

// flush writes the buffer to the file; s.mu is held and no flight is on.
// When the write fails, most likely on a full disk, the buffer keeps its
// bytes and everything put after them: the build needs more memory, but
// loses nothing and reports nothing, and the disk's full state is the
// Sink's one message when it writes the next page.
func (s *File) flush() {
	if _, err := s.f.WriteAt(s.buf, s.off); err != nil {
		s.full = true
		return
	}
	s.off += int64(len(s.buf))
	s.written = s.off
	s.buf = s.buf[:0]
}

// Full reports whether a write failed (a full disk), so that what is put
// from now on stays in memory: a caller that can find its bytes
// elsewhere (a page's file) puts nothing more.
func (s *File) Full() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.full
}

// Get appends the bytes of r to dst and returns the result.
func (s *File) Get(dst []byte, r Ref) ([]byte, error) {
	if r == 0 {
		return dst, nil
	}
	at, n := int64(r>>lenBits)-1, int(r&maxLen)
	s.mu.Lock()
	if s.err != nil {
		defer s.mu.Unlock()
		return dst, s.err
	}
	if at >= s.written {
		defer s.mu.Unlock()
		b, i := s.buf, int(at-s.off)
		if at < s.off {
			b, i = s.fly, int(at-s.written)
		}
		if i+n > len(b) {
			return dst, errors.New("spill: a Ref of another File")
		}
		return append(dst, b[i:i+n]...), nil
	}
	s.mu.Unlock()
	// ReadAt may run beside Put: it reads bytes written before.
	start := len(dst)
	dst = slices.Grow(dst, n)[:start+n]
	if _, err := s.f.ReadAt(dst[start:], at); err != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.err == nil {
			s.err = fmt.Errorf("spill: %w", err)
		}
		return dst[:start], s.err
	}
	return dst, nil
}

// Close closes the file; the File must not be used after.
func (s *File) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.flying {
		s.landed.Wait()
	}
	s.buf, s.fly, s.spare = nil, nil, nil
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}
