package markup_test

import (
	"bytes"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/torv/torv/internal/markup"
)

const parseBody = "\n\n\n## Hvad får du?\n\nLæs [om klager](../lov/klage.md) og ![kort](kort.png).\n\n## Hvad får du?\n\n### Ret & pligt\n"

// noLinks resolves nothing, so every destination is taken as written.
func noLinks(dest string, image bool) (string, bool, bool) { return dest, false, true }

func TestParseKeepsTheEditorsTree(t *testing.T) {
	md := markup.New()
	doc, ok := md.Parse([]byte(parseBody))
	if !ok {
		t.Fatal("Parse refused a plain body")
	}
	var levels []int
	var dests []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			levels = append(levels, n.Level)
		case *ast.Link:
			dests = append(dests, string(n.Destination))
		case *ast.Image:
			dests = append(dests, string(n.Destination))
		}
		return ast.WalkContinue, nil
	})
	if !slices.Equal(levels, []int{2, 2, 3}) {
		t.Errorf("levels %v, want [2 2 3]", levels)
	}
	if !slices.Equal(dests, []string{"../lov/klage.md", "kort.png"}) {
		t.Errorf("destinations %q, want them as written", dests)
	}
	// The heading starts on line 4 of the file: segments are offsets into
	// the body, front matter blanked.
	h := doc.FirstChild()
	if off := h.Pos(); bytes.Count([]byte(parseBody[:off]), []byte("\n")) != 3 {
		t.Errorf("the first heading's offset %d is not on line 4", off)
	}
}

var idAttr = regexp.MustCompile(`<h\d id="([^"]+)"`)

func TestHeadingIDsAreConvertsIDs(t *testing.T) {
	md := markup.New()
	var html bytes.Buffer
	if _, err := md.Convert(&html, "content/side.md", []byte(parseBody), noLinks); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range idAttr.FindAllStringSubmatch(html.String(), -1) {
		want = append(want, m[1])
	}
	if len(want) != 3 {
		t.Fatalf("Convert made %d ids: %s", len(want), html.String())
	}
	parsed, _ := md.Parse([]byte(parseBody))
	if got := markup.HeadingIDs(parsed, []byte(parseBody)); !slices.Equal(got, want) {
		t.Errorf("ids of Parse's tree %q, Convert's %q", got, want)
	}
	// A tree from an Inspector has no ids yet; HeadingIDs makes the same.
	var fromInspector []string
	insp := markup.NewInspecting(func(file string, doc *ast.Document, src []byte) {
		fromInspector = markup.HeadingIDs(doc, src)
	})
	if _, err := insp.Convert(&bytes.Buffer{}, "content/side.md", []byte(parseBody), noLinks); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(fromInspector, want) {
		t.Errorf("ids of the inspected tree %q, Convert's %q", fromInspector, want)
	}
}

func TestInspectorSeesEachBodyOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	var levels []int
	md := markup.NewInspecting(func(file string, doc *ast.Document, src []byte) {
		mu.Lock()
		defer mu.Unlock()
		seen[file]++
		if h, ok := doc.FirstChild().(*ast.Heading); ok {
			levels = append(levels, h.Level)
		}
	})
	var out bytes.Buffer
	// A law's body is shifted one level down; the inspector sees the level
	// the editor wrote.
	if _, err := md.ConvertShifted(&out, "content/lov/x.md", []byte("## Frist\n"), noLinks, 1); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("<h3")) {
		t.Errorf("the shift did not happen: %s", out.String())
	}
	if _, err := md.Convert(&out, "content/om.md", []byte("Tekst.\n"), noLinks); err != nil {
		t.Fatal(err)
	}
	// Short strings of front matter are no page body.
	if _, errs := md.Inline("Kort *fortalt*.", noLinks); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(seen) != 2 || seen["content/lov/x.md"] != 1 || seen["content/om.md"] != 1 {
		t.Errorf("inspected %v, want each page body once", seen)
	}
	if !slices.Equal(levels, []int{2}) {
		t.Errorf("the inspector saw heading levels %v, want [2]", levels)
	}
}

func TestParseRefusesWhatConvertRefuses(t *testing.T) {
	body := bytes.Repeat([]byte("[a]("), 20000)
	if _, ok := markup.New().Parse(body); ok {
		t.Error("Parse took a line of 20 000 unfinished links, which would take goldmark minutes")
	}
}

func TestCheckReportsWhatConvertReports(t *testing.T) {
	body := []byte("\n\nLæs [om klager](findes-ikke.md) og <b>fed</b>.\n\n## Om\n")
	broken := func(dest string, image bool) (string, bool, bool) { return dest, true, dest != "findes-ikke.md" }
	md := markup.New()
	want, err := md.Convert(&bytes.Buffer{}, "content/side.md", body, broken)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 {
		t.Fatalf("Convert found %v", want)
	}
	var inspected int
	insp := markup.NewInspecting(func(string, *ast.Document, []byte) { inspected++ })
	if got := insp.Check("content/side.md", body, broken); got.Error() != want.Error() {
		t.Errorf("Check found:\n%v\nConvert found:\n%v", got, want)
	}
	if inspected != 1 {
		t.Errorf("the inspector ran %d times", inspected)
	}
}
