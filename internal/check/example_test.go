package check

import (
	"os"
	"testing"

	"github.com/torv/torv"
)

// TestExampleSite checks the repository's own example site with the
// defaults: its texts are written plainly enough to pass, so it checks
// clean, with neither errors nor warnings. A page that needs an exception
// says so with check_off and its reason, which the report lists.
func TestExampleSite(t *testing.T) {
	rep := Site(os.DirFS("../.."), torv.Defaults(), Options{Now: testDay})
	if all := rep.All(); len(all) > 0 {
		t.Errorf("the example site does not check clean:\n%s", all.Error())
	}
	if len(rep.Pages) < 40 {
		t.Errorf("only %d pages were checked", len(rep.Pages))
	}
	for _, p := range rep.Pages {
		if p.Band == BandHard {
			t.Errorf("%s has LIX %.0f", p.File, p.LIX)
		}
	}
	t.Logf("%s", rep.Summary())
}
