package check

import (
	"strings"
	"testing"
)

// TestSecurityTxtRule: a site without [security] gets one warning at
// config.toml that says what to add; with the table, or with the rule
// off, none.
func TestSecurityTxtRule(t *testing.T) {
	files := map[string]string{"content/a.md": page("A", "Kort tekst.")}
	tests := []struct {
		name, config string
		want         []string
	}{
		{"with [security]", "", nil},
		{"without", "nosecurity", []string{"config.toml: warning: the site publishes no security.txt: config.toml has no [security] [security-txt]"}},
		{"rule off", "nosecurity\n[check.security-txt]\nlevel = \"off\"\n", nil},
		{"rule an error", "nosecurity\n[check.security-txt]\nlevel = \"error\"\n", []string{"config.toml: error: the site publishes no security.txt: config.toml has no [security] [security-txt]"}},
	}
	for _, tt := range tests {
		r := siteWithout(t, tt.config, files)
		var got []string
		for _, e := range r.Findings() {
			if e.File == "config.toml" {
				got = append(got, e.Pos()+": "+e.Level.String()+": "+e.Msg+" ["+e.Rule+"]")
				if e.Hint == "" {
					t.Errorf("%s: the finding does not say what to add", tt.name)
				}
			}
		}
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// siteWithout is testSite, without its [security] table when config
// starts with "nosecurity".
func siteWithout(t *testing.T, config string, files map[string]string) *Report {
	t.Helper()
	if rest, ok := strings.CutPrefix(config, "nosecurity"); ok {
		return testSiteConfig(t, "title = \"Test\"\nmunicipality = \"Testby Kommune\"\n"+rest, files)
	}
	return testSite(t, "da", config, files)
}
