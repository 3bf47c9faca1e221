package check

import (
	"slices"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/content"
)

// This file is the check stage of build's pipeline: the rules run on a
// page's tree while the pipeline has it in hand (it parses each changed
// page once), and the report is put together from the results of every
// page, those of an incremental build's untouched pages included.

// Result is the check of one page, before links to anchors in other pages
// are resolved; Report does that. A Result is not changed by Report, so
// an incremental build keeps the results of the pages it did not touch.
type Result struct{ r *pageResult }

// File is the file of the page checked.
func (r Result) File() string { return r.r.page.File }

// Tree checks page p, whose body src parsed into doc (nil for a page
// without a body).
func (c *Checker) Tree(p *content.Page, doc ast.Node, src []byte) Result {
	return Result{c.check(p, doc, src)}
}

// Plain checks page p, parsing its body itself: for a page the pipeline
// has no tree of (an empty body, which no stage parses).
func (c *Checker) Plain(p *content.Page) Result { return Result{c.parseAndCheck(p)} }

// Wants reports whether page p is checked: pages from files are, the
// pages torv makes are not, and neither is a page whose file has a mistake
// the build reports (its front matter is what could be recovered, so
// findings on it would be a second message for one mistake).
func Wants(p *content.Page) bool { return p != nil && p.File != "" && !p.Broken }

// Report puts the results together, given sorted by file (one Result a
// file), and checks every link to an anchor against the pages it names;
// html gives a page's rendered HTML for the ids the layouts add (nil when
// there is none).
//
// A result with no link to an anchor is final as checked (its findings
// were sorted then): its PageReport goes into the Report as it is, shared
// with every later Report, so that the preview's Report after an edit
// costs a pointer per page; callers must not change a PageReport. A
// result with such links is copied and its anchors resolved on the copy.
func (c *Checker) Report(results []Result, html HTMLFunc) *Report {
	rep := &Report{Pages: make([]*PageReport, 0, len(results))}
	var copies []*pageResult
	for _, r := range results {
		if r.r == nil {
			continue
		}
		if len(r.r.anchors) == 0 {
			rep.Pages = append(rep.Pages, r.r.report)
			continue
		}
		cp := *r.r
		pr := *cp.report
		pr.Findings = slices.Clone(pr.Findings)
		pr.Off = slices.Clone(pr.Off)
		cp.report = &pr
		rep.Pages = append(rep.Pages, &pr)
		copies = append(copies, &cp)
	}
	c.resolveAnchors(copies, fromHTML(html))
	for _, cp := range copies {
		cp.report.Findings.Sort()
	}
	rep.Site = c.siteFindings()
	return rep
}
