package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/language"
)

// Reader reads a file of a language's index by its name ("index.json").
type Reader func(name string) ([]byte, error)

// Index is a language's index as the search script reads it: the manifest
// at once, the shards and chunks when a query needs them.
type Index struct {
	lang   *language.Language
	read   Reader
	m      manifest
	shards map[int]*shard
	chunks map[int][][4]string
	// Read is the names of the files read so far, in order.
	Read []string
}

// Result is one page a query found.
type Result struct {
	URL, Title, Section, Excerpt string
	Score                        float64
}

// Match weights; see "Queries" in the package documentation.
const (
	matchExact  = 1.0
	matchEnding = 0.9
	matchPrefix = 0.7
	matchTypo   = 0.5
	matchTail   = 0.7
	prefixMin   = 3 // letters of a word before it matches as a prefix
	typoMin     = 5 // letters of a word before it may have a typo
	stemMin     = 3 // letters left when an ending is taken off
	prefixCap   = 3 // shards read for one word's prefix
	typoCap     = 2 // shards read for one word's typos
	// TitleWindow is how many results the search page shows at once.
	TitleWindow = 10
)

// Open reads the manifest of an index of language l.
func Open(l *language.Language, read Reader) (*Index, error) {
	x := &Index{lang: l, read: read, shards: map[int]*shard{}, chunks: map[int][][4]string{}}
	if err := x.load(Manifest, &x.m); err != nil {
		return nil, err
	}
	if len(x.m.First) != len(x.m.Shards) {
		return nil, fmt.Errorf("search: %s names %d shards and %d first keys", Manifest, len(x.m.Shards), len(x.m.First))
	}
	return x, nil
}

func (x *Index) load(name string, v any) error {
	b, err := x.read(name)
	if err != nil {
		return err
	}
	x.Read = append(x.Read, name)
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("search: %s: %v", name, err)
	}
	return nil
}

// Search returns the pages that every word of query finds, best first.
// A word whose groups list only their best pages (MaxPostings: a word on
// most pages of a large site) cannot say which pages lack it: it adds its
// scores to the pages the other words find, and leaves out none. When
// every word is such a word, a page found by any of them is a result,
// those found by more words first.
func (x *Index) Search(query string) ([]Result, error) {
	qs := QueryKeys(x.lang, query)
	if len(qs) == 0 {
		return nil, nil
	}
	var total map[int]float64
	hits := map[int]int{}
	var soft []map[int]float64
	for _, q := range qs {
		scores, cut, err := x.word(q)
		if err != nil {
			return nil, err
		}
		if cut {
			soft = append(soft, scores)
			continue
		}
		if total == nil {
			total = scores
			continue
		}
		for d := range total {
			if s, ok := scores[d]; ok {
				total[d] += s
			} else {
				delete(total, d)
			}
		}
	}
	if total == nil { // every word is on too many pages to list them all
		total = map[int]float64{}
		for _, sc := range soft {
			for d := range sc {
				total[d] += 0
			}
		}
	}
	for _, sc := range soft {
		for d, v := range sc {
			if _, ok := total[d]; ok {
				total[d] += v
				hits[d]++
			}
		}
	}
	docs := make([]int, 0, len(total))
	for d := range total {
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b int) int {
		return cmp.Or(cmp.Compare(hits[b], hits[a]), cmp.Compare(total[b], total[a]), cmp.Compare(a, b))
	})
	out := make([]Result, 0, len(docs))
	for _, d := range docs {
		row, err := x.doc(d)
		if err != nil {
			return nil, err
		}
		out = append(out, Result{URL: row[0], Title: row[1], Section: row[2], Excerpt: row[3], Score: total[d]})
	}
	// Among the first results, the ones a page shows at once, a page
	// whose title is the query comes first: the script knows only their
	// titles.
	want := strings.Join(qs, " ")
	first := out[:min(len(out), TitleWindow)]
	slices.SortStableFunc(first, func(a, b Result) int {
		ea, eb := strings.Join(QueryKeys(x.lang, a.Title), " ") == want, strings.Join(QueryKeys(x.lang, b.Title), " ") == want
		switch {
		case ea && !eb:
			return -1
		case eb && !ea:
			return 1
		}
		return 0
	})
	return out, nil
}

