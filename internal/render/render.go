package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
	"unicode/utf8"
	"unsafe"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/outputs"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/sitefs"
	"github.com/torv/torv/internal/spill"
)

// LayoutDir is the folder of a site that holds its layouts.
const LayoutDir = "layouts"

// Renderer renders pages of one site. It is safe for concurrent use once
// made.
type Renderer struct {
	site    *content.Site
	md      *markup.Markdown
	css     assets.Asset
	base    string                                   // the base URL's path, "/" or "/borger/"
	layouts map[string]map[string]*template.Template // lang -> layout name -> set
	strings map[string]uiStrings                     // lang -> UI strings
	common  map[string]*template.Template            // lang -> base and partials
	itemsMu sync.RWMutex                             // guards items
	items   map[itemKey]cachedItem                   // a map, not a sync.Map: one entry a page, half the memory
	sources map[string]string                        // template name -> its text, for error columns
	js      map[string]assets.Asset                  // the scripts, for pages that load one
	// workers are the idle workers, one a core at most: a sync.Pool
	// would drop them at every garbage collection, and each new one
	// copies every layout again (on a large site, a hundred times a build).
	workers chan *worker
	terms   map[string]*markup.Glossary // lang -> the glossary terms its pages link; see glossary.go
	// byRead indexes the entries by what they read, so that Forget finds
	// the stale ones without reading every entry's reads; unread counts
	// the entries made without reads. Guarded by itemsMu.
	byRead map[reads.Key]map[itemKey]struct{}
	unread int
	// fast and slow count the templates executed by a compiled Program
	// and by html/template (see worker.execute), failed the Programs that
	// failed; noFast turns Programs off, for tests that compare the two.
	fast, slow, failed atomic.Int64
	noFast             bool
	// spill, when set (SpillItems), holds the entries made without reads:
	// torv build's, which no Forget asks about.
	spill *spill.File
	// minEntry, when set (MinifyEntries), minifies each list entry once,
	// as it is made (spans.go).
	minEntry func([]byte) ([]byte, bool)
}

// worker is one render goroutine's own copy of the templates, so that the
// template functions know the page being rendered (md resolves links from
// it and reports mistakes at it) without sharing state between goroutines.
// html/template allows cloning only before a template first executes, so
// the parsed masters are never executed themselves.
type worker struct {
	r      *Renderer
	sets   map[string]map[string]*template.Template
	common map[string]*template.Template
	page   *content.Page
	errs   diag.List
	rd     reads.Set // what the page read (record.go); nil when not noted

	// body and out are the buffers of the page's HTML, kept for the
	// worker's next page: grown anew for every page they were a fifth of
	// torv build's allocations. What a page returns is a copy of its
	// size; a buffer grown past keepBuffer (a long list) is not kept.
	body, out bytes.Buffer

	ahead *spill.Reader // reads the list entries back from the renderer's spill (items)

	// lists are the lists of minified entries items made for the page
	// in hand, for spans to find in it.
	lists [][]byte

	funcs map[string]template.FuncMap // lang -> the functions the worker's templates were given
	progs map[progKey]*compiled
}

// keepBuffer is the largest buffer a worker keeps for its next page.
const keepBuffer = 256 << 10

func (r *Renderer) newWorker() *worker {
	w := &worker{r: r, sets: map[string]map[string]*template.Template{}, common: map[string]*template.Template{},
		funcs: map[string]template.FuncMap{}, progs: map[progKey]*compiled{}}
	for lang, sets := range r.layouts {
		funcs := r.funcs(lang, r.strings[lang], w)
		w.funcs[lang] = funcs
		w.sets[lang] = map[string]*template.Template{}
		for name, t := range sets {
			if c, err := t.Clone(); err == nil {
				w.sets[lang][name] = c.Funcs(funcs)
			}
		}
		if c, err := r.common[lang].Clone(); err == nil {
			w.common[lang] = c.Funcs(funcs)
		}
	}
	return w
}

// Sources returns the text of every layout and partial by name below
// layouts/, so that a caller can tell which of them an edit changed.
func (r *Renderer) Sources() map[string]string { return maps.Clone(r.sources) }

