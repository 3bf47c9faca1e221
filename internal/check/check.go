package check

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/parallel"
	"github.com/torv/torv/internal/sitepath"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/readability"
)

// Options changes what a check looks at.
type Options struct {
	Now     time.Time // the day review dates are judged on; zero means today
	Drafts  bool      // Site: include drafts
	BaseURL string    // Site: overrides config.toml's baseurl
}

// Report is what a check found.
type Report struct {
	Pages []*PageReport // every page from a file, by file
	Diags diag.List     // the pipeline's own errors and warnings (Site only), sorted
	Site  diag.List     // findings about the site as a whole, at config.toml (site.go)
}

// PageReport is what a check found on one page.
type PageReport struct {
	File  string
	URL   string
	Lang  string
	Stats readability.Stats // of the running text
	LIX   float64
	// Band places the LIX against the site's limits: "let" up to the
	// warning limit, "middel" up to the error limit, "svær" above it; ""
	// when the page has too few words to judge.
	Band     string
	Hardest  []Sentence // the sentences that raise the LIX most, hardest first
	Findings diag.List  // sorted
	Off      []Off      // rules the page switches off
}

// Sentence is one sentence of a page, for the hardest three.
type Sentence struct {
	Line, Col int
	Text      string // shortened to about 80 characters
	Words     int
	Long      int
	Raise     float64 // how much higher the page's LIX is for this sentence
}

// Off is a rule a page switches off, with the editor's reason.
type Off struct {
	Rule      string
	Reason    string
	Line, Col int
	Silenced  int // findings it kept out
}

// Findings returns every finding of every page, sorted.
func (r *Report) Findings() diag.List {
	if r == nil {
		return nil // no check ran: the build stopped before its pages
	}
	all := append(diag.List(nil), r.Site...)
	for _, p := range r.Pages {
		all = append(all, p.Findings...)
	}
	all.Sort()
	return all
}

// All returns the pipeline's errors and warnings and every finding, sorted.
func (r *Report) All() diag.List {
	all := append(diag.List(nil), r.Diags...)
	all = append(all, r.Findings()...)
	all.Sort()
	return all
}

// Failed reports whether anything has level error (with strict, any
// warning too).
func (r *Report) Failed(strict bool) bool { return r.All().Err(strict) != nil }

// Page returns the report of a page by its file ("content/om.md"), or nil.
func (r *Report) Page(file string) *PageReport {
	i, ok := slices.BinarySearchFunc(r.Pages, file, func(p *PageReport, f string) int { return strings.Compare(p.File, f) })
	if !ok {
		return nil
	}
	return r.Pages[i]
}

// Checker checks the pages of one site. Make it with New; its methods are
// safe for concurrent use.
type Checker struct {
	site      *content.Site
	cfg       *config.Check
	md        *markup.Markdown
	now       time.Time
	levels    levels
	jargon    map[string]*matcher // by language
	jargonAlt []string            // plain words, by phrase id
	terms     map[string]*matcher // glossary forms, by language: a term matches on pages of its own language
	termPages []*content.Page     // by phrase id
	autoLink  bool                // the build links each term's first use in a body (config.toml [glossary])
	termAbout []map[string]bool   // by phrase id: the site paths that explain the term
	termAbbr  map[string]int      // a term written in capitals -> its index in termPages
	allowLong map[string]*matcher
	vague     map[string]map[string]bool
	known     map[string]bool
	glossDir  string // where the glossary lives, for hints ("content/ordliste/")

	lixWarn, lixErr, lixMin int
	sentenceWords           int
	wordLetters             int
	reviewWarn, reviewMonth int

	pool sync.Pool // *worker
}