// doc returns a page's result data: address, title, section, excerpt.
func (x *Index) doc(d int) ([4]string, error) {
	c := d / x.m.Chunk
	rows, ok := x.chunks[c]
	if !ok {
		if c >= len(x.m.Chunks) {
			return [4]string{}, fmt.Errorf("search: page %d is in no chunk", d)
		}
		if err := x.load(x.m.Chunks[c], &rows); err != nil {
			return [4]string{}, err
		}
		x.chunks[c] = rows
	}
	if d%x.m.Chunk >= len(rows) {
		return [4]string{}, fmt.Errorf("search: page %d is not in its chunk", d)
	}
	return rows[d%x.m.Chunk], nil
}

// word returns the pages one keyed word of a query finds, with their
// scores, and whether a group it found lists only its best pages.
func (x *Index) word(q string) (scores map[int]float64, cut bool, err error) {
	n := utf8.RuneCountInString(q)
	var stems []string
	for _, e := range x.m.Endings {
		if strings.HasSuffix(q, e) && n-utf8.RuneCountInString(e) >= stemMin {
			stems = append(stems, q[:len(q)-len(e)])
		}
	}
	want := []int{x.shardOf(q)}
	for _, s := range stems {
		want = append(want, x.shardOf(s))
	}
	if n >= prefixMin {
		r := x.shardRange(q)
		want = append(want, r[:min(len(r), prefixCap)]...)
	}
	if n >= typoMin {
		if r := x.shardRange(string([]rune(q)[:2])); len(r) <= typoCap {
			want = append(want, r...)
		}
	}
	var loaded []*shard
	for _, i := range want {
		s, err := x.shard(i)
		if err != nil {
			return nil, false, err
		}
		if s != nil && !slices.Contains(loaded, s) {
			loaded = append(loaded, s)
		}
	}
	scores = map[int]float64{}
	found := false
	for _, s := range loaded {
		for i, k := range s.Keys {
			w := 0.0
			switch {
			case k == q:
				w = matchExact
			case slices.Contains(stems, k):
				w = matchEnding
			case n >= prefixMin && strings.HasPrefix(k, q):
				w = matchPrefix
			}
			if w > 0 {
				found = true
				cut = x.score(s, s.Refs[i], w, scores) || cut
			}
		}
	}
	if found || n < typoMin {
		return scores, cut, nil
	}
	for _, s := range loaded {
		for i, k := range s.Keys {
			if oneEdit(k, q) {
				cut = x.score(s, s.Refs[i], matchTypo, scores) || cut
			}
		}
	}
	return scores, cut, nil
}

// score adds the pages of a key's groups to scores, keeping each page's
// best, and reports whether a group lists fewer pages than it has.
func (x *Index) score(s *shard, refs []int, w float64, scores map[int]float64) (cut bool) {
	for _, r := range refs {
		ww := w
		if r%2 == 1 {
			ww *= matchTail
		}
		g := s.Groups[r/2]
		cut = cut || g[0] > (len(g)-1)/2
		idf := math.Log(1 + float64(x.m.Pages)/float64(max(g[0], 1)))
		d := 0
		for i := 1; i+1 < len(g); i += 2 {
			d += g[i]
			if v := ww * float64(g[i+1]) * idf; v > scores[d] {
				scores[d] = v
			}
		}
	}
	return cut
}

// shardOf is the shard whose range holds key, or -1.
func (x *Index) shardOf(key string) int {
	return sort.Search(len(x.m.First), func(i int) bool { return x.m.First[i] > key }) - 1
}

// shardRange is the shards that may hold keys starting with prefix.
func (x *Index) shardRange(prefix string) []int {
	i := max(x.shardOf(prefix), 0)
	out := []int{i}
	for j := i + 1; j < len(x.m.First) && strings.HasPrefix(x.m.First[j], prefix); j++ {
		out = append(out, j)
	}
	return out
}

func (x *Index) shard(i int) (*shard, error) {
	if i < 0 || i >= len(x.m.Shards) {
		return nil, nil
	}
	if s, ok := x.shards[i]; ok {
		return s, nil
	}
	s := &shard{}
	if err := x.load(x.m.Shards[i], s); err != nil {
		return nil, err
	}
	x.shards[i] = s
	return s, nil
}

// oneEdit reports whether a and b differ by one letter added, left out or
// changed, or two neighbours swapped.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if i == len(ra) {
		return false // equal
	}
	if len(ra) > len(rb) {
		return string(ra[i+1:]) == string(rb[i:])
	}
	if string(ra[i+1:]) == string(rb[i+1:]) {
		return true
	}
	return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
}
