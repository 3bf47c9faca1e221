// Package torv holds the default layouts, assets and UI strings, embedded
// in the binary. They are the example site's own folders: the repository's
// layouts/, assets/ and i18n/ are at once the example site's and the
// defaults of every site that does not override them, so there is one copy
// to keep accessible and it is always built and tested.
package torv

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets i18n
var defaults embed.FS

// Defaults returns the embedded layouts/, assets/ and i18n/ folders.
func Defaults() fs.FS { return defaults }
