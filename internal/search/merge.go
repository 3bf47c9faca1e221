package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"sync"

	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/spill"
)

// An Indexer makes a language's index from its pages, and makes it again,
// cheaply, after pages changed: it keeps each group's postings, each
// group's encoded postings, and the files it made last, and a page's
// analysis (Page) is made once per version of the page. So after an
// edit of one page's body the index costs that page's analysis, the
// postings of the groups whose scores changed, and the copying of the
// shards, not a reading of the site. Its methods are safe for concurrent
// use.
type Indexer struct {
	mu    sync.Mutex // held by Files
	t     *table
	terms [2][]uint32 // two pages' terms (Page.terms), reused
	empty *Body       // the body of a page without text
	docs  []*Page
	post  [][]uint32 // group id -> doc << 8 | score, by doc
	enc   [][]byte   // group id -> its postings as JSON; nil when to be made
	wref  []int32    // word id -> pages that have the word
	keys  []keyRefs  // the keys, sorted, made again when the vocabulary changes
	// once is set by Stream: post then holds each group's best
	// postings only, and npages the number of its pages.
	once   bool
	npages []int32
	// rows is each page's row of result data, by doc, when the pages were
	// merged as they came (stream.go); docs is then empty. A row put in
	// spill has its Ref in spilled instead; spillErr is the first that
	// could not be read back. ahead reads them back in the order of the
	// docs, which is about the order they were put: a read of the scratch
	// file a window of rows at a time, not one a page.
	rows     [][]byte
	spill    *spill.File
	spilled  []spill.Ref
	spillErr error
	ahead    *spill.Reader
	// the files made last
	lastShards, lastChunks []File
}

type keyRefs struct {
	key  string
	refs []uint32 // group id << 1 | 1 for a compound's last part, by group
}

// file is the File of name with bytes b: put into the spill when the
// Indexer streams into one (see File), in memory when it has none or
// the bytes cannot go there.
func (x *Indexer) file(name string, b []byte) File {
	if x.spill != nil {
		if r, err := x.spill.Put(b); err == nil {
			return File{Name: name, Spilled: r}
		}
	}
	return File{Name: name, Bytes: b}
}

// NewIndexer returns an Indexer of language l's pages.
func NewIndexer(l *language.Language) *Indexer {
	t := newTable(l)
	return &Indexer{t: t, empty: &Body{t: t}}
}

// Body analyses a page's body: its headings and its text (headings too),
// as plain text, which it reads and does not keep. It may be called on
// several goroutines at once.
func (x *Indexer) Body(headings []string, text []byte) *Body {
	if len(headings) == 0 && len(text) == 0 {
		return x.empty
	}
	return x.t.body(headings, text)
}

// Has reports whether b is a body this Indexer analysed: one of another
// language's is not.
func (x *Indexer) Has(b *Body) bool { return b.t == x.t }

// Page analyses a page from its fields in d and its body b (Body); with b
// nil, d's Headings and Text are its body.
func (x *Indexer) Page(d Doc, b *Body) *Page {
	if b == nil {
		b = x.Body(d.Headings, []byte(d.Text))
	}
	return x.t.page(d, b)
}

// Build makes the files of the index of docs, pages of language l.
func Build(l *language.Language, docs []Doc, lim Limits) []File {
	x := NewIndexer(l)
	pages := make([]*Page, len(docs))
	for i, d := range docs {
		pages[i] = x.Page(d, nil)
	}
	return x.Files(pages, lim)
}

// Files returns the files of the index of pages, in their order. The
// files whose bytes did not change since the last call are the same
// slices; the caller must not change them.
func (x *Indexer) Files(pages []*Page, lim Limits) []File {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.t.mu.Lock()
	defer x.t.mu.Unlock()
	for len(x.post) < len(x.t.names) {
		x.post = append(x.post, nil)
		x.enc = append(x.enc, nil)
	}
	for len(x.wref) < len(x.t.words) {
		x.wref = append(x.wref, 0)
	}
	vocab := x.update(pages)
	if vocab || x.keys == nil {
		x.keys = x.sortedKeys()
	}
	return x.files(lim)
}

