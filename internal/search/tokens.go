package search

import (
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/language"
)

// words calls f with each folded word of text that the index keeps: the
// parts of a hyphenated or apostrophed word and, for a hyphenated one, its
// parts written together (see "Words" in the package documentation).
func words(l *language.Language, text string, f func(folded string)) {
	b := []byte(text)
	var buf []byte
	for tok := range l.Words(b) {
		buf = l.AppendFold(buf[:0], b[tok.Start:tok.End])
		w := string(buf)
		if !strings.ContainsAny(w, "-'") {
			if keep(w) {
				f(w)
			}
			continue
		}
		var joined strings.Builder
		n := 0
		for part := range strings.FieldsFuncSeq(w, func(r rune) bool { return r == '-' || r == '\'' }) {
			if keep(part) {
				f(part)
			}
			if strings.Contains(w, "-") {
				joined.WriteString(part)
				n++
			}
		}
		if n > 1 && keep(joined.String()) {
			f(joined.String())
		}
	}
}

// keep reports whether a folded word is worth a key: two letters or more,
// or a number.
func keep(w string) bool {
	if utf8.RuneCountInString(w) >= 2 {
		return true
	}
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// QueryKeys returns the keys of a query's words, as the search script
// makes them: the words of the query, split at anything that is not a
// letter, a number or a mark, folded and keyed; words of one letter are
// left out, as the index leaves them out.
func QueryKeys(l *language.Language, query string) []string {
	var out []string
	f := func(r rune) bool { return !language.IsWordRune(r) }
	for w := range strings.FieldsFuncSeq(query, f) {
		if w = l.Fold(w); keep(w) {
			out = append(out, language.SearchKey(w))
		}
	}
	return out
}
