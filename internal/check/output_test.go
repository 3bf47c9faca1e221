package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/torv/torv/internal/diag"
	"github.com/torv/torv/internal/readability"
)

func TestWriteTextGroupsPerFile(t *testing.T) {
	r := &Report{
		Diags: diag.List{diag.Errorf("config.toml", 3, 1, "bad menu").WithHint("fix the menu")},
		Pages: []*PageReport{
			{File: "content/a.md", Findings: diag.List{
				{File: "content/a.md", Line: 9, Col: 2, Msg: "second", Level: diag.LevelWarning, Rule: "jargon"},
				{File: "content/a.md", Line: 7, Col: 1, Msg: "first", Hint: "do this", Level: diag.LevelError, Rule: "anchor"},
			}},
			{File: "content/b.md", Off: []Off{{Rule: "lix", Reason: "Citat.", Line: 4, Col: 14}}},
			{File: "content/c.md"},
		},
	}
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `# config.toml
config.toml:3:1: error: bad menu
    fix: fix the menu

# content/a.md
content/a.md:7:1: error: first [anchor]
    fix: do this
content/a.md:9:2: warning: second [jargon]

# content/b.md
content/b.md:4:14: off: lix is switched off for this page: "Citat." [lix]

torv check: 3 pages checked: 2 errors and 1 warning in 2 files; 1 rule switched off on 1 page
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	if !r.Failed(false) {
		t.Error("a report with errors did not fail")
	}
	clean := &Report{Pages: []*PageReport{{File: "content/c.md"}}}
	b.Reset()
	_ = clean.WriteText(&b)
	if b.String() != "torv check: 1 page checked: 0 errors and 0 warnings\n" || clean.Failed(true) {
		t.Errorf("clean report: %q", b.String())
	}
}

func TestWriteJSON(t *testing.T) {
	r := &Report{Pages: []*PageReport{{File: "content/a.md", URL: "/a/", Lang: "da", LIX: 42.345, Band: BandMedium,
		Hardest:  []Sentence{{Line: 6, Col: 1, Text: "En sætning.", Words: 2, Long: 1, Raise: 3.21}},
		Findings: diag.List{{File: "content/a.md", Line: 6, Col: 1, Msg: "LIX 42", Hint: "kortere", Level: diag.LevelWarning, Rule: "lix"}},
	}}}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary  map[string]any
		Findings []map[string]any
		Pages    []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Summary["warnings"] != 1.0 || got.Summary["errors"] != 0.0 || len(got.Findings) != 1 || got.Findings[0]["rule"] != "lix" ||
		got.Findings[0]["fix"] != "kortere" || got.Pages[0]["lix"] != 42.3 || got.Pages[0]["band"] != "middel" {
		t.Errorf("JSON:\n%s", b.String())
	}
	if !strings.Contains(b.String(), `"hardest_sentences": [`) || !strings.Contains(b.String(), `"text": "En sætning."`) {
		t.Errorf("no hardest sentences in:\n%s", b.String())
	}
}

// TestSummaryLIXPerLanguage: a site in more than one language gets the
// LIX of each language beside the whole site's, in the text and in JSON.
func TestSummaryLIXPerLanguage(t *testing.T) {
	// da: W=30 S=5 L=3: 6 + 10 = 16. en: W=20 S=2 L=5: 10 + 25 = 35.
	// Together: W=50 S=7 L=8: 7.14 + 16 = 23.14.
	r := &Report{Pages: []*PageReport{
		{File: "content/a.md", Lang: "da", Stats: readability.Stats{Words: 30, Sentences: 5, Long: 3}},
		{File: "content/b.en.md", Lang: "en", Stats: readability.Stats{Words: 20, Sentences: 2, Long: 5}},
	}}
	if got, want := r.Summary(), "2 pages checked: 0 errors and 0 warnings; LIX of the whole site 23 (da 16, en 35)"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Summary   map[string]float64
		Languages []struct {
			Lang         string
			Pages, Words int
			LIX          float64
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Summary["lix"] != 23.1 || len(got.Languages) != 2 || got.Languages[0].Lang != "da" || got.Languages[0].LIX != 16 ||
		got.Languages[1].Lang != "en" || got.Languages[1].LIX != 35 || got.Languages[1].Words != 20 || got.Languages[1].Pages != 1 {
		t.Errorf("JSON %+v", got)
	}
	// One language: the site's LIX says it all.
	r.Pages = r.Pages[:1]
	if got := r.Summary(); strings.Contains(got, "(da") {
		t.Errorf("summary of a site in one language: %q", got)
	}
}
