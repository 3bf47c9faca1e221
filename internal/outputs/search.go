package outputs

import (
	"path"
	"strings"
	"sync"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/parallel"
	"github.com/torv/torv/internal/search"
)

// SearchDir is the folder of the search index: search/<lang>/index.json
// and the shards and chunks it names (package search).
const SearchDir = "search"

// Bounds on the index's files over all languages, whatever the site's
// size: with the pages and the assets, a site stays far below the file
// limits of static hosts.
const (
	searchShards = 400
	searchChunks = 500
)

// searchStage makes the search index of each language of the site from
// its pages' titles, headings, keywords, descriptions and text. It keeps,
// for the Session whose list it is in (Defaults makes one per call), an
// Indexer per language and each page's analysis, so that the preview,
// after an edit, analyses only the pages that changed and encodes only
// the groups whose postings did. In a build that keeps nothing for a
// later one (Input.Once) it keeps nothing: each page's analysis is let go
// of as soon as the index has merged it.
type searchStage struct {
	mu    sync.Mutex
	idx   map[string]*search.Indexer // language -> its indexer
	pages map[string]searchPage      // page file -> its last analysis
	// once, set by begin in a build that keeps nothing for a later one,
	// is each language's pages in the order of its index: their
	// analyses are merged as the pages render, and not kept.
	once *onceIndex
}

type onceIndex struct {
	in    *Input
	lists map[string][]*content.Page // language -> its pages, by doc
	docs  map[*content.Page]int      // page -> its doc in its language's index
}

type searchPage struct {
	lang string
	body *search.Body
	doc  string // the fields of the page's Doc, one string
	page *search.Page
}

func newSearchStage() Stage {
	s := &searchStage{idx: map[string]*search.Indexer{}, pages: map[string]searchPage{}}
	return Stage{Name: "search", Make: s.make, Text: true, Analyze: s.analyze, Begin: s.begin}
}

// begin readies each language's Indexer to merge its pages as their
// texts come (search.Indexer.Stream), in a build that makes the index
// once.
func (s *searchStage) begin(in *Input) {
	if !in.Once {
		return
	}
	o := &onceIndex{in: in, lists: map[string][]*content.Page{}, docs: map[*content.Page]int{}}
	for _, lang := range in.Config.SiteLanguages() {
		list := searchable(in.Site, lang)
		for i, p := range list {
			o.docs[p] = i
		}
		o.lists[lang] = list
		s.indexer(lang).Stream(len(list), in.Spill)
	}
	s.mu.Lock()
	s.once = o
	s.mu.Unlock()
}

// searchable is the pages of language lang that the index lists, in its
// order.
func searchable(site *content.Site, lang string) []*content.Page {
	var list []*content.Page
	for _, p := range site.Pages {
		if p.Lang == lang && p.Searchable() {
			list = append(list, p)
		}
	}
	return list
}

func (s *searchStage) indexer(lang string) *search.Indexer {
	s.mu.Lock()
	defer s.mu.Unlock()
	x := s.idx[lang]
	if x == nil {
		x = search.NewIndexer(language.Get(lang))
		s.idx[lang] = x
	}
	return x
}

func (s *searchStage) analyze(p *content.Page, t PageText) any {
	if !p.Searchable() {
		return nil
	}
	x := s.indexer(p.Lang)
	b := x.Body(t.Headings, t.Text)
	s.mu.Lock()
	o := s.once
	s.mu.Unlock()
	if o != nil {
		if doc, ok := o.docs[p]; ok {
			x.Add(doc, x.Page(searchDoc(o.in, p), b))
			return nil // merged: nothing to keep
		}
	}
	return b
}

