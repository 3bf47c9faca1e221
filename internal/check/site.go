package check

import (
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// Rules about the site as a whole, found in config.toml rather than on a
// page.

// siteFindings are the findings about the whole site: security-txt, a
// site without [security], which publishes no security.txt (RFC 9116), so
// a citizen or a researcher who finds a hole in it has no address to
// report it to. The build writes the file when the table is there and
// judges its expiry; this rule only says what to add.
func (c *Checker) siteFindings() diag.List {
	if c.site == nil || c.site.Config == nil || c.site.Config.HasSecurity() {
		return nil
	}
	level, ok := c.levels.apply("security-txt", diag.LevelWarning)
	if !ok {
		return nil
	}
	e := diag.Errorf(config.File, 0, 0, "the site publishes no security.txt: config.toml has no [security]").
		WithHint(`add [security] with contact = ["mailto:sikkerhed@kommune.dk"] and expires = a date within a year; torv then writes /.well-known/security.txt`)
	e.Level, e.Rule = level, "security-txt"
	return diag.List{e}
}
