// Package ignore names the files torv leaves alone in a site folder: hidden
// files, files and folders starting with "_" (but _index.md), and the temp
// and backup files editors write beside the file being saved (vim's .swp
// and 4913, emacs' .#name and name~, gedit's .goutputstream-*, JetBrains'
// ___jb_tmp___). The content loader, the asset pipeline and the preview's
// file watcher share this one rule, so a temp file never becomes a page, an
// asset or a rebuild.
package ignore

import "strings"

// Name reports whether a file or folder name is left out of the site.
func Name(name string) bool {
	switch {
	case name == "_index.md":
		return false
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "_"), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"), name == "4913",
		strings.Contains(name, ".goutputstream"), strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}
