package content

import (
	"cmp"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/parallel"
)

// Site is everything Load read: the pages and how they hang together.
type Site struct {
	Config *config.Config
	Home   *Page
	Pages  []*Page // every page, generated ones included, sorted by URL
	Topics []*Topic
	Terms  []*Page          // glossary terms, A–Å
	Laws   map[string]*Page // law explainers by id
	Files  []string         // other files below content/, copied as they are

	byURL  map[string]*Page
	byFile map[string]*Page            // by path relative to content/ ("lov/x.md")
	homes  map[string]*Page            // by language
	laws   map[string]map[string]*Page // language -> id -> law explainer
	// letters is each language's A–Å index, by language (search.go).
	letters map[string][]*Letter

	redirects []Redirect // the pages' aliases (alias.go)
}

func newSite(cfg *config.Config) *Site {
	return &Site{Config: cfg, Laws: map[string]*Page{},
		byURL: map[string]*Page{}, byFile: map[string]*Page{},
		homes: map[string]*Page{}, laws: map[string]map[string]*Page{}, letters: map[string][]*Letter{}}
}

// addAll adds pages in the order of their file paths: of two pages at one
// URL, the one whose path sorts first keeps it and the error is at the
// other, however the files were read (in parallel, or some again after an
// edit in the preview). Every later loop over the pages (law ids, lists)
// then sees one order too. A page whose slug gives it another address
// than its file name comes after the pages at their files' addresses: of
// two pages at one address, the slug is what claimed another's (see add).
// Pages that were recovered from a broken front matter come after all
// others: a guessed address must not take a page's own, nor put an error
// in a file the editor did not touch.
func (s *Site) addAll(pages []*Page, errs *diag.List) {
	if len(s.byURL) == 0 {
		// Room for the pages and the list pages link makes: grown a
		// doubling at a time, the maps cost more than filling them.
		s.byURL = make(map[string]*Page, len(pages)+len(pages)/8)
		s.byFile = make(map[string]*Page, len(pages))
	}
	rank := func(p *Page) int {
		switch {
		case p.recovered:
			return 2
		case len(p.addrs) > 0: // a slug's address, and its file's
			return 1
		}
		return 0
	}
	slices.SortFunc(pages, func(a, b *Page) int {
		return cmp.Or(rank(a)-rank(b), strings.Compare(a.File, b.File))
	})
	for _, p := range pages {
		s.add(p, errs)
	}
}

// add registers a parsed page, refusing a second page at a taken URL.
func (s *Site) add(p *Page, errs *diag.List) {
	if len(p.addrs) > 0 {
		// The first address that is free, chosen anew in every Site: a
		// page that read keeps its own (see addAll). A recovered page
		// without one is left out, and no error added to its file's; a
		// page whose slug wants a taken address keeps its file's, and the
		// slug line gets the one error, so that the pages that link to it
		// by that address or list it find it as before the slug.
		i := slices.IndexFunc(p.addrs, func(u string) bool { return s.byURL[u] == nil })
		switch {
		case i < 0 && p.recovered:
			return
		case i > 0 && !p.recovered:
			line, col := p.Pos("slug")
			errs.Add(diag.Errorf(p.File, line, col, "slug %q gives the page the address %s, which %s has", p.Common().Slug, p.addrs[0], s.byURL[p.addrs[0]].File).
				WithHint("choose another slug, or remove the slug line to keep the address %s", p.addrs[i]))
		}
		p.URL = p.addrs[max(i, 0)]
	}
	if first, taken := s.byURL[p.URL]; taken {
		line, col := p.Pos("slug")
		errs.Add(diag.Errorf(p.File, line, col, "the page's address %s is taken by %s", p.URL, first.File).
			WithHint("give one of them another file name or slug"))
		return
	}
	s.byURL[p.URL] = p
	s.byFile[strings.TrimPrefix(p.File, Dir+"/")] = p
	s.Pages = append(s.Pages, p)
}

// PageByURL returns the page at a site path ("/lov/x/"), or nil.
func (s *Site) PageByURL(u string) *Page { return s.byURL[u] }

