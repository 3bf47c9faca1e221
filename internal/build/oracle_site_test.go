package build

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
)

// The site the oracle edits, made from its seed.

var oracleBase = []string{
	"content/_index.md", "content/_index.en.md", "content/om.md", "content/om.en.md",
	"content/kontakt.md", "content/feedback.md", "content/tilgaengelighed.md",
	"content/lov/_index.md", "content/lov/sygedagpenge.md", "content/lov/sygedagpenge.en.md",
	"content/lov/aktindsigt.md", "content/lov/klage.md",
	"content/ordliste/_index.md", "content/ordliste/mitid.md", "content/ordliste/cpr.md",
	"content/ordliste/fleksjob.md", "content/ordliste/klage.md",
	"content/tal/_index.md", "content/tal/svartid.md", "content/tal/tilfredshed.md",
	"content/nyheder/_index.md", "content/nyheder/2026-01-vinter.md", "content/nyheder/2026-03-foraar.md",
	"content/nyheder/2026-06-sommer.md", "content/nyheder/2026-09-efteraar.md",
	"content/moedet/_index.md", "content/moedet/hvor.md", "content/moedet/hvordan.md",
	"content/initiativer/_index.md", "content/initiativer/book.md", "content/initiativer/brev.md",
	"content/steder/jobcenter.md",
	"content/principper/_index.md", "content/principper/job.md", "content/principper/job.en.md",
}

// oracleSections is config.toml's [sections].
var oracleSections = map[string]string{
	"lov": "law", "ordliste": "term", "tal": "figures", "nyheder": "news",
	"moedet": "theme", "initiativer": "initiative", "steder": "place", "principper": "principle",
}

// oracleTerms are glossary words; the texts use them all, so that a term
// that appears, goes or is renamed changes the pages that use the word.
var oracleTerms = []string{"MitID", "CPR", "fleksjob", "klage", "sygedagpenge", "bisidder", "fuldmagt", "partshøring"}

var oracleWords = strings.Fields("du kan få hjælp af jobcentret når er syg og skal have svar på et brev fra kommunen om din sag vi ringer til dig i morgen")

func (o *oracle) generate() {
	// Every page exists before any text is written, so that references
	// and links may point at any of them.
	o.careful = true
	defer func() { o.careful = false }()
	// A second language costs a build as much again (every layout is
	// parsed and copied for each), so one seed in three has one.
	o.bilingual = o.r.Intn(3) == 0
	for _, p := range oracleBase {
		if o.bilingual || oracleLang(p) == "" {
			o.write(p, "")
		}
	}
	o.write("content/tal/svartid.csv", o.csv())
	o.write("content/kort.png", "\x89PNG kort")
	for _, p := range o.pages() {
		o.write(p, o.pageText(p))
	}
	o.write("config.toml", o.config())
}

func (o *oracle) read(p string) string {
	if f := o.fsys[p]; f != nil {
		return string(f.Data)
	}
	return ""
}

// write replaces the file; bytes a build read are never changed in place.
func (o *oracle) write(p, text string) { o.fsys[p] = &fstest.MapFile{Data: []byte(text), Mode: 0o644} }

func (o *oracle) exists(p string) bool { return o.fsys[p] != nil }

