package content

import (
	"io/fs"

	"github.com/torv/torv/internal/diag"
)

// A page's Markdown is most of what a site weighs. A build that keeps
// nothing for a later one (torv build) needs each body only while it
// renders that page, so it releases every body as soon as the file is
// read and reads it again when the page's turn comes: the memory then
// holds the site's structure and the pages being rendered, not the whole
// content folder.

// ReleaseBody drops the page's Markdown; ReadBody reads it again. A page
// with no file, or whose body was never read (a recovered front matter),
// keeps what it has.
func (p *Page) ReleaseBody() {
	if p.File == "" || p.Body == nil || p.recovered {
		return
	}
	p.Body, p.released = nil, true
}

// ReadBody reads the body ReleaseBody dropped from fsys (the site folder
// the page was read from), as ParseFile read it. The file must still have
// the front matter the page was made from: a page whose file changed
// while the build ran would mix two versions, so that is an error at the
// file, and the page keeps no body. It does nothing to a page whose body
// was not released.
func (p *Page) ReadBody(fsys fs.FS) *diag.Error {
	if !p.released || p.Body != nil {
		return nil
	}
	changed := func() *diag.Error {
		return diag.Errorf(p.File, 0, 0, "the file changed while torv was building the site").
			WithHint("build again once it is saved")
	}
	src, exists, err := readSource(fsys, p.File)
	switch {
	case !exists:
		return changed()
	case err != nil:
		return err
	}
	front, _, body, ferr := splitFrontMatter(p.File, src)
	if ferr != nil || front != p.src.Text {
		return changed()
	}
	if e := checkNesting(p.File, body); e != nil {
		return e // goldmark must not see it
	}
	p.Body = body
	return nil
}
