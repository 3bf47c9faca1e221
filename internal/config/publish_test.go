package config_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/torv/torv/internal/config"
)

// TestPublish: every host by default, the ones named otherwise, none with
// an empty list; HSTS on by default for an https base URL only, off or
// another max-age when config.toml says so.
func TestPublish(t *testing.T) {
	tests := []struct {
		src   string
		hosts []string
		hsts  int64
	}{
		{"baseurl = \"https://borger.fjordby.dk/\"\n", config.Hosts, config.DefaultHSTS},
		{"baseurl = \"http://borger.fjordby.dk/\"\n", config.Hosts, 0},
		{"", config.Hosts, 0},
		{"baseurl = \"https://x.dk/\"\n[publish]\nhosts = [\"nginx\"]\nhsts = false\n", []string{"nginx"}, 0},
		{"baseurl = \"https://x.dk/\"\n[publish]\nhosts = []\nhsts = 600\n", nil, 600},
		{"[publish]\nhsts = true\n", config.Hosts, config.DefaultHSTS},
	}
	for _, tt := range tests {
		c := parse(t, minimal+tt.src)
		var hosts []string
		for _, h := range config.Hosts {
			if c.WritesHost(h) {
				hosts = append(hosts, h)
			}
		}
		if !slices.Equal(hosts, tt.hosts) {
			t.Errorf("%q: hosts %v, want %v", tt.src, hosts, tt.hosts)
		}
		if got := c.HSTSMaxAge(); got != tt.hsts {
			t.Errorf("%q: HSTS max-age %d, want %d", tt.src, got, tt.hsts)
		}
	}
}

// TestSecurity: [security] is read with its contacts as URIs and expires
// as the end of the day in UTC; without it there is none.
func TestSecurity(t *testing.T) {
	c := parse(t, minimal+"[security]\ncontact = [\"sikkerhed@fjordby.dk\", \"+45 70 20 30 40\", \"https://fjordby.dk/sikkerhed\"]\nexpires = 2027-06-30\npolicy = \"https://fjordby.dk/politik\"\npreferred_languages = [\"da\", \"en\"]\n")
	if !c.HasSecurity() {
		t.Fatal("HasSecurity is false with a [security] table")
	}
	want := []string{"mailto:sikkerhed@fjordby.dk", "tel:+45-70-20-30-40", "https://fjordby.dk/sikkerhed"}
	if got := c.SecurityContacts(); !slices.Equal(got, want) {
		t.Errorf("contacts %v, want %v", got, want)
	}
	if got := c.Security.Expires.Format(time.RFC3339); got != "2027-06-30T23:59:59Z" {
		t.Errorf("expires %s, want the end of 2027-06-30 in UTC", got)
	}
	if parse(t, minimal).HasSecurity() {
		t.Error("HasSecurity is true without [security]")
	}
}

func TestPublishErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[publish]\nhosts = [\"ngnix\"]\n", `config.toml:5:9: unknown host "ngnix" in hosts (did you mean "nginx"?)`},
		{"[publish]\nhosts = [\"iis\"]\n", `config.toml:5:9: unknown host "iis" in hosts (torv writes files for netlify, cloudflare, nginx, apache)`},
		{"[publish]\nhsts = \"1y\"\n", "config.toml:5:8: hsts: must be a number of seconds, like hsts = 31536000, or false"},
		{"[publish]\nhsts = -1\n", "config.toml:5:8: hsts: must be a number of seconds from 1 to 63072000 (two years), or false"},
		{"[publish]\nhost = [\"nginx\"]\n", `config.toml:5:1: unknown key "host" in [publish] (did you mean "hosts"?)`},
		{"[security]\ncontact = [\"a@b.dk\"]\n", "config.toml:4:1: [security] has no expires date"},
		{"[security]\nexpires = 2027-01-01\n", "config.toml:4:1: [security] has no contact"},
		{"[security]\ncontact = [\"sikkerhed\"]\nexpires = 2027-01-01\n", `config.toml:5:11: contact "sikkerhed" is not an e-mail address`},
		{"[security]\ncontact = [\"a@b.dk\"]\nexpires = \"2027-01-01\"\n", "config.toml:6:11: expires: must be a date without quotes"},
		{"[security]\ncontact = [\"a@b.dk\"]\nexpires = 2027-01-01\npolicy = \"http://x.dk/\"\n", `config.toml:7:10: policy "http://x.dk/" is not an https:// address`},
		{"[security]\ncontact = [\"a@b.dk\"]\nexpires = 2027-01-01\npreferred_languages = [\"dansk!\"]\n", `config.toml:7:23: "dansk!" is not a language code`},
	}
	for _, tt := range tests {
		_, errs := config.ParseBytes([]byte(minimal+"\n"+tt.src), kinds, kindHint)
		if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%q:\ngot  %v\nwant %s", tt.src, errs, tt.want)
		}
	}
}
