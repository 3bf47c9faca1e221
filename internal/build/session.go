package build

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"

	"github.com/torv/torv/internal/assets"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/reads"
	"github.com/torv/torv/internal/render"
	"github.com/torv/torv/internal/sitepath"
	"github.com/torv/torv/internal/spill"
)

// Session is the pipeline and everything its stages made, kept between
// builds: Build runs a Session once; the preview keeps one, and after an
// edit only what the edit touches is done again (Update). See the package
// documentation for the stages and for what an edit does again.
//
// A Session is not safe for concurrent use; the Rebuilds it returns are.
type Session struct {
	siteFS, defaults fs.FS
	opts             Options

	ready     bool // the last full build got as far as rendering
	cfg       *config.Config
	site      *content.Site
	layers    fs.FS
	min       *minify.M
	set       *assets.Set
	md        *markup.Markdown
	r         *render.Renderer
	mdFiles   []string // Markdown files in Scan order
	parsed    map[string]*content.Parsed
	parseErrs diag.List         // with a Sink, parsed's errors, and no parsed (releaseParsed)
	other     []string          // other files below content/, relative to it
	otherB    map[string][]byte // their bytes
	scanErrs  diag.List
	siteErrs  diag.List            // Assemble's and config.toml's references
	fixed     diag.List            // config, assets and layouts: they change only with a full build
	pageErrs  map[string]diag.List // output path -> errors of rendering that page
	fileErrs  diag.List            // other output files
	later     map[string]bool      // URLs of pages UpdateFirst left for Continue
	// outputsLater: UpdateFirst left the output stages that read text
	// for Continue.
	outputsLater bool
	// othersLater: UpdateFirst left the output stages that read no text,
	// and the placing of the files that are not pages, for Continue.
	othersLater bool
	rx          *reads.Index      // what each page read (by URL); nil when no Update will follow
	states      map[string]state  // every page's state (deps.go), when rx is kept
	seed        maphash.Seed      // for the states' hashes
	terms       map[string]string // the glossary's terms (termForms), when rx is kept
	statics     map[string]bool   // output paths that are not pages
	owners      map[string]source // output path -> the page that writes it (placePages); nil with a Sink
	lost        map[source]bool   // with a Sink: the pages that lost their output path
	ownErrs     diag.List         // pages that want a path another page has
	static      []outFile         // the files of static/
	statErrs    diag.List         // what could not be read below static/
	files       map[string][]byte // newest bytes of every output path (nil bytes when written to the sink)
	sent        struct {          // files written to the sink
		files int
		bytes int64
	}
	last   *Output         // the files as the last build left them: its snapshot (nil before the first)
	dirty  map[string]bool // paths written or removed since
	chk    *checkStage     // nil without Options.Check
	texts  *pageTexts      // nil without an output stage that reads bodies
	spill  *spill.File     // with a Sink and Options.Scratch, while Full runs (lean.go)
	bodies struct {        // in the spill: what a lean session released of each page (lean.go)
		sync.RWMutex
		at map[*content.Page]spill.Ref
	}
	timing map[string]time.Duration

	made made // what the output stages made last (outputs.go)
}

// Rebuild is the snapshot one build of a Session ends in.
type Rebuild struct {
	Output   *Output         // the whole site; nil when the build failed or wrote to a Sink
	Diags    diag.List       // every error and warning of the site as it is now, sorted
	Check    *check.Report   // the check's findings; nil without Options.Check
	Changed  []string        // output paths whose bytes changed, appeared or disappeared, sorted
	Full     bool            // everything was built again
	Pending  int             // pages UpdateFirst left for Continue, 1 for the output stages that read text, and 1 for the others when it left them; the output has them as they were
	Later    map[string]bool // from UpdateFirst: the addresses of the pages left for Continue, which RenderNow renders at once (Continue and RenderNow only take pages from it and leave it nil)
	Pages    int             // pages rendered
	Files    int             // files of the output
	Bytes    int64           // their size
	Duration time.Duration
	Timing   map[string]time.Duration // per stage, of a full build; "output NAME" within "files"
	Config   *config.Config           // nil when config.toml could not be read
	Lang     string                   // the site's language ("" when config.toml could not be read)
	BasePath string                   // the base URL's path, "/" or "/borger/"
	CSS      assets.Asset             // the stylesheet
}

// NewSession returns a session for the site folder siteFS; its first Full
// or Update builds everything.
func NewSession(siteFS, defaults fs.FS, opts Options) *Session {
	if opts.CheckOnly {
		opts.Check = true
	}
	if opts.Sink != nil {
		opts.Sink = &firstFailure{Sink: opts.Sink}
	}
	return &Session{siteFS: siteFS, defaults: defaults, opts: opts}
}