func (s *searchStage) make(in *Input) ([]File, diag.List) {
	langs := in.Config.SiteLanguages()
	lim := search.Limits{Shards: searchShards / len(langs), Chunks: searchChunks / len(langs)}
	var out []File
	seen := map[string]bool{}
	s.mu.Lock()
	o := s.once
	s.once = nil
	s.mu.Unlock()
	if o != nil {
		return s.makeStreamed(in, o, lim)
	}
	for _, lang := range langs {
		x := s.indexer(lang)
		list := searchable(in.Site, lang)
		for _, p := range list {
			seen[p.File] = true
		}
		// A page's analysis is its words' look-ups and its row's
		// encoding: on every core, as the bodies' were.
		pages := make([]*search.Page, len(list))
		parallel.Each(len(list), func(i int) { pages[i] = s.page(in, x, list[i]) })
		for _, f := range x.Files(pages, lim) {
			out = append(out, File{Path: path.Join(SearchDir, lang, f.Name), Bytes: f.Bytes})
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for f := range s.pages {
		if !seen[f] {
			delete(s.pages, f)
		}
	}
	return out, nil
}

// makeStreamed makes the files of the indexes whose pages were merged as
// they rendered (begin): the pages that did not render (an empty body)
// are merged now.
func (s *searchStage) makeStreamed(in *Input, o *onceIndex, lim search.Limits) ([]File, diag.List) {
	var out []File
	for _, lang := range in.Config.SiteLanguages() {
		x := s.indexer(lang)
		for doc, p := range o.lists[lang] {
			if !x.Streamed(doc) {
				x.Add(doc, s.page(in, x, p))
			}
		}
		s.mu.Lock()
		delete(s.idx, lang) // StreamFiles leaves it empty
		s.mu.Unlock()
		files, err := x.StreamFiles(lim)
		if err != nil {
			// The rows went to the build's scratch file (Spill), on the
			// output's disk, and could not be read back: a full disk
			// does not do that (package spill keeps the rows in memory
			// then), a failing one may.
			return nil, diag.List{diag.Errorf(SearchDir, 0, 0, "the search index could not be made: %v", err).
				WithHint("build again; if it happens again, check the disk the site is built on")}
		}
		for _, f := range files {
			out = append(out, File{Path: path.Join(SearchDir, lang, f.Name), Bytes: f.Bytes, Spilled: f.Spilled})
		}
	}
	return out, nil
}

// page is page p's analysis: the one made last while its body and its
// fields are the same.
func (s *searchStage) page(in *Input, x *search.Indexer, p *content.Page) *search.Page {
	d := searchDoc(in, p)
	var b *search.Body
	switch {
	case in.Analysis != nil:
		b, _ = in.Analysis(p).(*search.Body)
	case in.Text != nil:
		t := in.Text(p)
		b = x.Body(t.Headings, t.Text)
	}
	if b == nil || !x.Has(b) {
		b = x.Body(nil, nil)
	}
	if in.Once {
		return x.Page(d, b) // no later build asks for it again
	}
	key := strings.Join(append([]string{d.URL, d.Title, d.Section, d.Excerpt}, d.Keywords...), "\x00")
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.pages[p.File]
	if e.page == nil || e.lang != p.Lang || e.body != b || e.doc != key {
		e = searchPage{p.Lang, b, key, x.Page(d, b)}
		s.pages[p.File] = e
	}
	return e.page
}

func searchDoc(in *Input, p *content.Page) search.Doc {
	c := p.Common()
	d := search.Doc{URL: in.URL(p.URL), Title: p.Title(), Section: sectionTitle(p), Excerpt: c.Description,
		Keywords: c.Keywords}
	if t, ok := p.Data.(*content.Term); ok {
		d.Keywords = append(append(d.Keywords[:len(d.Keywords):len(d.Keywords)], t.Aliases...), t.Abbr)
		d.Excerpt = t.Short
	}
	return d
}

// sectionTitle is the title of the list below the home page that page p
// is in, "" for a page directly below the home page.
func sectionTitle(p *content.Page) string {
	for a := p.Parent; a != nil && a.Parent != nil; a = a.Parent {
		if a.Parent.IsHome() {
			return a.Title()
		}
	}
	return ""
}
