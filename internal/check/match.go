package check

import (
	"github.com/torv/torv/internal/markup"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/torv/torv/internal/readability"
)

// A matcher finds the phrases of a word list (jargon, glossary terms, the
// long words a site allows) in the words of a block. Matching is by whole
// words, ignoring case and punctuation: "i henhold til" matches "I henhold
// til," and "jf." matches "jf". The last word of a phrase also matches
// with the language's usual endings ("bevilling" matches "bevillingen",
// "bevillinger"), or with any ending when the phrase ends in "*". A phrase
// written in capitals ("CPR") is an abbreviation and matches only as
// written.
type matcher struct {
	// firsts has a bit for the hash of every first word (lower-cased, and
	// with its endings), and prefixes for the first prefixLen bytes of
	// every phrase ending in "*": nearly every word of a text has neither,
	// and needs no look-up, which keeps matching cheap on ten thousand
	// pages.
	firsts, prefixes bloom
	// starts has a bit for the first two bytes of the words in firsts and
	// prefixes: cheaper than a hash, and enough to pass most words by.
	starts [1 << 16 / 64]uint64
	words  map[string][]*phrase // by first word, lower-cased; one-word phrases also by their inflected forms
	exact  map[string][]*phrase // capitals, by first word as written
	prefix map[string][]*phrase // one-word phrases ending in "*", by their first prefixLen bytes
	ends   []string
	n      int // phrases
}

func (m *matcher) start(w []byte) {
	k := startKey(w)
	m.starts[k/64] |= 1 << (k % 64)
}

const prefixLen = 4

// phrase is one entry of a word list.
type phrase struct {
	words  []string // lower-cased, or as written when exact
	prefix bool
	exact  bool
	text   string // as written, without "*"
	id     int    // the caller's index
}

func newMatcher(lang string) *matcher {
	return &matcher{words: map[string][]*phrase{}, exact: map[string][]*phrase{}, prefix: map[string][]*phrase{},
		ends: endings[lang]}
}

// endings are the endings the last word of a phrase may take: the
// definite and plural forms of nouns, and the usual verb endings.
var endings = map[string][]string{
	"da": {"e", "en", "er", "et", "ne", "ene", "erne", "ens", "ets", "es", "ers", "ernes", "s", "n", "r", "t", "ede", "te"},
	"nb": {"e", "en", "er", "et", "a", "ne", "ene", "ane", "erne", "ens", "ets", "es", "s", "n", "r", "t", "ede", "te"},
	"sv": {"en", "et", "n", "t", "ar", "arna", "er", "erna", "or", "orna", "na", "ns", "ens", "ets", "s", "e", "a", "de", "te"},
	"en": {"s", "es", "'s", "ed", "d", "ing"},
}

// add adds a phrase; it returns false for one without words.
func (m *matcher) add(text string, id int) bool {
	text = strings.TrimSpace(text)
	prefix := strings.HasSuffix(text, "*")
	text = strings.TrimSpace(strings.TrimSuffix(text, "*"))
	var t readability.Text
	t.Split([]byte(text), 0, len(text), "en")
	if len(t.Words) == 0 {
		return false
	}
	p := &phrase{text: text, id: id, prefix: prefix, exact: markup.IsCapitals(text)}
	for _, w := range t.Words {
		word := text[w.Start:w.End]
		if !p.exact {
			word = strings.ToLower(word)
		}
		p.words = append(p.words, word)
	}
	first, last := p.words[0], p.words[len(p.words)-1]
	switch {
	case p.exact:
		m.exact[first] = append(m.exact[first], p)
		m.firsts.add(foldHash([]byte(first)))
		m.start([]byte(first))
	case prefix && len(p.words) == 1 && len(first) >= prefixLen:
		k := first[:prefixLen]
		m.prefix[k] = append(m.prefix[k], p)
		m.prefixes.add(foldHash([]byte(k)))
		m.start([]byte(first))
	case len(p.words) == 1 && utf8.RuneCountInString(last) >= 4:
		m.words[first] = append(m.words[first], p)
		m.firsts.add(foldHash([]byte(first)))
		m.start([]byte(first))
		for _, e := range m.ends {
			m.words[first+e] = append(m.words[first+e], p)
			m.firsts.add(foldHash([]byte(first + e)))
		}
	default:
		m.words[first] = append(m.words[first], p)
		m.firsts.add(foldHash([]byte(first)))
		m.start([]byte(first))
	}
	m.n++
	return true
}

