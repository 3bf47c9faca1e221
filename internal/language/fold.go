package language

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns a word as torv compares words; see "Folding" in the
// package documentation. Words that differ only in case, in accents on
// other letters than æ, ø, å, ä and ö, in how an accent is encoded or in
// soft hyphens fold to the same string.
func (l *Language) Fold(word string) string {
	var buf [64]byte
	return string(l.AppendFold(buf[:0], []byte(word)))
}

// AppendFold appends the folded word to dst: Fold without allocating,
// for callers that fold every word of a page.
func (l *Language) AppendFold(dst, word []byte) []byte {
	// Folding is the same in every language: a page's words are often of
	// another language (names, a Swedish word on a Danish page), and the
	// glossary's links, torv check and the search index must agree on
	// them whichever language each of them thinks it reads.
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(word[i:])
		i += size
		switch {
		case r >= 0xC0 && r < 0x180:
			dst = append(dst, latin[r-0xC0]...)
		case r >= 0x300 && r < 0x370:
			dst = appendMark(dst, r)
		case isApostrophe(r) || r == 'ʼ':
			dst = append(dst, '\'')
		case isHyphen(r):
			dst = append(dst, '-')
		case invisible(r):
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// appendMark folds a combining mark of U+0300–U+036F into the letter
// before it: a ring or diaeresis makes the Nordic letter that å, ä and ö
// are written as precomposed, other accents go, as they do from
// precomposed letters.
func appendMark(dst []byte, mark rune) []byte {
	n := len(dst)
	if n == 0 {
		return dst
	}
	var letter string
	switch {
	case mark == 0x30A && dst[n-1] == 'a':
		letter = "å"
	case mark == 0x308 && dst[n-1] == 'a':
		letter = "ä"
	case mark == 0x308 && dst[n-1] == 'o':
		letter = "ö"
	case mark == 0x338 && dst[n-1] == 'o':
		letter = "ø"
	default:
		return dst
	}
	return append(dst[:n-1], letter...)
}

// latin folds U+00C0–U+017F, Latin-1's letters and Latin Extended-A.
var latin = [0x180 - 0xC0]string{
	"a", "a", "a", "a", "ä", "å", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00C0
	"d", "n", "o", "o", "o", "o", "ö", "×", "ø", "u", "u", "u", "u", "y", "th", "ss", // U+00D0
	"a", "a", "a", "a", "ä", "å", "æ", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00E0
	"d", "n", "o", "o", "o", "o", "ö", "÷", "ø", "u", "u", "u", "u", "y", "th", "y", // U+00F0
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", // U+0100
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", // U+0110
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", // U+0120
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // U+0130
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // U+0140
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // U+0150
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", // U+0160
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", // U+0170
}
