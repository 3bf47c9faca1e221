package build

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/markup"
	"github.com/torv/torv/internal/parallel"
)

// checkStage runs torv check's rules inside the pipeline: the Markdown
// converter hands it each body's tree as the render stage parses it, so a
// page is parsed once for its HTML and its findings. A page the render
// stage did not parse (an empty body) is checked on its own. The results
// of the pages an incremental build did not render are kept, and the
// report is put together from all of them after every build.
type checkStage struct {
	opts    check.Options
	c       *check.Checker
	mu      sync.Mutex
	pages   map[string]*content.Page // file -> page, of the render under way
	seen    map[string]bool          // files whose tree came in the render under way
	results map[string]check.Result  // file -> the newest check of its page
	files   []string                 // the files of list, sorted; nil when to be sorted again
	list    []check.Result           // results' values in the order of files
	added   []string                 // files put since list was made, not in it
}

func newCheckStage(site *content.Site, opts Options) *checkStage {
	return &checkStage{opts: check.Options{Now: opts.Now, Drafts: opts.Drafts}, results: map[string]check.Result{}}
}

// renew makes the checker for site, which md parses: after the site's
// shape changed, the glossary and the pages links may reach are new.
func (k *checkStage) renew(site *content.Site, md *markup.Markdown) {
	k.c = check.New(site, md, k.opts)
}

// begin starts a render of pages.
func (k *checkStage) begin(pages []*content.Page) {
	k.pages = make(map[string]*content.Page, len(pages))
	for _, p := range pages {
		if check.Wants(p) {
			k.pages[p.File] = p
		}
	}
	k.seen = map[string]bool{}
}

// inspect is the converter's Inspector: it checks the page whose body it
// parsed, once per render.
func (k *checkStage) inspect(file string, doc *ast.Document, src []byte) {
	k.mu.Lock()
	p := k.pages[file]
	first := p != nil && !k.seen[file]
	k.seen[file] = true
	k.mu.Unlock()
	if !first {
		return
	}
	res := k.c.Tree(p, doc, src)
	k.mu.Lock()
	k.put(file, res)
	k.mu.Unlock()
}

// end checks the rendered pages whose bodies were not parsed.
func (k *checkStage) end() {
	var rest []*content.Page
	for f, p := range k.pages {
		if !k.seen[f] {
			rest = append(rest, p)
		}
	}
	res := make([]check.Result, len(rest))
	parallel.Each(len(rest), func(i int) { res[i] = k.c.Plain(rest[i]) })
	for i, p := range rest {
		k.put(p.File, res[i])
	}
}

// put keeps the check of file's page; a file not checked before waits in
// added for report to merge it into the sorted list.
func (k *checkStage) put(file string, res check.Result) {
	if k.files != nil {
		if i, ok := slices.BinarySearch(k.files, file); ok {
			k.list[i] = res
		} else if _, had := k.results[file]; !had {
			k.added = append(k.added, file)
		}
	}
	k.results[file] = res
}

// termsChanged checks every page again when one of pages is a glossary
// entry: the pages an entry links to explain its term, so any page's
// glossary finding may have changed, though no page's HTML did.
func (k *checkStage) termsChanged(site *content.Site, md *markup.Markdown, pages []*content.Page) {
	if !slices.ContainsFunc(pages, func(p *content.Page) bool { return p.Kind == content.KindTerm }) {
		return
	}
	k.renew(site, md)
	var all []*content.Page
	for _, p := range site.Pages {
		if check.Wants(p) {
			all = append(all, p)
		}
	}
	res := make([]check.Result, len(all))
	parallel.Each(len(all), func(i int) { res[i] = k.c.Plain(all[i]) })
	for i, p := range all {
		k.put(p.File, res[i])
	}
}

// pageOfFile returns the page of file ("content/om.md") in site, or nil.
func pageOfFile(site *content.Site, file string) *content.Page {
	return site.PageByFile(strings.TrimPrefix(file, content.Dir+"/"))
}

// forget drops the results of pages site no longer has, after its shape
// changed.
func (k *checkStage) forget(site *content.Site) {
	for f := range k.results {
		if pageOfFile(site, f) == nil {
			delete(k.results, f) // the page went away
			k.files, k.added = nil, nil
		}
	}
}

// report puts the results of the pages site has together (forget has
// dropped the others); html gives a rendered page for anchors. After an
// edit that changed no page's file the list is sorted already, and the
// report costs a pointer per page.
func (k *checkStage) report(html check.HTMLFunc) *check.Report {
	switch {
	case k.files == nil:
		k.files = slices.Sorted(maps.Keys(k.results))
		k.list = make([]check.Result, len(k.files))
		for i, f := range k.files {
			k.list[i] = k.results[f]
		}
	case len(k.added) > 0:
		// Pages that came while the list stood (5 000 pages copied in,
		// rendered 64 at a time): merged in, not all sorted again.
		slices.Sort(k.added)
		files := make([]string, 0, len(k.files)+len(k.added))
		list := make([]check.Result, 0, cap(files))
		i, j := 0, 0
		for i < len(k.files) || j < len(k.added) {
			if j == len(k.added) || i < len(k.files) && k.files[i] < k.added[j] {
				files, list = append(files, k.files[i]), append(list, k.list[i])
				i++
			} else {
				files, list = append(files, k.added[j]), append(list, k.results[k.added[j]])
				j++
			}
		}
		k.files, k.list = files, list
	}
	k.added = k.added[:0]
	return k.c.Report(k.list, html)
}
