package build

import (
	"errors"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/outputs"
)

// Options changes what a build makes.
type Options struct {
	Drafts  bool   // include drafts
	BaseURL string // overrides config.toml's baseurl
	Strict  bool   // warnings fail the build

	// Check runs torv check's rules on every page while the pipeline has
	// its tree in hand: the findings are the snapshot's Check (serve's
	// panel, build -strict, torv check).
	Check bool
	// CheckOnly is torv check's cheaper mode of the same pipeline: every
	// body is read with the renderer's links, citations and glossary, but
	// the layouts are executed only for the pages that need it (see
	// sample), nothing is minified and no output is kept. It implies
	// Check.
	CheckOnly bool
	// Now is the day the check judges review dates on; zero means today.
	Now time.Time
	// Sink, when set, receives every file of the output as soon as it is
	// made, and the build keeps none of them, nor (without Check) the
	// pages' Markdown or anything else only a later Update would need
	// (lean.go): a Session with a Sink builds once, and torv build's
	// memory is the site's structure, not its content. Without it the
	// output is kept in memory (the preview, tests).
	Sink Sink
	// Outputs are the output stages the build runs besides its pages
	// (package outputs); nil means outputs.Defaults(). Every command
	// sets the same list; tests add one to show that each runs it.
	Outputs []outputs.Stage
	// Scratch, in a build with a Sink, gives a file for what the build
	// makes and reads back before it ends (package spill): the pages'
	// list entries and rows of search results go there instead of the
	// heap. nil, or a Scratch that fails, keeps them in memory.
	Scratch func() (*os.File, error)
}

// A Sink receives the files of a build's output, from many goroutines at
// once; each name once. Put must not keep b.
type Sink interface {
	Put(name string, b []byte) error
}

// firstFailure lets a Sink report its first failure only: once a file
// cannot be written (a full disk, say), every later Put fails the same way,
// and an editor should see one message, not one per page.
type firstFailure struct {
	Sink
	failed atomic.Bool
}

// errReported is what Put returns after the first failure: the build has
// failed already and says so once.
var errReported = errors.New("build: the output could not be written (reported once)")

func (f *firstFailure) Put(name string, b []byte) error {
	if f.failed.Load() {
		return errReported
	}
	err := f.Sink.Put(name, b)
	if err != nil && f.failed.Swap(true) {
		return errReported
	}
	return err
}

// sinkError is the message for a failed Put of name, made by file: the
// Sink's own message when it is an editor's message already (it names the
// folder and what to do), nil when it was reported before.
func sinkError(file, name string, err error) *diag.Error {
	if errors.Is(err, errReported) {
		return nil
	}
	if d, ok := errors.AsType[*diag.Error](err); ok {
		return d
	}
	return diag.Errorf(file, 0, 0, "cannot write %s: %v", name, err)
}

// Result is the snapshot a build ends in: what it made and found.
type Result struct {
	Output *Output                  // nil when the build failed, or when it wrote to a Sink
	Site   *content.Site            // whatever loaded, even when the build failed
	Diags  diag.List                // every error and warning of the pipeline, sorted
	Check  *check.Report            // the check's findings, with Diags; nil without Options.Check
	Pages  int                      // pages rendered
	Files  int                      // files of the output
	Bytes  int64                    // their size
	Timing map[string]time.Duration // per stage; "output NAME": each output stage's Make, within "files"
}

// Failed reports whether the build has errors (or, when strict, warnings).
func (r *Result) Failed(strict bool) bool { return r.Diags.Err(strict) != nil }

// Build runs the pipeline once on the site folder siteFS, with defaults
// (the embedded layouts, assets and i18n) under the site's own. It is a
// Session's first build, with nothing kept for a next one.
func Build(siteFS, defaults fs.FS, opts Options) *Result {
	s := NewSession(siteFS, defaults, opts)
	rb := s.Full()
	res := &Result{Site: s.site, Diags: rb.Diags, Check: rb.Check, Pages: rb.Pages,
		Files: rb.Files, Bytes: rb.Bytes, Timing: rb.Timing}
	if opts.Sink == nil {
		res.Output = rb.Output
	}
	return res
}
