package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/ignore"
	"github.com/torv/torv/internal/outputs"
	"github.com/torv/torv/internal/sitefs"
	"github.com/torv/torv/internal/sitepath"
	"github.com/torv/torv/internal/spill"
)

// This file decides who writes each output path, for Build and the
// Session alike, so that the two cannot disagree: every page, the files
// torv makes, the other files of content/ and the files of static/. See
// the package documentation (Output).

// StaticDir is the folder of a site whose files are copied to the output
// as they are, at the same path: hidden ones (.well-known/security.txt,
// .htaccess) included.
const StaticDir = "static"

// Ranks of what wants an output path: of two, the lower rank keeps it.
const (
	rankPage    = iota // a page, of content/ or made by torv
	rankMade           // a file torv makes: the assets and the output stages' (outputs.go)
	rankContent        // a file below content/ that is not a page
	rankStatic         // a file below static/
)

// A source is what wants an output path: a file of the site folder
// ("content/om.md", "static/CNAME"), or something torv makes ("torv's
// sitemap.xml"). Its name is what messages call it.
type source struct {
	name string
	rank int
}

func (a source) before(b source) bool {
	return a.rank < b.rank || a.rank == b.rank && a.name < b.name
}

// outFile is a file of the output that is not a page. An output stage's
// file in a build with a spill has its bytes there instead (stageFile):
// b is then nil and spilled names them.
type outFile struct {
	name    string // output path
	from    source
	b       []byte
	spilled spill.Ref
}

func pageSource(p *content.Page) source {
	if p.File == "" {
		return source{"torv's page " + p.URL, rankPage}
	}
	return source{p.File, rankPage}
}

// takenError is the error at lost, which wants the output path name that
// kept has.
func takenError(name string, kept, lost source) *diag.Error {
	e := diag.Errorf(lost.name, 0, 0, "the output path %s is taken by %s", name, kept.name)
	if slices.Contains([]string{outputs.HeadersFile, outputs.RedirectsFile, outputs.NginxFile, outputs.ApacheFile}, name) {
		return e.WithHint("torv writes it for the hosts config.toml's [publish] hosts names; to publish your own, leave that host out of hosts")
	}
	if strings.HasPrefix(kept.name, "torv's ") {
		return e.WithHint("torv makes that file itself; remove or rename this one")
	}
	return e.WithHint("rename or move one of them")
}

// placePages gives each output path to one of the pages that want it: the
// one whose source comes first (see source.before), however the pages are
// ordered; every other one is left out, with an error naming the keeper.
// Pages at distinct URLs have distinct paths (content refuses empty URL
// segments), so this is the last guard, not the rule.
func placePages(pages []*content.Page) (own []*content.Page, owners map[string]source, errs diag.List) {
	owners = make(map[string]source, len(pages))
	keeper := make(map[string]*content.Page, len(pages))
	for _, p := range pages {
		name, from := sitepath.File(p.URL), pageSource(p)
		if o, taken := owners[name]; !taken || from.before(o) {
			owners[name], keeper[name] = from, p
		}
	}
	for _, p := range pages {
		name := sitepath.File(p.URL)
		if keeper[name] == p {
			own = append(own, p)
			continue
		}
		errs.Add(takenError(name, owners[name], pageSource(p)))
	}
	return own, owners, errs
}

// placeFiles gives the output paths the pages (owners) left to the files
// of lists, in their order, which is the order of rank: a file whose path
// a page or an earlier file has is left out, with an error naming both,
// and so is one that would need a folder where a file is, or the other way
// round (a file "lov" beside the page "lov/index.html").
func placeFiles(owners map[string]source, lists ...[]outFile) (kept []outFile, errs diag.List) {
	taken := maps.Clone(owners)
	dirs := map[string]string{} // folder -> the first output path in it
	addDirs := func(name string) {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			if prev, ok := dirs[d]; !ok || name < prev {
				dirs[d] = name
			}
		}
	}
	for name := range owners {
		addDirs(name)
	}
	for _, l := range lists {
		for _, f := range l {
			if o, ok := taken[f.name]; ok {
				errs.Add(takenError(f.name, o, f.from))
				continue
			}
			if !fs.ValidPath(f.name) || f.name == "." {
				errs.Add(diag.Errorf(f.from.name, 0, 0, "refusing output path %q", f.name))
				continue
			}
			if inside, ok := dirs[f.name]; ok {
				errs.Add(diag.Errorf(f.from.name, 0, 0, "the output path %s is a folder of %s, which %s has", f.name, inside, taken[inside].name).
					WithHint("rename or move one of them"))
				continue
			}
			if d := fileAbove(taken, f.name); d != "" {
				errs.Add(diag.Errorf(f.from.name, 0, 0, "the output path %s needs a folder %s, but %s has that path", f.name, d, taken[d].name).
					WithHint("rename or move one of them"))
				continue
			}
			taken[f.name] = f.from
			addDirs(f.name)
			kept = append(kept, f)
		}
	}
	return kept, errs
}

// fileAbove returns the folder of name that is a path in taken, or "".
func fileAbove(taken map[string]source, name string) string {
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if _, ok := taken[d]; ok {
			return d
		}
	}
	return ""
}

// contentFile is the outFile of f, a file below content/ that is not a
// page (a path relative to content/).
func contentFile(f string, b []byte) outFile {
	return outFile{name: f, from: source{content.Dir + "/" + f, rankContent}, b: b}
}

