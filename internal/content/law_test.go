package content_test

import (
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestLawIDs(t *testing.T) {
	site := mustLoad(t, map[string]string{
		"content/lov/sygedagpenge.md": law("Sygedagpenge"),
		"content/lov/syge/frister.md": law("Frister"),
		"content/lov/klage.md":        law("Klage", `id = "klage-over-afgoerelse"`),
		"content/lov/Ret og Pligt.md": law("Ret og pligt"),
	})
	want := map[string]string{
		"sygedagpenge":          "content/lov/sygedagpenge.md",
		"frister":               "content/lov/syge/frister.md",
		"klage-over-afgoerelse": "content/lov/klage.md",
		"Ret og Pligt":          "content/lov/Ret og Pligt.md",
	}
	for id, file := range want {
		p := site.Laws[id]
		if p == nil || p.File != file {
			t.Errorf("Laws[%q] = %v, want %s", id, p, file)
			continue
		}
		if d := p.Data.(*content.Law); d.ID != id {
			t.Errorf("%s: ID %q, want %q", file, d.ID, id)
		}
	}
	if len(site.Laws) != len(want) {
		t.Errorf("%d laws, want %d", len(site.Laws), len(want))
	}
}

func TestLawIDErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"two laws with one id",
			map[string]string{"content/lov/a.md": law("A", `id = "klage"`), "content/lov/b.md": law("B", `id = "klage"`)},
			`content/lov/b.md:7:6: law id "klage" is taken by content/lov/a.md`},
		{"an id that is another law's file name",
			map[string]string{"content/lov/klage.md": law("A"), "content/lov/x.md": law("B", `id = "klage"`)},
			`content/lov/x.md:7:6: law id "klage" is taken by content/lov/klage.md`},
		{"two files of one name in two folders",
			map[string]string{"content/lov/a/frist.md": law("A"), "content/lov/b/frist.md": law("B")},
			`content/lov/b/frist.md:1:1: law id "frist" is taken by content/lov/a/frist.md`},
		{"an id that is not a slug",
			map[string]string{"content/lov/a.md": law("A", `id = "Klage over afgørelse"`)},
			`content/lov/a.md:7:6: id "Klage over afgørelse" may only hold a-z, 0-9 and -`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, tt.files)
			if got := withoutHints(errs.Errors()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
