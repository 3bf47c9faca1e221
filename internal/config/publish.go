package config

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/torv/torv/internal/decode"
	"github.com/torv/torv/internal/diag"
)

// Hosts are the kinds of web server torv writes configuration for
// ([publish] hosts): each reads the site's headers, redirects and 404 page
// from a file of its own format.
var Hosts = []string{"netlify", "cloudflare", "nginx", "apache"}

// DefaultHSTS is the max-age, in seconds, of Strict-Transport-Security
// when config.toml does not set one: a year, what browsers' preload lists
// ask for.
const DefaultHSTS = 31536000

// Publish is [publish]: the hosts to write configuration for, and HSTS.
type Publish struct {
	// Hosts names the hosts to write files for; nil means all of them,
	// an empty list none (a host that reads none of the formats, such
	// as GitHub Pages).
	Hosts []string `toml:"hosts"`
	// HSTS is Strict-Transport-Security: a max-age in seconds, or false.
	HSTS hstsOpt `toml:"hsts"`
}

// hstsOpt is hsts = 31536000, hsts = true (the default max-age) or
// hsts = false.
type hstsOpt struct {
	Set    bool
	MaxAge int64 // 0: off
}

func (h *hstsOpt) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case bool:
		h.Set, h.MaxAge = true, 0
		if x {
			h.MaxAge = DefaultHSTS
		}
		return nil
	case int64:
		if x < 1 || x > 2*DefaultHSTS {
			return fmt.Errorf("must be a number of seconds from 1 to %d (two years), or false", 2*DefaultHSTS)
		}
		h.Set, h.MaxAge = true, x
		return nil
	}
	return errors.New("must be a number of seconds, like hsts = 31536000, or false")
}

// WritesHost reports whether torv writes configuration for host.
func (c *Config) WritesHost(host string) bool {
	return c.Publish.Hosts == nil || slices.Contains(c.Publish.Hosts, host)
}

// HSTSMaxAge is the max-age of Strict-Transport-Security, 0 for none: as
// config.toml says, else a year when the base URL is https (a browser
// ignores the header over plain http, and a site previewed on loopback
// must not pin its host to https).
func (c *Config) HSTSMaxAge() int64 {
	if c.Publish.HSTS.Set {
		return c.Publish.HSTS.MaxAge
	}
	if strings.HasPrefix(c.BaseURL, "https://") {
		return DefaultHSTS
	}
	return 0
}

// Security is [security], what /.well-known/security.txt (RFC 9116) says:
// whom to tell about a security problem, until when that holds, the
// policy, and the languages the municipality reads reports in.
type Security struct {
	Contact            []string  `toml:"contact"`
	Expires            Timestamp `toml:"expires"`
	Policy             string    `toml:"policy"`
	PreferredLanguages []string  `toml:"preferred_languages"`
}

// Timestamp is a TOML date (2027-06-30, the end of that day in UTC) or a
// date and time with its offset.
type Timestamp struct{ time.Time }

func (t *Timestamp) UnmarshalTOML(v any) error {
	x, ok := v.(time.Time)
	if !ok {
		return errors.New("must be a date without quotes, like expires = 2027-06-30")
	}
	if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Location().String() != "UTC" {
		// A bare date is read as local midnight: it lasts the whole day.
		x = time.Date(x.Year(), x.Month(), x.Day(), 23, 59, 59, 0, time.UTC)
	}
	t.Time = x.UTC()
	return nil
}

// HasSecurity reports whether config.toml has a [security] table.
func (c *Config) HasSecurity() bool {
	return decode.Has(c.src, "security")
}

// SecurityContacts are the contacts as URIs: an e-mail address becomes a
// mailto: address and a phone number a tel: one.
func (c *Config) SecurityContacts() []string {
	out := make([]string, 0, len(c.Security.Contact))
	for _, s := range c.Security.Contact {
		out = append(out, contactURI(s))
	}
	return out
}

func contactURI(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "mailto:"), strings.HasPrefix(s, "tel:"):
		return s
	case strings.HasPrefix(s, "+"):
		return "tel:" + strings.ReplaceAll(s, " ", "-")
	}
	return "mailto:" + s
}

// validatePublish checks [publish] and [security].
func (c *Config) validatePublish(at func(key, format string, args ...any) *diag.Error) {
	for i, h := range c.Publish.Hosts {
		if !slices.Contains(Hosts, h) {
			at("publish.hosts", "unknown host %q in hosts", h).
				Hint = diag.DidYouMean(h, Hosts, "torv writes files for "+strings.Join(Hosts, ", "))
		} else if slices.Index(c.Publish.Hosts, h) < i {
			at("publish.hosts", "host %q is in hosts twice", h).Hint = "name each host once"
		}
	}
	if !c.HasSecurity() {
		return
	}
	s := &c.Security
	if len(s.Contact) == 0 {
		at("security", "[security] has no contact").
			Hint = `add contact = ["mailto:sikkerhed@fjordby.dk"]: where to report a security problem`
	}
	for _, ct := range s.Contact {
		if msg := badContact(ct); msg != "" {
			at("security.contact", "contact %q %s", ct, msg).
				Hint = `write an e-mail address ("sikkerhed@fjordby.dk"), a phone number ("+45 70 20 30 40") or an https:// address`
		}
	}
	if s.Expires.IsZero() {
		at("security", "[security] has no expires date").
			Hint = "add expires = " + time.Now().AddDate(1, 0, -1).Format(time.DateOnly) + ": security.txt must say until when it holds (at most a year ahead)"
	}
	if s.Policy != "" {
		if u, err := url.Parse(s.Policy); err != nil || u.Scheme != "https" || u.Host == "" {
			at("security.policy", "policy %q is not an https:// address", s.Policy).
				Hint = "write the whole address of the page that describes the policy, starting with https://"
		}
	}
	for _, l := range s.PreferredLanguages {
		if !languageTag(l) {
			at("security.preferred_languages", "%q is not a language code", l).Hint = `write codes like preferred_languages = ["da", "en"]`
		}
	}
}

// badContact says what is wrong with a [security] contact, or "".
func badContact(s string) string {
	u := contactURI(s)
	switch {
	case strings.HasPrefix(u, "https://"):
		if p, err := url.Parse(u); err != nil || p.Host == "" {
			return "is not a web address"
		}
	case strings.HasPrefix(u, "tel:"):
		if strings.Trim(u[4:], "+-0123456789") != "" || len(u) < 8 {
			return "is not a phone number"
		}
	default:
		a, err := mail.ParseAddress(strings.TrimPrefix(u, "mailto:"))
		if err != nil || a.Name != "" {
			return "is not an e-mail address"
		}
	}
	return ""
}

// languageTag reports whether s looks like a language tag (RFC 5646): a
// primary language of 2 or 3 letters, and subtags.
func languageTag(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 8 || strings.Trim(strings.ToLower(p), "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return false
		}
	}
	return true
}
