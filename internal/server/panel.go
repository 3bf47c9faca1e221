package server

import (
	"bytes"
	"github.com/torv/torv/internal/parallel"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
)

// The findings panel: torv check's findings for the page being served,
// written by check.Panel and put before </body> with the live-reload
// script. It is only ever added to a response, never to the Output, so it
// cannot reach a built site.
//
// The rules need a content.Site, and the build's Session keeps its own to
// itself and changes it in place while it rebuilds; so panels keeps a
// second one, read from the same files, that only it touches (under its
// lock). An edit is only noted when it happens; the work is done when a
// page is asked for, for that page alone:
//
//   - an edit below a page's front matter (the common case) reads that one
//     file again and swaps its body in: the site keeps its shape, and
//     checking the page costs well under a millisecond at 10 000 pages;
//   - an edit that changes a front matter, adds or removes a file, puts
//     the site together again (content.Assemble, about 60 ms at 10 000
//     pages);
//   - config.toml, or the server's first build, reads everything.
//
// A page's panel is kept until the next build that succeeds, so reloads
// and the other tabs cost nothing.

// panels makes the findings panel of the pages the preview serves.
type panels struct {
	siteFS fs.FS
	root   string // the site folder as an absolute path, for editor links; "" for none
	drafts bool

	// note guards what changed since the state below was brought up to
	// date, and the newest build's diagnostics; publish holds the server's
	// lock while it notes, so it must never wait for a check.
	note    sync.Mutex
	reload  bool            // read config.toml and every file again
	rescan  bool            // files came or went: list content/ again
	dirty   map[string]bool // Markdown files to read again
	diagsOf diag.List       // of the newest build that succeeded: its warnings go with their page's findings

	mu     sync.Mutex
	cfg    *config.Config // nil until read
	md     []string       // Markdown files, in Scan's order
	other  []string       // other files below content/
	parsed map[string]*content.Parsed
	site   *content.Site
	chk    *check.Checker
	day    string            // the day chk judges review dates on
	gen    int               // the build the cache is of
	diags  diag.List         // that build's diagnostics
	cache  map[string][]byte // output path -> panel
}

func newPanels(siteFS fs.FS, root string, drafts bool) *panels {
	return &panels{siteFS: siteFS, root: root, drafts: drafts, reload: true, dirty: map[string]bool{},
		parsed: map[string]*content.Parsed{}, cache: map[string][]byte{}}
}

// changed notes the paths an edit touched (slash paths relative to the
// site folder, as package watch reports them); nil means everything.
func (p *panels) changed(paths []string) {
	p.note.Lock()
	defer p.note.Unlock()
	if paths == nil {
		p.reload = true
	}
	for _, f := range paths {
		f = path.Clean(strings.TrimPrefix(f, "/"))
		switch {
		case f == "." || f == "config.toml":
			p.reload = true
		case ignoredPath(f) || !strings.HasPrefix(f, content.Dir+"/") && f != content.Dir:
			// Layouts, assets and i18n change no finding.
		case strings.HasSuffix(f, ".md"):
			p.dirty[f] = true
		default:
			// A folder or another file: whether it is there decides
			// whether links to it resolve.
			p.rescan = true
		}
	}
}

// ignoredPath reports whether any part of p is a name torv leaves alone.
func ignoredPath(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if ignore.Name(part) {
			return true
		}
	}
	return false
}

// built notes the diagnostics of a build that succeeded.
func (p *panels) built(diags diag.List) {
	p.note.Lock()
	defer p.note.Unlock()
	p.diagsOf = diags
}

// html returns the panel of the page at output path file of build gen,
// whose output is out; nil for a page that is no file of the site (a
// list torv made, the 404 page).
func (p *panels) html(gen int, out *build.Output, file string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if gen > p.gen {
		p.update()
		p.gen = gen
		clear(p.cache)
	}
	if b, ok := p.cache[file]; ok && gen == p.gen {
		return b
	}
	b := p.make(out, file)
	if gen == p.gen {
		p.cache[file] = b
	}
	return b
}

