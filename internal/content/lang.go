package content

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// This file holds the model of a multilingual site. A page's language is
// in its file name: content/om.en.md is the English translation of
// content/om.md, which is in the site's main language (config.toml's
// language). Files that differ only in that suffix are translations of one
// another; the main language's pages sit at the root of the site and every
// other language's under its code: /om/ and /en/om/. Each language has its
// own home page, tree, lists, topics, glossary and law explainers, and a
// language without a home page (content/_index.sv.md) gets a generated one,
// so the language switcher always has somewhere to go.
//
// The name, not a front-matter key, carries the language so that an editor
// sees a page's translations beside it in the file list, and a translation
// cannot point at a page that is not there.

// langNames are the languages' own names, the way their readers look for
// them in a language switcher.
var langNames = map[string]string{"da": "Dansk", "sv": "Svenska", "nb": "Norsk bokmål", "en": "English"}

// LangName returns a language's name in that language ("Svenska").
func LangName(lang string) string { return cmp.Or(langNames[lang], lang) }

// fileLang reads the language of the content file rel ("om.en.md") and
// returns it with the page's key, its path without the language
// ("om.md"). A suffix that is not a language torv knows ("v1.2.md") is
// part of the name; one the site does not publish is an error.
func fileLang(file, rel string, cfg *config.Config) (lang, key string, err *diag.Error) {
	dir, name := path.Split(rel)
	stem := strings.TrimSuffix(name, ".md")
	ext := path.Ext(stem)
	code := strings.TrimPrefix(ext, ".")
	if ext == "" || !slices.Contains(config.Languages, code) {
		return cfg.Language, rel, nil
	}
	if !cfg.HasLanguage(code) {
		return "", "", diag.Errorf(file, 0, 0, "the file name says the page is in %s (.%s.md), but config.toml has no [languages.%s]",
			LangName(code), code, code).
			WithHint("add [languages.%s] with title = \"...\" to config.toml, or rename the file to %s", code, strings.TrimSuffix(stem, ext)+".md")
	}
	return code, dir + strings.TrimSuffix(stem, ext) + ".md", nil
}

// FileLawID is the id a law explainer in file ("content/lov/x.en.md")
// has without an id key: its file name without the language ("x"); ""
// for a file in a language the site does not publish.
func FileLawID(file string, cfg *config.Config) string {
	_, key, err := fileLang(file, strings.TrimPrefix(file, Dir+"/"), cfg)
	if err != nil {
		return ""
	}
	return lawIDOf(key)
}

// lawIDOf is the law id of a path below content/ without its language.
func lawIDOf(key string) string { return strings.TrimSuffix(path.Base(key), ".md") }

// HomeOf returns the home page of a language.
func (s *Site) HomeOf(lang string) *Page {
	if h := s.homes[lang]; h != nil {
		return h
	}
	return s.Home
}

// Translation returns p in lang: p itself, one of its translations, or nil.
func (s *Site) Translation(p *Page, lang string) *Page {
	if p == nil || p.Lang == lang {
		return p
	}
	for _, t := range p.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// Law returns the law explainer with id in language lang, or the main
// language's when lang has none, or nil.
func (s *Site) Law(lang, id string) *Page {
	if p := s.laws[lang][id]; p != nil {
		return p
	}
	return s.Laws[id]
}

// themeInitiatives adds to each theme the initiatives that name it as their
// theme and that the theme does not list itself, so an editor who writes
// theme = "..." in a new initiative need not also edit the theme: the
// theme's own list comes first, in its order, then the others by weight
// and title.
func (s *Site) themeInitiatives() {
	extra := map[*Page][]*Page{}
	for _, p := range s.Pages {
		if d, ok := p.Data.(*Initiative); ok && d.Theme != nil {
			th := d.Theme.Data.(*Theme)
			if !slices.Contains(th.Initiatives, p) {
				extra[d.Theme] = append(extra[d.Theme], p)
			}
		}
	}
	for theme, more := range extra {
		slices.SortStableFunc(more, func(a, b *Page) int {
			return cmp.Or(cmp.Compare(a.Weight(), b.Weight()), byTitle(a, b))
		})
		th := theme.Data.(*Theme)
		th.Initiatives = append(th.Initiatives, more...)
	}
}

// translations links the pages that share a key.
func (s *Site) translations() {
	// Each key's first page, and the pages of the keys that have more:
	// most pages have no translation, and a slice for each made this 8 %
	// of putting a site of 10 000 pages together.
	first := make(map[string]*Page, len(s.Pages))
	byKey := map[string][]*Page{}
	for _, p := range s.Pages {
		if p.key == "" {
			continue
		}
		if f, ok := first[p.key]; !ok {
			first[p.key] = p
		} else if g := byKey[p.key]; g == nil {
			byKey[p.key] = []*Page{f, p}
		} else {
			byKey[p.key] = append(g, p)
		}
	}
	order := s.Config.SiteLanguages()
	for _, group := range byKey {
		slices.SortFunc(group, func(a, b *Page) int {
			return cmp.Compare(slices.Index(order, a.Lang), slices.Index(order, b.Lang))
		})
		for _, p := range group {
			for _, t := range group {
				if t != p {
					p.Translations = append(p.Translations, t)
				}
			}
		}
		if main := group[0]; main.Lang == s.Config.Language {
			if ml, ok := main.Data.(*Law); ok {
				for _, p := range group[1:] {
					if l, ok := p.Data.(*Law); ok && l.Law == ml.Law {
						l.LawLang = main.Lang
					}
				}
			}
		}
	}
}
