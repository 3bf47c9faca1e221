package spill

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestGetReturnsWhatPutStored: bytes come back as they were put, from the
// buffer and from the file, in memory and on disk, and from many
// goroutines at once.
func TestGetReturnsWhatPutStored(t *testing.T) {
	for _, onDisk := range []bool{false, true} {
		t.Run(fmt.Sprint("on disk ", onDisk), func(t *testing.T) {
			var f *os.File
			if onDisk {
				var err error
				if f, err = os.CreateTemp(t.TempDir(), "spill"); err != nil {
					t.Fatal(err)
				}
			}
			s := New(f)
			defer s.Close()
			// 3 000 pieces of up to 300 bytes: some 450 KiB, several
			// buffers written out; and every 700th one of 1 MiB, more
			// than a buffer (a sitemap), which is written as it is.
			want := make([][]byte, 3000)
			refs := make([]Ref, len(want))
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Go(func() {
					// Each piece is read back at once too, by Get and
					// by a Reader, while the others put theirs: from
					// the buffer, from a buffer on its way to the
					// file (takeOff), or from the file.
					rd := s.Reader()
					var got []byte
					for i := w; i < len(want); i += 4 {
						want[i] = bytes.Repeat([]byte{byte(i)}, i%300)
						if i%700 == 699 {
							want[i] = bytes.Repeat([]byte{byte(i)}, 1<<20)
						}
						r, err := s.Put(want[i])
						if err != nil {
							t.Error(err)
						}
						refs[i] = r
						if got, err = s.Get(got[:0], r); err != nil || !bytes.Equal(got, want[i]) {
							t.Errorf("piece %d read back at once: %d bytes, %v", i, len(got), err)
						}
						if got, err = rd.Get(got[:0], refs[max(w, i-8)]); err != nil || !bytes.Equal(got, want[max(w, i-8)]) {
							t.Errorf("piece %d read back by a Reader: %d bytes, %v", max(w, i-8), len(got), err)
						}
					}
				})
			}
			wg.Wait()
			if onDisk {
				if st, err := f.Stat(); err != nil || st.Size() < 256<<10 {
					t.Fatalf("the file holds %v bytes (%v): the bytes stayed in memory", st.Size(), err)
				}
				if cap(s.buf) > 2*bufBytes {
					t.Errorf("the buffer kept %d bytes of room after the large pieces", cap(s.buf))
				}
			}
			var buf []byte
			for i, r := range refs {
				got, err := s.Get(buf[:0], r)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want[i]) {
					t.Fatalf("piece %d: got %d bytes %v..., want %d bytes of %d", i, len(got), got[:min(4, len(got))], len(want[i]), byte(i))
				}
				buf = got
			}
		})
	}
}

func TestZeroRefIsEmptyAndEmptyBytesHaveARef(t *testing.T) {
	s := New(nil)
	if got, err := s.Get([]byte("x"), 0); err != nil || string(got) != "x" {
		t.Errorf("Get(0) = %q, %v; want nothing appended", got, err)
	}
	r, err := s.Put(nil)
	if err != nil || r == 0 {
		t.Errorf("Put(nil) = %v, %v; want a Ref that is not 0", r, err)
	}
}

func TestTooLarge(t *testing.T) {
	if _, err := New(nil).Put(make([]byte, maxLen+1)); err != ErrTooLarge {
		t.Errorf("Put of 16 MiB + 1 = %v, want ErrTooLarge", err)
	}
}

// TestFailedReadIsReported: a file that cannot be read gives an error,
// not empty bytes that a build would publish.
func TestFailedReadIsReported(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "spill")
	if err != nil {
		t.Fatal(err)
	}
	s := New(f)
	r, _ := s.Put(bytes.Repeat([]byte("a"), bufBytes)) // written out at once
	f.Close()
	if _, err := s.Get(nil, r); err == nil {
		t.Error("Get from a closed file: no error")
	}
	if _, err := s.Get(nil, r); err == nil {
		t.Error("the second Get: no error")
	}
}