// New prepares the checks of a loaded site. md parses the pages the
// checker parses itself (Run, Page); nil means one made with markup.New.
func New(site *content.Site, md *markup.Markdown, opts Options) *Checker {
	if md == nil {
		md = markup.New()
	}
	cfg := &site.Config.Check
	c := &Checker{site: site, cfg: cfg, md: md, now: opts.Now, levels: newLevels(cfg),
		jargon: map[string]*matcher{}, terms: map[string]*matcher{}, termAbbr: map[string]int{},
		autoLink:  site.Config.Glossary.LinksFirstUse(),
		allowLong: map[string]*matcher{}, vague: map[string]map[string]bool{}, known: map[string]bool{},
		lixWarn: or(cfg.LIX.Warning, defaultLIXWarning), lixErr: or(cfg.LIX.Error, defaultLIXError),
		lixMin: or(cfg.LIX.MinWords, defaultLIXMinWords), sentenceWords: or(cfg.LongSentence.Words, defaultSentence),
		wordLetters: or(cfg.LongWord.Letters, defaultWordLetters),
		reviewWarn:  or(cfg.ReviewDate.WarnDays, defaultReviewWarn), reviewMonth: or(cfg.ReviewDate.Months, defaultReviewMonths)}
	if c.now.IsZero() {
		c.now = time.Now()
	}
	c.now = time.Date(c.now.Year(), c.now.Month(), c.now.Day(), 0, 0, 0, 0, time.UTC)
	if c.lixErr < c.lixWarn {
		c.lixErr = c.lixWarn
	}
	allowJargon := map[string]bool{}
	for _, a := range cfg.Jargon.Allow {
		allowJargon[normPhrase(a)] = true
	}
	var scratch []byte
	allowVague := map[string]bool{}
	for _, a := range cfg.LinkText.Allow {
		allowVague[normLinkText(a, &scratch)] = true
	}
	// Matchers for the languages the site's pages are in: most sites have
	// one.
	used := []string{site.Config.Language}
	for _, p := range site.Pages {
		if p.Lang != "" && !slices.Contains(used, p.Lang) {
			used = append(used, p.Lang)
		}
	}
	for _, lang := range used {
		m := newMatcher(lang)
		for _, e := range slices.Concat(language.Get(lang).Jargon, cfg.Jargon.Words(lang)) {
			phrase, alt, _ := strings.Cut(e, ":")
			if allowJargon[normPhrase(phrase)] {
				continue
			}
			if m.add(phrase, len(c.jargonAlt)) {
				c.jargonAlt = append(c.jargonAlt, strings.TrimSpace(alt))
			}
		}
		c.jargon[lang] = m
		v := map[string]bool{}
		for _, s := range slices.Concat(language.Get(lang).LinkTexts, cfg.LinkText.Words(lang)) {
			if n := normLinkText(s, &scratch); !allowVague[n] {
				v[n] = true
			}
		}
		c.vague[lang] = v
		al := newMatcher(lang)
		for i, w := range cfg.LongWord.Allow {
			al.add(w, i)
		}
		c.allowLong[lang] = al
		c.terms[lang] = newMatcher(lang)
	}
	for _, a := range slices.Concat(knownAbbreviations, cfg.Abbreviation.Known) {
		c.known[a] = true
	}
	for _, t := range site.Terms {
		d, ok := t.Data.(*content.Term)
		if !ok {
			continue
		}
		id := len(c.termPages)
		c.termPages = append(c.termPages, t)
		c.termAbout = append(c.termAbout, c.about(t))
		// A term is explained on pages of its own language: a Swedish
		// page has nothing to link in a Danish glossary.
		m := c.terms[t.Lang]
		if m == nil {
			m = c.terms[site.Config.Language]
		}
		for _, form := range append([]string{t.Title()}, d.Aliases...) {
			if markup.IsCapitals(form) {
				c.termAbbr[strings.TrimSpace(form)] = id
				continue
			}
			m.add(form, id)
		}
		if c.glossDir == "" && t.File != "" {
			c.glossDir = path.Dir(t.File) + "/"
		}
	}
	c.pool.New = func() any { return &worker{} }
	return c
}

