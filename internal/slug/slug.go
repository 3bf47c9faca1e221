package slug

import "strings"

var translit = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "ä", "ae", "ö", "oe", "ü", "ue",
	"é", "e", "è", "e", "á", "a", "ß", "ss")

// Make returns the slug of s; it may be "" when s has no letters or digits.
func Make(s string) string {
	s = translit.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
