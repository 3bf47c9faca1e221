package render

import (
	"testing"
	"text/template/parse"
)

// TestNamesRelation: a template that goes from a page to another page's
// relations must read the whole site (see record.go), and the default
// layouts' ways of naming lists must not.
func TestNamesRelation(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`{{with .Page.Parent}}{{range .Children}}{{.Title}}{{end}}{{end}}`, true},
		{`{{$p := .Page}}{{range $p.Translations}}{{.URL}}{{end}}`, true},
		{`{{(page "om.md").Children}}`, true},
		{`{{range .Page.Tags}}{{range .Pages}}{{.Title}}{{end}}{{end}}`, true},
		{`{{if .Page}}{{else}}{{.Page.Parent}}{{end}}`, true},
		{`{{template "x" .Page.Parent}}`, true},
		{`{{with .Tags}}{{range .}}{{.Name}}{{end}}{{end}}`, false}, // partials/tags.html
		{`{{range .}}{{len .Pages}}{{end}}`, false},                 // topics.html
		{`{{.Page.Title}} {{range .List}}{{item .}}{{end}}`, false}, // a list from the View
		{`{{.Page.Title}} {{items .List}}`, false},                  // partials/page-list.html
		{`{{items .Page.Parent.Children}}`, true},
		{`{{define "y"}}{{.Page.Description}}{{end}}{{template "y" .}}`, false}, // defines, no relations
	} {
		trees, err := parse.Parse("t", tc.src, "{{", "}}", map[string]any{"page": func() {}, "item": func() {}, "items": func() {}, "len": func() {}})
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		var roots []parse.Node
		for _, tr := range trees {
			roots = append(roots, tr.Root)
		}
		if got := namesRelation(roots...); got != tc.want {
			t.Errorf("%s: namesRelation = %v, want %v", tc.src, got, tc.want)
		}
	}
}
