package content

import (
	"path"
	"slices"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/slug"
)

// Slugify makes one URL path segment; see package slug.
func Slugify(s string) string { return slug.Make(s) }

// validSlug reports whether s may be used as a "slug": it must be a single
// segment that Slugify leaves alone, so it can never leave its folder.
func validSlug(s string) bool {
	return s != "" && Slugify(s) == s
}

// urlFor returns the URL of a content file ("lov/x.md", relative to
// content/), with slug replacing the last segment when set. nameless is
// the index in rel of the first folder or file name that leaves no segment
// ("---", "🎉"), or -1; then url is "", because "/odd//" would be written
// where the folder's list page is.
func urlFor(rel string, slug string) (url string, nameless int) {
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
	for i, p := range parts {
		if p == "" {
			return "", i
		}
	}
	if len(parts) == 0 {
		return "/", -1
	}
	return "/" + strings.Join(parts, "/") + "/", -1
}

// addresses are the site paths page p may have, the one it wants first:
// its slug's, and its file's when that is another; none has an empty
// segment.
func addresses(p *Page, cfg *config.Config) []string {
	var out []string
	for _, slug := range []string{p.Common().Slug, ""} {
		if u, nameless := urlFor(p.key, slug); nameless < 0 && !slices.Contains(out, cfg.LangPrefix(p.Lang)+u) {
			out = append(out, cfg.LangPrefix(p.Lang)+u)
		}
	}
	return out
}

// namelessError is the error of page p, whose file or folder name at index
// seg of its path below content/ has no letters or digits (see urlFor). It
// suggests a name: the slug of the page's title, when that names the file
// or the folder of an _index.md, else an example.
func namelessError(p *Page, seg int) *diag.Error {
	parts := strings.Split(strings.TrimPrefix(p.File, Dir+"/"), "/")
	suggest := "om-os"
	if s := Slugify(p.Common().Title); s != "" {
		suggest = s
	}
	name := parts[seg]
	if seg < len(parts)-1 {
		if seg != len(parts)-2 || path.Base(p.key) != "_index.md" {
			suggest = "om-os" // the title of a page in the folder does not name the folder
		}
		return diag.Errorf(p.File, 0, 0, "the folder name %q has no letters or digits, so the pages in it have no address", name).
			WithHint("rename the folder %s/%s to a name with letters or digits, like %s",
				Dir, strings.Join(parts[:seg+1], "/"), suggest)
	}
	ext := ".md"
	if p.Lang != "" && strings.HasSuffix(name, "."+p.Lang+".md") {
		ext = "." + p.Lang + ".md" // keep the language of a translation
	}
	return diag.Errorf(p.File, 0, 0, "the file name %q has no letters or digits, so the page has no address", name).
		WithHint("rename the file to a name with letters or digits, like %s", suggest+ext)
}
