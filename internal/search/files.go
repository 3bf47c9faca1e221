package search

import (
	"strconv"

	"github.com/torv/torv/internal/jsonstr"
	"github.com/torv/torv/internal/spill"
)

// File is one file of a language's index, named within its folder. An
// Indexer that streamed into a spill (Stream) puts the files of
// StreamFiles there as it makes them, and their Bytes are then nil and
// Spilled names them: a large site's index is megabytes, which would
// otherwise wait on the heap until the last file is made.
type File struct {
	Name    string
	Bytes   []byte
	Spilled spill.Ref
}

// Manifest is the name of the file that names the others.
const Manifest = "index.json"

// MaxPostings is the most pages a group lists: a word on every page of a
// large site says little of any one of them.
const MaxPostings = 400

// Limits bound the files of one language's index, whatever the site's size.
type Limits struct {
	Shards int // most shards
	Chunks int // most chunks
}

const (
	minShardBytes = 16 << 10 // a shard's least size: fewer, larger requests on a small site
	minChunkPages = 16       // a chunk's least number of pages
	excerptRunes  = 240      // the most of a page's text a result shows
)

// manifest is index.json.
type manifest struct {
	Version int      `json:"v"`
	Pages   int      `json:"n"`
	Chunk   int      `json:"c"` // pages per chunk
	Endings []string `json:"e"`
	First   []string `json:"f"` // the first key of each shard
	Shards  []string `json:"s"`
	Chunks  []string `json:"r"`
}

// shard is a k-<hash>.json: keys, for each its groups as 2×group+1 for a
// compound's last part and 2×group else, and each group's postings as
// [pages, doc, score, doc, score...] with each doc the difference from
// the one before.
type shard struct {
	Keys   []string `json:"k"`
	Refs   [][]int  `json:"r"`
	Groups [][]int  `json:"g"`
}

// shards cuts the sorted keys into ranges [from, to) of about the same
// size.
func (x *Indexer) shards(lim Limits) [][2]int {
	sizes := make([]int, len(x.keys))
	total := 0
	for i, k := range x.keys {
		n := len(k.key) + 8
		for _, r := range k.refs {
			n += 6 + 6*min(x.pages(r>>1), MaxPostings)
		}
		sizes[i] = n
		total += n
	}
	target := max(minShardBytes, total/max(lim.Shards, 1)+1)
	var out [][2]int
	size := 0
	for i, n := range sizes {
		if len(out) == 0 || size >= target {
			out = append(out, [2]int{i, i})
			size = 0
		}
		out[len(out)-1][1] = i + 1
		size += n
	}
	return out
}

// shard writes the keys [from, to) as a shard, JSON as encoding/json
// writes a shard value.
func (x *Indexer) shard(from, to int) []byte {
	keys := x.keys[from:to]
	local := map[uint32]int{}
	var order []uint32
	b := append(make([]byte, 0, 1<<14), `{"k":[`...)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, k.key)
	}
	b = append(b, `],"r":[`...)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for j, r := range k.refs {
			g := r >> 1
			n, ok := local[g]
			if !ok {
				n = len(order)
				local[g] = n
				order = append(order, g)
			}
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(2*n+int(r&1)), 10)
		}
		b = append(b, ']')
	}
	b = append(b, `],"g":[`...)
	for i, g := range order {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, x.postings(g)...)
	}
	return append(b, "]}"...)
}

// best returns the n postings of ps (doc << 8 | score, by doc) with the
// best scores, of two alike the first, by doc: the scores are bytes, so
// it counts them rather than sorts.
func best(ps []uint32, n int) []uint32 {
	if len(ps) <= n {
		return ps
	}
	return bestTo(make([]uint32, 0, n), ps, n)
}

// bestTo is best appending to dst, which may be ps[:0]: it reads each
// posting before it writes one at its place or before.
func bestTo(dst, ps []uint32, n int) []uint32 {
	var count [256]int
	for _, p := range ps {
		count[p&0xff]++
	}
	// cut: the least score taken; ties: how many of that score are.
	cut, above := 255, 0
	for ; cut > 0 && above+count[cut] < n; cut-- {
		above += count[cut]
	}
	ties := n - above
	out := dst
	for _, p := range ps {
		switch s := int(p & 0xff); {
		case s > cut:
			out = append(out, p)
		case s == cut && ties > 0:
			out = append(out, p)
			ties--
		}
	}
	return out
}

// postings returns group g's postings as JSON: [pages, doc, score, doc,
// score...], its best pages, at most MaxPostings, in page order, each doc
// the difference from the one before.
func (x *Indexer) postings(g uint32) []byte {
	if x.enc[g] != nil {
		return x.enc[g]
	}
	ps := best(x.post[g], MaxPostings)
	b := append(make([]byte, 0, 2+8*len(ps)), '[')
	b = strconv.AppendInt(b, int64(x.pages(g)), 10)
	last := uint32(0)
	for _, p := range ps {
		b = append(b, ',')
		b = strconv.AppendUint(b, uint64(p>>8-last), 10)
		b = append(b, ',')
		b = strconv.AppendUint(b, uint64(p&0xff), 10)
		last = p >> 8
	}
	b = append(b, ']')
	if !x.once {
		x.enc[g] = b
	}
	return b
}

// pages is the number of pages that have group g.
func (x *Indexer) pages(g uint32) int {
	if x.once {
		return int(x.npages[g])
	}
	return len(x.post[g])
}
