package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/language"
)

// File is one file of a language's index, named within its folder.
type File struct {
	Name  string
	Bytes []byte
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

// Build makes the files of the index of docs, pages of language l.
func Build(l *language.Language, docs []Doc, lim Limits) []File {
	x := build(l, docs)
	m := manifest{Version: 1, Pages: len(docs), Endings: l.Endings()}
	var files []File
	add := func(prefix string, v any) string {
		b, _ := json.Marshal(v) // plain values: cannot fail
		sum := sha256.Sum256(b)
		name := prefix + hex.EncodeToString(sum[:4]) + ".json"
		files = append(files, File{name, b})
		return name
	}
	for _, s := range x.shards(lim) {
		m.First = append(m.First, s.Keys[0])
		m.Shards = append(m.Shards, add("k-", s))
	}
	m.Chunk = max(minChunkPages, (len(docs)+max(lim.Chunks, 1)-1)/max(lim.Chunks, 1))
	for i := 0; i < len(docs); i += m.Chunk {
		var rows [][4]string
		for _, d := range docs[i:min(i+m.Chunk, len(docs))] {
			rows = append(rows, [4]string{d.URL, d.Title, d.Section, excerpt(d)})
		}
		m.Chunks = append(m.Chunks, add("r-", rows))
	}
	b, _ := json.Marshal(m)
	return append([]File{{Manifest, b}}, files...)
}

// shards cuts the sorted keys into ranges of about the same size.
func (x *index) shards(lim Limits) []shard {
	keys := x.sortedKeys()
	type entry struct {
		key  string
		size int
	}
	entries := make([]entry, len(keys))
	total := 0
	for i, k := range keys {
		n := len(k) + 8
		for g := range x.keys[k] {
			n += 6 + 6*min(len(x.groups[g]), MaxPostings)
		}
		entries[i] = entry{k, n}
		total += n
	}
	target := max(minShardBytes, total/max(lim.Shards, 1)+1)
	var out []shard
	var cur *shard
	local := map[string]int{}
	size := 0
	for _, e := range entries {
		if cur == nil || size >= target {
			out = append(out, shard{})
			cur, local, size = &out[len(out)-1], map[string]int{}, 0
		}
		cur.Keys = append(cur.Keys, e.key)
		refs := []int{}
		for _, g := range sortedGroups(x.keys[e.key]) {
			i, ok := local[g]
			if !ok {
				i = len(cur.Groups)
				local[g] = i
				cur.Groups = append(cur.Groups, x.encodePostings(g))
			}
			r := 2 * i
			if x.keys[e.key][g] {
				r++
			}
			refs = append(refs, r)
		}
		cur.Refs = append(cur.Refs, refs)
		size += e.size
	}
	return out
}

func sortedGroups(m map[string]bool) []string {
	gs := make([]string, 0, len(m))
	for g := range m {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	return gs
}

func (x *index) encodePostings(g string) []int {
	ps, n := x.postings(g, MaxPostings)
	out := make([]int, 0, 1+2*len(ps))
	out = append(out, n)
	last := 0
	for _, p := range ps {
		out = append(out, p.doc-last, p.score)
		last = p.doc
	}
	return out
}

// excerpt is what a result shows of a page: its description and the start
// of its text, cut at a word.
func excerpt(d Doc) string {
	s := strings.Join(strings.Fields(strings.TrimSpace(d.Excerpt+" "+d.Text)), " ")
	if utf8.RuneCountInString(s) <= excerptRunes {
		return s
	}
	r := []rune(s)[:excerptRunes]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > excerptRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + " …"
}