// PageByFile returns the page of a content path ("lov/x.md"), or nil.
func (s *Site) PageByFile(f string) *Page { return s.byFile[strings.TrimPrefix(f, "/")] }

// Ref finds a page by content path ("lov/x.md") or site path ("/lov/x/").
func (s *Site) Ref(ref string) *Page {
	if ref == "" {
		return nil
	}
	if strings.HasSuffix(ref, ".md") {
		if p := s.PageByFile(ref); p != nil {
			return p
		}
		if path.Base(ref) != "_index.md" {
			return nil
		}
		// A folder without _index.md still has its generated list page.
		ref = path.Dir(ref)
	}
	u := "/" + strings.Trim(ref, "/") + "/"
	if u == "//" {
		u = "/"
	}
	return s.byURL[u]
}

// HasFile reports whether a site path is a file copied from content/.
func (s *Site) HasFile(sitePath string) bool {
	_, ok := slices.BinarySearch(s.Files, strings.TrimPrefix(sitePath, "/"))
	return ok
}

// link builds the tree (parents, children, generated list pages), the
// topics, the glossary and the law index, and resolves references between
// pages.
func (s *Site) link(errs *diag.List) {
	slices.Sort(s.Files)
	// Folders without _index.md get a generated list page, and so does the
	// site without a home page: it lists the top-level folders.
	for _, l := range s.Config.SiteLanguages() {
		u := s.Config.LangPrefix(l) + "/"
		if s.byURL[u] == nil {
			h := s.generated(u, KindHome, s.Config.TitleIn(l))
			h.Lang, h.key = l, "_index.md"
		}
		s.homes[l] = s.byURL[u]
	}
	s.Home = s.byURL["/"]
	// Parents, making list pages for folders that have none.
	for i := 0; i < len(s.Pages); i++ { // s.Pages grows while we walk it
		p := s.Pages[i]
		if p.Kind == KindHome { // each language's home is a root
			continue
		}
		parentURL := path.Dir(strings.TrimSuffix(p.URL, "/")) + "/"
		if parentURL == "//" {
			parentURL = "/"
		}
		parent := s.byURL[parentURL]
		if parent == nil {
			// Title the list page after the folder as the editor named it
			// ("ældre", not the URL's "aeldre").
			dir := parentDir(p)
			name := []rune(path.Base(dir))
			parent = s.generated(parentURL, KindSection, strings.ToUpper(string(name[:1]))+string(name[1:]))
			rel := strings.TrimPrefix(dir, Dir+"/")
			parent.Section, _, _ = strings.Cut(rel, "/")
			parent.dir, parent.Lang, parent.key = dir, p.Lang, rel+"/_index.md"
		}
		p.Parent = parent
		parent.Children = append(parent.Children, p)
	}
	for _, p := range s.Pages {
		p.setTitleKey()
	}
	rankTitles(s.Pages)
	s.translations()
	s.untitledLists(errs)
	s.topics()
	s.searchPages(errs)
	for _, p := range s.Pages {
		switch d := p.Data.(type) {
		case *Term:
			s.Terms = append(s.Terms, p)
		case *Law:
			byID := s.laws[p.Lang]
			if byID == nil {
				byID = map[string]*Page{}
				s.laws[p.Lang] = byID
			}
			if first := byID[d.ID]; first != nil {
				if p.recovered { // recovered pages come last: the id is another's
					continue
				}
				line, col := p.Pos("id")
				errs.Add(diag.Errorf(p.File, line, col, "law id %q is taken by %s", d.ID, first.File).
					WithHint(`give this law another id, like id = "%s-2"`, d.ID))
				continue
			}
			byID[d.ID] = p
			// Laws holds the main language's explainers, and any law
			// explained only in another language.
			if first := s.Laws[d.ID]; first == nil || (p.Lang == s.Config.Language && first.Lang != p.Lang) {
				s.Laws[d.ID] = p
			}
		case *Home:
			d.Featured = s.refs(p, "featured", d.FeaturedRefs, "", errs)
		case *Theme:
			d.Initiatives = s.refs(p, "initiatives", d.InitiativeRefs, KindInitiative, errs)
		case *Initiative:
			if d.ThemeRef != "" {
				if t := s.refs(p, "theme", []string{d.ThemeRef}, KindTheme, errs); len(t) == 1 {
					d.Theme = t[0]
				}
			}
		}
	}
	s.themeInitiatives()
	// Each list is sorted on its own, the lists at once: the preview
	// sorts them all again after every edit of a front matter.
	var lists []*Page
	for _, p := range s.Pages {
		if p.IsList() && p.Kind != KindTopics && len(p.Children) > 1 {
			lists = append(lists, p)
		}
	}
	parallel.Each(len(lists), func(i int) { sortChildren(lists[i]) })
	slices.SortFunc(s.Terms, byTitle)
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	s.paginate(errs) // it needs sorted lists, and keeps Pages sorted
	s.checkAliases(errs)
}

