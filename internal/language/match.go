package language

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file is the phrase matcher; see "Phrases" in the package
// documentation.

// Matcher finds the phrases of a list (glossary terms, jargon, allowed
// words) in text. Make it with NewMatcher and Add every phrase before the
// first Find; from then on it is read only, and safe for concurrent use.
type Matcher struct {
	l *Language
	// starts has a bit for the first two bytes of every first part,
	// folded: nearly every word of a text starts otherwise, and is passed
	// by without a look-up, whatever the number of phrases.
	starts [1 << 16 / 64]uint64
	// firsts and capitals are Bloom filters of the keys of words and
	// exact: of the words that pass starts, most are in neither map.
	firsts, capitals bloom
	words            map[string][]*phrase // by folded first part; one-part phrases also by their inflected forms
	exact            map[string][]*phrase // phrases in capitals, by first part as written
	prefix           map[string][]*phrase // one-part phrases ending in "*", by their first bytes, folded
	plens            uint8                // bit n: prefix has keys of n bytes
	n                int
	pool             sync.Pool // *matchScratch
}

// prefixLen is the most bytes of a prefix phrase that key it in
// Matcher.prefix.
const prefixLen = 4

// phrase is one entry of a Matcher.
type phrase struct {
	parts    []string // folded, or as written when exact
	gaps     []gap    // gaps[k] is between parts[k] and parts[k+1]
	exact    bool     // written in capitals: matches only as written
	prefix   bool     // written with a final "*": the last part matches any ending
	inflects bool     // the last part takes the language's endings
	id       int
	order    int
}

// gap is what may stand between two parts of a phrase in a text.
type gap uint8

const (
	gapSpace      gap = iota // spaces or hyphens: "digital post", "digital-post"
	gapStop                  // a full stop, then spaces: "jf. reglerne"
	gapApostrophe            // an apostrophe, inside a word: "don't"
)

// Match is a phrase found in a text.
type Match struct {
	Start, End int // bytes of the text: from the phrase's first part to its last
	ID         int // the phrase's id, as given to Add
	// Inflected is set when the last part is not written as the phrase
	// writes it, but with one of the language's endings ("partshøringen"
	// for "partshøring") or, for a phrase ending in "*", with any ending.
	Inflected bool
}

// NewMatcher returns an empty Matcher of phrases in language l.
func NewMatcher(l *Language) *Matcher {
	m := &Matcher{l: l, words: map[string][]*phrase{}, exact: map[string][]*phrase{}, prefix: map[string][]*phrase{}}
	m.pool.New = func() any { return &matchScratch{} }
	return m
}

// Len returns the number of phrases added.
func (m *Matcher) Len() int { return m.n }

