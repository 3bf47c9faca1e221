// Package diag is torv's one error type: a message about one place in one
// file, with what to do about it.
//
// Editors are not programmers, so every mistake reaches them in the same
// shape, the one compilers use and editors can jump to:
//
//	content/lov/sygedagpenge.md:7:12: unknown key "reviewd" in front matter (did you mean "reviewed"?)
//
// File is a slash-separated path relative to the site folder. Line and Col
// are 1-based; Col counts characters (runes), not bytes, because that is
// what an editor's status bar shows. A zero Line means "the whole file", a
// zero Col "the whole line". Hint is the fix, written as an instruction.
//
// Each package fills an Error from its own dependency's structured error
// (toml.ParseError, html/template's Error, the positions of goldmark's
// segments) so that no message is ever parsed to find a position.
//
// Rule names the rule of "torv check" behind a finding ("lix",
// "image-alt"), so that an editor can look it up, tune it in config.toml or
// switch it off for a page; Error() ends with it in brackets. The build's
// own errors have none. A finding is an Error, not a type of its own, so
// that findings and build errors sort, print and fail a build as one list.
//
// A build reports all its errors together: List collects them, sorts them by
// file, line and column, and drops exact repeats.
package diag