// refs resolves content paths or URLs named in front matter under key.
func (s *Site) refs(p *Page, key string, refs []string, want Kind, errs *diag.List) []*Page {
	if p.recovered {
		errs = &diag.List{} // see Page.recovered
	}
	var out []*Page
	for _, r := range refs {
		t := s.Ref(r)
		if t == nil {
			line, col := p.Pos(key)
			errs.Add(diag.Errorf(p.File, line, col, "%s names %q, but there is no such page", key, r).
				WithHint("write the path of a file below content/, like \"lov/sygedagpenge.md\""))
			continue
		}
		if want != "" && t.Kind != want {
			line, col := p.Pos(key)
			errs.Add(diag.Errorf(p.File, line, col, "%s names %q, which is a %s page, not a %s page", key, r, t.Kind, want).
				WithHint("name a page of kind %s here, from a folder whose kind is %s in config.toml", want, want))
			continue
		}
		out = append(out, t)
	}
	return out
}

// parentDir returns the folder (below the site folder) that holds page p:
// content/lov for content/lov/x.md and for content/lov/sub/_index.md.
func parentDir(p *Page) string {
	switch {
	case p.File == "":
		return path.Dir(p.dir)
	case path.Base(p.File) == "_index.md":
		return path.Dir(path.Dir(p.File))
	}
	return path.Dir(p.File)
}

// untitledLists warns about a folder's list page made for a language
// whose _index file is missing while another language has one: the list
// is titled after the folder ("Nyheder" on the English site), which the
// editor did not choose. The warning is at the folder's first page of
// that language, the file that made the list.
func (s *Site) untitledLists(errs *diag.List) {
	for _, p := range s.Pages {
		if p.File != "" || p.Kind != KindSection {
			continue
		}
		var titled *Page
		for _, t := range p.Translations {
			if t.File != "" {
				titled = t
				break
			}
		}
		file := firstFile(p)
		if titled == nil || file == "" {
			continue
		}
		index := path.Join(path.Dir(titled.File), "_index."+p.Lang+".md")
		if p.Lang == s.Config.Language {
			index = path.Join(path.Dir(titled.File), "_index.md")
		}
		errs.Add(diag.Errorf(file, 1, 1, "the list page %s has no %s, so it is titled %q after the folder",
			p.URL, path.Base(index), p.Title()).
			WithHint("add %s with the list's title in this language", index).Warning())
	}
}

func (s *Site) generated(u string, kind Kind, title string) *Page {
	var data FrontMatter
	switch kind {
	case KindHome:
		data = &Home{Common: Common{Title: title}}
	default:
		data = &Section{Common: Common{Title: title}}
	}
	p := &Page{Kind: kind, URL: u, Lang: s.Config.Language, Data: data}
	s.byURL[u] = p
	s.Pages = append(s.Pages, p)
	return p
}

func (s *Site) topics() {
	for _, lang := range s.Config.SiteLanguages() {
		s.topicsIn(lang)
	}
}

// topicNames are the topic index's title per language: content knows no UI
// strings, and the layouts title the index with their own.
var topicNames = map[string]string{"da": "Emner", "sv": "Ämnen", "nb": "Emner", "en": "Topics"}