// md converts a short string of front-matter Markdown, resolving its links
// from the page being rendered and reporting broken ones at the page.
func (w *worker) md(s string) template.HTML {
	p := w.page
	if p == nil {
		p = w.r.site.Home
	}
	html, errs := w.r.md.InlineWith(s, w.input(p, 0))
	for _, e := range errs {
		if p.File == "" {
			continue // a generated page has no front matter to point at
		}
		line, col := p.FrontMatterPos(s, e.Line, e.Col)
		w.errs.Add(&diag.Error{File: p.File, Line: line, Col: col, Msg: e.Msg + " (in the front matter)", Hint: e.Hint, Level: e.Level})
	}
	return template.HTML(html)
}

// New parses the layouts of fsys (the layered site and defaults) for every
// language the site uses.
func New(fsys fs.FS, site *content.Site, md *markup.Markdown, set *assets.Set) (*Renderer, diag.List) {
	r := &Renderer{site: site, md: md, css: set.CSS, base: site.Config.BasePath,
		layouts: map[string]map[string]*template.Template{}, strings: map[string]uiStrings{},
		common: map[string]*template.Template{}, sources: map[string]string{}, items: map[itemKey]cachedItem{},
		byRead:  map[reads.Key]map[itemKey]struct{}{},
		workers: make(chan *worker, runtime.GOMAXPROCS(0))}
	r.terms = glossaries(site, r.URL)
	r.js = set.JS
	var errs diag.List
	files, ferr := layoutFiles(fsys, LayoutDir)
	partials, perr := layoutFiles(fsys, LayoutDir+"/partials")
	if ferr != nil || perr != nil {
		errs.Add(ferr, perr)
		return nil, errs
	}
	if !slices.Contains(files, LayoutDir+"/base.html") {
		errs.Add(diag.Errorf(LayoutDir+"/base.html", 0, 0, "the base layout is missing").
			WithHint("restore layouts/base.html, or delete your layouts/ folder to use torv's own"))
		return nil, errs
	}
	langs := site.Config.SiteLanguages()
	for _, lang := range langs {
		ui, uerr := loadStrings(fsys, lang)
		errs.Add(uerr...)
		if len(uerr) > 0 {
			continue
		}
		r.strings[lang] = ui
		common := template.New("").Funcs(r.funcs(lang, ui, nil))
		for _, f := range append([]string{LayoutDir + "/base.html"}, partials...) {
			if e := r.parseFile(fsys, common, f); e != nil {
				errs.Add(e)
			}
		}
		if len(errs) > 0 {
			return nil, errs
		}
		sets := map[string]*template.Template{}
		for _, f := range files {
			name := strings.TrimSuffix(path.Base(f), ".html")
			if name == "base" {
				continue
			}
			t, _ := common.Clone()
			if e := r.parseFile(fsys, t, f); e != nil {
				errs.Add(e)
				continue
			}
			sets[name] = t
		}
		r.layouts[lang] = sets
		r.common[lang] = common
	}
	if len(errs) > 0 {
		return nil, errs
	}
	// Every language must have every string the layouts use.
	all := []*template.Template{r.common[langs[0]]}
	for _, t := range r.layouts[langs[0]] {
		all = append(all, t)
	}
	used := r.usedKeys(all...)
	if len(langs) > 1 {
		used = append(used, uiKey{key: "lang_not_translated"}) // see languages
	}
	for _, lang := range langs {
		errs.Add(missingKeys(used, lang, r.strings[lang])...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

// layoutFiles lists the .html files of folder dir, as fs.Glob would, but
// reports a folder that cannot be read (a symbolic link) instead of
// ignoring it as Glob does: a linked partials/ folder would otherwise leave
// every page without its partials.
func layoutFiles(fsys fs.FS, dir string) ([]string, *diag.Error) {
	entries, err := fs.ReadDir(fsys, dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		if d := sitefs.Diag(err); d != nil {
			return nil, d
		}
		return nil, diag.Errorf(dir, 0, 0, "cannot read: %v", err)
	}
	var files []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") {
			files = append(files, dir+"/"+e.Name())
		}
	}
	return files, nil
}

// parseFile parses one layout file into t. The template's name is its path
// below layouts/ ("partials/quote.html").
func (r *Renderer) parseFile(fsys fs.FS, t *template.Template, file string) *diag.Error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		if d := sitefs.Diag(err); d != nil {
			return d
		}
		return diag.Errorf(file, 0, 0, "cannot read: %v", err)
	}
	name := strings.TrimPrefix(file, LayoutDir+"/")
	r.sources[name] = string(b)
	if _, err := t.New(name).Parse(string(b)); err != nil {
		return r.templateError(err)
	}
	if err := hookTemplates(t, name); err != nil {
		return diag.Errorf(file, 0, 0, "%v", err)
	}
	return nil
}

