package search

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/language"
)

// words calls f with each folded word of text that the index keeps: the
// parts of a hyphenated or apostrophed word and, for a hyphenated one, its
// parts written together (see "Words" in the package documentation). The
// bytes f is given are only valid during the call.
func words(l *language.Language, text string, f func(folded []byte)) {
	b := []byte(text)
	var buf, joined []byte
	for tok := range l.Words(b) {
		buf = l.AppendFold(buf[:0], b[tok.Start:tok.End])
		if !joinedWord(buf) {
			if keep(buf) {
				f(buf)
			}
			continue
		}
		hyphen := bytes.IndexByte(buf, '-') >= 0
		joined = joined[:0]
		n := 0
		for part := range bytes.FieldsFuncSeq(buf, func(r rune) bool { return r == '-' || r == '\'' }) {
			if keep(part) {
				f(part)
			}
			if hyphen {
				joined = append(joined, part...)
				n++
			}
		}
		if n > 1 && keep(joined) {
			f(joined)
		}
	}
}

// joinedWord reports whether a folded word has a hyphen or an apostrophe.
func joinedWord(w []byte) bool {
	for _, c := range w {
		if c == '-' || c == '\'' {
			return true
		}
	}
	return false
}

// keep reports whether a folded word is worth a key: two letters or more,
// or a number.
func keep(w []byte) bool {
	if utf8.RuneCount(w) >= 2 {
		return true
	}
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9'
}

// QueryKeys returns the keys of a query's words, as the search script
// makes them: the words of the query, split at anything that is not a
// letter, a number or a mark, folded and keyed; words of one letter are
// left out, as the index leaves them out.
func QueryKeys(l *language.Language, query string) []string {
	var out []string
	f := func(r rune) bool { return !language.IsWordRune(r) }
	for w := range strings.FieldsFuncSeq(query, f) {
		if w = l.Fold(w); keep([]byte(w)) {
			out = append(out, language.SearchKey(w))
		}
	}
	return out
}
