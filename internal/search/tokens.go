package search

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/language"
)

// wordBuf is words' memory, which a caller that reads many texts keeps
// from one to the next.
type wordBuf struct {
	text, fold, joined []byte
}

// words calls f with each folded word of text that the index keeps: the
// parts of a hyphenated or apostrophed word and, for a hyphenated one, its
// parts written together (see "Words" in the package documentation). The
// bytes f is given are only valid during the call. buf, when not nil, is
// the memory it reuses.
func words(l *language.Language, buf *wordBuf, text string, f func(folded []byte)) {
	if buf == nil {
		buf = &wordBuf{}
	}
	b := append(buf.text[:0], text...)
	defer func() { buf.text = b[:0] }()
	for tok := range l.Words(b) {
		buf.word(l, b[tok.Start:tok.End], f)
	}
}

// word calls f with each folded word the index keeps of one word of a
// text, as words does.
func (buf *wordBuf) word(l *language.Language, w []byte, f func(folded []byte)) {
	fold := l.AppendFold(buf.fold[:0], w)
	buf.fold = fold
	if !joinedWord(fold) {
		if keep(fold) {
			f(fold)
		}
		return
	}
	hyphen := bytes.IndexByte(fold, '-') >= 0
	joined := buf.joined[:0]
	n := 0
	for part := range bytes.FieldsFuncSeq(fold, func(r rune) bool { return r == '-' || r == '\'' }) {
		if keep(part) {
			f(part)
		}
		if hyphen {
			joined = append(joined, part...)
			n++
		}
	}
	buf.joined = joined
	if n > 1 && keep(joined) {
		f(joined)
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
	if len(w) >= 2 && w[0] < utf8.RuneSelf || utf8.RuneCount(w) >= 2 {
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
