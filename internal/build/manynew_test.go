package build

import (
	"fmt"
	"os"
	"testing"

	"github.com/torv/torv"
)

// A folder of more than ownPages new pages: UpdateFirst renders its list
// and leaves the pages for later; RenderNow renders one of them at once,
// as Build would; Continue renders the rest, and the site is Build's.
func TestManyNewPagesComeLater(t *testing.T) {
	dir := copyExample(t)
	s := NewSession(os.DirFS(dir), torv.Defaults(), Options{Check: true})
	if u := s.Full(); u.Output == nil {
		t.Fatal(u.Diags)
	}
	n := ownPages + 20
	paths := []string{"content/mange"}
	write(t, dir, "content/mange/_index.md", "+++\ntitle = \"Mange sider\"\n+++\n")
	for i := range n {
		// Each page links to the next, which may come later.
		f := fmt.Sprintf("content/mange/side-%03d.md", i)
		// And each joins a topic that has pages already, whose list waits.
		write(t, dir, f, fmt.Sprintf("+++\ntitle = \"Side %d\"\ndescription = \"Side nummer %d.\"\ntags = [\"digital\"]\n+++\n\nSe også [næste side](side-%03d.md).\n", i, i, (i+1)%n))
		paths = append(paths, f)
	}
	u := s.UpdateFirst(paths)
	if u.Output == nil {
		t.Fatal(u.Diags)
	}
	if u.Pages > n/2 || len(u.Later) < n {
		t.Fatalf("first part rendered %d pages and left %d for later; want the %d pages left", u.Pages, len(u.Later), n)
	}
	if _, ok := u.Output.Get("mange/index.html"); !ok {
		t.Error("the new folder's list is not in the first part")
	}
	if !u.Later["/emner/digital/"] {
		t.Error("the topic's list the pages joined was not left for later")
	}
	const addr, page = "/mange/side-007/", "mange/side-007/index.html"
	if _, ok := u.Output.Get(page); ok || !u.Later[addr] {
		t.Fatalf("%s: in the output %v, later %v; want it left for later", page, ok, u.Later[addr])
	}
	if s.RenderNow("/mange/") != nil || s.RenderNow("/mange/side-007") != nil || s.RenderNow("/x/") != nil {
		t.Error("RenderNow rendered a page that was not waiting")
	}
	v := s.RenderNow(addr)
	if v == nil || v.Pages != 1 || v.Later[addr] || s.RenderNow(addr) != nil {
		t.Fatalf("RenderNow(%s): %+v; want that page rendered, and no longer later", addr, v)
	}
	want := Build(os.DirFS(dir), torv.Defaults(), Options{Check: true})
	got, _ := v.Output.Get(page)
	if w, _ := want.Output.Get(page); string(got) != string(w) {
		t.Errorf("%s rendered at once differs from Build's:\n%s", page, lineDiff(string(got), string(w)))
	}
	for v.Pending > 0 {
		v = s.Continue()
	}
	sameAsBuild(t, dir, v, Options{Check: true})
	// The check's report holds every page, in Build's order, with
	// Build's findings: the pages that came later were merged into it.
	if len(v.Check.Pages) != len(want.Check.Pages) {
		t.Fatalf("the report has %d pages, Build's %d", len(v.Check.Pages), len(want.Check.Pages))
	}
	for i, pr := range v.Check.Pages {
		if w := want.Check.Pages[i]; pr.File != w.File || pr.Findings.Error() != w.Findings.Error() {
			t.Fatalf("report page %d: %s %q, Build's %s %q", i, pr.File, pr.Findings.Error(), w.File, w.Findings.Error())
		}
	}
}
