package readability

import "github.com/torv/torv/internal/language"

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
// "sv", "nb" or "en"; see language.Get for others), and appends its words
// and sentences to t. The end of the block ends its last sentence.
func (t *Text) Split(text []byte, start, end int, lang string) {
	t.SplitIn(language.Get(lang), text, start, end)
}

// SplitIn is Split with the language itself.
func (t *Text) SplitIn(l *language.Language, text []byte, start, end int) {
	first := len(t.Words) // the current sentence's first word
	sentStart, long := -1, 0
	closeSentence := func(at int) {
		if n := len(t.Words) - first; n > 0 {
			t.Sentences = append(t.Sentences, Sentence{Start: sentStart, End: at, First: first, N: n, Long: long})
		}
		first = len(t.Words)
		sentStart, long = -1, 0
	}
	s := l.Scan(text, start, end)
	for tok, ok := s.Next(); ok; tok, ok = s.Next() {
		if tok.Kind == language.Stop {
			closeSentence(tok.End)
			continue
		}
		if sentStart < 0 {
			sentStart = tok.Start
		}
		if tok.Letters > LongWord {
			long++
		}
		t.Words = append(t.Words, Word{Start: tok.Start, End: tok.End, Letters: tok.Letters})
	}
	if n := len(t.Words); n > first {
		closeSentence(t.Words[n-1].End)
	}
}
