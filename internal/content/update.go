package content

import (
	"cmp"
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/sitefs"
	"github.com/torv/torv/internal/sitepath"
)

// This file lets the preview load a site once and then read again only the
// files an editor changed: Scan lists the files, ParseFile reads one, and
// Assemble builds a Site from pages read earlier, the way Load does. Load
// is Scan, ParseFile for every Markdown file and Assemble; a test holds the
// two paths to the same result. Patch puts a page's new front matter into
// a Site in place when it moves no page; a test holds it to Assemble.

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
// slash path, such as "content/lov/x.md". It returns nil when there is no
// file to read: it is gone (the preview may be told of a file just
// deleted), or it is a symbolic link, which Scan leaves out too.
func ParseFile(fsys fs.FS, file string, cfg *config.Config) *Parsed {
	return ParseFileInto(fsys, file, cfg, nil)
}

// ParseFileInto is ParseFile reading the file into *buf's memory when it
// has room, for a caller that reads many files one after the other and
// lets go of each page's Markdown (Page.ReleaseBody) before it reads the
// next: *buf is then the memory the file was read into, which the page's
// Body holds until it is released. A nil buf is ParseFile.
func ParseFileInto(fsys fs.FS, file string, cfg *config.Config, buf *[]byte) *Parsed {
	p, errs := safeParse(fsys, file, cfg, buf)
	if p == nil {
		// Asked only when the read failed: a Stat before every read was
		// 30 000 of the 435 000 syscalls (futex and nanosleep left out)
		// of a build of 10 000 pages.
		if _, err := fs.Stat(fsys, file); err != nil {
			return nil
		}
	}
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
	err := scanBelow(fsys, Dir, &md, &other, &errs)
	if errors.Is(err, fs.ErrNotExist) {
		errs.Add(diag.Errorf(Dir, 0, 0, "the site has no content folder").
			WithHint("make a folder content/ with a file _index.md for the home page"))
	}
	return md, other, errs
}

// ScanIn is Scan of the files at and below roots alone (slash paths below
// content/, as a watcher names what changed): what it lists there is what
// Scan lists there, in Scan's order (sitepath.WalkOrder), so that the preview need
// not walk a whole site of 10 000 files for a new folder. A root that does
// not exist holds nothing. ok is false when the roots cannot be scanned
// on their own (content/ itself, a root that cannot be read, or one that
// is a symbolic link, whose warning only Scan gives): run Scan then.
func ScanIn(fsys fs.FS, roots []string) (md, other []string, errs diag.List, ok bool) {
	slices.SortFunc(roots, sitepath.WalkOrder)
	var last string
	for _, r := range roots {
		if !strings.HasPrefix(r, Dir+"/") || !fs.ValidPath(r) {
			return nil, nil, nil, false
		}
		if last != "" && (r == last || strings.HasPrefix(r, last+"/")) {
			continue // below a root scanned already
		}
		last = r
		err := scanBelow(fsys, r, &md, &other, &errs)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, false
		}
	}
	// Each walk lists in sitepath.WalkOrder, and the roots are in it and none is
	// below another: the lists follow one another in order.
	return md, other, errs, true
}

// scanBelow walks root for Scan and ScanIn. It returns the error of root
// itself, which it does not note in errs.
func scanBelow(fsys fs.FS, root string, md, other *[]string, errs *diag.List) error {
	var rootErr error
	fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && d == nil {
				rootErr = err
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
			*md = append(*md, p)
		case d.Type().IsRegular():
			*other = append(*other, strings.TrimPrefix(p, Dir+"/"))
		}
		return nil
	})
	return rootErr
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

// Patch puts a new reading of a page's file into the Site in place of
// the old one, when its front matter changed in nothing that decides
// where it or any other page is, or what other pages are made of: the
// same address, kind, language, tags, aliases and draft flag, no errors,
// and none of the kinds whose front matter names other pages (home,
// theme, initiative), law explainers (their ids), glossary terms (their
// links) or lists. What may differ is what lists sort by and show: the
// title, the date, the weight, the description. It reports false, and
// changes nothing, for any other change: the Site must then be
// Assembled anew.
//
// The old Page keeps its identity and what linking made of it (parent,
// topics, translations; every other page's pointer to it stays good) and
// takes the new reading's fields; nw.Page is set to it. The lists it is
// in (its folder's list, its topics' pages, its letter of the A–Å index)
// are sorted again as link sorts them, so that the Site is the one
// Assemble would make: at 10 000 pages Assemble is some 50 ms of CPU, a
// patch well under one. The page's list entries made before are stale:
// the caller forgets them (its state changed).
func (s *Site) Patch(old, nw *Parsed) bool {
	o, n := old.Page, nw.Page
	if o == nil || n == nil || s.PageByFile(strings.TrimPrefix(o.File, Dir+"/")) != o ||
		!patchable(o, n) || old.kind != o.Kind || nw.kind != n.Kind {
		return false
	}
	letter := language.Get(o.Lang).Letterer()
	if o.Searchable() != n.Searchable() || letter(o.Title()) != letter(n.Title()) {
		return false // the page moves to another letter page of the A–Å index
	}
	keep := *o
	*o = *n
	o.Parent, o.Children, o.Tags, o.Translations = keep.Parent, keep.Children, keep.Tags, keep.Translations
	o.setTitleKey()
	nw.Page = o
	if o.Parent.Kind != KindTopics && len(o.Parent.Children) > 1 {
		sortChildren(o.Parent) // a pager's Items are slices of Children: sorted with them
	}
	for _, t := range o.Tags {
		sortByDate(t.Pages)
		if s.byURL[t.URL] == t.Page && len(t.Pages) > 1 {
			sortChildren(t.Page) // link sorts a topic's page as a list too, after
		}
	}
	if o.Searchable() {
		for _, l := range s.letters[o.Lang] {
			if slices.Contains(l.Pages, o) {
				// ByLetter's stable sort by title of the pages in the
				// order addAll added them: by file.
				slices.SortFunc(l.Pages, func(a, b *Page) int {
					return cmp.Or(strings.Compare(a.titleKey, b.titleKey), strings.Compare(a.File, b.File))
				})
			}
		}
	}
	return true
}

// patchable reports whether n, a new reading of o's file, changes o in
// nothing but what Patch can do in place.
func patchable(o, n *Page) bool {
	if o.recovered || n.recovered || o.Broken || n.Broken || o.IsList() || o.Parent == nil {
		return false
	}
	switch o.Data.(type) {
	case *Home, *Theme, *Initiative, *Law, *Term, *Section:
		return false
	}
	oc, nc := o.Common(), n.Common()
	return o.File == n.File && o.URL == n.URL && o.Kind == n.Kind && o.Section == n.Section &&
		o.Lang == n.Lang && o.key == n.key && oc.Draft == nc.Draft &&
		slices.Equal(oc.Tags, nc.Tags) && slices.Equal(oc.Aliases, nc.Aliases)
}

// FrontMatter returns the page's TOML front matter as written and the file
// line it starts on. Two reads of a file with the same front matter give
// the same page but for its body.
func (p *Page) FrontMatter() (text string, line int) { return p.front, int(p.frontLine) }