// T returns a UI string of a language, for pages the build makes itself.
func (r *Renderer) T(lang, key string) (string, error) {
	return r.strings[lang].get(lang, key)
}

// layoutFor names the layout of page p.
func layoutFor(p *content.Page) string {
	if l := p.Common().Layout; l != "" {
		return l
	}
	return string(p.Kind)
}

// Page renders one page to a full HTML document. A panic in a dependency
// becomes an error at the page, so one strange page cannot take a build
// or the preview down.
func (r *Renderer) Page(p *content.Page) (b []byte, errs diag.List) {
	b, _, errs, _ = r.render(p, false, nil)
	return b, errs
}

// Span is a part b[Start:End] of a rendered page that a minifier has
// nothing to take out of, or next to nothing: the Markdown body's HTML as
// goldmark made it (a newline a block is all a minifier would take out),
// and a list of entries that MinifyEntries minified as they were made. A
// caller may leave the spans as they are and spare the minifier the
// largest parts of a page (package build). A page's spans are in order
// and do not overlap.
type Span struct{ Start, End int }

// minSpan is the shortest body or list a Span is looked for: below it, a
// part is not worth the search, and a short one is more likely to be
// found in the page somewhere else first (a list entry with the same
// words).
const minSpan = 512

// AppendPage renders page p as Page does and appends its HTML to dst; it
// returns nil when the page could not be made. A caller that hands each
// page on before it makes the next (torv build) renders every page into
// one buffer of its own, where Page makes a copy of each.
func (r *Renderer) AppendPage(dst []byte, p *content.Page) ([]byte, []Span, diag.List) {
	b, spans, errs, _ := r.render(p, false, bytes.NewBuffer(dst))
	return b, spans, errs
}

// Render renders page p as Page does, and returns its spans and what it
// read besides itself (see record.go).
func (r *Renderer) Render(p *content.Page) (b []byte, spans []Span, errs diag.List, rd reads.Set) {
	return r.render(p, true, nil)
}

