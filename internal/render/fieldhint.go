package render

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/torv/torv/internal/content"
	"github.com/torv/torv/internal/diag"
)

// A misspelt field in a layout ({{.Site.Config.Municipalty}}) stops every
// page with text/template's "can't evaluate field Municipalty in type
// *config.Config". fieldHint finds the type by that name among those a
// layout reaches from its dot, and suggests the field or method of it
// that is nearest, as front matter's unknown keys get "did you mean".

var cantEvaluate = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)`)

// fieldHint is "did you mean .Municipality?" for an error message that
// names a field the type does not have, and "" when there is nothing near
// it, or the message is another.
func fieldHint(msg string) string {
	m := cantEvaluate.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	t := layoutTypes()[m[2]]
	if t == nil {
		return ""
	}
	if s := diag.Suggest(m[1], memberNames(t)); s != "" {
		return "did you mean ." + s + "?"
	}
	return ""
}

// layoutTypes are the types a layout can reach from its dot, the View,
// through exported fields and methods without arguments, and the kinds'
// front-matter structs (a page's Data), by their names in text/template's
// messages ("*content.Page", "render.LangLink").
func layoutTypes() map[string]reflect.Type {
	types := map[string]reflect.Type{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			if t.Kind() == reflect.Pointer {
				types[t.String()] = t
			}
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || types[t.String()] != nil {
			return
		}
		types[t.String()] = t
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				walk(f.Type)
			}
		}
		pt := reflect.PointerTo(t)
		for i := range pt.NumMethod() {
			if m := pt.Method(i); m.Type.NumIn() == 1 && m.Type.NumOut() > 0 {
				walk(m.Type.Out(0))
			}
		}
	}
	walk(reflect.TypeOf(&View{}))
	for _, k := range content.FrontMatters() {
		walk(reflect.TypeOf(k))
	}
	return types
}

// memberNames are the exported fields (promoted ones too) and methods a
// template may name on a value of type t.
func memberNames(t reflect.Type) []string {
	pt := t
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	} else {
		pt = reflect.PointerTo(t)
	}
	var names []string
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && !strings.HasPrefix(f.Name, "_") {
				names = append(names, f.Name)
			}
		}
	}
	for i := range pt.NumMethod() {
		names = append(names, pt.Method(i).Name)
	}
	return names
}
