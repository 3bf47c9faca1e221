package build

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
)

// The edits the oracle makes, one kind per function.

func (o *oracle) editBody() (string, []string) {
	p := o.pick(o.pages())
	front, body := oracleSplit(o.read(p))
	what := "rewrote "
	switch o.r.Intn(3) {
	case 0:
		body = o.body(p)
	case 1:
		body += o.paragraph(p)
		what = "added to "
	default:
		// a link that the page had is gone, or a word changes
		if i := strings.Index(body, "]("); i >= 0 && o.r.Intn(2) == 0 {
			body = body[:i] + "]:" + body[i+2:]
			what = "unlinked in "
		} else {
			body = strings.Replace(body, o.word(), o.word(), 1)
			what = "a word in "
		}
	}
	o.write(p, front+body)
	return what + p, []string{p}
}

// editCommon sets or removes a key every kind has.
func (o *oracle) editCommon() (string, []string) {
	p := o.pick(o.pages())
	keys := []string{"title", "description", "tags", "date", "weight", "draft", "updated", "menu_title", "slug", "layout", "aliases"}
	key := keys[o.r.Intn(len(keys))]
	if o.r.Intn(6) == 0 {
		return o.set(p, key, "")
	}
	var v string
	switch key {
	case "title", "description":
		v = strconv.Quote(o.title())
	case "tags":
		v = o.tags(p)
	case "date", "updated":
		v = o.date()
	case "weight":
		v = strconv.Itoa(o.r.Intn(5) - 1)
	case "draft":
		v = strconv.FormatBool(o.r.Intn(2) == 0)
	case "menu_title":
		v = strconv.Quote(o.word())
	case "slug":
		v = strconv.Quote([]string{"kort", "ny-side", "om", "lov", "side-2"}[o.r.Intn(5)])
	case "layout":
		v = strconv.Quote([]string{"liste", "nabo", "omref", "feedback", "page"}[o.r.Intn(5)])
	case "aliases": // old addresses: free ones, another page's, one two pages claim
		v = []string{`["/gammel/"]`, `["/gammel/", "/arkiv/side.html"]`, `["/om/"]`, `["/lov"]`, `["/x/../y/"]`, `["/side.aspx"]`}[o.r.Intn(6)]
	}
	return o.set(p, key, v)
}

// editRefs changes what front matter links to: the home page's featured
// and lead, a theme's initiatives, an initiative's theme and latest, a
// principle's statement and a term's explanation (Markdown with links).
func (o *oracle) editRefs() (string, []string) {
	lang := o.langFile()
	switch o.r.Intn(6) {
	case 0:
		home := o.pick(o.ofKind("home", lang))
		kinds := []string{"law", "page", "theme", "news", "place"}
		return o.set(home, "featured", o.refs(kinds[o.r.Intn(len(kinds))], home, 3))
	case 1:
		home := o.pick(o.ofKind("home", lang))
		return o.set(home, "lead", strconv.Quote(o.sentence(3)+" "+o.link(home)))
	case 2:
		th := o.pick(o.ofKind("theme", lang))
		return o.set(th, "initiatives", o.refs("initiative", th, 3))
	case 3:
		in := o.pick(o.ofKind("initiative", lang))
		if th := o.pick(o.ofKind("theme", lang)); th != "" && o.r.Intn(4) > 0 {
			return o.set(in, "theme", strconv.Quote(strings.TrimPrefix(th, "content/")))
		}
		return o.set(in, "theme", "")
	case 4:
		in := o.pick(o.ofKind("initiative", lang))
		return o.set(in, "latest", strconv.Quote(o.sentence(3)+" "+o.link(in)))
	default:
		kind := []string{"principle", "term"}[o.r.Intn(2)]
		key := map[string]string{"principle": "statement", "term": "short"}[kind]
		p := o.pick(o.ofKind(kind, lang))
		return o.set(p, key, strconv.Quote(o.sentence(3)+" "+o.link(p)))
	}
}

