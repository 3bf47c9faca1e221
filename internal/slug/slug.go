package slug

import (
	"strings"
	"unicode"
)

// spelled is how a lower-case letter a keyboard may lack is spelled out.
func spelled(r rune) string {
	switch r {
	case 'æ', 'ä':
		return "ae"
	case 'ø', 'ö':
		return "oe"
	case 'å':
		return "aa"
	case 'ü':
		return "ue"
	case 'é', 'è':
		return "e"
	case 'á':
		return "a"
	case 'ß':
		return "ss"
	}
	return ""
}

// Make returns the slug of s; it may be "" when s has no letters or digits.
//
// It reads s once, each rune lowered, spelled out and kept or made a
// "-" in turn, into one string: every heading of every page gets its
// anchor here, and lowering, spelling out and filtering one after the
// other took up to eight allocations a heading, some 560 000 at 10 000
// pages.
func Make(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	dash := false // the last byte written is a "-"
	keep := func(c byte) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			b.WriteByte(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	for _, r := range s {
		r = unicode.ToLower(r)
		switch out := spelled(r); {
		case out != "":
			for i := range len(out) {
				keep(out[i])
			}
		case r < 0x80:
			keep(byte(r))
		default:
			keep('-')
		}
	}
	return strings.TrimRight(b.String(), "-")
}
