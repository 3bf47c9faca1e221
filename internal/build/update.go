package build

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/render"
	"github.com/torv/torv/internal/sitepath"
)

// edit is what one Update's paths touched.
type edit struct {
	md       map[string]bool // Markdown files to read again
	other    map[string]bool // other files below content/, relative to it
	data     map[string]bool // Markdown files whose pages read a changed other file
	dirs     []string        // folders named by the paths
	roots    []string        // paths where files may have come or gone: content/ is listed again there (rescans)
	static   bool            // something below static/ changed
	layouts  bool            // something below layouts/ changed
	assets   bool            // something below assets/ changed
	fresh    map[string]*content.Parsed
	changed  map[string]*content.Parsed // file -> its old Parsed (nil when new), for a change to the site's shape
	bodyOnly []*content.Page            // pages that changed only below their front matter
	keys     reads.Set                  // what changed, as pages read it
	gone     []string                   // URLs of pages that went away
	// samePaths: the pages have the URLs they had, each from the file
	// it was from, so placePages would place them as before.
	samePaths bool
}

// rescans reports whether files came or went, so content/ is listed again.
func (e *edit) rescans() bool { return len(e.roots) > 0 }

// nearPages is how many pages that only read what an edit changed
// UpdateFirst renders at once; past it, it leaves them all to Continue.
const nearPages = 64

// Update brings the site up to date after the files at paths changed
// (slash paths relative to the site folder; a folder stands for everything
// in it, "." for the whole site). It renders again the pages the edit
// changed and the pages that read something it changed (package reads);
// only a change to config.toml or i18n/, or any change after a build that
// could not render, builds everything. It is UpdateFirst and Continue.
func (s *Session) Update(paths []string) *Rebuild {
	u := s.UpdateFirst(paths)
	for u.Pending > 0 {
		v := s.Continue()
		v.Changed = mergeSorted(u.Changed, v.Changed)
		v.Pages += u.Pages
		v.Duration += u.Duration
		v.Full = v.Full || u.Full
		u = v
	}
	return u
}

// UpdateFirst is Update's first part: when an edit is read by many pages
// (a new folder is in the menu on every page), it renders the pages the
// edit changed, and the pages that read it and have errors, and leaves
// the others to Continue (Rebuild.Pending), so that the preview shows the
// edited page at once and the rest soon after. Until then the snapshot
// has the others as they were.
func (s *Session) UpdateFirst(paths []string) *Rebuild {
	if !s.ready || s.site.Home == nil || s.rx == nil {
		return s.Full()
	}
	start := time.Now()
	e, full := s.classify(paths)
	if full || (e.layouts || e.assets) && !s.reprepare(e) {
		return s.Full()
	}
	if e.rescans() {
		s.rescan(e)
	}
	if e.static { // static/ is small: read it all again
		s.static, s.statErrs = readStatic(s.siteFS)
	}
	e.data = s.dataReaders(e.other)
	for f := range e.data {
		e.md[f] = true
	}
	for f := range e.other {
		e.keys.Add(reads.File("/" + f))
	}
	own := map[string]bool{} // pages the edit changed
	structural := s.reread(e)
	if structural {
		s.reshape(e, own)
	} else {
		s.readOther(e)
		if s.chk != nil {
			s.chk.termsChanged(s.site, s.md, e.bodyOnly)
		}
	}
	for _, p := range e.bodyOnly {
		own[p.URL] = true
	}
	want := s.split(own, e)
	remake := structural || e.static || e.assets || len(e.other) > 0
	later := false
	if remake {
		later = s.placeLater(e)
	}
	n := s.render(s.pagesAt(want), e.removed())
	s.textLater(remake, later)
	u := s.finish(start, false)
	u.Pages = n
	if len(s.later) > 0 {
		u.Later = maps.Clone(s.later)
	}
	return u
}

