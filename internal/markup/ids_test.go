package markup_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/torv/torv/internal/markup"
)

// TestHeadingIDsArePerPage checks that one page's headings do not make
// another page's ids "-2", also when pages are converted at the same time
// by the build's workers.
func TestHeadingIDsArePerPage(t *testing.T) {
	md := markup.New()
	const src = "## Frist\n\n## Klage\n"
	const want = "<h2 id=\"frist\">Frist</h2>\n<h2 id=\"klage\">Klage</h2>"
	var wg sync.WaitGroup
	got := make([]string, 16)
	for i := range got {
		wg.Go(func() {
			var out bytes.Buffer
			if _, err := md.Convert(&out, "content/a.md", []byte(src), nil); err != nil {
				t.Error(err)
			}
			got[i] = strings.TrimSpace(out.String())
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("conversion %d: got %q, want %q", i, g, want)
		}
	}
}

// TestTableAlignmentNeedsNoInlineStyle: every page carries a CSP without
// 'unsafe-inline', so a style attribute on a table cell is dropped by the
// browser and a right-aligned column of amounts is not right-aligned.
func TestTableAlignmentNeedsNoInlineStyle(t *testing.T) {
	md := markup.New()
	var out bytes.Buffer
	src := "| Ydelse | Beløb |\n| :--- | ---: |\n| Sygedagpenge | 4.825 kr. |\n"
	if _, err := md.Convert(&out, "content/a.md", []byte(src), nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "<td") || !strings.Contains(out.String(), "4.825 kr.") {
		t.Fatalf("no table: %s", out.String())
	}
	if strings.Contains(out.String(), "style=") {
		t.Errorf("table alignment is written as a style attribute, which the site's CSP blocks:\n%s", out.String())
	}
}
