package search

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/torv/torv/internal/jsonstr"
	"github.com/torv/torv/internal/language"
)

// This file analyses pages: each page once, into the compact lists the
// index is merged from (merge.go), so that a site's text is read once, on
// the render's workers, and not kept; and so that after an edit only the
// edited page is read again.

// Doc is one page to index.
type Doc struct {
	URL      string   // the address the result links to, base path included
	Title    string   // weighs most
	Section  string   // the title of the page's section, shown with the result
	Headings []string // the body's headings
	Keywords []string // front matter keywords, a glossary term's aliases
	Excerpt  string   // the description, shown with the result
	Text     string   // the body as plain text, headings included
}

// Field weights; see "Scores" in the package documentation.
const (
	weightTitle    = 16
	weightKeyword  = 12
	weightHeading  = 6
	weightExcerpt  = 3
	maxBodyScore   = 8
	maxScore       = 255
	exactTitle     = 16 // more for a title of that one word
	minCompound    = 7  // letters of a word split as a compound
	minCompoundEnd = 4  // letters of a compound's last part
	minCompoundTop = 3  // letters of its first part
)

// table is the words an Indexer has met, each once, with what the index
// needs of it: its key and its group, the Snowball stem taken once per
// distinct word, not per use. It is safe for concurrent use: pages are
// analysed on every core. A page's words are looked up under the read
// lock, so the render's workers wait for each other only for a page with
// a word the site had not used before, which on a large site is rare.
type table struct {
	mu     sync.RWMutex
	l      *language.Language
	ids    map[string]uint32 // folded word -> id
	words  []wordInfo
	groups map[string]uint32 // group (a stem's key) -> id
	names  []string          // group id -> group
	tails  map[string]tail   // a compound's last part -> its key and its stem's group
	pool   sync.Pool         // *scratch: one Body's working memory, reused
}

type wordInfo struct {
	word  string
	key   string // language.SearchKey(word)
	group uint32
	long  bool // a word that may be a compound
}

type tail struct {
	key   string
	group uint32
}

func newTable(l *language.Language) *table {
	return &table{l: l, ids: map[string]uint32{}, groups: map[string]uint32{}, tails: map[string]tail{}}
}

// id returns the id of a folded word, noting it when new; t.mu is held
// for writing, or for reading when the word is known.
func (t *table) id(w string) uint32 {
	if id, ok := t.ids[w]; ok {
		return id
	}
	id := uint32(len(t.words))
	t.ids[w] = id
	t.words = append(t.words, wordInfo{word: w, key: language.SearchKey(w), group: t.group(language.SearchKey(t.l.Stem(w))),
		long: utf8.RuneCountInString(w) >= minCompound})
	return id
}

// group returns the id of a group, noting it when new; t.mu is held.
func (t *table) group(g string) uint32 {
	if id, ok := t.groups[g]; ok {
		return id
	}
	id := uint32(len(t.names))
	t.groups[g] = id
	t.names = append(t.names, g)
	return id
}

// tail returns the key and the stem's group of a compound's last part;
// t.mu is held.
func (t *table) tail(s string) tail {
	if v, ok := t.tails[s]; ok {
		return v
	}
	v := tail{language.SearchKey(s), t.group(language.SearchKey(t.l.Stem(s)))}
	t.tails[s] = v
	return v
}

// Body is what the index needs of a page's body: its distinct words, its
// groups with the text's scores, the words of its first two headings and
// the start of its text for the excerpt. It is made once per body, and
// never changed after.
type Body struct {
	t      *table     // the table of the words' ids
	words  packed     // the ids of its distinct words
	groups packed     // group id << 8 | the text's score (at most maxBodyScore)
	heads  [][]uint32 // word ids of the first two headings
	start  string     // the text's first words, one space between each, for the excerpt
}

// scratch is one Body's working memory: the text's uses of each word and
// the scores of each group, counted in slices by id, so that reading a
// page takes no map and no string per word, only per word the site had
// not used before.
type scratch struct {
	buf    wordBuf
	n      []uint8  // word id -> uses in the text (0: none), at most 255
	gn     []uint8  // group id -> the text's score (0: none)
	ids    []uint32 // the text's word ids, in order of first use
	gs     []uint32 // the text's groups
	bits   []uint64 // a bitmap of word or group ids, all clear: sortIDs' memory
	fresh  map[string]int
	freshW []string     // the words the table did not have, in order
	freshN []uint8      // their uses
	memo   *memo        // the ids of the spellings this scratch met last
	scores []groupScore // what a page's fields add to its groups' scores
	// a page's fields' words (table.page)
	fieldText           []byte
	wordEnds, fieldEnds []int
}

