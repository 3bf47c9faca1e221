package build

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"

	"github.com/tdewolff/parse/v2/buffer"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/render"
	"github.com/torv/torv/internal/spill"
)

// A build that writes to a Sink keeps nothing for a later one: no Update
// follows it, so nothing need stay in memory for an edit. Its memory then
// holds the site's structure (titles, addresses, lists) and the pages
// being rendered, not every page's Markdown: each body is released as
// soon as its file is read, kept in the spill when the build has one
// (package spill: one read of a scratch file where the page's file took
// an open, a read and a check), and given back for its page's render
// (content.Page.ReleaseBody), and so is its front matter's text once the
// Site is assembled. The check's rules read other pages' bodies
// (a glossary entry's links, the headings an anchor points at), so a
// build with the check keeps them, and so does one with an output stage
// that reads bodies (outputs.Stage.Bodies: a search index), unless it
// reads them only through outputs.Input.Content (Stage.ContentOnly: the
// feeds), which reads a released body again (Session.content).

// lean reports whether the session releases what only a later Update
// would need.
func (s *Session) lean() bool {
	if s.opts.Sink == nil || s.opts.Check {
		return false
	}
	for _, st := range s.stages() {
		if st.Bodies && !st.ContentOnly {
			return false
		}
	}
	return true
}

// release drops what a lean session does not keep of a file just read,
// into the spill when it has one (withBody).
func (s *Session) release(pr *content.Parsed) {
	if !s.lean() || pr.Page == nil {
		return
	}
	// A spill that could not write (a full disk) would keep the Markdown
	// in memory: the page's file has it too.
	if front, body := pr.Page.Released(); s.spill != nil && body != nil && !s.spill.Full() {
		var n [binary.MaxVarintLen64]byte
		ref, err := s.spill.Put(n[:binary.PutUvarint(n[:], uint64(len(front)))], []byte(front), body)
		if err == nil {
			s.bodies.Lock()
			if s.bodies.at == nil {
				s.bodies.at = map[*content.Page]spill.Ref{}
			}
			s.bodies.at[pr.Page] = ref
			s.bodies.Unlock()
		}
	}
	pr.Page.ReleaseBody()
}

// restore gives p back what release put into the spill, read with the
// render goroutine's buffers when bufs is not nil; false when it put
// nothing there or the spill cannot give it back, and the page's file is
// to be read again. With bufs the body is read into bufs.body, which the
// goroutine's next page reads into again: nothing keeps a slice of a body
// past its render (withBody releases it, and what the render keeps of it,
// its text for the search, its headings, is copied).
func (s *Session) restore(p *content.Page, bufs *pageBuffers) bool {
	s.bodies.RLock()
	ref, ok := s.bodies.at[p]
	s.bodies.RUnlock()
	if !ok {
		return false
	}
	var b []byte
	var err error
	if ahead := bufs.reader(s.spill); ahead != nil {
		if b, err = ahead.Get(bufs.body[:0], ref); err == nil {
			bufs.body = b
		}
	} else {
		b, err = s.spill.Get(nil, ref)
	}
	if err != nil {
		return false
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return false
	}
	return p.Restore(string(b[k:k+int(n)]), b[k+int(n):]) == nil
}

// releaseFrontMatters drops the text of every page's front matter in a
// lean session, once the Site is assembled: an error found later is at
// the page being rendered, which has its text back (withBody).
func (s *Session) releaseFrontMatters() {
	if !s.lean() {
		return
	}
	for _, pr := range s.parsed {
		if pr.Page != nil {
			pr.Page.ReleaseFrontMatter()
		}
	}
}

// releaseParsed keeps, in a session with a Sink, only the errors of the
// files read: the Site has their pages, and only an Update reads them
// again by file, so the map of every file to what it made is dropped.
func (s *Session) releaseParsed() {
	if s.opts.Sink == nil {
		return
	}
	for _, f := range s.mdFiles {
		if pr := s.parsed[f]; pr != nil {
			s.parseErrs = append(s.parseErrs, pr.Errs...)
		}
	}
	s.parsed, s.mdFiles = nil, nil
}

// withBody runs f with page p's body and front matter given back when a
// lean session released them, from the spill (restore, into bufs when it
// is not nil) or else read again from the page's file, and releases them
// after. An error reading them is f's error, and f does not run.
func (s *Session) withBody(p *content.Page, bufs *pageBuffers, f func() ([]byte, diag.List)) ([]byte, diag.List) {
	if !s.lean() {
		return f()
	}
	if !s.restore(p, bufs) {
		if err := p.ReadBody(s.siteFS); err != nil {
			return nil, diag.List{err}
		}
	}
	defer func() {
		p.ReleaseBody()
		p.ReleaseFrontMatter()
	}()
	return f()
}

// pageBuffers are the buffers one render goroutine makes a page in: its
// HTML and the minified HTML. A page handed to a Sink is not kept, so the
// next page reuses them; grown anew for every page, they were a third of
// torv build's allocations (a copy of each page, the minifier's output
// and its copy of the input to add a terminating NUL). Output that is
// kept is copied to its own size.
type pageBuffers struct {
	html, min []byte
	body      []byte // the page's Markdown, read back from the spill (restore)
	// ahead reads the pages' Markdown back from the spill, a window at a
	// time: the render takes the pages in about the order the parse put
	// them there, and a read of the scratch file for each page was 10 000
	// of a build's 200 000 system calls at 10 000 pages (900 with it).
	ahead *spill.Reader
}

// reader returns the goroutine's Reader of sp, nil for none.
func (b *pageBuffers) reader(sp *spill.File) *spill.Reader {
	if b == nil || sp == nil {
		return nil
	}
	if b.ahead == nil || b.ahead.File() != sp {
		b.ahead = sp.Reader()
	}
	return b.ahead
}

