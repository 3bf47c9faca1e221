package render

import (
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/markup"
)

// The glossary on other pages and on its own list page.
//
// Every page links the first use of each term of its language to the
// term's page (markup's glossary extension does the matching, with
// package language's Matcher and the language's endings). The
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
		// With the language's endings, as torv check builds it: an
		// inflected use of one term ("Digital Posten") is found, and is
		// no use of a shorter term inside it ("digital").
		out[lang] = markup.NewGlossaryIn(lang, terms)
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
// first letter, in the alphabetical order of the page's language, or nil
// when the list is not all terms. Order and letters are package
// language's (Compare, Letter): Danish æ, ø, å after z, Swedish å, ä, ö,
// and a letter the language sorts with another (Danish ä with æ, "aa"
// with å) under that letter's heading.
func (v *View) Glossary() []LetterGroup {
	if !content.AllOfKind(v.List, content.KindTerm) {
		return nil
	}
	return byLetter(language.Get(v.Lang), v.List, "letter-")
}
