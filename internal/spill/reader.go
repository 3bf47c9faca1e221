package spill

import "slices"

// window is how much of the file a Reader reads at once: at 10 000 pages
// a build reads some 50 000 Refs back, each Markdown or list entry a few
// hundred bytes to a few KiB, and mostly in the order they were put.
const window = 128 << 10

// A Reader reads a File's bytes back a window at a time, for one
// goroutine that reads Refs in about the order they were put (a render
// worker: each page's Markdown). A Ref in the window read last costs a
// copy instead of a read of the file; one just after it is read with what
// follows it, and one elsewhere alone. What is still in the File's
// buffer, or longer than a window, comes from the File's Get. A Reader
// is not safe for concurrent use.
type Reader struct {
	f   *File
	at  int64  // the file offset of win[0]
	win []byte // bytes read from the file at at
}

// Reader returns a new Reader of s.
func (s *File) Reader() *Reader { return &Reader{f: s} }

// File is the File r reads.
func (r *Reader) File() *File { return r.f }

// Get appends the bytes of ref to dst and returns the result, as File.Get.
func (r *Reader) Get(dst []byte, ref Ref) ([]byte, error) {
	if ref == 0 {
		return dst, nil
	}
	at, n := int64(ref>>lenBits)-1, int64(ref&maxLen)
	if at >= r.at && at+n <= r.at+int64(len(r.win)) {
		return append(dst, r.win[at-r.at:at-r.at+n]...), nil
	}
	s := r.f
	s.mu.Lock()
	f, written, failed := s.f, s.written, s.err != nil
	s.mu.Unlock()
	if f == nil || failed || n > window || at+n > written {
		return s.Get(dst, ref)
	}
	// What was written before is not written again: reading it may run
	// beside Put, as Get's does. A window is read only for a Ref just
	// after the last one: Refs read at random (a list's entries, put as
	// other lists first showed them) would each read a window for one
	// piece, 128 KiB copied for a few hundred bytes.
	size := n
	if at >= r.at && at < r.at+2*window {
		size = min(window, written-at)
	}
	r.win = slices.Grow(r.win[:0], int(size))[:size]
	if _, err := f.ReadAt(r.win, at); err != nil {
		r.win = r.win[:0]
		return s.Get(dst, ref) // which notes the error, or reads what the window could not
	}
	r.at = at
	return append(dst, r.win[:n]...), nil
}