// keepBuffer is the largest buffer a render goroutine keeps for its next
// page: the buffer of the longest list page is let go with it.
const keepBuffer = 256 << 10

// bufferPool holds the idle pageBuffers of one render, one a goroutine.
type bufferPool chan *pageBuffers

func newBufferPool() bufferPool { return make(bufferPool, runtime.GOMAXPROCS(0)) }

func (f bufferPool) get() *pageBuffers {
	select {
	case b := <-f:
		return b
	default:
		return &pageBuffers{}
	}
}

func (f bufferPool) put(b *pageBuffers) {
	if cap(b.html) > keepBuffer {
		b.html = nil
	}
	if cap(b.min) > keepBuffer {
		b.min = nil
	}
	if cap(b.body) > keepBuffer {
		b.body = nil
	}
	select {
	case f <- b:
	default:
	}
}

// minifyPage minifies rendered page b into bufs.min's memory, all but its
// spans (render.Span): the Markdown body, which goldmark made without a
// byte a minifier would take out but a newline after each block, and the
// lists of entries the renderer minified as it made them
// (newRenderer). The body is most of a page: minifying the layout's
// parts around it alone took the minifier from 1.28 to 0.61 s of CPU at
// 10 000 pages of the bench corpus, for 42 bytes more a page (0.3 %).
// false when the minifier fails; the page is then written as it is.
func (s *Session) minifyPage(bufs *pageBuffers, b []byte, spans []render.Span) ([]byte, bool) {
	if len(spans) == 0 {
		return s.minifyInto(bufs.min, b)
	}
	// The minifier ends its input with a NUL over the byte after it (a
	// span's first, for the part before it), and puts the byte back when
	// it is done.
	out := bytes.NewBuffer(bufs.min[:0])
	minify := func(part []byte) bool {
		return len(part) == 0 || s.min.Minify("text/html", out, buffer.NewReader(part)) == nil
	}
	at := 0
	for _, sp := range spans {
		if !minify(b[at:sp.Start]) {
			return nil, false
		}
		out.Write(b[sp.Start:sp.End])
		at = sp.End
	}
	if !minify(b[at:]) {
		return nil, false
	}
	return out.Bytes(), true
}

// minifies reports whether the build minifies its pages: as config.toml
// says, but never for torv check, which writes no pages.
func (s *Session) minifies() bool { return s.cfg.MinifyHTML() && !s.opts.CheckOnly }

// newRenderer makes the renderer of the site's layouts, with the session's
// Markdown and assets. When the build minifies, the renderer minifies
// each list entry once, as it makes it: an entry is in its section's
// list, its topics' and the A–Å list, and a title edit renders lists of
// thousands of them again. Lists of such entries are then spans of the
// page, which minifyPage copies.
func (s *Session) newRenderer() (*render.Renderer, diag.List) {
	r, errs := render.New(s.layers, s.site, s.md, s.set)
	if r != nil && s.minifies() {
		r.MinifyEntries(func(e []byte) ([]byte, bool) {
			var out bytes.Buffer
			out.Grow(len(e))
			// A bytes.Reader, which the minifier copies: it writes in a
			// buffer it reads, and the renderer keeps e when m is no li.
			if s.min.Minify("text/html", &out, bytes.NewReader(e)) != nil {
				return nil, false
			}
			return out.Bytes(), true
		})
	}
	return r, errs
}

// minifyInto minifies a rendered page into dst's memory; false when the
// minifier fails, and the page is then written as it is. b should have
// room for one more byte: the minifier ends its input with a NUL, and
// copies an input that has no room for it.
func (s *Session) minifyInto(dst, b []byte) ([]byte, bool) {
	out := bytes.NewBuffer(dst[:0])
	if err := s.min.Minify("text/html", out, buffer.NewReader(b)); err != nil {
		return nil, false
	}
	return out.Bytes(), true
}

// openSpill gives a build with a Sink and Options.Scratch its spill: the
// pages' Markdown a lean build released (release), the renderer's list
// entries and the output stages' rows go there (package spill), and only
// their Refs stay on the heap. Without a scratch file the list entries
// and rows stay in memory, as in the preview, and the Markdown is read
// again from the pages' files.
func (s *Session) openSpill() {
	if s.opts.Sink == nil || s.opts.Scratch == nil || s.opts.CheckOnly {
		return
	}
	f, err := s.opts.Scratch()
	if err != nil {
		return // a full disk shows at the first Put of a page
	}
	s.spill = spill.New(f)
}

// closeSpill closes the spill when the build's files are made.
func (s *Session) closeSpill() {
	if s.spill == nil {
		return
	}
	if s.r != nil {
		s.r.SpillItems(nil) // and the entries in it
	}
	s.spill.Close()
	s.spill, s.bodies.at = nil, nil
}

// longList is the number of pages from which a list page is rendered
// before the others (longListsFirst).
const longList = 64

// longListsFirst orders pages for rendering: the list pages of longList
// pages or more first, the longest first, and the others in their order
// (about the order the parse spilled their Markdown in, which the render
// reads back a window at a time). A long list is the largest page of a
// build, several MiB at 30 000 pages, made in buffers that grow with it;
// made last, beside the search index the render has filled, they were
// what set the build's peak memory (the A–Å pages, 94 MB live where the
// render had held 75–82). First, they meet an index yet to grow.
func longListsFirst(pages []*content.Page) {
	weight := func(p *content.Page) int {
		if n := len(p.Children); n >= longList {
			return n
		}
		return 0
	}
	slices.SortStableFunc(pages, func(a, b *content.Page) int { return cmp.Compare(weight(b), weight(a)) })
}
