package search

import (
	"encoding/binary"
	"iter"
)

// This file is how a page's analysis keeps its lists of numbers (its
// words' ids, its groups with their scores): sorted, each written as its
// difference from the one before in a varint. A page has hundreds of
// distinct words and a site of 100 000 pages keeps every page's lists
// between edits, so a byte or two a number, not four, is most of what
// the index holds in memory.

// packed is a sorted list of uint32, each the varint of its difference
// from the one before (the first from 0).
type packed []byte

// pack appends the sorted list ns to dst as a packed list.
func pack(dst []byte, ns []uint32) packed {
	last := uint32(0)
	for _, n := range ns {
		dst = binary.AppendUvarint(dst, uint64(n-last))
		last = n
	}
	return dst
}

// all yields the numbers of the list, in order.
func (p packed) all() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		n := uint32(0)
		for i := 0; i < len(p); {
			d, size := binary.Uvarint(p[i:])
			i += size
			n += uint32(d)
			if !yield(n) {
				return
			}
		}
	}
}

// appendTo appends the list's numbers to dst.
func (p packed) appendTo(dst []uint32) []uint32 {
	for n := range p.all() {
		dst = append(dst, n)
	}
	return dst
}

// packNew returns the sorted list ns packed, in a slice of its own size.
func packNew(ns []uint32) packed {
	size, last := 0, uint32(0)
	for _, n := range ns {
		size += uvarintLen(n - last)
		last = n
	}
	if size == 0 {
		return nil
	}
	return pack(make([]byte, 0, size), ns)
}

// uvarintLen is the length of n's varint.
func uvarintLen(n uint32) int {
	size := 1
	for ; n >= 0x80; n >>= 7 {
		size++
	}
	return size
}

// cursor reads a packed list one number at a time.
type cursor struct {
	p packed
	i int
	n uint32
}

// next returns the next number, or false at the end.
func (c *cursor) next() (uint32, bool) {
	if c.i >= len(c.p) {
		return 0, false
	}
	d, size := binary.Uvarint(c.p[c.i:])
	c.i += size
	c.n += uint32(d)
	return c.n, true
}
