package render

// The list entries: a page's entry in a list is rendered once and kept,
// with what it read, so that a page in its section and in each of its
// topics costs one render; after an edit Forget drops the entries whose
// reads changed.

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"unsafe"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/spill"
)

// An itemKey is one list entry: a page as a list of one language shows it.
type itemKey struct {
	lang string
	page *content.Page
}

// cachedItem is a list entry and what rendering it read, which every
// page that shows the entry reads too; or, made without reads, the Ref
// of its HTML in the renderer's spill.
type cachedItem struct {
	html template.HTML
	rd   reads.Set
	ref  spill.Ref
	li   bool // minified, and one li element: what joins it to the next entry is the minifier's to drop (items)
}

// SpillItems keeps the list entries made without reads (Page's, torv
// build's) in sp instead of the heap: a page's entry is read again by
// each list that shows it, until the last of them renders, and 30 000
// entries are some 9 MiB of a build's live heap. It forgets the entries
// it keeps, as ForgetItems does, so that none outlives the spill it is
// in: SpillItems(nil) lets the spill go.
func (r *Renderer) SpillItems(sp *spill.File) {
	r.itemsMu.Lock()
	defer r.itemsMu.Unlock()
	r.forgetItems()
	r.spill = sp
}

// html is entry c's HTML, read back from sp, the spill the renderer had
// when c was found, when it was spilled.
func html(c cachedItem, sp *spill.File) (template.HTML, error) {
	if c.ref == 0 {
		return c.html, nil
	}
	b, err := sp.Get(nil, c.ref)
	if err != nil {
		return "", fmt.Errorf("a list entry could not be read back from the build's scratch file: %w", err)
	}
	return template.HTML(b), nil
}

// ItemTemplate is the partial that shows one page in a list.
const ItemTemplate = "partials/page-item.html"

// item renders a page's list entry once and reuses it: on a large site the
// same page appears in its section and in each of its topics, and lists
// are most of the rendering work.
func (w *worker) item(lang string, p *content.Page) (template.HTML, error) {
	c, sp, err := w.entry(lang, p)
	if err != nil {
		return "", err
	}
	return html(c, sp)
}

// entry is item without reading a spilled entry back: the entry, and the
// spill its Ref is in.
func (w *worker) entry(lang string, p *content.Page) (cachedItem, *spill.File, error) {
	key := itemKey{lang, p}
	if w.noting() {
		w.notePage(p)
		w.note(reads.List(p.URL))
		w.note(reads.Updated(p.URL)) // an entry may show a list's newest date
	}
	// An entry made by a render that noted nothing (Page: torv build,
	// which no Update follows) has no reads, and is made again, with
	// them, for a render that notes (Render), so that a renderer that
	// does both never loses a read; torv build keeps no reads for its
	// entries.
	w.r.itemsMu.RLock()
	c, ok := w.r.items[key]
	sp := w.r.spill
	w.r.itemsMu.RUnlock()
	if ok && (w.rd == nil || c.rd != nil) {
		if w.rd != nil {
			w.rd.AddAll(c.rd)
		}
		return c, sp, nil
	}
	outer := w.rd
	if outer != nil {
		w.rd = reads.New()
	}
	defer func() {
		if outer != nil {
			outer.AddAll(w.rd)
		}
		w.rd = outer
	}()
	var b bytes.Buffer
	if err := w.execute(w.common[lang], lang, ItemTemplate, &b, p); err != nil {
		return cachedItem{}, nil, err
	}
	e, li := w.r.minifyEntry(b.Bytes())
	h := template.HTML(e)
	c = cachedItem{html: h, rd: w.rd, li: li}
	if w.rd == nil && sp != nil {
		if ref, err := sp.Put(e); err == nil {
			c = cachedItem{ref: ref, li: li}
		}
	}
	w.r.itemsMu.Lock()
	if c.ref == 0 || w.r.spill == sp { // not in a spill let go of since
		w.r.putItem(key, c)
	}
	w.r.itemsMu.Unlock()
	return cachedItem{html: h, li: li}, nil, nil
}

