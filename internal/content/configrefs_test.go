package content_test

import (
	"testing"

	"github.com/torv/torv/internal/content"
)

func TestConfigRefs(t *testing.T) {
	tests := []struct{ name, config, want string }{
		{"all found", testConfig + "[contact]\npage = \"om.md\"\n[[menu]]\npage = \"lov/_index.md\"\n[feedback]\npage = \"om.md\"\n", ""},
		{"a menu entry without its page", testConfig + "[[menu]]\npage = \"lvo/_index.md\"\n",
			`config.toml:11:8: the menu names "lvo/_index.md", but there is no such page`},
		{"a missing contact page", testConfig + "[contact]\npage = \"kontakt.md\"\n",
			`config.toml:11:8: contact page "kontakt.md" does not exist`},
		{"a missing feedback page", testConfig + "[feedback]\npage = \"mening.md\"\n",
			`config.toml:11:8: feedback page "mening.md" does not exist`},
		// feedback.md is only the default: a site without it asks nothing.
		{"no feedback page by default", testConfig, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, map[string]string{
				"config.toml":      tt.config,
				"content/om.md":    page("Om"),
				"content/lov/a.md": law("A"),
			})
			if got := withoutHints(content.ConfigRefs(site)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
