package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/reads"
)

// funcs returns the template functions for one language; see the package
// documentation. They are bound per language so that templates need not
// pass the language around.
//
// w is the worker whose templates these are; it is nil for the parsed
// masters, which are never executed.
func (r *Renderer) funcs(lang string, ui uiStrings, w *worker) template.FuncMap {
	loc := locales[lang]
	if loc == nil {
		loc = locales["da"]
	}
	return template.FuncMap{
		"t": func(key string, args ...any) (string, error) {
			s, err := ui.get(lang, key)
			if err != nil {
				return "", err
			}
			if len(args) > 0 {
				s = fmt.Sprintf(s, args...)
			}
			return s, nil
		},
		"date":    func(d content.Date) string { return loc.date(d.Time) },
		"isodate": func(d content.Date) string { return d.ISO() },
		"url":     r.URL,
		"md":      func(s string) template.HTML { return w.md(s) },
		"page": func(ref string) *content.Page {
			// The page in this language when it has a translation, so
			// that layouts name "kontakt.md" once for every language.
			p := r.site.Ref(ref)
			w.noteRef(ref, p) // and its translations
			if t := r.site.Translation(p, lang); t != nil {
				w.notePage(t)
				return t
			}
			return p
		},
		readHook: func(file string, relations ...bool) bool {
			if !w.noting() {
				return false
			}
			w.note(reads.Template(file))
			if len(relations) > 0 {
				w.note(reads.Site) // see namesRelation
			}
			return false
		},
		"number":  loc.number,
		"percent": loc.percentage,
		"weekday": func(day string) string { return loc.weekdays[content.CanonicalWeekday(day)] },
		"tel": func(phone string) template.URL {
			// tel: links take digits and a leading +, nothing else; what is
			// left is safe, so html/template may keep the scheme.
			var b strings.Builder
			for i, c := range phone {
				if c >= '0' && c <= '9' || c == '+' && i == 0 {
					b.WriteRune(c)
				}
			}
			return template.URL("tel:" + b.String())
		},
		"pct": func(v, maxv float64) float64 {
			if maxv <= 0 {
				return 0
			}
			return v * 100 / maxv
		},
		"item":  func(p *content.Page) (template.HTML, error) { return w.item(lang, p) },
		"items": func(ps []*content.Page) (template.HTML, error) { return w.items(lang, ps) },
		"add":   func(a, b int) int { return a + b },
		"mul":   func(a, b float64) float64 { return a * b },

		"jsonld": func(v *View) (template.JS, error) { return w.jsonld(v) },
		"feeds":  r.feeds,
	}
}
