package build

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/overlay"
	"github.com/torv/torv/internal/parallel"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/render"
	"github.com/torv/torv/internal/sitepath"
)

// The stages of the pipeline, each written once and run by Full, and by
// Update for what an edit touches: configure, load (content), prepare
// (assets, the check, the renderer), render, then the site files and the
// outputs (static.go), then finish (the snapshot).

// configure reads config.toml and applies -baseurl.
func (s *Session) configure() bool {
	cfg, errs := config.Parse(s.siteFS, content.KindNames(), content.KindHint)
	if len(errs) > 0 {
		s.fixed = errs
		return false
	}
	if s.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(s.opts.BaseURL); err != nil {
			s.fixed.Add(diag.Errorf("-baseurl", 0, 0, "%v", err).WithHint("write the full address, like https://borger.fjordby.dk/"))
			return false
		}
	}
	s.cfg = cfg
	return true
}

// load reads content/ and static/: every Markdown file parsed once, the
// Site put together from them, the other files' bytes.
func (s *Session) load(lap func(string)) bool {
	var site *content.Site
	s.mdFiles, s.other, s.scanErrs = content.Scan(s.siteFS)
	if _, err := fs.Stat(s.siteFS, content.Dir); err != nil {
		// No content folder: Load says so and makes an empty Site.
		site, s.scanErrs = content.Load(s.siteFS, s.cfg, content.Options{Drafts: s.opts.Drafts})
	} else {
		for _, pr := range s.parse(s.mdFiles) {
			s.parsed[pr.File] = pr
		}
		site, s.siteErrs = content.Assemble(s.cfg, s.parsedList(), s.other, content.Options{Drafts: s.opts.Drafts})
	}
	s.site = site
	s.siteErrs.Add(content.ConfigRefs(site)...)
	s.releaseFrontMatters()
	s.releaseParsed()
	for _, f := range s.other {
		b, err := fs.ReadFile(s.siteFS, content.Dir+"/"+f)
		if err != nil {
			s.fileErrs.Add(diag.Errorf(content.Dir+"/"+f, 0, 0, "cannot read: %v", err))
			continue
		}
		s.otherB[f] = b
	}
	s.static, s.statErrs = readStatic(s.siteFS)
	lap("load")
	return true
}

// prepare builds the assets and makes the check and the renderer, with
// the layouts and i18n of the site over torv's defaults.
func (s *Session) prepare(lap func(string)) bool {
	s.layers = overlay.New(s.siteFS, s.defaults)
	s.min = assets.NewMinifier()
	set, errs := assets.Build(s.layers, s.min)
	s.set = set
	s.fixed.Add(errs...)
	lap("assets")
	s.md = markup.New()
	if s.opts.Check {
		s.chk = newCheckStage(s.site, s.opts)
	}
	if s.texts == nil && s.wantsTexts() {
		s.texts = newPageTexts(s.stages(), func(file string) *content.Page {
			return s.site.PageByFile(strings.TrimPrefix(file, content.Dir+"/"))
		})
	}
	if f := s.inspector(); f != nil {
		s.md = markup.NewInspecting(f)
	}
	if s.chk != nil {
		s.chk.renew(s.site, s.md)
	}
	r, errs := s.newRenderer()
	s.fixed.Add(errs...)
	if r == nil {
		return false
	}
	s.r = r
	s.titleTopics()
	return true
}

