package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSecurityTxt: torv build writes security.txt from [security]; it
// warns 30 days before expires (build -strict fails) and fails after it,
// at config.toml's expires line, and torv check says the same. Without
// [security] nothing is written, and torv check names what to add without
// failing build -strict.
func TestSecurityTxt(t *testing.T) {
	const base = "title = \"Test\"\nmunicipality = \"Testby Kommune\"\nbaseurl = \"https://test.example/\"\n"
	const sec = "\n[security]\ncontact = [\"sikkerhed@test.example\"]\nexpires = 2027-06-30\n"
	const at = "config.toml:7:11: "
	tests := []struct {
		name, config, date string
		args               []string
		code               int
		out                string // in stdout and stderr
		file               bool   // security.txt written
	}{
		// torv build judges on today: an expires half a year ahead.
		{"build", base + strings.Replace(sec, "2027-06-30", time.Now().AddDate(0, 6, 0).Format(time.DateOnly), 1), "", []string{"build"}, exitOK, "", true},
		{"check", base + sec, "2026-12-05", []string{"check"}, exitOK, "0 errors and 0 warnings", false},
		{"check, a month before", base + sec, "2027-06-10", []string{"check"}, exitOK, at + "warning: security.txt expires on 2027-06-30, in 21 days", false},
		{"check, lapsed", base + sec, "2027-07-01", []string{"check"}, exitContent, at + "error: security.txt expired on 2027-06-30", false},
		{"check without [security]", base, "", []string{"check"}, exitOK, "config.toml: warning: the site publishes no security.txt: config.toml has no [security] [security-txt]\n    fix: add [security]", false},
		{"build -strict without [security]", base, "", []string{"build", "-strict"}, exitOK, "config.toml: warning: the site publishes no security.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := checkSite(t, map[string]string{"config.toml": tt.config})
			dest := filepath.Join(t.TempDir(), "public")
			args := append(tt.args, "-source", site)
			if tt.args[0] == "build" {
				args = append(args, "-destination", dest)
			}
			if tt.date != "" {
				args = append(args, "-date", tt.date)
			}
			code, stdout, stderr := runCLI(args...)
			if code != tt.code || !strings.Contains(stdout+stderr, tt.out) {
				t.Errorf("exit %d, want %d with %q\n%s%s", code, tt.code, tt.out, stdout, stderr)
			}
			_, err := os.Stat(filepath.Join(dest, ".well-known", "security.txt"))
			if (err == nil) != tt.file {
				t.Errorf("security.txt written: %v, want %v", err == nil, tt.file)
			}
		})
	}
}
