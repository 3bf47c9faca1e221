package search

import (
	"cmp"
	"slices"
	"strings"

	"github.com/torv/torv/internal/language"
)

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

// index is a language's index before it is written as files.
type index struct {
	lang   *language.Language
	docs   []Doc
	groups map[string]map[int]int // group (stem's key) -> page -> score
	keys   map[string]map[string]bool
	// keys: key -> group -> whether the key is a compound's last part
}

// build indexes docs in their order.
func build(l *language.Language, docs []Doc) *index {
	x := &index{lang: l, docs: docs, groups: map[string]map[int]int{}, keys: map[string]map[string]bool{}}
	vocab := map[string]string{} // folded word -> group
	for i, d := range docs {
		scores := map[string]int{}
		body := map[string]int{}
		add := func(text string, weight int, f map[string]int) {
			seen := map[string]bool{}
			words(l, text, func(w string) {
				g := x.word(vocab, w)
				if f != nil {
					f[g]++
					return
				}
				if !seen[g] {
					seen[g] = true
					scores[g] += weight
				}
			})
		}
		add(d.Title, weightTitle, nil)
		for _, k := range d.Keywords {
			add(k, weightKeyword, nil)
		}
		for _, h := range d.Headings[:min(len(d.Headings), 2)] {
			add(h, weightHeading, nil)
		}
		add(d.Excerpt, weightExcerpt, nil)
		add(d.Text, 0, body)
		for g, n := range body {
			scores[g] += min(n, maxBodyScore)
		}
		single := singleWord(l, d.Title)
		for g, s := range scores {
			if s == 0 {
				continue
			}
			if x.groups[g] == nil {
				x.groups[g] = map[int]int{}
			}
			if g == single {
				s += exactTitle
			}
			x.groups[g][i] = min(s, maxScore)
		}
	}
	x.compounds(vocab)
	return x
}

// word notes a folded word in the vocabulary and under its key, and
// returns its group.
func (x *index) word(vocab map[string]string, w string) string {
	g, ok := vocab[w]
	if !ok {
		g = language.SearchKey(x.lang.Stem(w))
		vocab[w] = g
		x.ref(language.SearchKey(w), g, false)
	}
	return g
}

func (x *index) ref(key, group string, tail bool) {
	m := x.keys[key]
	if m == nil {
		m = map[string]bool{}
		x.keys[key] = m
	}
	if old, ok := m[group]; !ok || old && !tail {
		m[group] = tail
	}
}

// singleWord is the group of a title of one word, "" for any other.
func singleWord(l *language.Language, title string) string {
	var ws []string
	words(l, title, func(w string) { ws = append(ws, w) })
	if len(ws) != 1 {
		return ""
	}
	return language.SearchKey(l.Stem(ws[0]))
}

// compounds makes the last parts of compound words keys of the whole
// words' groups; see "Compound words" in the package documentation.
func (x *index) compounds(vocab map[string]string) {
	stems := map[string]bool{}
	for _, g := range vocab {
		stems[g] = true
	}
	known := func(w string) bool {
		_, ok := vocab[w]
		return ok
	}
	ws := make([]string, 0, len(vocab))
	for w := range vocab {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	for _, w := range ws {
		r := []rune(w)
		if len(r) < minCompound {
			continue
		}
		g := vocab[w]
		if x.groups[g] == nil {
			continue // a word only of headings past the second: no pages
		}
		for i := minCompoundTop; i <= len(r)-minCompoundEnd; i++ {
			head, tail := string(r[:i]), string(r[i:])
			ok := known(tail) || stems[language.SearchKey(x.lang.Stem(tail))] || known(head) ||
				(strings.HasSuffix(head, "s") || strings.HasSuffix(head, "e")) && known(head[:len(head)-1])
			if ok {
				x.ref(language.SearchKey(tail), g, true)
			}
		}
	}
}

// sortedKeys returns the index's keys in order.
func (x *index) sortedKeys() []string {
	ks := make([]string, 0, len(x.keys))
	for k := range x.keys {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// posting is one page of a group.
type posting struct{ doc, score int }

// postings returns a group's best pages, at most max, in page order, and
// how many pages it has.
func (x *index) postings(g string, max int) ([]posting, int) {
	m := x.groups[g]
	ps := make([]posting, 0, len(m))
	for d, s := range m {
		ps = append(ps, posting{d, s})
	}
	slices.SortFunc(ps, func(a, b posting) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	if len(ps) > max {
		ps = ps[:max]
	}
	slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
	return ps, len(m)
}
