package content

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
)

// This file keeps a page whose file has a mistake in the site. Were it left
// out, every page that links to it, features it or lists it would be wrong
// too, and one unclosed quote would give the editor a message in each of
// those files, which they did not touch. So the page stays, marked Broken,
// at the address its file path gives, with its folder's kind and what can
// be recovered of its front matter; the editor sees one message, at the
// line they broke. The build fails on that message anyway: what matters is
// that the other pages find the page where it will be once it is fixed.

// maxStatements bounds the statements salvage tries one by one: each try
// decodes the front matter kept so far again.
const maxStatements = 200

// recovered fills page p, whose file could not be read as a page (its
// front matter is missing, not closed or not valid TOML, names a type that
// cannot be used, or the file is not UTF-8), with what can be read of its
// front matter (see salvage). A "type" that cannot be used is ignored.
// Nothing is reported: the mistake that brought the page here was, and
// what recovery finds (a required key on a dropped line is missing)
// follows from it. The result is nil when the page has no address at all.
func recovered(fsys fs.FS, p *Page, cfg *config.Config) *Page {
	p.Broken, p.recovered = true, true
	kind := folderKind(p.key, cfg)
	decode.DecodeAs(p.source(), kindPicker(p, kind, false))
	if p.Data == nil {
		decode.DecodeAs(salvage(p.source()), kindPicker(p, kind, false))
	}
	if p.Data == nil {
		p.Kind, p.Data = kind, newFrontMatter(kind)
	}
	// What they report is dropped, and what they set (a law's id from the
	// file name, a chart's bars) makes the page what it would be.
	validate(p)
	readChartData(fsys, p)
	checkSlug(p)
	// A slug that was read is what the editor wants; were its address
	// another page's, the file's own would do until the page reads again
	// (Site.add).
	p.addrs = addresses(p, cfg)
	if len(p.addrs) == 0 {
		return nil
	}
	p.URL = p.addrs[0]
	p.fallbackTitle(cfg)
	return p
}

// salvage returns src with the statements that do not decode blanked: it
// keeps each statement, first to last, that decodes together with those
// kept before it. An unclosed quote on the title line then costs the
// title, not the tags or slug below it. Blanking keeps every line where it
// was, so positions stay those of the file.
func salvage(src decode.Source) decode.Source {
	lines := strings.Split(src.Text, "\n")
	kept := make([]string, len(lines))
	for n, st := range statements(lines) {
		if n == maxStatements {
			break
		}
		try := slices.Clone(kept)
		copy(try[st[0]:st[1]], lines[st[0]:st[1]])
		t := src
		t.Text = strings.Join(try, "\n")
		parsed := false
		decode.DecodeAs(t, func(map[string]any, func(string, string, ...any) *diag.Error) any {
			parsed = true
			return nil // only whether it parses
		})
		if parsed {
			kept = try
		}
	}
	src.Text = strings.Join(kept, "\n")
	return src
}

var (
	// keyLine is a line that starts a key's statement: a bare, quoted or
	// dotted key, then "=". A bare key is taken loosely ("lørdag"), so
	// that a wrong key is a statement of its own, not part of the one
	// above it.
	keyLine = regexp.MustCompile(`^\s*(?:[^\s=\[\]{}"'#,]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[^\s=\[\]{}"'#,.]+|"(?:[^"\\]|\\.)*"|'[^']*'))*\s*=`)
	// headerLine is a [table] or [[array of tables]] header.
	headerLine = regexp.MustCompile(`^\s*\[\[?[^\[\]=,]*\]\]?\s*(?:#.*)?$`)
)

// statements splits TOML lines into statements, as far as the lines show
// them: a statement is a line with a key and "=" or a table header, with
// the lines after it that start neither (the rest of a multi-line array,
// comments), and every line inside a multi-line string it opens. The
// result holds each statement's first line and the line after its last.
func statements(lines []string) [][2]int {
	var out [][2]int
	open := "" // the delimiter of a multi-line string the last statement opened
	for i, l := range lines {
		starts := open == "" && (keyLine.MatchString(l) || headerLine.MatchString(l))
		if starts || len(out) == 0 {
			out = append(out, [2]int{i, i + 1})
		} else {
			out[len(out)-1][1] = i + 1
		}
		for _, d := range []string{`"""`, "'''"} {
			if strings.Count(l, d)%2 == 0 {
				continue
			}
			switch open {
			case "":
				open = d
			case d:
				open = ""
			}
		}
	}
	return out
}

// fallbackTitle gives a broken page without a title one from its file, so
// that lists, menus and breadcrumbs still show it: its name ("Klage over
// en afgoerelse" for klage-over-en-afgoerelse.md), its folder's for a list
// page, the site's for a home page.
func (p *Page) fallbackTitle(cfg *config.Config) {
	c := p.Common()
	if strings.TrimSpace(c.Title) != "" {
		return
	}
	name := strings.TrimSuffix(path.Base(p.key), ".md")
	switch {
	case p.key == "_index.md":
		c.Title = cfg.TitleIn(p.Lang)
		return
	case name == "_index":
		name = path.Base(path.Dir(p.File)) // as the editor named the folder, like a generated list page
	default:
		name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	}
	if r := []rune(strings.TrimSpace(name)); len(r) > 0 {
		c.Title = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
}