// placeLater decides who writes each output path after an edit that
// remakes the files that are not pages, and whether placing those files
// may wait for Continue. It may when the edit changed pages alone (front
// matter, pages that came or went) and no page wants a path such a file
// has, or wanted one before: the files' bytes are then what the output
// stages make (the sitemap), which no page shows, and they stay as they
// were until Continue makes and places them, so that the edited pages
// are served first.
func (s *Session) placeLater(e *edit) bool {
	hadErrs := len(s.ownErrs) > 0
	if !e.samePaths {
		s.placePages()
	}
	if e.static || e.assets || len(e.other) > 0 || hadErrs || len(s.ownErrs) > 0 {
		s.dropStatics()
		return false
	}
	for p := range s.statics {
		if _, taken := s.owners[p]; taken {
			s.dropStatics()
			return false
		}
	}
	return true
}

// split returns the pages to render now: own, and the pages that read
// what e changed, or, when those are more than nearPages and e changed
// no layout or asset, only those of them that have errors; the rest wait
// in s.later for Continue.
func (s *Session) split(own map[string]bool, e *edit) map[string]bool {
	keys := e.keys
	readers := map[string]bool{}
	s.rx.Readers(keys, readers)
	for u := range own {
		delete(s.later, u)
		delete(readers, u)
	}
	// A new stylesheet or layout changes the pages that read it, all at
	// once: the preview swaps a stylesheet in place only when the page
	// and the stylesheet change in one step.
	all := keys.Has(reads.Assets) || e.layouts
	many := len(own) > ownPages && !all
	now := len(readers) <= nearPages && !many || all
	// A page that reads the whole site (the search page's A–Å list of
	// every title) is the slowest to render and the least likely to be
	// the one the editor looks at: it comes later, unless everything
	// must change at once.
	wide := map[string]bool{}
	if !all && keys.Has(reads.Site) {
		s.rx.Readers(reads.Set{reads.Site: {}}, wide)
	}
	if many {
		// Many pages came at once (a folder copied in): the lists that
		// are new first; the pages, the lists they joined (the topics')
		// and the pages that read them a part at a time, any of them at
		// once when it is asked for (RenderNow).
		for u := range own {
			file := sitepath.File(u)
			p := s.site.PageByURL(u)
			_, had := s.files[file]
			if p != nil && !(p.IsList() && !had) && len(s.pageErrs[file]) == 0 {
				delete(own, u)
				s.later[u] = true
			}
		}
	}
	want := own
	for u := range readers {
		if now && !wide[u] || len(s.pageErrs[sitepath.File(u)]) > 0 {
			want[u] = true
			delete(s.later, u)
		} else {
			s.later[u] = true
		}
	}
	return want
}

// ownPages is how many pages an edit may change before UpdateFirst
// renders only their lists and leaves the pages for Continue and
// RenderNow: 5 000 pages copied in took 4 to 6 s of two cores before the
// first of them was served.
const ownPages = 256

// continuePages is how many pages one Continue renders, so that the
// preview can take the next edit between two: an edit saved while a
// Continue runs waits for it. A Continue's own cost is the pages it
// renders and the paths it changed, so small parts cost little more than
// one large one (at 10 000 pages of the bench corpus, 64 pages are 0.1 to
// 0.5 s on two busy cores; 500 were 1 to 5 s).
const continuePages = 64

// continueStep is how many pages ContinueUntil renders before it asks
// which pages browsers wait for: such a page waits for these, not for a
// whole part (a part's own cost, its finish, is paid once either way).
const continueStep = 16

// Continue renders pages UpdateFirst left for later, up to continuePages
// of them, makes and places the files that are not pages when UpdateFirst
// left them (placeLater), and, when no page is left, runs the output
// stages that read pages' text (the search index); Rebuild.Pending says
// how much is left.
func (s *Session) Continue() *Rebuild { return s.ContinueUntil(nil) }

