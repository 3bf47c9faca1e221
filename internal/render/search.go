package render

import (
	"slices"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/outputs"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/slug"
)

// The site's search: the form in every page's header leads to the search
// page of the page's language (content.KindSearch, layouts/search.html),
// whose script (assets/js/search.js) reads the index package outputs
// writes. Without the script the page links to the A–Å index, a page per
// letter, which lists every page the search finds.

// SearchURL is the site path of the search page of the page's language,
// the action of the header's search form.
func (v *View) SearchURL() string { return v.Site.site.SearchURL(v.Lang) }

// SearchIndex is the site path of the search index of the page's
// language, which the search page hands its script.
func (v *View) SearchIndex() string {
	return "/" + outputs.SearchDir + "/" + v.Lang + "/index.json"
}

// Letters returns, on a search page and on the pages of its A–Å index
// (content.KindLetter, layouts/letter.html), the index's letters, each
// with its page; nil on any other page. They are the search page's
// children (content.Site.LettersIn), so a page of the index reads the
// search page's list: a title's edit may bring a letter or take one away.
func (v *View) Letters() []*content.Letter {
	switch v.Page.Kind {
	case content.KindSearch:
	case content.KindLetter:
		v.Site.w.note(reads.List(v.Page.Parent.URL))
	default:
		return nil
	}
	return v.Site.site.LettersIn(v.Lang)
}

// LetterPages returns, on a page of the A–Å index, the pages of its
// letter (those the search finds, in alphabetical order); nil on any
// other page. They are the page's children: it reads their titles and
// addresses, and their topics. (A method of its own, not the Letter's
// Pages, so that the layout names no relation of other pages and reads
// no more than this: see namesRelation.)
func (v *View) LetterPages() []*content.Page {
	l := v.Site.site.LetterOf(v.Page)
	if l == nil {
		return nil
	}
	for _, p := range l.Pages {
		if !v.Site.w.noting() {
			break
		}
		v.Site.w.note(reads.List(p.URL))
		for _, t := range p.Tags {
			v.Site.w.notePage(t.Page)
		}
	}
	return l.Pages
}

// byLetter groups pages by the first letter of their titles, in the
// language's alphabetical order (content.ByLetter, as the A–Å index
// does); each group's ID is prefix and its letter.
func byLetter(lang *language.Language, pages []*content.Page, prefix string) []LetterGroup {
	var groups []LetterGroup
	for _, l := range content.ByLetter(lang, slices.Clone(pages)) {
		groups = append(groups, LetterGroup{Letter: l.Letter, ID: prefix + slug.Make(l.Letter), Pages: l.Pages})
	}
	return groups
}
