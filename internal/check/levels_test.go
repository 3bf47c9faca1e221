package check

import (
	"strings"
	"testing"
)

const hardText = "Ansøgningen om økonomisk hjælp skal indeholde dokumentation for husstandens samlede indtægtsforhold. "

func TestLevelsFromConfig(t *testing.T) {
	files := map[string]string{
		"content/a.md": page("A", strings.Repeat(hardText, 3)+"\n\nOm beskæftigelsesindsatsen."),
	}
	tests := []struct{ config, want string }{
		{"", "error lix, warning long-word"},
		{"\n[check.lix]\nlevel = \"warning\"\n", "warning lix, warning long-word"},
		{"\n[check.lix]\nlevel = \"off\"\n[check.long-word]\nlevel = \"error\"\n", "error long-word"},
		// error on a staged rule keeps its stages.
		{"\n[check.lix]\nlevel = \"error\"\nerror = 80\n", "warning lix, warning long-word"},
	}
	for _, tt := range tests {
		r := testSite(t, "da", tt.config, files)
		var got []string
		for _, e := range r.Findings() {
			if e.Rule != "description" {
				got = append(got, e.Level.String()+" "+e.Rule)
			}
		}
		if strings.Join(got, ", ") != tt.want {
			t.Errorf("%q: %s, want %s", tt.config, strings.Join(got, ", "), tt.want)
		}
	}
}

func TestCheckOff(t *testing.T) {
	r := testSite(t, "da", "", map[string]string{
		"content/a.md": page("A", strings.Repeat(hardText, 3)+"\n\nOm beskæftigelsesindsatsen, jf. loven.",
			`check_off = ["lix: Teksten citerer loven ordret.", "long-word:Et navn.", "lixx: tastefejl", "jargon", "jargon:  "]`),
	})
	expect(t, found(r, ""),
		"content/a.md:2:1: warning: the page has no description",
		`content/a.md:3:75: error: check_off names "lixx", which is no rule of torv check`,
		"content/a.md:3:94: error: check_off switches jargon off without a reason",
		"content/a.md:3:104: error: check_off switches jargon off without a reason",
		`content/a.md:8:29: warning: "jf" is officialese`)
	errs := r.Findings()[1:]
	if errs[0].Hint != `did you mean "lix"?` || errs[1].Hint != `write the reason after a colon, like "jargon: Teksten citerer loven ordret."` {
		t.Errorf("fixes %q, %q", errs[0].Hint, errs[1].Hint)
	}
	p := r.Page("content/a.md")
	if len(p.Off) != 2 || p.Off[0] != (Off{Rule: "lix", Reason: "Teksten citerer loven ordret.", Line: 3, Col: 15, Silenced: 1}) ||
		p.Off[1] != (Off{Rule: "long-word", Reason: "Et navn.", Line: 3, Col: 53, Silenced: 1}) {
		t.Errorf("off: %+v", p.Off)
	}
}

func TestRulesMatchConfig(t *testing.T) {
	// Every rule has its table in config.toml's [check], and every table
	// is a rule: a rule added on one side only would be untunable, or a
	// key that does nothing.
	c := newTestChecker(t, map[string]string{"content/a.md": page("A", "A.")})
	if got, want := strings.Join(c.cfg.RuleNames(), " "), strings.Join(RuleNames(), " "); got != want {
		t.Errorf("config's rules:\n%s\ncheck's rules:\n%s", got, want)
	}
}
