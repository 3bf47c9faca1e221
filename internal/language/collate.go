package language

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is alphabetical order; see "Alphabetical order" in the
// package documentation.

// collation is how a language orders words.
type collation struct {
	before   *strings.Replacer // on the lower-cased text, before folding: ü as y
	after    *strings.Replacer // on the folded text: the letters after z
	alphabet []string          // the headings of an A–Å list, in order
}

var az = strings.Split("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "")

// nordicÜ is the Nordic dictionaries' ü, read as y.
var nordicÜ = strings.NewReplacer("ü", "y", "u\u0308", "y")

// The keys of the letters after z are the bytes after "z" in ASCII, so
// that a key sorts by its bytes.
var (
	danishCollation = collation{
		before: nordicÜ,
		// Replacer tries its pairs in order, so "aa" before "a" + "a".
		after:    strings.NewReplacer("aa", "}", "æ", "{", "ä", "{", "ø", "|", "ö", "|", "å", "}"),
		alphabet: append(az[:len(az):len(az)], "Æ", "Ø", "Å"),
	}
	swedishCollation = collation{
		before:   nordicÜ,
		after:    strings.NewReplacer("å", "{", "ä", "|", "æ", "|", "ö", "}", "ø", "}"),
		alphabet: append(az[:len(az):len(az)], "Å", "Ä", "Ö"),
	}
	plainCollation = collation{
		after:    strings.NewReplacer("æ", "ae", "ä", "a", "å", "a", "ø", "o", "ö", "o"),
		alphabet: az,
	}
)

// CollateKey returns a key of s whose byte order is the language's
// alphabetical order: strings.Compare of two keys compares the strings
// as a dictionary of the language would. Make it once per string when
// sorting many.
func (l *Language) CollateKey(s string) string {
	c := &l.collation
	s = strings.ToLower(s)
	if c.before != nil {
		s = c.before.Replace(s)
	}
	return c.after.Replace(l.Fold(s))
}

// Compare compares a and b in the language's alphabetical order. Strings
// it cannot tell apart ("Abe" and "abe", Danish "Aarhus" and "Århus")
// are equal: sort stably for a fixed order among them.
func (l *Language) Compare(a, b string) int {
	return strings.Compare(l.CollateKey(a), l.CollateKey(b))
}

// Alphabet returns the letters of the language's A–Å lists, in order:
// A–Z, then Æ Ø Å in Danish and Norwegian, Å Ä Ö in Swedish.
func (l *Language) Alphabet() []string { return l.collation.alphabet }

// Letter returns the heading of an A–Å list that title is listed under:
// the letter of the alphabet its first letter sorts as (Danish "Ärende"
// and "Aarhus" under Æ and Å, English "Æble" under A), "0–9" for a title
// that starts with a digit, "#" for one without letters or digits, and
// the first letter itself, in capitals, when it is of no letter of the
// alphabet (Greek "Ωμέγα" under Ω).
func (l *Language) Letter(title string) string { return l.Letterer()(title) }

// Letterer returns Letter as a function that makes the keys of the
// alphabet's letters once: to file many titles under their letters (the
// A–Å index of every page, which the preview makes again after an edit),
// a key per letter per title was nearly all of the work. The function
// is for one goroutine at a time.
func (l *Language) Letterer() func(title string) string {
	keys := make([]string, len(l.collation.alphabet))
	for i, letter := range l.collation.alphabet {
		keys[i] = l.CollateKey(letter)
	}
	// The letter of each first word met, as titles share their first
	// words: making the word's key was most of the A–Å index's time when
	// the preview puts the site together again (a new page).
	seen := map[string]string{}
	return func(title string) string {
		first := strings.IndexFunc(title, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		if first < 0 {
			return "#"
		}
		r, _ := utf8.DecodeRuneInString(title[first:])
		if unicode.IsDigit(r) {
			return "0–9"
		}
		// The first word's key starts the title's: no pair the
		// collation reads as one letter ("aa") spans a space.
		word := title[first:]
		if sp := strings.IndexByte(word, ' '); sp > 0 {
			word = word[:sp]
		}
		if letter, ok := seen[word]; ok {
			return letter
		}
		letter := string(unicode.ToUpper(r))
		key := l.CollateKey(word)
		for i, a := range l.collation.alphabet {
			if k := keys[i]; k != "" && strings.HasPrefix(key, k) {
				letter = a
				break
			}
		}
		if len(seen) < maxSeenWords {
			seen[word] = letter
		}
		return letter
	}
}

// maxSeenWords bounds what a Letterer remembers.
const maxSeenWords = 1 << 12