// ContinueUntil is Continue, which asks before every continueStep pages
// for the addresses browsers wait for (the preview's requests, see
// RenderNow). When there are some, it renders those of them still left
// for later, leaves the rest of its part for later and finishes, so that
// a page asked for is served after a few pages and one finish, not a
// whole part and two.
func (s *Session) ContinueUntil(asked func() []string) *Rebuild {
	start := time.Now()
	var part []string
	for u := range s.later {
		if len(part) == continuePages {
			break
		}
		part = append(part, u)
		delete(s.later, u)
	}
	step := len(part)
	if asked != nil {
		step = continueStep
	}
	n := 0
	for i := 0; i < len(part); i += step {
		if asked != nil {
			if a := asked(); len(a) > 0 {
				// The rest of the part goes back, as a page asked for may
				// be among it. The part stops after the pages asked for,
				// unless none of them waits and it has rendered nothing.
				rest := part[i:]
				for _, u := range rest {
					s.later[u] = true
				}
				if now := s.takeLater(a); len(now) > 0 {
					n += s.render(s.pagesAt(now), nil)
					break
				}
				if i > 0 {
					break
				}
				s.takeLater(rest)
			}
		}
		want := map[string]bool{}
		for _, u := range part[i:min(i+step, len(part))] {
			want[u] = true
		}
		n += s.render(s.pagesAt(want), nil)
	}
	return s.finishLater(start, n)
}

// takeLater takes those of the addresses us that are left for later out
// of s.later, and returns them.
func (s *Session) takeLater(us []string) map[string]bool {
	taken := map[string]bool{}
	for _, u := range us {
		if s.later[u] {
			taken[u] = true
			delete(s.later, u)
		}
	}
	return taken
}

// RenderNow renders the page at address u ("/nye-sider/x/") at once, when
// UpdateFirst left it for later, with what else Continue would do if it
// were the last; it returns nil when the page is not waiting. The preview
// calls it for a page a browser asks for.
func (s *Session) RenderNow(u string) *Rebuild {
	start := time.Now()
	want := s.takeLater([]string{u})
	if len(want) == 0 {
		return nil
	}
	return s.finishLater(start, s.render(s.pagesAt(want), nil))
}

// finishLater ends a later part that rendered n pages: the files that are
// not pages, the outputs when no page is left, and the snapshot.
func (s *Session) finishLater(start time.Time, n int) *Rebuild {
	s.othersNow()
	s.outputsNow()
	u := s.finish(start, false)
	u.Pages = n
	return u
}

// mergeSorted returns the sorted union of two sorted lists.
func mergeSorted(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// pagesAt returns the pages at the URLs of want, the page for missing
// addresses included.
func (s *Session) pagesAt(want map[string]bool) []*content.Page {
	var pages []*content.Page
	for u := range want {
		if p := s.site.PageByURL(u); p != nil {
			pages = append(pages, p)
		}
	}
	if nf := s.r.NotFound(); want[nf.URL] {
		pages = append(pages, nf)
	}
	return pages
}

// classify sorts the changed paths by what they touch; full is true when
// one of them changes every page.
func (s *Session) classify(paths []string) (e *edit, full bool) {
	e = &edit{md: map[string]bool{}, other: map[string]bool{}, keys: reads.New()}
	for _, p := range paths {
		p = path.Clean(strings.TrimPrefix(p, "/"))
		switch {
		case p == "." || p == "config.toml" || inDir(p, "i18n"):
			return nil, true
		case ignore.Path(p):
			continue
		case inDir(p, render.LayoutDir):
			e.layouts = true
			continue
		case inDir(p, assets.Dir):
			e.assets = true
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
			e.roots = append(e.roots, p)
		case info.IsDir():
			e.dirs = append(e.dirs, p)
			e.roots = append(e.roots, p)
		case s.parsed[p] != nil:
			e.md[p] = true
		case knownOther:
			e.other[rel] = true
		default:
			e.roots = append(e.roots, p)
		}
	}
	return e, false
}

// reprepare makes the assets and the renderer again after an edit below
// assets/ or layouts/, and notes what changed: the assets, and each
// layout or partial whose text did. It reports false when that needs the
// whole pipeline: the layouts or assets have mistakes now, or had them.
func (s *Session) reprepare(e *edit) bool {
	if len(s.fixed) > 0 {
		return false
	}
	if e.assets {
		set, errs := assets.Build(s.layers, s.min)
		if len(errs) > 0 {
			return false
		}
		s.set = set
		e.keys.Add(reads.Assets)
	}
	old := s.r.Sources()
	r, errs := s.newRenderer()
	if r == nil || len(errs) > 0 {
		return false
	}
	now := r.Sources()
	for name, src := range now {
		if old[name] != src {
			e.keys.Add(reads.Template(name))
		}
	}
	for name := range old {
		if _, ok := now[name]; !ok {
			e.keys.Add(reads.Template(name))
		}
	}
	s.r = r
	s.titleTopics()
	return true
}

// rescan lists content/ again and notes the files that came or went, and
// every file below a folder the paths named.
func (s *Session) rescan(e *edit) {
	md, other, errs := s.scan(e.roots)
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
			e.keys.Add(reads.Miss) // a link that found nothing may find it now
		}
	}
	for _, f := range s.other {
		if !otherNow[f] {
			e.other[f] = true
		}
	}
	s.mdFiles, s.other, s.scanErrs = md, other, errs
}

