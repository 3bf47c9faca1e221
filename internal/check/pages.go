package check

import (
	"fmt"
	"time"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/language"
)

// Rules description, law-link and review-date: what the front matter
// promises the reader.

func (pc *pageCheck) frontMatter() {
	p := pc.p
	if p.Description() == "" && pc.on("description") {
		line, _ := p.Pos("title")
		pc.add("description", diag.LevelWarning, line, 1, "the page has no description",
			`add a line description = "..." with one or two sentences about the page; lists and search engines show it`)
	}
	d, ok := p.Data.(*content.Law)
	if !ok {
		return
	}
	if d.OfficialURL == "" && pc.on("law-link") {
		line, col := p.Pos("law")
		site := language.Get(pc.lang).LawSite
		pc.add("law-link", diag.LevelWarning, line, col, fmt.Sprintf("%s %s has no official link", d.Law, d.Paragraph),
			fmt.Sprintf(`add a line official_url = "%s" with the law's address, so readers can check what it says`, site))
	}
	if pc.on("review-date") {
		pc.review(d)
	}
}

// review reports a law explainer that is due for review, or past it: laws
// change, and an explanation of an old law misleads.
func (pc *pageCheck) review(d *content.Law) {
	due, key := d.ReviewBy.Time, "review_by"
	if d.ReviewBy.IsZero() {
		if d.Reviewed.IsZero() {
			return
		}
		due, key = d.Reviewed.AddDate(0, pc.c.reviewMonth, 0), "reviewed"
	}
	line, col := pc.p.Pos(key)
	now := pc.c.now
	fix := fmt.Sprintf("check the page against the law; then set reviewed = %s and review_by to the next review", now.Format(time.DateOnly))
	switch days := int(due.Sub(now).Hours() / 24); {
	case days < 0 && key == "reviewed":
		pc.add("review-date", diag.LevelError, line, col,
			fmt.Sprintf("the page was last reviewed on %s, more than %d months ago", d.Reviewed.ISO(), pc.c.reviewMonth), fix)
	case days < 0:
		pc.add("review-date", diag.LevelError, line, col,
			fmt.Sprintf("the page was due for review on %s", due.Format(time.DateOnly)), fix)
	case days == 0:
		pc.add("review-date", diag.LevelWarning, line, col,
			fmt.Sprintf("the page is due for review today, %s", due.Format(time.DateOnly)), fix)
	case days <= pc.c.reviewWarn:
		pc.add("review-date", diag.LevelWarning, line, col,
			fmt.Sprintf("the page is due for review on %s, in %s", due.Format(time.DateOnly), plural(days, "day", "days")), fix)
	}
}
