package search

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
// analysed on every core.
type table struct {
	mu     sync.Mutex
	l      *language.Language
	ids    map[string]uint32 // folded word -> id
	words  []wordInfo
	groups map[string]uint32 // group (a stem's key) -> id
	names  []string          // group id -> group
	tails  map[string]tail   // a compound's last part -> its key and its stem's group
	free   chan *scratch     // scratches no worker has now
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
	return &table{l: l, ids: map[string]uint32{}, groups: map[string]uint32{}, tails: map[string]tail{},
		free: make(chan *scratch, 16)}
}

// id returns the id of a folded word, noting it when new; t.mu is held.
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

// Body is what the index needs of a page's body: its words, each with how
// often the text has it, the words of its first two headings and the
// start of its text for the excerpt. It is made once per body, and never
// changed after.
type Body struct {
	t      *table     // the table of the words' ids
	words  []uint32   // word id << 4 | times used (at most 15)
	groups []uint32   // group id << 8 | the text's score (at most maxBodyScore), by group
	heads  [][]uint32 // word ids of the first two headings
	start  string     // the text's first words, one space between each, for the excerpt
}

const countBits = 4

// A scratch is what one render worker needs to analyse a body without
// taking the table's lock for each word, nor a string for each: the words
// it met before, with their ids and groups (ids never change and words are
// never forgotten, so what it knows stays true), and the counts of the
// page in hand, by word id. The table keeps the free ones; a worker takes
// one for a body and gives it back.
type scratch struct {
	ids   map[string]uint32 // folded word -> id; the strings are the table's
	group []uint32          // by word id: its group + 1, 0 for a word this scratch has not met
	n     []uint16          // by word id: times the body in hand has it
	seen  []uint32          // the ids of the body's words, in the order met
}

// scratch takes a free scratch, or makes one.
func (t *table) scratch() *scratch {
	select {
	case s := <-t.free:
		return s
	default:
		return &scratch{ids: map[string]uint32{}}
	}
}

// done gives s back, cleared of the body it counted.
func (t *table) done(s *scratch) {
	for _, id := range s.seen {
		s.n[id] = 0
	}
	s.seen = s.seen[:0]
	select {
	case t.free <- s:
	default: // more scratches than workers: let this one go
	}
}

// lookup returns the id and group of a folded word, from what s met, else
// from the table (noting the word there when new).
func (t *table) lookup(s *scratch, w []byte) (id, group uint32) {
	if id, ok := s.ids[string(w)]; ok {
		return id, s.group[id] - 1
	}
	t.mu.Lock()
	id = t.id(string(w))
	info := t.words[id]
	t.mu.Unlock()
	s.ids[info.word] = id
	if need := int(id) + 1; need > len(s.group) {
		s.group = append(s.group, make([]uint32, need-len(s.group)+need/4)...)
		s.n = append(s.n, make([]uint16, len(s.group)-len(s.n))...)
	}
	s.group[id] = info.group + 1
	return id, info.group
}

// count counts one use of a folded word in the body in hand.
func (t *table) count(s *scratch, w []byte) {
	id, _ := t.lookup(s, w)
	if s.n[id] == 0 {
		s.seen = append(s.seen, id)
	}
	if s.n[id] < 1<<16-1 {
		s.n[id]++
	}
}

// body analyses a page's body: its headings and its text.
func (t *table) body(headings []string, text string) *Body {
	s := t.scratch()
	defer t.done(s)
	words(t.l, text, func(w []byte) { t.count(s, w) })
	b := &Body{t: t, words: make([]uint32, len(s.seen)), start: textStart(text, excerptRunes+2)}
	gs := make([]uint32, len(s.seen))
	for i, id := range s.seen {
		n := uint32(s.n[id])
		b.words[i] = id<<countBits | min(n, 1<<countBits-1)
		gs[i] = (s.group[id]-1)<<8 | min(n, maxBodyScore)
	}
	b.groups = sumGroups(gs)
	for _, h := range headings[:min(len(headings), 2)] {
		var ids []uint32
		words(t.l, h, func(w []byte) {
			id, _ := t.lookup(s, w)
			ids = append(ids, id)
		})
		b.heads = append(b.heads, ids)
	}
	return b
}

// sumGroups sorts a text's groups with their scores (group << 8 | score,
// one for each word of the group) and adds up the scores of each group, at
// most maxBodyScore.
func sumGroups(gs []uint32) []uint32 {
	slices.Sort(gs)
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 && out[n-1]>>8 == g>>8 {
			out[n-1] = out[n-1]&^0xff | min(out[n-1]&0xff+g&0xff, maxBodyScore)
			continue
		}
		out = append(out, g)
	}
	return slices.Clip(out)
}

