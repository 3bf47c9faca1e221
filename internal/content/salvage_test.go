package content

import (
	"strings"
	"testing"

	"github.com/torv/torv/internal/decode"
)

// TestSalvage holds what salvage keeps of a front matter that is not TOML:
// every statement that decodes with those before it, each on its own line.
func TestSalvage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unclosed quote",
			"title = \"Klage\ntags = [\"ret\"]\nslug = \"klager\"\n",
			"\ntags = [\"ret\"]\nslug = \"klager\"\n"},
		{"unclosed array, over lines",
			"tags = [\n  \"ret\",\ntitle = \"Klage\"\n",
			"\n\ntitle = \"Klage\"\n"},
		{"a multi-line string holds what looks like a key",
			"title = \"Klage\nin_short = \"\"\"\nfrist = 4 uger\n\"\"\"\nweight = 2\n",
			"\nin_short = \"\"\"\nfrist = 4 uger\n\"\"\"\nweight = 2\n"},
		{"a key the decoder refuses, then a table",
			"lørdag = \"10-12\"\ntitle = \"Klage\"\n[address]\nstreet = \"Vej 1\"\n",
			"\ntitle = \"Klage\"\n[address]\nstreet = \"Vej 1\"\n"},
		{"a key given twice",
			"title = \"A\"\ntitle = \"B\"\n",
			"title = \"A\"\n\n"},
		{"YAML",
			"title: A\ndate: 2024-05-01\n",
			"\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := salvage(decode.Source{File: "content/a.md", Text: tt.in, Line: 2, What: "front matter"})
			if got.Text != tt.want {
				t.Errorf("salvage kept\n%s\nwant\n%s", got.Text, tt.want)
			}
			if strings.Count(got.Text, "\n") != strings.Count(tt.in, "\n") {
				t.Error("salvage moved lines")
			}
		})
	}
}