// files lists the files below dir whose names end in suffix, sorted, so
// that a seed picks the same file every time.
func (o *oracle) files(dir, suffix string) []string {
	var out []string
	for p := range o.fsys {
		if strings.HasPrefix(p, dir+"/") && strings.HasSuffix(p, suffix) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (o *oracle) pages() []string { return o.files("content", ".md") }

// leaves are the pages that are not list pages.
func (o *oracle) leaves() []string {
	return slices.DeleteFunc(o.pages(), func(p string) bool { return strings.HasPrefix(path.Base(p), "_index.") })
}

func (o *oracle) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[o.r.Intn(len(list))]
}

// langFile is a file name in a language of the site, for ofKind: mostly
// the main language.
func (o *oracle) langFile() string {
	if o.bilingual && o.r.Intn(4) == 0 {
		return "x.en.md"
	}
	return "x.md"
}

func (o *oracle) word() string { return oracleWords[o.r.Intn(len(oracleWords))] }

// sentence is n words, now and then a glossary term among them.
func (o *oracle) sentence(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = o.word()
		if o.r.Intn(6) == 0 {
			w[i] = oracleTerms[o.r.Intn(len(oracleTerms))]
		}
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (o *oracle) title() string {
	s := o.sentence(2 + o.r.Intn(3))
	return strings.TrimSuffix(s, ".") + " " + strconv.Itoa(o.r.Intn(100))
}

// oracleKind is the kind content.Load gives a page file, from its path.
func oracleKind(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	dir, name := path.Split(rel)
	if i := strings.Index(name, "."); i >= 0 && strings.Count(name, ".") > 1 {
		name = name[:i] + ".md" // x.en.md: x.md in English
	}
	switch {
	case dir == "" && name == "_index.md":
		return "home"
	case name == "_index.md":
		return "section"
	}
	section, _, _ := strings.Cut(dir, "/")
	if k := oracleSections[section]; k != "" {
		return k
	}
	return "page"
}

// oracleLang is a page file's language suffix ("en"), "" for Danish.
func oracleLang(file string) string {
	parts := strings.Split(path.Base(file), ".")
	if len(parts) == 3 {
		return parts[1]
	}
	return ""
}

// pageText is a valid page for file's kind, with the seed's texts.
func (o *oracle) pageText(file string) string {
	kind := oracleKind(file)
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\n", o.pageTitle(file))
	if o.r.Intn(4) > 0 {
		fmt.Fprintf(&b, "description = %q\n", o.sentence(6))
	}
	if kind != "home" && o.r.Intn(3) > 0 {
		fmt.Fprintf(&b, "tags = %s\n", o.tags(file))
	}
	if path.Base(file) == "feedback.md" {
		b.WriteString("layout = \"feedback\"\n")
	}
	top, tables := o.front(kind, file)
	b.WriteString(top + tables + "+++\n\n" + o.body(file))
	return b.String()
}

// pageTitle is a term's word for a glossary page, so that the glossary
// links it; any title for other pages.
func (o *oracle) pageTitle(file string) string {
	if oracleKind(file) != "term" {
		return o.title()
	}
	name := strings.Split(path.Base(file), ".")[0]
	for _, w := range oracleTerms {
		if oracleASCII(w) == name {
			return w
		}
	}
	return oracleTerms[o.r.Intn(len(oracleTerms))]
}

func oracleASCII(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(strings.ToLower(s))
}

func (o *oracle) tags(file string) string {
	pool := []string{"job", "digital", "møder", "ret"}
	if oracleLang(file) != "" {
		pool = []string{"work", "rights"}
	}
	var ts []string
	for _, t := range pool {
		if o.r.Intn(3) == 0 {
			ts = append(ts, strconv.Quote(t))
		}
	}
	return "[" + strings.Join(ts, ", ") + "]"
}

// ofKind lists the pages of a kind in file's language.
func (o *oracle) ofKind(kind, file string) []string {
	return slices.DeleteFunc(o.pages(), func(p string) bool {
		return oracleKind(p) != kind || oracleLang(p) != oracleLang(file)
	})
}

// refs is a TOML array of content paths of up to n pages of a kind.
func (o *oracle) refs(kind, file string, n int) string {
	var out []string
	for range o.r.Intn(n + 1) {
		if p := o.pick(o.ofKind(kind, file)); p != "" {
			out = append(out, strconv.Quote(strings.TrimPrefix(p, "content/")))
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// front is the keys of a kind: top-level ones, then tables.
func (o *oracle) front(kind, file string) (top, tables string) {
	r := o.r
	switch kind {
	case "home":
		top = fmt.Sprintf("lead = %q\nfeatured = %s\n", o.sentence(4)+" "+o.link(file), o.refs("law", file, 2))
	case "section":
		top = fmt.Sprintf("sort = %q\n", []string{"weight", "date", "title"}[r.Intn(3)])
		if strings.Contains(file, "nyheder") || r.Intn(4) == 0 {
			top += fmt.Sprintf("paginate = %d\n", 2+r.Intn(2))
		}
	case "law":
		top = fmt.Sprintf("law = %q\nparagraph = \"§ %d\"\nin_short = %q\nreviewed = 2026-0%d-1%d\n",
			"Lov om "+o.word()+" ("+o.word()+"loven)", 1+r.Intn(90), o.sentence(6), 1+r.Intn(9), r.Intn(10))
	case "term":
		top = fmt.Sprintf("short = %q\n", o.sentence(5))
		if t := o.pageTitle(file); strings.ToUpper(t) == t {
			top += "abbr = \"Det Centrale Personregister\"\n"
		}
	case "news":
		top = fmt.Sprintf("date = 2026-%02d-%02d\n", 1+r.Intn(12), 1+r.Intn(28))
	case "theme":
		top = fmt.Sprintf("question = %q\ninitiatives = %s\n", o.sentence(4), o.refs("initiative", file, 2))
		tables = fmt.Sprintf("\n[[statements]]\nquote = %q\n", o.sentence(6))
	case "initiative":
		top = fmt.Sprintf("status = %q\nlatest = %q\n", []string{"planned", "in_progress", "done", "stopped"}[r.Intn(4)], o.sentence(5))
		if th := o.pick(o.ofKind("theme", file)); th != "" && r.Intn(3) > 0 {
			top += fmt.Sprintf("theme = %q\n", strings.TrimPrefix(th, "content/"))
		}
	case "principle":
		top = fmt.Sprintf("statement = %q\n", o.sentence(5))
	case "place":
		tables = "\n[address]\nstreet = \"Havnegade 1\"\ncity = \"Fjordby\"\n\n[opening_hours]\nmonday = \"09:00-15:00\"\n"
	case "figures":
		top = fmt.Sprintf("period = %q\nsource = %q\n", o.sentence(3), o.sentence(4))
		tables = fmt.Sprintf("\n[[figures]]\nlabel = %q\nvalue = %d\n\n[[charts]]\ntitle = %q\nunit = \"%%\"\n", o.sentence(2), r.Intn(100), o.sentence(2))
		if csv := o.pick(o.files(path.Dir(file), ".csv")); csv != "" && r.Intn(4) > 0 {
			tables += fmt.Sprintf("data = %q\n", path.Base(csv))
		} else {
			tables += fmt.Sprintf("\n[[charts.bars]]\nlabel = \"Ja\"\nvalue = %d\n\n[[charts.bars]]\nlabel = \"Nej\"\nvalue = %d\n", r.Intn(100), r.Intn(100))
		}
	}
	return top, tables
}

// body is a few paragraphs with links to other pages, law citations,
// glossary words, now and then a heading or an image beside the page.
func (o *oracle) body(file string) string {
	var b strings.Builder
	for range 1 + o.r.Intn(3) {
		if o.r.Intn(5) == 0 {
			fmt.Fprintf(&b, "## %s\n\n", strings.TrimSuffix(o.sentence(3), "."))
		}
		b.WriteString(o.paragraph(file))
	}
	return b.String()
}

func (o *oracle) paragraph(file string) string {
	s := o.sentence(5 + o.r.Intn(6))
	switch o.r.Intn(8) {
	case 0, 1, 2:
		s += " Se " + o.link(file) + "."
	case 3:
		s += " Læs " + o.cite() + "."
	case 4:
		if img := o.pick(o.files(path.Dir(file), ".png")); img != "" && path.Dir(img) == path.Dir(file) {
			s += fmt.Sprintf(" ![Et kort](%s)", path.Base(img))
		}
	}
	return s + "\n\n"
}

// link is a Markdown link to another page, written in one of the ways
// editors write them: a content path from the root or relative to the
// page, or a site path.
func (o *oracle) link(from string) string {
	to := o.pick(slices.DeleteFunc(o.pages(), func(p string) bool { return p == from }))
	if to == "" || o.r.Intn(40) == 0 && !o.careful {
		return "[noget, der ikke findes](/findes/ikke/)"
	}
	if o.r.Intn(40) == 0 && !o.careful {
		return "[en gammel adresse](/gammel/)" // an alias, when a page has it
	}
	rel := strings.TrimPrefix(to, "content/")
	dest := "/" + rel
	switch o.r.Intn(3) {
	case 0:
		depth := strings.Count(strings.TrimPrefix(from, "content/"), "/")
		dest = strings.Repeat("../", depth) + rel
	case 1:
		dest = oracleURL(to)
	}
	return fmt.Sprintf("[%s](%s)", o.word(), dest)
}

// oracleURL is the site path a page file gets when no slug renames it.
func oracleURL(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	lang := oracleLang(file)
	if lang != "" {
		rel = strings.TrimSuffix(rel, "."+lang+".md") + ".md"
	}
	u := "/" + strings.TrimSuffix(strings.TrimSuffix(rel, ".md"), "_index")
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	if lang != "" {
		u = "/" + lang + u
	}
	return u
}

// cite is a citation of a law explainer by its file name; now and then of
// one that does not exist.
func (o *oracle) cite() string {
	id := "findes-ikke"
	if law := o.pick(o.ofKind("law", "x.md")); law != "" && (o.careful || o.r.Intn(30) > 0) {
		id = strings.TrimSuffix(path.Base(law), ".md")
	}
	if o.r.Intn(2) == 0 {
		return fmt.Sprintf("[](lov:%s)", id)
	}
	return fmt.Sprintf("[reglerne](lov:%s)", id)
}

// csv is a chart's data: ";" with decimal commas, or "," with points.
func (o *oracle) csv() string {
	sep, dec := ";", ","
	if o.r.Intn(2) == 0 {
		sep, dec = ",", "."
	}
	b := "label" + sep + "value\n"
	for i := range 2 + o.r.Intn(3) {
		b += fmt.Sprintf("Række %d%s%d%s%d\n", i, sep, o.r.Intn(100), dec, o.r.Intn(10))
	}
	return b
}

// config is a config.toml with the seed's title, menu, contact page and
// build settings; its [sections] stay.
func (o *oracle) config() string {
	r := o.r
	var b strings.Builder
	fmt.Fprintf(&b, "title = %q\nmunicipality = \"Fjordby Kommune\"\nbaseurl = \"https://borger.fjordby.dk/\"\nlanguage = \"da\"\n", o.title())
	if o.bilingual {
		b.WriteString("\n[languages.en]\ntitle = \"The oracle\"\n")
	}
	b.WriteString("\n[contact]\nphone = \"+45 70 20 30 40\"\n")
	if c := []string{"kontakt.md", "om.md", ""}[r.Intn(3)]; c != "" {
		fmt.Fprintf(&b, "page = %q\n", c)
	}
	b.WriteString("\n[sections]\n")
	for _, s := range slices.Sorted(maps.Keys(oracleSections)) {
		fmt.Fprintf(&b, "%s = %q\n", s, oracleSections[s])
	}
	menu := []string{"lov/_index.md", "nyheder/_index.md", "tal/_index.md", "/ordliste/", "moedet/_index.md", "om.md"}
	r.Shuffle(len(menu), func(i, j int) { menu[i], menu[j] = menu[j], menu[i] })
	for _, m := range menu[:r.Intn(4)] {
		fmt.Fprintf(&b, "\n[[menu]]\npage = %q\n", m)
		if r.Intn(2) == 0 {
			fmt.Fprintf(&b, "title = %q\n", o.word())
		}
	}
	fmt.Fprintf(&b, "\n[taxonomy]\npath = \"emner\"\n\n[build]\nminify_html = %v\n", r.Intn(2) == 0)
	if r.Intn(4) == 0 {
		fmt.Fprintf(&b, "\n[lists]\nper_page = %d\n", 2+r.Intn(3))
	}
	if r.Intn(4) == 0 {
		b.WriteString("\n[glossary]\nlink_first_use = false\n")
	}
	if r.Intn(4) == 0 {
		b.WriteString("\n[feedback]\nask = false\n")
	}
	return b.String()
}

// oracleSplit splits a page at the end of its front matter; a page whose
// front matter does not close is all front matter.
func oracleSplit(text string) (front, body string) {
	if !strings.HasPrefix(text, "+++\n") {
		return "", text
	}
	i := strings.Index(text[3:], "\n+++\n")
	if i < 0 {
		return text, ""
	}
	return text[:3+i+5], text[3+i+5:]
}

// oracleSet sets a top-level front-matter key to a TOML value, adding it
// first when it is missing; the value "" removes the key.
func oracleSet(text, key, value string) string {
	front, body := oracleSplit(text)
	if front == "" {
		return text
	}
	lines := strings.Split(front, "\n")
	for i, l := range lines[1:] {
		if strings.HasPrefix(l, "[") || l == "+++" {
			break // the tables: their keys are not the page's
		}
		if strings.HasPrefix(l, key+" =") {
			if value == "" {
				lines = slices.Delete(lines, i+1, i+2)
			} else {
				lines[i+1] = key + " = " + value
			}
			return strings.Join(lines, "\n") + body
		}
	}
	if value == "" {
		return text
	}
	return "+++\n" + key + " = " + value + "\n" + strings.TrimPrefix(front, "+++\n") + body
}

// set edits a key of a page and returns the edit's paths.
func (o *oracle) set(p, key, value string) (string, []string) {
	if !o.exists(p) {
		return "", nil
	}
	o.write(p, oracleSet(o.read(p), key, value))
	if value == "" {
		return p + " -" + key, []string{p}
	}
	return p + " " + key + "=" + value, []string{p}
}

func (o *oracle) date() string {
	return fmt.Sprintf("2026-%02d-%02d", 1+o.r.Intn(12), 1+o.r.Intn(28))
}
