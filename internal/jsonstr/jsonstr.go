package jsonstr

import (
	"encoding/json"
	"unicode/utf8"
)

// Append appends s as a JSON string, as encoding/json writes it.
func Append(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		q, _ := json.Marshal(s) // a string: cannot fail
		return append(b, q...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		// U+2028 and U+2029 (E2 80 A8, E2 80 A9) are escaped too, but not
		// the rest of U+2000–U+2FFF: "…" ends most excerpts.
		if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
			c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			q, _ := json.Marshal(s) // a string: cannot fail
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
