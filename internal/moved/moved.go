package moved

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/outdir"
)

// Records are the pages of site to remember in the manifest: those made
// from a file, with their address and title.
func Records(site *content.Site) []outdir.Page {
	if site == nil {
		return nil
	}
	var out []outdir.Page
	for _, p := range site.Pages {
		if p.File != "" {
			out = append(out, outdir.Page{File: p.File, URL: p.URL, Title: p.Title()})
		}
	}
	return out
}

// Check warns about each page of site that had another address in the
// build before (prev) that nothing keeps now.
func Check(prev []outdir.Page, site *content.Site) diag.List {
	if site == nil || len(prev) == 0 {
		return nil
	}
	kept := map[string]bool{} // addresses, without their last slash
	byFile := map[string]*content.Page{}
	for _, p := range site.Pages {
		kept[key(p.URL)] = true
		if p.File != "" {
			byFile[p.File] = p
		}
	}
	for _, r := range site.Redirects() {
		kept[key(r.From)] = true
	}
	wasFile := map[string]bool{}
	byTitle := map[string][]*content.Page{} // pages whose file is new
	for _, r := range prev {
		wasFile[r.File] = true
	}
	for _, p := range site.Pages {
		if p.File != "" && !wasFile[p.File] {
			byTitle[p.Lang+" "+p.Title()] = append(byTitle[p.Lang+" "+p.Title()], p)
		}
	}
	var errs diag.List
	for _, r := range prev {
		if kept[key(r.URL)] {
			continue
		}
		p := byFile[r.File]
		how := ""
		if p == nil {
			// A file renamed: the one new page of the old title, in the
			// old page's language.
			if c := byTitle[langOf(site, r.URL)+" "+r.Title]; r.Title != "" && len(c) == 1 {
				p, how = c[0], " (it was "+r.File+")"
			}
		}
		if p == nil {
			continue
		}
		keep := aliasLine(p, r.URL)
		if id := lawID(site, p, r.File); id != "" {
			keep += fmt.Sprintf(" and id = %q (the law's id came from its file name; with it, [](lov:%s) cites the page still)", id, id)
		}
		errs.Add(diag.Errorf(p.File, 1, 1, "the page's address was %s in the last build%s and is %s now; links and letters with the old address will break", r.URL, how, p.URL).
			WithHint("add %s to the front matter, or build again to accept the change", keep).Warning())
	}
	errs.Sort()
	return errs
}

// aliasLine is the front-matter line that keeps old for p, with the
// aliases p has already.
func aliasLine(p *content.Page, old string) string {
	var list []string
	if t, ok := p.Data.(*content.Term); ok { // a term's aliases are its words too
		for _, a := range t.Aliases {
			list = append(list, strconv.Quote(a))
		}
	}
	for _, a := range p.Common().Aliases {
		list = append(list, strconv.Quote(a))
	}
	return fmt.Sprintf("aliases = [%s]", strings.Join(append(list, strconv.Quote(old)), ", "))
}

// lawID is the id a law explainer p had when its file was old, when the
// id came from the file name then and comes from the new one now (no id
// key): renaming the file changed it, and the citations of the old id
// find no law. "" for any other page.
func lawID(site *content.Site, p *content.Page, old string) string {
	d, ok := p.Data.(*content.Law)
	if !ok {
		return ""
	}
	if was := content.FileLawID(old, site.Config); was != "" && was != d.ID && d.ID == content.FileLawID(p.File, site.Config) {
		return was
	}
	return ""
}

// langOf is the language of a site path: the one whose folder it is in.
func langOf(site *content.Site, u string) string {
	for _, l := range site.Config.SiteLanguages()[1:] {
		if strings.HasPrefix(u, site.Config.LangPrefix(l)+"/") {
			return l
		}
	}
	return site.Config.Language
}

func key(u string) string { return strings.TrimSuffix(u, "/") }