// grow makes room for the table's words and groups; t.mu is held.
func (sc *scratch) grow(t *table) {
	if n := len(t.words); len(sc.n) < n {
		sc.n = append(sc.n, make([]uint8, n-len(sc.n)+n/4)...)
	}
	if n := len(t.names); len(sc.gn) < n {
		sc.gn = append(sc.gn, make([]uint8, n-len(sc.gn)+n/4)...)
	}
	if n := (max(len(sc.n), len(sc.gn)) + 63) / 64; len(sc.bits) < n {
		sc.bits = append(sc.bits, make([]uint64, n-len(sc.bits))...)
	}
}

// count counts one use of a folded word, and returns its id if the table
// has it; t.mu is held for reading.
func (sc *scratch) count(t *table, w []byte) (id uint32, known bool) {
	if id, ok := t.ids[string(w)]; ok {
		sc.add(id, 1)
		return id, true
	}
	if i, ok := sc.fresh[string(w)]; ok {
		sc.freshN[i] = min(sc.freshN[i], 254) + 1
		return 0, false
	}
	sc.fresh[string(w)] = len(sc.freshW)
	sc.freshW = append(sc.freshW, string(w))
	sc.freshN = append(sc.freshN, 1)
	return 0, false
}

// add counts n uses of word id.
func (sc *scratch) add(id uint32, n uint8) {
	if sc.n[id] == 0 {
		sc.ids = append(sc.ids, id)
	}
	sc.n[id] = uint8(min(int(sc.n[id])+int(n), 255))
}

// finish returns the text's words and its groups with their scores (one
// for each use of a word of the group, at most maxBodyScore), and leaves
// the scratch empty; t.mu is held.
func (sc *scratch) finish(t *table) (words, groups packed) {
	sc.grow(t)
	for _, id := range sc.ids {
		g := t.words[id].group
		s := sc.gn[g]
		if s == 0 {
			sc.gs = append(sc.gs, g)
		}
		sc.gn[g] = min(s+min(sc.n[id], maxBodyScore), maxBodyScore)
	}
	sortIDs(sc.ids, sc.bits[:(len(t.words)+63)/64])
	sortIDs(sc.gs, sc.bits[:(len(t.names)+63)/64])
	for i, g := range sc.gs {
		sc.gs[i] = g<<8 | uint32(sc.gn[g])
		sc.gn[g] = 0
	}
	for _, id := range sc.ids {
		sc.n[id] = 0
	}
	words, groups = packNew(sc.ids), packNew(sc.gs)
	sc.ids, sc.gs = sc.ids[:0], sc.gs[:0]
	clear(sc.fresh)
	sc.freshW, sc.freshN = sc.freshW[:0], sc.freshN[:0]
	return words, groups
}

// sortIDs sorts ids, distinct numbers below 64×len(set), with set, a
// bitmap that is all clear and is left so: by setting each id's bit and
// reading the bitmap, 64 ids at a time, when the ids are not too few of
// its bits. A page has a few hundred of its site's thousands of words, and
// reading a bit for each of them costs less than sorting the page's.
func sortIDs(ids []uint32, set []uint64) {
	if len(set) > 32*len(ids) {
		slices.Sort(ids)
		return
	}
	for _, id := range ids {
		set[id>>6] |= 1 << (id & 63)
	}
	ids = ids[:0]
	for i, w := range set {
		if w == 0 {
			continue
		}
		set[i] = 0
		for ; w != 0; w &= w - 1 {
			ids = append(ids, uint32(i)<<6|uint32(bits.TrailingZeros64(w)))
		}
	}
}

// scratch returns a scratch from the pool, to be put back.
func (t *table) scratch() *scratch {
	sc, _ := t.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{fresh: map[string]int{}, memo: new(memo)}
	}
	return sc
}