// scan lists content/ after an edit that added or removed the files at
// or below roots: the files it listed before that are not below a root,
// and what content.ScanIn finds below them, in Scan's order; or, when the
// roots cannot be listed alone, content.Scan's whole list.
func (s *Session) scan(roots []string) (md, other []string, errs diag.List) {
	newMD, newOther, newErrs, ok := content.ScanIn(s.siteFS, slices.Clone(roots))
	if !ok || slices.ContainsFunc(s.scanErrs, func(d *diag.Error) bool { return d.File == content.Dir }) {
		return content.Scan(s.siteFS)
	}
	rootSet := map[string]bool{}
	for _, r := range roots {
		rootSet[r] = true
	}
	below := func(p string) bool { // p or a folder it is in is a root
		for ; p != content.Dir && p != "."; p = path.Dir(p) {
			if rootSet[p] {
				return true
			}
		}
		return false
	}
	for _, f := range s.mdFiles {
		if !below(f) {
			md = append(md, f)
		}
	}
	for _, f := range s.other {
		if !below(content.Dir + "/" + f) {
			other = append(other, f)
		}
	}
	for _, d := range s.scanErrs {
		if !below(d.File) {
			errs = append(errs, d)
		}
	}
	md = append(md, newMD...)
	other = append(other, newOther...)
	slices.SortFunc(md, sitepath.WalkOrder)
	slices.SortFunc(other, sitepath.WalkOrder)
	return md, other, append(errs, newErrs...)
}

// reread reads the changed Markdown files again and sorts them: a page
// that changed only below its front matter keeps its place in the site
// and takes the new body (e.bodyOnly); any other change is one to the
// site's shape (e.changed). It reports whether the shape changed.
func (s *Session) reread(e *edit) (structural bool) {
	var files []string
	listed := map[string]bool{}
	if e.rescans() {
		for _, f := range s.mdFiles {
			listed[f] = true
		}
	}
	for f := range e.md {
		if !e.rescans() || listed[f] {
			files = append(files, f)
		}
	}
	e.fresh = map[string]*content.Parsed{}
	for _, pr := range s.parse(files) {
		e.fresh[pr.File] = pr
	}
	structural = e.rescans() && len(e.other) > 0
	e.changed = map[string]*content.Parsed{}
	for f := range e.md {
		old, nw := s.parsed[f], e.fresh[f]
		if !e.data[f] && old != nil && nw != nil && old.Page != nil && nw.Page != nil && s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")) == old.Page &&
			sameFrontMatter(old.Page, nw.Page) && old.Errs.Error() == nw.Errs.Error() {
			old.Page.Body = nw.Page.Body
			e.bodyOnly = append(e.bodyOnly, old.Page)
			continue
		}
		structural = true
		e.changed[f] = old
	}
	return structural
}

func sameFrontMatter(a, b *content.Page) bool {
	at, al := a.FrontMatter()
	bt, bl := b.FrontMatter()
	return at == bt && al == bl && a.URL == b.URL && a.Kind == b.Kind
}