// readStatic reads every file below static/ of fsys, sorted by path. It
// keeps what content/ leaves out, hidden names and names starting with "_"
// (.well-known/, .htaccess, _redirects), and skips only editors' temp
// files. Symbolic links are not followed, as in content/: one warning
// each.
func readStatic(fsys fs.FS) (files []outFile, errs diag.List) {
	fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == StaticDir && errors.Is(err, fs.ErrNotExist):
			return nil // no static/: nothing to copy
		case err != nil:
			errs.Add(diag.Errorf(p, 0, 0, "cannot read: %v", err))
			return nil
		case p != StaticDir && ignore.Temp(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			// The same words as content.Scan's and the FS that refuses to read it.
			errs.Add(diag.Errorf(p, 0, 0, "%s", sitefs.ErrSymlink).WithHint("%s", sitefs.Hint(p)).Warning())
		case p == StaticDir && !d.IsDir():
			errs.Add(diag.Errorf(p, 0, 0, "is a file, but torv copies the files in the folder static/ to the output").
				WithHint("make static a folder, and put the files to publish as they are in it"))
		case d.Type().IsRegular():
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				errs.Add(diag.Errorf(p, 0, 0, "cannot read: %v", err))
				return nil
			}
			files = append(files, outFile{name: strings.TrimPrefix(p, StaticDir+"/"), from: source{p, rankStatic}, b: b})
		}
		return nil
	})
	return files, errs
}

// placePages decides, as Build does, which page writes each output path;
// render leaves out the others.
//
// A Session with a Sink builds once and renders after placing, so it keeps
// only the pages that lost their path (none, in a site without errors),
// not a map of every page's path, which is memory in proportion to the
// site all through the render; placeStatics places the pages again.
func (s *Session) placePages() {
	pages := append(slices.Clone(s.site.Pages), s.r.NotFound())
	_, owners, errs := placePages(pages)
	s.owners, s.ownErrs = owners, errs
	if s.opts.Sink == nil {
		return
	}
	// By source, not by *Page: NotFound makes a page anew each time.
	lost := map[source]bool{}
	for _, p := range pages {
		if !s.owns(p) {
			lost[pageSource(p)] = true
		}
	}
	s.owners, s.lost = nil, lost
}

// owns reports whether page p writes its output path (placePages).
func (s *Session) owns(p *content.Page) bool {
	if s.owners == nil {
		return !s.lost[pageSource(p)]
	}
	return s.owners[sitepath.File(p.URL)] == pageSource(p)
}

// dropStatics removes the files that are not pages, before pages are
// rendered: a page may take the path a file had.
func (s *Session) dropStatics() {
	for p := range s.statics {
		s.drop(p)
	}
	s.statics = map[string]bool{}
}

// makeStatics runs the output stages and puts the files that are not
// pages into s.files as Build does, with the same errors.
func (s *Session) makeStatics() {
	s.runOutputs(allStages)
	s.placeStatics()
}

// placeStatics puts the files that are not pages into s.files: the ones
// the output stages made last, content/'s and static/'s.
func (s *Session) placeStatics() {
	s.dropStatics()
	s.fileErrs = append(slices.Clone(s.ownErrs), s.statErrs...)
	var files []outFile
	for _, f := range s.site.Files {
		b, ok := s.otherB[f]
		if !ok {
			s.fileErrs.Add(diag.Errorf(content.Dir+"/"+f, 0, 0, "cannot read: the file went away while torv read it"))
			continue
		}
		files = append(files, contentFile(f, b))
	}
	made, errs := s.madeFiles()
	s.fileErrs.Add(errs...)
	owners := s.owners
	if owners == nil {
		_, owners, _ = placePages(append(slices.Clone(s.site.Pages), s.r.NotFound()))
	}
	kept, errs := placeFiles(owners, made, files, s.static)
	s.fileErrs.Add(errs...)
	var back spilledFiles
	for _, f := range kept {
		if s.opts.CheckOnly {
			continue // check keeps no output
		}
		b, err := back.bytes(s.spill, f)
		if err != nil {
			s.fileErrs.Add(diag.Errorf(f.name, 0, 0, "the file could not be made: %v", err).
				WithHint("build again; if it happens again, check the disk the site is built on"))
			continue
		}
		if s.opts.Sink != nil {
			if err := s.opts.Sink.Put(f.name, b); err != nil {
				if d := sinkError(f.from.name, f.name, err); d != nil {
					s.fileErrs.Add(d)
				}
				continue
			}
		}
		s.keep(f.name, b)
		s.statics[f.name] = true
	}
}

// spilledFiles reads the bytes of the output stages' files back from the
// spill, one file after the other into one buffer: only a build with a
// Sink has a spill, and its Sink does not keep them (Sink.Put), nor does
// keep.
type spilledFiles struct {
	ahead *spill.Reader
	buf   []byte
}

// bytes returns f's bytes, read back from sp when they were put there.
func (r *spilledFiles) bytes(sp *spill.File, f outFile) ([]byte, error) {
	if f.spilled == 0 {
		return f.b, nil
	}
	if r.ahead == nil {
		r.ahead = sp.Reader()
	}
	var err error
	r.buf, err = r.ahead.Get(r.buf[:0], f.spilled)
	return r.buf, err
}
