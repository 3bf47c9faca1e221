package render

import (
	"slices"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/outputs"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/slug"
)

// The site's search: the form in every page's header leads to the search
// page of the page's language (content.KindSearch, layouts/search.html),
// whose script (assets/js/search.js) reads the index package outputs
// writes. Without the script the page lists every page A–Å.

// SearchURL is the site path of the search page of the page's language,
// the action of the header's search form.
func (v *View) SearchURL() string { return v.Site.site.SearchURL(v.Lang) }

// SearchIndex is the site path of the search index of the page's
// language, which the search page hands its script.
func (v *View) SearchIndex() string {
	return "/" + outputs.SearchDir + "/" + v.Lang + "/index.json"
}

// AZ returns, on a search page, every page of its language that the
// search finds, grouped by first letter in the language's alphabetical
// order as the glossary is; nil on any other page. The page then reads
// the whole site (reads.Site): any page's title may move in the list.
func (v *View) AZ() []LetterGroup {
	if v.Page.Kind != content.KindSearch {
		return nil
	}
	v.Site.w.note(reads.Site)
	var pages []*content.Page
	for _, p := range v.Site.site.Pages {
		if p.Lang == v.Lang && outputs.Searchable(p) {
			pages = append(pages, p)
		}
	}
	return byLetter(language.Get(v.Lang), pages, "az-")
}

// byLetter groups pages by the first letter of their titles, in the
// language's alphabetical order; each group's ID is prefix and its letter.
func byLetter(lang *language.Language, pages []*content.Page, prefix string) []LetterGroup {
	// A key per page, not two per comparison: the search page of a large
	// site lists thousands, and a title edit renders it again.
	type keyed struct {
		key string
		p   *content.Page
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{lang.CollateKey(p.Title()), p}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	var groups []LetterGroup
	for _, k := range ks {
		p := k.p
		l := lang.Letter(p.Title())
		if len(groups) == 0 || groups[len(groups)-1].Letter != l {
			groups = append(groups, LetterGroup{Letter: l, ID: prefix + slug.Make(l)})
		}
		g := &groups[len(groups)-1]
		g.Pages = append(g.Pages, p)
	}
	return groups
}