// match is a phrase found at words[first:last+1].
type match struct {
	first, last int
	p           *phrase
}

// find calls f for each phrase in words, which buf holds, left to right;
// matches do not overlap, and the longest phrase wins.
func (m *matcher) find(words []readability.Word, buf []byte, scratch *[]byte, f func(match)) {
	if m == nil || m.n == 0 {
		return
	}
	for i := 0; i < len(words); i++ {
		w := buf[words[i].Start:words[i].End]
		if k := startKey(w); m.starts[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		pre := len(w) >= prefixLen && m.prefixes.has(foldHash(w[:prefixLen]))
		if !pre && !m.firsts.has(foldHash(w)) {
			continue
		}
		*scratch = lower((*scratch)[:0], w)
		low := *scratch
		var best *phrase
		bestLast := -1
		try := func(cands []*phrase) {
			for _, p := range cands {
				n := bestLast - i + 1
				// The longest phrase wins; of two as long, the one written
				// as the text has it ("innvilget", not "innvilge" + t).
				if len(p.words) < n || len(p.words) == n && (best.words[0] == string(low) || p.words[0] != string(low)) {
					continue
				}
				if last, ok := m.rest(p, words, buf, i); ok {
					best, bestLast = p, last
				}
			}
		}
		try(m.words[string(low)])
		try(m.exact[string(w)])
		if pre && len(low) >= prefixLen {
			try(m.prefix[string(low[:prefixLen])])
		}
		if best != nil {
			f(match{first: i, last: bestLast, p: best})
			i = bestLast
		}
	}
}

// rest matches the words of p from words[i] on and returns the index of
// its last word.
func (m *matcher) rest(p *phrase, words []readability.Word, buf []byte, i int) (last int, ok bool) {
	if len(p.words) == 1 {
		w := buf[words[i].Start:words[i].End]
		if p.prefix {
			return i, hasPrefixFold(w, p.words[0])
		}
		return i, true // found by its form in the map
	}
	if i+len(p.words) > len(words) {
		return 0, false
	}
	for k, pw := range p.words {
		j := i + k
		if k > 0 && !onlySpace(buf[words[j-1].End:words[j].Start]) {
			return 0, false
		}
		w := string(buf[words[j].Start:words[j].End])
		switch {
		case p.exact && w == pw:
		case !p.exact && strings.EqualFold(w, pw):
		case k == len(p.words)-1 && !p.exact && m.inflected(w, pw, p.prefix):
		default:
			return 0, false
		}
	}
	return i + len(p.words) - 1, true
}

// inflected reports whether w is pw with an ending (or, for a prefix
// phrase, with anything after it).
func (m *matcher) inflected(w, pw string, prefix bool) bool {
	lw := strings.ToLower(w)
	if !strings.HasPrefix(lw, pw) {
		return false
	}
	if prefix {
		return true
	}
	for _, e := range m.ends {
		if lw[len(pw):] == e {
			return true
		}
	}
	return false
}

func hasPrefixFold(w []byte, prefix string) bool {
	var buf [64]byte
	low := lower(buf[:0], w)
	return strings.HasPrefix(string(low), prefix)
}

// onlySpace reports whether the bytes between two words are white space
// (and the full stop of an abbreviation such as "jf.").
func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '.' {
			return false
		}
	}
	return true
}

// bloom is a set of hashes that may say yes wrongly, never no wrongly.
type bloom [1 << 16 / 64]uint64

func (b *bloom) add(h uint32)      { b[h>>6&(1<<10-1)] |= 1 << (h & 63) }
func (b *bloom) has(h uint32) bool { return b[h>>6&(1<<10-1)]&(1<<(h&63)) != 0 }

// foldHash hashes a word as lower would write it, without writing it:
// ASCII and the Latin-1 capitals (Æ, Ø, Å, Ä, Ö, É ...) are folded; other
// capitals are rare at the start of a phrase and at worst miss the
// filter's lower case. FNV-1a.
func foldHash(w []byte) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80 && c <= 0x9E && c != 0x97 && i > 0 && w[i-1] == 0xC3:
			c += 0x20
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// startKey is the first two bytes of a word, folded as foldHash folds.
func startKey(w []byte) uint16 {
	var b [2]byte
	for i := 0; i < 2 && i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80 && c <= 0x9E && c != 0x97 && i > 0 && w[i-1] == 0xC3:
			c += 0x20
		}
		b[i] = c
	}
	return uint16(b[0])<<8 | uint16(b[1])
}

// lower appends w lower-cased to dst.
func lower(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}