// parse reads Markdown files on every core, and while some wait on the
// disk. A lean session lets go of each page's Markdown as soon as it is
// read (release), so the next file is read into the same memory: each
// file in a buffer of its own was 56 MB of garbage at 10 000 pages.
func (s *Session) parse(files []string) []*content.Parsed {
	out := make([]*content.Parsed, len(files))
	lean := s.lean()
	var bufs sync.Pool // of *[]byte, one a goroutine at a time
	parallel.EachReading(len(files), func(i int) {
		var buf *[]byte
		if lean {
			if buf, _ = bufs.Get().(*[]byte); buf == nil {
				buf = new([]byte)
			}
		}
		if out[i] = content.ParseFileInto(s.siteFS, files[i], s.cfg, buf); out[i] != nil {
			s.release(out[i])
		}
		if buf != nil && (out[i] == nil || out[i].Page == nil || out[i].Page.Body == nil) {
			bufs.Put(buf)
		}
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

// render renders pages on every core, minifies them and hands each to
// the output as it is done; it drops the output paths in removed that no
// page has any more, and checks the pages when the check is on. It
// returns how many pages it rendered. In check's cheaper mode a page not
// sampled has only its body read.
func (s *Session) render(pages []*content.Page, removed []string) int {
	// A page that lost its output path to another (placePages) is left out.
	pages = slices.DeleteFunc(slices.Clone(pages), func(p *content.Page) bool { return !s.owns(p) })
	var full map[*content.Page]bool
	if s.opts.CheckOnly {
		full = sample(pages) // the first page of each layout in the site's order
	}
	longListsFirst(pages)
	if s.chk != nil {
		s.chk.begin(pages)
	}
	if s.texts != nil {
		s.texts.begin(pages)
	}
	for _, p := range removed {
		s.drop(p)
		delete(s.pageErrs, p)
	}
	minifyHTML := s.minifies()
	free := newBufferPool()
	var mu sync.Mutex // guards s.pageErrs, s.files, s.sent, s.dirty
	parallel.Each(len(pages), func(i int) {
		p := pages[i]
		var b []byte
		var spans []render.Span
		var errs diag.List
		var rd reads.Set
		bufs := free.get()
		defer free.put(bufs)
		b, errs = s.withBody(p, bufs, func() ([]byte, diag.List) {
			switch {
			case s.rx != nil:
				var b []byte
				var errs diag.List
				b, spans, errs, rd = s.r.Render(p)
				return b, errs
			case full == nil || full[p]:
				b, sp, errs := s.r.AppendPage(bufs.html[:0], p)
				if b != nil {
					bufs.html, spans = b, sp
				}
				return b, errs
			}
			return nil, s.r.Body(p)
		})
		if b != nil && minifyHTML {
			if m, ok := s.minifyPage(bufs, b, spans); ok {
				b, bufs.min = m, m[:0]
			}
		}
		if b != nil && s.opts.Sink == nil {
			b = bytes.Clone(b) // kept: not in the buffers
		}
		name := sitepath.File(p.URL)
		if !fs.ValidPath(name) || name == "." {
			errs.Add(diag.Errorf(p.File, 0, 0, "refusing output path %q", name))
			b = nil
		}
		if b != nil && s.opts.Sink != nil {
			if err := s.opts.Sink.Put(name, b); err != nil {
				if d := sinkError(pageName(p), name, err); d != nil {
					errs.Add(d)
				}
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if len(errs) > 0 {
			s.pageErrs[name] = errs
		} else {
			delete(s.pageErrs, name)
		}
		if s.rx != nil {
			s.rx.Put(p.URL, rd)
		}
		if b != nil && !s.opts.CheckOnly {
			s.keep(name, b)
		}
	})
	if s.chk != nil {
		s.chk.end()
	}
	return len(pages)
}

// keep notes output file name: its bytes when the output is kept, only
// how many files and bytes went to the sink otherwise: a Session with a
// Sink builds once, puts each name once and drops none, and a map of
// every name would be memory that grows with the site.
func (s *Session) keep(name string, b []byte) {
	if s.opts.Sink != nil {
		s.sent.files++
		s.sent.bytes += int64(len(b))
		return
	}
	s.files[name] = b
	s.dirty[name] = true
}

// drop removes output file name.
func (s *Session) drop(name string) {
	delete(s.files, name)
	s.dirty[name] = true
}

func pageName(p *content.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}
