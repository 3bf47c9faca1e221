package ignore

import (
	"slices"
	"strings"
)

// Prefixes, suffixes and names of the rule in the package documentation;
// suffixes are compared in small letters.
var (
	prefixes = []string{".", "_", "#", "~"}
	suffixes = []string{"~", ".swp", ".swo", ".swn", ".swx", ".kate-swp", ".vsctmp", ".crswap",
		".tmp", ".bak", ".orig", ".rej", "___jb_tmp___", "___jb_old___", "___jb_bak___"}
	names = []string{"4913"}
	// Windows writes these in either case.
	foldedNames = []string{"thumbs.db", "desktop.ini"}
)

// Name reports whether a file or folder name is left out of the site.
func Name(name string) bool {
	if name == "_index.md" || isLangIndex(name) {
		return false
	}
	for _, p := range prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	lower := strings.ToLower(name)
	for _, s := range suffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return slices.Contains(names, name) || slices.Contains(foldedNames, lower)
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

// Temp reports whether name is an editor's temp or backup file. Unlike
// Name it lets other hidden names and names starting with "_" through:
// static/ is copied as it is, .well-known/ and .htaccess included.
func Temp(name string) bool {
	if !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_") {
		return Name(name)
	}
	rest := strings.TrimLeft(name, "._")
	return rest != "" && Name(rest) || strings.HasPrefix(name, ".goutputstream")
}

// Path reports whether p, a slash path relative to the site folder, is
// left alone: whether any of its names is, by Temp below static/ and by
// Name elsewhere. The preview's watcher and its rebuild ask this one
// question, so that they cannot disagree on a path.
func Path(p string) bool {
	skip := Name
	if p == "static" || strings.HasPrefix(p, "static/") {
		skip = Temp
	}
	for part := range strings.SplitSeq(p, "/") {
		if skip(part) {
			return true
		}
	}
	return false
}