// update brings the postings and the vocabulary's counts from x.docs to
// pages, and reports whether the vocabulary changed.
func (x *Indexer) update(pages []*Page) (vocab bool) {
	var changed []int
	if len(pages) == len(x.docs) {
		for i := range pages {
			if pages[i] != x.docs[i] {
				changed = append(changed, i)
			}
		}
	}
	if len(pages) != len(x.docs) || len(changed) > len(pages)/8+1 {
		for g := range x.post {
			x.post[g], x.enc[g] = x.post[g][:0], nil
		}
		for _, p := range x.docs {
			x.words(p, -1)
		}
		for i, p := range pages {
			x.terms[0] = p.terms(x.terms[0][:0])
			for _, t := range x.terms[0] {
				g := t >> 8
				x.post[g] = append(x.post[g], uint32(i)<<8|t&0xff)
			}
			x.words(p, 1)
		}
		x.docs = slices.Clone(pages)
		return true
	}
	for _, i := range changed {
		x.terms[0] = x.docs[i].terms(x.terms[0][:0])
		x.terms[1] = pages[i].terms(x.terms[1][:0])
		x.repost(uint32(i), x.terms[0], x.terms[1])
		vocab = x.words(x.docs[i], -1) || vocab
		vocab = x.words(pages[i], 1) || vocab
		x.docs[i] = pages[i]
	}
	return vocab
}

// words counts p's words in or out of the vocabulary, and reports
// whether a word came or went.
func (x *Indexer) words(p *Page, d int32) (changed bool) {
	f := func(id uint32) {
		n := x.wref[id]
		x.wref[id] = n + d
		changed = changed || n == 0 || n+d == 0
	}
	for id := range p.body.words.all() {
		f(id)
	}
	for _, h := range p.body.heads {
		for _, id := range h {
			f(id)
		}
	}
	for id := range p.extra.all() {
		f(id)
	}
	return changed
}

// repost changes doc's postings from its old terms to its new.
func (x *Indexer) repost(doc uint32, old, now []uint32) {
	i, j := 0, 0
	for i < len(old) || j < len(now) {
		switch {
		case j == len(now) || i < len(old) && old[i]>>8 < now[j]>>8:
			x.setPosting(old[i]>>8, doc, -1)
			i++
		case i == len(old) || now[j]>>8 < old[i]>>8:
			x.setPosting(now[j]>>8, doc, int(now[j]&0xff))
			j++
		default:
			if old[i] != now[j] {
				x.setPosting(now[j]>>8, doc, int(now[j]&0xff))
			}
			i++
			j++
		}
	}
}

// setPosting sets doc's score in group g's postings; -1 takes doc out.
func (x *Indexer) setPosting(g, doc uint32, score int) {
	ps := x.post[g]
	k, found := slices.BinarySearchFunc(ps, doc, func(p, d uint32) int { return cmp.Compare(p>>8, d) })
	switch {
	case score < 0 && found:
		ps = slices.Delete(ps, k, k+1)
	case score >= 0 && found:
		ps[k] = doc<<8 | uint32(score)
	case score >= 0:
		ps = slices.Insert(ps, k, doc<<8|uint32(score))
	}
	x.post[g], x.enc[g] = ps, nil
}

