package outputs

import (
	"path"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/language"
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

// searchFiles makes the search index of each language of the site from its
// pages' titles, headings, keywords, descriptions and text.
func searchFiles(in *Input) ([]File, diag.List) {
	langs := in.Config.SiteLanguages()
	lim := search.Limits{Shards: searchShards / len(langs), Chunks: searchChunks / len(langs)}
	var out []File
	for _, lang := range langs {
		var docs []search.Doc
		for _, p := range in.Site.Pages {
			if p.Lang == lang && Searchable(p) {
				docs = append(docs, searchDoc(in, p))
			}
		}
		for _, f := range search.Build(language.Get(lang), docs, lim) {
			out = append(out, File{path.Join(SearchDir, lang, f.Name), f.Bytes})
		}
	}
	return out, nil
}

// Searchable reports whether the search index has page p: a page of
// content/ (not a list torv made) whose front matter does not say
// search = false.
func Searchable(p *content.Page) bool {
	if p.File == "" || p.Broken {
		return false
	}
	s := p.Common().Search
	return s == nil || *s
}

func searchDoc(in *Input, p *content.Page) search.Doc {
	c := p.Common()
	d := search.Doc{URL: in.URL(p.URL), Title: p.Title(), Section: sectionTitle(p), Excerpt: c.Description,
		Keywords: c.Keywords}
	if t, ok := p.Data.(*content.Term); ok {
		d.Keywords = append(append(d.Keywords[:len(d.Keywords):len(d.Keywords)], t.Aliases...), t.Abbr)
		d.Excerpt = t.Short
	}
	if in.Text != nil {
		t := in.Text(p)
		d.Headings, d.Text = t.Headings, t.Text
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
