package build

import (
	"fmt"
	"os"
	"slices"
	"strings"
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
	// A part asked for pages that wait renders those first, leaves the
	// rest for later and stops.
	var waiting []string
	for u := range s.later {
		if strings.HasPrefix(u, "/mange/side-") {
			waiting = append(waiting, u)
		}
	}
	slices.Sort(waiting)
	asked := []string{"/om/", waiting[0], waiting[1]}
	left := len(s.later)
	calls := 0
	v = s.ContinueUntil(func() []string { calls++; return asked })
	if v.Pages != 2 || calls != 1 || s.later[asked[1]] || s.later[asked[2]] || len(s.later) != left-2 || v.Pending == 0 {
		t.Fatalf("ContinueUntil asked for 2 waiting pages: rendered %d, asked %d times, %d of %d pages left, %s waiting %v, %s waiting %v; want those 2 rendered, once, the rest left",
			v.Pages, calls, len(s.later), left, asked[1], s.later[asked[1]], asked[2], s.later[asked[2]])
	}
	for _, u := range asked[1:] {
		got, _ := v.Output.Get(strings.TrimPrefix(u, "/") + "index.html")
		w, _ := want.Output.Get(strings.TrimPrefix(u, "/") + "index.html")
		if len(got) == 0 || string(got) != string(w) {
			t.Errorf("%s asked for: not in the output as Build makes it", u)
		}
	}
	// Asked for a page that does not wait, it still stops after a step:
	// the request waits for the Session, not for a page.
	v = s.ContinueUntil(func() []string { return []string{"/om/"} })
	if v.Pages != continueStep {
		t.Errorf("ContinueUntil asked for a page that does not wait rendered %d pages, want %d", v.Pages, continueStep)
	}
	v = s.ContinueUntil(func() []string { return nil })
	if v.Pages != continuePages {
		t.Errorf("ContinueUntil asked for nothing rendered %d pages, want %d", v.Pages, continuePages)
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