// sortedKeys returns the keys of the vocabulary, sorted, with their
// groups: each word's key, and the last parts of compound words; see
// "Compound words" in the package documentation.
func (x *Indexer) sortedKeys() []keyRefs {
	t := x.t
	// Every (key, group) pair once per word that gives it, sorted, then
	// grouped by key: a map of each key's groups was 7.5 MB of the
	// largest heap at 30 000 pages, where a pair is 24 bytes.
	type pair struct {
		key  string
		g    uint32
		tail bool
	}
	var pairs []pair
	known := func(s string) bool {
		id, ok := t.ids[s]
		return ok && x.wref[id] > 0
	}
	for id, w := range t.words {
		if x.wref[id] <= 0 {
			continue
		}
		pairs = append(pairs, pair{w.key, w.group, false})
		if !w.long {
			continue
		}
		s := w.word
		// Split after the third letter and before the last four.
		n := 0
		var offs []int
		for i := range s {
			if n >= minCompoundTop {
				offs = append(offs, i)
			}
			n++
		}
		offs = offs[:max(0, len(offs)-minCompoundEnd+1)]
		for _, i := range offs {
			head, rest := s[:i], s[i:]
			tl := t.tail(rest)
			ok := known(rest) || int(tl.group) < len(x.post) && len(x.post[tl.group]) > 0 || known(head) ||
				(head[len(head)-1] == 's' || head[len(head)-1] == 'e') && known(head[:len(head)-1])
			if ok {
				pairs = append(pairs, pair{tl.key, w.group, true})
			}
		}
	}
	// A group is a key's last part only when no word gives it whole:
	// false sorts first, and the first of a key's group decides.
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := cmp.Compare(a.g, b.g); c != 0 {
			return c
		}
		return cmp.Compare(b2i(a.tail), b2i(b.tail))
	})
	all := make([]uint32, 0, len(pairs))
	var out []keyRefs
	for i := 0; i < len(pairs); {
		key, from := pairs[i].key, len(all)
		for ; i < len(pairs) && pairs[i].key == key; i++ {
			if i > 0 && pairs[i-1].key == key && pairs[i-1].g == pairs[i].g {
				continue
			}
			all = append(all, pairs[i].g<<1|uint32(b2i(pairs[i].tail)))
		}
		refs := all[from:len(all):len(all)]
		slices.SortFunc(refs, func(a, b uint32) int {
			if c := cmp.Compare(t.names[a>>1], t.names[b>>1]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		out = append(out, keyRefs{key: key, refs: refs})
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// files cuts the keys into shards of about the same size and writes them,
// the chunks of result data and the manifest. A file whose bytes are
// those of the one at its place last time keeps its name and its bytes,
// unhashed.
func (x *Indexer) files(lim Limits) []File {
	n, row := len(x.docs), func(i int) []byte { return x.docs[i].row }
	if x.rows != nil { // merged as the pages came (stream.go)
		var buf []byte
		n, row = len(x.rows), func(i int) []byte { return x.row(i, &buf) }
	}
	m := manifest{Version: 1, Pages: n, Endings: x.t.l.Endings()}
	var shards, chunks []File
	add := func(list *[]File, last []File, prefix string, b []byte) string {
		if i := len(*list); i < len(last) && bytes.Equal(last[i].Bytes, b) {
			*list = append(*list, last[i])
			return last[i].Name
		}
		sum := sha256.Sum256(b)
		name := prefix + hex.EncodeToString(sum[:4]) + ".json"
		*list = append(*list, x.file(name, b))
		return name
	}
	for _, s := range x.shards(lim) {
		m.First = append(m.First, x.keys[s[0]].key)
		m.Shards = append(m.Shards, add(&shards, x.lastShards, "k-", x.shard(s[0], s[1])))
	}
	m.Chunk = max(minChunkPages, (n+max(lim.Chunks, 1)-1)/max(lim.Chunks, 1))
	for i := 0; i < n; i += m.Chunk {
		b := []byte{'['}
		for j := i; j < min(i+m.Chunk, n); j++ {
			if j > i {
				b = append(b, ',')
			}
			b = append(b, row(j)...)
		}
		m.Chunks = append(m.Chunks, add(&chunks, x.lastChunks, "r-", append(b, ']')))
	}
	x.lastShards, x.lastChunks = shards, chunks
	b, _ := json.Marshal(m) // plain values: cannot fail
	return append(append([]File{{Name: Manifest, Bytes: b}}, shards...), chunks...)
}
