package content

import (
	"cmp"

	"github.com/torv/torv/internal/diag"
)

// KindSearch is a language's search page, generated, never from a file.
const KindSearch Kind = "search"

// searchPaths are the addresses of the search pages below each language's
// prefix: fixed words, like the pager's, so that a link to a search never
// moves when the UI strings are reworded.
var searchPaths = map[string]string{"da": "/soeg/", "nb": "/sok/", "sv": "/sok/", "en": "/search/"}

// searchTitles title the search pages, as topicNames do the topic index.
var searchTitles = map[string]string{"da": "Søg", "nb": "Søk", "sv": "Sök", "en": "Search"}

// SearchURL is the site path of language lang's search page: /soeg/,
// /en/search/, /sv/sok/, /nb/sok/.
func (s *Site) SearchURL(lang string) string {
	return s.Config.LangPrefix(lang) + cmp.Or(searchPaths[lang], "/search/")
}

// searchPages makes each language's search page, below its home page. A
// page of content/ at its address is an error: the search form of every
// page leads there.
func (s *Site) searchPages(errs *diag.List) {
	for _, lang := range s.Config.SiteLanguages() {
		u := s.SearchURL(lang)
		if taken := s.byURL[u]; taken != nil {
			if taken.File != "" {
				errs.Add(diag.Errorf(taken.File, 1, 1, "the address %s is the search page's", u).
					WithHint("give the page another file name or slug"))
			}
			continue
		}
		p := &Page{Kind: KindSearch, URL: u, Lang: lang, Parent: s.HomeOf(lang),
			Data: &Plain{Common: Common{Title: cmp.Or(searchTitles[lang], "Search")}}}
		s.byURL[u] = p
		s.Pages = append(s.Pages, p)
	}
}
