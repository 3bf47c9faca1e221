package readability

import (
	"unicode"
	"unicode/utf8"
)

// LongWord is the number of letters a word must exceed to count as long in
// LIX.
const LongWord = 6

// Word is one word: the bytes text[Start:End] and how many of them are
// letters.
type Word struct {
	Start, End int
	Letters    int
}

// Sentence is a run of words ended by a sentence mark or by the end of its
// block.
type Sentence struct {
	Start, End int // bytes: from its first word to its end mark and closing quotes
	First, N   int // its words are Text.Words[First : First+N]
	Long       int // words of more than LongWord letters
}

// Text is text split into words and sentences. The zero Text is ready to
// use; Reset empties it and keeps its memory.
type Text struct {
	Words     []Word
	Sentences []Sentence
}

// Reset empties t for the next page.
func (t *Text) Reset() {
	t.Words = t.Words[:0]
	t.Sentences = t.Sentences[:0]
}

// Stats returns the counts of everything split into t so far.
func (t *Text) Stats() Stats {
	s := Stats{Words: len(t.Words), Sentences: len(t.Sentences)}
	for _, x := range t.Sentences {
		s.Long += x.Long
	}
	return s
}

// SentenceWords returns the words of sentence i.
func (t *Text) SentenceWords(i int) []Word {
	s := t.Sentences[i]
	return t.Words[s.First : s.First+s.N]
}

// Split splits the block text[start:end], written in language lang ("da",
// "sv", "nb" or "en"; others are read as Danish), and appends its words and
// sentences to t. The end of the block ends its last sentence.
func (t *Text) Split(text []byte, start, end int, lang string) {
	abbr := abbreviations[lang]
	if abbr == nil {
		abbr = abbreviations["da"]
	}
	first := len(t.Words) // the current sentence's first word
	sentStart, long := -1, 0
	closeSentence := func(at int) {
		n := len(t.Words) - first
		if n == 0 {
			return
		}
		t.Sentences = append(t.Sentences, Sentence{Start: sentStart, End: at, First: first, N: n, Long: long})
		first = len(t.Words)
		sentStart, long = -1, 0
	}
	i := start
	defer func() {
		if n := len(t.Words); n > first {
			closeSentence(t.Words[n-1].End)
		}
	}()
	for i < end {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:end])
		}
		if isWordRune(r) {
			w := Word{Start: i}
			for i < end {
				c := text[i]
				if c < utf8.RuneSelf {
					// ASCII, most of any Nordic text: no decoding.
					switch {
					case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
						w.Letters++
						i++
						continue
					case '0' <= c && c <= '9':
						i++
						continue
					case c != '-' && c != '\'' && c != '.' && c != ',' && c != ':':
						goto done
					}
				}
				r, size := utf8.DecodeRune(text[i:end])
				switch {
				case unicode.IsLetter(r):
					w.Letters++
				case unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '\u00ad': // marks and soft hyphens sit inside words
				case joins(r, text, i+size, end, text[w.Start:i]):
				default:
					goto done
				}
				i += size
			}
		done:
			w.End = i
			if sentStart < 0 {
				sentStart = w.Start
			}
			if w.Letters > LongWord {
				long++
			}
			t.Words = append(t.Words, w)
			continue
		}
		if isMark(r) && len(t.Words) > first {
			// Take the whole run of marks and closing quotes: "?!", "...", ".»".
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRune(text[j:end])
				if !isMark(r2) && !isCloser(r2) {
					break
				}
				j += s2
			}
			if endsSentence(r, text, j, end, t.Words[len(t.Words)-1], abbr) {
				closeSentence(j)
			}
			i = j
			continue
		}
		i += size
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isMark(r rune) bool { return r == '.' || r == '!' || r == '?' || r == ':' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', ')', ']', '*', '_':
		return true
	}
	return false
}

// joins reports whether r, at the end of the word so far (word) and
// followed by text[next:], keeps the word going: a hyphen or apostrophe
// between letters or digits, a full stop between letters or digits, a
// comma or colon between digits ("12,5", "9:30").
func joins(r rune, text []byte, next, end int, word []byte) bool {
	switch r {
	case '-', '\u2011', '\'', '’', '.', ',', ':':
	default:
		return false
	}
	if next >= end || len(word) == 0 {
		return false
	}
	after, _ := utf8.DecodeRune(text[next:end])
	before, _ := utf8.DecodeLastRune(word)
	if r == ',' || r == ':' {
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return isWordRune(before) && isWordRune(after)
}

// endsSentence decides whether mark, the first of a run of marks that ends
// at text[next], ends the sentence whose last word is last.
func endsSentence(mark rune, text []byte, next, end int, last Word, abbr map[string]bool) bool {
	switch mark {
	case '!', '?':
		return true
	case ':':
		if next >= end {
			return true
		}
		r, _ := utf8.DecodeRune(text[next:end])
		return unicode.IsSpace(r)
	}
	// A full stop or an ellipsis.
	j := next
	for j < end {
		r, size := utf8.DecodeRune(text[j:end])
		if !unicode.IsSpace(r) && !isOpener(r) {
			break
		}
		j += size
	}
	if j >= end {
		return true
	}
	if r, _ := utf8.DecodeRune(text[j:end]); unicode.IsLower(r) {
		return false
	}
	return mark != '.' || !isAbbreviation(text[last.Start:last.End], abbr)
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '»', '«', '(', '[', '*', '_':
		return true
	}
	return false
}

// isAbbreviation looks word up, lower-cased, in abbr without allocating.
func isAbbreviation(word []byte, abbr map[string]bool) bool {
	var buf [16]byte
	if len(word) > maxAbbreviation {
		return false
	}
	n := 0
	for _, r := range string(word) {
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			return false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return abbr[string(buf[:n])]
}

// abbreviations are those that a full stop follows inside a sentence, often
// before a capital letter ("jf. Forvaltningsloven"), and that rarely end
// one. Abbreviations that often end a sentence ("osv.", "etc.") are left
// out: the lower-case rule covers them inside a sentence.
var abbreviations = map[string]map[string]bool{
	"da": set("fx", "f.eks", "bl.a", "ca", "kl", "nr", "jf", "jvf", "dvs", "d.v.s", "evt", "inkl", "ekskl",
		"pga", "p.g.a", "ang", "vedr", "tlf", "stk", "hhv", "iflg", "mht", "m.h.t", "pkt", "st", "sk"),
	"nb": set("f.eks", "bl.a", "ca", "kl", "nr", "jf", "jfr", "dvs", "d.v.s", "evt", "inkl", "pga", "p.g.a",
		"ang", "vedr", "tlf", "iht", "i.h.t", "mht", "m.h.t", "pkt", "st", "ref", "hhv"),
	"sv": set("t.ex", "bl.a", "ca", "kl", "nr", "jfr", "dvs", "d.v.s", "resp", "s.k", "p.g.a", "pga",
		"inkl", "exkl", "ang", "tel", "t.o.m", "fr.o.m", "enl", "s.a.s", "f.d"),
	"en": set("e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "no", "vs", "cf", "approx", "tel", "fig", "ca", "prof"),
}

// maxAbbreviation is the length in bytes of the longest abbreviation of
// any list: longer words need no look-up.
const maxAbbreviation = 8

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if len(w) > maxAbbreviation {
			panic("readability: abbreviation longer than maxAbbreviation: " + w)
		}
		m[w] = true
	}
	return m
}
