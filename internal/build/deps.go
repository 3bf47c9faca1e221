package build

import (
	"bytes"
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/parallel"
	"github.com/torv/torv/internal/reads"
)

// This file answers which pages an edit changes, from what each page read
// while it rendered (package reads, recorded by the renderer): a page is
// rendered again when it changed itself, or when something it read did.

// state is what other pages may show of a page: own is the page as its
// file makes it (address, front matter and the values made from it, and
// its translations), list
// what it is made of other pages (reads.List), both as hashes, and when it
// last changed (reads.Updated). Its body is in none: no other page shows
// a page's body.
type state struct {
	own, list uint64
	updated   string
}

func pageState(site *content.Site, p *content.Page, seed maphash.Seed) state {
	var h maphash.Hash
	h.SetSeed(seed)
	field := func(s string) { h.WriteString(s); h.WriteByte(0) }
	urls := func(ps []*content.Page) {
		for _, q := range ps {
			field(q.URL)
		}
		field("|")
	}
	front, _ := p.FrontMatter()
	if g := p.Pager(); g != nil && g.Number > 1 {
		front, _ = g.First().FrontMatter() // a further page of a list has its list's
	}
	field(p.URL)
	field(string(p.Kind))
	field(p.Lang)
	field(p.File)
	field(front)
	field(p.Title())
	field(p.ShortTitle())
	field(p.Description())
	if p.Broken {
		field("broken")
	}
	if p.Parent != nil {
		field(p.Parent.URL)
	}
	urls(p.Translations) // page "x" and the menu give the translation
	if d, ok := p.Data.(*content.Law); ok {
		// Made from another page: the main language's explainer of the
		// law, whose name this one may share (content: LawLang).
		field(d.LawLang)
	}
	var st state
	st.own = h.Sum64()
	h.Reset()
	urls(p.Children)
	for _, t := range p.Tags {
		field(t.URL)
	}
	field("|")
	if g := p.Pager(); g != nil {
		urls(g.Pages)
		urls(g.Items)
	}
	switch p.Kind {
	case content.KindTopic:
		if t := site.Topic(p); t != nil {
			urls(t.Pages)
		}
	case content.KindTopics:
		for _, t := range site.TopicsIn(p.Lang) {
			field(t.URL)
		}
	}
	urls(content.Refs(p))
	st.list = h.Sum64()
	st.updated = p.Updated().ISO()
	return st
}

// states returns every page's state by URL; seed is the session's, so
// that states of one session compare.
// The hashes are made on every core: the preview makes them for every
// page after each edit of a front matter.
func states(site *content.Site, seed maphash.Seed) map[string]state {
	const chunk = 512
	all := make([]state, len(site.Pages))
	parallel.Each((len(all)+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(len(all), (c+1)*chunk); i++ {
			all[i] = pageState(site, site.Pages[i], seed)
		}
	})
	m := make(map[string]state, len(site.Pages))
	for i, p := range site.Pages {
		m[p.URL] = all[i]
	}
	return m
}

// restate renews the kept states of the pages whose state a patch of
// page p (content.Site.Patch) can change, and returns what changed, as
// changes does. Of the parts of a state (pageState), a patch changes p's
// own, the order of the lists p is in (its folder's list and that list's
// pages, its topics' pages, its letter of the A–Å index), and the
// Updated of the lists above p and of the topic pages that list p or
// one of them: a list's Updated is its newest page's. No other page's
// state reads p: the others hold its URL, which a patch keeps. The other
// 10 000 states of the bench corpus are not hashed again (some 15 ms of
// CPU a save).
func (s *Session) restate(p *content.Page) (keys reads.Set, changed []*content.Page) {
	var pages []*content.Page // p is among the pages above it
	if g := p.Parent.Pager(); g != nil {
		pages = append(pages, g.Pages...)
	}
	for _, l := range s.site.LettersIn(p.Lang) {
		if slices.Contains(l.Pages, p) && l.Page != nil {
			pages = append(pages, l.Page)
		}
	}
	seen := map[*content.Page]bool{}
	for up := []*content.Page{p}; len(up) > 0; {
		q := up[len(up)-1]
		up = up[:len(up)-1]
		if seen[q] {
			continue
		}
		seen[q] = true
		pages = append(pages, q)
		if q.Parent != nil {
			up = append(up, q.Parent)
		}
		for _, t := range q.Tags {
			if t.Page != nil {
				up = append(up, t.Page)
			}
		}
	}
	old, now := map[string]state{}, map[string]state{}
	for _, q := range pages {
		if s.site.PageByURL(q.URL) == q { // a topic's page may have lost its URL to a page of content/
			old[q.URL] = s.states[q.URL]
			now[q.URL] = pageState(s.site, q, s.seed)
		}
	}
	keys, changed, _ = changes(old, now, s.site)
	maps.Copy(s.states, now)
	return keys, changed
}

