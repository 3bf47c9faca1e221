package build

import (
	"reflect"
	"testing"

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