// items is the list entries of pages, each on a line of its own: what
// {{range .}}{{item .}}\n{{end}} makes, in one call of the template
// instead of one a page. A title edit renders the lists that show the
// page again, thousands of entries at 10 000 pages, and the range and its
// calls cost more than the entries, which are kept. Each entry is read
// straight into its place in the list's bytes: read back as a string of
// its own and then copied, the longest list of 30 000 pages (2 MB) made
// three times its size in garbage while it rendered. The spilled entries
// are read in the order of their place in the spill, a window at a time
// (spill.Reader): an entry is put when the first list that shows it
// renders, so the next lists read them scattered, and one read of the
// scratch file each was 29 000 of a build's 30 700 reads at 10 000 pages.
// Entries that MinifyEntries made minimal li elements are joined without
// the newlines, which a minifier drops between li elements, and the list
// is one of the page's spans (spans.go).
func (w *worker) items(lang string, ps []*content.Page) (template.HTML, error) {
	type found struct {
		c   cachedItem
		sp  *spill.File
		pos int // where its HTML goes in the list's bytes
	}
	es := make([]found, len(ps))
	tight := len(ps) > 0 // every entry a minified li element: joined as the minifier would join them
	for i, p := range ps {
		c, sp, err := w.entry(lang, p)
		if err != nil {
			return "", err
		}
		es[i] = found{c: c, sp: sp}
		tight = tight && c.li
	}
	sep := 1 // the newline after each entry
	if tight {
		sep = 0
	}
	size := 0
	var spilled []int // the es read from a spill
	for i := range es {
		es[i].pos = size
		size += len(es[i].c.html) + es[i].c.ref.Len() + sep
		if es[i].c.ref != 0 {
			spilled = append(spilled, i)
		}
	}
	b := make([]byte, size)
	for _, e := range es {
		copy(b[e.pos:], e.c.html) // "" for a spilled one
		if sep > 0 {
			b[e.pos+len(e.c.html)+e.c.ref.Len()] = '\n'
		}
	}
	// A Ref's place in the spill is in its high bits.
	slices.SortFunc(spilled, func(i, j int) int { return cmp.Compare(es[i].c.ref, es[j].c.ref) })
	for _, i := range spilled {
		e := es[i]
		if w.ahead == nil || w.ahead.File() != e.sp {
			w.ahead = e.sp.Reader()
		}
		// Appended in place: b[pos:pos] has room for the entry.
		if _, err := w.ahead.Get(b[e.pos:e.pos], e.c.ref); err != nil {
			return "", fmt.Errorf("a list entry could not be read back from the build's scratch file: %w", err)
		}
	}
	if tight {
		w.lists = append(w.lists, b)
	}
	// The list's bytes as they are, not a copy (a list page of 10 000
	// pages is up to 740 kB): nothing writes to b after this.
	return template.HTML(unsafe.String(unsafe.SliceData(b), len(b))), nil
}

// putItem keeps entry c, replacing one made before (another worker's, or
// one made without reads). r.itemsMu is held.
func (r *Renderer) putItem(key itemKey, c cachedItem) {
	if old, had := r.items[key]; had {
		r.dropItem(key, old)
	}
	r.items[key] = c
	if c.rd == nil {
		r.unread++
		return
	}
	for k := range c.rd {
		m := r.byRead[k]
		if m == nil {
			m = map[itemKey]struct{}{}
			r.byRead[k] = m
		}
		m[key] = struct{}{}
	}
}

// dropItem forgets entry c. r.itemsMu is held.
func (r *Renderer) dropItem(key itemKey, c cachedItem) {
	delete(r.items, key)
	if c.rd == nil {
		r.unread--
		return
	}
	for k := range c.rd {
		delete(r.byRead[k], key)
		if len(r.byRead[k]) == 0 {
			delete(r.byRead, k)
		}
	}
}

// Forget drops the list entries the renderer keeps that an edit changed:
// those of pages whose state is in changed, or that read something in
// it, or whose page is no longer the site's (see package reads). It takes
// the glossary anew from the site too: after an edit, the Site it renders
// was put together again in place.
func (r *Renderer) Forget(changed reads.Set) {
	r.itemsMu.Lock()
	stale := map[itemKey]bool{}
	pages := map[string]bool{} // the site paths of the pages in changed
	for k := range changed {
		for key := range r.byRead[k] {
			stale[key] = true
		}
		if u, ok := reads.PageOf(k); ok {
			pages[u] = true
		}
	}
	for key, c := range r.items {
		// An entry made without reads (item) cannot tell what it read.
		if c.rd == nil || pages[key.page.URL] || r.site.PageByURL(key.page.URL) != key.page {
			stale[key] = true
		}
	}
	for key := range stale {
		r.dropItem(key, r.items[key])
	}
	r.itemsMu.Unlock()
	r.terms = glossaries(r.site, r.URL)
}

// ForgetItems drops every list entry the renderer keeps: torv build,
// once its pages are rendered, renders no more lists, and a large site's
// entries are megabytes that its output stages (a sitemap, a search
// index) would otherwise be made beside. An entry asked for after is made
// again.
func (r *Renderer) ForgetItems() {
	r.itemsMu.Lock()
	defer r.itemsMu.Unlock()
	r.forgetItems()
}

// forgetItems is ForgetItems; r.itemsMu is held.
func (r *Renderer) forgetItems() {
	r.items = map[itemKey]cachedItem{}
	r.byRead = map[reads.Key]map[itemKey]struct{}{}
	r.unread = 0
}
