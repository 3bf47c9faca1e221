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
