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

// memoBits is the log2 of a memo's entries: 4096 entries of 24 bytes
// (96 KiB a worker, in a core's second-level cache). The 10 000-page
// benchmark corpus spells its words ~1 600 ways, of which 1 024 entries
// kept too few apart; a site's prose, by Zipf's law, has most of its
// words' uses in its few thousand commonest spellings.
const memoBits = 12

// memo is a direct-mapped cache: a spelling has one place, and a newer
// spelling of that place replaces the older.
type memo [1 << memoBits]memoEntry

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

// entry returns the place of the spelling of key lo, hi and length n.
func (m *memo) entry(lo, hi uint64, n int) *memoEntry {
	h := (lo ^ hi*0x9e3779b97f4a7c15 ^ uint64(n)) * 0xbf58476d1ce4e5b9
	return &m[h>>(64-memoBits)]
}

// has reports whether e is the entry of that spelling.
func (e *memoEntry) has(lo, hi uint64, n int) bool {
	return e.id != 0 && e.lo == lo && e.hi == hi && int(e.n) == n
}

// countText counts the uses of the words of text, the body's; t.mu is
// held for reading.
func (sc *scratch) countText(t *table, text string) {
	b := append(sc.buf.text[:0], text...)
	defer func() { sc.buf.text = b[:0] }()
	for tok, ok := language.NextWord(b, 0); ok; tok, ok = language.NextWord(b, tok.End) {
		n := tok.End - tok.Start
		lo, hi, ok := memoKey(b, tok.Start, tok.End)
		if !ok {
			sc.buf.word(t.l, b[tok.Start:tok.End], func(f []byte) { sc.count(t, f) })
			continue
		}
		e := sc.memo.entry(lo, hi, n)
		if e.has(lo, hi, n) {
			if e.id >= memoID {
				sc.add(e.id-memoID, 1)
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
			*e = memoEntry{lo: lo, hi: hi, n: uint8(n), id: id}
		}
	}
}
