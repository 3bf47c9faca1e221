package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/slug"
)

// KindSearch is a language's search page, generated, never from a file.
const KindSearch Kind = "search"

// KindLetter is a page of a language's A–Å index, below its search page:
// the pages whose titles sort under one letter (Letter). Generated.
const KindLetter Kind = "letter"

// A Letter is one page of a language's A–Å index: every page the search
// finds (Page.Searchable) whose title sorts under one letter, so that a
// citizen without JavaScript finds any page from the search page in one
// click, and no page of a large site lists them all.
type Letter struct {
	Letter string  // the list's heading (language.Letter): "A", "Æ", "0–9", "#"
	Page   *Page   // the letter's page: /soeg/a/, /soeg/ae/ for Æ
	Pages  []*Page // its pages, in the language's alphabetical order by title
}

// letterTitles title the letter pages, as searchTitles do the search
// pages: %s is the letter.
var letterTitles = map[string]string{"da": "Sider på %s", "nb": "Sider på %s", "sv": "Sidor på %s",
	"en": "Pages under %s"}

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
			reserved(taken, u, "the search page's", errs)
			continue
		}
		p := &Page{Kind: KindSearch, URL: u, Lang: lang, Parent: s.HomeOf(lang),
			Data: &Plain{Common: Common{Title: cmp.Or(searchTitles[lang], "Search")}}}
		s.byURL[u] = p
		s.Pages = append(s.Pages, p)
		s.letterPages(p, errs)
	}
}

// letterPages makes the A–Å index of the search page's language, a page
// per letter below it; a page of content/ at a letter's address is an
// error, as one at the search page's is.
func (s *Site) letterPages(search *Page, errs *diag.List) {
	lang := language.Get(search.Lang)
	var pages []*Page
	for _, p := range s.Pages {
		if p.Lang == search.Lang && p.Searchable() {
			pages = append(pages, p)
		}
	}
	for _, l := range ByLetter(lang, pages) {
		u := search.URL + letterSlug(l.Letter) + "/"
		if taken := s.byURL[u]; taken != nil {
			reserved(taken, u, "the A–Å index's", errs)
			continue
		}
		// Children, as a topic's page has its pages: what the page lists
		// is its list, which an edit that moves a page in or out of it
		// changes (and the search page's are its letters).
		l.Page = &Page{Kind: KindLetter, URL: u, Lang: search.Lang, Parent: search, Children: l.Pages,
			Data: &Plain{Common: Common{Title: fmt.Sprintf(cmp.Or(letterTitles[search.Lang], "Pages under %s"), l.Letter)}}}
		search.Children = append(search.Children, l.Page)
		s.byURL[u] = l.Page
		s.Pages = append(s.Pages, l.Page)
		s.letters[search.Lang] = append(s.letters[search.Lang], l)
	}
}

// reserved reports page taken, of content/, at address u, which is
// whose's (the search page's, a letter page's). A folder's list made for
// a folder without an _index.md has no file of its own: the error is at
// the first file in the folder, which is what put it there, or the
// folder's search page would be lost without a word.
func reserved(taken *Page, u, whose string, errs *diag.List) {
	file, hint := taken.File, "give the page another file name or slug"
	if file == "" {
		if file = firstFile(taken); file == "" {
			return
		}
		depth := 1 // content/, then one folder per list below the home page
		for q := taken; q.Parent != nil; q = q.Parent {
			depth++
		}
		if parts := strings.Split(file, "/"); depth < len(parts) {
			hint = "rename the folder " + strings.Join(parts[:depth], "/") + "/"
		}
	}
	errs.Add(diag.Errorf(file, 1, 1, "the address %s is %s", u, whose).WithHint("%s", hint))
}

// firstFile is the file that sorts first of the pages below p, "" when
// none is from a file.
func firstFile(p *Page) string {
	first := ""
	for _, ch := range p.Children {
		f := ch.File
		if f == "" {
			f = firstFile(ch)
		}
		if f != "" && (first == "" || f < first) {
			first = f
		}
	}
	return first
}

// ByLetter groups pages of one language by the first letter of their
// titles (lang.Letter), the letters and each letter's pages in the
// language's alphabetical order: the A–Å index's letters, and the
// glossary's. Pages, pages of the assembled Site (whose sort keys it
// made), is sorted in place.
func ByLetter(lang *language.Language, pages []*Page) []*Letter {
	sortTitles(pages)
	var letters []*Letter
	byLetter := map[string]*Letter{} // a title that starts with "§ 7" sorts after z, under 0–9
	letter := lang.Letterer()
	for _, p := range pages {
		l := letter(p.Title())
		g := byLetter[l]
		if g == nil {
			g = &Letter{Letter: l}
			byLetter[l] = g
			letters = append(letters, g)
		}
		g.Pages = append(g.Pages, p)
	}
	return letters
}

// letterSlug is the last part of a letter page's address: the letter as
// a slug ("a", "ae" for Æ, "0-9"), or, for a letter no slug can write
// ("#", a letter of another script), its first character's code point.
func letterSlug(letter string) string {
	if sl := slug.Make(letter); sl != "" {
		return sl
	}
	return fmt.Sprintf("u%x", []rune(letter)[0])
}

// LettersIn returns the A–Å index of language lang: its letters, in the
// language's alphabetical order.
func (s *Site) LettersIn(lang string) []*Letter { return s.letters[lang] }

// LetterOf returns the letter whose page is p, nil for another page.
func (s *Site) LetterOf(p *Page) *Letter {
	if p.Kind != KindLetter {
		return nil
	}
	for _, l := range s.letters[p.Lang] {
		if l.Page == p {
			return l
		}
	}
	return nil
}

// Searchable reports whether the search index and the A–Å index have page
// p: a page of content/ (not a list torv made) whose front matter does not
// say search = false.
func (p *Page) Searchable() bool {
	if p.File == "" || p.Broken {
		return false
	}
	s := p.Common().Search
	return s == nil || *s
}

// sortTitles sorts pages by title, keeping the order they came in among
// equal titles, as a stable sort by titleKey does: by rank and place when
// every page has a titleRank, which compares no strings.
func sortTitles(pages []*Page) {
	type ranked struct {
		rank, at int32
		p        *Page
	}
	rs := make([]ranked, len(pages))
	for i, p := range pages {
		if p.titleRank == 0 {
			slices.SortStableFunc(pages, func(a, b *Page) int { return strings.Compare(a.titleKey, b.titleKey) })
			return
		}
		rs[i] = ranked{p.titleRank, int32(i), p}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		return cmp.Compare(a.at, b.at)
	})
	for i, r := range rs {
		pages[i] = r.p
	}
}