// IsCapitals reports whether s has two letters or more, all capitals: an
// abbreviation such as "CPR", which a Matcher matches only as written, so
// that English "it" is not "IT".
func IsCapitals(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Add adds a phrase with the caller's id, and reports false for one
// without words, which is left out. A final "*" lets the last word take
// any ending.
func (m *Matcher) Add(text string, id int) bool {
	text = strings.TrimSpace(text)
	prefix := strings.HasSuffix(text, "*")
	text = strings.TrimSpace(strings.TrimSuffix(text, "*"))
	p := &phrase{exact: IsCapitals(text), prefix: prefix, id: id, order: m.n}
	b := []byte(text)
	prevEnd := -1
	for w := range m.l.Words(b) {
		if prevEnd >= 0 {
			g := gapSpace
			if strings.Contains(text[prevEnd:w.Start], ".") {
				g = gapStop
			}
			p.gaps = append(p.gaps, g)
		}
		first := true
		parts(b, w.Start, w.End, func(s, e int) {
			if !first {
				g := gapSpace
				if r, _ := utf8.DecodeLastRune(b[:s]); isApostrophe(r) {
					g = gapApostrophe
				}
				p.gaps = append(p.gaps, g)
			}
			first = false
			part := text[s:e]
			if !p.exact {
				part = m.l.Fold(part)
			}
			p.parts = append(p.parts, part)
		})
		prevEnd = w.End
	}
	if len(p.parts) == 0 {
		return false
	}
	last := p.parts[len(p.parts)-1]
	// Short words take no endings: "jf" + "s" is no word, "sag" + "e" is
	// another.
	p.inflects = !p.exact && !prefix && utf8.RuneCountInString(last) >= 4
	first := p.parts[0]
	switch {
	case p.exact:
		m.exact[first] = append(m.exact[first], p)
		m.capitals.add([]byte(first))
		m.start(m.l.Fold(first))
	case prefix && len(p.parts) == 1:
		k := first[:min(len(first), prefixLen)]
		m.prefix[k] = append(m.prefix[k], p)
		m.plens |= 1 << len(k)
		m.start(k)
	default:
		m.words[first] = append(m.words[first], p)
		m.firsts.add([]byte(first))
		m.start(first)
		if p.inflects && len(p.parts) == 1 {
			for _, e := range m.l.endings {
				m.words[first+e] = append(m.words[first+e], p)
				m.firsts.add([]byte(first + e))
			}
		}
	}
	m.n++
	return true
}

func (m *Matcher) start(folded string) {
	k := startKey([]byte(folded))
	m.starts[k/64] |= 1 << (k % 64)
}

// startKey is the first two bytes of a folded word.
func startKey(w []byte) uint16 {
	var k uint16
	if len(w) > 0 {
		k = uint16(w[0]) << 8
	}
	if len(w) > 1 {
		k |= uint16(w[1])
	}
	return k
}

// bloom is a set of words that may say yes wrongly, never no wrongly.
type bloom [1 << 16 / 64]uint64

func (b *bloom) add(w []byte) {
	h := fnv(w)
	b[h>>6&(1<<10-1)] |= 1 << (h & 63)
}

func (b *bloom) has(w []byte) bool {
	h := fnv(w)
	return b[h>>6&(1<<10-1)]&(1<<(h&63)) != 0
}

// fnv is the FNV-1a hash of w.
func fnv(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// matchScratch is one Find's memory, reused from call to call.
type matchScratch struct {
	parts []span
	fold  []byte
}

// span is a part of a word in a text; word tells the first part of a
// word from the later ones.
type span struct {
	start, end int
	word       bool
}

// Find calls yield with each phrase in text, from left to right, until
// yield returns false. Matches do not overlap: where phrases start at one
// part, the longest wins, then one written as the text has it, then one in
// capitals, then the first added; the parts of a match are not searched
// for other phrases.
func (m *Matcher) Find(text []byte, yield func(Match) bool) {
	if m == nil || m.n == 0 {
		return
	}
	sc := m.pool.Get().(*matchScratch)
	defer m.pool.Put(sc)
	sc.parts = sc.parts[:0]
	eachWord(text, func(w Token, joined bool) bool {
		if !joined {
			sc.parts = append(sc.parts, span{w.Start, w.End, true})
			return true
		}
		first := true
		parts(text, w.Start, w.End, func(a, b int) {
			sc.parts = append(sc.parts, span{a, b, first})
			first = false
		})
		return true
	})
	for i := 0; i < len(sc.parts); i++ {
		if match, ok := m.at(text, sc, i); ok {
			if !yield(match) {
				return
			}
			for sc.parts[i].end < match.End {
				i++
			}
		}
	}
}

// at returns the best phrase that starts at part i.
func (m *Matcher) at(text []byte, sc *matchScratch, i int) (Match, bool) {
	p := sc.parts[i]
	raw := text[p.start:p.end]
	if len(raw) >= 2 && raw[0] < utf8.RuneSelf && raw[1] < utf8.RuneSelf {
		// Most words start with two ASCII letters, which fold to
		// themselves in lower case: the filter needs no folding.
		if k := uint16(lowerASCII(raw[0]))<<8 | uint16(lowerASCII(raw[1])); m.starts[k/64]&(1<<(k%64)) == 0 {
			return Match{}, false
		}
	}
	sc.fold = m.l.AppendFold(sc.fold[:0], raw)
	if k := startKey(sc.fold); m.starts[k/64]&(1<<(k%64)) == 0 {
		return Match{}, false
	}
	var best *phrase
	var bestMatch Match
	n := 0 // parts of the best
	try := func(cands []*phrase) {
		for _, ph := range cands {
			if len(ph.parts) < n {
				continue
			}
			last, inflected, ok := m.rest(text, sc, i, ph)
			if ok && (best == nil || better(ph, inflected, best, bestMatch.Inflected)) {
				best, n = ph, len(ph.parts)
				bestMatch = Match{Start: p.start, End: sc.parts[last].end, ID: ph.id, Inflected: inflected}
			}
		}
	}
	if m.firsts.has(sc.fold) {
		try(m.words[string(sc.fold)])
	}
	if c := raw[0]; (c < 'a' || c > 'z') && m.capitals.has(raw) { // a word in capitals starts with none of these
		try(m.exact[string(raw)])
	}
	for k := 1; k <= prefixLen && k <= len(sc.fold); k++ {
		if m.plens&(1<<k) != 0 {
			try(m.prefix[string(sc.fold[:k])])
		}
	}
	return bestMatch, best != nil
}

// better reports whether phrase a, matched with inflected ai, beats b.
func better(a *phrase, ai bool, b *phrase, bi bool) bool {
	switch {
	case len(a.parts) != len(b.parts):
		return len(a.parts) > len(b.parts)
	case ai != bi:
		return !ai
	case a.exact != b.exact:
		return a.exact
	}
	return a.order < b.order
}

// rest matches the parts of ph from part i of the text on, and returns
// the index of its last part and whether that is inflected.
func (m *Matcher) rest(text []byte, sc *matchScratch, i int, ph *phrase) (last int, inflected, ok bool) {
	if i+len(ph.parts) > len(sc.parts) {
		return 0, false, false
	}
	var buf [64]byte
	for k, want := range ph.parts {
		p := sc.parts[i+k]
		if k > 0 && !gapMatches(ph.gaps[k-1], text[sc.parts[i+k-1].end:p.start], p.word) {
			return 0, false, false
		}
		got := text[p.start:p.end]
		if ph.exact {
			if string(got) != want {
				return 0, false, false
			}
			continue
		}
		folded := m.l.AppendFold(buf[:0], got)
		switch {
		case string(folded) == want:
		case k < len(ph.parts)-1 || !strings.HasPrefix(string(folded), want):
			return 0, false, false
		case ph.prefix || ph.inflects && m.isEnding(string(folded[len(want):])):
			inflected = true
		default:
			return 0, false, false
		}
	}
	return i + len(ph.parts) - 1, inflected, true
}

func (m *Matcher) isEnding(e string) bool {
	for _, x := range m.l.endings {
		if x == e {
			return true
		}
	}
	return false
}

// gapMatches reports whether the bytes between two parts of a text stand
// for gap g of a phrase; word says the second part starts a word.
func gapMatches(g gap, b []byte, word bool) bool {
	switch g {
	case gapApostrophe:
		r, n := utf8.DecodeRune(b)
		return !word && n == len(b) && isApostrophe(r)
	case gapStop:
		if len(b) > 0 && b[0] == '.' {
			b = b[1:]
		}
	}
	if len(b) == 0 {
		return false
	}
	for _, r := range string(b) {
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '\u202f' && !isHyphen(r) {
			return false
		}
	}
	return true
}