// make checks one page and writes its panel. p.mu is held.
func (p *panels) make(out *build.Output, file string) []byte {
	if p.site == nil || p.chk == nil {
		return nil
	}
	url := "/" + strings.TrimSuffix(file, "index.html")
	page := p.site.PageByURL(url)
	if page == nil || page.File == "" {
		return nil
	}
	rep := p.chk.Page(page, check.FilesHTML(out.Get))
	if rep == nil {
		return nil
	}
	var extra []*diag.Error
	for _, e := range p.diags {
		if e.File == page.File {
			extra = append(extra, e)
		}
	}
	var b bytes.Buffer
	opts := check.PanelOptions{Root: p.root}
	if p.cfg.Check.Editor != "" {
		opts.EditorURL = p.cfg.Check.EditorURL
	}
	if err := check.Panel(&b, rep, opts, extra...); err != nil {
		return nil
	}
	return b.Bytes()
}

// update brings the site up to date with what changed. p.mu is held.
func (p *panels) update() {
	p.note.Lock()
	reload, rescan, dirty := p.reload, p.rescan, p.dirty
	p.reload, p.rescan, p.dirty = false, false, map[string]bool{}
	p.diags = p.diagsOf
	p.note.Unlock()

	if reload || p.cfg == nil {
		p.load()
		return
	}
	for f := range dirty {
		if _, err := fs.Stat(p.siteFS, f); err != nil || p.parsed[f] == nil {
			rescan = true // a file came or went (a rename-save is both)
		}
	}
	reshape, renew := false, false
	fresh := map[string]bool{}
	if rescan {
		md, other, _ := content.Scan(p.siteFS)
		listed := map[string]bool{}
		for _, f := range md {
			listed[f] = true
			if p.parsed[f] == nil {
				p.parsed[f] = content.ParseFile(p.siteFS, f, p.cfg)
				fresh[f] = true
			}
		}
		for f := range p.parsed {
			if !listed[f] {
				delete(p.parsed, f)
			}
		}
		p.md, p.other = md, other
		reshape = true
	}
	for f := range dirty {
		old := p.parsed[f]
		if old == nil || fresh[f] {
			continue
		}
		nw := content.ParseFile(p.siteFS, f, p.cfg)
		if sameFront(old, nw) {
			// Below the front matter: the page keeps its place in the site.
			old.Page.Body = nw.Page.Body
			// The checker knows what glossary entries link to.
			renew = renew || old.Page.Kind == content.KindTerm
			continue
		}
		p.parsed[f] = nw
		reshape = true
	}
	if reshape {
		p.assemble()
		renew = true
	}
	// A preview runs for days: review dates are judged on the day of the
	// build.
	if (renew || p.day != today()) && p.site != nil {
		p.newChecker()
	}
}

func (p *panels) newChecker() {
	p.chk, p.day = check.New(p.site, nil, check.Options{}), today()
}

func today() string { return time.Now().Format(time.DateOnly) }

// load reads config.toml and every Markdown file. p.mu is held.
func (p *panels) load() {
	p.cfg, p.site, p.chk = nil, nil, nil
	clear(p.parsed)
	cfg, errs := config.Parse(p.siteFS, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		// The build that succeeded read another config.toml; the next
		// build will tell this one's errors, and read it again.
		p.note.Lock()
		p.reload = true
		p.note.Unlock()
		return
	}
	p.cfg = cfg
	p.md, p.other, _ = content.Scan(p.siteFS)
	all := make([]*content.Parsed, len(p.md))
	parallel.Each(len(p.md), func(i int) { all[i] = content.ParseFile(p.siteFS, p.md[i], cfg) })
	for _, pr := range all {
		p.parsed[pr.File] = pr
	}
	p.assemble()
	p.newChecker()
}

// assemble puts the site together from the files read. p.mu is held.
func (p *panels) assemble() {
	list := make([]*content.Parsed, 0, len(p.md))
	for _, f := range p.md {
		if pr := p.parsed[f]; pr != nil {
			list = append(list, pr)
		}
	}
	p.site, _ = content.Assemble(p.cfg, list, p.other, content.Options{Drafts: p.drafts})
}

// sameFront reports whether two reads of a file differ only below the
// front matter, so that the page keeps its place in the site.
func sameFront(a, b *content.Parsed) bool {
	if a.Page == nil || b.Page == nil || a.Errs.Error() != b.Errs.Error() {
		return false
	}
	at, al := a.Page.FrontMatter()
	bt, bl := b.Page.FrontMatter()
	return at == bt && al == bl
}
