package reads

import (
	"maps"
	"strings"
)

// Key is one thing a page read.
type Key string

// The kinds of Key; the rest of a key is a site path or a name.
const (
	pagePrefix     = "p:"
	listPrefix     = "l:"
	newestPrefix   = "n:"
	refPrefix      = "r:"
	templatePrefix = "t:"
	filePrefix     = "f:"

	// Site is the list of every page of the site (.Site.Pages and the
	// like): any page that comes, goes or changes changes it.
	Site Key = "site"
	// Assets is the stylesheet and scripts, whose fingerprinted addresses
	// every page carries.
	Assets Key = "assets"
	// Miss is a link or citation that found nothing: any page or file
	// that comes may be what it wanted.
	Miss Key = "miss"
)

// Page is the page at site path url as its own file makes it: its
// address, title, dates and the rest of its front matter, and which
// translations it has.
func Page(url string) Key { return Key(pagePrefix + url) }

// PageOf returns the site path of a Page key, and false for a key of
// another kind.
func PageOf(k Key) (url string, ok bool) {
	if url, ok = strings.CutPrefix(string(k), pagePrefix); !ok {
		return "", false
	}
	return url, true
}

// List is what the page at site path url is made of other pages: the
// pages it lists and how they are split into pages, its topics and the
// pages its front matter names.
func List(url string) Key { return Key(listPrefix + url) }

// Updated is when the page at site path url last changed, which for a
// list without a date of its own is its newest page's date.
func Updated(url string) Key { return Key(newestPrefix + url) }

// Template is a layout or partial by its name below layouts/
// ("partials/nav.html", "base.html"); the page's own layout ("section")
// is named by its file ("section.html").
func Template(name string) Key { return Key(templatePrefix + name) }

// File is a file of content/ that is not a page, by its site path.
func File(sitePath string) Key { return Key(filePrefix + sitePath) }

// Ref is a page a layout or config.toml names (page "x", the menu), by the
// name given, and the site path of the page it found ("" for none): an
// edit changes it when the name finds another page, or one at last.
func Ref(ref, url string) Key { return Key(refPrefix + ref + "\n" + url) }

// Set is what one page read. The zero value is not usable; make one with
// make(Set) or New.
type Set map[Key]struct{}

// New returns an empty Set.
func New() Set { return Set{} }

// Add notes that k was read.
func (s Set) Add(k Key) { s[k] = struct{}{} }

// AddAll notes everything in o.
func (s Set) AddAll(o Set) { maps.Copy(s, o) }

// Has reports whether k was read.
func (s Set) Has(k Key) bool { _, ok := s[k]; return ok }

// Index is every page's Set, and the pages that read each key. It is not
// safe for concurrent use.
type Index struct {
	of map[string]Set              // page -> what it read
	by map[Key]map[string]struct{} // key -> the pages that read it
	// refs are the Ref keys of by: the preview asks for them after every
	// change to the site's shape, and they are few among every page's keys.
	refs map[Key]struct{}
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{of: map[string]Set{}, by: map[Key]map[string]struct{}{}, refs: map[Key]struct{}{}}
}

// Put replaces what page read with s (nil: the page is gone). Only the
// keys that differ are touched: a page rendered again mostly reads what
// it read before, and a key every page reads has a reader set as large
// as the site.
func (x *Index) Put(page string, s Set) {
	old := x.of[page]
	for k := range old {
		if _, keep := s[k]; keep {
			continue
		}
		delete(x.by[k], page)
		if len(x.by[k]) == 0 {
			delete(x.by, k)
			delete(x.refs, k)
		}
	}
	if s == nil {
		delete(x.of, page)
		return
	}
	x.of[page] = s
	for k := range s {
		if _, had := old[k]; had {
			continue
		}
		if x.by[k] == nil {
			x.by[k] = map[string]struct{}{}
			if strings.HasPrefix(string(k), refPrefix) {
				x.refs[k] = struct{}{}
			}
		}
		x.by[k][page] = struct{}{}
	}
}

// Readers adds to want every page that read one of keys.
func (x *Index) Readers(keys Set, want map[string]bool) {
	for k := range keys {
		for page := range x.by[k] {
			want[page] = true
		}
	}
}

// Refs calls yield with every Ref key any page read, its name and the
// site path it found.
func (x *Index) Refs(yield func(k Key, ref, url string)) {
	for k := range x.refs {
		if rest, ok := strings.CutPrefix(string(k), refPrefix); ok {
			ref, url, _ := strings.Cut(rest, "\n")
			yield(k, ref, url)
		}
	}
}

// Len is the number of pages in the index.
func (x *Index) Len() int { return len(x.of) }
