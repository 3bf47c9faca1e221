package jsonld_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv"
	"github.com/torv/torv/internal/build"
	"github.com/torv/torv/internal/golden"
)

// TestGolden: each kind of JSON-LD, as the example site's pages carry it,
// is its golden file (testdata/golden/<kind>.json, indented).
func TestGolden(t *testing.T) {
	out := exampleSite(t)
	for kind, page := range map[string]string{
		"website":     "index.html",
		"office":      "steder/jobcenter-fjordby/index.html",
		"news":        "nyheder/2026-11-16-aabningstider-i-julen/index.html",
		"service":     "lov/sygedagpenge/index.html",
		"breadcrumbs": "principper/den-foerste-medarbejder-koordinerer/index.html",
	} {
		b, ok := out.Get(page)
		if !ok {
			t.Errorf("%s: no page %s", kind, page)
			continue
		}
		m := script.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s: %s has no JSON-LD", kind, page)
			continue
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, m[1], "", "  "); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		pretty.WriteByte('\n')
		golden.Check(t, "./internal/jsonld", "testdata/golden/"+kind+".json", pretty.Bytes(), *update)
	}
}

// TestKinds: each kind of page gets its type, every page below a home
// page its breadcrumbs (and only those), a home page none, and the page
// for missing addresses no JSON-LD at all.
func TestKinds(t *testing.T) {
	out := exampleSite(t)
	all := graphs(t, out)
	tests := []struct {
		page string
		want []string
	}{
		{"index.html", []string{"WebSite"}},
		{"en/index.html", []string{"WebSite"}},
		{"steder/jobcenter-fjordby/index.html", []string{"GovernmentOffice", "BreadcrumbList"}},
		{"en/steder/jobcenter-fjordby/index.html", []string{"GovernmentOffice", "BreadcrumbList"}},
		{"nyheder/2026-11-16-aabningstider-i-julen/index.html", []string{"NewsArticle", "BreadcrumbList"}},
		{"lov/sygedagpenge/index.html", []string{"GovernmentService", "BreadcrumbList"}},
		{"lov/index.html", []string{"BreadcrumbList"}},
		{"om/index.html", []string{"BreadcrumbList"}},
		{"emner/index.html", []string{"BreadcrumbList"}},
		{"404.html", nil},
	}
	for _, tt := range tests {
		blocks, ok := all[tt.page]
		if len(blocks) > 1 {
			t.Errorf("%s has %d JSON-LD blocks, want one graph", tt.page, len(blocks))
		}
		if got := types(blocks); !slices.Equal(got, tt.want) {
			t.Errorf("%s: types %v (found %v), want %v", tt.page, got, ok, tt.want)
		}
	}
	for _, page := range out.Paths() {
		if !strings.HasSuffix(page, ".html") || page == "404.html" {
			continue
		}
		if b, _ := out.Get(page); bytes.Contains(b, []byte(`http-equiv="refresh"`)) {
			continue // the page at an alias, which only takes the reader on
		}
		home := page == "index.html" || page == "en/index.html" || page == "sv/index.html"
		if has := slices.Contains(types(all[page]), "BreadcrumbList"); has == home {
			t.Errorf("%s: BreadcrumbList %v", page, has)
		}
	}
}

// TestBreadcrumbs: the list runs from the home page to the page itself,
// with absolute addresses, as the page's breadcrumbs do.
func TestBreadcrumbs(t *testing.T) {
	all := graphs(t, exampleSite(t))
	nodes := all["en/steder/jobcenter-fjordby/index.html"][0]["@graph"].([]any)
	list := nodes[len(nodes)-1].(map[string]any)["itemListElement"].([]any)
	var got []string
	for i, it := range list {
		m := it.(map[string]any)
		if m["position"] != float64(i+1) {
			t.Errorf("item %d has position %v", i, m["position"])
		}
		got = append(got, m["name"].(string)+" "+m["item"].(string))
	}
	want := []string{"How we meet you https://borger.fjordby.dk/en/", "Places https://borger.fjordby.dk/en/steder/",
		"Jobcenter Fjordby https://borger.fjordby.dk/en/steder/jobcenter-fjordby/"}
	if !slices.Equal(got, want) {
		t.Errorf("breadcrumbs\n%q\nwant\n%q", got, want)
	}
}

// TestEscaped: what an editor writes cannot end the script element or
// hide the rest of the page in a comment: the page still has one JSON-LD
// block, which reads back as the editor's text.
func TestEscaped(t *testing.T) {
	title := `Slut </script><script>alert(1)</script> <!-- & "citat" ` + "\u2028"
	fsys := fstest.MapFS{
		"config.toml":          {Data: []byte("title = \"T\"\nmunicipality = \"M </SCRIPT>\"\nbaseurl = \"https://x.example/\"\n[sections]\nnyheder = \"news\"\n")},
		"content/nyheder/a.md": {Data: []byte("+++\ntitle = '" + title + "'\ndescription = \"<!--\"\ndate = 2026-01-01\n+++\n")},
	}
	res := build.Build(fsys, torv.Defaults(), build.Options{})
	if res.Output == nil {
		t.Fatal(res.Diags)
	}
	b, _ := res.Output.Get("nyheder/a/index.html")
	head := strings.ToLower(string(b[:bytes.Index(b, []byte("</head>"))]))
	_, data, _ := strings.Cut(head, "<script type=\"application/ld+json\">")
	data, _, _ = strings.Cut(data, "</script>")
	if strings.Count(head, "<script") != 1 || strings.Count(head, "</script") != 1 || strings.Contains(data, "<!--") || !json.Valid([]byte(data)) {
		t.Fatalf("the editor's text broke out of the JSON-LD:\n%s", head)
	}
	all := graphs(t, res.Output)
	article := all["nyheder/a/index.html"][0]["@graph"].([]any)[0].(map[string]any)
	if article["headline"] != title || article["publisher"].(map[string]any)["name"] != "M </SCRIPT>" {
		t.Errorf("the text does not read back: %q", article["headline"])
	}
}
