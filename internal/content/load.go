package content

import (
	"github.com/torv/torv/internal/parallel"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
)

// Dir is the folder of a site that holds its pages.
const Dir = "content"

// Options changes what Load includes.
type Options struct {
	Drafts bool // include pages with draft = true
}

// Load reads every page below content/ in fsys (the site folder) and builds
// the Site. It reports every problem it finds; the Site it returns is
// usable for whatever did load (the preview shows errors over the last good
// build, but check wants to look at the pages that are fine).
func Load(fsys fs.FS, cfg *config.Config, opts Options) (*Site, diag.List) {
	site := newSite(cfg)
	mdFiles, other, errs := Scan(fsys)
	site.Files = other

	// Parse in parallel; each worker owns its slots of pages and errors.
	pages := make([]*Page, len(mdFiles))
	perr := make([]diag.List, len(mdFiles))
	parallel.Each(len(mdFiles), func(i int) { pages[i], perr[i] = safeParse(fsys, mdFiles[i], cfg) })
	var add []*Page
	for i, p := range pages {
		errs.Add(perr[i]...)
		if p == nil || (p.Common().Draft && !opts.Drafts) {
			continue
		}
		add = append(add, p)
	}
	site.addAll(add, &errs)
	site.link(&errs)
	errs.Sort()
	return site, errs
}

// firstInvalidUTF8 returns the line and column of the first byte that is
// not UTF-8.
func firstInvalidUTF8(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[size:]
	}
	return line, col
}

// safeParse is parsePage that turns a panic in a dependency into an error
// at the file, so one strange file cannot take the build down.
func safeParse(fsys fs.FS, file string, cfg *config.Config) (p *Page, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			p, errs = nil, diag.List{diag.Errorf(file, 0, 0, "torv could not read this file (%v)", r).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return parsePage(fsys, file, cfg)
}

// parsePage reads one Markdown file. It returns a nil page when the front
// matter could not be decoded at all.
func parsePage(fsys fs.FS, file string, cfg *config.Config) (*Page, diag.List) {
	var errs diag.List
	info, err := fs.Stat(fsys, file)
	if err != nil {
		return nil, diag.List{diag.Errorf(file, 0, 0, "cannot read: %v", err)}
	}
	if info.Size() > MaxPageSize {
		return nil, diag.List{diag.Errorf(file, 0, 0, "the file is larger than %d MiB", MaxPageSize>>20).
			WithHint("split it into several pages")}
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, diag.List{diag.Errorf(file, 0, 0, "cannot read: %v", err)}
	}
	if !utf8.Valid(src) {
		line, col := firstInvalidUTF8(src)
		return nil, diag.List{diag.Errorf(file, line, col, "the file is not saved as UTF-8, so æ, ø and å would come out wrong").
			WithHint("save it as UTF-8 in your editor (often under \"Save as\" or \"Encoding\")")}
	}
	front, fmLine, body, ferr := splitFrontMatter(file, src)
	if ferr != nil {
		return nil, diag.List{ferr}
	}
	if e := checkNesting(file, body); e != nil {
		return nil, diag.List{e}
	}
	rel := strings.TrimPrefix(file, Dir+"/")
	lang, key, lerr := fileLang(file, rel, cfg)
	if lerr != nil {
		return nil, diag.List{lerr}
	}
	dir, name := path.Split(key)
	dir = strings.TrimSuffix(dir, "/")
	section, _, _ := strings.Cut(dir, "/")
	p := &Page{File: file, Section: section, Lang: lang, Body: body, key: key}
	p.src = decode.Source{File: file, Text: front, Line: fmLine, What: "front matter"}

	var kind Kind
	switch {
	case key == "_index.md":
		kind = KindHome
	case name == "_index.md":
		kind = KindSection
	case cfg.Sections[section] != "" && dir != "":
		kind = Kind(cfg.Sections[section])
	default:
		kind = KindPage
	}
	errs = decode.DecodeAs(p.src, func(m map[string]any, errorf func(string, string, ...any) *diag.Error) any {
		if t, ok := m["type"]; ok {
			s, _ := t.(string)
			switch {
			case kind == KindHome || kind == KindSection:
				errorf("type", "type cannot be set on %s", name).
					WithHint("_index.md is always the list page of its folder; remove the type line")
				return nil
			case !ValidKind(s):
				errorf("type", "unknown type %q", s).Hint = KindHint(s)
				return nil
			}
			kind = Kind(s)
		}
		p.Kind = kind
		p.Data = newFrontMatter(kind)
		return p.Data
	})
	if p.Data == nil {
		return nil, errs
	}
	errs.Add(validate(p)...)
	errs.Add(readChartData(fsys, p)...) // a chart's CSV file is read with its page
	c := p.Common()
	if c.Slug != "" {
		switch {
		case name == "_index.md":
			l, col := p.Pos("slug")
			errs.Add(diag.Errorf(file, l, col, "slug cannot rename a folder's list page").
				WithHint("rename the folder instead, or remove the slug line"))
			c.Slug = ""
		case !validSlug(c.Slug):
			l, col := p.Pos("slug")
			errs.Add(diag.Errorf(file, l, col, "slug %q may only hold a-z, 0-9 and -", c.Slug).
				WithHint("write it like slug = %q", fallbackSlug(c.Slug)))
			c.Slug = ""
		}
	}
	u, nameless := urlFor(key, c.Slug)
	if nameless >= 0 {
		// No address rather than the folder's: the page is left out.
		errs.Add(namelessError(p, nameless))
		return nil, errs
	}
	p.URL = cfg.LangPrefix(lang) + u
	return p, errs
}

func fallbackSlug(s string) string {
	if f := Slugify(s); f != "" {
		return f
	}
	return "min-side"
}
