package markup_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/markup"
)

// citeLaws are the laws of citeLinks and fakeCite: id -> short title and
// the law page's language when it is not the citing page's.
var citeLaws = map[string]markup.Citation{
	"sygedagpenge": {Text: "Sygedagpengeloven § 7"},
	"klage":        {Text: "Retssikkerhedsloven § 67"},
	"residence":    {Text: "The residence act § 2", Lang: "en"},
	"tegn":         {Text: "Lov om <tegn> & \\tal § 1"},
}

// citeLinks is a LinkFunc of a site under /borger/ that resolves law
// citations as content.Site.ResolveLink does, and other links as
// fakeSite.
func citeLinks(dest string, image bool) (string, bool, bool) {
	id, fragment, ok := markup.CitedLaw(dest)
	if !ok {
		return fakeSite(dest, image)
	}
	if _, known := citeLaws[id]; !known {
		return dest, true, false
	}
	href := "/borger/lov/" + id + "/"
	if fragment != "" {
		href += "#" + fragment
	}
	return href, true, true
}

// fakeCite is a CiteFunc for citeLaws.
func fakeCite(dest string) markup.Citation {
	id, _, _ := markup.CitedLaw(dest)
	if c, ok := citeLaws[id]; ok {
		return c
	}
	return markup.Citation{Hint: "did you mean \"sygedagpenge\"? HINT"}
}

func TestCiteCases(t *testing.T) {
	runCases(t, "testdata/cite.txt", markup.Input{Link: citeLinks, Cite: fakeCite})
}

func TestCitedLaw(t *testing.T) {
	tests := []struct {
		dest, id, fragment string
		ok                 bool
	}{
		{"lov:sygedagpenge", "sygedagpenge", "", true},
		{"law:sygedagpenge#frist", "sygedagpenge", "frist", true},
		{"lag:sjukpenning", "sjukpenning", "", true},
		{"LOV:x", "x", "", true},
		{"lov:", "", "", true},
		{"/lov/sygedagpenge/", "", "", false},
		{"lov/sygedagpenge.md", "", "", false},
		{"https://lov.dk/", "", "", false},
		{"mailto:lov@fjordby.dk", "", "", false},
		{"lovx:y", "", "", false},
	}
	for _, tt := range tests {
		id, fragment, ok := markup.CitedLaw(tt.dest)
		if id != tt.id || fragment != tt.fragment || ok != tt.ok {
			t.Errorf("CitedLaw(%q) = %q, %q, %v; want %q, %q, %v", tt.dest, id, fragment, ok, tt.id, tt.fragment, tt.ok)
		}
	}
}

// TestUnknownLawHint: the hint comes from the page's CiteFunc, which knows
// the ids; without one (torv check's Check takes a LinkFunc only), the
// error says where ids come from.
func TestUnknownLawHint(t *testing.T) {
	md := markup.New()
	body := []byte("\n\nSe [](lov:sygdagpenge).\n")
	tests := []struct {
		name string
		errs func() []string
		want string
	}{
		{"ConvertWith", func() []string {
			var b bytes.Buffer
			errs, _ := md.ConvertWith(&b, "content/a.md", body, markup.Input{Link: citeLinks, Cite: fakeCite})
			return errStrings(errs)
		}, `content/a.md:3:4: unknown law "sygdagpenge" (did you mean "sygedagpenge"? HINT)`},
		{"CheckWith", func() []string {
			return errStrings(md.CheckWith("content/a.md", body, markup.Input{Link: citeLinks, Cite: fakeCite}))
		}, `content/a.md:3:4: unknown law "sygdagpenge" (did you mean "sygedagpenge"? HINT)`},
		{"Check without a CiteFunc", func() []string {
			return errStrings(md.Check("content/a.md", body, citeLinks))
		}, `content/a.md:3:4: unknown law "sygdagpenge" (write the id of a law explainer: its file name without .md, or its id key)`},
		{"Inline", func() []string {
			_, errs := md.InlineWith("Se [loven](lov:sygdagpenge).", markup.Input{Link: citeLinks, Cite: fakeCite})
			return errStrings(errs)
		}, `:1:4: unknown law "sygdagpenge" (did you mean "sygedagpenge"? HINT)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.errs(); len(got) != 1 || got[0] != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func errStrings(errs diag.List) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// TestCiteInline: a "Kort fortalt" or a lead may cite a law too.
func TestCiteInline(t *testing.T) {
	md := markup.New()
	got, errs := md.InlineWith("Se [](lov:sygedagpenge#frist).", markup.Input{Link: citeLinks, Cite: fakeCite})
	if want := `Se <a href="/borger/lov/sygedagpenge/#frist">Sygedagpengeloven § 7</a>.`; got != want || len(errs) > 0 {
		t.Errorf("got %q %v\nwant %q", got, errs, want)
	}
}

// TestCiteLeavesTheInspectorTheEditorsTree: torv check judges what the
// editor wrote, so its inspector sees a citation as written: no text, the
// lov: destination.
func TestCiteLeavesTheInspectorTheEditorsTree(t *testing.T) {
	var children int
	var dest string
	md := markup.NewInspecting(func(file string, doc *ast.Document, src []byte) {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				children, dest = l.ChildCount(), string(l.Destination)
			}
			return ast.WalkContinue, nil
		})
	})
	var b bytes.Buffer
	if _, err := md.ConvertWith(&b, "content/a.md", []byte("Se [](lov:sygedagpenge)."), markup.Input{Link: citeLinks, Cite: fakeCite}); err != nil {
		t.Fatal(err)
	}
	if children != 0 || dest != "lov:sygedagpenge" {
		t.Errorf("the inspector saw %d children and %q; want 0 and lov:sygedagpenge", children, dest)
	}
	if !strings.Contains(b.String(), ">Sygedagpengeloven § 7</a>") {
		t.Errorf("the page did not get the title: %s", b.String())
	}
}
