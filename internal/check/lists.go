package check

// The word lists torv brings: per language in package language (Jargon,
// LinkTexts, LawSite), and these for every language. Sites extend them in
// config.toml ([check.jargon] da = [...], [check.link-text] da = [...],
// [check.abbreviation] known = [...]) and take words out with allow.

// knownAbbreviations are read by everyone without an expansion.
var knownAbbreviations = []string{"EU", "CV", "ID", "IT", "PC", "TV", "SMS", "PDF", "USA", "OK", "UK", "FN", "NAV"}
