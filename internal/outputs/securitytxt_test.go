package outputs_test

import (
	"strings"
	"testing"
	"time"
)

// TestSecurityTxtExpiry: a security.txt is written while it holds; the
// build warns 30 days before its expires, and fails after it, at the
// expires line of config.toml; without [security] nothing is written.
func TestSecurityTxtExpiry(t *testing.T) {
	const sec = "[security]\ncontact = [\"sikkerhed@fjordby.dk\"]\nexpires = 2027-06-30\n"
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d.Add(12 * time.Hour) }
	tests := []struct {
		now   string
		extra string
		file  bool
		diag  string
	}{
		{"2026-12-05", sec, true, ""},
		{"2027-05-31", sec, true, ""},
		{"2027-06-01", sec, true, "config.toml:10:11: warning: security.txt expires on 2027-06-30, in 30 days (check that the contacts in [security] are right, then set expires = 2028-06-01 (at most a year ahead))"},
		{"2027-06-30", sec, true, "config.toml:10:11: warning: security.txt expires on 2027-06-30, in 1 day ("},
		{"2027-07-01", sec, true, "config.toml:10:11: security.txt expired on 2027-06-30 (check that the contacts in [security] are right, then set expires = 2028-07-01 (at most a year ahead))"},
		{"2026-05-01", sec, true, "config.toml:10:11: warning: security.txt expires on 2027-06-30, more than a year ahead"},
		{"2026-12-05", "", false, ""},
	}
	for _, tt := range tests {
		in := hostInput(t, "https://x.dk/", tt.extra)
		in.Now = day(tt.now)
		files, diags := made(t, in)
		if _, ok := files[".well-known/security.txt"]; ok != tt.file {
			t.Errorf("%s: security.txt written %v, want %v", tt.now, ok, tt.file)
		}
		got := strings.Join(diags, "\n")
		if (tt.diag == "") != (got == "") || !strings.HasPrefix(got, tt.diag) {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", tt.now, got, tt.diag)
		}
	}
}
