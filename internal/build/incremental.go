package build

import (
	"bytes"
	"github.com/torv/torv/internal/parallel"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/overlay"
	"github.com/torv/torv/internal/render"
)

// Session is a build kept in memory between edits, for the preview: after
// the first build, an edit to a page re-reads that file and re-renders the
// pages that show it, not the whole site. See the package documentation
// (Incremental builds) for what is re-rendered when.
//
// A Session is not safe for concurrent use; the Outputs it returns are.
type Session struct {
	siteFS, defaults fs.FS
	opts             Options

	ready    bool // the last full build got as far as rendering
	cfg      *config.Config
	site     *content.Site
	layers   fs.FS
	min      *minify.M
	set      *assets.Set
	r        *render.Renderer
	global   []string        // pages any page may show: config.toml's and the layouts' page "x"
	readers  map[string]bool // layouts that read the site's page lists (.Site.Pages ...); "" for base and partials
	mdFiles  []string        // Markdown files in Scan order
	parsed   map[string]*content.Parsed
	other    []string          // other files below content/, relative to it
	otherB   map[string][]byte // their bytes
	scanErrs diag.List
	siteErrs diag.List            // Assemble's and config.toml's references
	fixed    diag.List            // config, assets and layouts: they change only with a full build
	pageErrs map[string]diag.List // output path -> errors of rendering that page
	fileErrs diag.List            // other output files
	links    map[string]map[string]bool
	keysOf   map[string][]string // file -> its link keys
	statics  map[string]bool     // output paths that are not pages
	owners   map[string]source   // output path -> the page that writes it (placePages)
	ownErrs  diag.List           // pages that want a path another page has
	static   []outFile           // the files of static/
	statErrs diag.List           // what could not be read below static/
	files    map[string][]byte   // newest bytes of every output path
	last     map[string][]byte   // files as the last build left them, shared with its Output
	dirty    map[string]bool     // paths written or removed since
}

// Rebuild is what one build of a Session made and found.
type Rebuild struct {
	Output   *Output   // the whole site; nil when the build failed
	Diags    diag.List // every error and warning of the site as it is now, sorted
	Changed  []string  // output paths whose bytes changed, appeared or disappeared, sorted
	Full     bool      // everything was built again
	Pages    int       // pages rendered
	Duration time.Duration
	Lang     string       // the site's language ("" when config.toml could not be read)
	BasePath string       // the base URL's path, "/" or "/borger/"
	CSS      assets.Asset // the stylesheet
}

// NewSession returns a session for the site folder siteFS; its first Full
// or Update builds everything.
func NewSession(siteFS, defaults fs.FS, opts Options) *Session {
	return &Session{siteFS: siteFS, defaults: defaults, opts: opts}
}

// Full builds the whole site again, as Build does.
func (s *Session) Full() *Rebuild {
	start := time.Now()
	prev := s.last
	*s = Session{siteFS: s.siteFS, defaults: s.defaults, opts: s.opts,
		parsed: map[string]*content.Parsed{}, otherB: map[string][]byte{}, pageErrs: map[string]diag.List{},
		links: map[string]map[string]bool{}, keysOf: map[string][]string{}, statics: map[string]bool{},
		files: map[string][]byte{}, last: prev, dirty: map[string]bool{}}
	fail := func() *Rebuild {
		// Nothing was rendered: keep the files of before, so that the
		// next build's changes are counted against them.
		s.files = maps.Clone(prev)
		if s.files == nil {
			s.files = map[string][]byte{}
		}
		return s.finish(start, true)
	}
	cfg, errs := config.Parse(s.siteFS, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		s.fixed = errs
		return fail()
	}
	if s.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(s.opts.BaseURL); err != nil {
			s.fixed.Add(diag.Errorf("-baseurl", 0, 0, "%v", err).WithHint("write the full address, like https://borger.fjordby.dk/"))
			return fail()
		}
	}
	s.cfg = cfg
	var site *content.Site
	s.mdFiles, s.other, s.scanErrs = content.Scan(s.siteFS)
	if _, err := fs.Stat(s.siteFS, content.Dir); err != nil {
		// No content folder: Load says so and makes an empty Site.
		site, s.scanErrs = content.Load(s.siteFS, cfg, content.Options{Drafts: s.opts.Drafts})
	} else {
		for _, pr := range s.parse(s.mdFiles) {
			s.parsed[pr.File] = pr
		}
		for _, f := range s.mdFiles {
			s.index(f)
		}
		site, s.siteErrs = content.Assemble(cfg, s.parsedList(), s.other, content.Options{Drafts: s.opts.Drafts})
	}
	s.site = site
	checkConfigRefs(site, &s.siteErrs)
	for _, f := range s.other {
		b, err := fs.ReadFile(s.siteFS, content.Dir+"/"+f)
		if err != nil {
			s.fileErrs.Add(diag.Errorf(content.Dir+"/"+f, 0, 0, "cannot read: %v", err))
			continue
		}
		s.otherB[f] = b
	}
	s.static, s.statErrs = readStatic(s.siteFS)

	s.layers = overlay.New(s.siteFS, s.defaults)
	s.min = assets.NewMinifier()
	set, errs := assets.Build(s.layers, s.min)
	s.set = set
	s.fixed.Add(errs...)
	r, errs := render.New(s.layers, site, markup.New(), set)
	s.fixed.Add(errs...)
	if r == nil {
		return fail()
	}
	s.r = r
	s.titleTopics()
	s.global, s.readers = layoutRefs(s.layers, cfg)

	pages := append(slices.Clone(site.Pages), notFoundPage(site, r))
	s.placePages()
	n := s.render(pages, nil)
	s.makeStatics()
	s.ready = true
	for p := range prev {
		s.dirty[p] = true
	}
	for p := range s.files {
		s.dirty[p] = true
	}
	u := s.finish(start, true)
	u.Pages = n
	return u
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
	s.siteErrs = errs
	checkConfigRefs(s.site, &s.siteErrs)
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
	pages = append(pages, notFoundPage(s.site, s.r))
	var removed []string
	for _, u := range gone {
		removed = append(removed, outputPath(u))
	}
	s.placePages()
	s.dropStatics()
	n := s.render(pages, removed)
	s.makeStatics()
	u := s.finish(start, all)
	u.Pages = n
	return u
}

