package language

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// This file splits text into words and sentences; see "Words" and
// "Sentences" in the package documentation.

// Kind is the kind of a Token.
type Kind uint8

const (
	// Word is a word: text[Start:End], with Letters letters.
	Word Kind = iota + 1
	// Stop ends a sentence: text[Start:End] is its mark or marks and the
	// closing quotes and brackets after them.
	Stop
)

// Token is a word or the end of a sentence, by byte offsets into the text
// it was read from.
type Token struct {
	Kind       Kind
	Start, End int
	Letters    int // a word's letters: what LIX counts as its length
}

// IsWordRune reports whether r belongs to a word: a letter, a number or a
// combining mark, so that an accent written as a letter and a combining
// mark ("e" + U+0301) stays inside its word. Every package that splits
// words asks this function.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// invisible are the format characters that sit inside words without
// showing: a soft hyphen, the zero-width (non-)joiners, the word joiner.
func invisible(r rune) bool {
	return r == '\u00ad' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// isHyphen reports whether r is a hyphen that joins a compound: the
// hyphen-minus editors type, U+2010 and the non-breaking U+2011.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Scanner reads the words and sentence ends of one block of text, one
// Token at a time, without allocating: the form of Tokens for loops over
// ten thousand pages. Make it with Scan.
type Scanner struct {
	l       *Language
	text    []byte
	i, end  int
	last    Token // the last word, whose abbreviation a full stop may end
	inWords int   // words since the last Stop
}

// Scan returns a Scanner of the block text[start:end].
func (l *Language) Scan(text []byte, start, end int) Scanner {
	return Scanner{l: l, text: text, i: start, end: end}
}

// Next returns the next token, or false at the end of the block. The end
// of the block ends its last sentence but is no token.
func (s *Scanner) Next() (Token, bool) {
	for s.i < s.end {
		c := s.text[s.i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s.text[s.i:s.end])
		}
		if IsWordRune(r) {
			w := s.word()
			s.last = w
			s.inWords++
			return w, true
		}
		if isMark(r) && s.inWords > 0 {
			// Take the whole run of marks and closing quotes: "?!", "...", ".»".
			j := s.i + size
			for j < s.end {
				r2, s2 := utf8.DecodeRune(s.text[j:s.end])
				if !isMark(r2) && !isCloser(r2) {
					break
				}
				j += s2
			}
			start := s.i
			s.i = j
			if s.endsSentence(r, j) {
				s.inWords = 0
				return Token{Kind: Stop, Start: start, End: j}, true
			}
			continue
		}
		s.i += size
	}
	return Token{}, false
}

// word reads the word that starts at s.i.
func (s *Scanner) word() Token {
	w, _ := scanWord(s.text, s.i, s.end)
	s.i = w.End
	return w
}

// scanWord reads the word that starts at text[start], a word rune, and
// reports whether a hyphen or apostrophe joins it: whether it has more
// than one part.
func scanWord(text []byte, start, end int) (w Token, joined bool) {
	w = Token{Kind: Word, Start: start}
	i := start
loop:
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
				break loop
			}
		}
		r, size := utf8.DecodeRune(text[i:end])
		switch {
		case unicode.IsLetter(r):
			w.Letters++
		case unicode.IsNumber(r), unicode.IsMark(r), invisible(r):
		case joins(r, text, start, i, i+size, end):
			joined = joined || isHyphen(r) || isApostrophe(r)
		default:
			break loop
		}
		i += size
	}
	w.End = i
	return w, joined
}

// joins reports whether r, at text[at:next] after the word begun at start,
// keeps the word going: a hyphen, an apostrophe or a full stop between two
// word runes ("CPR-nummer", "don't", "bl.a", "borger.dk", "1.500"), a
// comma or colon between two digits ("12,5", "9:30").
func joins(r rune, text []byte, start, at, next, end int) bool {
	comma := r == ',' || r == ':'
	if !comma && !isHyphen(r) && !isApostrophe(r) && r != '.' || next >= end || at <= start {
		return false
	}
	after, _ := utf8.DecodeRune(text[next:end])
	before, _ := utf8.DecodeLastRune(text[start:at])
	if comma {
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return IsWordRune(before) && IsWordRune(after)
}

func isMark(r rune) bool { return r == '.' || r == '!' || r == '?' || r == ':' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', ')', ']', '*', '_':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '»', '«', '(', '[', '*', '_':
		return true
	}
	return false
}

// endsSentence decides whether mark, the first of a run of marks that ends
// at text[next], ends the sentence.
func (s *Scanner) endsSentence(mark rune, next int) bool {
	text, end := s.text, s.end
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
	return mark != '.' || !s.l.isAbbreviation(text[s.last.Start:s.last.End])
}

// maxAbbreviation is the length in bytes of the longest abbreviation of
// any language: longer words need no look-up.
const maxAbbreviation = 8

// isAbbreviation looks word up, lower-cased, in the language's
// abbreviations without allocating.
func (l *Language) isAbbreviation(word []byte) bool {
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
	return l.abbreviations[string(buf[:n])]
}

// Tokens returns the words and sentence ends of text, one block.
func (l *Language) Tokens(text []byte) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		s := l.Scan(text, 0, len(text))
		for t, ok := s.Next(); ok; t, ok = s.Next() {
			if !yield(t) {
				return
			}
		}
	}
}

// Words returns the words of text. Words are split alike in every
// language; only where sentences end differs, which Words does not ask:
// it yields the Word tokens of Tokens without the sentence rules' work
// (a search index reads every word of a site).
func (l *Language) Words(text []byte) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		eachWord(text, func(w Token, _ bool) bool { return yield(w) })
	}
}

// NextWord returns the first word of text that starts at text[from] or
// after, as Words finds it, and false when there is none: Words for a
// loop that reads every word of a site and wants no call of a function
// value per word (from = the word's End gives the next).
func NextWord(text []byte, from int) (Token, bool) {
	w, _, ok := nextWord(text, from)
	return w, ok
}

// eachWord calls f with each word of text, and whether a hyphen or an
// apostrophe joins parts of it, until f returns false: the one loop of
// Words and of the phrase matcher, which splits joined words into parts.
func eachWord(text []byte, f func(w Token, joined bool) bool) {
	for i := 0; ; {
		w, joined, ok := nextWord(text, i)
		if !ok || !f(w, joined) {
			return
		}
		i = w.End
	}
}

// nextWord finds the first word at text[i] or after, and whether a hyphen
// or an apostrophe joins parts of it.
func nextWord(text []byte, i int) (w Token, joined, ok bool) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(text[i:]); !IsWordRune(r) {
			i += size
			continue
		}
		w, joined = scanWord(text, i, len(text))
		return w, joined, true
	}
	return Token{}, false, false
}

// parts calls f with the parts of the word text[start:end]: its pieces
// between hyphens and apostrophes ("CPR" and "nummer" of "CPR-nummer",
// "CPR" and "s" of "CPR's"), which phrases match over.
func parts(text []byte, start, end int, f func(start, end int)) {
	from := start
	for i := start; i < end; {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '-' || c == '\'' {
				f(from, i)
				from = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:end])
		if isHyphen(r) || isApostrophe(r) {
			f(from, i)
			from = i + size
		}
		i += size
	}
	f(from, end)
}