// changes compares the pages' states before and after an edit: the keys
// that changed, the pages whose own state did (to render again), and the
// URLs of pages that went away. Any change may be what a reference that
// found nothing wanted (a new page, a law's new id) and changes the list
// of every page.
func changes(old, now map[string]state, site *content.Site) (keys reads.Set, changed []*content.Page, gone []string) {
	keys = reads.New()
	for u, st := range now {
		was, ok := old[u]
		if ok && was == st {
			continue
		}
		if !ok || was.own != st.own {
			keys.Add(reads.Page(u))
		}
		if !ok || was.list != st.list {
			keys.Add(reads.List(u))
		}
		if !ok || was.updated != st.updated {
			keys.Add(reads.Updated(u))
		}
		if p := site.PageByURL(u); p != nil {
			changed = append(changed, p)
		}
	}
	for u := range old {
		if _, ok := now[u]; !ok {
			keys.Add(reads.Page(u))
			keys.Add(reads.List(u))
			keys.Add(reads.Updated(u))
			gone = append(gone, u)
		}
	}
	if len(keys) > 0 {
		keys.Add(reads.Site)
		keys.Add(reads.Miss)
	}
	return keys, changed, gone
}

// dataReaders returns the Markdown files whose pages read one of the
// changed other files (paths relative to content/): a chart's CSV file,
// which is read with its page, so a change to it is a change to the page.
func (s *Session) dataReaders(changed map[string]bool) map[string]bool {
	out := map[string]bool{}
	if len(changed) == 0 {
		return out
	}
	for f, pr := range s.parsed {
		if pr.Page == nil {
			continue
		}
		for _, d := range pr.Page.DataFiles() {
			if changed[strings.TrimPrefix(d, content.Dir+"/")] {
				out[f] = true
			}
		}
	}
	return out
}

// termForms is what the glossary's links are made of, by term page URL:
// the language, the forms and the expansion.
func termForms(site *content.Site) map[string]string {
	m := map[string]string{}
	for _, p := range site.Terms {
		if d, ok := p.Data.(*content.Term); ok {
			m[p.URL] = p.Lang + "\x00" + p.Title() + "\x00" + strings.Join(d.Aliases, "\x00") + "\x00\x00" + d.Abbr
		}
	}
	return m
}

// glossaryReaders adds to want the pages whose text may use a term that
// came, went or is written differently now: the glossary links a term
// wherever it is used, so what a page would link is found in its text,
// not in what it read.
func glossaryReaders(site *content.Site, old, now map[string]string, want map[string]bool) {
	forms := map[string][]string{} // language -> forms whose links changed
	add := func(v string) {
		parts := strings.Split(v, "\x00")
		lang, rest := parts[0], parts[1:]
		for _, f := range rest {
			if f != "" {
				forms[lang] = append(forms[lang], f)
			}
		}
	}
	for u, v := range now {
		if old[u] != v {
			add(v)
			if w, ok := old[u]; ok {
				add(w)
			}
		}
	}
	for u, v := range old {
		if _, ok := now[u]; !ok {
			add(v)
		}
	}
	for lang, fs := range forms {
		l := language.Get(lang)
		var stems [][]byte
		for _, f := range fs {
			stems = append(stems, stem(l, f))
		}
		var buf []byte
		for _, p := range site.Pages {
			if p.Lang != lang || want[p.URL] {
				continue
			}
			front, _ := p.FrontMatter()
			buf = l.AppendFold(l.AppendFold(buf[:0], []byte(front)), p.Body)
			for _, s := range stems {
				if bytes.Contains(buf, s) {
					want[p.URL] = true
					break
				}
			}
		}
	}
}

// stem is the folded first word of a term's form without its last two
// letters, which an inflected use ("klagen", "klager") may change: a page
// whose text holds it may link the term.
func stem(l *language.Language, form string) []byte {
	w := strings.TrimSpace(form)
	if i := strings.IndexAny(w, " \t-"); i > 0 {
		w = w[:i]
	}
	r := []rune(l.Fold(w))
	if len(r) > 4 {
		r = r[:len(r)-2]
	}
	return []byte(string(r))
}

// inDir reports whether slash path p is dir or inside it.
func inDir(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