// dependents adds to want the URLs of the pages that show page p and
// reports whether every page does: list pages are in every page's
// breadcrumbs or menu, pages named by config.toml or a layout may be on
// every page, and glossary terms and laws may be cited from any text.
func (s *Session) dependents(p *content.Page, refs map[*content.Page][]*content.Page, want map[string]bool) (all bool) {
	want[p.URL] = true
	if p.IsList() && p.Kind != content.KindTopic && p.Kind != content.KindTopics || len(p.Children) > 0 {
		return true
	}
	if p.Kind == content.KindTerm || p.Kind == content.KindLaw {
		return true
	}
	for _, ref := range s.global {
		if s.site.Ref(ref) == p {
			return true
		}
	}
	if p.Parent != nil {
		listPages(p.Parent, want) // the page may move from one page of the list to another
	}
	for a := p.Parent; a != nil; a = a.Parent {
		want[a.URL] = true // its list, and "Senest opdateret" of lists without a date of their own
	}
	for _, t := range p.Translations {
		want[t.URL] = true // their language switcher and hreflang links
	}
	for _, t := range p.Tags {
		want[t.URL] = true
		if t.Page != nil && t.Page.Parent != nil {
			want[t.Page.Parent.URL] = true // the topic index counts its pages
		}
	}
	for _, q := range refs[p] {
		want[q.URL] = true
	}
	return false
}

// linkers adds to want the pages whose links may point at p, a page that
// appeared or went away, and reports whether every page must be rendered.
func (s *Session) linkers(p *content.Page, want map[string]bool) (all bool) {
	if g := p.Pager(); g != nil && g.Number > 1 {
		listPages(p, want) // a further page of a list: only the list's pages lead to it
		return false
	}
	if p.Kind == content.KindHome || p.Kind == content.KindSection {
		return true // in the menu or the breadcrumbs
	}
	if p.Kind == content.KindTopic || p.Kind == content.KindTopics {
		want[s.cfg.LangPrefix(p.Lang)+"/"+s.cfg.Taxonomy.Path+"/"] = true
	}
	for _, t := range p.Translations {
		want[t.URL] = true // their language switcher leads here now, or no longer
	}
	for _, k := range pageKeys(p) {
		for file := range s.links[k] {
			if q := s.site.PageByFile(strings.TrimPrefix(file, content.Dir+"/")); q != nil {
				want[q.URL] = true
			}
		}
	}
	return false
}

