package content

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/sitefs"
)

// This file lets the preview load a site once and then read again only the
// files an editor changed: Scan lists the files, ParseFile reads one, and
// Assemble builds a Site from pages read earlier, the way Load does. Load
// is Scan, ParseFile for every Markdown file and Assemble; a test holds the
// two paths to the same result.

// Parsed is one Markdown file as ParseFile read it: the page (nil when the
// file is gone or its name gives it no address; marked Broken when Errs has
// an error) and the mistakes found in the file alone.
type Parsed struct {
	File string
	Page *Page
	Errs diag.List
	kind Kind // the kind the file gave the page; linking may change it
}

// ParseFile reads one Markdown file of fsys (the site folder); file is its
// slash path, such as "content/lov/x.md".
func ParseFile(fsys fs.FS, file string, cfg *config.Config) *Parsed {
	p, errs := safeParse(fsys, file, cfg)
	pr := &Parsed{File: file, Page: p, Errs: errs}
	if p != nil {
		pr.kind = p.Kind
	}
	return pr
}

// Scan lists the files below content/ as Load reads them: the Markdown
// files, and the other files, relative to content/, that are copied to the
// output. errs holds what could not be read.
func Scan(fsys fs.FS) (md, other []string, errs diag.List) {
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Dir && errors.Is(err, fs.ErrNotExist) {
				return err
			}
			errs.Add(diag.Errorf(p, 0, 0, "cannot read: %v", err))
			return nil
		}
		if p != Dir && ignore.Name(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			// The same words as the FS that refuses to read it.
			errs.Add(diag.Errorf(p, 0, 0, "%s", sitefs.ErrSymlink).WithHint("%s", sitefs.Hint(p)).Warning())
		case d.IsDir():
		case strings.HasSuffix(p, ".md"):
			md = append(md, p)
		case d.Type().IsRegular():
			other = append(other, strings.TrimPrefix(p, Dir+"/"))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Errorf(Dir, 0, 0, "the site has no content folder").
			WithHint("make a folder content/ with a file _index.md for the home page"))
	}
	return md, other, errs
}

// Assemble builds a Site from pages ParseFile read, in any order, and
// the other files Scan found; it returns the mistakes that only the whole
// site shows (two pages at one URL, references to missing pages), not the
// Parsed's own. Pages read for an earlier Site may be passed again: what
// linking derived (parents, children, topics, resolved references) is
// cleared first, so a page that did not change keeps its identity, and
// whatever was made from it before (a cached list entry) stays valid.
func Assemble(cfg *config.Config, parsed []*Parsed, other []string, opts Options) (*Site, diag.List) {
	var errs diag.List
	site := newSite(cfg)
	site.Files = append([]string(nil), other...)
	var add []*Page
	for _, pr := range parsed {
		p := pr.Page
		if p == nil || (p.Common().Draft && !opts.Drafts) {
			continue
		}
		unlink(p, pr.kind)
		add = append(add, p)
	}
	site.addAll(add, &errs)
	site.link(&errs)
	errs.Sort()
	return site, errs
}

// unlink clears what Site.link derives on a page, so that it can be linked
// into a new Site. Every field link sets must be cleared here, but for
// titleKey, which setTitleKey renews when the title or language changed.
func unlink(p *Page, kind Kind) {
	p.Kind = kind
	p.Parent, p.Children, p.Tags, p.Translations = nil, nil, nil, nil
	switch d := p.Data.(type) {
	case *Home:
		d.Featured = nil
	case *Theme:
		d.Initiatives = nil
	case *Initiative:
		d.Theme = nil
	case *Law:
		d.LawLang = ""
	}
}

// FrontMatter returns the page's TOML front matter as written and the file
// line it starts on. Two reads of a file with the same front matter give
// the same page but for its body.
func (p *Page) FrontMatter() (text string, line int) { return p.front, int(p.frontLine) }