// reshape puts the site together again after a change to its shape, and
// adds to want the pages whose own state changed, those whose text may
// use a glossary term that changed, and to e.keys what changed (see
// changes).
func (s *Session) reshape(e *edit, want map[string]bool) {
	var keys reads.Set
	var changed []*content.Page
	var gone []string
	if p := s.reassemble(e); p != nil {
		keys, changed = s.restate(p)
		e.samePaths = s.sameSources(e)
	} else {
		now := states(s.site, s.seed)
		keys, changed, gone = changes(s.states, now, s.site)
		e.samePaths = len(gone) == 0 && len(now) == len(s.states) && s.sameSources(e)
		s.states = now
	}
	for _, u := range gone {
		s.rx.Put(u, nil)
	}
	e.gone = gone
	terms := termForms(s.site)
	glossaryReaders(s.site, s.terms, terms, want)
	s.terms = terms
	e.keys.AddAll(keys)
	s.rx.Refs(func(k reads.Key, ref, url string) {
		if p := s.site.Ref(ref); p == nil && url != "" || p != nil && p.URL != url {
			e.keys.Add(k) // the name finds another page now
		}
	})
	for _, p := range changed {
		want[p.URL] = true
	}
	for f := range e.changed {
		if p := s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/")); p != nil {
			want[p.URL] = true
		}
	}
	s.r.Forget(e.keys)
}

// sameSources reports whether each page of a file e read again has the
// output path's owner it had: with no URL come or gone, placePages would
// then give every path to the page it has.
func (s *Session) sameSources(e *edit) bool {
	for f := range e.changed {
		p := s.site.PageByFile(strings.TrimPrefix(f, content.Dir+"/"))
		if p == nil {
			return false
		}
		if o, ok := s.owners[sitepath.File(p.URL)]; !ok || o != pageSource(p) {
			return false
		}
	}
	return true
}

// removed returns the output paths of the pages e took away.
func (e *edit) removed() []string {
	var out []string
	for _, u := range e.gone {
		out = append(out, sitepath.File(u))
	}
	return out
}

// reassemble takes the files e read again and puts the Site together
// anew, in place: the renderer holds s.site. An edit of one page's front
// matter that moves no page (a new title or date) is patched into the
// Site instead (patch); patched is then that page.
func (s *Session) reassemble(e *edit) (patched *content.Page) {
	patched = s.patch(e)
	for f := range e.changed {
		if nw := e.fresh[f]; nw != nil {
			s.parsed[f] = nw
		} else {
			delete(s.parsed, f)
		}
	}
	if patched == nil {
		s.readOther(e)
		site, errs := content.Assemble(s.cfg, s.parsedList(), s.other, content.Options{Drafts: s.opts.Drafts})
		*s.site = *site
		s.siteErrs = errs
		s.siteErrs.Add(content.ConfigRefs(s.site)...)
		s.titleTopics()
	}
	if s.chk != nil {
		s.chk.renew(s.site, s.md) // the glossary and the pages links reach may be new
		s.chk.forget(s.site)
	}
	return patched
}

// patch puts the one file e read again into the Site in place
// (content.Site.Patch) when only its front matter changed, in nothing
// that moves a page, and the site has no error in the file (whose lines
// the edit may have moved). It returns the page when it did (nil when
// not); the site's errors are then the ones it had.
func (s *Session) patch(e *edit) *content.Page {
	if e.rescans() || len(e.other) > 0 || len(e.changed) != 1 {
		return nil
	}
	for f, old := range e.changed {
		nw := e.fresh[f]
		if old == nil || nw == nil || slices.ContainsFunc(s.siteErrs, func(d *diag.Error) bool { return d.File == f }) ||
			!s.site.Patch(old, nw) {
			return nil
		}
		return nw.Page
	}
	return nil
}

// readOther reads the changed files of content/ that are not pages again.
func (s *Session) readOther(e *edit) {
	for f := range e.other {
		b, err := fs.ReadFile(s.siteFS, content.Dir+"/"+f)
		if err != nil {
			delete(s.otherB, f)
			continue
		}
		s.otherB[f] = b
	}
}
