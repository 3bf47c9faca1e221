// Package decode reads TOML written by hand (config.toml, a page's front
// matter) into Go structs and reports every problem at the key it is about,
// in words an editor understands.
//
// The TOML decoder (BurntSushi/toml) parses; this package does the rest in
// three steps:
//
//  1. Keys: a scan of the source's lines records where each key and its
//     value start ("address.street", "charts.1.bars.0.label"), and refuses
//     nesting deeper than MaxDepth before the decoder can overflow its stack
//     on it. The decoder knows these positions too but does not export them.
//     Text the fast reader of step 2 reads nests no deeper than a list, and
//     is scanned only when a message needs a position.
//  2. Parse: into a map. The lines of key = value a front matter nearly
//     always is are read by fast.go, which gives up on anything else
//     (tables, floats, strings over several lines, a repeated key) and
//     reads only what BurntSushi/toml reads into the same values (a fuzz
//     test compares them); the rest goes to toml.Decode, whose
//     *toml.ParseError's byte offset gives line and column. A list that
//     goes on without a comma or ] is reported at the end of the line
//     before the item or key the decoder stopped at: the line the editor
//     must mend.
//  3. Fill: the map is copied into the struct by reflection, so that each
//     key can be checked on its own: unknown keys (with the closest known key
//     as a suggestion), missing required keys (tag `torv:"required"`), and
//     values of the wrong type, each with the fix written out. A required
//     key that an unknown key is a misspelling of is not reported missing:
//     one typo, one message.
//
// Struct fields are named by their `toml` tag; embedded structs are
// flattened. Supported field types are string, bool, int, float64, []string,
// structs (TOML tables), slices of structs (arrays of tables) and any type
// that implements Unmarshaler. A lone string is accepted where a list of
// strings is expected, and a quoted whole number where a number is: the
// meaning is plain and refusing it helps nobody.
//
// Decoded strings are copies, not slices of the decoder's copy of the
// source: a site keeps every page's title, and would otherwise keep every
// page's whole front matter with it.
//
// Columns count characters (runes) so they match an editor's status bar.
package decode
