package check

import (
	"os"
	"testing"

	"github.com/torv/torv"
)

// TestExampleSite checks the repository's own example site with the
// defaults: its texts are written plainly enough to pass, so it has no
// error, and every warning it has is listed here in the log.
func TestExampleSite(t *testing.T) {
	rep := Site(os.DirFS("../.."), torv.Defaults(), Options{Now: testDay})
	if errs := rep.All().Errors(); len(errs) > 0 {
		t.Errorf("the example site has errors:\n%s", errs.Error())
	}
	for _, w := range rep.All().Warnings() {
		t.Log(w.Error())
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
