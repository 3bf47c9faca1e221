package markup

import (
	"bytes"
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	m := New()
	for _, s := range []string{
		"[a](javascript:alert(1))",
		"[a](jav&#x61;script:alert(1))",
		"[a](JaVaScRiPt:alert(1))",
		"<javascript:alert(1)>",
		"[a](<javascript:alert(1)>)",
		"![x](javascript:alert(1))",
		"[a](java%0ascript:alert(1))",
		"[a]( javascript:alert(1))",
		"[a][r]\n\n[r]: javascript:alert(1)",
		"[a](&#106;avascript:alert(1))",
		"[a](data:text/html;base64,PHNjcmlwdD4=)",
		"# Hvad får du?\n\n# Hvad får du?\n\n## Æble Øl Å\n\n# ???",
		"\n\n\nHej <b>x</b>\n\n<div>\nx\n</div>\n\n<!-- note -->\n\nA <!-- c --> b",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"~~x~~",
	} {
		var b bytes.Buffer
		errs, err := m.Convert(&b, "x.md", []byte(s), func(d string, img bool) (string, bool, bool) {
			fmt.Printf("  link %q img=%v\n", d, img)
			return d, false, true
		})
		fmt.Printf("%q\n=> %s   %v %v\n", s, b.String(), errs, err)
	}
}
