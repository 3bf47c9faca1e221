package language

import "strings"

// Language is what torv knows of one language; see the package
// documentation. The values Get returns are shared by every goroutine and
// never change.
type Language struct {
	// Code is the language's code as config.toml writes it: "da", "sv",
	// "nb", "en", or "und" for the fallback.
	Code string
	// Name is the language's name in the language itself, as a reader
	// looks for it in a language switcher: "Dansk", "Svenska".
	Name string

	// abbreviations are the words, lower-cased and without their final
	// full stop, that a full stop follows inside a sentence.
	// Jargon is officialese, each entry "phrase: plain words", where a
	// final "*" on the phrase matches any ending. Sites extend it in
	// config.toml ([check.jargon]) and take words out with allow.
	Jargon []string
	// LinkTexts are link texts that say nothing of where a link goes
	// ("klik her", "read more").
	LinkTexts []string
	// LawSite is where the language's country publishes its laws, for
	// hints ("https://www.retsinformation.dk/eli/...").
	LawSite string

	abbreviations map[string]bool
	// endings are the endings the last word of a phrase may take: the
	// definite and plural forms of nouns, the usual verb endings.
	endings []string
	// collation orders words for A–Å lists; see collate.go.
	collation collation
	// locale writes dates and numbers; see locale.go.
	locale locale
}

// Known reports whether torv knows the language, rather than reading it
// with the fallback's rules.
func (l *Language) Known() bool { return l != Fallback }

// Fallback reads a language torv does not know: words and sentences are
// split by the same rules, without abbreviations; phrases match without
// endings; A–Å lists are in the plain order of the Latin alphabet, without
// letters of their own after z; dates are ISO 8601 (2024-05-01), numbers
// have a decimal point and no groups, names of months and days are
// English.
var Fallback = &Language{
	Code:          "und",
	abbreviations: map[string]bool{},
	collation:     plainCollation,
	locale: locale{
		months:   english.locale.months,
		weekdays: english.locale.weekdays,
		iso:      true,
		decimal:  ".",
	},
}

// languages are the languages torv knows, in the order of the language
// switcher.
var languages = []*Language{danish, swedish, norwegian, english}

// All returns the languages torv knows: da, sv, nb, en.
func All() []*Language { return languages }

// Get returns the language of a code: "da", "sv", "nb" or "en", also with
// a region ("da-DK", "en-GB"), in any case. Norwegian written as "no" or
// "nn" is read as bokmål: its abbreviations, endings and alphabet are
// close enough. Any other code, "" included, gets Fallback.
func Get(code string) *Language {
	base, _, _ := strings.Cut(strings.ToLower(code), "-")
	switch base {
	case "da":
		return danish
	case "sv":
		return swedish
	case "nb", "no", "nn":
		return norwegian
	case "en":
		return english
	}
	return Fallback
}

// set makes a set of words, checking that each fits the look-up buffer of
// isAbbreviation.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if len(w) > maxAbbreviation {
			panic("language: abbreviation longer than maxAbbreviation: " + w)
		}
		m[w] = true
	}
	return m
}