// about returns the site paths that explain a glossary term: its own
// page, and the pages its entry links to ("Se [aktindsigt i din egen
// sag](/lov/aktindsigt/)"). A page that links to one of them explains the
// term, and the pages themselves are about it.
func (c *Checker) about(t *content.Page) map[string]bool {
	m := map[string]bool{t.URL: true}
	if c.md == nil || len(t.Body) == 0 {
		return m
	}
	doc, ok := c.md.Parse(t.Body)
	if !ok {
		return m
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			if to, internal, exists := c.site.ResolveLink(t, string(l.Destination)); internal && exists {
				to, _, _ = strings.Cut(to, "#")
				to, _, _ = strings.Cut(to, "?")
				m[to] = true
			}
		}
		return ast.WalkContinue, nil
	})
	return m
}

func normPhrase(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "*")))
}

// HTMLFunc returns the rendered HTML of the page at a site path ("/lov/x/"),
// or nil; anchors are looked up in it, beside the ids of the target's
// headings.
type HTMLFunc func(sitePath string) []byte

// FilesHTML makes an HTMLFunc of a build's output, whose files get
// returns by their path ("lov/x/index.html").
func FilesHTML(get func(name string) ([]byte, bool)) HTMLFunc {
	return func(sitePath string) []byte {
		b, _ := get(sitepath.File(sitePath))
		return b
	}
}

// Run checks every page of the site, parsing each with the checker's
// converter, on every core. html gives the rendered pages (nil when there
// are none, as after a failed build).
func (c *Checker) Run(html HTMLFunc) *Report {
	pages := pagesToCheck(c.site)
	results := make([]*pageResult, len(pages))
	parallel.Each(len(pages), func(i int) { results[i] = c.parseAndCheck(pages[i]) })
	return c.finish(results, fromHTML(html))
}

// Page checks one page, for the preview after an edit: anchors in other
// pages are looked up in their HTML and, when html has none, in their
// headings.
func (c *Checker) Page(p *content.Page, html HTMLFunc) *PageReport {
	if p == nil || p.File == "" {
		return nil
	}
	res := c.parseAndCheck(p)
	c.resolveAnchors([]*pageResult{res}, fromHTML(html))
	res.report.Findings.Sort()
	return res.report
}

func (c *Checker) headingIDs(p *content.Page) []string {
	doc, ok := c.md.Parse(p.Body)
	if !ok {
		return nil
	}
	return markup.HeadingIDs(doc, p.Body)
}

// pagesToCheck are the pages from files, by file.
func pagesToCheck(site *content.Site) []*content.Page {
	var out []*content.Page
	for _, p := range site.Pages {
		if Wants(p) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *content.Page) int { return strings.Compare(a.File, b.File) })
	return out
}

func (c *Checker) parseAndCheck(p *content.Page) *pageResult {
	var doc ast.Node
	if len(p.Body) > 0 {
		if d, ok := c.md.Parse(p.Body); ok {
			doc = d
		}
	}
	return c.check(p, doc, p.Body)
}

// pageResult is a checked page and what can only be judged once every
// page is checked: its links to anchors in other pages.
type pageResult struct {
	page    *content.Page
	report  *PageReport
	anchors []pendingAnchor
}

type pendingAnchor struct {
	line, col int
	dest      string // as written
	target    string // the site path of the page linked to
	frag      string
}

// finish resolves anchors across pages and assembles the report.
func (c *Checker) finish(results []*pageResult, rendered idsFunc) *Report {
	c.resolveAnchors(results, rendered)
	rep := &Report{}
	for _, r := range results {
		if r == nil {
			continue
		}
		r.report.Findings.Sort()
		rep.Pages = append(rep.Pages, r.report)
	}
	slices.SortFunc(rep.Pages, func(a, b *PageReport) int { return cmp.Compare(a.File, b.File) })
	rep.Site = c.siteFindings()
	return rep
}

// worker is one goroutine's scratch space, reused from page to page.
type worker struct {
	text    pageText
	run     readability.Text // running text: LIX and sentences
	other   readability.Text // headings and table cells
	words   []blockWords
	scratch []byte
}

// blockWords says where a block's words are.
type blockWords struct {
	t            *readability.Text
	first, n     int
	block        int
	sent0, sent1 int // its sentences, for running blocks
}
