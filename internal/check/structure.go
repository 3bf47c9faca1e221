package check

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/torv/torv/internal/diag"
)

// Rules heading, image-alt and table-header: the structure a screen
// reader navigates by.

// walk runs the rules that look at nodes of the body's tree (headings,
// images, tables, links), which readText collected on its walk.
func (pc *pageCheck) walk() {
	t := &pc.w.text
	st := &walkState{level: 1, seen: map[string]*linkSeen{}}
	for _, h := range t.headings {
		pc.heading(h, st)
	}
	for _, l := range t.links {
		if l.src == 0 {
			pc.link(l.link, st)
		}
	}
	for _, img := range t.images {
		pc.image(img)
	}
	for _, tb := range t.tables {
		pc.table(tb)
	}
}

// walkState is what the walk remembers from node to node.
type walkState struct {
	level int                  // of the heading before; the title is 1
	seen  map[string]*linkSeen // link texts so far
}

// heading checks one of the body's headings. The page's title is its only
// h1 (the layout writes it), so the body starts at ## and goes down one
// level at a time. Levels are the editor's: a law explainer's body is
// moved one level down when rendered, for editors of every kind of page
// alike.
func (pc *pageCheck) heading(h *ast.Heading, st *walkState) {
	prev := st.level
	st.level = h.Level
	if !pc.on("heading") {
		return
	}
	line, col := pc.posNode(h)
	text := strings.TrimSpace(nodeText(h, pc.src))
	switch {
	case text == "":
		pc.add("heading", diag.LevelWarning, line, col, "empty heading",
			"write the heading's text after the #s, or remove the line")
	case h.Level == 1:
		pc.add("heading", diag.LevelWarning, line, col,
			fmt.Sprintf("heading %q is a second heading 1; the page's title is the first", text),
			"start the page's own headings with ## (heading 2)")
	case h.Level > prev+1:
		pc.add("heading", diag.LevelWarning, line, col,
			fmt.Sprintf("heading %q skips from level %d to %d", text, prev, h.Level),
			fmt.Sprintf("write it with %s (level %d), so screen-reader users do not miss a level", strings.Repeat("#", prev+1), prev+1))
	}
}

// fileNameAlt matches alt texts that are the name a camera, a phone or a
// screenshot tool gave the file, in any of the four languages: "kort.png",
// "IMG_2041", "20260301_102231", "Skærmbillede 2026-03-01 kl. 10.22.31",
// "Skärmavbild ...", "Skjermbilde ...", "Screenshot ... at ...", "bild-3".
var fileNameAlt = regexp.MustCompile(`(?i)^.*\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$` +
	`|^\d{8}[-_ ]\d{6}$` +
	`|^(img|dsc|dscn|dscf|pxl|gopr|mvimg|screenshot|screen shot|skærmbillede|skärmavbild|skärmbild|skärmdump|skjermbilde|skjermdump|billede|bild|bilde|image|foto|photo|picture|pic|whatsapp image)` +
	`[-_ ]*\d[\d\-_ .:]*((at|kl\.?)[\d\-_ .:]*)?$`)

// image checks that an image says what it shows.
func (pc *pageCheck) image(img *ast.Image) {
	if !pc.on("image-alt") {
		return
	}
	line, col := pc.posNode(img)
	alt := strings.TrimSpace(nodeText(img, pc.src))
	base := path.Base(string(img.Destination))
	switch {
	case alt == "":
		pc.add("image-alt", diag.LevelError, line, col, fmt.Sprintf("image %s has no alt text", base),
			"describe what the image shows between the brackets: ![Indgangen til Jobcenter Fjordby fra Havnegade](...)")
	case fileNameAlt.MatchString(alt) || strings.EqualFold(alt, base) || strings.EqualFold(alt, strings.TrimSuffix(base, path.Ext(base))):
		pc.add("image-alt", diag.LevelError, line, col, fmt.Sprintf("image %s has its file name as alt text", base),
			"describe what the image shows between the brackets, for readers who cannot see it")
	}
}

// table checks that a table has a header row: GFM always parses one, so a
// table without one has a first row of empty cells.
func (pc *pageCheck) table(t *east.Table) {
	if !pc.on("table-header") {
		return
	}
	if h, ok := t.FirstChild().(*east.TableHeader); ok && strings.TrimSpace(nodeText(h, pc.src)) == "" {
		line, col := pc.posNode(t)
		pc.add("table-header", diag.LevelWarning, line, col, "table without a header row",
			"write the name of each column in the first row, between the | signs")
	}
}
