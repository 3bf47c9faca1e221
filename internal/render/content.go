package render

import (
	"bytes"

	"github.com/torv/torv/internal/content"
)

// Content is page p's body as Page converts it, without the layout
// around it: the same links (with the base path), law citations,
// glossary links and heading levels. The feeds carry it as their
// entries' text (outputs.Input.Content). Its mistakes are the page's
// and are reported where the page renders, so Content drops them; a
// body that cannot be converted is "".
func (r *Renderer) Content(p *content.Page) (html string) {
	if len(bytes.TrimSpace(p.Body)) == 0 {
		return ""
	}
	defer func() {
		if recover() != nil {
			html = "" // Page reports it at the page
		}
	}()
	var b bytes.Buffer
	if _, err := r.md.ConvertWith(&b, p.File, p.Body, r.input(p, bodyShift(p))); err != nil {
		return ""
	}
	return b.String()
}
