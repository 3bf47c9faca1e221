package content

import (
	"strconv"

	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// ConfigRefs reports config.toml entries that name pages that do not exist:
// the menu, the contact page and a feedback page set by name. Only a whole
// site shows them, and build, check and the preview must say the same, so
// they are found here once.
func ConfigRefs(site *Site) diag.List {
	var errs diag.List
	cfg := site.Config
	for i, m := range cfg.Menu {
		if site.Ref(m.Page) == nil {
			line, col := cfg.Pos("menu." + strconv.Itoa(i) + ".page")
			errs.Add(diag.Errorf(config.File, line, col, "the menu names %q, but there is no such page", m.Page).
				WithHint(`write the path of a file below content/, like page = "lov/_index.md"`))
		}
	}
	if p := cfg.Contact.Page; p != "" && site.Ref(p) == nil {
		line, col := cfg.Pos("contact.page")
		errs.Add(diag.Errorf(config.File, line, col, "contact page %q does not exist", p).
			WithHint(`write the path of a file below content/, like page = "kontakt.md"`))
	}
	if p := cfg.Feedback.Page; p != "" && site.Ref(p) == nil {
		line, col := cfg.Pos("feedback.page")
		errs.Add(diag.Errorf(config.File, line, col, "feedback page %q does not exist", p).
			WithHint(`write the path of a file below content/, like page = "feedback.md"`))
	}
	return errs
}
