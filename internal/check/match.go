package check

import (
	"sync"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/markup"
)

// A matcher is a word list of one language (jargon, glossary forms, the
// long words a site allows), matched by package language's Matcher, the
// one the build's glossary links with: by whole parts of words, in any
// case, with a hyphen or spaces between words; the last word also with the
// language's endings ("bevilling" matches "bevillingen"), or with any
// ending when the phrase ends in "*"; a phrase in capitals ("CPR") only
// as written.
type matcher struct {
	lang string
	m    *language.Matcher

	// The build's glossary of the language, made on first use from the
	// checker's terms (see glossary): what the build links.
	glossOnce sync.Once
	gloss     *markup.Glossary
}

func newMatcher(lang string) *matcher {
	return &matcher{lang: lang, m: language.NewMatcher(language.Get(lang))}
}

// add adds a phrase; it returns false for one without words.
func (m *matcher) add(text string, id int) bool { return m.m.Add(text, id) }

// match is a phrase found at buf[start:end].
type match struct {
	start, end int
	id         int
	inflected  bool
}

// find calls f for each phrase in the block buf[start:end], left to
// right; matches do not overlap, and the longest phrase wins.
func (m *matcher) find(buf []byte, start, end int, f func(match)) {
	if m == nil {
		return
	}
	m.m.Find(buf[start:end], func(x language.Match) bool {
		f(match{start: start + x.Start, end: start + x.End, id: x.ID, inflected: x.Inflected})
		return true
	})
}

// glossary returns the glossary the build links the terms of language
// lang with, by term id, made once from the checker's terms as the build
// makes it from the site's.
func (c *Checker) glossary(lang string) *markup.Glossary {
	m := c.terms[lang]
	if m == nil {
		return nil
	}
	m.glossOnce.Do(func() {
		terms := make([]markup.Term, len(c.termPages))
		for id, t := range c.termPages {
			if d, ok := t.Data.(*content.Term); ok && t.Lang == lang {
				terms[id] = markup.Term{Forms: append([]string{t.Title()}, d.Aliases...), Href: t.URL, Abbr: d.Abbr}
			}
		}
		m.gloss = markup.NewGlossaryIn(lang, terms)
	})
	return m.gloss
}

// linkedTerms returns the ids of the glossary terms whose use the build
// links in the page's body, or nil when it links none. It asks the
// build's own glossary which uses it links from, on the body's tree.
func (pc *pageCheck) linkedTerms() map[int]bool {
	if !pc.c.autoLink || pc.doc == nil {
		return nil
	}
	var linked map[int]bool
	pc.c.glossary(pc.lang).Uses(pc.doc, pc.src, func(u markup.Use) {
		if u.Inflected {
			return
		}
		if linked == nil {
			linked = map[int]bool{}
		}
		linked[u.Term] = true
	})
	return linked
}
