// Package readability measures text with LIX, reading its words and
// sentences with package language.
//
// # LIX
//
// LIX (läsbarhetsindex, Carl-Hugo Björnsson 1968) is the readability
// measure of the Nordic countries:
//
//	LIX = words / sentences + 100 × long words / words
//
// where a long word has more than six letters. The first term is the
// average sentence length, the second the share of long words in per cent;
// a text of ten-word sentences with one long word in five has LIX 30. LIX
// needs no dictionary and no syllable counting, so it works the same for
// Danish, Swedish, Norwegian and English, and editors can count it by hand.
//
// # Words and sentences
//
// Words and sentences are package language's: a word is a run of letters,
// numbers and combining marks, which a hyphen, an apostrophe or a full
// stop between two of them does not end ("CPR-nummer", "bl.a", "1.000"),
// nor a comma or colon between two digits ("12,5", "9:30"); a sentence
// ends at "!", "?", ":" before a space, and at a full stop unless an
// abbreviation of the language or a lower-case word comes before or after
// it. Only letters count towards a word's length: "2026" is a word with no
// letters, and "CPR-nummer" has nine. Callers split each paragraph, list
// item and quote on its own, so a list item without a full stop is a
// sentence of its own.
//
// # Use
//
// Text.Split appends the words and sentences of one block of text
// (text[start:end]) to a Text, whose slices a caller reuses from page to
// page: the package makes no allocation per word, which matters on a site
// of ten thousand pages. Positions are byte offsets into text, so a caller
// can put a page's blocks into one buffer and map every position back to
// the file.
package readability
