package outdir

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// held is what the spare held as Open found it, for the build that
// writes into it: names to look up, and what the spare's manifest says
// each file holds.
//
// A Put whose file the spare already holds compares the bytes, which
// means opening and reading ten thousand files. The manifest records a
// sum of each file's bytes (Sums, sumOf), so that a Put of a file that
// nobody changed since the spare's manifest was checked (its change time
// is before Checked; stamp.go) and whose sum is the new bytes' needs no
// read: its bytes are those the sum was made of, for writing to a file
// changes its change time. A folder the spare held needs no look either:
// the build is the spare's only writer, and no Put of it deletes a folder
// it needs (Staging.reserve).
type held struct {
	files, dirs   string   // the names, each ended by a NUL, as the walk found them
	fileAt, dirAt []uint32 // where each name starts, in the order of the names
	sums          []uint64 // sums[i] is the manifest's sum of the file at fileAt[i]; 0: none
	since         check    // of the spare's manifest: the files it vouches for hold their sums
}

// newHeld indexes what Open found in the spare, which the build then no
// longer needs as a listing.
func newHeld(l *listing) *held {
	h := &held{files: string(l.files), dirs: string(l.dirs), since: l.since}
	h.fileAt = starts(h.files)
	h.dirAt = starts(h.dirs)
	order := make([]int, len(h.fileAt))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(name(h.files, h.fileAt[a]), name(h.files, h.fileAt[b])) })
	at := make([]uint32, len(order))
	if len(l.sums) == len(order) {
		h.sums = make([]uint64, len(order))
	}
	for i, o := range order {
		at[i] = h.fileAt[o]
		if h.sums != nil {
			h.sums[i] = l.sums[o]
		}
	}
	h.fileAt = at
	slices.SortFunc(h.dirAt, func(a, b uint32) int { return strings.Compare(name(h.dirs, a), name(h.dirs, b)) })
	return h
}

// starts returns where each NUL-ended name of names starts.
func starts(names string) []uint32 {
	var at []uint32
	for i := 0; i < len(names); {
		at = append(at, uint32(i))
		i += strings.IndexByte(names[i:], 0) + 1
	}
	return at
}

// name is the name of names that starts at i.
func name(names string, i uint32) string {
	rest := names[i:]
	return rest[:strings.IndexByte(rest, 0)]
}

// find returns the index of name among the names at, sorted, or -1.
func find(names string, at []uint32, n string) int {
	i, ok := slices.BinarySearchFunc(at, n, func(a uint32, n string) int { return strings.Compare(name(names, a), n) })
	if !ok {
		return -1
	}
	return i
}

// dir reports whether the spare held the folder rel.
func (h *held) dir(rel string) bool { return h != nil && find(h.dirs, h.dirAt, rel) >= 0 }

// unchanged reports whether the spare's file rel, found by Lstat as info,
// holds the bytes whose sum is sum, by the manifest's word.
func (h *held) unchanged(rel string, info fs.FileInfo, sum uint64) bool {
	if h == nil || h.sums == nil || sum == 0 || !h.since.vouches(info) {
		return false
	}
	i := find(h.files, h.fileAt, rel)
	return i >= 0 && h.sums[i] == sum
}

// each calls f with every name held, folders first, in no set order.
func (h *held) each(f func(name string, dir bool) error) error {
	for _, a := range h.dirAt {
		if err := f(name(h.dirs, a), true); err != nil {
			return err
		}
	}
	for _, a := range h.fileAt {
		if err := f(name(h.files, a), false); err != nil {
			return err
		}
	}
	return nil
}

// sumOf is the sum the manifest records of a file's bytes b: their
// XXH64, never 0. A collision would leave a changed file unwritten; with
// 64 bits of a hash made for telling contents apart, an accidental one is
// a matter of 2^-64. The hash must cost less than the reads it spares:
// SHA-256, at 1.7 GB/s with the processor's help, took as long as they did
// (BenchmarkPut); XXH64 runs at 17.6 GB/s.
func sumOf(b []byte) uint64 {
	return max(xxhash.Sum64(b), 1)
}

// formatSum and parseSum write and read a sum as the manifest holds it.
func formatSum(s uint64) string { return strconv.FormatUint(s, 16) }

func parseSum(s string) uint64 {
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0
	}
	return v
}
