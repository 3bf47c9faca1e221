package content

import (
	"io/fs"
	"unicode/utf8"

	"github.com/torv/torv/internal/diag"
)

// A page's Markdown is most of what a site weighs. A build that keeps
// nothing for a later one (torv build) needs each body only while it
// renders that page, so it releases every body as soon as the file is
// read, and the front matter's text (kept for the positions of errors)
// once the Site is assembled, and reads them again when the page's turn
// comes: the memory then holds the site's structure and the pages being
// rendered, not the whole content folder.

// ReleaseBody drops the page's Markdown until ReadBody. A page with no
// file, or whose body was never read (a recovered front matter), keeps
// what it has.
func (p *Page) ReleaseBody() {
	if p.File == "" || p.Body == nil || p.recovered {
		return
	}
	p.Body, p.released = nil, true
}

// ReleaseFrontMatter drops the text of the front matter until ReadBody,
// keeping a checksum of it; Pos and FrontMatterPos then give the front
// matter's first line. It does nothing to a page whose body was not
// released, as only such a page is read again.
func (p *Page) ReleaseFrontMatter() {
	if !p.released || p.frontReleased {
		return
	}
	p.frontSum, p.frontReleased = checksum(p.front), true
	p.front = ""
}

// ReadBody reads what ReleaseBody and ReleaseFrontMatter dropped from fsys
// (the site folder the page was read from), as ParseFile read it. The
// file must still have the front matter the page was made from: a page
// whose file changed while the build ran would mix two versions, so that
// is an error at the file, and the page gets nothing back. It does
// nothing to a page whose body was not released.
func (p *Page) ReadBody(fsys fs.FS) *diag.Error {
	if !p.released || p.Body != nil {
		return nil
	}
	changed := func() *diag.Error {
		return diag.Errorf(p.File, 0, 0, "the file changed while torv was building the site").
			WithHint("build again once it is saved")
	}
	// Read without readSource's Stat, one call per page of the build: the
	// file was within bounds when it was read first, and if it is not now,
	// it changed.
	src, err := fs.ReadFile(fsys, p.File)
	if err != nil || len(src) > MaxPageSize || !utf8.Valid(src) {
		return changed()
	}
	front, _, body, ferr := splitFrontMatter(p.File, src)
	same := front == p.front
	if p.frontReleased {
		same = checksum(front) == p.frontSum
	}
	if ferr != nil || !same {
		return changed()
	}
	if e := checkNesting(p.File, body); e != nil {
		return e // goldmark must not see it
	}
	p.Body = body
	if p.frontReleased {
		p.front, p.frontReleased = front, false
	}
	return nil
}

// Released returns what ReleaseBody and ReleaseFrontMatter drop, the front
// matter's text and the body, for a build to keep out of memory (a spill
// file) and give back with Restore: one read of a scratch file instead of
// an open, a read and a check of the page's file, and the page as it was
// read, however the file changed since. nil for a page ReleaseBody keeps.
func (p *Page) Released() (front string, body []byte) {
	if p.File == "" || p.Body == nil || p.recovered {
		return "", nil
	}
	return p.front, p.Body
}

// Restore gives back what Released returned, as ReadBody reads it from
// the file. It does nothing to a page whose body was not released.
func (p *Page) Restore(front string, body []byte) *diag.Error {
	if !p.released || p.Body != nil {
		return nil
	}
	if body == nil || p.frontReleased && checksum(front) != p.frontSum || !p.frontReleased && front != p.front {
		return diag.Errorf(p.File, 0, 0, "torv could not read back what it read of this file").
			WithHint("build again")
	}
	p.Body = body
	if p.frontReleased {
		p.front, p.frontReleased = front, false
	}
	return nil
}

// checksum tells two front matters apart, a file edited between two
// reads of one build: FNV-1a, 64 bits.
func checksum(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(s) {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
