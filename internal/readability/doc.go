// Package readability splits text into sentences and words, per language,
// and measures it with LIX.
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
// # Words
//
// A word is a run of letters and digits. Inside a word, a hyphen or an
// apostrophe between two letters or digits, a full stop between two
// letters or digits ("f.eks", "borger.dk", "1.000") and a comma or colon
// between two digits ("12,5", "9:30") do not end it, so "CPR-nummer", "bl.a." and "12,5"
// are one word each. Only letters count towards a word's length: "2026"
// is a word with no letters, and "CPR-nummer" has nine.
//
// # Sentences
//
// A sentence ends at "!", "?", ":" (Björnsson counts the colon) and at a
// full stop, and always at the end of the block given to Split: callers
// split each paragraph, list item and quote on its own, so a list item
// without a full stop is a sentence of its own. A full stop does not end
// the sentence when
//
//   - the word before it is a known abbreviation of the language that
//     never ends a sentence ("fx", "jf", "kl", "t.ex", "e.g"), or
//   - the next word starts with a lower-case letter ("den 24. december",
//     "ca. ti minutter", "100 kr. om måneden").
//
// A colon ends a sentence only when a space or the end of the block
// follows it. Closing quotes and brackets after
// the mark belong to the sentence they close.
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