// topicsIn collects the topics of lang's pages; each language has its own,
// under its own folder (/emner/, /en/emner/).
func (s *Site) topicsIn(lang string) {
	byName := map[string]*Topic{}
	slugs := map[string]string{} // a site has tens of tags on thousands of pages
	var topics []*Topic
	prefix := s.Config.LangPrefix(lang)
	for _, p := range s.Pages {
		if p.Lang != lang {
			continue
		}
		for _, name := range p.Common().Tags {
			slug, ok := slugs[name]
			if !ok {
				slug = Slugify(name)
				slugs[name] = slug
			}
			if slug == "" {
				continue
			}
			t := byName[slug]
			if t == nil {
				t = &Topic{Name: name, Slug: slug, Lang: lang, URL: prefix + "/" + s.Config.Taxonomy.Path + "/" + slug + "/"}
				byName[slug] = t
				topics = append(topics, t)
			}
			t.Pages = append(t.Pages, p)
			p.Tags = append(p.Tags, t)
		}
	}
	if len(topics) == 0 {
		return
	}
	slices.SortFunc(topics, func(a, b *Topic) int { return language.Get(lang).Compare(a.Name, b.Name) })
	s.Topics = append(s.Topics, topics...)
	index := &Page{Kind: KindTopics, URL: prefix + "/" + s.Config.Taxonomy.Path + "/", Lang: lang,
		Data: &Section{Common: Common{Title: cmp.Or(topicNames[lang], "Emner")}}, Parent: s.HomeOf(lang)}
	if taken := s.byURL[index.URL]; taken != nil {
		index = taken // a content folder of that name: it becomes the index
		index.Kind = KindTopics
	} else {
		s.byURL[index.URL] = index
		s.Pages = append(s.Pages, index)
	}
	parallel.Each(len(topics), func(i int) { sortByDate(topics[i].Pages) })
	for _, t := range topics {
		t.Page = &Page{Kind: KindTopic, URL: t.URL, Lang: lang,
			Data: &Section{Common: Common{Title: t.Name}}, Parent: index, Children: t.Pages,
			titleKey: language.Get(lang).CollateKey(t.Name)}
		if s.byURL[t.URL] == nil {
			s.byURL[t.URL] = t.Page
			s.Pages = append(s.Pages, t.Page)
		}
	}
}

// TopicsIn returns the topics of lang's pages, in its alphabetical order.
func (s *Site) TopicsIn(lang string) []*Topic {
	var out []*Topic
	for _, t := range s.Topics {
		if t.Lang == lang {
			out = append(out, t)
		}
	}
	return out
}

// Topic returns the topic of a generated topic page.
func (s *Site) Topic(p *Page) *Topic {
	for _, t := range s.Topics {
		if t.Page == p {
			return t
		}
	}
	return nil
}

func sortChildren(p *Page) {
	order := "weight"
	if d, ok := p.Data.(*Section); ok && d.Sort != "" {
		order = d.Sort
	} else if len(p.Children) > 0 && p.Children[0].Kind == KindNews {
		order = "date"
	}
	switch order {
	case "date":
		sortByDate(p.Children)
	case "title":
		slices.SortFunc(p.Children, func(a, b *Page) int {
			if c := byTitle(a, b); c != 0 {
				return c
			}
			return strings.Compare(a.URL, b.URL)
		})
	default:
		sortBy(p.Children, func(p *Page) int { return p.Weight() }, cmp.Compare[int])
	}
}

// sortByDate puts the newest first, then by title.
func sortByDate(pages []*Page) {
	sortBy(pages, func(p *Page) time.Time { return p.Date().Time }, func(a, b time.Time) int { return b.Compare(a) })
}

