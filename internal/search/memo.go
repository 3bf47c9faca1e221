package search

import (
	"encoding/binary"

	"github.com/torv/torv/internal/language"
)

// This file is a worker's memory of the words it read last, by their
// spelling in the text: most of a page's words are words the worker met on
// the pages before, and finding the id of a spelling it remembers costs a
// comparison of two numbers, not folding the word and looking it up in
// the table's map, which was most of what reading a page cost.

// A memo has 1 << memoBits sets of memoWays entries, each entry of 24
// bytes: 96 KiB a worker, in a core's second-level cache.
const (
	memoBits = 10
	memoWays = 4
)

// memo is a set-associative cache: a spelling has one set, whose entries
// are in the order of their last use, and a spelling new to its set takes
// the place of the one used longest ago. The 10 000-page benchmark corpus
// spells its words ~11 000 ways, 99.8 % of its words in its 1 024
// commonest spellings, as prose does by Zipf's law; but a direct-mapped
// cache of 4 096 entries missed 6 % of its words, its common spellings
// pushing each other out, where four ways miss 0.2 %.
type memo [1 << memoBits]memoSet

type memoSet [memoWays]memoEntry

// memoEntry is one spelling of up to 16 bytes and the word the index
// keeps of it: a spelling of a word that is not joined (no hyphen or
// apostrophe) is one word, folded, or none (a word of one letter).
type memoEntry struct {
	lo, hi uint64 // its first and its last 8 bytes, zero-padded when fewer
	n      uint8  // its length in bytes
	id     uint32 // 0: the entry is empty; memoNone: no word; else the word's id + memoID
}

const (
	memoNone = 1
	memoID   = 2
)

// memoKey returns the key of the spelling text[start:end] (with its
// length, it is the whole spelling), and false when it is too long to
// have one.
func memoKey(text []byte, start, end int) (lo, hi uint64, ok bool) {
	n := end - start
	switch {
	case n > 16:
		return 0, 0, false
	case n >= 8:
		return binary.LittleEndian.Uint64(text[start:]), binary.LittleEndian.Uint64(text[end-8:]), true
	case start+8 <= len(text):
		// The 8 bytes from start, without those after the spelling.
		return binary.LittleEndian.Uint64(text[start:]) & (1<<(8*n) - 1), 0, true
	}
	for i, c := range text[start:end] {
		lo |= uint64(c) << (8 * i)
	}
	return lo, 0, true
}

// set returns the set of the spelling of key lo, hi and length n.
func (m *memo) set(lo, hi uint64, n int) *memoSet {
	h := (lo ^ hi*0x9e3779b97f4a7c15 ^ uint64(n)) * 0xbf58476d1ce4e5b9
	return &m[h>>(64-memoBits)]
}

// get returns the entry's id of that spelling, moved to the front of the
// set, and false when the set has none.
func (s *memoSet) get(lo, hi uint64, n int) (id uint32, ok bool) {
	for i := range s {
		if e := s[i]; e.id != 0 && e.lo == lo && e.hi == hi && int(e.n) == n {
			copy(s[1:i+1], s[:i])
			s[0] = e
			return e.id, true
		}
	}
	return 0, false
}

// put puts e at the front of the set, in place of the entry used longest
// ago.
func (s *memoSet) put(e memoEntry) {
	copy(s[1:], s[:len(s)-1])
	s[0] = e
}

// countText counts the uses of the words of text, the body's; t.mu is
// held for reading.
func (sc *scratch) countText(t *table, b []byte) {
	for tok, ok := language.NextWord(b, 0); ok; tok, ok = language.NextWord(b, tok.End) {
		n := tok.End - tok.Start
		lo, hi, ok := memoKey(b, tok.Start, tok.End)
		if !ok {
			sc.buf.word(t.l, b[tok.Start:tok.End], func(f []byte) { sc.count(t, f) })
			continue
		}
		set := sc.memo.set(lo, hi, n)
		if id, ok := set.get(lo, hi, n); ok {
			if id >= memoID {
				sc.add(id-memoID, 1)
			}
			continue
		}
		words, id := 0, uint32(memoNone)
		sc.buf.word(t.l, b[tok.Start:tok.End], func(f []byte) {
			words++
			if known, ok := sc.count(t, f); ok && words == 1 {
				id = known + memoID
			} else {
				id = 0 // more than one word, or one the table has not: not remembered
			}
		})
		if id != 0 {
			set.put(memoEntry{lo: lo, hi: hi, n: uint8(n), id: id})
		}
	}
}
