package render_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestMinifiedListsAreSpans: with MinifyEntries, each entry is minified
// once, as it is made; a list of entries that are one li element each is
// joined without newlines, as a minifier joins li elements, and is one of
// the page's spans, which the build copies instead of minifying. A list
// of other entries (a layout's own entry template) keeps its newlines and
// is no span: the minifier reads it with the page.
func TestMinifiedListsAreSpans(t *testing.T) {
	files := map[string]string{"content/sider/_index.md": "+++\ntitle = \"Sider\"\n+++\n"}
	for i := range 10 { // one page of the list
		files[fmt.Sprintf("content/sider/s%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"Side nummer %d, om noget helt andet\"\n+++\n", i)
	}
	site := loadSite(t, files)
	// A stand-in minifier: it takes the newlines out, and counts its calls.
	calls := 0
	minify := func(e []byte) ([]byte, bool) {
		calls++
		return []byte(strings.ReplaceAll(string(e), "\n", "")), true
	}
	tests := []struct {
		name, item string
		span       bool
	}{
		{"li entries", "<li>\n<a href=\"{{url .URL}}\">{{.Title}}</a>\n</li>\n", true},
		{"li entries with a nested list", "<li>{{.Title}}<ul><li>a</li></ul></li>", true},
		{"two li elements an entry", "<li>{{.Title}}</li><li>x</li>", false},
		{"paragraph entries", "<p>\n<a href=\"{{url .URL}}\">{{.Title}}</a>\n</p>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, errs := newRenderer(t, layoutFS(map[string]string{
				"layouts/section.html":            `{{define "main"}}<ul>{{items .List}}</ul>{{items .List}}{{end}}`,
				"layouts/partials/page-item.html": tt.item,
			}), site)
			if r == nil {
				t.Fatal(errs)
			}
			r.MinifyEntries(minify)
			calls = 0
			b, spans, errs, _ := r.Render(site.PageByURL("/sider/"))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if calls != 10 {
				t.Errorf("the minifier ran %d times for 10 entries shown twice, want 10", calls)
			}
			page := string(b)
			if strings.Count(page, "Side nummer 9,") != 2 {
				t.Fatalf("the page does not show its entries twice:\n%s", page)
			}
			var lists []string
			for _, s := range spans {
				lists = append(lists, page[s.Start:s.End])
			}
			switch {
			case tt.span && (len(lists) != 1 || strings.Count(lists[0], "Side nummer") != 10 || strings.Contains(lists[0], "\n")):
				t.Errorf("want the list as one span without newlines (the same list twice is one span), got %q", lists)
			case !tt.span && len(lists) > 0:
				t.Errorf("want no span, got %q", lists)
			case !tt.span && !strings.Contains(page, "\n<"):
				t.Errorf("the entries lost their newlines:\n%s", page)
			}
		})
	}
}
