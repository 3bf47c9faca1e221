package build

import (
	"reflect"
	"strings"

	"github.com/torv/torv/internal/content"
)

// sample picks the pages whose layouts torv check's cheaper mode executes;
// every other page has only its body read (render.Renderer.Body), which
// gives the same errors for the body:
//
//   - every page whose front matter holds a Markdown link (only the
//     layouts resolve those);
//   - every page with a layout of its own;
//   - one page of every other layout, and the 404 page: a layout that
//     fails for every page fails there.
//
// A layout that fails only for some pages' data is found by build, which
// executes them all. Executing the layouts for every page of a large site
// costs about as much as build's minifying and writing together; this is
// what makes check faster than build.
func sample(pages []*content.Page) map[*content.Page]bool {
	out := map[*content.Page]bool{}
	seen := map[string]bool{}
	for _, p := range pages {
		layout := p.Common().Layout
		name := layout
		if name == "" {
			name = string(p.Kind)
		}
		if !seen[name] || layout != "" || hasMarkdownLinks(reflect.ValueOf(p.Data)) {
			seen[name] = true
			out[p] = true
		}
	}
	return out
}

// hasMarkdownLinks reports whether any text of a front-matter struct holds
// a Markdown link ("[text](address)"), which only the layouts resolve.
// Pointers (references to other pages) are not followed.
func hasMarkdownLinks(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && hasMarkdownLinks(v.Elem())
	case reflect.Pointer:
		return v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem() != reflect.TypeFor[content.Page]() &&
			!v.IsNil() && hasMarkdownLinks(v.Elem())
	case reflect.String:
		return strings.Contains(v.String(), "](")
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && v.Field(i).Kind() != reflect.Pointer && hasMarkdownLinks(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if hasMarkdownLinks(v.Index(i)) {
				return true
			}
		}
	}
	return false
}
