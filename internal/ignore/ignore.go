package ignore

import "strings"

// Name reports whether a file or folder name is left out of the site.
func Name(name string) bool {
	switch {
	case name == "_index.md", isLangIndex(name):
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

// isLangIndex reports whether name is a list page in another language,
// "_index.en.md"; which languages the site has is not this package's
// business, so any two letters pass.
func isLangIndex(name string) bool {
	code, ok := strings.CutPrefix(name, "_index.")
	if !ok {
		return false
	}
	code, ok = strings.CutSuffix(code, ".md")
	return ok && len(code) == 2 && code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z'
}
