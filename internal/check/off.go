package check

import (
	"cmp"
	"slices"
	"strings"

	"github.com/torv/torv/internal/diag"
)

// readOff reads the page's check_off: each entry is "rule: reason". An
// unknown rule or a missing reason is an error at the entry, so that a
// typo never switches off something else, or nothing, in silence.
func (pc *pageCheck) readOff() {
	pc.off = map[string]*Off{}
	for _, entry := range pc.p.Common().CheckOff {
		line, col := pc.p.FrontMatterPos(entry, 1, 1)
		if entry == "" {
			line, col = pc.p.Pos("check_off")
		}
		rule, reason, _ := strings.Cut(entry, ":")
		rule, reason = strings.ToLower(strings.TrimSpace(rule)), strings.TrimSpace(reason)
		if _, ok := ruleByName(rule); !ok {
			pc.res.report.Findings = append(pc.res.report.Findings, diag.Errorf(pc.p.File, line, col,
				"check_off names %q, which is no rule of torv check", rule).
				WithHint("%s", diag.DidYouMean(rule, RuleNames(), "the rules are "+strings.Join(RuleNames(), ", "))))
			continue
		}
		if reason == "" {
			pc.res.report.Findings = append(pc.res.report.Findings, diag.Errorf(pc.p.File, line, col,
				"check_off switches %s off without a reason", rule).
				WithHint(`write the reason after a colon, like "%s: Teksten citerer loven ordret."`, rule))
			continue
		}
		if pc.off[rule] == nil {
			pc.off[rule] = &Off{Rule: rule, Reason: reason, Line: line, Col: col}
		}
	}
}

func sortOff(o []Off) {
	slices.SortFunc(o, func(a, b Off) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule)) })
}