// textStart is the start of text's words, one space between each: all an
// excerpt shows of it. It has at most n runes, and n-1 or more unless it
// is all of the text, so that an excerpt made from it is the one made from
// the whole text.
func textStart(text string, n int) string {
	var sb strings.Builder
	for w := range strings.FieldsSeq(text) {
		if sb.Len() > 0 {
			if n <= 1 {
				break
			}
			sb.WriteByte(' ')
			n--
		}
		if r := utf8.RuneCountInString(w); r > n {
			i := 0
			for range n {
				_, size := utf8.DecodeRuneInString(w[i:])
				i += size
			}
			sb.WriteString(w[:i])
			break
		}
		sb.WriteString(w)
		n -= utf8.RuneCountInString(w)
	}
	return sb.String()
}

// Page is one page as the index has it: its groups with their scores, its
// words, and its row of result data. It is made once per version of the
// page, and never changed after.
type Page struct {
	body  *Body
	extra []uint32 // word ids of the title, keywords and description
	terms []uint32 // group id << 8 | score, by group id
	row   []byte   // ["address","title","section","excerpt"]
}

// page analyses a page: its front matter's fields in d and its body b.
func (t *table) page(d Doc, b *Body) *Page {
	var title []string
	words(t.l, d.Title, func(w []byte) { title = append(title, string(w)) })
	var kws [][]string
	for _, k := range d.Keywords {
		var ws []string
		words(t.l, k, func(w []byte) { ws = append(ws, string(w)) })
		kws = append(kws, ws)
	}
	var desc []string
	words(t.l, d.Excerpt, func(w []byte) { desc = append(desc, string(w)) })

	t.mu.Lock()
	defer t.mu.Unlock()
	p := &Page{body: b}
	scores := map[uint32]int{} // what the fields add to the text's scores
	field := func(ws []string, weight int) {
		seen := map[uint32]bool{}
		for _, w := range ws {
			id := t.id(w)
			p.extra = append(p.extra, id)
			if g := t.words[id].group; !seen[g] {
				seen[g] = true
				scores[g] += weight
			}
		}
	}
	field(title, weightTitle)
	for _, ws := range kws {
		field(ws, weightKeyword)
	}
	for _, ids := range b.heads {
		seen := map[uint32]bool{}
		for _, id := range ids {
			if g := t.words[id].group; !seen[g] {
				seen[g] = true
				scores[g] += weightHeading
			}
		}
	}
	field(desc, weightExcerpt)
	if len(title) == 1 {
		scores[t.words[t.ids[title[0]]].group] += exactTitle
	}
	p.terms = addScores(b.groups, scores)
	slices.Sort(p.extra)
	p.extra = slices.Compact(p.extra)
	p.row, _ = json.Marshal([4]string{d.URL, d.Title, d.Section, excerpt(d.Excerpt, b.start)}) // strings: cannot fail
	return p
}

// addScores returns the text's scores of groups (group << 8 | score, by
// group) with those of add, at most maxScore each.
func addScores(groups []uint32, add map[uint32]int) []uint32 {
	extra := make([]uint32, 0, len(add))
	for g := range add {
		extra = append(extra, g)
	}
	slices.Sort(extra)
	out := make([]uint32, 0, len(groups)+len(extra))
	i := 0
	for _, g := range groups {
		for i < len(extra) && extra[i] < g>>8 {
			out = append(out, extra[i]<<8|uint32(min(add[extra[i]], maxScore)))
			i++
		}
		if i < len(extra) && extra[i] == g>>8 {
			out = append(out, g&^0xff|uint32(min(int(g&0xff)+add[extra[i]], maxScore)))
			i++
			continue
		}
		out = append(out, g)
	}
	for ; i < len(extra); i++ {
		out = append(out, extra[i]<<8|uint32(min(add[extra[i]], maxScore)))
	}
	return out
}

// excerpt is what a result shows of a page: its description and the start
// of its text, cut at a word.
func excerpt(desc, start string) string {
	s := desc + " " + start
	if !clean(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = strings.TrimSpace(s)
	if len(s) <= excerptRunes || utf8.RuneCountInString(s) <= excerptRunes {
		return s
	}
	end := 0
	for range excerptRunes {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	cut := s[:end]
	if i := strings.LastIndexByte(cut, ' '); i > excerptRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + " …"
}

// clean reports whether s has no space but single ASCII spaces between
// words, as textStart makes them: then s need not be split and joined.
func clean(s string) bool {
	for i, r := range s {
		switch {
		case r == ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		case unicode.IsSpace(r):
			return false
		}
	}
	return true
}
