package content

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/torv/torv/internal/diag"
)

// MaxInShortLines and MaxInShortChars bound a law's "Kort fortalt": it is
// the part every reader reads, so it has to stay short.
const (
	MaxInShortLines = 3
	MaxInShortChars = 300
)

var sortOrders = []string{"weight", "date", "title"}

// validate checks what the decoder cannot: values that depend on each
// other or on the kind, formats inside strings, and allowed words.
func validate(p *Page) diag.List {
	v := &validator{p: p}
	v.common(p.Common())
	termAliases(p)
	v.aliases(p.Common())
	switch d := p.Data.(type) {
	case *News:
		if d.Date.IsZero() {
			v.at("", "a news item needs a date").WithHint("add a line date = 2024-05-01")
		}
	case *Law:
		v.law(d)
	case *Section:
		v.section(d)
	case *Figures:
		v.figures(d)
	case *Term:
		if c := p.Common(); c.Description == "" {
			c.Description = d.Short // the list and search engines want one; short is it
		}
	case *Initiative:
		if d.Status != "" && !slices.Contains(statuses, d.Status) {
			v.at("status", "unknown status %q", d.Status).
				Hint = diag.DidYouMean(d.Status, statuses, "use planned, in_progress, done or stopped")
			d.Status = "" // reported; layouts must not trip over it again
		}
	case *Place:
		v.place(d)
	}
	return v.errs
}

// validator collects one page's errors, each at the key it is about.
type validator struct {
	p    *Page
	errs diag.List
}

// at adds an error at key's place in the front matter and returns it for
// a hint.
func (v *validator) at(key, format string, args ...any) *diag.Error {
	line, col := v.p.Pos(key)
	e := diag.Errorf(v.p.File, line, col, format, args...)
	v.errs.Add(e)
	return e
}

// common checks what every kind has: the layout and the topics.
func (v *validator) common(c *Common) {
	if c.Layout != "" && (strings.ContainsAny(c.Layout, `/\.`) || c.Layout != path.Clean(c.Layout)) {
		v.at("layout", "layout %q must be the name of a file in layouts/, without .html", c.Layout).
			WithHint(`write it like layout = "feedback"`)
		c.Layout = "" // reported; the kind's layout, not a second error that it does not exist
	}
	for i, tag := range c.Tags {
		if strings.Contains(tag, ",") {
			parts := strings.Split(tag, ",")
			for j := range parts {
				parts[j] = strconv.Quote(strings.TrimSpace(parts[j]))
			}
			v.at("tags", "topic %q holds a comma, so it would be one topic", tag).
				WithHint("write each topic in its own quotes: tags = [%s]", strings.Join(parts, ", "))
		}
		if Slugify(tag) == "" {
			v.at("tags", "topic %d in tags has no letters", i+1).WithHint(`write topics as words, like tags = ["job", "sygdom"]`)
		}
	}
}

// url checks that s, when given, is a web address.
func (v *validator) url(key, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.at(key, "%s %q is not a web address", key, s).WithHint("write the whole address, starting with https://")
	}
}

// email checks that s, when given, looks like an e-mail address.
func (v *validator) email(key, s string) {
	if s != "" && (!strings.Contains(s, "@") || strings.ContainsAny(s, " <>")) {
		v.at(key, "%s %q is not an e-mail address", key, s).WithHint(`write it like %s = "borgerservice@fjordby.dk"`, key)
	}
}

// law checks a law explainer: the length of "Kort fortalt", the dates of
// its reviews and its id, which it takes from the file name when it has
// none.
func (v *validator) law(d *Law) {
	lines := strings.Count(strings.TrimSpace(d.InShort), "\n") + 1
	if n := utf8.RuneCountInString(strings.TrimSpace(d.InShort)); lines > MaxInShortLines || n > MaxInShortChars {
		v.at("in_short", "in_short has %d lines and %d characters; at most %d lines and %d characters are allowed",
			lines, n, MaxInShortLines, MaxInShortChars).
			WithHint("keep the short version short; move the rest into the page's body")
	}
	v.url("official_url", d.OfficialURL)
	if !d.ReviewBy.IsZero() && !d.Reviewed.IsZero() && d.ReviewBy.Before(d.Reviewed.Time) {
		v.at("review_by", "review_by %s comes before reviewed %s", d.ReviewBy.ISO(), d.Reviewed.ISO()).
			WithHint("review_by is the date of the next review, after the last one")
	}
	if d.ID == "" {
		d.ID = lawIDOf(v.p.key)
	} else if Slugify(d.ID) != d.ID {
		v.at("id", "id %q may only hold a-z, 0-9 and -", d.ID).WithHint("write it like id = %q", Slugify(d.ID))
	}
}

// section checks a list page's sort order and page size.
func (v *validator) section(d *Section) {
	if d.Sort != "" && !slices.Contains(sortOrders, d.Sort) {
		v.at("sort", "unknown sort order %q", d.Sort).
			Hint = diag.DidYouMean(d.Sort, sortOrders, `use "weight", "date" or "title"`)
	}
	if d.Paginate < 0 || d.Paginate > MaxPerPage {
		v.at("paginate", "paginate = %d, but a page of a list shows from 1 to %d pages", d.Paginate, MaxPerPage).
			WithHint("write paginate = %d, or remove the line for %d pages on each page of the list", DefaultPerPage, DefaultPerPage)
		d.Paginate = 0 // reported; the list still gets pages
	}
}

// figures checks each chart's source of bars and the bars' values.
func (v *validator) figures(d *Figures) {
	for i, ch := range d.Charts {
		key := "charts." + strconv.Itoa(i)
		if ch.Data != "" && len(ch.Bars) > 0 {
			v.at(key+".data", "the chart %q has both data and [[charts.bars]]", ch.Title).
				WithHint("take its bars from the CSV file or write them as [[charts.bars]], not both")
		}
		if ch.Data != "" && !validDataName(ch.Data) {
			v.at(key+".data", "data %q must be the name of a .csv file in the page's folder", ch.Data).
				WithHint(`put the file beside the page and write its name, like data = "tilfredshed.csv"`)
			d.Charts[i].Data = "" // reported; nothing is read
		}
		for j, b := range ch.Bars {
			if b.Value < 0 {
				v.at(key+".bars."+strconv.Itoa(j)+".value", "bar %q has the value %v, below 0, which a bar chart cannot draw", b.Label, b.Value).
					WithHint("show figures below 0 as key figures ([[figures]]) instead of bars")
			}
		}
	}
}

// place checks a place's addresses and reads the hours of its exceptions.
func (v *validator) place(d *Place) {
	v.url("booking_url", d.BookingURL)
	v.email("email", d.Email)
	for i, ex := range d.Exceptions {
		key := "exceptions." + strconv.Itoa(i)
		iv, err := ParseHours(ex.Hours)
		if err != nil {
			ke := err.(*keyError)
			v.at(key+".hours", "hours: %s", ke.msg).WithHint("%s", ke.hint)
		}
		d.Exceptions[i].Intervals = iv
		if !ex.Until.IsZero() && ex.Until.Before(ex.Date.Time) {
			v.at(key+".until", "until %s comes before date %s", ex.Until.ISO(), ex.Date.ISO()).
				WithHint("until is the last day of the exception")
		}
	}
}
