package content

import (
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
)

// Aliases are the old addresses of pages that moved (front matter
// aliases = ["/gammel/adresse/"]): letters to citizens print addresses,
// and a renamed page must not break them. Each alias is a site path, like
// a page's URL; the output stages turn it into a redirect for every host
// and a small page at the old address that links to the new one.

// MaxAliasLength bounds an alias: an address printed in a letter is short.
const MaxAliasLength = 200

// A Redirect is one alias and the page it leads to.
type Redirect struct {
	From string // the alias, a site path: "/gammel/adresse/"
	Page *Page
}

// Redirects returns the aliases of every page, sorted by From, without
// the ones that are errors (reported by the build).
func (s *Site) Redirects() []Redirect { return s.redirects }

// Moved returns the page that has site path u among its aliases, with
// or without its last slash; nil when none has. It is asked only for a
// link that found no page, and a site has few aliases.
func (s *Site) Moved(u string) *Page {
	key := aliasKey(u)
	for _, r := range s.redirects {
		if aliasKey(r.From) == key {
			return r.Page
		}
	}
	return nil
}

// aliasProblem says what makes a an unfit alias, or "": an alias is a
// clean path on the site, written with the characters every server's
// configuration takes as they are.
func aliasProblem(a string) string {
	switch {
	case a == "":
		return "is empty"
	case strings.Contains(a, "://") || !strings.HasPrefix(a, "/"):
		return "is not a path on the site: it must start with /"
	case strings.HasPrefix(a, "//"):
		return "starts with //, which a browser reads as another site"
	case a == "/":
		return "is the home page"
	case len(a) > MaxAliasLength:
		return "is longer than 200 characters"
	case strings.ContainsAny(a, "?#"):
		return "holds ? or #: only the path can be redirected"
	}
	for _, r := range a {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-._~/", r)) {
			return "holds " + quoteRune(r) + ": write the path with a-z, A-Z, 0-9, -, _, ., ~ and /"
		}
	}
	for seg := range strings.SplitSeq(strings.Trim(a, "/"), "/") {
		switch seg {
		case "":
			return "has an empty folder name (//)"
		case ".", "..":
			return "has a folder called " + seg
		}
	}
	return ""
}

func quoteRune(r rune) string {
	if r == ' ' {
		return "a space"
	}
	if r < ' ' || r == 0x7f {
		return "a control character"
	}
	return "\"" + string(r) + "\""
}

// aliasKey is the address an alias takes: with or without its last
// slash, "/a" and "/a/" lead to one place.
func aliasKey(a string) string { return strings.TrimSuffix(a, "/") }

// checkAliases collects the pages' aliases into Redirects, refusing an
// alias that is a page's address or a file's, or that another page (whose
// file sorts first) claims already.
func (s *Site) checkAliases(errs *diag.List) {
	s.redirects = nil
	// The pages with aliases, in file order; most sites have few or none,
	// and the preview checks the aliases again after every front-matter
	// edit.
	var files []*Page
	for _, p := range s.Pages {
		if p.File != "" && !p.recovered && len(p.Common().Aliases) > 0 {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		return
	}
	taken := map[string]*Page{} // aliasKey of every page's URL
	for _, p := range s.Pages {
		taken[aliasKey(p.URL)] = p
	}
	slices.SortFunc(files, func(a, b *Page) int { return strings.Compare(a.File, b.File) })
	claimed := map[string]*Page{}
	for _, p := range files {
		for _, a := range p.Common().Aliases {
			if aliasProblem(a) != "" {
				continue // the page's own error (validate)
			}
			key := aliasKey(a)
			at := func(format string, args ...any) *diag.Error {
				line, col := p.Pos("aliases")
				e := diag.Errorf(p.File, line, col, format, args...)
				errs.Add(e)
				return e
			}
			switch other, isPage := taken[key]; {
			case isPage && other == p:
				at("alias %s is the page's own address", a).WithHint("remove it from aliases")
			case isPage:
				at("alias %s is the address of another page, %s", a, cmpOr(other.File, "which torv makes")).
					WithHint("an alias is an old address that no page has now; remove it, or move the other page")
			case s.HasFile(strings.TrimPrefix(a, "/")):
				at("alias %s is the address of the file content%s", a, a).WithHint("remove the alias or the file")
			case claimed[key] == p:
				at("alias %s is listed twice", a).WithHint("list each old address once")
			case claimed[key] != nil:
				at("alias %s is claimed by %s too", a, claimed[key].File).
					WithHint("an old address can lead to one page only; remove it from one of them")
			default:
				claimed[key] = p
				s.redirects = append(s.redirects, Redirect{From: a, Page: p})
			}
		}
	}
	slices.SortFunc(s.redirects, func(a, b Redirect) int { return strings.Compare(a.From, b.From) })
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// termAliases splits a glossary term's aliases: there the key has named
// the other forms of the word ("CPR-nummer") since before pages had old
// addresses, and both are other names of the page. An address starts
// with /, a word never does; the words stay the term's, the addresses are
// the page's. It may run again on a page: each list is filtered, not
// moved.
func termAliases(p *Page) {
	d, ok := p.Data.(*Term)
	if !ok {
		return
	}
	isAddr := func(a string) bool { return strings.HasPrefix(a, "/") }
	d.Aliases = slices.DeleteFunc(slices.Clone(d.Aliases), isAddr)
	c := p.Common()
	c.Aliases = slices.DeleteFunc(slices.Clone(c.Aliases), func(a string) bool { return !isAddr(a) })
}

// aliases checks a page's own aliases, each alone.
func (v *validator) aliases(c *Common) {
	for _, a := range c.Aliases {
		if msg := aliasProblem(a); msg != "" {
			v.at("aliases", "alias %q %s", a, msg).
				WithHint(`write the old address as a path on this site, like aliases = ["/gammel/adresse/"]`)
		}
	}
}
