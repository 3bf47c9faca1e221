package build

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/torv/torv/internal/sitepath"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/ignore"
)

// edit is what one Update's paths touched.
type edit struct {
	md       map[string]bool // Markdown files to read again
	other    map[string]bool // other files below content/, relative to it
	data     map[string]bool // Markdown files whose pages read a changed other file
	dirs     []string        // folders named by the paths
	rescan   bool            // files came or went: list content/ again
	static   bool            // something below static/ changed
	fresh    map[string]*content.Parsed
	changed  map[string]*content.Parsed // file -> its old Parsed (nil when new), for a change to the site's shape
	bodyOnly []*content.Page            // pages that changed only below their front matter
}

// Update brings the site up to date after the files at paths changed
// (slash paths relative to the site folder; a folder stands for everything
// in it, "." for the whole site). It re-renders only what the change
// touches; a change to config.toml, layouts/, assets/ or i18n/, or any
// change after a build that could not render, builds everything.
func (s *Session) Update(paths []string) *Rebuild {
	if !s.ready || s.site.Home == nil {
		return s.Full()
	}
	start := time.Now()
	e, full := s.classify(paths)
	if full {
		return s.Full()
	}
	if e.rescan {
		s.rescan(e)
	}
	if e.static { // static/ is small: read it all again, and place its files anew
		s.static, s.statErrs = readStatic(s.siteFS)
		s.makeStatics()
	}
	e.data = s.dataReaders(e.other)
	for f := range e.data {
		e.md[f] = true
	}
	if len(e.md) == 0 && len(e.other) == 0 {
		return s.finish(start, false)
	}
	if !s.reread(e) {
		n := s.render(e.bodyOnly, nil)
		s.bodiesChanged()
		if s.chk != nil {
			s.chk.termsChanged(s.site, s.md, e.bodyOnly)
		}
		u := s.finish(start, false)
		u.Pages = n
		return u
	}
	pages, removed, all := s.reshape(e)
	s.placePages()
	s.dropStatics()
	n := s.render(pages, removed)
	s.makeStatics()
	u := s.finish(start, all)
	u.Pages = n
	return u
}

// classify sorts the changed paths by what they touch; full is true when
// one of them changes every page.
func (s *Session) classify(paths []string) (e *edit, full bool) {
	e = &edit{md: map[string]bool{}, other: map[string]bool{}}
	for _, p := range paths {
		p = path.Clean(strings.TrimPrefix(p, "/"))
		switch {
		case p == "." || p == "config.toml" || inDir(p, "layouts") || inDir(p, assets.Dir) || inDir(p, "i18n"):
			return nil, true
		case ignore.Path(p):
			continue
		case inDir(p, StaticDir):
			e.static = true
			continue
		case !inDir(p, content.Dir):
			continue
		}
		info, err := fs.Stat(s.siteFS, p)
		rel := strings.TrimPrefix(p, content.Dir+"/")
		_, knownOther := s.otherB[rel]
		switch {
		case err != nil:
			e.rescan = true
		case info.IsDir():
			e.rescan = true
			e.dirs = append(e.dirs, p)
		case s.parsed[p] != nil:
			e.md[p] = true
		case knownOther:
			e.other[rel] = true
		default:
			e.rescan = true
		}
	}
	return e, false
}

// rescan lists content/ again and notes the files that came or went, and
// every file below a folder the paths named.
func (s *Session) rescan(e *edit) {
	md, other, errs := content.Scan(s.siteFS)
	inAny := func(f string) bool {
		return slices.ContainsFunc(e.dirs, func(d string) bool { return inDir(f, d) })
	}
	now := map[string]bool{}
	for _, f := range md {
		now[f] = true
		if s.parsed[f] == nil || inAny(f) {
			e.md[f] = true
		}
	}
	for _, f := range s.mdFiles {
		if !now[f] {
			e.md[f] = true
		}
	}
	otherNow := map[string]bool{}
	for _, f := range other {
		otherNow[f] = true
		if _, ok := s.otherB[f]; !ok || inAny(content.Dir+"/"+f) {
			e.other[f] = true
		}
	}
	for _, f := range s.other {
		if !otherNow[f] {
			e.other[f] = true
		}
	}
	s.mdFiles, s.other, s.scanErrs = md, other, errs
}

// reread reads the changed Markdown files again and sorts them: a page
// that changed only below its front matter keeps its place in the site
// and takes the new body (e.bodyOnly); any other change is one to the
// site's shape (e.changed). It reports whether the shape changed.
func (s *Session) reread(e *edit) (structural bool) {
	var files []string
	listed := map[string]bool{}
	if e.rescan {
		for _, f := range s.mdFiles {
			listed[f] = true
		}
	}
	for f := range e.md {
		if !e.rescan || listed[f] {
			files = append(files, f)
		}
	}
	e.fresh = map[string]*content.Parsed{}
	for _, pr := range s.parse(files) {
		e.fresh[pr.File] = pr
	}
	structural = e.rescan && len(e.other) > 0
	e.changed = map[string]*content.Parsed{}
	for f := range e.md {
		old, nw := s.parsed[f], e.fresh[f]
		if !e.data[f] && old != nil && nw != nil && old.Page != nil && nw.Page != nil && s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")) == old.Page &&
			sameFrontMatter(old.Page, nw.Page) && old.Errs.Error() == nw.Errs.Error() {
			old.Page.Body = nw.Page.Body
			e.bodyOnly = append(e.bodyOnly, old.Page)
			s.index(f)
			continue
		}
		structural = true
		e.changed[f] = old
	}
	return structural
}

// reshape puts the site together again after a change to its shape, and
// returns the pages to render (every page when all), and the output
// paths of pages that went away: what showed the changed pages before,
// and what shows them now.
func (s *Session) reshape(e *edit) (pages []*content.Page, removed []string, all bool) {
	want := map[string]bool{} // URLs to render
	oldURLs := pagesByURL(s.site)
	oldRefs := references(s.site)
	for _, old := range e.changed {
		if old == nil || old.Page == nil {
			continue
		}
		if o := oldURLs[old.Page.URL]; o == old.Page {
			all = s.dependents(o, oldRefs, want) || all
		}
	}
	s.reassemble(e)
	newURLs := pagesByURL(s.site)
	newRefs := references(s.site)
	for f := range e.changed {
		if n := s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")); n != nil {
			all = s.dependents(n, newRefs, want) || all
		}
	}
	for _, p := range e.bodyOnly {
		want[p.URL] = true
	}
	// Pages that appeared or went away: the pages that link to them.
	for u, o := range oldURLs {
		if newURLs[u] == nil {
			removed = append(removed, sitepath.File(u))
			all = s.linkers(o, want) || all
		}
	}
	for u, n := range newURLs {
		if oldURLs[u] == nil {
			all = s.linkers(n, want) || all
		}
	}
	for f := range e.other {
		for file := range s.links[linkKey(path.Base(f))] {
			if p := s.site.PageByFile(strings.TrimPrefix(file, content.Dir+"/")); p != nil {
				want[p.URL] = true
			}
		}
	}
	all = s.layoutReaders(want) || all
	if all {
		pages = slices.Clone(s.site.Pages)
	} else {
		for u := range want {
			if p := newURLs[u]; p != nil {
				pages = append(pages, p)
			}
		}
	}
	return append(pages, s.r.NotFound()), removed, all
}

// reassemble takes the files e read again and puts the Site together
// anew, in place: the renderer holds s.site.
func (s *Session) reassemble(e *edit) {
	for f := range e.changed {
		if nw := e.fresh[f]; nw != nil {
			s.parsed[f] = nw
		} else {
			delete(s.parsed, f)
		}
		s.index(f)
	}
	for f := range e.other {
		b, err := fs.ReadFile(s.siteFS, content.Dir+"/"+f)
		if err != nil {
			delete(s.otherB, f)
			continue
		}
		s.otherB[f] = b
	}
	site, errs := content.Assemble(s.cfg, s.parsedList(), s.other, content.Options{Drafts: s.opts.Drafts})
	*s.site = *site
	s.titleTopics()
	if s.chk != nil {
		s.chk.renew(s.site, s.md) // the glossary and the pages links reach may be new
	}
	s.siteErrs = errs
	s.siteErrs.Add(content.ConfigRefs(s.site)...)
}

// layoutReaders adds to want the pages whose layouts read the site's page
// lists, and reports whether every page's do (base.html or a partial).
func (s *Session) layoutReaders(want map[string]bool) (all bool) {
	if len(s.readers) == 0 {
		return false
	}
	for _, p := range s.site.Pages {
		if s.readers[layoutName(p)] {
			want[p.URL] = true
		}
	}
	return s.readers[""]
}
