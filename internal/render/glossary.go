package render

import (
	"slices"
	"strings"
	"unicode"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/slug"
)

// The glossary on other pages and on its own list page.
//
// Every page links the first use of each term of its language to the
// term's page (markup's glossary extension does the matching). The
// matchers are built here once per language per build, from site.Terms,
// and shared by every render worker: building one costs a map entry per
// form, matching a page then costs a map look-up per word.
//
// The glossary's list page (a section whose pages are terms) shows the
// terms A–Å under a heading per letter, in the language's alphabetical
// order: View.Glossary groups them for layouts/partials/glossary.html.

// glossaries returns the glossary matcher of each language that has terms,
// or nil when config.toml switches linking off ([glossary]
// link_first_use = false). url makes a site path published.
func glossaries(site *content.Site, url func(string) string) map[string]*markup.Glossary {
	if site.Config == nil || !site.Config.Glossary.LinksFirstUse() {
		return nil
	}
	byLang := map[string][]markup.Term{}
	for _, p := range site.Terms {
		d, ok := p.Data.(*content.Term)
		if !ok {
			continue
		}
		forms := append([]string{p.Title()}, d.Aliases...)
		byLang[p.Lang] = append(byLang[p.Lang], markup.Term{Forms: forms, Href: url(p.URL), Abbr: d.Abbr})
	}
	out := make(map[string]*markup.Glossary, len(byLang))
	for lang, terms := range byLang {
		out[lang] = markup.NewGlossary(terms)
	}
	return out
}

// LetterGroup is the glossary terms under one letter.
type LetterGroup struct {
	Letter string          // as the heading shows it: "A", "Æ", "0–9"
	ID     string          // the heading's id: "letter-ae"
	Pages  []*content.Page // in alphabetical order
}

// Glossary returns the pages of a list of glossary terms grouped by their
// first letter, in the alphabetical order of the page's language
// (content.CollateIn: Danish æ, ø, å after z; Swedish å, ä, ö), or nil
// when the list is not all terms. A letter the language sorts with
// another (Danish ä with æ) is under that letter's heading.
func (v *View) Glossary() []LetterGroup {
	if !content.AllOfKind(v.List, content.KindTerm) {
		return nil
	}
	pages := slices.Clone(v.List)
	slices.SortStableFunc(pages, func(a, b *content.Page) int { return content.CollateIn(v.Lang, a.Title(), b.Title()) })
	var groups []LetterGroup
	for _, p := range pages {
		l := letterOf(v.Lang, p.Title())
		if len(groups) == 0 || groups[len(groups)-1].Letter != l {
			groups = append(groups, LetterGroup{Letter: l, ID: "letter-" + slug.Make(l)})
		}
		g := &groups[len(groups)-1]
		g.Pages = append(g.Pages, p)
	}
	return groups
}

// alphabet is the letters a language's glossary has headings for, in its
// order.
func alphabet(lang string) []string {
	az := strings.Split("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "")
	switch lang {
	case "sv":
		return append(az, "Å", "Ä", "Ö")
	case "en":
		return az
	}
	return append(az, "Æ", "Ø", "Å")
}

// letterOf returns the heading a title is listed under: its first letter
// as the language sorts it (the last letter of the alphabet that does not
// sort after it, so English æ is under A and Danish ä under Æ), "0–9" for
// a digit, or the first character itself when it sorts before A.
func letterOf(lang, title string) string {
	first := strings.IndexFunc(title, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if first < 0 {
		return "#"
	}
	r := []rune(title[first:])[0]
	if unicode.IsDigit(r) {
		return "0–9"
	}
	s := string(unicode.ToUpper(r))
	letter := ""
	for _, l := range alphabet(lang) {
		if content.CollateIn(lang, s, l) < 0 {
			break
		}
		letter = l
	}
	if letter == "" {
		return s
	}
	return letter
}
