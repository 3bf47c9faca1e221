package language

import (
	"strings"

	"github.com/blevesearch/snowballstem"
	daStem "github.com/blevesearch/snowballstem/danish"
	enStem "github.com/blevesearch/snowballstem/english"
	nbStem "github.com/blevesearch/snowballstem/norwegian"
	svStem "github.com/blevesearch/snowballstem/swedish"
)

// This file is what the search index (package search) knows of a
// language: its Snowball stemmer, the endings a query may carry that the
// site's own words do not, and how citizens type the letters their
// keyboard or habit lacks. See "Search" in the package documentation.

// stemmers are the Snowball stemmers of the languages torv knows, from
// github.com/blevesearch/snowballstem: the Go code the Snowball project's
// own compiler generates from the algorithms at snowballstem.org.
var stemmers = map[string]func(*snowballstem.Env) bool{
	"da": daStem.Stem,
	"sv": svStem.Stem,
	"nb": nbStem.Stem,
	"en": enStem.Stem,
}

// Stem returns a folded word (Fold) stemmed by the language's Snowball
// stemmer: "boligstøtten" and "boligstøtte" are "boligstøt" in Danish.
// Fallback returns the word as it is.
func (l *Language) Stem(folded string) string {
	stem := stemmers[l.Code]
	if stem == nil || folded == "" {
		return folded
	}
	env := snowballstem.NewEnv(folded)
	stem(env)
	return env.Current()
}

// Endings are the endings the language's words take (the definite and
// plural forms, the usual verb endings), written as SearchKey writes
// them: the search script tries a query's word without each, so that a
// form the site never uses still finds the pages of the word.
func (l *Language) Endings() []string {
	out := make([]string, 0, len(l.endings))
	for _, e := range l.endings {
		out = append(out, SearchKey(e))
	}
	return out
}

// searchLetters are how a citizen may type the letters that Fold keeps.
var searchLetters = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "ø", "o", "æ", "ae")

// searchPairs are the two-letter spellings of å and ø ("aabningstider",
// "boligstoette"), read after searchLetters.
var searchPairs = []struct{ from, to string }{{"aa", "a"}, {"oe", "o"}}

// SearchKey writes a folded word (Fold) as the search index compares it:
// as a citizen may type it on any keyboard. å, ä and "aa" are a; ø, ö and
// "oe" are o; æ is "ae". So "åbningstider", "aabningstider" and
// "abningstider" have one key, and "boligstøtte", "boligstoette" and
// "boligstotte" another. The search script (assets/js/search.js) writes a
// query's words so too, and must stay in step with this function.
func SearchKey(folded string) string {
	s := searchLetters.Replace(folded)
	for _, p := range searchPairs {
		s = strings.ReplaceAll(s, p.from, p.to)
	}
	return s
}
