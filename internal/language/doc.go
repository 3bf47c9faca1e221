// Package language is torv's one home for what it knows of each language
// a site is written in: Danish (da), Swedish (sv), Norwegian bokmål (nb)
// and English (en). Each is a *Language (Get("da")), shared and read
// only, holding how the language splits words and sentences, its
// abbreviations, how it folds words for comparing them, the endings its
// words take, its alphabetical order, its word lists and how it writes
// dates and numbers. Packages content, readability, markup, check and
// render take it from here, and so will the search index, so that no two
// of them can disagree on what a word is or where it sorts.
//
// A language torv does not know reads with Fallback: the same words and
// folding, no abbreviations, no endings, plain alphabetical order, ISO
// dates. Get reads "da-DK" as "da", and "no" and "nn" as "nb".
//
// Each language's knowledge is one value in a file of its own (da.go,
// sv.go, nb.go, en.go): a new language is a new file and a line in
// languages, and the rules below hold for it unchanged.
//
// # Words
//
// A word is a run of word runes (IsWordRune): letters, numbers and
// combining marks. Marks belong to words so that "é" written as "e" and
// U+0301 stays one word, as it is one letter to the reader; a soft hyphen
// and the zero-width joiners inside a word do not end it either. Inside a
// word,
//
//   - a hyphen (-, U+2010, U+2011) between two word runes joins a
//     compound: "CPR-nummer" and "beskæftigelses-indsats" are one word
//     each (LIX reads them so, and the long-word rule splits them at the
//     hyphen itself);
//   - an apostrophe (' or ’) between two word runes is part of the word:
//     "don't", "That's", "CPR's";
//   - a full stop between two word runes is part of the word: "bl.a",
//     "f.eks", "borger.dk", "1.500";
//   - a comma or colon between two digits is part of the word: "12,5",
//     "9:30".
//
// Anything else ends a word, and a word starts only with a word rune:
// "–" in "9–15", "/" and "§" are neither words nor parts of one. A word's
// letters are what LIX counts as its length: "2026" has none, and
// "CPR-nummer" has nine. Words are split alike in every language.
//
// A word's parts are its pieces between hyphens and apostrophes: "CPR"
// and "nummer" of "CPR-nummer", "CPR" and "s" of "CPR's". Phrases match
// over parts (see Matcher): a glossary term may be one part of a compound,
// and "Digital Post" is also written "digital-post".
//
// Words returns a text's words, Tokens its words and sentence ends, and a
// Scanner reads them one at a time without allocating, for loops over
// every page of a site; NextWord reads the words so, without the
// sentences (the search index). Offsets are bytes of the text given.
//
// # Sentences
//
// A sentence ends at "!", "?", ":" (Björnsson's LIX counts the colon) and
// at a full stop or "…", and always at the end of the block scanned:
// callers scan each paragraph, list item and quote on its own, so that a
// list item without a full stop is a sentence of its own. A full stop
// does not end the sentence when
//
//   - the word before it is one of the language's abbreviations that a
//     full stop follows inside a sentence ("fx", "f.eks", "bl.a", "jf",
//     "kl" in Danish, "t.ex" in Swedish, "e.g", "Mr" in English): "Se
//     bl.a. Forvaltningsloven." is one sentence; or
//   - the next word starts with a lower-case letter ("den 24. december",
//     "ca. ti minutter", "100 kr. om måneden"), which also covers the
//     abbreviations that often end a sentence ("osv.", "etc.").
//
// A colon ends a sentence only before a space or the end of the block
// ("9:30" is a word). Closing quotes and brackets after the marks belong
// to the sentence they close: «Nei.» ends with the ».
//
// # Phrases
//
// A Matcher finds the phrases of a list in text: glossary terms for the
// build's links (package markup) and for torv check's glossary rule, the
// jargon and the allowed long words of check. It is the one matcher, so
// that check asks what the build links instead of predicting it. A phrase
// is split into parts as a text is, and matches
//
//   - by whole parts: "løn" is not in "lønseddel", but "klage" is in
//     "klage-sag" and "CPR" in "CPR's";
//   - in any case, as Fold folds: "Digital Post" matches "digital POST",
//     "idé" matches "ide";
//   - with spaces or hyphens between its parts, whichever the phrase or
//     the text has: "Digital Post" matches "digital-post", and
//     "CPR-nummer" matches "CPR nummer"; anything else between two parts
//     ends a phrase ("digital. Post" is none), but for a full stop or an
//     apostrophe the phrase has itself ("jf. reglerne", "don't"). A soft
//     line break is a space to the caller; a hard one is "\n", no space;
//   - with the language's endings on the last word, when it has four
//     letters or more: "partshøring" matches "partshøringen", "digital
//     post" "digital posten" (Match.Inflected says so; the build links only
//     what is written as the phrase is). A phrase ending in "*" takes any
//     ending: "bevilling*" matches "bevillingsbrev";
//   - in capitals only as written, when written in capitals (IsCapitals):
//     "IT" is not "it", and takes no endings.
//
// Matches do not overlap. Where several phrases start at one part, the
// longest wins, then one written as the text has it ("innvilget" before
// "innvilge" + "t"), then one in capitals, then the first added; the parts
// of a match are not searched again. Matching costs a look-up for the few
// parts whose first two letters start a phrase, whatever the list's size.
//
// # Alphabetical order
//
// A–Å lists (the glossary, topics, lists sorted by title; package content
// sorts them, package render heads the glossary's letters) are in the
// order of the language's dictionaries, case and accents aside (Compare,
// CollateKey):
//
//	da, nb   a–z, then æ ø å; ä sorts as æ, ö as ø, ü as y, and "aa" as å
//	         ("Aarhus" with "Århus", after "Zealand")
//	sv       a–z, then å ä ö; æ sorts as ä, ø as ö, ü as y
//	en       the plain Latin alphabet: æ as "ae", ø and ö as o, å and ä as a
//
// and Fallback sorts as English does. Alphabet gives the headings of such
// a list (A–Z and Æ Ø Å, A–Z and Å Ä Ö, A–Z), and Letter the heading a
// title is listed under: the letter its first letter sorts as, so Danish
// "Ärende" is under Æ and "Aarhus" under Å, English "Æble" under A.
//
// # Word lists
//
// Each language has the lists torv check's rules start from, which a
// site extends in config.toml: Jargon, officialese with the plain words
// to write instead ("i henhold til: efter, ifølge", "pursuant to:
// under"); LinkTexts, link texts that say nothing ("klik her", "läs
// mer"); and LawSite, where the country publishes its laws.
//
// # Dates and numbers
//
// Date, Number and Percent write dates and numbers as the language does,
// and Month and Weekday name months and days as they are written inside a
// sentence; package render's template functions date, number, percent
// and weekday are these:
//
//	da   1. maj 2024    77.117   12,5   79 %    mandag
//	sv   1 maj 2024     77 117   12,5   79 %    måndag
//	nb   1. mai 2024    77 117   12,5   79 %    mandag
//	en   1 May 2024     77,117   12.5   79%     Monday
//
// Groups and the space before "%" are no-break spaces in Swedish and
// Norwegian, which leave four-digit numbers whole (1000); one decimal at
// most; a real minus sign (−1.500). Fallback writes 2024-05-01 and 77117.5.
//
// A site's UI strings (i18n/<lang>.toml: "Læs mere", "Forside") are not
// here: a site writes and overrides them, so they are the site's and
// package render reads them with its layouts, while a Language is shared
// by every site torv builds in one process.
//
// # Folding
//
// Fold writes a word as torv compares words: in lower case; without the
// accents of Latin letters, except on æ, ø, å, ä and ö, which are letters
// of their own in the Nordic languages ("idé" folds to "ide", "Ærø" to
// "ærø"); with a letter and a combining mark as the precomposed letter
// ("a" + U+030A is "å"); ß as "ss", œ as "oe", the typographic apostrophe
// as "'", and without soft hyphens. Folding is the same in every
// language, because a page has words of other languages in it, and the
// glossary's links, torv check and the search index must agree on them.
// The price is that the rare pair told apart by an accent alone ("allé"
// and "alle") folds together.
package language
