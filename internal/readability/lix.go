package readability

// Stats are the counts LIX is made of.
type Stats struct {
	Words     int
	Sentences int
	Long      int // words of more than LongWord letters
}

// Add adds the counts of o to s.
func (s *Stats) Add(o Stats) {
	s.Words += o.Words
	s.Sentences += o.Sentences
	s.Long += o.Long
}

// Sub returns s without the counts of o: the text without a part of it.
func (s Stats) Sub(o Stats) Stats {
	return Stats{Words: s.Words - o.Words, Sentences: s.Sentences - o.Sentences, Long: s.Long - o.Long}
}

// LIX returns words / sentences + 100 × long words / words, or 0 for a
// text without words.
func (s Stats) LIX() float64 {
	if s.Words <= 0 || s.Sentences <= 0 {
		return 0
	}
	return float64(s.Words)/float64(s.Sentences) + 100*float64(s.Long)/float64(s.Words)
}

// Of splits text, one block in language lang, and returns its counts.
func Of(text, lang string) Stats {
	var t Text
	t.Split([]byte(text), 0, len(text), lang)
	return t.Stats()
}

// Of returns the counts of sentence i of t.
func (t *Text) Of(i int) Stats {
	s := t.Sentences[i]
	return Stats{Words: s.N, Sentences: 1, Long: s.Long}
}
