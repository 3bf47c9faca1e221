package content_test

import (
	"strings"
	"testing"
)

// TestBodyKeepsFileLines: the front matter becomes empty lines, so that a
// position in the body is a position in the file.
func TestBodyKeepsFileLines(t *testing.T) {
	tests := []struct {
		name, src, body string
	}{
		{"plain", "+++\ntitle = \"A\"\n+++\n\nTekst.\n", "\n\n\n\nTekst.\n"},
		{"longer front matter", "+++\ntitle = \"A\"\ndescription = \"B\"\nweight = 2\n+++\nTekst.\n", "\n\n\n\n\nTekst.\n"},
		{"Windows line ends", "+++\r\ntitle = \"A\"\r\n+++\r\n\r\nTekst.\r\n", "\n\n\n\r\nTekst.\r\n"},
		{"byte order mark", "\xef\xbb\xbf+++\ntitle = \"A\"\n+++\nTekst.\n", "\n\n\nTekst.\n"},
		{"fence with trailing spaces", "+++  \ntitle = \"A\"\n+++ \nTekst.\n", "\n\n\nTekst.\n"},
		{"no body", "+++\ntitle = \"A\"\n+++", "\n\n\n"},
		{"+++ inside a string is not a fence", "+++\ntitle = \"A +++\"\n+++\nTekst.\n", "\n\n\nTekst.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := mustLoad(t, map[string]string{"content/a.md": tt.src})
			p := site.PageByFile("a.md")
			if got := string(p.Body); got != tt.body {
				t.Errorf("body %q, want %q", got, tt.body)
			}
			if p.Title() != "A" && !strings.HasPrefix(p.Title(), "A ") {
				t.Errorf("title %q", p.Title())
			}
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"no front matter", "# Overskrift\n", "content/a.md:1:1: the page has no front matter"},
		{"YAML", "---\ntitle: A\n---\n", "content/a.md:1:1: the page has no front matter"},
		{"not closed", "+++\ntitle = \"A\"\n\nTekst.\n", "content/a.md:1:1: the front matter is not closed"},
		{"too large", "+++\ntitle = \"A\"\nx = \"" + strings.Repeat("x", 70<<10) + "\"\n+++\n", "content/a.md:2:1: the front matter is larger than 64 KiB"},
		{"nested too deeply", "+++\ntitle = \"A\"\n+++\n\n" + strings.Repeat("> ", 100) + "x\n", "content/a.md:5:1: the text is nested too deeply (lists or quotes inside each other)"},
		{"not UTF-8", "+++\ntitle = \"Sm\xf8rrebr\xf8d\"\n+++\n", "content/a.md:2:12: the file is not saved as UTF-8, so æ, ø and å would come out wrong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := load(t, map[string]string{"content/a.md": tt.src})
			if got := withoutHints(errs.Errors()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
