package build

import (
	"maps"
	"slices"
	"time"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/outputs"
)

// This file runs the output stages (package outputs' Stage): the files
// torv makes besides the pages and the assets, sitemap.xml, robots.txt,
// _headers and whatever is added to outputs.Defaults or to
// Options.Outputs. Every command runs the same list; static.go places
// their files with the others.

// made is what each output stage made last, in the order of the list, so
// that an edit to a page's body runs again only the stages that read
// bodies, and the others' files are placed as they were.
type made struct {
	files [][]outFile
	errs  []diag.List
}

// stages is the list of output stages this session runs.
func (s *Session) stages() []outputs.Stage {
	if s.opts.Outputs == nil {
		// One list for the session's life: a stage may keep what it
		// made for the next run (the search index does).
		s.opts.Outputs = outputs.Defaults()
	}
	return s.opts.Outputs
}

// input is what the output stages make their files from.
func (s *Session) input() *outputs.Input {
	now := s.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return &outputs.Input{Site: s.site, Config: s.cfg, Assets: s.set, URL: s.r.URL, T: s.r.T, Now: now,
		Content: s.content, Text: s.texts.get, Once: s.opts.Sink != nil, Spill: s.spill}
}

// beginOutputs tells the output stages with Begin, in a build that keeps
// nothing for a later one, that the pages are about to render.
func (s *Session) beginOutputs() {
	if s.opts.Sink == nil {
		return
	}
	for _, st := range s.stages() {
		if st.Begin != nil {
			st.Begin(s.input())
		}
	}
}

// content is a page's body in HTML for the output stages, its Markdown
// read again when a lean session released it.
func (s *Session) content(p *content.Page) string {
	var html string
	s.withBody(p, nil, func() ([]byte, diag.List) {
		html = s.r.Content(p)
		return nil, nil
	})
	return html
}

// Which output stages runOutputs runs.
const (
	allStages   = iota
	textStages  // those that read pages' bodies or text
	otherStages // the others
)

// readsText reports whether a stage reads pages' bodies or text.
func readsText(st outputs.Stage) bool { return st.Bodies || st.Text }

// runOutputs runs the output stages, all or only those of which, keeping
// the others' last files. It reports whether it ran any.
func (s *Session) runOutputs(which int) bool {
	list := s.stages()
	if len(s.made.files) != len(list) {
		s.made = made{files: make([][]outFile, len(list)), errs: make([]diag.List, len(list))}
		which = allStages
	}
	var in *outputs.Input
	analyzing := 0 // stages with Analyze before this one
	for i, st := range list {
		a := analyzing
		if st.Text && st.Analyze != nil {
			analyzing++
		}
		if which == textStages && !readsText(st) || which == otherStages && readsText(st) {
			continue
		}
		if in == nil {
			in = s.input()
		}
		in.Analysis = nil
		if st.Text && st.Analyze != nil {
			in.Analysis = s.texts.analysis(a)
		}
		t0 := time.Now()
		files, errs := st.Make(in)
		// Each stage's own time, for torv build -timing: within "files".
		s.timing["output "+st.Name] += time.Since(t0)
		s.made.files[i] = s.made.files[i][:0]
		for _, f := range files {
			s.made.files[i] = append(s.made.files[i], s.stageFile(f))
		}
		s.made.errs[i] = errs
	}
	return in != nil
}

// textLater runs the output stages that do not read pages' text now, and
// leaves those that do to Continue (Session.outputsLater): after an edit
// the preview serves the edited page first, and the search index soon
// after. With remake the others run and every file is placed anew; with
// later too, that is left to Continue (Session.othersLater; see
// placeLater).
func (s *Session) textLater(remake, later bool) {
	switch {
	case later:
		s.othersLater = true
	case remake:
		s.othersLater = false
		s.runOutputs(otherStages)
		s.placeStatics()
	}
	if slices.ContainsFunc(s.stages(), readsText) {
		s.outputsLater = true
	}
}

// othersNow runs the output stages that read no text and places the
// files that are not pages, when UpdateFirst left that for Continue.
func (s *Session) othersNow() {
	if s.othersLater {
		s.othersLater = false
		s.runOutputs(otherStages)
		s.placeStatics()
	}
}

// outputsNow runs the output stages UpdateFirst left for Continue, once
// no page is left: they read the pages' texts as rendered.
func (s *Session) outputsNow() {
	if s.outputsLater && len(s.later) == 0 {
		s.outputsLater = false
		if s.runOutputs(textStages) {
			s.placeStatics()
		}
	}
}

// stageFile is the outFile of a file an output stage made. In a build
// with a spill its bytes go there at once, unless the stage put them
// there itself (the search index): each stage's files would otherwise
// wait on the heap until the last stage is done and the files are
// placed, and at 30 000 pages the sitemap's 3.6 MB and the search
// index's 13 MB were a fifth of the build's largest heap.
func (s *Session) stageFile(f outputs.File) outFile {
	o := madeFile(f.Path, f.Bytes)
	switch {
	case f.Bytes == nil && f.Spilled != 0:
		o.spilled = f.Spilled
	case s.spill != nil && len(f.Bytes) > 0:
		if r, err := s.spill.Put(f.Bytes); err == nil {
			o.b, o.spilled = nil, r
		}
	}
	return o
}

// madeFile is the outFile of a file torv makes.
func madeFile(name string, b []byte) outFile {
	return outFile{name: name, from: source{"torv's " + name, rankMade}, b: b}
}

// madeFiles are the files torv makes besides the pages, in the order they
// claim their paths: the assets, which the pages link to whatever the
// list of outputs, then each output stage's files in the list's order.
func (s *Session) madeFiles() ([]outFile, diag.List) {
	var out []outFile
	for _, name := range slices.Sorted(maps.Keys(s.set.Files)) {
		out = append(out, madeFile(name, s.set.Files[name]))
	}
	var errs diag.List
	for i := range s.made.files {
		out = append(out, s.made.files[i]...)
		errs = append(errs, s.made.errs[i]...)
	}
	return out, errs
}
