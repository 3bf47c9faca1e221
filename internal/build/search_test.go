package build

import (
	"fmt"
	"os"
	"testing"

	torv "github.com/torv/torv"
	"github.com/torv/torv/internal/language"
	"github.com/torv/torv/internal/search"
)

// TestSearchAfterSave: in the preview, a page saved is found by the
// search index the preview serves, and so is a word added to a page's
// body; a page given search = false is not.
func TestSearchAfterSave(t *testing.T) {
	dir := copyExample(t)
	s := NewSession(os.DirFS(dir), torv.Defaults(), Options{})
	if r := s.Full(); r.Output == nil {
		t.Fatal(r.Diags)
	}
	first := func(out *Output, query string) string {
		t.Helper()
		x, err := search.Open(language.Get("da"), func(name string) ([]byte, error) {
			b, ok := out.Get("search/da/" + name)
			if !ok {
				return nil, fmt.Errorf("no search/da/%s", name)
			}
			return b, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := x.Search(query)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 {
			return ""
		}
		return rs[0].URL
	}
	write(t, dir, "content/vinterbadning.md", "+++\ntitle = \"Vinterbadning\"\n+++\n\nBadebroen er åben hele vinteren.\n")
	u := s.Update([]string{"content/vinterbadning.md"})
	if got := first(u.Output, "vinterbad"); got != "/vinterbadning/" {
		t.Errorf("a new page: vinterbad finds %q first, want /vinterbadning/", got)
	}
	write(t, dir, "content/om.md", read(t, dir, "content/om.md")+"\nSnebolde er ikke tilladt.\n")
	u = s.Update([]string{"content/om.md"})
	if got := first(u.Output, "snebolde"); got != "/om/" {
		t.Errorf("a body edit: snebolde finds %q first, want /om/", got)
	}
	write(t, dir, "content/vinterbadning.md", "+++\ntitle = \"Vinterbadning\"\nsearch = false\n+++\n\nBadebroen er åben hele vinteren.\n")
	u = s.Update([]string{"content/vinterbadning.md"})
	if got := first(u.Output, "vinterbadning"); got != "" {
		t.Errorf("search = false: vinterbadning finds %q", got)
	}
}
