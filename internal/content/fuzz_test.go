package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/torv/torv/internal/config"
)

// FuzzLoad feeds arbitrary bytes to the loader as one page. Whatever an
// editor saves, Load must not panic, and every error must point into the
// file it is about. "go test" runs the seeds; "go test -fuzz FuzzLoad
// ./internal/content" searches further.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"+++\ntitle = \"A\"\n+++\n\nTekst.\n",
		"+++\ntitle = \"A\"\ndate = 2024-13-45\n+++\n",
		"+++\n[[charts]]\n[[charts.bars]]\nvalue = \"x\"\n+++\n",
		"+++\ntitle = \"\"\"\n+++\n",
		"+++\ntitle = [[[[[[[[[[\n+++\n",
		"+++\r\ntitle = \"A\"\r\n+++\r\n[x](../../../../etc/passwd)\r\n",
		"\xef\xbb\xbf+++\ntitle = \"Ø\"\nslug = \"../..\"\n+++\n",
		"+++\ntitle = \"A\"\n[opening_hours]\nmonday = \"25:00-26:00\"\n+++\n",
		"---\ntitle: A\n---\n",
		"+++",
		"",
	} {
		f.Add([]byte(seed))
	}
	cfg, errs := config.ParseBytes([]byte("title = \"T\"\nmunicipality = \"M\"\n[sections]\nsteder = \"place\"\nlov = \"law\"\ntal = \"figures\"\n"), KindNames(), KindHint)
	if len(errs) > 0 {
		f.Fatal(errs)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		for _, name := range []string{"content/a.md", "content/steder/a.md", "content/lov/a.md", "content/tal/a.md"} {
			fsys := fstest.MapFS{name: {Data: page}}
			_, errs := Load(fsys, cfg, Options{})
			lines := strings.Count(string(page), "\n") + 1
			for _, e := range errs {
				if e.File != name && e.File != Dir {
					t.Errorf("error about %q, not the page %s: %v", e.File, name, e)
				}
				if e.Line > lines {
					t.Errorf("error at line %d of a %d-line file: %v", e.Line, lines, e)
				}
			}
		}
	})
}