// TestFailedWriteKeepsTheBytes: on a file that cannot be written (a full
// disk), every piece put comes back, from memory, and Full says so once a
// write failed.
func TestFailedWriteKeepsTheBytes(t *testing.T) {
	name := filepath.Join(t.TempDir(), "spill")
	if err := os.WriteFile(name, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name) // read only: every write fails
	if err != nil {
		t.Fatal(err)
	}
	s := New(f)
	defer s.Close()
	var want [][]byte
	var refs []Ref
	for i := range 5 {
		if full := s.Full(); full != (i > 1) {
			t.Errorf("before piece %d Full = %v: the first write is the second piece's", i, full)
		}
		b := bytes.Repeat([]byte{byte('a' + i)}, bufBytes/2+i)
		r, err := s.Put(b)
		if err != nil {
			t.Fatal(err)
		}
		want, refs = append(want, b), append(refs, r)
	}
	for i, r := range refs {
		if got, err := s.Get(nil, r); err != nil || !bytes.Equal(got, want[i]) {
			t.Errorf("piece %d: %d bytes, %v; want %d bytes of %q", i, len(got), err, len(want[i]), want[i][0])
		}
	}
}

// Parts put at once come back as one run of bytes, and their sum is what
// may not pass the limit.
func TestParts(t *testing.T) {
	s := New(nil)
	r, err := s.Put([]byte("front"), nil, []byte(" matter"), []byte("|body"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(nil, r); err != nil || string(got) != "front matter|body" {
		t.Errorf("Get = %q, %v; want the parts in order", got, err)
	}
	half := make([]byte, maxLen/2+1)
	if _, err := s.Put(half, half); err != ErrTooLarge {
		t.Errorf("Put of two halves of 16 MiB + 2 = %v, want ErrTooLarge", err)
	}
}

// heldFile is a file whose writes wait until the test lets them go.
type heldFile struct {
	*os.File
	entered chan struct{} // a write has begun
	release chan struct{} // closed: writes go on
}

func (h *heldFile) WriteAt(b []byte, off int64) (int, error) {
	h.entered <- struct{}{}
	<-h.release
	return h.File.WriteAt(b, off)
}

// TestPutsAndGetsGoOnWhileABufferIsWritten: a full buffer is written
// without the lock, so the other goroutines' Puts do not wait for the
// disk, and what is on its way to the file is read from memory, not from
// a file that does not have it yet.
func TestPutsAndGetsGoOnWhileABufferIsWritten(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "spill")
	if err != nil {
		t.Fatal(err)
	}
	// Bytes that are not the pieces where they will go: a read of the
	// file before the write would find these, not an end of file.
	if _, err := f.Write(bytes.Repeat([]byte("X"), 4*bufBytes)); err != nil {
		t.Fatal(err)
	}
	h := &heldFile{File: f, entered: make(chan struct{}, 1), release: make(chan struct{})}
	s := newFile(h)
	defer s.Close()
	piece := func(i int) []byte { return bytes.Repeat([]byte{byte('a' + i)}, bufBytes/4+i) }
	refs := make([]Ref, 7)
	for i := range 3 {
		refs[i], _ = s.Put(piece(i))
	}
	flown := make(chan struct{})
	go func() {
		refs[3], _ = s.Put(piece(3)) // fills the buffer: this Put writes it
		close(flown)
	}()
	<-h.entered
	// The write is held: Puts and Gets must not wait for it.
	during := make(chan struct{})
	rd := s.Reader()
	go func() {
		defer close(during)
		for i := 4; i < 7; i++ {
			refs[i], _ = s.Put(piece(i))
		}
		for _, i := range []int{0, 1, 2, 4, 5, 6} {
			if got, err := s.Get(nil, refs[i]); err != nil || !bytes.Equal(got, piece(i)) {
				t.Errorf("piece %d during the write: %d bytes, %v", i, len(got), err)
			}
			if got, err := rd.Get(nil, refs[i]); err != nil || !bytes.Equal(got, piece(i)) {
				t.Errorf("piece %d by a Reader during the write: %d bytes, %v", i, len(got), err)
			}
		}
	}()
	select {
	case <-during:
	case <-time.After(10 * time.Second):
		t.Fatal("Put or Get waited for the write of a buffer")
	}
	close(h.release)
	<-flown
	for i, r := range refs {
		if got, err := s.Get(nil, r); err != nil || !bytes.Equal(got, piece(i)) {
			t.Errorf("piece %d after the write: %d bytes, %v", i, len(got), err)
		}
		if got, err := rd.Get(nil, r); err != nil || !bytes.Equal(got, piece(i)) {
			t.Errorf("piece %d by a Reader after the write: %d bytes, %v", i, len(got), err)
		}
	}
	if st, err := f.Stat(); err != nil || st.Size() < bufBytes {
		t.Errorf("the file holds %v bytes (%v): the buffer was not written", st.Size(), err)
	}
}