// folders lists the folders below content/ that hold pages.
func (o *oracle) folders() []string {
	var out []string
	for _, p := range o.pages() {
		if d := path.Dir(p); d != "content" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// newPage adds a page to a folder, or a translation of a page.
func (o *oracle) newPage() (string, []string) {
	if o.bilingual && o.r.Intn(4) == 0 {
		p := o.pick(o.leaves())
		if oracleLang(p) != "" {
			return "", nil
		}
		en := strings.TrimSuffix(p, ".md") + ".en.md"
		o.write(en, o.pageText(en))
		return "translated " + p, []string{en}
	}
	dir := o.pick(append(o.folders(), "content"))
	name := fmt.Sprintf("ny-%d", o.step)
	if oracleKind(dir+"/x.md") == "term" {
		name = oracleASCII(oracleTerms[o.r.Intn(len(oracleTerms))])
	}
	p := dir + "/" + name + ".md"
	if o.langFile() != "x.md" {
		p = dir + "/" + name + ".en.md"
	}
	if o.exists(p) {
		return "", nil
	}
	o.write(p, o.pageText(p))
	return p, []string{p}
}

func (o *oracle) deletePage() (string, []string) {
	p := o.pick(o.leaves())
	if o.r.Intn(6) == 0 {
		p = o.pick(o.pages()) // a list page, or a home page
	}
	delete(o.fsys, p)
	return p, []string{p}
}

// renamePage moves a page to a new name, in its folder or another: a
// delete and an add in one batch, in either order.
func (o *oracle) renamePage() (string, []string) {
	p := o.pick(o.leaves())
	dir := path.Dir(p)
	if o.r.Intn(3) == 0 {
		dir = o.pick(append(o.folders(), "content"))
	}
	to := fmt.Sprintf("%s/flyttet-%d%s", dir, o.step, strings.TrimPrefix(path.Base(p), strings.Split(path.Base(p), ".")[0]))
	if o.exists(to) {
		return "", nil
	}
	o.write(to, o.read(p))
	delete(o.fsys, p)
	paths := []string{p, to}
	if o.r.Intn(2) == 0 {
		paths = []string{to, p}
	}
	return p + " -> " + to, paths
}

// newFolder makes a folder with a list page and pages, at the top (a
// folder of plain pages) or in a section (its kind's pages); the watcher
// reports the folder, or the folder and its files.
func (o *oracle) newFolder() (string, []string) {
	dir := fmt.Sprintf("content/projekt-%d", o.step)
	if o.r.Intn(2) == 0 {
		sections := slices.Sorted(maps.Keys(oracleSections))
		dir = fmt.Sprintf("content/%s/del-%d", sections[o.r.Intn(len(sections))], o.step)
	}
	files := []string{dir + "/_index.md"}
	for i := range 1 + o.r.Intn(2) {
		files = append(files, fmt.Sprintf("%s/side-%d.md", dir, i))
	}
	if o.r.Intn(3) == 0 {
		o.write(dir+"/kort.png", "\x89PNG kort")
		files = append(files, dir+"/kort.png")
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			o.write(f, o.pageText(f))
		}
	}
	if o.r.Intn(2) == 0 {
		return dir, []string{dir}
	}
	return dir, append([]string{dir}, files...)
}

// deleteFolder deletes a folder below content/ with all it holds; the
// watcher reports the folder.
func (o *oracle) deleteFolder() (string, []string) {
	dir := o.pick(o.folders())
	if dir == "" {
		return "", nil
	}
	for p := range o.fsys {
		if strings.HasPrefix(p, dir+"/") {
			delete(o.fsys, p)
		}
	}
	return dir, []string{dir}
}

// editCSV edits a chart's data: new numbers, a number that is not one,
// the file gone, or a new file that a figures page's chart reads.
func (o *oracle) editCSV() (string, []string) {
	csv := o.pick(o.files("content", ".csv"))
	switch o.r.Intn(5) {
	case 0, 1:
		if csv == "" {
			return "", nil
		}
		o.write(csv, o.csv())
		return "new numbers in " + csv, []string{csv}
	case 2:
		if csv == "" {
			return "", nil
		}
		o.write(csv, o.read(csv)+"Forkert;1.234.5\n")
		return "a bad number in " + csv, []string{csv}
	case 3:
		if csv == "" {
			return "", nil
		}
		delete(o.fsys, csv)
		return "deleted " + csv, []string{csv}
	default:
		fig := o.pick(o.ofKind("figures", "x.md"))
		if fig == "" {
			return "", nil
		}
		csv = fmt.Sprintf("%s/tal-%d.csv", path.Dir(fig), o.step)
		o.write(csv, o.csv())
		o.write(fig, o.pageText(fig))
		return fig + " reads " + csv, []string{csv, fig}
	}
}

// editTerm changes the glossary: any text may use a term's words.
func (o *oracle) editTerm() (string, []string) {
	term := o.pick(o.ofKind("term", o.langFile()))
	switch o.r.Intn(5) {
	case 0:
		return o.set(term, "title", strconv.Quote(oracleTerms[o.r.Intn(len(oracleTerms))]))
	case 1:
		return o.set(term, "aliases", fmt.Sprintf("[%q]", oracleTerms[o.r.Intn(len(oracleTerms))]))
	case 2:
		return o.set(term, "abbr", []string{`"En forkortelse"`, ""}[o.r.Intn(2)])
	case 3:
		if term == "" {
			return "", nil
		}
		delete(o.fsys, term)
		return "deleted " + term, []string{term}
	default:
		p := "content/ordliste/" + oracleASCII(oracleTerms[o.r.Intn(len(oracleTerms))]) + ".md"
		if o.exists(p) {
			return "", nil
		}
		o.write(p, o.pageText(p))
		return "new " + p, []string{p}
	}
}

// editLaw changes a law explainer, or cites one: a citation shows the
// law's name and paragraph.
func (o *oracle) editLaw() (string, []string) {
	law := o.pick(o.ofKind("law", o.langFile()))
	switch o.r.Intn(6) {
	case 0:
		return o.set(law, "law", strconv.Quote("Lov om "+o.word()+" ("+o.word()+"loven)"))
	case 1:
		return o.set(law, "paragraph", fmt.Sprintf(`"§ %d"`, 1+o.r.Intn(90)))
	case 2:
		return o.set(law, "id", []string{`"sygedagpenge"`, `"regel"`, ""}[o.r.Intn(3)])
	case 3:
		if law == "" {
			return "", nil
		}
		delete(o.fsys, law)
		return "deleted " + law, []string{law}
	case 4:
		p := fmt.Sprintf("content/lov/regel-%d.md", o.step)
		o.write(p, o.pageText(p))
		return "new " + p, []string{p}
	default:
		p := o.pick(o.pages())
		o.write(p, o.read(p)+"\nLæs "+o.cite()+".\n")
		return "a citation in " + p, []string{p}
	}
}

// oracleLayouts are the site's own layouts an edit may write: kinds'
// layouts and a partial over the defaults, layouts a page names with
// "layout" that read the site's pages, a page's neighbours or a page by
// name, and a broken one.
var oracleLayouts = map[string]string{
	"layouts/liste.html": `{{define "main"}}{{template "partials/page-header.html" .}}<ul>{{range .Site.Pages}}<li>{{.Title}}</li>{{end}}</ul>{{.Content}}{{end}}`,
	"layouts/nabo.html":  `{{define "main"}}{{template "partials/page-header.html" .}}<ul>{{with .Page.Parent}}{{range .Children}}<li>{{.Title}}</li>{{end}}{{end}}</ul>{{.Content}}{{end}}`,
	"layouts/omref.html": `{{define "main"}}{{template "partials/page-header.html" .}}{{with page "om.md"}}<p>{{.Title}}: {{.Description}}</p>{{end}}{{.Content}}{{end}}`,
}

func (o *oracle) editLayout() (string, []string) {
	var p, text string
	switch o.r.Intn(7) {
	case 0, 1:
		p = []string{"layouts/page.html", "layouts/news.html", "layouts/section.html"}[o.r.Intn(3)]
		text = strings.Replace(o.defaultFile(p), "{{.Content}}", fmt.Sprintf(`<p class="orakel">%d</p>{{.Content}}`, o.step), 1)
	case 2:
		p = "layouts/partials/footer.html"
		text = o.defaultFile(p) + fmt.Sprintf("<p>Orakel %d</p>\n", o.step)
	case 3, 4:
		names := slices.Sorted(maps.Keys(oracleLayouts))
		p = names[o.r.Intn(len(names))]
		text = oracleLayouts[p]
	case 5:
		p, text = "layouts/page.html", "{{define \"main\"}}{{.Content}\n"
	default:
		p = o.pick(o.files("layouts", ".html"))
		if p == "" {
			return "", nil
		}
		delete(o.fsys, p)
		return "deleted " + p, []string{p}
	}
	o.write(p, text)
	return p, []string{p}
}

func (o *oracle) defaultFile(p string) string {
	b, err := fs.ReadFile(o.defaults, p)
	if err != nil {
		o.t.Fatal(err)
	}
	return string(b)
}

func (o *oracle) editCSS() (string, []string) {
	p := []string{"assets/css/style.css", "assets/css/extra.css"}[o.r.Intn(2)]
	if o.exists(p) && o.r.Intn(2) == 0 {
		delete(o.fsys, p)
		return "deleted " + p, []string{p}
	}
	base := ""
	if p == "assets/css/style.css" {
		base = o.defaultFile(p)
	}
	o.write(p, base+fmt.Sprintf("\n.orakel-%d { color: #%06x; }\n", o.step, o.r.Intn(1<<24)))
	return p, []string{p}
}

// editI18n overrides a UI string of a language, breaks the file, or
// deletes the site's own.
func (o *oracle) editI18n() (string, []string) {
	p := []string{"i18n/da.toml", "i18n/en.toml"}[o.r.Intn(2)]
	switch {
	case o.exists(p) && o.r.Intn(3) == 0:
		delete(o.fsys, p)
		return "deleted " + p, []string{p}
	case o.r.Intn(6) == 0:
		o.write(p, o.defaultFile(p)+"\nbroken = \"x\n")
		return "broke " + p, []string{p}
	}
	lines := strings.Split(o.defaultFile(p), "\n")
	for {
		i := o.r.Intn(len(lines))
		if k, _, ok := strings.Cut(lines[i], " = \""); ok && !strings.HasPrefix(k, "#") {
			lines[i] = fmt.Sprintf("%s = \"Orakel %d\"", k, o.step)
			o.write(p, strings.Join(lines, "\n"))
			return p + " " + k, []string{p}
		}
	}
}

func (o *oracle) editConfig() (string, []string) {
	switch o.r.Intn(6) {
	case 0:
		o.write("config.toml", o.base["config.toml"]+"\ntitle = \"Brudt\n")
		return "broke config.toml", []string{"config.toml"}
	case 1:
		o.write("config.toml", o.base["config.toml"])
		return "config.toml as it was", []string{"config.toml"}
	}
	o.write("config.toml", o.config())
	return "new config.toml", []string{"config.toml"}
}

// breakFrontMatter makes one of the mistakes editors make in TOML.
func (o *oracle) breakFrontMatter() (string, []string) {
	p := o.pick(o.pages())
	text := o.read(p)
	var what string
	switch o.r.Intn(6) {
	case 0:
		text, what = oracleSet(text, "title", `"Brudt`), "an unclosed string"
	case 1:
		text, what = strings.Replace(text, "\n+++\n", "\n", 1), "no closing +++"
	case 2:
		text, what = oracleSet(text, "titel", `"Stavefejl"`), "an unknown key"
	case 3:
		text, what = oracleSet(text, "weight", `"tre"`), "a weight that is no number"
	case 4:
		text, what = "+++\ntitle = \"Igen\"\n"+strings.TrimPrefix(text, "+++\n"), "a second title"
	default:
		text, what = oracleSet(text, "date", `"i morgen"`), "a date that is no date"
	}
	o.write(p, text)
	return what + " in " + p, []string{p}
}

// editFile adds an image beside a page and shows it there, or deletes an
// image, which other files of content/ are like.
func (o *oracle) editFile() (string, []string) {
	if img := o.pick(o.files("content", ".png")); img != "" && o.r.Intn(3) == 0 {
		delete(o.fsys, img)
		return "deleted " + img, []string{img}
	}
	p := o.pick(o.pages())
	img := fmt.Sprintf("%s/billede-%d.png", path.Dir(p), o.step)
	o.write(img, fmt.Sprintf("\x89PNG %d", o.step))
	o.write(p, o.read(p)+fmt.Sprintf("\n![Et billede](%s)\n", path.Base(img)))
	return img + " in " + p, []string{img, p}
}

// editStatic writes or deletes a file of static/, now and then one at a
// page's output path.
func (o *oracle) editStatic() (string, []string) {
	p := []string{"static/robots-extra.txt", "static/.well-known/security.txt", "static/om/index.html"}[o.r.Intn(5)/2]
	if o.exists(p) {
		delete(o.fsys, p)
		return "deleted " + p, []string{p}
	}
	o.write(p, fmt.Sprintf("statisk %d\n", o.step))
	return p, []string{p}
}

// editTemp writes or deletes an editor's temp file, which the build and
// the preview leave alone.
func (o *oracle) editTemp() (string, []string) {
	names := []string{"content/lov/.sygedagpenge.md.swp", "content/4913", "content/om.md~", "content/.#om.md", "content/nyheder/.goutputstream-X1", "assets/css/.style.css.swp"}
	p := names[o.r.Intn(len(names))]
	if o.exists(p) {
		delete(o.fsys, p)
		return "deleted " + p, []string{p}
	}
	o.write(p, "+++\ntitle = \"Midlertidig\n")
	return p, []string{p}
}

// reset puts every file back as it was generated, in one batch.
func (o *oracle) reset() (string, []string) {
	var paths []string
	for _, p := range slices.Sorted(maps.Keys(o.fsys)) {
		if b, ok := o.base[p]; !ok || b != o.read(p) {
			paths = append(paths, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(o.base)) {
		if !o.exists(p) {
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		o.restore(p)
	}
	return fmt.Sprintf("%d files", len(paths)), paths
}

// restore puts a file back as it was generated, or deletes it when it
// was not.
func (o *oracle) restore(p string) {
	if b, ok := o.base[p]; ok {
		o.write(p, b)
	} else {
		delete(o.fsys, p)
	}
}

// repair undoes a cause of one of the last build's errors: the file it is
// at, else the generated files that are gone, else everything.
func (o *oracle) repair() (string, []string) {
	e := o.errs[o.r.Intn(len(o.errs))]
	if b, ok := o.base[e.File]; ok && b != o.read(e.File) || !ok && o.exists(e.File) {
		o.restore(e.File)
		return "repair: restored " + e.File, []string{e.File}
	}
	var gone []string
	for _, p := range slices.Sorted(maps.Keys(o.base)) {
		if !o.exists(p) {
			gone = append(gone, p)
			o.restore(p)
		}
	}
	if len(gone) > 0 {
		return fmt.Sprintf("repair: brought back %d files", len(gone)), gone
	}
	what, paths := o.reset()
	return "repair: reset " + what, paths
}

// TestOracleBugs holds the smallest reproduction of each bug the oracle
// found, so that none comes back unseen: a site, one edit, and the Update
// after it held to Build.
func TestOracleBugs(t *testing.T) {
	site := func() fstest.MapFS {
		return fstest.MapFS{
			"config.toml":                {Data: []byte("title = \"T\"\nmunicipality = \"M\"\nbaseurl = \"https://x.dk/\"\n[languages.en]\ntitle = \"E\"\n[sections]\nordliste = \"term\"\n")},
			"content/_index.md":          {Data: []byte("+++\ntitle = \"Forside\"\n+++\n")},
			"content/a.md":               {Data: []byte("+++\ntitle = \"A\"\n+++\nEn klage her.\n")},
			"content/a.en.md":            {Data: []byte("+++\ntitle = \"A\"\n+++\nA complaint.\n")},
			"content/tilgaengelighed.md": {Data: []byte("+++\ntitle = \"Tilgængelighed\"\n+++\n")},
			"content/ordliste/klage.md":  {Data: []byte("+++\ntitle = \"Klage\"\nshort = \"Når du klager.\"\n+++\n")},
			"content/kort.png":           {Data: []byte("gammelt")},
			"content/nyheder/_index.md":  {Data: []byte("+++\ntitle = \"Nyt\"\ntags = [\"digital\"]\n+++\n")},
			"content/nyheder/n.md":       {Data: []byte("+++\ntitle = \"N\"\ndate = 2026-01-01\n+++\n")},
		}
	}
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name string
		edit func(fsys fstest.MapFS) string // returns the changed path
	}{
		{"a glossary term deleted: a/ still links it", func(fsys fstest.MapFS) string {
			delete(fsys, "content/ordliste/klage.md")
			return "content/ordliste/klage.md"
		}},
		{"the footer page translated: en/a/ still links the Danish one", func(fsys fstest.MapFS) string {
			fsys["content/tilgaengelighed.en.md"] = file("+++\ntitle = \"Accessibility\"\n+++\n")
			return "content/tilgaengelighed.en.md"
		}},
		{"a news item's date: emner/digital/ keeps the old one", func(fsys fstest.MapFS) string {
			fsys["content/nyheder/n.md"] = file("+++\ntitle = \"N\"\ndate = 2026-02-01\n+++\n")
			return "content/nyheder/n.md"
		}},
		{"an image's bytes: kort.png keeps the old ones", func(fsys fstest.MapFS) string {
			fsys["content/kort.png"] = file("nyt")
			return "content/kort.png"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := site()
			s := NewSession(fsys, torv.Defaults(), Options{})
			if u := s.Full(); u.Output == nil {
				t.Fatal(u.Diags)
			}
			u := s.Update([]string{tt.edit(fsys)})
			for _, p := range compareBuilds(u, Build(fsys, torv.Defaults(), Options{})) {
				t.Error(p)
			}
		})
	}
}