// listPages adds to want every page of list page p when the list is split
// into pages: which page shows an item, and how many pages there are,
// changes with any item.
func listPages(p *content.Page, want map[string]bool) {
	if g := p.Pager(); g != nil {
		for _, q := range g.Pages {
			want[q.URL] = true
		}
	}
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

// references maps each page to the pages that name it in their front
// matter: the home page's featured, a theme's initiatives, an
// initiative's theme.
func references(site *content.Site) map[*content.Page][]*content.Page {
	refs := map[*content.Page][]*content.Page{}
	for _, p := range site.Pages {
		switch d := p.Data.(type) {
		case *content.Home:
			for _, q := range d.Featured {
				refs[q] = append(refs[q], p)
			}
		case *content.Theme:
			for _, q := range d.Initiatives {
				refs[q] = append(refs[q], p)
			}
		case *content.Initiative:
			if d.Theme != nil {
				refs[d.Theme] = append(refs[d.Theme], p)
			}
		}
	}
	return refs
}

func pagesByURL(site *content.Site) map[string]*content.Page {
	m := make(map[string]*content.Page, len(site.Pages))
	for _, p := range site.Pages {
		m[p.URL] = p
	}
	return m
}

func sameFrontMatter(a, b *content.Page) bool {
	at, al := a.FrontMatter()
	bt, bl := b.FrontMatter()
	return at == bt && al == bl && a.URL == b.URL && a.Kind == b.Kind
}

// parse reads Markdown files on every core.
func (s *Session) parse(files []string) []*content.Parsed {
	out := make([]*content.Parsed, len(files))
	parallel.Each(len(files), func(i int) {
		if _, err := fs.Stat(s.siteFS, files[i]); err != nil {
			return // gone
		}
		out[i] = content.ParseFile(s.siteFS, files[i], s.cfg)
	})
	return slices.DeleteFunc(out, func(p *content.Parsed) bool { return p == nil })
}

func (s *Session) parsedList() []*content.Parsed {
	out := make([]*content.Parsed, 0, len(s.mdFiles))
	for _, f := range s.mdFiles {
		if pr := s.parsed[f]; pr != nil {
			out = append(out, pr)
		}
	}
	return out
}

// render renders pages into s.files and drops the output paths in removed
// that no page has any more. It returns how many pages it rendered.
func (s *Session) render(pages []*content.Page, removed []string) int {
	type result struct {
		b    []byte
		errs diag.List
	}
	// A page that lost its output path to another (placePages) is left out.
	pages = slices.DeleteFunc(slices.Clone(pages), func(p *content.Page) bool { return s.owners[outputPath(p.URL)] != pageSource(p) })
	res := make([]result, len(pages))
	minifyHTML := s.cfg.MinifyHTML()
	var bufs sync.Pool
	parallel.Each(len(pages), func(i int) {
		b, errs := safeRender(s.r, pages[i])
		if b != nil && minifyHTML {
			buf, _ := bufs.Get().(*bytes.Buffer)
			if buf == nil {
				buf = new(bytes.Buffer)
			}
			buf.Reset()
			if err := s.min.Minify("text/html", buf, bytes.NewReader(b)); err == nil {
				b = bytes.Clone(buf.Bytes())
			}
			bufs.Put(buf)
		}
		res[i] = result{b, errs}
	})
	for _, p := range removed {
		delete(s.files, p)
		delete(s.pageErrs, p)
		s.dirty[p] = true
	}
	for i, r := range res {
		p := pages[i]
		name := outputPath(p.URL)
		if !fs.ValidPath(name) || name == "." {
			r.errs.Add(diag.Errorf(p.File, 0, 0, "refusing output path %q", name))
			r.b = nil
		}
		if len(r.errs) > 0 {
			s.pageErrs[name] = r.errs
		} else {
			delete(s.pageErrs, name)
		}
		if r.b != nil {
			s.files[name] = r.b
			s.dirty[name] = true
		}
	}
	return len(pages)
}

// finish collects the diagnostics and the paths whose bytes differ from
// the last build's, and makes the Output.
func (s *Session) finish(start time.Time, full bool) *Rebuild {
	u := &Rebuild{Full: full}
	u.Diags = append(u.Diags, s.fixed...)
	u.Diags = append(u.Diags, s.scanErrs...)
	u.Diags = append(u.Diags, s.siteErrs...)
	u.Diags = append(u.Diags, s.fileErrs...)
	for _, f := range s.mdFiles {
		if pr := s.parsed[f]; pr != nil {
			u.Diags = append(u.Diags, pr.Errs...)
		}
	}
	for _, errs := range s.pageErrs {
		u.Diags = append(u.Diags, errs...)
	}
	u.Diags.Sort()
	if s.cfg != nil {
		u.Lang, u.BasePath = s.cfg.Language, s.cfg.BasePath
	}
	if s.set != nil {
		u.CSS = s.set.CSS
	}
	for p := range s.dirty {
		old, had := s.last[p]
		b, has := s.files[p]
		if had != has || !bytes.Equal(old, b) {
			u.Changed = append(u.Changed, p)
		}
	}
	slices.Sort(u.Changed)
	s.dirty = map[string]bool{}
	s.last = maps.Clone(s.files)
	if u.Diags.Err(s.opts.Strict) == nil {
		u.Output = &Output{files: s.last}
	}
	u.Duration = time.Since(start)
	return u
}

// titleTopics titles the topic index torv makes itself in the site's
// language, as Build does.
func (s *Session) titleTopics() {
	if idx := s.site.PageByURL("/" + s.cfg.Taxonomy.Path + "/"); idx != nil && idx.Kind == content.KindTopics && idx.File == "" {
		if title, err := s.r.T(s.cfg.Language, "topics"); err == nil {
			idx.Common().Title = title
		}
	}
}

// index records the link keys of a Markdown file: the last part of every
// link destination in its body and front matter.
func (s *Session) index(file string) {
	for _, k := range s.keysOf[file] {
		delete(s.links[k], file)
	}
	delete(s.keysOf, file)
	pr := s.parsed[file]
	if pr == nil || pr.Page == nil {
		return
	}
	front, _ := pr.Page.FrontMatter()
	keys := linkKeys([]byte(front), pr.Page.Body)
	s.keysOf[file] = keys
	for _, k := range keys {
		if s.links[k] == nil {
			s.links[k] = map[string]bool{}
		}
		s.links[k][file] = true
	}
}

// linkKeys finds the destinations of Markdown links and reference
// definitions ("](dest" and "]: dest") in texts and returns the key of
// each (see linkKey). It may find more than goldmark does; that costs a
// page rendered for nothing, never a page missed.
func linkKeys(texts ...[]byte) []string {
	seen := map[string]bool{}
	var keys []string
	for _, b := range texts {
		for _, sep := range [][]byte{[]byte("]("), []byte("]:")} {
			rest := b
			for {
				i := bytes.Index(rest, sep)
				if i < 0 {
					break
				}
				rest = rest[i+2:]
				d := bytes.TrimLeft(rest, " \t")
				var dest []byte
				if len(d) > 0 && d[0] == '<' {
					end := bytes.IndexByte(d, '>')
					if end < 0 {
						continue
					}
					dest = d[1:end]
				} else {
					end := bytes.IndexAny(d, " \t\r\n)")
					if end < 0 {
						end = len(d)
					}
					dest = d[:end]
				}
				if k := linkKey(string(dest)); k != "" && !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// linkKey is the key a link destination is filed under: its last path
// segment in lower case, without ".md", and the folder's name for
// "_index.md": "../lov/sygedagpenge.md", "/lov/sygedagpenge/" and
// "sygedagpenge" all give "sygedagpenge". External links, anchors and
// links to a folder above ("../") give "".
func linkKey(dest string) string {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") {
		return "" // a scheme: not a page of the site
	}
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	dest = strings.TrimSuffix(dest, "/")
	base := path.Base(dest)
	if base == "_index.md" || (strings.HasPrefix(base, "_index.") && len(base) == len("_index.en.md")) {
		base = path.Base(path.Dir(dest)) // _index.en.md too
	}
	base = strings.ToLower(strings.TrimSuffix(base, ".md"))
	switch base {
	case "", ".", "..", "/":
		return ""
	}
	return base
}

// pageKeys are the keys under which links to page p are filed: the last
// segment of its URL and its file's name.
func pageKeys(p *content.Page) []string {
	keys := []string{linkKey(p.URL)}
	if p.File != "" {
		if k := linkKey(p.File); k != keys[0] {
			keys = append(keys, k)
		}
	}
	return keys
}

var pageCall = regexp.MustCompile(`\bpage\s+"([^"]*)"`)
var siteLists = regexp.MustCompile(`\.Site\.(Pages|Topics|Terms|Laws|Home)\b`)

// layoutRefs reads the layouts for what a page's rendering may take from
// other pages: the pages named by page "x" (and config.toml's menu and
// contact page), which may be on every page, and the layouts that read the
// site's lists of pages ("" for base.html and the partials, which every
// page uses).
func layoutRefs(fsys fs.FS, cfg *config.Config) (global []string, readers map[string]bool) {
	readers = map[string]bool{}
	for _, m := range cfg.Menu {
		global = append(global, m.Page)
	}
	if cfg.Contact.Page != "" {
		global = append(global, cfg.Contact.Page)
	}
	global = append(global, cfg.FeedbackPage()) // partials/feedback.html, on every page
	files, _ := fs.Glob(fsys, render.LayoutDir+"/*.html")
	partials, _ := fs.Glob(fsys, render.LayoutDir+"/partials/*.html")
	for _, f := range append(files, partials...) {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		for _, m := range pageCall.FindAllSubmatch(b, -1) {
			global = append(global, string(m[1]))
		}
		if siteLists.Match(b) {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if name == "base" || strings.Contains(f, "/partials/") {
				name = ""
			}
			readers[name] = true
		}
	}
	return global, readers
}

// layoutName is the layout page p is rendered with, as the renderer
// chooses it.
func layoutName(p *content.Page) string {
	if l := p.Common().Layout; l != "" {
		return l
	}
	return string(p.Kind)
}

// inDir reports whether slash path p is dir or inside it.
func inDir(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }
