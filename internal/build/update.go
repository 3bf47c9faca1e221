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
	touched := map[string]bool{} // Markdown files to read again
	otherTouched := map[string]bool{}
	var dirs []string
	rescan, staticTouched := false, false
	for _, p := range paths {
		p = path.Clean(strings.TrimPrefix(p, "/"))
		switch {
		case p == "." || p == "config.toml" || inDir(p, "layouts") || inDir(p, assets.Dir) || inDir(p, "i18n"):
			return s.Full()
		case ignore.Path(p):
			continue
		case inDir(p, StaticDir):
			staticTouched = true
			continue
		case !inDir(p, content.Dir):
			continue
		}
		info, err := fs.Stat(s.siteFS, p)
		rel := strings.TrimPrefix(p, content.Dir+"/")
		_, knownOther := s.otherB[rel]
		switch {
		case err != nil:
			rescan = true
		case info.IsDir():
			rescan = true
			dirs = append(dirs, p)
		case s.parsed[p] != nil:
			touched[p] = true
		case knownOther:
			otherTouched[rel] = true
		default:
			rescan = true
		}
	}
	if rescan {
		md, other, errs := content.Scan(s.siteFS)
		inAny := func(f string) bool {
			for _, d := range dirs {
				if inDir(f, d) {
					return true
				}
			}
			return false
		}
		now := map[string]bool{}
		for _, f := range md {
			now[f] = true
			if s.parsed[f] == nil || inAny(f) {
				touched[f] = true
			}
		}
		for _, f := range s.mdFiles {
			if !now[f] {
				touched[f] = true
			}
		}
		otherNow := map[string]bool{}
		for _, f := range other {
			otherNow[f] = true
			if _, ok := s.otherB[f]; !ok || inAny(content.Dir+"/"+f) {
				otherTouched[f] = true
			}
		}
		for _, f := range s.other {
			if !otherNow[f] {
				otherTouched[f] = true
			}
		}
		s.mdFiles, s.other, s.scanErrs = md, other, errs
	}
	if staticTouched { // static/ is small: read it all again, and place its files anew
		s.static, s.statErrs = readStatic(s.siteFS)
		s.makeStatics()
	}
	dataTouched := s.dataReaders(otherTouched)
	for f := range dataTouched {
		touched[f] = true
	}
	if len(touched) == 0 && len(otherTouched) == 0 {
		return s.finish(start, false)
	}

	// Read the changed files again, and see which changed only below
	// their front matter: those pages keep their place in the site, and
	// only they are rendered again.
	var reread []string
	listed := map[string]bool{}
	if rescan {
		for _, f := range s.mdFiles {
			listed[f] = true
		}
	}
	for f := range touched {
		if !rescan || listed[f] {
			reread = append(reread, f)
		}
	}
	fresh := map[string]*content.Parsed{}
	for _, pr := range s.parse(reread) {
		fresh[pr.File] = pr
	}
	structural := rescan && len(otherTouched) > 0
	var bodyOnly []*content.Page
	changedFiles := map[string]*content.Parsed{} // file -> its old Parsed (nil when new)
	for f := range touched {
		old, nw := s.parsed[f], fresh[f]
		if !dataTouched[f] && old != nil && nw != nil && old.Page != nil && nw.Page != nil && s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")) == old.Page &&
			sameFrontMatter(old.Page, nw.Page) && old.Errs.Error() == nw.Errs.Error() {
			old.Page.Body = nw.Page.Body
			bodyOnly = append(bodyOnly, old.Page)
			s.index(f)
			continue
		}
		structural = true
		changedFiles[f] = old
	}
	if !structural {
		n := s.render(bodyOnly, nil)
		if s.chk != nil {
			s.chk.termsChanged(s.site, s.md, bodyOnly)
		}
		u := s.finish(start, false)
		u.Pages = n
		return u
	}

	// The site's shape changed: note what showed the changed pages, put
	// the site together again, and note what shows them now.
	all := false
	want := map[string]bool{} // URLs to render
	oldURLs := pagesByURL(s.site)
	oldRefs := references(s.site)
	for _, old := range changedFiles {
		if old == nil || old.Page == nil {
			continue
		}
		if o := oldURLs[old.Page.URL]; o == old.Page {
			all = s.dependents(o, oldRefs, want) || all
		}
	}
	for f := range changedFiles {
		if nw := fresh[f]; nw != nil {
			s.parsed[f] = nw
		} else {
			delete(s.parsed, f)
		}
		s.index(f)
	}
	for f := range otherTouched {
		b, err := fs.ReadFile(s.siteFS, content.Dir+"/"+f)
		if err != nil {
			delete(s.otherB, f)
			continue
		}
		s.otherB[f] = b
	}
	site, errs := content.Assemble(s.cfg, s.parsedList(), s.other, content.Options{Drafts: s.opts.Drafts})
	*s.site = *site // the renderer holds s.site
	s.titleTopics()
	if s.chk != nil {
		s.chk.renew(s.site, s.md) // the glossary and the pages links reach may be new
	}
	s.siteErrs = errs
	s.siteErrs.Add(content.ConfigRefs(s.site)...)
	newURLs := pagesByURL(s.site)
	newRefs := references(s.site)
	for f := range changedFiles {
		if n := s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")); n != nil {
			all = s.dependents(n, newRefs, want) || all
		}
	}
	for _, p := range bodyOnly {
		want[p.URL] = true
	}
	// Pages that appeared or went away: the pages that link to them.
	var gone []string
	for u, o := range oldURLs {
		if newURLs[u] == nil {
			gone = append(gone, u)
			all = s.linkers(o, want) || all
		}
	}
	for u, n := range newURLs {
		if oldURLs[u] == nil {
			all = s.linkers(n, want) || all
		}
	}
	for f := range otherTouched {
		for file := range s.links[linkKey(path.Base(f))] {
			if p := s.site.PageByFile(strings.TrimPrefix(file, content.Dir+"/")); p != nil {
				want[p.URL] = true
			}
		}
	}
	if len(s.readers) > 0 {
		if s.readers[""] {
			all = true
		}
		for _, p := range s.site.Pages {
			if s.readers[layoutName(p)] {
				want[p.URL] = true
			}
		}
	}

	var pages []*content.Page
	if all {
		pages = slices.Clone(s.site.Pages)
	} else {
		for u := range want {
			if p := newURLs[u]; p != nil {
				pages = append(pages, p)
			}
		}
	}
	pages = append(pages, s.r.NotFound())
	var removed []string
	for _, u := range gone {
		removed = append(removed, sitepath.File(u))
	}
	s.placePages()
	s.dropStatics()
	n := s.render(pages, removed)
	s.makeStatics()
	u := s.finish(start, all)
	u.Pages = n
	return u
}
