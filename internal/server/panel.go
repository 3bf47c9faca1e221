package server

import (
	"bytes"
	"sync"

	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/check"
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/sitepath"
)

// The findings panel: torv check's findings for the page being served,
// written by check.Panel and put before </body> with the live-reload
// script. It is only ever added to a response, never to the Output, so it
// cannot reach a built site.
//
// The findings are the build's own: with the panel on, the preview's
// Session runs the check stage (build.Options.Check), which checks each
// page on the tree the render stage parsed, and every build's snapshot
// holds the report. The panel keeps no site and parses nothing; it only
// writes a page's report as HTML, when the page is asked for, and keeps
// that until the next build that succeeds, so reloads and the other tabs
// cost nothing.

// panels makes the findings panel of the pages the preview serves.
type panels struct {
	root string // the site folder as an absolute path, for editor links; "" for none

	mu    sync.Mutex
	gen   int                          // the build the state is of
	cfg   *config.Config               // that build's
	pages map[string]*check.PageReport // site path -> report
	list  []*check.PageReport          // that build's reports, as its check.Report has them
	diags diag.List                    // that build's diagnostics: its warnings go with their page's findings
	cache map[string][]byte            // output path -> panel
}

func newPanels(root string) *panels {
	return &panels{root: root, cache: map[string][]byte{}}
}

// built takes the snapshot of build gen, which succeeded.
func (p *panels) built(gen int, u *build.Rebuild) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen, p.cfg, p.diags = gen, u.Config, u.Diags
	var list []*check.PageReport
	if u.Check != nil {
		list = u.Check.Pages
	}
	if len(list) != len(p.list) || p.pages == nil {
		p.pages = make(map[string]*check.PageReport, len(list))
		for _, r := range list {
			p.pages[r.URL] = r
		}
	} else {
		// An edit's report shares the reports of the pages it did not
		// check again (check.Report): only the others are looked at.
		for i, r := range list {
			if was := p.list[i]; was != r {
				if p.pages[was.URL] == was {
					delete(p.pages, was.URL)
				}
				p.pages[r.URL] = r
			}
		}
	}
	p.list = list
	clear(p.cache)
}

// html returns the panel of the page at output path file of build gen;
// nil for a page that is no file of the site (a list torv made, the 404
// page).
func (p *panels) html(gen int, file string) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b, ok := p.cache[file]; ok && gen == p.gen {
		return b
	}
	b := p.make(file)
	if gen == p.gen {
		p.cache[file] = b
	}
	return b
}

// make writes the panel of one page. p.mu is held.
func (p *panels) make(file string) []byte {
	rep := p.pages[sitepath.Address(file)]
	if rep == nil || p.cfg == nil {
		return nil
	}
	var extra []*diag.Error
	for _, e := range p.diags {
		if e.File == rep.File {
			extra = append(extra, e)
		}
	}
	var b bytes.Buffer
	opts := check.PanelOptions{Root: p.root}
	if p.cfg.Check.Editor != "" {
		opts.EditorURL = p.cfg.Check.EditorURL
	}
	if err := check.Panel(&b, rep, opts, extra...); err != nil {
		return nil
	}
	return b.Bytes()
}
