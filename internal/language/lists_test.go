package language

import (
	"strings"
	"testing"
)

// TestLists: every language has its lists, each jargon entry is a phrase
// the Matcher takes, with the plain words after the colon.
func TestLists(t *testing.T) {
	for _, l := range All() {
		if len(l.Jargon) == 0 || len(l.LinkTexts) == 0 || l.LawSite == "" || l.Name == "" {
			t.Errorf("%s: a list is missing", l.Code)
		}
		m := NewMatcher(l)
		for i, e := range l.Jargon {
			phrase, alt, ok := strings.Cut(e, ":")
			if !ok || strings.TrimSpace(alt) == "" || !m.Add(phrase, i) {
				t.Errorf("%s: jargon %q is not \"phrase: plain words\"", l.Code, e)
			}
		}
	}
}
