package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildWithoutAStage shows the two switches the benchmark uses to say
// what the search index costs (bench/run.sh, SEARCH=1): -timing prints
// each output stage's own time, and -without leaves one stage out, so
// that a build with and one without it can be timed.
func TestBuildWithoutAStage(t *testing.T) {
	site := writeSite(t, 3)
	tests := []struct {
		name      string
		args      []string
		code      int
		index     bool   // the output has search/da/index.json
		stderrHas string // in what the build printed on stderr
		stderrNot string
	}{
		{"timing", []string{"-timing"}, exitOK, true, "  search ", ""},
		{"without search", []string{"-timing", "-without", "search"}, exitOK, false, "  sitemap ", "  search "},
		{"unknown stage", []string{"-without", "serch"}, exitUsage, false, "no output stage of that name (there are: ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			args := append([]string{"build", "-quiet", "-source", site, "-destination", dest}, tt.args...)
			code, _, stderr := runCLI(args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			_, err := os.Stat(filepath.Join(dest, "search", "da", "index.json"))
			if has := err == nil; has != tt.index {
				t.Errorf("search/da/index.json written: %v, want %v", has, tt.index)
			}
			if !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, stderr)
			}
			if tt.stderrNot != "" && strings.Contains(stderr, tt.stderrNot) {
				t.Errorf("stderr has %q:\n%s", tt.stderrNot, stderr)
			}
			for _, stage := range []string{"open", "render", "commit"} {
				if tt.code == exitOK && !regexp.MustCompile(`(?m)^`+stage+` +[0-9.]+[µm]?s$`).MatchString(stderr) {
					t.Errorf("-timing printed no %s time:\n%s", stage, stderr)
				}
			}
		})
	}
}
