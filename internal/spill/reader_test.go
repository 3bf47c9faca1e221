package spill

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// TestReaderReturnsWhatPutStored: a Reader gives back what File.Get does,
// whatever the order of the Refs: in the order they were put, backwards,
// at random, pieces longer than a window, pieces still in the File's
// buffer, and the zero Ref.
func TestReaderReturnsWhatPutStored(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "spill")
	if err != nil {
		t.Fatal(err)
	}
	s := New(f)
	defer s.Close()
	var want [][]byte
	var refs []Ref
	for i := range 2000 {
		n := i % 700
		if i%500 == 7 {
			n = window + 3000 // longer than a window
		}
		b := bytes.Repeat([]byte{byte(i), byte(i >> 8)}, n/2)
		r, err := s.Put(b)
		if err != nil {
			t.Fatal(err)
		}
		want, refs = append(want, b), append(refs, r)
	}
	want, refs = append(want, nil), append(refs, 0)
	in := make([]int, len(refs))
	for i := range in {
		in[i] = i
	}
	back := slices.Clone(in)
	slices.Reverse(back)
	random := slices.Clone(in)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(random), func(i, j int) { random[i], random[j] = random[j], random[i] })
	for _, tt := range []struct {
		name  string
		order []int
	}{{"in order", in}, {"backwards", back}, {"at random", random}} {
		t.Run(tt.name, func(t *testing.T) {
			r := s.Reader()
			var buf []byte
			for _, i := range tt.order {
				got, err := r.Get(buf[:0], refs[i])
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want[i]) {
					t.Fatalf("piece %d: got %d bytes, want %d", i, len(got), len(want[i]))
				}
				buf = got
			}
		})
	}
}

// TestReaderReadsAWindow: after a Get, the Refs put after it within a
// window come from what was read, without the file; a Ref beyond it is
// read from the file, and its failure reported. A Ref far from the last
// one is read alone: reading at random reads no windows.
func TestReaderReadsAWindow(t *testing.T) {
	spilled := func(t *testing.T) (*os.File, *File, []Ref) {
		f, err := os.CreateTemp(t.TempDir(), "spill")
		if err != nil {
			t.Fatal(err)
		}
		s := New(f)
		var refs []Ref
		for i := range 200 {
			r, err := s.Put(bytes.Repeat([]byte{byte(i)}, 4000)) // 800 KB: all but the last 16 KiB written out
			if err != nil {
				t.Fatal(err)
			}
			refs = append(refs, r)
		}
		return f, s, refs
	}
	piece := func(i int) []byte { return bytes.Repeat([]byte{byte(i)}, 4000) }
	t.Run("in order", func(t *testing.T) {
		f, s, refs := spilled(t)
		r := s.Reader()
		for i := range 10 {
			if _, err := r.Get(nil, refs[i]); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
		for i := 10; i < window/4000; i++ {
			if got, err := r.Get(nil, refs[i]); err != nil || !bytes.Equal(got, piece(i)) {
				t.Fatalf("piece %d, in the window: %d bytes, %v", i, len(got), err)
			}
		}
		if _, err := r.Get(nil, refs[60]); err == nil {
			t.Error("a piece beyond the window, from a closed file: no error")
		}
	})
	t.Run("at random", func(t *testing.T) {
		f, s, refs := spilled(t)
		r := s.Reader()
		if got, err := r.Get(nil, refs[150]); err != nil || !bytes.Equal(got, piece(150)) {
			t.Fatalf("piece 150: %d bytes, %v", len(got), err)
		}
		f.Close()
		if _, err := r.Get(nil, refs[151]); err == nil {
			t.Error("piece 151, after a piece read far from the one before: no error from a closed file, so a window was read")
		}
	})
}
