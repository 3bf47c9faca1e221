package content

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
	"unique"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/parallel"
	"github.com/torv/torv/internal/sitefs"
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
	parallel.Each(len(mdFiles), func(i int) { pages[i], perr[i] = safeParse(fsys, mdFiles[i], cfg, nil) })
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
func safeParse(fsys fs.FS, file string, cfg *config.Config, buf *[]byte) (p *Page, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			p, errs = nil, diag.List{diag.Errorf(file, 0, 0, "torv could not read this file (%v)", r).
				WithHint("this is a bug in torv; please report it with the file attached")}
		}
	}()
	return parsePage(fsys, file, cfg, buf)
}

// parsePage reads one Markdown file. It returns a nil page only when the
// file's name gives the page no address (a language the site does not
// publish, a name without letters); a file with any other mistake gives a
// page marked Broken, so that the pages that link to it, feature it or
// list it stay as they are (broken.go).
func parsePage(fsys fs.FS, file string, cfg *config.Config, buf *[]byte) (*Page, diag.List) {
	rel := strings.TrimPrefix(file, Dir+"/")
	lang, key, lerr := fileLang(file, rel, cfg)
	if lerr != nil {
		return nil, diag.List{lerr}
	}
	dir, _ := path.Split(key)
	section, _, _ := strings.Cut(strings.TrimSuffix(dir, "/"), "/")
	p := &Page{File: file, Section: section, Lang: lang, key: key}
	src, exists, rerr := readSource(fsys, file, buf)
	switch {
	case !exists:
		return nil, diag.List{rerr} // no file, no page: the preview may read one just deleted
	case rerr != nil:
		return recovered(fsys, p, cfg), diag.List{rerr}
	}
	front, fmLine, body, ferr := splitFrontMatter(file, src)
	if ferr != nil {
		return recovered(fsys, p, cfg), diag.List{ferr}
	}
	p.front, p.frontLine = front, int32(fmLine)
	if e := checkNesting(file, body); e != nil {
		return recovered(fsys, p, cfg), diag.List{e} // without the body, which goldmark must not see
	}
	p.Body = body
	errs := decode.DecodeAs(p.source(), kindPicker(p, folderKind(key, cfg), true))
	if p.Data == nil {
		return recovered(fsys, p, cfg), errs
	}
	errs.Add(validate(p)...)
	internTags(p.Common())
	errs.Add(readChartData(fsys, p)...) // a chart's CSV file is read with its page
	errs.Add(checkSlug(p)...)
	u, nameless := urlFor(key, p.Common().Slug)
	if nameless >= 0 {
		// No address rather than the folder's: the page is left out.
		errs.Add(namelessError(p, nameless))
		return nil, errs
	}
	p.URL = cfg.LangPrefix(lang) + u
	if a := addresses(p, cfg); len(a) > 1 {
		p.addrs = a // a slug's, and the file's should another page have that (Site.add)
	}
	if len(errs.Errors()) > 0 {
		p.Broken = true
		p.fallbackTitle(cfg)
	}
	return p, errs
}

// internTags makes the pages that name one topic share its name: a
// site's few topics are named on most of its pages, and each decoded name
// would otherwise be a string of its own for as long as the Site lives.
func internTags(c *Common) {
	for i, t := range c.Tags {
		c.Tags[i] = unique.Make(t).Value()
	}
}

// readSource reads a page's file, refusing what no decoder should see.
// exists is false when there is no file to read (gone, or a link, which
// Scan leaves out too). With buf it reads into *buf's memory when it has
// room, and leaves in *buf the memory src is in (ParseFileInto).
func readSource(fsys fs.FS, file string, buf *[]byte) (src []byte, exists bool, err *diag.Error) {
	// One open for the size and the bytes: a preview that reads 5 000
	// new pages spent a third of its reading on a Stat before each.
	f, oerr := fsys.Open(file)
	if oerr != nil {
		// A file there that may not be read keeps its page's address.
		return nil, errors.Is(oerr, fs.ErrPermission), diag.Errorf(file, 0, 0, "cannot read: %v", oerr)
	}
	defer f.Close()
	info, serr := f.Stat()
	if serr != nil {
		return nil, false, diag.Errorf(file, 0, 0, "cannot read: %v", serr)
	}
	if info.Size() > MaxPageSize {
		return nil, true, diag.Errorf(file, 0, 0, "the file is larger than %d MiB", MaxPageSize>>20).
			WithHint("split it into several pages")
	}
	var into []byte
	if buf != nil {
		into = *buf
	}
	src, rerr := sitefs.ReadAllInto(into, f, info.Size())
	if buf != nil && src != nil {
		*buf = src
	}
	if rerr != nil {
		return nil, true, diag.Errorf(file, 0, 0, "cannot read: %v", rerr)
	}
	if !utf8.Valid(src) {
		line, col := firstInvalidUTF8(src)
		return nil, true, diag.Errorf(file, line, col, "the file is not saved as UTF-8, so æ, ø and å would come out wrong").
			WithHint("save it as UTF-8 in your editor (often under \"Save as\" or \"Encoding\")")
	}
	return src, true, nil
}

// folderKind is the kind a page's place gives it (key is its path below
// content/ without the language): the home page, a folder's list page,
// the section's default from config.toml, else a plain page.
func folderKind(key string, cfg *config.Config) Kind {
	dir, name := path.Split(key)
	section, _, _ := strings.Cut(dir, "/")
	switch {
	case key == "_index.md":
		return KindHome
	case name == "_index.md":
		return KindSection
	case cfg.Sections[section] != "" && dir != "":
		return Kind(cfg.Sections[section])
	}
	return KindPage
}

// kindPicker is DecodeAs's pick for page p, whose place gives it kind: a
// "type" key overrides that. strict refuses a type that cannot be used,
// with an error and no struct to fill; otherwise (a front matter read
// again to recover what it can) such a type is ignored.
func kindPicker(p *Page, kind Kind, strict bool) func(map[string]any, func(string, string, ...any) *diag.Error) any {
	return func(m map[string]any, errorf func(string, string, ...any) *diag.Error) any {
		if t, ok := m["type"]; ok {
			s, _ := t.(string)
			switch {
			case kind == KindHome || kind == KindSection:
				if strict {
					errorf("type", "type cannot be set on %s", path.Base(p.key)).
						WithHint("_index.md is always the list page of its folder; remove the type line")
					return nil
				}
			case !ValidKind(s):
				if strict {
					errorf("type", "unknown type %q", s).Hint = KindHint(s)
					return nil
				}
			default:
				kind = Kind(s)
			}
		}
		p.Kind = kind
		p.Data = newFrontMatter(kind)
		return p.Data
	}
}

// checkSlug refuses a slug that cannot be used, and drops it, so the page
// keeps the address its file gives it.
func checkSlug(p *Page) diag.List {
	c := p.Common()
	if c.Slug == "" {
		return nil
	}
	l, col := p.Pos("slug")
	switch {
	case path.Base(p.key) == "_index.md":
		c.Slug = ""
		return diag.List{diag.Errorf(p.File, l, col, "slug cannot rename a folder's list page").
			WithHint("rename the folder instead, or remove the slug line")}
	case !validSlug(c.Slug):
		s := c.Slug
		c.Slug = ""
		return diag.List{diag.Errorf(p.File, l, col, "slug %q may only hold a-z, 0-9 and -", s).
			WithHint("write it like slug = %q", fallbackSlug(s))}
	}
	return nil
}

func fallbackSlug(s string) string {
	if f := Slugify(s); f != "" {
		return f
	}
	return "min-side"
}