// sortBy sorts pages by a key taken once from each page, then by title,
// then by address, which no two pages share: so the order is total, and a
// quick sort gives the order a stable sort would for any order the pages
// came in. A comparison that read the front matter would cost an
// interface call per page per comparison (Page.Common), and the preview
// sorts every list again after each edit of a front matter: at 10 000
// pages that was a fifth of a title edit's time.
func sortBy[K any](pages []*Page, key func(*Page) K, compare func(a, b K) int) {
	type keyed struct {
		k    K
		rank int32 // titleRank, so that a tie need not reach the page
		p    *Page
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{key(p), p.titleRank, p}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		// Not cmp.Or, which compares the titles and the addresses of
		// every pair it is given: its arguments are all evaluated.
		if c := compare(a.k, b.k); c != 0 {
			return c
		}
		if c := titleOrder(a.rank, b.rank, a.p, b.p); c != 0 {
			return c
		}
		return strings.Compare(a.p.URL, b.p.URL)
	})
	for i := range ks {
		pages[i] = ks[i].p
	}
}

// byTitle orders pages by title in their language's alphabetical order
// (language.CollateKey).
func byTitle(a, b *Page) int { return titleOrder(a.titleRank, b.titleRank, a, b) }

// titleOrder is byTitle of a and b, whose titleRanks are ra and rb: the
// ranks when both have one, else the keys.
func titleOrder(ra, rb int32, a, b *Page) int {
	if ra > 0 && rb > 0 {
		return cmp.Compare(ra, rb)
	}
	return strings.Compare(a.titleKey, b.titleKey)
}

// rankTitles gives each page a titleRank: its place in the order of
// titleKey, pages with one key alike. link sorts the site's lists by
// their keys (weight, date) and then by title, thousands of pages at a
// time and again after each edit in the preview that adds a page, and
// comparing two numbers costs less than reaching two pages' keys: one sort
// of the titles here, instead of one in every list. A page made after
// this, and one whose title changed since (Patch), has none, and byTitle
// compares its key, which orders it as its rank would.
func rankTitles(pages []*Page) {
	type keyed struct {
		k string
		p *Page
	}
	ks := make([]keyed, len(pages))
	for i, p := range pages {
		ks[i] = keyed{p.titleKey, p}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.k, b.k) })
	r := int32(0)
	for i, k := range ks {
		if i == 0 || k.k != ks[i-1].k {
			r++
		}
		k.p.titleRank = r
	}
}

// ResolveLink interprets a link written in page from: a content path
// ("../lov/x.md", "/lov/x.md"), a site path ("/lov/x/") or a path relative
// to the page's URL ("../x/"). It returns the site path with query and
// fragment kept, and whether it exists. A relative path to a file other
// than a page ("kort.png") is read from the page's own folder. External links (with a scheme or
// host) are returned as they are with internal false.
func (s *Site) ResolveLink(from *Page, dest string) (resolved string, internal, exists bool) {
	// Law citations, lov:sygedagpenge: see cite.go.
	if c, ok := s.Cite(from, dest); ok {
		if c.Law == nil {
			return dest, true, false
		}
		return c.URL, true, true
	}
	// End of law citations.
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return dest, false, true
	}
	if u.Path == "" { // "#anchor" on the same page
		return dest, true, true
	}
	var target string
	if strings.HasSuffix(u.Path, ".md") {
		base := "/" + path.Dir(strings.TrimPrefix(from.File, Dir+"/"))
		file := u.Path
		if !strings.HasPrefix(file, "/") {
			file = path.Join(base, file)
		}
		if p := s.PageByFile(path.Clean(file)); p != nil {
			target = p.URL
		} else {
			return dest, true, false
		}
	} else {
		target = u.Path
		switch {
		case strings.HasPrefix(target, "/"):
		case path.Ext(target) != "" && from.File != "":
			// A file (an image, a PDF) is found beside the page's file,
			// where the editor sees it, not beside its URL.
			target = path.Join("/"+path.Dir(strings.TrimPrefix(from.File, Dir+"/")), target)
		default:
			target = path.Join(from.URL, target)
		}
		target = path.Clean(target)
		if !s.HasFile(target) && target != "/" {
			target += "/"
		}
		if s.byURL[target] == nil && !s.HasFile(target) {
			moved := s.Moved(target)
			if moved == nil {
				return dest, true, false
			}
			// An old address (an alias) leads to the page that has
			// it, directly, not through its redirect.
			target = moved.URL
		}
	}
	out := target
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out, true, true
}
