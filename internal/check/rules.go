package check

import (
	"github.com/torv/torv/internal/config"
	"github.com/torv/torv/internal/diag"
)

// Rule describes one rule: its name (in findings, in config.toml's
// [check.<name>] and in a page's check_off), the level of its findings by
// default, and what it looks for.
type Rule struct {
	Name  string
	Level diag.Level // the level of its findings; for staged rules, of the later stage
	// Staged rules report a warning first and an error later (lix above
	// its warning and its error limit, a review date coming and passed).
	Staged bool
	About  string
}

// Rules are torv check's rules, in the order of the documentation.
var Rules = []Rule{
	{"lix", diag.LevelError, true, "LIX of the page's running text above the warning (40) or error (50) limit"},
	{"long-sentence", diag.LevelWarning, false, "sentences of more than 25 words"},
	{"long-word", diag.LevelWarning, false, "words of more than 20 letters"},
	{"jargon", diag.LevelWarning, false, "words from the language's jargon list that the glossary does not explain"},
	{"glossary", diag.LevelWarning, false, "glossary terms used on a page that neither links them nor their glossary entry"},
	{"abbreviation", diag.LevelWarning, false, "abbreviations without their expansion at first use"},
	{"heading", diag.LevelWarning, false, "a second h1, skipped heading levels, empty headings"},
	{"image-alt", diag.LevelError, false, "images without alt text, or with a file name as alt text"},
	{"link-text", diag.LevelWarning, false, "link text that says nothing: \"klik her\", \"læs mere\", \"read more\""},
	{"link-same-text", diag.LevelWarning, false, "one link text for two different targets on a page"},
	{"link-pdf", diag.LevelWarning, false, "links to a PDF that do not say so"},
	{"anchor", diag.LevelError, false, "links to a #part of a page that has no such part"},
	{"mailto-tel", diag.LevelError, false, "mailto: and tel: links that are not an e-mail address or a phone number"},
	{"law-link", diag.LevelWarning, false, "law explainers without an official link to the law"},
	{"review-date", diag.LevelError, true, "law explainers due for review (warning 30 days before) or past it (error)"},
	{"description", diag.LevelWarning, false, "pages without a description"},
	{"table-header", diag.LevelWarning, false, "tables without a header row"},
	{"security-txt", diag.LevelWarning, false, "a site without [security] in config.toml, so no security.txt says where to report a security problem"},
}

// RuleNames returns the names of the rules, in order.
func RuleNames() []string {
	names := make([]string, len(Rules))
	for i, r := range Rules {
		names[i] = r.Name
	}
	return names
}

func ruleByName(name string) (Rule, bool) {
	for _, r := range Rules {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// levels is the level each rule reports at after config.toml: off rules
// are missing.
type levels map[string]config.Level

func newLevels(cfg *config.Check) levels {
	l := levels{}
	for _, r := range Rules {
		if lv := cfg.RuleLevel(r.Name); lv != "" {
			l[r.Name] = lv
		} else if r.Level == diag.LevelError {
			l[r.Name] = config.LevelError
		} else {
			l[r.Name] = config.LevelWarning
		}
	}
	return l
}

// apply turns the level a rule found into the level it reports: config
// may cap a rule at warning, or raise a one-stage rule to error. ok is
// false when the rule is off.
func (l levels) apply(rule string, found diag.Level) (level diag.Level, ok bool) {
	switch l[rule] {
	case config.LevelOff:
		return 0, false
	case config.LevelWarning:
		return diag.LevelWarning, true
	case config.LevelError:
		if r, _ := ruleByName(rule); r.Staged {
			return found, true
		}
		return diag.LevelError, true
	}
	return found, true
}

// on reports whether a rule is switched on in config.toml.
func (l levels) on(rule string) bool { return l[rule] != config.LevelOff }

// Limits with their defaults.
const (
	defaultLIXWarning   = 40
	defaultLIXError     = 50
	defaultLIXMinWords  = 30
	defaultSentence     = 25
	defaultWordLetters  = 20
	defaultReviewWarn   = 30
	defaultReviewMonths = 12
)

func or(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}