// Full runs every stage of the pipeline on the whole site.
func (s *Session) Full() *Rebuild {
	start := time.Now()
	prev := s.last
	*s = Session{siteFS: s.siteFS, defaults: s.defaults, opts: s.opts,
		parsed: map[string]*content.Parsed{}, otherB: map[string][]byte{}, pageErrs: map[string]diag.List{},
		statics: map[string]bool{}, later: map[string]bool{},
		files: map[string][]byte{}, last: prev, dirty: map[string]bool{},
		timing: map[string]time.Duration{}}
	lap := s.lapper()
	s.stages() // made now: parse's goroutines ask for it (lean)
	s.openSpill()
	defer s.closeSpill()
	if !s.configure() || !s.load(lap) || !s.prepare(lap) {
		// Nothing was rendered: keep the files of before, so that the
		// next build's changes are counted against them.
		s.files = prev.flat()
		if s.files == nil {
			s.files = map[string][]byte{}
		}
		return s.finish(start, true)
	}
	s.placePages()
	if s.opts.Sink == nil && !s.opts.CheckOnly {
		// An Update may follow: note what each page reads.
		s.rx = reads.NewIndex()
	}
	if s.spill != nil {
		s.r.SpillItems(s.spill)
	}
	s.beginOutputs()
	n := s.render(append(slices.Clone(s.site.Pages), s.r.NotFound()), nil)
	if s.opts.Sink != nil {
		s.r.ForgetItems() // no later build reuses them
	}
	if s.rx != nil {
		s.seed = maphash.MakeSeed()
		s.states, s.terms = states(s.site, s.seed), termForms(s.site)
	}
	lap("render")
	s.makeStatics()
	lap("files")
	s.ready = true
	if prev != nil {
		for p := range prev.all {
			s.dirty[p] = true
		}
	}
	for p := range s.files {
		s.dirty[p] = true
	}
	u := s.finish(start, true)
	u.Pages = n
	return u
}

// lapper returns a function that notes the time since its last call under
// a stage's name.
func (s *Session) lapper() func(stage string) {
	t0 := time.Now()
	return func(stage string) {
		now := time.Now()
		s.timing[stage] += now.Sub(t0)
		t0 = now
	}
}

// finish collects the diagnostics and the paths whose bytes differ from
// the last build's, and makes the snapshot.
func (s *Session) finish(start time.Time, full bool) *Rebuild {
	u := &Rebuild{Full: full, Timing: s.timing, Pending: len(s.later)}
	if s.outputsLater {
		u.Pending++
	}
	if s.othersLater {
		u.Pending++
	}
	u.Diags = append(u.Diags, s.fixed...)
	u.Diags = append(u.Diags, s.scanErrs...)
	u.Diags = append(u.Diags, s.parseErrs...)
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
	u.Diags = u.Diags.Merged()
	u.Diags.Sort()
	if s.cfg != nil {
		u.Config, u.Lang, u.BasePath = s.cfg, s.cfg.Language, s.cfg.BasePath
	}
	if s.set != nil {
		u.CSS = s.set.CSS
	}
	for p := range s.dirty {
		var old []byte
		had := false
		if s.last != nil {
			old, had = s.last.get(p)
		}
		b, has := s.files[p]
		if had != has || !bytes.Equal(old, b) {
			u.Changed = append(u.Changed, p)
		}
	}
	slices.Sort(u.Changed)
	s.last = s.snapshot()
	s.dirty = map[string]bool{}
	u.Files = len(s.files) + s.sent.files
	u.Bytes = s.sent.bytes
	for _, b := range s.files {
		u.Bytes += int64(len(b))
	}
	if s.opts.Check {
		// A build that stopped before its pages has only its own errors.
		u.Check = &check.Report{}
		if s.chk != nil && s.ready {
			u.Check = s.chk.report(s.pageHTML)
		}
		u.Check.Diags = u.Diags
	}
	if u.Diags.Err(s.opts.Strict) == nil && s.opts.Sink == nil && !s.opts.CheckOnly {
		u.Output = s.last
	}
	u.Duration = time.Since(start)
	return u
}

// snapshot returns the files as they are now, for the Rebuild's Output,
// sharing the base map of the last one: it holds only the paths written
// or removed since that base was made (s.dirty, since the last). When
// those grow past an eighth of the site, it makes a new base, a copy of
// s.files, so a snapshot costs a few paths after an edit, and the copy
// of the whole site once every many edits.
func (s *Session) snapshot() *Output {
	prev := s.last
	if prev == nil || len(prev.over)+len(prev.gone)+len(s.dirty) > len(prev.files)/8+64 {
		return &Output{files: maps.Clone(s.files), over: map[string][]byte{}, gone: map[string]bool{}}
	}
	o := &Output{files: prev.files, over: maps.Clone(prev.over), gone: maps.Clone(prev.gone)}
	for p := range s.dirty {
		delete(o.over, p)
		delete(o.gone, p)
		if b, has := s.files[p]; has {
			o.over[p] = b
		} else if _, inBase := o.files[p]; inBase {
			o.gone[p] = true
		}
	}
	return o
}

// pageHTML is the rendered page at a site path, for the check's anchors:
// from the output when it is kept, else rendered again (rare: only for an
// anchor a page's headings do not have).
func (s *Session) pageHTML(sitePath string) []byte {
	if b := s.files[sitepath.File(sitePath)]; b != nil {
		return b
	}
	if p := s.site.PageByURL(sitePath); p != nil {
		b, _ := s.r.Page(p)
		return b
	}
	return nil
}

// titleTopics titles the topic index torv makes itself in the site's
// language.
func (s *Session) titleTopics() {
	if idx := s.site.PageByURL("/" + s.cfg.Taxonomy.Path + "/"); idx != nil && idx.Kind == content.KindTopics && idx.File == "" {
		if title, err := s.r.T(s.cfg.Language, "topics"); err == nil {
			idx.Common().Title = title
		}
	}
}
