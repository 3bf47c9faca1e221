package content

import (
	"strings"

	"github.com/torv/torv/internal/slug"
)

// Slugify makes one URL path segment; see package slug.
func Slugify(s string) string { return slug.Make(s) }

// validSlug reports whether s may be used as a "slug": it must be a single
// segment that Slugify leaves alone, so it can never leave its folder.
func validSlug(s string) bool {
	return s != "" && Slugify(s) == s
}

// urlFor returns the URL of a content file ("content/lov/x.md"), with slug
// replacing the last segment when set.
func urlFor(rel string, slug string) string {
	rel = strings.TrimSuffix(rel, ".md")
	parts := strings.Split(rel, "/")
	isIndex := parts[len(parts)-1] == "_index"
	if isIndex {
		parts = parts[:len(parts)-1]
	}
	for i, p := range parts {
		parts[i] = Slugify(p)
	}
	if slug != "" && len(parts) > 0 && !isIndex {
		parts[len(parts)-1] = slug
	}
	if len(parts) == 0 {
		return "/"
	}
	return "/" + strings.Join(parts, "/") + "/"
}