// render renders page p into into, or, when it is nil, into the worker's
// buffer and returns a copy.
func (r *Renderer) render(p *content.Page, note bool, into *bytes.Buffer) (b []byte, spans []Span, errs diag.List, rd reads.Set) {
	if note {
		rd = reads.New()
	}
	defer func() {
		if x := recover(); x != nil {
			b, spans, errs = nil, nil, diag.List{diag.Errorf(pageName(p), 0, 0, "torv could not make this page (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	var w *worker
	select {
	case w = <-r.workers:
	default:
		w = r.newWorker()
	}
	defer func() {
		select {
		case r.workers <- w:
		default: // as many idle as cores: let it go
		}
	}()
	w.page, w.errs, w.rd = p, nil, rd
	defer func() { w.rd = nil }()
	b, spans, errs = w.render(p, into)
	return b, spans, append(errs, w.errs...), rd
}

func (w *worker) render(p *content.Page, into *bytes.Buffer) ([]byte, []Span, diag.List) {
	r := w.r
	var errs diag.List
	lang := p.Lang
	sets := w.sets[lang]
	if sets == nil {
		lang = r.site.Config.Language
		sets = w.sets[lang]
	}
	name := layoutFor(p)
	t := sets[name]
	if w.noting() {
		w.note(reads.Template(name + ".html")) // a layout that comes later is read too
	}
	if t == nil {
		file := p.File
		line, col := 0, 0
		if p.Common().Layout != "" {
			line, col = p.Pos("layout")
		}
		if file == "" {
			file = LayoutDir
		}
		errs.Add(diag.Errorf(file, line, col, "layout %q does not exist", name).
			WithHint("add layouts/%s.html, or remove the layout line to use the kind's own", name))
		return nil, nil, errs
	}
	w.forgetLists() // a page that failed left its lists
	body := w.buffer(&w.body)
	defer w.drop(&w.body)
	if len(bytes.TrimSpace(p.Body)) > 0 {
		berrs, err := r.md.ConvertWith(body, p.File, p.Body, w.input(p, bodyShift(p)))
		errs.Add(berrs...)
		if err != nil {
			errs.Add(diag.Errorf(p.File, 0, 0, "cannot convert the Markdown: %v", err))
		}
	}
	// The body's HTML without a copy of it: the View is done with before
	// the worker's next page writes over the buffer.
	html := unsafe.String(unsafe.SliceData(body.Bytes()), body.Len())
	v := &View{Site: &SiteView{Config: r.site.Config, site: r.site, w: w}, Page: p, Content: template.HTML(html), Lang: p.Lang, CSS: r.css,
		Crumbs: crumbs(p), Menu: menu(r.site, p), List: p.Children, CSP: outputs.CSP,
		Home: r.site.HomeOf(p.Lang), Title: r.site.Config.TitleIn(p.Lang),
		Description: r.site.Config.DescriptionIn(p.Lang), ContactHours: r.site.Config.ContactHoursIn(p.Lang)}
	langs, err := r.languages(p)
	if err != nil {
		errs.Add(diag.Errorf(LayoutDir, 0, 0, "%v", err))
		return nil, nil, errs
	}
	v.Languages = langs
	v.JS = r.js
	if g := newPager(p); g != nil {
		v.Pager, v.List = g, g.Items
	}
	switch p.Kind {
	case content.KindTopics:
		v.Topics = r.site.TopicsIn(p.Lang)
	case content.KindTopic:
		v.Topic = r.site.Topic(p)
	}
	w.noteView(p, v)
	out := into
	if out == nil {
		out = w.buffer(&w.out)
		defer w.drop(&w.out)
	}
	if err := w.execute(t, lang, "base.html", out, v); err != nil {
		e := r.templateError(err)
		e.Making = pageName(p) // and it may show in other pages too: diag.List.Merged
		errs.Add(e)
		return nil, nil, errs
	}
	spans := w.spans(out.Bytes(), body.Bytes())
	if into != nil {
		return out.Bytes(), spans, errs
	}
	if out.Cap() > keepBuffer {
		// Not kept (drop): the page takes the buffer, no copy of a
		// long list is made.
		return out.Bytes(), spans, errs
	}
	return bytes.Clone(out.Bytes()), spans, errs
}

// buffer empties one of the worker's buffers for a page.
func (w *worker) buffer(b *bytes.Buffer) *bytes.Buffer {
	b.Reset()
	return b
}

// drop lets a buffer grown past keepBuffer go once the page is made.
func (w *worker) drop(b *bytes.Buffer) {
	if b.Cap() > keepBuffer {
		*b = bytes.Buffer{}
	}
}

// Body reads page p's Markdown as Page converts it, with the same links,
// citations and glossary, but executes no layout and writes no HTML: torv
// check's cheaper mode gets Page's errors for the body (and an inspecting
// Markdown gets the same tree) at a fraction of the cost.
func (r *Renderer) Body(p *content.Page) (errs diag.List) {
	if len(bytes.TrimSpace(p.Body)) == 0 {
		return nil // Page converts no empty body
	}
	defer func() {
		if x := recover(); x != nil {
			errs = diag.List{diag.Errorf(pageName(p), 0, 0, "torv could not read this page's Markdown (%v)", x).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return r.md.CheckWith(p.File, p.Body, r.input(p, bodyShift(p)))
}

// bodyShift is how many levels Page moves the body's headings down.
func bodyShift(p *content.Page) int {
	if p.Kind == content.KindLaw {
		return 1 // the law layout puts the body under its own h2
	}
	return 0
}

// NotFound is the page static hosts show for a missing address, titled in
// the site's language.
func (r *Renderer) NotFound() *content.Page {
	title, _ := r.T(r.site.Config.Language, "page_not_found")
	return &content.Page{Kind: "404", URL: "/404.html", Lang: r.site.Config.Language,
		Data: &content.Plain{Common: content.Common{Title: title}}, Parent: r.site.Home}
}

func pageName(p *content.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}

// linker resolves the Markdown links of page p and adds the base path.
func (r *Renderer) linker(p *content.Page) markup.LinkFunc {
	return func(dest string, image bool) (string, bool, bool) {
		href, internal, exists := r.site.ResolveLink(p, dest)
		if internal && exists && strings.HasPrefix(href, "/") {
			href = r.URL(href)
		}
		return href, internal, exists
	}
}

// input is what the Markdown of page p needs besides its text: its links,
// its law citations' titles and its language's glossary.
func (r *Renderer) input(p *content.Page, shift int) markup.Input {
	return markup.Input{Link: r.linker(p), Shift: shift, Glossary: r.terms[p.Lang], Self: r.URL(p.URL),
		Cite: func(dest string) markup.Citation {
			c, _ := r.site.Cite(p, dest)
			return citation(c)
		}}
}

func citation(c content.Citation) markup.Citation {
	return markup.Citation{Text: c.Text, Lang: c.Lang, Hint: c.Hint}
}

// input is the Renderer's input for page p, noting what its links and
// citations find.
func (w *worker) input(p *content.Page, shift int) markup.Input {
	in := w.r.input(p, shift)
	link := in.Link
	in.Link = func(dest string, image bool) (string, bool, bool) {
		href, internal, exists := link(dest, image)
		w.noteLink(strings.TrimPrefix(href, strings.TrimSuffix(w.r.base, "/")), internal, exists)
		if _, _, law := markup.CitedLaw(dest); law && exists && w.noting() {
			// Every citation, with text of its own or not, comes here
			// for where it goes, which may be another language's law.
			c, _ := w.r.site.Cite(p, dest)
			w.noteCitation(c)
		}
		return href, internal, exists
	}
	return in
}

// noteCitation records the law a citation found. One found in another
// language reads a miss too: a law of the page's own language with that
// id, made later or given the id later, is cited instead.
func (w *worker) noteCitation(c content.Citation) {
	w.notePage(c.Law)
	if c.Lang != "" {
		w.note(reads.Miss)
	}
}

// URL adds the base URL's path to a site path.
func (r *Renderer) URL(sitePath string) string {
	if r.base == "/" || !strings.HasPrefix(sitePath, "/") {
		return sitePath
	}
	return r.base + strings.TrimPrefix(sitePath, "/")
}

// templateError turns an html/template or text/template error into a
// diag.Error at the template's file, line and column.
func (r *Renderer) templateError(err error) *diag.Error {
	var te *template.Error
	if errors.As(err, &te) && te.Node != nil && te.Node.Position() >= 0 {
		// An escaping error: its node knows the template it is in.
		if loc, _ := (&parse.Tree{}).ErrorContext(te.Node); loc != "" {
			if name, line, col, _ := templatePos("template: " + loc + ": "); name != "" {
				return r.at(name, line, col, te.Description)
			}
		}
	}
	if errors.As(err, &te) && te.Name != "" {
		return diag.Errorf(LayoutDir+"/"+te.Name, te.Line, 0, "%s", te.Description).
			WithHint("fix the layout at this line")
	}
	// Parse and execution errors carry their position only in the message,
	// as "template: NAME:LINE:COL: text"; the name is the template where it
	// happened, which for an execution error may be a partial.
	msg := err.Error()
	var ee texttemplate.ExecError
	if errors.As(err, &ee) {
		msg = ee.Err.Error()
	}
	name, line, col, rest := templatePos(msg)
	if name == "" {
		return diag.Errorf(LayoutDir, 0, 0, "%s", msg)
	}
	return r.at(name, line, col, rest)
}

// at makes an error at a template position; col is text/template's
// 0-based byte offset in the line, and becomes a 1-based character column.
func (r *Renderer) at(name string, line, col int, msg string) *diag.Error {
	if src, ok := r.sources[name]; ok && line > 0 && col >= 0 {
		lines := strings.Split(src, "\n")
		if line <= len(lines) && col <= len(lines[line-1]) {
			col = utf8.RuneCountInString(lines[line-1][:col])
		}
	}
	if line > 0 {
		col++
	}
	hint := "fix the layout at this line"
	if h := fieldHint(msg); h != "" {
		hint = h
	}
	return diag.Errorf(LayoutDir+"/"+name, line, col, "%s", msg).WithHint("%s", hint)
}

// templatePos reads "template: NAME:LINE:COL: message" (column optional).
func templatePos(msg string) (name string, line, col int, rest string) {
	after, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		return "", 0, 0, msg
	}
	name, rest, ok = strings.Cut(after, ":")
	if !ok || !strings.HasSuffix(name, ".html") {
		return "", 0, 0, msg
	}
	nums := []int{}
	for range 2 {
		head, tail, ok := strings.Cut(rest, ":")
		n, err := strconv.Atoi(head)
		if !ok || err != nil {
			break
		}
		nums = append(nums, n)
		rest = tail
	}
	if len(nums) > 0 {
		line = nums[0]
	}
	if len(nums) > 1 {
		col = nums[1]
	} else {
		col = -1
	}
	return name, line, col, strings.TrimSpace(rest)
}
