package render_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/torv/torv/internal/reads"
)

// TestItemsIsTheRangeOfItem: items makes a list's entries as the range of
// item does, byte for byte, and the page reads what it would read with
// the range, so that the preview renders it again after the same edits;
// an entry that fails fails the list.
func TestItemsIsTheRangeOfItem(t *testing.T) {
	site := loadSite(t, map[string]string{
		"content/sider/_index.md": "+++\ntitle = \"Sider\"\n+++\n",
		"content/sider/a.md":      "+++\ntitle = \"Asger & Co\"\ndescription = \"Om <a>.\"\n+++\n",
		"content/sider/b.md":      "+++\ntitle = \"Bente\"\nweight = 2\n+++\n",
		"content/sider/c.md":      "+++\ntitle = \"Carl\"\nweight = 3\n+++\n",
	})
	item := `<li><a href="{{url .URL}}">{{.Title}}</a>{{with .Description}} {{.}}{{end}}</li>`
	render := func(list string) (string, []reads.Key) {
		t.Helper()
		r, errs := newRenderer(t, layoutFS(map[string]string{
			"layouts/section.html":            `{{define "main"}}<ul>` + list + `</ul>{{end}}`,
			"layouts/partials/page-item.html": item,
		}), site)
		if r == nil {
			t.Fatalf("render.New: %v", errs)
		}
		b, _, errs, rd := r.Render(site.PageByURL("/sider/"))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", list, errs)
		}
		return string(b), slices.Sorted(maps.Keys(rd))
	}
	want, wantReads := render("{{range .List}}{{item .}}\n{{end}}")
	got, gotReads := render("{{items .List}}")
	if !strings.Contains(want, "<li><a href=\"/borger/sider/a/\">Asger &amp; Co</a> Om &lt;a&gt;.</li>\n<li>") {
		t.Fatalf("the range of item made %q; the test shows nothing", want)
	}
	if got != want {
		t.Errorf("items made\n%s\nthe range of item\n%s", got, want)
	}
	if !slices.Equal(gotReads, wantReads) {
		t.Errorf("with items the page read %v, with the range %v", gotReads, wantReads)
	}

	r, _ := newRenderer(t, layoutFS(map[string]string{
		"layouts/section.html":            `{{define "main"}}<ul>{{items .List}}</ul>{{end}}`,
		"layouts/partials/page-item.html": `<li>{{if eq .Title "Bente"}}{{index .Tags 5}}{{end}}</li>`,
	}), site)
	if _, errs := r.Page(site.PageByURL("/sider/")); len(errs.Errors()) == 0 {
		t.Error("an entry that fails to render: no error from the list")
	}
}
