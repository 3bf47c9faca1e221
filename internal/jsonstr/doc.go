// Package jsonstr writes a Go string as a JSON string, byte for byte as
// encoding/json writes it (HTML-safe: <, > and & escaped, U+2028 and
// U+2029 too, bytes that are not UTF-8 as \ufffd), without encoding/json's
// reflection for the common string that needs no escape.
//
// The search index's rows and the pages' JSON-LD are written by hand, for
// speed, and both must stay what encoding/json would write: a string that
// needs any escape is handed to json.Marshal, so the rules are
// encoding/json's, not a copy of them.
package jsonstr