// body analyses a page's body: its headings and its text.
func (t *table) body(headings []string, text []byte) *Body {
	sc := t.scratch()
	defer t.pool.Put(sc)
	var heads [][]string
	for _, h := range headings[:min(len(headings), 2)] {
		var ws []string
		words(t.l, &sc.buf, h, func(w []byte) { ws = append(ws, string(w)) })
		heads = append(heads, ws)
	}
	sc.buf.fold = textStart(sc.buf.fold[:0], text, excerptRunes+2)
	b := &Body{t: t, start: string(sc.buf.fold)}
	t.mu.RLock()
	sc.grow(t)
	sc.countText(t, text)
	if len(sc.freshW) == 0 && t.knows(heads) {
		defer t.mu.RUnlock()
	} else {
		t.mu.RUnlock()
		t.mu.Lock()
		defer t.mu.Unlock()
		for i, w := range sc.freshW {
			id := t.id(w)
			sc.grow(t)
			sc.add(id, sc.freshN[i])
		}
	}
	b.words, b.groups = sc.finish(t)
	for _, ws := range heads {
		ids := make([]uint32, len(ws))
		for i, w := range ws {
			ids[i] = t.id(w)
		}
		b.heads = append(b.heads, ids)
	}
	return b
}

// knows reports whether the table has every word of ws; t.mu is held.
func (t *table) knows(ws [][]string) bool {
	for _, w := range ws {
		for _, w := range w {
			if _, ok := t.ids[w]; !ok {
				return false
			}
		}
	}
	return true
}

// textStart appends to dst the start of text's words, one space between
// each: all an excerpt shows of it. It has at most n runes, and n-1 or
// more unless it is all of the text, so that an excerpt made from it is
// the one made from the whole text.
func textStart(dst, text []byte, n int) []byte {
	from := len(dst)
	for w := range bytes.FieldsSeq(text) {
		if len(dst) > from {
			if n <= 1 {
				break
			}
			dst = append(dst, ' ')
			n--
		}
		if r := utf8.RuneCount(w); r > n {
			i := 0
			for range n {
				_, size := utf8.DecodeRune(w[i:])
				i += size
			}
			dst = append(dst, w[:i]...)
			break
		}
		dst = append(dst, w...)
		n -= utf8.RuneCount(w)
	}
	return dst
}

// Page is one page as the index has it: its body's analysis, what its
// fields add to its groups' scores, its words, and its row of result
// data. It is made once per version of the page, and never changed after.
type Page struct {
	body   *Body
	extra  packed // word ids of the title, keywords and description
	fields packed // group id << 8 | what the fields add to the text's score (at most maxScore), by group
	row    []byte // ["address","title","section","excerpt"]
}

