package content

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
)

// Citing a law: any page links a law explainer by its id, as
// [](lov:sygedagpenge) or [din ret til sygedagpenge](lov:sygedagpenge#frist)
// (law: and lag: are the same; the syntax is markup.CitedLaw's). The id is
// the explainer's file name or its id key. Resolving a citation here, and
// through ResolveLink, gives the build, torv check and the preview one
// answer to where a citation goes and whether its law exists.

// Citation is a law citation in a page, resolved.
type Citation struct {
	ID   string // the law's id, as written
	Law  *Page  // the explainer cited; nil when no law has the id
	URL  string // the explainer's site path with the citation's fragment ("/lov/sygedagpenge/#frist")
	Text string // the law's short title, for a citation written without text; see Law.ShortTitle
	Lang string // the explainer's language when it is not the citing page's, else ""
	Hint string // for an unknown law: the closest id, and where ids come from
}

// Cite resolves dest, written in page from, when it is a law citation; ok
// is false when it is not one. The law is the one in from's language, or
// the main language's when from's has none (Site.Law), so an English page
// citing a law explained only in Danish links the Danish explainer, and
// Lang says so.
func (s *Site) Cite(from *Page, dest string) (c Citation, ok bool) {
	id, fragment, ok := markup.CitedLaw(dest)
	if !ok {
		return Citation{}, false
	}
	c.ID = id
	lang := s.Config.Language
	if from != nil && from.Lang != "" {
		lang = from.Lang
	}
	law := s.Law(lang, id)
	if law == nil {
		c.Hint = s.lawHint(id)
		return c, true
	}
	c.Law, c.URL = law, law.URL
	if fragment != "" {
		c.URL += "#" + (&url.URL{Fragment: fragment}).EscapedFragment()
	}
	if d, ok := law.Data.(*Law); ok {
		c.Text = d.ShortTitle()
	}
	if law.Lang != lang {
		c.Lang = law.Lang
	}
	return c, true
}

// ShortTitle is how a citation names the law: the short name that often
// follows the full one in brackets, else the name as written, and the
// paragraph. "Lov om sygedagpenge (sygedagpengeloven)" and "§ 7" give
// "Sygedagpengeloven § 7", which is what citizens and caseworkers say.
func (l *Law) ShortTitle() string {
	name := strings.TrimSpace(l.Law)
	if open := strings.LastIndex(name, "("); open > 0 && strings.HasSuffix(name, ")") {
		if short := strings.TrimSpace(name[open+1 : len(name)-1]); short != "" {
			r, n := utf8.DecodeRuneInString(short)
			name = string(unicode.ToUpper(r)) + short[n:]
		}
	}
	return strings.TrimSpace(name + " " + strings.TrimSpace(l.Paragraph))
}

// lawHint says what to write instead of an unknown law id.
func (s *Site) lawHint(id string) string {
	where := "the ids are the file names in " + s.lawFolders() + ", or the law's id key"
	if len(s.Laws) == 0 {
		return "the site has no law explainer to cite yet; add one in " + s.lawFolders()
	}
	if sug := diag.Suggest(id, slices.Sorted(maps.Keys(s.Laws))); sug != "" {
		return fmt.Sprintf("did you mean %q? The%s", sug, strings.TrimPrefix(where, "the"))
	}
	return where
}

// lawFolders names the folders of law explainers: those config.toml gives
// the kind law, else those the site's laws are in.
func (s *Site) lawFolders() string {
	var dirs []string
	for dir, kind := range s.Config.Sections {
		if Kind(kind) == KindLaw {
			dirs = append(dirs, Dir+"/"+dir+"/")
		}
	}
	if len(dirs) == 0 {
		for _, p := range s.Laws {
			if p.File != "" && !slices.Contains(dirs, path.Dir(p.File)+"/") {
				dirs = append(dirs, path.Dir(p.File)+"/")
			}
		}
	}
	if len(dirs) == 0 {
		return "a folder whose kind is law in config.toml"
	}
	slices.Sort(dirs)
	return strings.Join(dirs, " or ")
}
