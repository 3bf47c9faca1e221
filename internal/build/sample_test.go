package build

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/content"
)

func TestHasMarkdownLinks(t *testing.T) {
	tests := []struct {
		data content.FrontMatter
		want bool
	}{
		{&content.Plain{Common: content.Common{Title: "A", Description: "Om A."}}, false},
		{&content.Law{InShort: "Se [loven](https://example.org/)."}, true},
		{&content.Law{YouCan: []string{"Ring.", "Læs [mere om det](/lov/)."}}, true},
		{&content.Place{Address: content.Address{Street: "[Torvet](/kort/) 1"}}, true},
		{&content.Theme{Statements: []content.Statement{{Quote: "Godt [sagt](x.md)"}}}, true},
		{&content.Home{Featured: []*content.Page{{Data: &content.Plain{Common: content.Common{Description: "[x](y)"}}}}}, false},
	}
	for i, tt := range tests {
		if got := hasMarkdownLinks(reflect.ValueOf(tt.data)); got != tt.want {
			t.Errorf("%d: %v, want %v", i, got, tt.want)
		}
	}
}

// TestCheckSamplesInSiteOrder: torv check's cheaper mode executes each
// layout for the first page of the site that has it, not for the page
// the render happens to take first (long lists go first, longListsFirst).
// Folder a comes before folder b, whose list is long; the section layout
// fails for a's list only, so check finds the mistake only if it samples
// a's list, as build would.
func TestCheckSamplesInSiteOrder(t *testing.T) {
	files := map[string]string{
		"content/a/_index.md":  "+++\ntitle = \"A\"\n+++\n",
		"content/a/x.md":       "+++\ntitle = \"X\"\n+++\n\nTekst.\n",
		"content/b/_index.md":  "+++\ntitle = \"B\"\n+++\n",
		"layouts/section.html": `{{define "main"}}{{if eq .Page.Section "a"}}{{index .Page.Children 5}}{{end}}{{.Content}}{{end}}`,
	}
	for i := range longList + 6 {
		files[fmt.Sprintf("content/b/p%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"Side %d\"\n+++\n\nTekst.\n", i)
	}
	fsys := testSite(files)
	for _, opts := range []Options{{}, {CheckOnly: true}} {
		res := Build(fsys, torv.Defaults(), opts)
		var at []string
		for _, d := range res.Diags.Errors() {
			at = append(at, d.Error())
		}
		if len(at) != 1 || !strings.Contains(at[0], "while making content/a/_index.md") {
			t.Errorf("CheckOnly %v: errors %q, want one, while making content/a/_index.md", opts.CheckOnly, at)
		}
	}
}