// page analyses a page: its front matter's fields in d and its body b.
func (t *table) page(d Doc, b *Body) *Page {
	sc := t.scratch()
	defer t.pool.Put(sc)
	text, ends, fends := sc.fieldWords(t.l, d)
	word := func(i int) []byte {
		if i == 0 {
			return text[:ends[0]]
		}
		return text[ends[i-1]:ends[i]]
	}
	p := &Page{body: b, row: appendRow(make([]byte, 0, 64+len(d.URL)+len(d.Title)+len(d.Section)+2*excerptRunes),
		d.URL, d.Title, d.Section, excerpt(d.Excerpt, b.start))}
	p.row = slices.Clip(p.row)
	t.mu.RLock()
	known := true
	for i := range ends {
		if _, ok := t.ids[string(word(i))]; !ok {
			known = false
			break
		}
	}
	if known {
		defer t.mu.RUnlock()
	} else {
		t.mu.RUnlock()
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	ids := sc.ids[:0]
	for i := range ends {
		w := word(i)
		id, ok := t.ids[string(w)]
		if !ok {
			id = t.id(string(w))
		}
		ids = append(ids, id)
	}
	sc.scores = sc.scores[:0] // what the fields add to the text's scores
	from := 0
	for i, end := range fends {
		weight := weightKeyword
		switch {
		case i == 0:
			weight = weightTitle
		case i == len(fends)-1:
			weight = weightExcerpt
		}
		sc.field(t, ids[from:end], weight)
		from = end
	}
	for _, h := range b.heads {
		sc.field(t, h, weightHeading)
	}
	if fends[0] == 1 {
		sc.addScore(t.words[ids[0]].group, exactTitle)
	}
	fields := make([]uint32, 0, len(sc.scores))
	for _, gs := range sc.scores {
		fields = append(fields, gs.g<<8|uint32(min(gs.s, maxScore)))
	}
	slices.Sort(fields)
	p.fields = packNew(fields)
	slices.Sort(ids)
	p.extra = packNew(slices.Compact(ids))
	sc.ids = ids[:0]
	return p
}

// fieldWords returns the words of d's fields, folded, one after the other
// in text: the title's, each keyword's, the description's. Word i ends at
// ends[i], and field j's words at ends[fends[j]-1]. They are the
// scratch's memory, valid until its next use.
func (sc *scratch) fieldWords(l *language.Language, d Doc) (text []byte, ends, fends []int) {
	text, ends, fends = sc.fieldText[:0], sc.wordEnds[:0], sc.fieldEnds[:0]
	for i := range 2 + len(d.Keywords) {
		f := d.Title
		switch {
		case i == 1+len(d.Keywords):
			f = d.Excerpt
		case i > 0:
			f = d.Keywords[i-1]
		}
		words(l, &sc.buf, f, func(w []byte) {
			text = append(text, w...)
			ends = append(ends, len(text))
		})
		fends = append(fends, len(ends))
	}
	sc.fieldText, sc.wordEnds, sc.fieldEnds = text, ends, fends
	return text, ends, fends
}

// groupScore is what a page's fields add to a group's score.
type groupScore struct {
	g uint32
	s int
}

// field adds weight to the score of each group of the words ids of one
// field, once per group; t.mu is held. A page's fields have a few dozen
// words: a list is cheaper than a map.
func (sc *scratch) field(t *table, ids []uint32, weight int) {
	seen := sc.gs[:0]
	for _, id := range ids {
		if g := t.words[id].group; !slices.Contains(seen, g) {
			seen = append(seen, g)
			sc.addScore(g, weight)
		}
	}
	sc.gs = seen[:0]
}

func (sc *scratch) addScore(g uint32, s int) {
	for i := range sc.scores {
		if sc.scores[i].g == g {
			sc.scores[i].s += s
			return
		}
	}
	sc.scores = append(sc.scores, groupScore{g, s})
}

// release drops what only the merging of the page's postings and words
// needs, once Add merged them (stream.go).
func (p *Page) release() {
	if b := p.body; b != nil {
		b.words, b.groups, b.heads, b.start = nil, nil, nil, ""
	}
	p.extra, p.fields = nil, nil
}

// appendRow appends a page's row of result data, JSON as encoding/json
// writes a [4]string.
func appendRow(b []byte, url, title, section, excerpt string) []byte {
	b = append(b, '[')
	for i, s := range [4]string{url, title, section, excerpt} {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, s)
	}
	return append(b, ']')
}

// terms appends the page's groups with their scores (group id << 8 |
// score, by group) to dst: the text's scores with what the fields add,
// at most maxScore each.
func (p *Page) terms(dst []uint32) []uint32 {
	fs := cursor{p: p.fields}
	f, more := fs.next()
	for g := range p.body.groups.all() {
		for more && f>>8 < g>>8 {
			dst = append(dst, f)
			f, more = fs.next()
		}
		if more && f>>8 == g>>8 {
			dst = append(dst, g&^0xff|min(g&0xff+f&0xff, maxScore))
			f, more = fs.next()
			continue
		}
		dst = append(dst, g)
	}
	for more {
		dst = append(dst, f)
		f, more = fs.next()
	}
	return dst
}

// excerpt is what a result shows of a page: its description and the start
// of its text, cut at a word.
func excerpt(desc, start string) string {
	var sb strings.Builder
	sb.Grow(len(desc) + 1 + len(start))
	for _, f := range [2]string{desc, start} {
		for w := range strings.FieldsSeq(f) {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
		}
	}
	s := sb.String()
	if utf8.RuneCountInString(s) <= excerptRunes {
		return s
	}
	// The first excerptRunes runes, a byte that is not UTF-8 written as
	// U+FFFD (as converting to runes and back would).
	cut := make([]byte, 0, min(len(s), 4*excerptRunes)+len(" …"))
	n := 0
	for _, r := range s {
		if n == excerptRunes {
			break
		}
		cut = utf8.AppendRune(cut, r)
		n++
	}
	if i := bytes.LastIndexByte(cut, ' '); i > excerptRunes/2 {
		cut = cut[:i]
	}
	return string(append(bytes.TrimRight(cut, " ,.;:"), " …"...))
}
