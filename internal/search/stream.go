package search

import (
	"bytes"
	"slices"

	"github.com/torv/torv/internal/spill"
)

// This file merges a one-shot index (torv build) as its pages come, in
// any order, instead of keeping every page's analysis until the last
// one is made: the render stage analyses the pages on every core, and a
// site of 100 000 pages would otherwise hold 100 000 analyses at once.
// What stays is what the files need: each group's best MaxPostings pages
// and its number of pages, each word's number of pages (for the compound
// words), and each page's row of result data.

// Stream prepares the Indexer for a one-shot index of n pages, doc 0 to
// n-1 in the order of the index, merged as they come by Add and written
// by StreamFiles. The pages' rows of result data wait for StreamFiles in
// sp when it is not nil (a row that sp cannot take stays in memory). The
// Indexer must not have been used, and is not usable after StreamFiles
// but through Stream again.
func (x *Indexer) Stream(n int, sp *spill.File) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.once, x.rows, x.spill, x.spilled = true, make([][]byte, n), sp, nil
	if sp != nil {
		x.spilled = make([]spill.Ref, n)
	}
}

// Streamed reports whether doc is merged already.
func (x *Indexer) Streamed(doc int) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.merged(doc)
}

// merged is Streamed; x.mu is held.
func (x *Indexer) merged(doc int) bool {
	return x.rows[doc] != nil || x.spilled != nil && x.spilled[doc] != 0
}

// Add merges page p as doc: its postings, its words and its row; the rest
// of its analysis is let go of. A doc merged already is left as it is.
// It may be called on several goroutines at once.
func (x *Indexer) Add(doc int, p *Page) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.merged(doc) {
		return
	}
	x.t.mu.RLock()
	groups, words := len(x.t.names), len(x.t.words)
	x.t.mu.RUnlock()
	x.grow(groups, words)
	x.terms[0] = p.terms(x.terms[0][:0])
	for _, t := range x.terms[0] {
		g := t >> 8
		x.post[g] = append(x.post[g], uint32(doc)<<8|t&0xff)
		x.npages[g]++
		if len(x.post[g]) >= 2*MaxPostings {
			// The best of the best so far and the rest are the best of all.
			x.post[g] = bestByDoc(x.post[g])
		}
	}
	x.words(p, 1)
	if x.spill != nil {
		if r, err := x.spill.Put(p.row); err == nil {
			x.spilled[doc] = r
			p.release()
			return
		}
	}
	// Its own size: Page's row has room for the longest excerpt, and
	// every page's row stays until the chunks are written.
	x.rows[doc] = bytes.Clone(p.row)
	p.release()
}

// grow makes room in the postings and the words' counts for the groups
// and words the table has; x.mu is held.
func (x *Indexer) grow(groups, words int) {
	for len(x.post) < groups {
		x.post = append(x.post, nil)
		x.npages = append(x.npages, 0)
	}
	for len(x.wref) < words {
		x.wref = append(x.wref, 0)
	}
}

// bestByDoc returns the best MaxPostings of ps, of two alike the first
// by doc, sorted by doc, in ps's memory: pages come in any order, and
// the index lists them in its own.
func bestByDoc(ps []uint32) []uint32 {
	slices.Sort(ps) // by doc: a page is in a group's postings once
	return bestTo(ps[:0], ps, MaxPostings)
}

// StreamFiles returns the files of the index of the pages Add merged:
// those Files would return for the same pages in doc order. Every doc
// must have been merged. Its error is the spill's, when a row could not
// be read back.
func (x *Indexer) StreamFiles(lim Limits) ([]File, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.t.mu.Lock()
	defer x.t.mu.Unlock()
	x.grow(len(x.t.names), len(x.t.words))
	for g, ps := range x.post {
		if len(ps) > MaxPostings {
			x.post[g] = bestByDoc(ps)
		} else {
			slices.Sort(ps)
		}
	}
	x.enc = make([][]byte, len(x.post))
	x.keys = x.sortedKeys()
	files := x.files(lim)
	err := x.spillErr
	x.rows, x.post, x.enc, x.wref, x.keys, x.npages = nil, nil, nil, nil, nil, nil
	x.lastShards, x.lastChunks = nil, nil
	x.spill, x.spilled, x.spillErr, x.ahead = nil, nil, nil, nil
	if err != nil {
		return nil, err
	}
	return files, nil
}

// row returns doc's row, read back into buf when it was spilled; x.mu is
// held.
func (x *Indexer) row(doc int, buf *[]byte) []byte {
	if x.spilled == nil || x.spilled[doc] == 0 {
		return x.rows[doc]
	}
	if x.ahead == nil {
		x.ahead = x.spill.Reader()
	}
	b, err := x.ahead.Get((*buf)[:0], x.spilled[doc])
	if err != nil && x.spillErr == nil {
		x.spillErr = err
	}
	*buf = b
	return b
}
